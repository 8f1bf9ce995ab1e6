// Drives Chromium for `npm start` and the end-to-end tests: finds the browser, launches it with the
// built extension, opens DevTools on a tab and shows the CORS panel (recipe and reasons in
// docs/research/capture-facts.md §2). Plain ESM JavaScript, no build needed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROME_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** CHROME_PATH if set (and present), else the first usual location that exists, else null. */
export function findChrome(env = process.env) {
  if (env.CHROME_PATH) return fs.existsSync(env.CHROME_PATH) ? env.CHROME_PATH : null;
  return CHROME_CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export function chromeNotFoundMessage(env = process.env) {
  return env.CHROME_PATH
    ? `CHROME_PATH is set to ${env.CHROME_PATH}, but nothing is there.`
    : [
        'No Chromium or Chrome found. Looked in:',
        ...CHROME_CANDIDATES.map((p) => `  ${p}`),
        'Install one (Debian/Ubuntu: sudo apt-get install chromium) or point CHROME_PATH at the binary:',
        '  CHROME_PATH=/path/to/chrome npm start',
      ].join('\n');
}

/** Polls `check` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function pollUntil(check, { timeoutMs = 20_000, intervalMs = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Chromium flags that send host names to a local server and trust its self-signed certificate:
 * `hostResolverRules` (e.g. 'MAP *.amazonaws.com 127.0.0.1') and `trustSpki` (base64 SHA-256 SPKI
 * hashes — only that key is trusted, not every certificate as --ignore-certificate-errors would).
 */
export function hostMappingArgs({ hostResolverRules, trustSpki = [] } = {}) {
  return [
    ...(hostResolverRules ? [`--host-resolver-rules=${hostResolverRules}`] : []),
    ...(trustSpki.length > 0 ? [`--ignore-certificate-errors-spki-list=${trustSpki.join(',')}`] : []),
  ];
}

/**
 * Launches Chromium with the unpacked extension at `extensionPath`. `hostResolverRules` and `trustSpki`
 * (optional) map host names to a local server, see hostMappingArgs() — startDemoServer({ aws: true })
 * returns both as `hostResolverRules` and `spki`.
 */
export async function launchWithExtension({ executablePath, extensionPath, headless = true, args = [], hostResolverRules, trustSpki = [] }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-profile-'));
  const ext = path.resolve(extensionPath);
  const browser = await puppeteer.launch({
    executablePath,
    headless,
    enableExtensions: true,
    handleDevToolsAsPage: true,
    defaultViewport: null,
    userDataDir,
    args: [...CHROME_FLAGS, `--load-extension=${ext}`, `--disable-extensions-except=${ext}`, '--window-size=1280,800', ...hostMappingArgs({ hostResolverRules, trustSpki }), ...args],
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    fs.rmSync(userDataDir, { recursive: true, force: true });
  };
  return { browser, close };
}

/** Opens DevTools for `page` and waits until the extension's devtools page runs in it. */
export async function openDevTools(page, { timeoutMs = 20_000 } = {}) {
  const devtools = await page.openDevTools();
  const frame = await pollUntil(
    () => devtools.frames().find((f) => !f.detached && /^chrome-extension:\/\/[^/]+\/extension\/devtools\/devtools\.html/.test(f.url())),
    { timeoutMs, what: 'the extension devtools page inside DevTools' },
  );
  const extensionId = new URL(frame.url()).host;
  return { devtools, extensionId, devtoolsPageFrame: () => devtools.frames().find((f) => !f.detached && f.url() === frame.url()) };
}

/** The panel frame, looked up afresh (frame handles go stale; see the facts file). */
export function panelFrame(devtools) {
  return devtools.frames().find((f) => !f.detached && /\/extension\/panel\/panel\.html/.test(f.url()));
}

/** The CORS panel's frame, for a test that cannot go on without it. */
export function requirePanelFrame(devtools) {
  const frame = panelFrame(devtools);
  if (!frame) throw new Error('panel frame not found');
  return frame;
}

/** Shows the CORS panel (DevToolsAPI.showPanel, retried until the panel page exists and has rendered). */
export async function showPanel(devtools, extensionId, { title = 'CORS', timeoutMs = 20_000 } = {}) {
  const panelId = `chrome-extension://${extensionId}${title.replace(/\s/g, '')}`;
  await pollUntil(
    async () => {
      await devtools.evaluate((id) => globalThis.DevToolsAPI.showPanel(id), panelId).catch(() => undefined);
      const frame = panelFrame(devtools);
      return frame && (await frame.evaluate(() => !!document.querySelector('.app')).catch(() => false));
    },
    { timeoutMs, intervalMs: 200, what: 'the CORS panel to render' },
  );
}

/** What the panel's list shows, row by row, read from its DOM. */
export async function readPanelRows(devtools) {
  const frame = panelFrame(devtools);
  if (!frame) return [];
  return frame.evaluate(() =>
    [...document.querySelectorAll('.rows [role=row]')].map((row) => ({
      id: row.getAttribute('data-exchange-id'),
      verdict: row.getAttribute('data-verdict'),
      error: row.getAttribute('data-error'),
      // From the row's data: the Method, Status and Preflight columns hide when the panel is narrow.
      method: row.getAttribute('data-method') ?? '',
      url: row.getAttribute('data-url') ?? '',
      status: row.getAttribute('data-status') ?? '',
      badge: row.querySelector('.c-verdict')?.textContent ?? '',
      preflight: row.getAttribute('data-preflight') ?? '',
      // A line of identical repeats (Group repeats, on by default) stands for this many requests.
      count: Number(row.getAttribute('data-count') ?? 1),
    })),
  );
}

/**
 * Sets DevTools' own preferences (e.g. `{ 'ui-theme': 'dark', currentDockState: 'undocked' }`)
 * through the embedder API. DevTools reads them when it opens, so reopen it afterwards.
 * 'ui-theme' is 'default' (light), 'dark' or 'systemPreferred'.
 */
export async function setDevToolsPreferences(devtools, prefs) {
  await devtools.evaluate((entries) => {
    for (const [name, value] of entries) globalThis.InspectorFrontendHost.setPreference(name, JSON.stringify(value));
  }, Object.entries(prefs));
}

/** Closes DevTools for `page` and opens it again (with the CORS panel shown). */
export async function reopenDevTools(page, devtools) {
  await devtools.close();
  const reopened = await openDevTools(page);
  await showPanel(reopened.devtools, reopened.extensionId);
  return reopened;
}

/** Resizes an undocked DevTools window (its own browser window) to width × height. */
export async function setDevToolsWindowSize(devtools, width, height) {
  const session = await devtools.createCDPSession();
  try {
    const { windowId } = await session.send('Browser.getWindowForTarget');
    await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
    await session.send('Browser.setWindowBounds', { windowId, bounds: { width, height } });
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Whether DevTools' drawer (the Console drawer Escape toggles) is open: its tabbed pane is laid out with a height. */
export async function consoleDrawerOpen(devtools) {
  return devtools.evaluate(() => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.classList?.contains('drawer-tabbed-pane') && el.getBoundingClientRect().height > 0) return true;
        if (el.shadowRoot && find(el.shadowRoot)) return true;
      }
      return false;
    };
    return find(document);
  });
}

