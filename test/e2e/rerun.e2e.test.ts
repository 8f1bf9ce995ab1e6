// "Re-run from the page" end to end in real Chromium: the built extension, a page (the demo server) calling an API
// whose CORS policy the test fixes between the two requests. The panel re-runs the blocked request from the page
// and links the new row ("was blocked (…), now allowed"); Chrome's own CDP verdicts are the oracle.
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM JavaScript without types
import { findChrome, launchWithExtension, openDevTools, pollUntil, readPanelRows, showPanel, requirePanelFrame } from '../../demo/launch.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { startDemoServer } from '../../demo/server.mjs';
import { startPolicyServer, type PolicyServer } from '../cli/probe/policy-server';
import { ensureDist } from '../support/dist';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/chrome');
const executablePath: string | null = findChrome();

interface Row { id: string; verdict: string; error: string; method: string; url: string }

let demo: { pageOrigin: string; close(): Promise<void> };
let api: PolicyServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let devtools: Page;
/** Chrome's own verdict per CDP request, in order: [url, corsError | 'ok']. */
const chromeSays: Array<[string, string]> = [];

const frame = () => requirePanelFrame(devtools);
const rowsOf = (rows: Row[], pathName: string) => rows.filter((r) => r.url === `${api.url}${pathName}`);
const waitForRows = (what: string, ok: (rows: Row[]) => boolean): Promise<Row[]> =>
  pollUntil(async () => {
    const rows = (await readPanelRows(devtools)) as Row[];
    return ok(rows) ? rows : null;
  }, { timeoutMs: 20_000, what });
const select = (id: string) => frame().evaluate((x: string) => (document.querySelector(`.rows [role=row][data-exchange-id="${x}"]`) as HTMLElement).click(), id);
const click = (selector: string) => frame().evaluate((s: string) => (document.querySelector(s) as HTMLElement).click(), selector);

describe.skipIf(!executablePath)('Re-run from the page, in Chromium', () => {
  beforeAll(async () => {
    ensureDist('chrome');
    demo = await startDemoServer({ pagePort: 0, apiPort: 0 });
    api = await startPolicyServer();
    // Broken at first: no Access-Control-Allow-Origin anywhere.
    api.setPolicy('/items', () => ({ allow: null }));
    api.setPolicy('/items/1', () => ({ allow: null }));
    ({ browser, close: closeBrowser } = await launchWithExtension({ executablePath, extensionPath: DIST, headless: process.env.E2E_HEADED !== '1' }));
    page = (await browser.pages())[0] ?? (await browser.newPage());
    const cdp = await page.createCDPSession();
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string }; type?: string; initiator?: { type?: string } }) => {
      if (e.type !== 'Preflight' && e.initiator?.type !== 'preflight') urls.set(e.requestId, e.request.url);
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string }) => { if (urls.has(e.requestId)) chromeSays.push([urls.get(e.requestId)!, 'ok']); });
    cdp.on('Network.loadingFailed', (e: { requestId: string; corsErrorStatus?: { corsError: string } }) => {
      if (urls.has(e.requestId)) chromeSays.push([urls.get(e.requestId)!, e.corsErrorStatus?.corsError ?? 'network-error']);
    });
    await cdp.send('Network.enable');
    await page.goto(`${demo.pageOrigin}/`);
    const opened = await openDevTools(page);
    devtools = opened.devtools;
    await showPanel(devtools, opened.extensionId);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
    await demo?.close();
  });

  test('a blocked GET, re-run after the server is fixed, shows allowed and links the two rows', async () => {
    await page.evaluate((u: string) => fetch(u, { headers: { 'X-Trace': 't1' } }).catch(() => null), `${api.url}/items`);
    const before = await waitForRows('the blocked GET', (r) => rowsOf(r, '/items').length === 1);
    expect(rowsOf(before, '/items')[0]).toMatchObject({ verdict: 'blocked', error: 'PreflightMissingAllowOriginHeader' });
    const oldId = rowsOf(before, '/items')[0]!.id;

    api.setPolicy('/items', (o) => ({ allow: o, headers: 'x-trace' }));
    await select(oldId);
    await pollUntil(() => frame().evaluate(() => !!document.querySelector('.detail .rerun-button')), { what: 'the Re-run button' });
    const seen = api.requests.length;
    await click('.detail .rerun-button');

    // A request still in flight is listed as unknown first; wait for its verdict.
    const after = await waitForRows('the re-run row, allowed', (r) => rowsOf(r, '/items').some((x) => x.id !== oldId && x.verdict === 'allowed'));
    const newRow = rowsOf(after, '/items').find((r) => r.id !== oldId)!;
    expect(newRow).toMatchObject({ verdict: 'allowed' });
    const link = await pollUntil(() => frame().evaluate(() => document.querySelector('.detail [data-rerun-as]')?.textContent ?? null), { what: 'the link to the new row' });
    expect(link).toBe(`Re-run as ${newRow.id}: was blocked (PreflightMissingAllowOriginHeader), now allowed`);
    // The page sent it (same origin, same header), and Chrome itself let it through.
    const sent = api.requests.slice(seen);
    expect(sent.map((r) => [r.method, r.headers.origin, r.headers['x-trace'] ?? r.headers['access-control-request-headers']])).toEqual([
      ['OPTIONS', demo.pageOrigin, 'x-trace'],
      ['GET', demo.pageOrigin, 't1'],
    ]);
    expect(chromeSays.filter(([u]) => u === `${api.url}/items`).map(([, v]) => v)).toEqual(['PreflightMissingAllowOriginHeader', 'ok']);

    await click(`.detail [data-rerun-link="${newRow.id}"]`);
    const back = await pollUntil(() => frame().evaluate(() => document.querySelector('.detail [data-rerun-of]')?.textContent ?? null), { what: 'the link back' });
    expect(back).toBe(`Re-run of ${oldId}: was blocked (PreflightMissingAllowOriginHeader), now allowed`);
  });

  test('a PUT asks before it is sent; Cancel sends nothing, Send re-runs it without the body unless ticked', async () => {
    await page.evaluate((u: string) => fetch(u, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'payload' }).catch(() => null), `${api.url}/items/1`);
    const before = await waitForRows('the blocked PUT', (r) => rowsOf(r, '/items/1').length === 1);
    const oldId = rowsOf(before, '/items/1')[0]!.id;
    api.setPolicy('/items/1', (o) => ({ allow: o }));
    await select(oldId);
    await pollUntil(() => frame().evaluate(() => !!document.querySelector('.detail .rerun-button')), { what: 'the Re-run button' });
    const seen = api.requests.length;
    await click('.detail .rerun-button');
    const question = await pollUntil(() => frame().evaluate(() => document.querySelector('.detail .rerun-confirm p')?.textContent ?? null), { what: 'the confirmation' });
    expect(question).toContain(`This makes the page send PUT ${api.url}/items/1 again`);
    await click('.detail .rerun-cancel');
    expect(api.requests.length).toBe(seen);
    await click('.detail .rerun-button');
    await pollUntil(() => frame().evaluate(() => !!document.querySelector('.detail .rerun-send')), { what: 'the Send button' });
    await click('.detail .rerun-send');
    const after = await waitForRows('the re-run PUT, allowed', (r) => rowsOf(r, '/items/1').some((x) => x.id !== oldId && x.verdict === 'allowed'));
    expect(rowsOf(after, '/items/1').find((r) => r.id !== oldId)).toMatchObject({ verdict: 'allowed' });
    const put = api.requests.slice(seen).find((r) => r.method === 'PUT')!;
    expect(put.headers['content-length'] ?? '0').toBe('0');
  });
});
