#!/usr/bin/env node
// Regenerates test/fixtures/aws/ from test/browser-truth/aws/scenarios.mjs: each scenario's fetch is
// made by a page in real Chromium, to an AWS host name mapped to loopback, answered by
// test/browser-truth/aws/server.mjs with the catalogue's AWS-shaped headers and bodies.
//
//   node scripts/generate-aws-fixtures.mjs
//
// Environment:
//   CHROME_PATH     Chromium binary (default /usr/lib/chromium/chromium)
//   AWS_TRUTH_PORT  HTTP port (default 47201; HTTPS is +1)
//   AWS_TRUTH_ONLY  comma-separated scenario ids (or prefixes ending in *); with it, nothing is
//                   written unless AWS_TRUTH_OUT is set
//   AWS_TRUTH_OUT   output directory (default test/fixtures/aws)
//
// Same machinery as scripts/generate-browser-truth.mjs (test/browser-truth/harness.mjs): one
// Chromium session, DevTools opened once on the page http://app.example.test:<port>, Chromium's
// verdict from CDP (Network.loadingFailed.corsErrorStatus), the HAR from the recorder extension's
// chrome.devtools.network.getHAR(). In addition, the recorder calls entry.getContent() in
// onRequestFinished, as the CORS Lens capture hub does, and the bodies it got are put into the
// HAR entries (response.content.text); `bodies` in each fixture says which entries got one.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AMPLIFY_HOST, HOST_RESOLVER_RULES, PAGE_HOST, scenarios as allScenarios } from '../test/browser-truth/aws/scenarios.mjs';
import { DEFAULT_HTTP_PORT, startAwsServer } from '../test/browser-truth/aws/server.mjs';
import { DEFAULT_CHROME, createCdpTracker, entryKey, launchTruthBrowser, openRecorder, poll, truthOf } from '../test/browser-truth/harness.mjs';

const t0 = performance.now();
const elapsed = () => ((performance.now() - t0) / 1000).toFixed(1) + 's';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, 'test/browser-truth/recorder-extension');
const HTTP_PORT = Number(process.env.AWS_TRUTH_PORT) || DEFAULT_HTTP_PORT;
const ONLY = (process.env.AWS_TRUTH_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
const OUT = process.env.AWS_TRUTH_OUT ? path.resolve(process.env.AWS_TRUTH_OUT) : ONLY.length ? null : path.join(ROOT, 'test/fixtures/aws');

{
  const seen = new Set();
  for (const s of allScenarios) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(s.id) || seen.has(s.id)) throw new Error(`bad or duplicate scenario id ${s.id}`);
    seen.add(s.id);
  }
}
const scenarios = ONLY.length
  ? allScenarios.filter((s) => ONLY.some((o) => (o.endsWith('*') ? s.id.startsWith(o.slice(0, -1)) : s.id === o)))
  : allScenarios;
if (!scenarios.length) throw new Error('no scenario selected');

// A throw-away self-signed certificate (Chromium runs with --ignore-certificate-errors).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-aws-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=cors-lens-aws-truth',
  '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem')], { stdio: 'ignore' });