/** The CORS panel's box inside the DevTools page (for a screenshot of the panel alone when DevTools is docked). */
export async function panelBox(devtools) {
  return devtools.evaluate(() => {
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'IFRAME' && /\/extension\/panel\/panel\.html/.test(el.src) && el.getBoundingClientRect().width > 0) return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const r = find(document)?.getBoundingClientRect();
    return r ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
  });
}

/**
 * A screenshot for the docs (README, docs/screenshots). These are pictures, not checks: CI (CI=true) skips them
 * unless E2E_SHOTS=1, because Page.captureScreenshot of a docked DevTools page can hang for minutes on a loaded
 * headless machine (seen once in CI, the docked-right dark layout), and a hung picture must not fail a run.
 * Locally they are always taken, within a minute each.
 */
export async function docScreenshot(page, options, env = process.env) {
  if (env.CI && env.E2E_SHOTS !== '1') return false;
  await withTimeout(page.screenshot(options), 60_000, 'Page.captureScreenshot');
  return true;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Opens the detail of the row `exchangeId` and reads the fix it leads with: the hints' titles (first
 * first) and the first fix card's title, as the panel shows them. Null if no hint appears in time.
 */
export async function readPanelFix(devtools, exchangeId, { timeoutMs = 10_000 } = {}) {
  const frame = () => panelFrame(devtools);
  await frame()?.evaluate((id) => document.querySelector(`.rows [role=row][data-exchange-id="${CSS.escape(id)}"]`)?.click(), exchangeId);
  return pollUntil(
    () =>
      frame()?.evaluate((id) => {
        const detail = document.querySelector(`.detail[data-exchange-id="${CSS.escape(id)}"]`);
        const hints = detail ? [...detail.querySelectorAll('.hint')] : [];
        if (hints.length === 0 || detail.querySelector('.hints-loading')) return null;
        const title = (el) => (el?.childNodes[0]?.textContent ?? el?.textContent ?? '').trim();
        return {
          hints: hints.map((h) => title(h.querySelector('h4'))),
          fix: hints[0].querySelector('.fix .fix-title')?.textContent?.trim() ?? null,
          toolchain: detail.querySelector('.toolchain select')?.selectedOptions[0]?.textContent ?? null,
        };
      }, exchangeId),
    { timeoutMs, what: `the fixes of ${exchangeId}` },
  ).catch(() => null);
}
