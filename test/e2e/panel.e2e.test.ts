// End to end in real Chromium: the built extension (dist/chrome), the two-origin demo server,
// DevTools opened with puppeteer-core, the CORS panel shown and read from its own DOM.
// Chrome's own verdicts (CDP Network.loadingFailed corsErrorStatus) are the oracle.
// Headless by default; E2E_HEADED=1 under xvfb-run for a window. Waits poll; no fixed sleeps.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM JavaScript without types
import { findChrome, launchWithExtension, openDevTools, panelFrame, pollUntil, readPanelRows, reopenDevTools, setDevToolsPreferences, showPanel } from '../../demo/launch.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { startDemoServer } from '../../demo/server.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { scenarios } from '../../demo/scenarios.mjs';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/chrome');
const SHOTS = path.join(ROOT, 'docs/screenshots');
const executablePath: string | null = findChrome();

interface Row { id: string; verdict: string; error: string; method: string; url: string; status: string; badge: string; preflight: string }
interface Scenario { id: string; expect: string; call: { method: string; times?: number; sameOrigin?: boolean } }
interface Demo { pageOrigin: string; apiOrigin: string; close(): Promise<void> }

let demo: Demo;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let devtools: Page;
let extensionId: string;
/** Chrome's own verdicts: URL → corsError, from CDP on the inspected tab. */
const chromeSays = new Map<string, string>();

const frame = () => {
  const f = panelFrame(devtools);
  if (!f) throw new Error('panel frame not found');
  return f;
};
const rowsFor = (rows: Row[], run: string, id: string) => rows.filter((r) => r.url.includes(`/s/${id}?run=${run}`));
async function waitForRows(what: string, ok: (rows: Row[]) => boolean): Promise<Row[]> {
  let last: Row[] = [];
  return pollUntil(async () => {
    last = await readPanelRows(devtools);
    return ok(last) ? last : null;
  }, { timeoutMs: 20_000, what }).catch((error: Error) => {
    throw new Error(`${error.message}\nThe panel showed:\n${last.map((r) => `  ${r.method} ${r.url} ${r.verdict} ${r.error} ${r.preflight}`).join('\n')}`);
  });
}
async function selectRow(run: string, id: string): Promise<void> {
  await frame().evaluate((needle: string) => {
    const row = [...document.querySelectorAll<HTMLElement>('.rows [role=row]')].find((r) => r.querySelector('.c-url')?.getAttribute('title')?.includes(needle));
    if (!row) throw new Error('no row ' + needle);
    row.click();
  }, `/s/${id}?run=${run}`);
  await pollUntil(() => frame().evaluate((needle: string) => document.querySelector('.detail .title')?.textContent?.includes(needle), `/s/${id}?run=${run}`), {
    what: `the detail of ${id}`,
  });
}

