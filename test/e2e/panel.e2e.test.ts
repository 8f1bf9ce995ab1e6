// End to end in real Chromium: the built extension (dist/chrome), the two-origin demo server,
// DevTools opened with puppeteer-core, the CORS panel shown and read from its own DOM.
// Chrome's own verdicts (CDP Network.loadingFailed corsErrorStatus) are the oracle.
// Headless by default; E2E_HEADED=1 under xvfb-run for a window. Waits poll; no fixed sleeps.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM JavaScript without types
import { consoleDrawerOpen, docScreenshot, findChrome, launchWithExtension, openDevTools, panelBox, pollUntil, readPanelRows, reopenDevTools, setDevToolsPreferences, setDevToolsWindowSize, showPanel, requirePanelFrame } from '../../demo/launch.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { startDemoServer } from '../../demo/server.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { scenarios } from '../../demo/scenarios.mjs';
import { ensureDist } from '../support/dist';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/chrome');
const SHOTS = path.join(ROOT, 'docs/screenshots');
const executablePath: string | null = findChrome();
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface Row { id: string; verdict: string; error: string; method: string; url: string; status: string; badge: string; preflight: string; count: number }
/** Requests the rows stand for (a line of identical repeats counts each). */
const requestsIn = (rows: Row[]) => rows.reduce((n, r) => n + r.count, 0);
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

const frame = () => requirePanelFrame(devtools);
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
/** Clicks the row of scenario `id` of `run` (the one with Chrome's error `error`, if given and there are two copies). */
async function selectRow(run: string, id: string, error?: string): Promise<void> {
  await frame().evaluate((needle: string, wanted: string | null) => {
    const rows = [...document.querySelectorAll<HTMLElement>('.rows [role=row]')].filter((r) => r.dataset.url?.includes(needle));
    const row = rows.find((r) => wanted === null || r.dataset.error === wanted) ?? rows[0];
    if (!row) throw new Error('no row ' + needle);
    row.click();
  }, `/s/${id}?run=${run}`, error ?? null);
  await pollUntil(() => frame().evaluate((needle: string) => document.querySelector('.detail .title')?.textContent?.includes(needle), `/s/${id}?run=${run}`), {
    what: `the detail of ${id}`,
  });
}

