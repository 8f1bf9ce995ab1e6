// Reports end to end in real Chromium: the built extension, the demo, DevTools opened with puppeteer-core.
// (a) capture → Export (annotated HAR, downloaded for real from the panel) → Import (the panel's file input,
//     driven with uploadFile) → the same verdicts;
// (b) the exported HAR goes through Chrome DevTools' own HAR importer (the code behind Network → Import HAR);
// (c) hostile header values and URLs are text in the panel, and the HTML report, opened in Chromium, runs nothing.
// Waits poll; no fixed sleeps.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM JavaScript without types
import { findChrome, launchWithExtension, openDevTools, pollUntil, readPanelRows, showPanel, requirePanelFrame } from '../../demo/launch.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { startDemoServer } from '../../demo/server.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { scenarios } from '../../demo/scenarios.mjs';
import { analyzeHar } from '../../src/core';
import { validateHar } from '../core/report/har-validator';
import { PAYLOADS, startHostileServer, type HostileServer } from './support/hostile-server';
import { ensureDist } from '../support/dist';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/chrome');
const executablePath: string | null = findChrome();

interface Row { id: string; verdict: string; error: string; method: string; url: string; status: string; badge: string; preflight: string; count: number }
/** Requests the rows stand for (a line of identical repeats counts each). */
const requestsIn = (rows: Row[]) => rows.reduce((n, r) => n + r.count, 0);
interface Scenario { id: string; call: { times?: number; sameOrigin?: boolean } }
interface Demo { pageOrigin: string; apiOrigin: string; close(): Promise<void> }

let demo: Demo;
let hostile: HostileServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let devtools: Page;
let extensionId: string;
let browserCdp: CDPSession;
let downloadDir: string;

const frame = (): Frame => requirePanelFrame(devtools);
const pick = (r: Row) => [r.method, r.url, r.verdict, r.error, r.preflight];

async function rowsWhere(what: string, ok: (rows: Row[]) => boolean): Promise<Row[]> {
  let last: Row[] = [];
  return pollUntil(async () => {
    last = await readPanelRows(devtools);
    return ok(last) ? last : null;
  }, { timeoutMs: 20_000, what }).catch((error: Error) => {
    throw new Error(`${error.message}\nThe panel showed:\n${last.map((r) => `  ${r.method} ${r.url} ${r.verdict} ${r.error}`).join('\n')}`);
  });
}

/** Opens the export dialog and sets its controls; returns once the redaction preview has been computed. */
async function openExport(choices: { format: string; scope: string; keepSecrets?: boolean }): Promise<void> {
  await frame().evaluate(() => document.querySelector<HTMLElement>('.tool.export')!.click());
  await pollUntil(() => frame().evaluate(() => !!document.querySelector('[role=dialog]')), { what: 'the export dialog' });
  await frame().evaluate((c: { format: string; scope: string; keepSecrets?: boolean }) => {
    const dialog = document.querySelector<HTMLElement>('[role=dialog]')!;
    const select = dialog.querySelector<HTMLSelectElement>('select[name=format]')!;
    select.value = c.format;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    dialog.querySelector<HTMLInputElement>(`input[name=scope][value=${c.scope}]`)!.click();
    const keep = dialog.querySelector<HTMLInputElement>('input[name=keepSecrets]')!;
    if (keep.checked !== !!c.keepSecrets) keep.click();
  }, choices);
  await pollUntil(() => frame().evaluate(() => !document.querySelector('.redaction-preview .busy')), { what: 'the redaction preview' });
}

