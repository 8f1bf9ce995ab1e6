#!/usr/bin/env node
// Regenerates test/fixtures/browser-truth/chromium/ from test/browser-truth/scenarios.mjs.
//
//   node scripts/generate-browser-truth.mjs            (npm run truth:generate)
//   TRUTH_SET=wpt node scripts/generate-browser-truth.mjs   (npm run truth:generate:wpt)
//
// Environment:
//   TRUTH_SET        which scenario set: `main` (default; test/browser-truth/scenarios.mjs →
//                    test/fixtures/browser-truth/chromium), `wpt` (the out-of-sample set transcribed
//                    from web-platform-tests, test/browser-truth/wpt-scenarios.mjs →
//                    test/fixtures/browser-truth/wpt), `kinds` (request kinds that are not CORS
//                    fetches and odd statuses, test/browser-truth/kinds-scenarios.mjs →
//                    test/fixtures/browser-truth/kinds)
//   CHROME_PATH      Chromium binary (default /usr/lib/chromium/chromium)
//   TRUTH_PORT_BASE  first of the loopback ports (default 47101: A, +1 B, +2 C, +3 P, +4 Q,
//                    +8 never listened on)
//   TRUTH_ONLY       comma-separated scenario ids (or id prefixes ending in *) to run; with it,
//                    nothing is written unless TRUTH_OUT is set
//   TRUTH_OUT        output directory (default test/fixtures/browser-truth/chromium)
//   TRUTH_HEADED=1   run headed (needs a display, e.g. xvfb-run)
//
// One Chromium session, one page on origin A, DevTools opened once. Every fetch is issued by
// the page; Chromium's verdict is read from a CDP session on that page
// (Network.loadingFailed.corsErrorStatus), and the HAR is read once at the end from the
// recorder extension's devtools page via chrome.devtools.network.getHAR().
//
// Other initiators: the page A embeds three iframes that some scenarios fetch from:
//   P  http://127.0.0.1:<base+3>    declared *public* (--ip-address-space-overrides), so its
//                                    fetches to B are Local Network Access requests;
//   Q  http://public.test:<base+4>  also public, and not a secure context;
//   L  http://app.test:<base>       a named host (A's listener), loopback, for case tests;
//   W  <A>/sw/page                  controlled by a service worker (see server.mjs).
// *.test resolves to 127.0.0.1 (--host-resolver-rules). Q and L are cross-site, hence
// out-of-process iframes with their own CDP sessions.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTruthServer, DEFAULT_PORT_BASE } from '../test/browser-truth/server.mjs';
import { DEFAULT_CHROME, createCdpTracker, launchTruthBrowser, openRecorder, poll, truthOf } from '../test/browser-truth/harness.mjs';