const tls = { key: fs.readFileSync(path.join(tmp, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(tmp, 'cert.pem'), 'utf8') };

const server = await startAwsServer({ scenarios: allScenarios, httpPort: HTTP_PORT, tls, pageHosts: [PAGE_HOST, AMPLIFY_HOST] });
const { ports } = server;
const fill = (/** @type {string} */ u) => u.replace('{{PS}}', String(ports.PS)).replace('{{PH}}', String(ports.PH));
const pages = { app: `http://${PAGE_HOST}:${ports.PH}`, amplify: `http://${AMPLIFY_HOST}:${ports.PH}` };

const userDataDir = path.join(tmp, 'profile');
const browser = await launchTruthBrowser({
  chrome: process.env.CHROME_PATH || DEFAULT_CHROME,
  extension: EXT,
  userDataDir,
  args: [`--host-resolver-rules=${HOST_RESOLVER_RULES}`, '--ignore-certificate-errors'],
});

let exitCode = 0;
try {
  const browserVersion = await browser.version();
  const page = (await browser.pages())[0] || (await browser.newPage());
  await page.goto(`${pages.app}/`);
  await page.waitForFunction(() => typeof (/** @type {any} */ (window).__truthFetch) === 'function');
  const tracker = createCdpTracker();
  const cdp = await page.createCDPSession();
  tracker.attach(cdp, 'page');
  await cdp.send('Network.enable');
  await cdp.send('Audits.enable');

  const recorder = await openRecorder(page);
  // the Amplify Hosting page: a cross-site iframe (out of process, its own CDP session)
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    document.body.append(f);
  }, `${pages.amplify}/`);
  const amplifyFrame = () => page.frames().find((fr) => fr.url().startsWith(pages.amplify + '/') && !fr.detached);
  const frameOk = await poll(async () => {
    const fr = amplifyFrame();
    try { return fr && (await fr.evaluate(() => typeof (/** @type {any} */ (window).__truthFetch) === 'function')); } catch { return false; }
  }, 10_000, 20);
  if (!frameOk) throw new Error('Amplify page frame did not load');
  {
    const target = await browser.waitForTarget((t) => t.url().startsWith(pages.amplify + '/'), { timeout: 10_000 });
    const session = await target.createCDPSession();
    tracker.attach(session, 'amplify');
    await session.send('Network.enable');
    await session.send('Audits.enable');
  }
  // credentialed scenarios: a Secure; SameSite=None cookie on the API host, so the request carries one
  for (const s of scenarios.filter((x) => x.cookie)) {
    const u = new URL(fill(s.fetch.url));
    await cdp.send('Network.setCookie', { name: 'sid', value: `session-${s.id}`, url: `${u.origin}/`, secure: true, sameSite: 'None', path: '/' });
  }
  if (!(await recorder.ready)) throw new Error('recorder extension devtools page did not appear');
  await recorder.enableBodies();
  console.log(`[${elapsed()}] ${browserVersion}; DevTools + recorder ready; running ${scenarios.length} scenarios`);

  /** @type {any[]} */
  const results = [];
  for (const s of scenarios) {
    const url = fill(s.fetch.url);
    const key = `${s.id}#0`;
    tracker.setCurrentFetch(key);
    const frame = s.from === 'amplify' ? amplifyFrame() : page.mainFrame();
    if (!frame) throw new Error(`no frame for ${s.from}`);
    const js = await frame.evaluate((u, init) => /** @type {any} */ (window).__truthFetch(u, init), url, s.fetch.init);
    const rec = await tracker.awaitFetch(url, js.jsOutcome);
    const { truth, cdpInfo } = truthOf(tracker, rec, key);
    const sentMethod = rec && typeof rec === 'object' && 'firstMethod' in rec && rec.firstMethod ? rec.firstMethod : s.fetch.init.method;
    results.push({
      scenario: s,
      fetches: [{
        seq: 0, url, method: sentMethod, ...(s.from !== 'app' ? { initiator: pages[s.from] } : {}),
        jsOutcome: js.jsOutcome, status: js.status, js: { type: js.type, redirected: js.redirected, responseUrl: js.responseUrl }, truth, cdp: cdpInfo,
      }],
    });
  }
  console.log(`[${elapsed()}] scenarios done`);

  // ---- HAR (and the getContent() bodies): wait until DevTools has logged what CDP saw
  const selected = new Set(scenarios.map((s) => s.id));
  const mine = (/** @type {string} */ u) => selected.has(server.scenarioOf(u.replace(/^[A-Z]+ /, '')) ?? '');
  const expectedEntries = [...tracker.requests.values()].flatMap((r) => r.urls).filter(mine).length;
  const { ok: harCountOk } = await recorder.settle(mine, expectedEntries);
  // every finished entry's getContent() has answered (or a second has passed without progress)
  let lastSettled = -1;
  let since = Date.now();
  await poll(async () => {
    const b = await recorder.getBodies().catch(() => []);
    const settled = b.filter((x) => x.settled).length;
    if (settled !== lastSettled) { lastSettled = settled; since = Date.now(); }
    return settled === b.length || Date.now() - since > 1000;
  }, 5000, 100);
  const har = await recorder.getHAR();
  const bodies = new Map((await recorder.getBodies()).map((b) => [b.key, b]));
  const ours = /** @type {any[]} */ (har.entries).filter((e) => mine(e.request.url));
  console.log(`[${elapsed()}] getHAR: ${har.entries.length} entries, ${ours.length} ours (CDP saw ${expectedEntries} request hops)${harCountOk ? '' : ' — WARNING: HAR count still changing'}`);

  /** @type {string[]} */
  const mismatches = [];
  /** @type {string[]} */
  const problems = [];
  const outputs = results.map(({ scenario: s, fetches }) => {
    const entries = ours.filter((e) => server.scenarioOf(e.request.url) === s.id).map((e) => structuredClone(e));
    // The only change made to a captured entry besides bodies: a request body over 64 KiB (the 11 MB
    // upload of APIGW-R06) keeps its first KiB, so the fixture stays small. The core keeps at most
    // 64 KiB of a request body anyway; Content-Length and bodySize stay as captured.
    /** @type {Array<{url: string, originalLength: number}>} */
    const truncatedPostData = [];
    for (const e of entries) {
      const pd = e.request.postData;
      if (pd && typeof pd.text === 'string' && pd.text.length > 65536) {
        truncatedPostData.push({ url: e.request.url, originalLength: pd.text.length });
        pd.text = pd.text.slice(0, 1024);
      }
    }
    const bodyReport = entries.map((e) => {
      const b = bodies.get(entryKey(e));
      const text = b && b.settled && typeof b.content === 'string' && b.encoding !== 'base64' ? b.content : null;
      if (text !== null && text !== '') e.response.content = { ...e.response.content, text };
      return {
        method: e.request.method, url: e.request.url, status: e.response.status, resourceType: e._resourceType ?? null, error: e.response._error ?? null,
        onRequestFinished: Boolean(b), bodyCaptured: text !== null && text !== '', bodyLength: text?.length ?? 0,
      };
    });
    for (const fe of fetches) {
      if (fe.truth.outcome === 'unknown') problems.push(`${s.id}: no CDP truth`);
      if ((s.expect.corsError ?? null) !== fe.truth.corsError) mismatches.push(`${s.id}: expected ${s.expect.corsError} got ${fe.truth.outcome}/${fe.truth.corsError} (${fe.truth.failedParameter ?? ''} ${fe.truth.errorText ?? ''}) js=${fe.jsOutcome}`);
    }
    const wire = server.wireFor(s.id).map((w) => ({ scheme: w.scheme, method: w.method, path: w.path, rawHeaders: w.rawHeaders, bodyBytes: w.bodyBytes, routeKey: w.routeKey, replied: w.replied, status: w.status }));
    for (const w of wire) if (w.replied.startsWith('unexpected')) problems.push(`${s.id}: server saw ${w.method} ${w.path} → ${w.replied}`);
    return {
      id: s.id,
      pitfall: s.pitfall,
      description: s.description,
      tags: s.tags,
      scenario: s,
      browser: browserVersion,
      pageOrigin: pages[s.from],
      origins: { page: pages.app, amplifyPage: pages.amplify, httpPort: ports.PH, httpsPort: ports.PS },
      fetches,
      wire,
      bodies: bodyReport,
      ...(truncatedPostData.length ? { truncatedPostData } : {}),
      har: { log: { version: har.version, creator: har.creator, pages: har.pages ?? [], entries } },
    };
  });
  const strays = server.wire.filter((w) => !w.scenarioId);
  if (strays.length) problems.push(`requests to no route: ${strays.map((w) => `${w.method} ${w.routeKey}`).join(', ')}`);

  const bodyStats = outputs.flatMap((o) => o.bodies).reduce((acc, b) => {
    const k = `${b.resourceType}:${b.error ? 'blocked' : 'ok'}`;
    acc[k] = acc[k] || { entries: 0, withBody: 0 };
    acc[k].entries++;
    if (b.bodyCaptured) acc[k].withBody++;
    return acc;
  }, /** @type {Record<string, {entries: number, withBody: number}>} */ ({}));
  const index = {
    browser: browserVersion,
    generatedAt: new Date().toISOString(),
    generator: 'scripts/generate-aws-fixtures.mjs',
    pageOrigin: pages.app,
    hostResolverRules: HOST_RESOLVER_RULES,
    scenarioCount: outputs.length,
    bodies: bodyStats,
    scenarios: outputs.map((o) => ({
      id: o.id, file: `${o.id}.json`, pitfall: o.pitfall, tags: o.tags,
      outcome: o.fetches[0].truth.outcome, corsError: o.fetches[0].truth.corsError, failedParameter: o.fetches[0].truth.failedParameter, errorText: o.fetches[0].truth.errorText,
      harEntries: o.har.log.entries.length, bodiesCaptured: o.bodies.filter((b) => b.bodyCaptured).length,
    })),
  };

  if (OUT) {
    fs.mkdirSync(OUT, { recursive: true });
    const keep = new Set(['index.json', ...outputs.map((o) => `${o.id}.json`)]);
    if (!ONLY.length) for (const f of fs.readdirSync(OUT)) if (f.endsWith('.json') && !keep.has(f)) fs.rmSync(path.join(OUT, f));
    for (const o of outputs) fs.writeFileSync(path.join(OUT, `${o.id}.json`), JSON.stringify(o, null, 2) + '\n');
    if (!ONLY.length) fs.writeFileSync(path.join(OUT, 'index.json'), JSON.stringify(index, null, 2) + '\n');
    // Recording a few scenarios into an existing set (AWS_TRUTH_ONLY + AWS_TRUTH_OUT): the other fixtures stay as
    // they are, and the index is rebuilt from every fixture file in OUT (the run's own facts for the new ones).
    else if (fs.existsSync(path.join(OUT, 'index.json'))) fs.writeFileSync(path.join(OUT, 'index.json'), JSON.stringify(mergedIndex(OUT, index), null, 2) + '\n');
  }
  for (const o of outputs) {
    const fe = o.fetches[0];
    console.log(`${o.id} ${fe.method} js=${fe.jsOutcome}${fe.status !== null ? ' ' + fe.status : ''} → ${fe.truth.outcome} ${fe.truth.corsError ?? ''} [${fe.truth.failedParameter ?? ''}] ${fe.truth.errorText ?? ''} har=${o.har.log.entries.length} bodies=${o.bodies.map((b) => `${b.resourceType}:${b.status}:${b.bodyCaptured ? 'body' : 'none'}`).join(',')}`);
  }
  console.log(`bodies: ${JSON.stringify(bodyStats)}`);
  if (problems.length) console.log(`PROBLEMS (${problems.length}):\n  ` + problems.join('\n  '));
  if (mismatches.length) console.log(`expectation mismatches (${mismatches.length}):\n  ` + mismatches.join('\n  '));
  if (problems.some((p) => p.includes('no CDP truth'))) exitCode = 1;
  console.log(`[${elapsed()}] ${outputs.length} scenarios${OUT ? ` → ${path.relative(ROOT, OUT)}` : ''}`);
} finally {
  await browser.close().catch(() => {});
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = exitCode;

/**
 * The index of every fixture in `dir`: the previous index's run facts, `scenarios` rebuilt from the files (in the
 * order of scenarios.mjs), `bodies` recounted, and the partial run named in `mergedRuns`.
 * @param {string} dir @param {any} run
 */
function mergedIndex(dir, run) {
  const previous = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const order = new Map(allScenarios.map((s, i) => [s.id, i]));
  const fixtures = fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')))
    .sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
  const bodies = {};
  for (const b of fixtures.flatMap((o) => o.bodies)) {
    const k = `${b.resourceType}:${b.error ? 'blocked' : 'ok'}`;
    bodies[k] = bodies[k] || { entries: 0, withBody: 0 };
    bodies[k].entries++;
    if (b.bodyCaptured) bodies[k].withBody++;
  }
  return {
    ...previous,
    mergedRuns: [...(previous.mergedRuns ?? []), { browser: run.browser, generatedAt: run.generatedAt, scenarios: run.scenarios.map((s) => s.id) }],
    scenarioCount: fixtures.length,
    bodies,
    scenarios: fixtures.map((o) => ({
      id: o.id, file: `${o.id}.json`, pitfall: o.pitfall, tags: o.tags,
      outcome: o.fetches[0].truth.outcome, corsError: o.fetches[0].truth.corsError, failedParameter: o.fetches[0].truth.failedParameter, errorText: o.fetches[0].truth.errorText,
      harEntries: o.har.log.entries.length, bodiesCaptured: o.bodies.filter((b) => b.bodyCaptured).length,
    })),
  };
}