/** Clicks Download (a real click on the panel's button) and returns the file Chromium saved. */
async function download(): Promise<{ name: string; text: string }> {
  let guid = '';
  const done = new Promise<string>((resolve, reject) => {
    const onProgress = (e: { guid: string; state: string; filePath?: string }) => {
      if (e.guid !== guid) return;
      if (e.state === 'completed') resolve(e.filePath!);
      else if (e.state === 'canceled') reject(new Error('the download was canceled'));
      else return;
      browserCdp.off('Browser.downloadProgress', onProgress);
    };
    browserCdp.on('Browser.downloadProgress', onProgress);
  });
  const started = new Promise<void>((resolve) =>
    browserCdp.once('Browser.downloadWillBegin', (e: { guid: string }) => {
      guid = e.guid;
      resolve();
    }),
  );
  const button = await frame().$('[role=dialog] button.download');
  await button!.click();
  await started;
  const filePath = await done;
  await frame().evaluate(() => document.querySelector<HTMLElement>('[role=dialog] .close')!.click());
  return { name: path.basename(filePath), text: fs.readFileSync(filePath, 'utf8') };
}

async function importFile(file: string): Promise<void> {
  const input = await frame().$('input[type=file].import-file');
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(file);
  await pollUntil(() => frame().evaluate(() => document.querySelector('.import-banner')?.getAttribute('data-status') === 'done'), { what: 'the import to finish' });
}