const t0 = performance.now();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, 'test/browser-truth/recorder-extension');
const CHROME = process.env.CHROME_PATH || DEFAULT_CHROME;
const PORT_BASE = Number(process.env.TRUTH_PORT_BASE) || DEFAULT_PORT_BASE;
const ONLY = (process.env.TRUTH_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
/** @type {Record<string, { module: string, out: string }>} */
const SETS = {
  main: { module: '../test/browser-truth/scenarios.mjs', out: 'test/fixtures/browser-truth/chromium' },
  wpt: { module: '../test/browser-truth/wpt-scenarios.mjs', out: 'test/fixtures/browser-truth/wpt' },
  kinds: { module: '../test/browser-truth/kinds-scenarios.mjs', out: 'test/fixtures/browser-truth/kinds' },
};
const SET = SETS[process.env.TRUTH_SET || 'main'];
if (!SET) throw new Error(`TRUTH_SET must be one of ${Object.keys(SETS).join(', ')}`);
/** @type {import('../test/browser-truth/scenarios.mjs').Scenario[]} */
const allScenarios = (await import(SET.module)).scenarios;
const OUT = process.env.TRUTH_OUT
  ? path.resolve(process.env.TRUTH_OUT)
  : ONLY.length ? null : path.join(ROOT, SET.out);

const elapsed = () => ((performance.now() - t0) / 1000).toFixed(1) + 's';

// ---------------------------------------------------------------------------------------
// scenario selection and validation

const idRe = /^[a-z0-9][A-Za-z0-9-]*$/;
{
  const seen = new Set();
  for (const s of allScenarios) {
    if (!idRe.test(s.id)) throw new Error(`bad scenario id ${s.id}`);
    if (seen.has(s.id)) throw new Error(`duplicate scenario id ${s.id}`);
    seen.add(s.id);
    if (!s.fetches.length) throw new Error(`${s.id}: no fetches`);
    for (const fe of s.fetches) if (!s.routes[fe.route]) throw new Error(`${s.id}: fetch to unknown route ${fe.route}`);
  }
}
const scenarios = ONLY.length
  ? allScenarios.filter((s) => ONLY.some((o) => (o.endsWith('*') ? s.id.startsWith(o.slice(0, -1)) : s.id === o)))
  : allScenarios;
if (!scenarios.length) throw new Error('no scenario selected');

// The "closed" port must really be closed, or the network-error scenarios mean nothing.
async function assertClosed(/** @type {number} */ port) {
  const open = await new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
  if (open) throw new Error(`port ${port} (CLOSED) is in use; set TRUTH_PORT_BASE`);
}

// ---------------------------------------------------------------------------------------
// CDP bookkeeping (test/browser-truth/harness.mjs)

const tracker = createCdpTracker();
const { requests: cdpRequests, orphanIssues } = tracker;
const attachCdpListeners = tracker.attach;

// ---------------------------------------------------------------------------------------
// main

await assertClosed(PORT_BASE + 8);
const server = await startTruthServer({ scenarios: allScenarios, portBase: PORT_BASE });
const { origins } = server;
/** @param {import('../test/browser-truth/scenarios.mjs').FetchSpec} fe @param {string} id */
// a WebSocket (kinds set) goes to the same listener as ws://
const fetchUrl = (fe, id) => `${fe.init.kind === 'websocket' ? origins[fe.target].replace(/^http/, 'ws') : origins[fe.target]}/s/${id}/${fe.route}`;

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-truth-'));
const browser = await launchTruthBrowser({
  chrome: CHROME,
  extension: EXT,
  userDataDir,
  headed: Boolean(process.env.TRUTH_HEADED),
  args: [
    `--ip-address-space-overrides=127.0.0.1:${server.ports.P}=public,127.0.0.1:${server.ports.Q}=public`,
    '--host-resolver-rules=MAP *.test 127.0.0.1',
  ],
});

/** @type {any[]} */
const results = [];
let exitCode = 0;
try {
  const browserVersion = await browser.version();
  const page = (await browser.pages())[0] || (await browser.newPage());
  await page.goto(`${origins.A}/`);
  await page.waitForFunction(() => typeof (/** @type {any} */ (window).__truthFetch) === 'function');

  const cdp = await page.createCDPSession();
  attachCdpListeners(cdp, 'page');
  await cdp.send('Network.enable');
  await cdp.send('Audits.enable');

  // DevTools is opened once, before anything else happens; getHAR() returns everything
  // DevTools logged since then. The recorder's devtools page shows up a few seconds later.
  const recorder = await openRecorder(page);
  const recorderReady = recorder.ready;

  // the other initiator frames: P, Q, L and the service-worker controlled W
  await page.evaluate((srcs) => {
    for (const src of srcs) {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }
  }, [`${origins.P}/`, `${origins.Q}/`, `${origins.L}/`, `${origins.A}/sw/page`]);
  /** @param {'A'|'P'|'Q'|'L'|'W'} name */
  const initiatorFrame = (name) =>
    name === 'A' ? page.mainFrame()
      : name === 'W' ? page.frames().find((fr) => fr.url() === `${origins.A}/sw/page` && !fr.detached)
        : page.frames().find((fr) => fr.url().startsWith(origins[name] + '/') && !fr.detached);
  for (const name of /** @type {const} */ (['P', 'Q', 'L', 'W'])) {
    const ok = await poll(async () => {
      const fr = initiatorFrame(name);
      try {
        return fr && (await fr.evaluate(() => {
          const w = /** @type {any} */ (window);
          // W additionally waits until its service worker controls it
          return typeof w.__truthFetch === 'function' && (w.__swReady === undefined || w.__swReady === true);
        }));
      } catch { return false; }
    }, 10_000, 20);
    if (!ok) {
      const fr = initiatorFrame(/** @type {any} */ (name));
      const state = fr ? await fr.evaluate(() => String(/** @type {any} */ (window).__swReady)).catch((e) => String(e)) : `no frame among ${page.frames().map((x) => x.url()).join(' ')}`;
      throw new Error(`initiator frame ${name} did not load (${state})`);
    }
  }
  // Q and L are cross-site: out-of-process iframes whose events need their own sessions
  for (const name of /** @type {const} */ (['Q', 'L'])) {
    const target = await browser.waitForTarget((t) => t.url().startsWith(origins[name] + '/'), { timeout: 10_000 });
    const session = await target.createCDPSession();
    attachCdpListeners(session, name);
    await session.send('Network.enable');
    await session.send('Audits.enable');
  }
  // the service worker of W: its own fetches (the ones that really go to B) are seen here
  {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url() === `${origins.A}/sw/sw.js`, { timeout: 10_000 });
    const session = await target.createCDPSession();
    attachCdpListeners(session, 'sw');
    await session.send('Network.enable');
  }

  const ready = await recorderReady;
  if (!ready) throw new Error('recorder extension devtools page did not appear');
  console.log(`[${elapsed()}] ${browserVersion}; DevTools + recorder ready; running ${scenarios.length} scenarios`);

  // ---- run the matrix
  for (const s of scenarios) {
    const fetches = [];
    for (let seq = 0; seq < s.fetches.length; seq++) {
      const fe = s.fetches[seq];
      const url = fetchUrl(fe, s.id);
      tracker.setCurrentFetch(`${s.id}#${seq}`);
      const from = fe.from || 'A';
      const frame = initiatorFrame(from);
      if (!frame) throw new Error(`no initiator frame ${from}`);
      const js = await frame.evaluate((u, init) => /** @type {any} */ (window).__truthFetch(u, init), url, /** @type {any} */ (fe.init));
      // claim the CDP request for this fetch (or the Audits issue / 'none' when nothing reached the network)
      const rec = await tracker.awaitFetch(url, js.jsOutcome);
      const { truth, cdpInfo } = truthOf(tracker, rec, `${s.id}#${seq}`);
      if (from === 'W' && /\/sw-(opaque|passthrough)$/.test(url)) {
        // what the service worker's own fetch of the same URL ran into
        const swRec = await poll(() => [...cdpRequests.values()].find((r) => !r.claimed && r.session === 'sw' && !r.isPreflight && r.urls[0] === url && (r.finished || r.failed)), 2000);
        if (swRec) {
          swRec.claimed = true;
          const ces = swRec.failed?.corsErrorStatus;
          cdpInfo.serviceWorkerFetch = {
            requestId: swRec.requestId,
            outcome: swRec.failed ? (ces ? 'blocked' : 'network-error') : 'allowed',
            corsError: ces?.corsError ?? null,
            failedParameter: ces ? ces.failedParameter ?? null : null,
            errorText: swRec.failed?.errorText ?? null,
            responseStatusSeen: swRec.extraStatus ?? swRec.responseStatus ?? null,
            preflightRequestIds: swRec.preflights,
          };
        } else cdpInfo.serviceWorkerFetch = null;
      }
      // the method as sent (fetch() upper-cases only DELETE/GET/HEAD/OPTIONS/POST/PUT)
      const normalised = /^(delete|get|head|options|post|put)$/i.test(fe.init.method) ? fe.init.method.toUpperCase() : fe.init.method;
      const sentMethod = rec && typeof rec === 'object' && 'firstMethod' in rec && rec.firstMethod ? rec.firstMethod : normalised;
      fetches.push({
        seq, url, method: sentMethod,
        ...(from !== 'A' ? { initiator: from === 'W' ? `${origins.A}/sw/page (service-worker controlled)` : origins[from] } : {}),
        jsOutcome: js.jsOutcome, status: js.status,
        js: { type: js.type, redirected: js.redirected, responseUrl: js.responseUrl },
        truth, cdp: cdpInfo,
      });
    }
    results.push({ scenario: s, fetches });
  }
  console.log(`[${elapsed()}] matrix done`);

  // ---- HAR: wait until DevTools has logged every request CDP saw, then one getHAR()
  const idOf = (/** @type {string} */ u) => /\/s\/([A-Za-z0-9-]+)\//.exec(u)?.[1] ?? null;
  const selected = new Set(scenarios.map((s) => s.id));
  const expectedEntries = [...cdpRequests.values()]
    .flatMap((r) => r.urls)
    .filter((u) => selected.has(idOf(u) ?? '')).length;
  const { ok: harCountOk } = await recorder.settle((u) => selected.has(idOf(u) ?? ''), expectedEntries);
  const har = await recorder.getHAR();
  const harEntries = /** @type {any[]} */ (har.entries);
  const ours = harEntries.filter((e) => selected.has(idOf(e.request.url) ?? ''));
  {
    // which requests did CDP see that the HAR lacks?
    /** @type {Map<string, number>} */
    const count = new Map();
    for (const r of cdpRequests.values()) for (const u of r.urls) if (selected.has(idOf(u) ?? '')) count.set(u, (count.get(u) || 0) + 1);
    for (const e of ours) count.set(e.request.url, (count.get(e.request.url) || 0) - 1);
    const diff = [...count].filter(([, n]) => n !== 0);
    if (diff.length) console.log(`CDP vs HAR entry count differences (url: cdp-har): ${diff.map(([u, n]) => `${u}: ${n}`).join(', ')}`);
  }
  console.log(`[${elapsed()}] getHAR: ${harEntries.length} entries, ${ours.length} for the selected scenarios (CDP saw ${expectedEntries} request hops)${harCountOk ? '' : ' — WARNING: HAR count still changing'}`);

  // ---- assemble per-scenario output
  /** @type {Map<string, any[]>} */
  const entriesById = new Map();
  for (const e of ours) {
    const id = /** @type {string} */ (idOf(e.request.url));
    if (!entriesById.has(id)) entriesById.set(id, []);
    /** @type {any[]} */ (entriesById.get(id)).push(e);
  }

  /** @type {string[]} */
  const mismatches = [];
  /** @type {string[]} */
  const problems = [];
  const outputs = results.map(({ scenario: s, fetches }) => {
    for (const fe of fetches) {
      const exp = s.fetches[fe.seq].expect;
      if (fe.truth.outcome === 'unknown') problems.push(`${s.id}#${fe.seq}: no CDP truth`);
      if (exp && (exp.outcome !== fe.truth.outcome || (exp.corsError ?? null) !== fe.truth.corsError)) {
        mismatches.push(`${s.id}#${fe.seq}: expected ${exp.outcome}/${exp.corsError} got ${fe.truth.outcome}/${fe.truth.corsError} (${fe.truth.failedParameter ?? ''} ${fe.truth.errorText ?? ''}) js=${fe.jsOutcome}`);
      }
    }
    // the scenario's requests as the server received them (minus bookkeeping fields)
    const wire = server.wireFor(s.id).map((w) => ({
      origin: w.origin, method: w.method, path: w.path, rawHeaders: w.rawHeaders, bodyBytes: w.bodyBytes,
      routeKey: w.routeKey, replied: w.replied, status: w.status,
    }));
    for (const w of wire) if (w.replied.startsWith('unexpected') || w.replied === 'no-route') problems.push(`${s.id}: server saw ${w.method} ${w.path} → ${w.replied}`);
    return {
      id: s.id,
      description: s.description,
      tags: s.tags,
      scenario: s,
      browser: browserVersion,
      pageOrigin: origins.A,
      origins: { A: origins.A, B: origins.B, C: origins.C, P: origins.P, Q: origins.Q, L: origins.L, CLOSED: origins.CLOSED },
      fetches,
      wire,
      har: { log: { version: har.version, creator: har.creator, pages: har.pages ?? [], entries: entriesById.get(s.id) || [] } },
    };
  });

  // ---- summary
  /** @type {Record<string, number>} */
  const perOutcome = {};
  /** @type {Record<string, number>} */
  const perCorsError = {};
  let fetchCount = 0;
  for (const o of outputs) {
    for (const fe of o.fetches) {
      fetchCount++;
      perOutcome[fe.truth.outcome] = (perOutcome[fe.truth.outcome] || 0) + 1;
      if (fe.truth.corsError) perCorsError[fe.truth.corsError] = (perCorsError[fe.truth.corsError] || 0) + 1;
    }
  }
  const sortObj = (/** @type {Record<string, number>} */ o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const index = {
    browser: browserVersion,
    generatedAt: new Date().toISOString(),
    generator: 'scripts/generate-browser-truth.mjs',
    set: process.env.TRUTH_SET || 'main',
    pageOrigin: origins.A,
    origins: { A: origins.A, B: origins.B, C: origins.C, P: origins.P, Q: origins.Q, L: origins.L, CLOSED: origins.CLOSED },
    scenarioCount: outputs.length,
    fetchCount,
    harEntryCount: ours.length,
    perOutcome: sortObj(perOutcome),
    perCorsError: sortObj(perCorsError),
    scenarios: outputs.map((o) => ({
      id: o.id,
      file: `${o.id}.json`,
      tags: o.tags,
      fetches: o.fetches.map((fe) => ({ outcome: fe.truth.outcome, corsError: fe.truth.corsError, failedParameter: fe.truth.failedParameter, errorText: fe.truth.errorText })),
      harEntries: o.har.log.entries.length,
    })),
  };

  if (OUT) {
    fs.mkdirSync(OUT, { recursive: true });
    const keep = new Set(['README.md', 'index.json', ...outputs.map((o) => `${o.id}.json`)]);
    if (!ONLY.length) for (const f of fs.readdirSync(OUT)) if (f.endsWith('.json') && !keep.has(f)) fs.rmSync(path.join(OUT, f));
    for (const o of outputs) fs.writeFileSync(path.join(OUT, `${o.id}.json`), JSON.stringify(o, null, 2) + '\n');
    fs.writeFileSync(path.join(OUT, 'index.json'), JSON.stringify(index, null, 2) + '\n');
  } else {
    for (const o of outputs) {
      for (const fe of o.fetches) {
        console.log(`${o.id}#${fe.seq} ${fe.method} js=${fe.jsOutcome}${fe.status !== null ? ' ' + fe.status : ''} → ${fe.truth.outcome} ${fe.truth.corsError ?? ''} [${fe.truth.failedParameter ?? ''}] ${fe.truth.errorText ?? ''} ${fe.truth.blockedReason ?? ''} seen=${fe.cdp.responseStatusSeen} pf=${fe.cdp.preflights?.map((/** @type {any} */ p) => p.status).join(',') ?? ''} har=${o.har.log.entries.length}`);
      }
    }
  }

  console.log(`outcomes: ${JSON.stringify(index.perOutcome)}`);
  console.log(`corsErrors: ${JSON.stringify(index.perCorsError)}`);
  const unclaimed = orphanIssues.filter((i) => !i.claimed);
  if (unclaimed.length) console.log(`issues not attributed to a fetch: ${JSON.stringify(unclaimed)}`);
  if (problems.length) {
    console.log(`PROBLEMS (${problems.length}):\n  ` + problems.join('\n  '));
  }
  if (mismatches.length) {
    console.log(`expectation mismatches (${mismatches.length}):\n  ` + mismatches.join('\n  '));
  }
  if (problems.some((p) => p.includes('no CDP truth'))) exitCode = 1;
  console.log(`[${elapsed()}] ${outputs.length} scenarios, ${fetchCount} fetches${OUT ? ` → ${path.relative(ROOT, OUT)}` : ''}`);
} finally {
  await browser.close().catch(() => {});
  await server.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
