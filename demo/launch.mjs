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

/** Launches Chromium with the unpacked extension at `extensionPath`. */
export async function launchWithExtension({ executablePath, extensionPath, headless = true, args = [] }) {
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
    args: [...CHROME_FLAGS, `--load-extension=${ext}`, `--disable-extensions-except=${ext}`, '--window-size=1280,800', ...args],
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
      method: row.querySelector('.c-method')?.textContent ?? '',
      url: row.querySelector('.c-url')?.getAttribute('title') ?? '',
      status: row.querySelector('.c-status')?.textContent ?? '',
      badge: row.querySelector('.c-verdict')?.textContent ?? '',
      preflight: row.querySelector('.c-preflight')?.textContent ?? '',
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