describe.skipIf(!executablePath)('reports in Chromium', () => {
  beforeAll(async () => {
    ensureDist('chrome');
    demo = await startDemoServer({ pagePort: 0, apiPort: 0 });
    hostile = await startHostileServer(demo.pageOrigin);
    downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-downloads-'));
    ({ browser, close: closeBrowser } = await launchWithExtension({ executablePath, extensionPath: DIST, headless: process.env.E2E_HEADED !== '1' }));
    browserCdp = await browser.target().createCDPSession();
    await browserCdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloadDir, eventsEnabled: true });
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`${demo.pageOrigin}/`);
    ({ devtools, extensionId } = await openDevTools(page));
    await showPanel(devtools, extensionId);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await demo?.close();
    await hostile?.close();
    if (downloadDir) fs.rmSync(downloadDir, { recursive: true, force: true });
  });

  let exported = '';
  let exportedPath = '';

  test('round trip: capture the demo, download the annotated HAR from the panel, import it back, same verdicts', async () => {
    await page.evaluate(() => (window as unknown as { runAll(n: string): Promise<unknown> }).runAll('rt'));
    const cors = (scenarios as Scenario[]).filter((s) => !s.call.sameOrigin);
    const want = cors.reduce((n, s) => n + (s.call.times ?? 1), 0);
    const live = await rowsWhere('every demo call', (rows) => requestsIn(rows.filter((r) => r.url.includes('run=rt'))) === want);
    expect(requestsIn(live.filter((r) => r.verdict === 'blocked'))).toBeGreaterThan(5);

    await openExport({ format: 'har', scope: 'all' });
    const file = await download();
    expect(file.name).toMatch(/^cors-lens-.*-all\.har$/);
    exported = file.text;
    const har = JSON.parse(exported);
    expect(validateHar(har)).toEqual([]);
    expect(har.log._corsLens.counts.blocked).toBe(requestsIn(live.filter((r) => r.verdict === 'blocked')));
    // The demo's `x-api-key: demo-key` is a secret by name: redacted by default.
    expect(exported).not.toContain('demo-key');
    // The panel's analyser runs without hints (computed on demand): the export computes them, and every blocked
    // call carries the fixes the core (`cors-lens analyze`) gives for the same file. (Matched by entry: exchange ids
    // follow arrival order, which differs between live capture and a file.)
    const cli = analyzeHar(exported);
    const blocked = new Set<string>();
    const shown: string[] = [];
    (har.log.entries as Array<{ _corsLens?: { exchangeId: string; verdict: string; hints: Array<{ id: string }> } }>).forEach((e, i) => {
      if (e._corsLens?.verdict !== 'blocked') return;
      blocked.add(e._corsLens.exchangeId);
      const ids = e._corsLens.hints.map((h) => h.id);
      expect(ids.length, `entry ${i}`).toBeGreaterThan(0);
      expect(ids, `entry ${i}`).toEqual(cli.exchanges.find((x) => x.actualEntry === i || x.preflightEntry === i)?.hints.map((h) => h.id));
      shown.push(...ids);
    });
    expect(blocked.size).toBe(har.log._corsLens.counts.blocked);
    expect(shown).toContain('APIGW-R05');

    exportedPath = path.join(downloadDir, file.name);
    await importFile(exportedPath);
    const banner = await frame().evaluate(() => document.querySelector('.import-banner')!.textContent);
    expect(banner).toContain(`Imported file: ${file.name}`);
    const imported = await readPanelRows(devtools);
    expect(imported.map(pick)).toEqual(live.map(pick));

    await frame().evaluate(() => document.querySelector<HTMLElement>('.back-to-live')!.click());
    await rowsWhere('the live rows again', (rows) => rows.length === live.length && !rows.some((r) => r.url.includes('/s/x')));
    expect(await frame().evaluate(() => document.querySelector('.import-banner'))).toBeNull();
  });

  test("Chrome DevTools' own HAR importer accepts the exported HAR (Network → Import HAR file, driven)", async () => {
    expect(exportedPath).not.toBe('');
    // DevTools' own code, from its own bundle. A string, not a function: the test runner would rewrite import().
    const devtoolsModule = (name: string) => `await import(location.href.replace(/[^/?#]*([?#].*)?$/, '') + '${name}')`;
    // 1. The HAR model: HARRoot throws on a malformed HAR; Importer.requestsFromHARLog builds the requests.
    const parsed = (await devtools.evaluate(`(async (text) => {
      const HAR = ${devtoolsModule('models/har/har.js')};
      const root = new HAR.HARFormat.HARRoot(JSON.parse(text));
      return HAR.Importer.Importer.requestsFromHARLog(root.log).map((r) => [r.requestMethod, r.url(), r.statusCode]);
    })(${JSON.stringify(exported)})`)) as unknown[];
    const entries = JSON.parse(exported).log.entries as Array<{ request: { method: string; url: string }; response: { status: number } }>;
    // (The importer orders requests by start time; compare as sets.)
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(parsed)).toEqual(sorted(entries.map((e) => [e.request.method, e.request.url, e.response.status])));

    // 2. The Network panel's "Import HAR file" input (the button opens it), given the downloaded file for real.
    const input = await devtools.evaluateHandle(`(async () => {
      const Network = ${devtoolsModule('panels/network/network.js')};
      const panel = Network.NetworkPanel.NetworkPanel.instance();
      const view = panel.networkLogView;
      const Logs = ${devtoolsModule('models/logs/logs.js')};
      // The live capture already holds requests with these URLs: only requests made by the import count.
      globalThis.__before = new Set(Logs.NetworkLog.NetworkLog.instance().requests());
      globalThis.__harLoadFailures = [];
      const failed = view.harLoadFailed.bind(view);
      view.harLoadFailed = (message) => (globalThis.__harLoadFailures.push(String(message)), failed(message));
      return panel.fileSelectorElement;
    })()`);
    await (input.asElement() as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(exportedPath);
    const inLog = (await pollUntil(
      () =>
        devtools.evaluate(`(async () => {
          const Logs = ${devtoolsModule('models/logs/logs.js')};
          const urls = Logs.NetworkLog.NetworkLog.instance().requests().filter((r) => !globalThis.__before.has(r)).map((r) => r.url());
          return urls.length >= ${entries.length} || globalThis.__harLoadFailures.length ? urls : null;
        })()`),
      { what: "DevTools' Network log to hold the imported requests" },
    )) as string[];
    expect(await devtools.evaluate('globalThis.__harLoadFailures')).toEqual([]);
    for (const e of entries) expect(inLog).toContain(e.request.url);
  });

  test('drag and drop: a .har dropped on the panel is imported', async () => {
    // A real drag of a file (CDP Input.dispatchDragEvent on the DevTools window) onto the middle of the panel.
    const box = await (await frame().frameElement())!.boundingBox();
    const at = { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 };
    const cdp = await devtools.createCDPSession();
    const data = { items: [], files: [exportedPath], dragOperationsMask: 1 };
    await cdp.send('Input.dispatchDragEvent', { type: 'dragEnter', ...at, data });
    await cdp.send('Input.dispatchDragEvent', { type: 'dragOver', ...at, data });
    await pollUntil(() => frame().evaluate(() => !!document.querySelector('.drop-target')), { what: 'the drop target' });
    await cdp.send('Input.dispatchDragEvent', { type: 'drop', ...at, data });
    await pollUntil(() => frame().evaluate(() => document.querySelector('.import-banner')?.getAttribute('data-status') === 'done'), { what: 'the dropped import' });
    expect(await frame().evaluate(() => document.querySelector('.import-name')!.textContent)).toBe(`Imported file: ${path.basename(exportedPath)}`);
    await cdp.detach();
    await frame().evaluate(() => document.querySelector<HTMLElement>('.back-to-live')!.click());
  });

  test('injection: hostile header values and URLs are text in the panel; the HTML report runs nothing', async () => {
    // Count script-like effects in the panel: alert() and CSP violations (an injected inline handler would trip one).
    await frame().evaluate(() => {
      const w = window as unknown as { __hits: string[] } & Record<string, unknown>;
      w.__hits = [];
      for (const k of ['alert', 'confirm', 'prompt']) w[k] = (...a: unknown[]) => w.__hits.push(`${k}:${a.join()}`);
      document.addEventListener('securitypolicyviolation', (e) => w.__hits.push(`csp:${e.violatedDirective}`));
    });
    const scriptsBefore = await frame().evaluate(() => document.scripts.length);
    await page.evaluate(async (origin: string, payloads: typeof PAYLOADS) => {
      await fetch(`${origin}/evil-allowed?q=${encodeURIComponent(payloads.script)}&u=javascript:alert(1)`).catch(() => undefined);
      await fetch(`${origin}/evil-acao`).catch(() => undefined);
      await fetch(`${origin}/evil-put`, { method: 'PUT', headers: { 'X-Evil': payloads.img } }).catch(() => undefined);
    }, hostile.origin, PAYLOADS);
    await frame().evaluate(() => document.querySelector<HTMLElement>('[data-quick=all]')!.click());
    await rowsWhere('the hostile calls', (rows) => ['/evil-allowed', '/evil-acao', '/evil-put'].every((p) => rows.some((r) => r.url.includes(p))));

    // A crafted HAR too: raw markup in the URL and the redirect target, which a browser would have percent-encoded.
    const crafted = path.join(downloadDir, 'crafted.har');
    const evilUrl = `${hostile.origin}/x/${PAYLOADS.script}${PAYLOADS.img}?next=${PAYLOADS.js}`;
    fs.writeFileSync(crafted, JSON.stringify({ log: { version: '1.2', creator: { name: 'crafted', version: '1' }, entries: [{
      startedDateTime: new Date().toISOString(), time: 1, cache: {}, timings: { send: 0, wait: 0, receive: 0 },
      request: { method: 'GET', url: evilUrl, httpVersion: 'HTTP/1.1', cookies: [], queryString: [], headersSize: -1, bodySize: 0,
        headers: [{ name: 'Origin', value: demo.pageOrigin }, { name: 'X-Evil', value: PAYLOADS.img }] },
      response: { status: 302, statusText: PAYLOADS.script, httpVersion: 'HTTP/1.1', cookies: [], headersSize: -1, bodySize: 0, redirectURL: PAYLOADS.js,
        content: { size: 0, mimeType: 'text/html' }, headers: [{ name: 'Location', value: PAYLOADS.js }, { name: 'Access-Control-Allow-Origin', value: PAYLOADS.img }] },
    }] } }));

    /** Opens the detail of each row in turn and reads the panel as a whole (text of every detail seen). */
    const inspectPanel = async (needles: string[]) => {
      let text = '';
      for (const needle of needles) {
        await frame().evaluate((n: string) => {
          const row = [...document.querySelectorAll<HTMLElement>('.rows [role=row]')].find((r) => r.querySelector('.c-url')?.getAttribute('title')?.includes(n));
          row!.click();
        }, needle);
        text += await pollUntil(
          () => frame().evaluate((n: string) => (document.querySelector('.detail .title')?.textContent?.includes(n) ? document.body.textContent : null), needle),
          { what: `the detail of ${needle}` },
        );
      }
      return frame().evaluate((t: string) => ({
        text: t,
        scripts: document.scripts.length,
        imgs: document.querySelectorAll('img').length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        jsLinks: [...document.querySelectorAll('[href], [src]')].filter((el) => /^\s*javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? '')).length,
        hits: (window as unknown as { __hits: string[] }).__hits,
      }), text);
    };
    const live = await inspectPanel(['/evil-allowed', '/evil-acao', '/evil-put']);
    expect(live.text).toContain(PAYLOADS.script);
    expect(live.text).toContain(PAYLOADS.img);
    expect(live.text).toContain(PAYLOADS.js);
    expect(live).toMatchObject({ scripts: scriptsBefore, imgs: 0, handlers: 0, jsLinks: 0, hits: [] });

    // The HTML report of the hostile calls, secrets kept so every payload reaches it unchanged.
    await openExport({ format: 'html', scope: 'all', keepSecrets: true });
    const report = await download();
    expect(report.text).toContain('Content-Security-Policy');

    await importFile(crafted);
    const craftedView = await inspectPanel(['/x/']);
    expect(craftedView.text).toContain(evilUrl);
    expect(craftedView).toMatchObject({ scripts: scriptsBefore, imgs: 0, handlers: 0, jsLinks: 0, hits: [] });
    await openExport({ format: 'html', scope: 'all', keepSecrets: true });
    const craftedReport = await download();
    await frame().evaluate(() => document.querySelector<HTMLElement>('.back-to-live')!.click());

    for (const html of [report.text, craftedReport.text]) {
      hostile.setReport(html);
      const viewer = await browser.newPage();
      const seen = { dialogs: [] as string[], console: [] as string[], requests: [] as string[] };
      viewer.on('dialog', (d) => {
        seen.dialogs.push(d.message());
        void d.dismiss();
      });
      viewer.on('console', (m) => seen.console.push(m.text()));
      viewer.on('request', (r) => seen.requests.push(r.url()));
      const hitsBefore = hostile.hits.length;
      await viewer.goto(`${hostile.origin}/report.html`, { waitUntil: 'load' });
      const dom = await viewer.evaluate(() => ({
        text: document.body.textContent ?? '',
        scripts: document.querySelectorAll('script').length,
        imgs: document.querySelectorAll('img, iframe, object, embed').length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        jsLinks: [...document.querySelectorAll('[href]')].filter((el) => !el.getAttribute('href')!.startsWith('#')).length,
        csp: document.querySelector('meta[http-equiv=Content-Security-Policy]')?.getAttribute('content') ?? '',
      }));
      // Let anything that would run or load have its chance: wait for the page to be idle on the network.
      await viewer.waitForNetworkIdle({ idleTime: 300 });
      await viewer.close();
      expect(dom.text).toContain(PAYLOADS.script);
      expect(dom.text).toContain(PAYLOADS.img);
      expect(dom).toMatchObject({ scripts: 0, imgs: 0, handlers: 0, jsLinks: 0 });
      expect(dom.csp).toMatch(/default-src 'none'/);
      expect(seen).toEqual({ dialogs: [], console: [], requests: [`${hostile.origin}/report.html`] });
      expect(hostile.hits.slice(hitsBefore)).toEqual(['GET /report.html']);
    }
  });
});
