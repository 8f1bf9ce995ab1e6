// Drives Firefox for the end-to-end tests (and by hand): launches Firefox ESR with puppeteer-core over
// WebDriver BiDi (no geckodriver), installs the built add-on as a temporary add-on, opens the
// toolbox (`-devtools`) and selects the CORS panel. Plain ESM JavaScript, no build needed.
//
// Reading the panel: Firefox's DevTools are chrome-privileged and the panel runs in a remote
// <browser>, so a test cannot read its DOM. A TEST-ONLY build (CORS_LENS_TEST_SINK, see
// extension/panel/test-sink.ts) POSTs the rendered rows to `startReportSink()` below.
//
// Selecting the panel: no extension API and no content-side key event can switch the toolbox to
// another tool, so this uses Firefox's own remote-agent switch `--remote-allow-system-access`
// (BiDi `browsingContext.getTree` with "moz:scope": "chrome", then `script.evaluate` in the browser
// window) to call the toolbox's selectTool(). Only this harness does that; the add-on does not.
import fs from 'node:fs';
import http from 'node:http';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** FIREFOX_PATH if set (and present), else the first usual location that exists, else null. */
export function findFirefox(env = process.env) {
  if (env.FIREFOX_PATH) return fs.existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : null;
  return FIREFOX_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Launches Firefox with the toolbox open and installs `extensionPath` (an unpacked add-on folder)
 * as a temporary add-on. Resolves to { browser, page, addonId, close }.
 */
export async function launchFirefoxWithExtension({ executablePath, extensionPath, headless = true, prefs = {}, args = [] }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless,
    args: ['-devtools', '--remote-allow-system-access', '--width=1280', '--height=1100', ...args],
    extraPrefsFirefox: {
      // Dock the toolbox at the bottom, 1280×800: the store screenshots' size, ~30 rows.
      'devtools.toolbox.host': 'bottom',
      'devtools.toolbox.footer.height': 800,
      'devtools.netmonitor.persistlog': false,
      'browser.shell.checkDefaultBrowser': false,
      ...prefs,
    },
  });
  const addonId = await browser.installExtension(extensionPath);
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const close = async () => {
    await browser.close().catch(() => undefined);
  };
  return { browser, page, addonId, close };
}

/** Runs `fn` (a function's source, called with `args`) in the browser window (chrome scope). */
export async function evaluateInChrome(browser, fn, ...args) {
  const connection = browser.connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const win = tree.contexts.find((c) => String(c.url).startsWith('chrome://browser/content/browser.xhtml'));
  if (!win) throw new Error('no chrome browser window (is --remote-allow-system-access honoured?)');
  const { result } = await connection.send('script.callFunction', {
    functionDeclaration: String(fn),
    arguments: args.map((value) => ({ type: 'string', value: JSON.stringify(value) })),
    target: { context: win.context },
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (result.type === 'exception') throw new Error(`chrome script failed: ${result.exceptionDetails?.text}`);
  return result.result?.value === undefined ? undefined : JSON.parse(result.result.value);
}

/** In the browser window: the toolbox of the selected tab → select the add-on panel titled `title`. */
async function selectToolInChrome(titleJson) {
  const title = JSON.parse(titleJson);
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const toolbox = gDevTools.getToolboxForTab(gBrowser.selectedTab);
  if (!toolbox) return JSON.stringify({ ok: false, why: 'no toolbox for the selected tab' });
  const def = [...toolbox.additionalToolDefinitions.values()].find((d) => d.label === title);
  if (!def) return JSON.stringify({ ok: false, why: `no panel titled ${title}`, tools: [...toolbox.additionalToolDefinitions.keys()] });
  if (toolbox.currentToolId !== def.id) await toolbox.selectTool(def.id);
  return JSON.stringify({ ok: true, id: def.id });
}

/** In the browser window: close the selected tab's toolbox and open it again on the add-on panel. */
async function reopenToolboxInChrome(titleJson) {
  const title = JSON.parse(titleJson);
  const { require } = ChromeUtils.importESModule('resource://devtools/shared/loader/Loader.sys.mjs');
  const { gDevTools } = require('devtools/client/framework/devtools');
  const tab = gBrowser.selectedTab;
  await gDevTools.closeToolboxForTab(tab);
  const toolbox = await gDevTools.showToolboxForTab(tab);
  return JSON.stringify({ ok: !!toolbox, title });
}

/** In the browser window: DevTools' own theme preference ('light' | 'dark'). */
async function setThemeInChrome(themeJson) {
  Services.prefs.setCharPref('devtools.theme', JSON.parse(themeJson));
  return JSON.stringify({ ok: true });
}

/** Selects the add-on's panel in the toolbox, retrying until the add-on has registered it. */
export async function showFirefoxPanel(browser, { title = 'CORS', timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await evaluateInChrome(browser, selectToolInChrome, title).catch((e) => ({ ok: false, why: String(e) }));
    if (last.ok) return last.id;
    if (Date.now() > deadline) throw new Error(`could not select the ${title} panel: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function reopenFirefoxToolbox(browser, { title = 'CORS' } = {}) {
  await evaluateInChrome(browser, reopenToolboxInChrome, title);
  return showFirefoxPanel(browser, { title });
}

/** Sets Firefox DevTools' theme ('light' | 'dark'); open panels follow it (devtools.panels.onThemeChanged). */
export async function setFirefoxDevToolsTheme(browser, theme) {
  await evaluateInChrome(browser, setThemeInChrome, theme);
}

/**
 * The loopback sink the TEST-ONLY panel build reports to. Keeps the latest report; `command()`
 * queues actions the panel applies on its next report (filter, quick, select, har).
 */
export async function startReportSink({ host = '127.0.0.1', port = 0 } = {}) {
  let latest = null;
  let queued = {};
  const waiters = new Set();
  const server = http.createServer((req, res) => {
    const cors = { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
    if (req.method !== 'POST' || !req.url.startsWith('/__report')) {
      res.writeHead(req.method === 'OPTIONS' ? 204 : 404, cors);
      return res.end('{}');
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      try {
        latest = JSON.parse(body);
      } catch {
        // ignore a torn report
      }
      const answer = queued;
      queued = {};
      res.writeHead(200, cors);
      res.end(JSON.stringify(answer));
      for (const w of waiters) w();
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const url = `http://${host}:${server.address().port}/__report`;
  return {
    url,
    latest: () => latest,
    command(cmd) {
      queued = { ...queued, ...cmd };
    },
    /** Polls the latest report until `check(report)` is truthy. */
    async waitFor(what, check, { timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = latest && check(latest);
        if (value) return value;
        if (Date.now() > deadline) {
          const rows = (latest?.rows ?? []).map((r) => `  ${r.method} ${r.url} ${r.verdict} ${r.error} ${r.certainty} [${r.badge}] ${r.firefoxReason}`).join('\n');
          throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. The panel last showed:\n${rows || '  (no report)'}`);
        }
        await new Promise((r) => {
          const done = () => {
            waiters.delete(done);
            clearTimeout(t);
            r();
          };
          const t = setTimeout(done, 250);
          waiters.add(done);
        });
      }
    },
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}