describe.skipIf(!executablePath)('CORS panel in Chromium', () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, 'manifest.json'))) {
      const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('vite build failed');
    }
    demo = await startDemoServer({ pagePort: 0, apiPort: 0 });
    ({ browser, close: closeBrowser } = await launchWithExtension({
      executablePath,
      extensionPath: DIST,
      headless: process.env.E2E_HEADED !== '1',
    }));
    page = (await browser.pages())[0] ?? (await browser.newPage());
    const cdp = await page.createCDPSession();
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => urls.set(e.requestId, e.request.url));
    cdp.on('Network.loadingFailed', (e: { requestId: string; corsErrorStatus?: { corsError: string } }) => {
      const url = urls.get(e.requestId);
      if (url && e.corsErrorStatus) chromeSays.set(url, e.corsErrorStatus.corsError);
    });
    await cdp.send('Network.enable');
    await page.goto(`${demo.pageOrigin}/`);
    ({ devtools, extensionId } = await openDevTools(page));
  });

  afterAll(async () => {
    await closeBrowser?.();
    await demo?.close();
  });

  test('captures calls made before the panel was first shown', async () => {
    await page.evaluate(() => (window as unknown as { runScenario(id: string, n: string): Promise<unknown> }).runScenario('missing-acao', 'early'));
    await page.evaluate(() => (window as unknown as { runScenario(id: string, n: string): Promise<unknown> }).runScenario('put-json', 'early'));
    await showPanel(devtools, extensionId);
    const rows = await waitForRows('the early calls', (r) => rowsFor(r, 'early', 'missing-acao').length === 1 && rowsFor(r, 'early', 'put-json').length === 1);
    expect(rowsFor(rows, 'early', 'missing-acao')[0]).toMatchObject({ verdict: 'blocked', error: 'MissingAllowOriginHeader' });
    expect(rowsFor(rows, 'early', 'put-json')[0]).toMatchObject({ verdict: 'allowed', preflight: 'sent' });
  });

  test('lists every demo call with the verdict Chrome reports', async () => {
    await page.evaluate(() => (window as unknown as { runAll(n: string): Promise<unknown> }).runAll('all'));
    const cors = (scenarios as Scenario[]).filter((s) => !s.call.sameOrigin);
    const rows = await waitForRows('every demo call (unread-body comes from getHAR)', (r) =>
      cors.every((s) => rowsFor(r, 'all', s.id).length === (s.call.times ?? 1)),
    );
    for (const s of cors) {
      for (const row of rowsFor(rows, 'all', s.id)) {
        expect.soft(row.method, s.id).toBe(s.call.method);
        if (s.expect === 'allowed') {
          expect.soft(row.verdict, s.id).toBe('allowed');
          expect.soft(chromeSays.get(row.url), `${s.id}: Chrome reported no CORS error`).toBeUndefined();
        } else {
          expect.soft({ id: s.id, verdict: row.verdict, error: row.error, badge: row.badge }).toEqual({ id: s.id, verdict: 'blocked', error: s.expect, badge: s.expect });
          expect.soft(chromeSays.get(row.url), `${s.id}: what Chrome itself reported`).toBe(s.expect);
        }
      }
    }
    const cached = rowsFor(rows, 'all', 'preflight-cached').map((r) => r.preflight);
    expect(cached).toEqual(['sent', 'from cache']);
    expect(rowsFor(rows, 'all', 'gateway-502')[0]!.status).toContain('502');
    expect(rowsFor(rows, 'all', 'preflight-403')[0]!.status).toContain('not sent');
  });

  test('hints load on demand: not at start, then in the detail of a blocked call (API Gateway 502)', async () => {
    // The panel's analyser runs without the hint engine; its chunk is loaded when an exchange with hints is shown.
    // (Resource Timing lists nothing in an extension page; the build's import() helper adds a modulepreload link
    // for each chunk it loads, which the page's own HTML does for the start bundle.)
    const loadedChunks = (): Promise<string[]> =>
      frame().evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => l.href.replace(/^.*\//, '')));
    expect(await loadedChunks()).not.toEqual([]);
    expect((await loadedChunks()).filter((n) => n.startsWith('hint-engine'))).toEqual([]);
    await selectRow('all', 'gateway-502');
    const hints = await pollUntil(
      () => frame().evaluate(() => {
        const shown = [...document.querySelectorAll<HTMLElement>('.detail .hint')];
        return shown.length ? shown.map((h) => ({ id: h.dataset.hintId, title: h.querySelector('h4')?.textContent ?? '', fixes: h.querySelectorAll('.fix').length })) : null;
      }),
      { what: 'the hints of gateway-502' },
    );
    expect(hints[0]!.id).toMatch(/^APIGW-/);
    expect(hints[0]!.title).not.toBe('');
    expect(hints[0]!.fixes).toBeGreaterThan(0);
    expect(await frame().evaluate(() => document.querySelector('.detail .hints-loading, .detail .hints-error'))).toBeNull();
    expect((await loadedChunks()).filter((n) => n.startsWith('hint-engine'))).toHaveLength(1);
    // The exchange in the store is the analyser's, without hints: they were computed for the detail.
    const stored = await frame().evaluate((needle: string) => {
      const store = (window as unknown as { corsLens: { store: { exchanges: { value: Array<{ url: string; hints: unknown[] }> } } } }).corsLens.store;
      return store.exchanges.value.find((x) => x.url.includes(needle))?.hints.length;
    }, '/s/gateway-502?run=all');
    expect(stored).toBe(0);
    // "Find it in the logs" comes with the hint engine (issue 19): the gateway's request id, in a filled command.
    const logs = await pollUntil(
      () => frame().evaluate(() => {
        const section = document.querySelector<HTMLElement>('.detail section.logs');
        section?.scrollIntoView();
        return section ? { sources: [...section.querySelectorAll('details.log-source')].map((d) => d.getAttribute('data-log-source')), filter: section.querySelector('[data-log-snippet=filter] pre')?.textContent ?? '' } : null;
      }),
      { what: 'the logs section of gateway-502' },
    );
    expect(logs.sources[0]).toBe('apigw-rest-execution');
    expect(logs.filter).toMatch(/aws logs filter-log-events --log-group-name API-Gateway-Execution-Logs_YOUR_API_ID\/YOUR_STAGE[\s\S]*--filter-pattern '"[0-9a-f-]{36}"'/);
    if (process.env.CORS_LENS_LOGS_SHOT) await devtools.screenshot({ path: process.env.CORS_LENS_LOGS_SHOT });
  });

  test('the detail shows the summary, failures, checklist and cURL of a blocked call', async () => {
    await selectRow('all', 'header-not-allowed');
    const detail = await frame().evaluate(() => ({
      summary: document.querySelector('.summary-sentence')?.textContent ?? '',
      firstFailure: document.querySelector('.failure.first')?.textContent ?? '',
      preflightChecks: [...document.querySelectorAll('[data-stage=preflight] tr.check')].map((tr) => ({
        header: tr.getAttribute('data-header'),
        status: tr.getAttribute('data-status'),
      })),
      curlActual: document.querySelector('[data-curl=actual]')?.textContent ?? '',
      curlPreflight: document.querySelector('[data-curl=preflight]')?.textContent ?? '',
      corsHeaders: [...document.querySelectorAll('dl.headers > div.cors dt')].map((dt) => dt.textContent?.toLowerCase()),
    }));
    expect(detail.summary).toMatch(/x-api-key/i);
    expect(detail.firstFailure).toContain('HeaderDisallowedByPreflightResponse');
    expect(detail.firstFailure).toContain('Chrome reports this one');
    expect(detail.preflightChecks).toContainEqual({ header: 'Access-Control-Allow-Headers', status: expect.stringMatching(/missing|mismatched|invalid/) });
    expect(detail.preflightChecks).toContainEqual({ header: 'Access-Control-Allow-Origin', status: 'ok' });
    expect(detail.curlActual).toMatch(/^curl -i -X POST 'http:\/\/127\.0\.0\.1:\d+\/s\/header-not-allowed\?run=all'/);
    expect(detail.curlActual).toMatch(/-H 'x-api-key: demo-key'/i);
    expect(detail.curlActual).toContain(`--data-raw '{"q":1}'`);
    expect(detail.curlPreflight).toContain(`curl -i -X OPTIONS '${demo.apiOrigin}/s/header-not-allowed?run=all'`);
    expect(detail.curlPreflight).toContain(`-H 'Origin: ${demo.pageOrigin}'`);
    expect(detail.curlPreflight).toContain(`-H 'Access-Control-Request-Method: POST'`);
    expect(detail.curlPreflight).toContain(`-H 'Access-Control-Request-Headers: content-type,x-api-key'`);
    expect(detail.corsHeaders).toContain('access-control-allow-headers');
  });

  test('the 502 behind a CORS error is told, with the API Gateway evidence', async () => {
    await selectRow('all', 'gateway-502');
    const text = await frame().evaluate(() => document.querySelector('.detail')?.textContent ?? '');
    expect(text).toContain('502');
    expect(text).toContain('MissingAllowOriginHeader');
    expect(text).toContain('x-amzn-errortype');
  });

  test('survives DevTools reopening; screenshots in the real DevTools light and dark themes', async () => {
    // The DevTools theme is DevTools' own `ui-theme` preference; it is read when DevTools opens and
    // reaches the panel as devtools.panels.themeName. Undocked, so the screenshot is DevTools only.
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const theme of ['default', 'dark'] as const) {
      await setDevToolsPreferences(devtools, { 'ui-theme': theme, currentDockState: 'undocked' });
      ({ devtools, extensionId } = await reopenDevTools(page, devtools));
      const run = `shot-${theme}`;
      await page.evaluate((n) => (window as unknown as { runAll(n: string): Promise<unknown> }).runAll(n), run);
      await waitForRows(`the calls after reopening (${theme})`, (r) => rowsFor(r, run, 'method-not-allowed').length === 1);
      const panelTheme = await frame().evaluate(() => document.documentElement.dataset.theme);
      expect(panelTheme).toBe(theme === 'dark' ? 'dark' : 'light');
      await selectRow(run, 'preflight-403');
      // The fixes, not "Loading fixes…" (the reopened panel loads the hint engine afresh).
      await pollUntil(() => frame().evaluate(() => !!document.querySelector('.detail .hint') && !document.querySelector('.detail .hints-loading')), {
        what: 'the hints of preflight-403',
      });
      await devtools.screenshot({ path: path.join(SHOTS, theme === 'dark' ? 'panel-dark.png' : 'panel-light.png') });
    }
    await setDevToolsPreferences(devtools, { 'ui-theme': 'default' });
  });

  test('"Everything" shows same-origin calls; navigation clears unless Preserve log is on', async () => {
    await frame().evaluate(() => document.querySelector<HTMLElement>('[data-quick=all]')!.click());
    let rows = await waitForRows('the same-origin row', (r) => r.some((x) => x.url.includes('/local/s/same-origin')));
    expect(rows.find((x) => x.url.includes('/local/s/same-origin'))!.verdict).toBe('not-cors');

    await page.reload();
    rows = await waitForRows('the list to clear on navigation', (r) => !r.some((x) => x.url.includes('run=all')));
    expect(rows.some((x) => x.url.includes('run=early'))).toBe(false);

    await frame().evaluate(() => document.querySelector<HTMLInputElement>('.toolbar input[type=checkbox]')!.click());
    await page.evaluate(() => (window as unknown as { runScenario(id: string, n: string): Promise<unknown> }).runScenario('missing-acao', 'kept'));
    await waitForRows('the kept call', (r) => rowsFor(r, 'kept', 'missing-acao').length === 1);
    await page.reload();
    await page.evaluate(() => (window as unknown as { runScenario(id: string, n: string): Promise<unknown> }).runScenario('simple-get', 'after'));
    rows = await waitForRows('the call after reload', (r) => rowsFor(r, 'after', 'simple-get').length === 1);
    expect(rowsFor(rows, 'kept', 'missing-acao')).toHaveLength(1);
  });
});