describe.skipIf(!executablePath)('CORS panel in Chromium', () => {
  beforeAll(async () => {
    ensureDist('chrome');
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
      cors.every((s) => requestsIn(rowsFor(r, 'all', s.id)) === (s.call.times ?? 1)),
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
    if (process.env.CORS_LENS_LOGS_SHOT) await docScreenshot(devtools, { path: process.env.CORS_LENS_LOGS_SHOT });
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

  // The layout, measured in real DevTools at three sizes and both themes: for every blocked demo request the
  // first fix card is on the first screen of the detail and the verdict is in view; axe finds no serious or
  // critical problem (contrast included); the README screenshots come from here.
  const layouts = [
    { name: '1280x800 light', dock: 'undocked', size: [1280, 800], theme: 'default', shot: 'panel-light.png', narrow: false },
    { name: '1280x800 dark', dock: 'undocked', size: [1280, 800], theme: 'dark', shot: 'panel-dark.png', narrow: false },
    { name: '800x500 light', dock: 'undocked', size: [800, 500], theme: 'default', shot: 'panel-800x500.png', narrow: false },
    { name: 'docked right, dark', dock: 'right', size: null, theme: 'dark', shot: 'panel-narrow.png', narrow: true },
  ] as const;
  const blockedScenarios = () => (scenarios as Scenario[]).filter((s) => !s.call.sameOrigin && s.expect !== 'allowed' && s.expect !== 'not-cors');
  /** Where the detail's parts are, in the panel's viewport. */
  const measure = () =>
    frame().evaluate(() => {
      const box = (sel: string) => {
        const r = document.querySelector(sel)?.getBoundingClientRect();
        return r ? { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width } : null;
      };
      return {
        width: innerWidth,
        height: innerHeight,
        body: box('.detail-body'),
        fix: box('.detail .hint.first .fix'),
        verdict: box('.detail .head-verdict .badge'),
        verdictText: document.querySelector('.detail .head-verdict .badge')?.textContent ?? '',
        listVisible: !!document.querySelector('.list') && document.querySelector('.list-pane')!.getBoundingClientRect().width > 0,
        toolbarHeight: document.querySelector('.toolbar')!.getBoundingClientRect().height,
        toolbarScroll: document.querySelector('.toolbar')!.scrollWidth - document.querySelector('.toolbar')!.clientWidth,
      };
    });
  const runAxe = async (): Promise<string[]> => {
    await frame().evaluate(AXE);
    return frame().evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; failureSummary: string }> }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] }, resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
    });
  };
  const positions: string[] = [];

  for (const layout of layouts) {
    test(`first screen at ${layout.name}: the fix and the verdict of every blocked request are in view; axe finds nothing serious`, async () => {
      await setDevToolsPreferences(devtools, { 'ui-theme': layout.theme, currentDockState: layout.dock });
      ({ devtools, extensionId } = await reopenDevTools(page, devtools));
      if (layout.size) await setDevToolsWindowSize(devtools, layout.size[0], layout.size[1]);
      const run = `layout-${layouts.indexOf(layout)}`;
      await page.evaluate((n: string) => (window as unknown as { runAll(n: string): Promise<unknown> }).runAll(n), run);
      await waitForRows(`the calls after reopening (${layout.name})`, (r) => blockedScenarios().every((s) => rowsFor(r, run, s.id).length >= 1));
      expect(await frame().evaluate(() => document.documentElement.dataset.theme)).toBe(layout.theme === 'dark' ? 'dark' : 'light');
      if (layout.size) {
        await pollUntil(() => frame().evaluate((w: number) => Math.abs(innerWidth - w) < 40, layout.size[0]), { what: `the panel at ${layout.size[0]} px` });
      }
      // The list alone: the verdict column is there whatever the width; the toolbar is one line.
      const list = await frame().evaluate(() => ({
        verdicts: [...document.querySelectorAll<HTMLElement>('.rows [role=row] .c-verdict')].filter((c) => c.getBoundingClientRect().width >= 90).length,
        rows: document.querySelectorAll('.rows [role=row]').length,
        names: [...document.querySelectorAll<HTMLElement>('.rows [role=row] .name-path')].map((n) => n.textContent ?? ''),
      }));
      expect(list.verdicts).toBe(list.rows);
      expect(list.names.every((n: string) => n.startsWith('/'))).toBe(true);

      for (const s of blockedScenarios()) {
        // (A request captured twice — issue 12 item 8, fixed in the capture — must not make this test about it.)
        await selectRow(run, s.id, s.expect);
        await pollUntil(() => frame().evaluate(() => !!document.querySelector('.detail .hint.first .fix') && !document.querySelector('.detail .hints-loading')), {
          what: `the fix of ${s.id}`,
        });
        const m = await measure();
        positions.push(`${layout.name} ${s.id}: fix top ${Math.round(m.fix!.top - m.body!.top)} px into a ${Math.round(m.body!.bottom - m.body!.top)} px detail`);
        // The first fix card's head (its title and Copy) is inside the detail's visible area, unscrolled.
        expect.soft(m.fix!.top, `${layout.name} ${s.id}: fix top`).toBeGreaterThanOrEqual(m.body!.top);
        expect.soft(m.fix!.top + 24, `${layout.name} ${s.id}: fix head inside the detail`).toBeLessThanOrEqual(m.body!.bottom);
        expect.soft(m.verdictText, `${layout.name} ${s.id}: verdict`).toBe(s.expect);
        expect.soft(m.verdict!.left >= 0 && m.verdict!.right <= m.width + 1 && m.verdict!.width > 40, `${layout.name} ${s.id}: verdict in view`).toBe(true);
        expect.soft(m.toolbarHeight, 'the toolbar is one line').toBeLessThanOrEqual(28);
        expect.soft(m.toolbarScroll, 'nothing in the toolbar is cut off').toBeLessThanOrEqual(0);
        if (layout.narrow) expect.soft(m.listVisible, 'narrow: the detail is over the list').toBe(false);
      }
      expect(await runAxe(), `axe with a detail open (${layout.name})`).toEqual([]);
      // An allowed request leads with "nothing to fix".
      await selectRow(run, 'put-json');
      expect(await frame().evaluate(() => document.querySelector('.detail-body')!.children[1]?.getAttribute('data-answer'))).toBe('nothing-to-fix');

      // Screenshot with the preflight-403 detail open (the first fix card in view).
      await selectRow(run, 'preflight-403');
      await pollUntil(() => frame().evaluate(() => !!document.querySelector('.detail .hint.first .fix')), { what: 'the fix of preflight-403' });
      // Show a toolchain whose fix is a snippet with Copy (the picker is remembered; the next layouts measure with it).
      await frame().evaluate(() => {
        const select = document.querySelector<HTMLSelectElement>('.detail .hints select')!;
        select.value = 'sam';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await pollUntil(() => frame().evaluate(() => document.querySelector('.detail .hint.first .fix')?.getAttribute('data-toolchain') === 'sam'), {
        what: 'the SAM fix',
      });
      fs.mkdirSync(SHOTS, { recursive: true });
      const clip = layout.dock === 'undocked' ? undefined : await panelBox(devtools);
      // Docked: the DevTools part of the window only (captureBeyondViewport would re-lay out DevTools and lose the panel's frame).
      await docScreenshot(devtools, {
        path: path.join(SHOTS, layout.shot),
        ...(clip ? { captureBeyondViewport: false, clip: { x: clip.x - 1, y: 0, width: clip.width + 1, height: clip.y + clip.height } } : {}),
      });

      if (layout.narrow) {
        // Back to the list: the back control, then the list with its verdicts.
        await frame().evaluate(() => document.querySelector<HTMLElement>('.detail .back')!.click());
        await pollUntil(() => frame().evaluate(() => !document.querySelector('.detail') && !!document.querySelector('.rows [role=row].selected')), { what: 'the list after Back' });
        expect(await runAxe(), `axe on the list (${layout.name})`).toEqual([]);
      }
    }, 300_000); // a DevTools reopen, 8 details and axe per layout: over 2 min on a loaded 2-core machine (seen once in CI here)
  }

  test('the fix positions measured above', () => {
    // Printed for the record (README / issue); the assertions are in the layout tests.
    console.log(positions.join('\n'));
    expect(positions.length).toBeGreaterThan(0);
  });

  test('Escape, /, arrows and Enter stay in the panel: the Console drawer stays closed', async () => {
    await setDevToolsPreferences(devtools, { 'ui-theme': 'default', currentDockState: 'undocked' });
    ({ devtools, extensionId } = await reopenDevTools(page, devtools));
    await setDevToolsWindowSize(devtools, 1280, 800);
    await page.evaluate(() => (window as unknown as { runAll(n: string): Promise<unknown> }).runAll('keys'));
    await waitForRows('the calls for the keyboard test', (r) => rowsFor(r, 'keys', 'gateway-502').length >= 1);
    expect(await consoleDrawerOpen(devtools)).toBe(false);
    // Real key presses, through DevTools, with the focus in the panel.
    const row = await frame().$('.rows [role=row]');
    await row!.click();
    const press = async (...keys: string[]) => {
      for (const k of keys) await devtools.keyboard.press(k as Parameters<Page['keyboard']['press']>[0]);
    };
    await press('ArrowDown', 'ArrowDown', 'Enter');
    await pollUntil(() => frame().evaluate(() => document.activeElement?.classList.contains('detail')), { what: 'Enter to focus the detail' });
    await press('Escape');
    await pollUntil(() => frame().evaluate(() => !document.querySelector('.detail') && document.activeElement?.classList.contains('list')), {
      what: 'Escape to close the detail and focus the list',
    });
    await press('Escape', '/');
    await pollUntil(() => frame().evaluate(() => document.activeElement?.classList.contains('filter')), { what: '/ to focus the filter' });
    await devtools.keyboard.type('gateway');
    await press('Escape');
    await devtools.keyboard.down('Control');
    await press('f');
    await devtools.keyboard.up('Control');
    await pollUntil(() => frame().evaluate(() => document.activeElement?.classList.contains('filter')), { what: 'Ctrl+F to focus the filter' });
    await press('Escape', 'Escape');
    expect(await frame().evaluate(() => (document.querySelector('.filter') as HTMLInputElement).value)).toBe('gateway');
    // The filter found the API Gateway requests by service word, not only by URL.
    const found = await waitForRows('the filter "gateway"', (r) => r.length > 0);
    expect(found.some((r) => !r.url.includes('gateway'))).toBe(true);
    // DevTools' extension API forwards keys to DevTools by message, after a timeout: a request sent afterwards on
    // the same channel (inspectedWindow.eval) is answered only once any forwarded Escape has been handled.
    await frame().evaluate(
      () =>
        new Promise((resolve) =>
          setTimeout(() => (globalThis as unknown as { chrome: { devtools: { inspectedWindow: { eval(x: string, cb: () => void): void } } } }).chrome.devtools.inspectedWindow.eval('1', () => resolve(true)), 0),
        ),
    );
    expect(await consoleDrawerOpen(devtools), 'the Console drawer after Escape in the panel').toBe(false);
    expect(await frame().evaluate(() => !!document.activeElement && document.activeElement !== document.body)).toBe(true);
    // The probe can see an open drawer: Escape in DevTools' own UI (an empty spot of its tab strip) opens it.
    const box = await panelBox(devtools);
    await devtools.mouse.click(box.x + box.width * 0.75, Math.max(2, box.y - 12));
    await press('Escape');
    await pollUntil(() => consoleDrawerOpen(devtools), { what: 'the drawer after Escape in DevTools itself' });
    await press('Escape');
    await pollUntil(async () => !(await consoleDrawerOpen(devtools)), { what: 'the drawer to close again' });
    await frame().evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('.filter')!;
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
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
