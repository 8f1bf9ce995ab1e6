// The panel in real Chromium: the built extension (dist/chrome), DevTools opened with puppeteer-core and the
// CORS panel shown (demo/launch.mjs, the e2e tests' harness), a local two-origin server. Measures:
//   live       request-to-row latency while the page fires 50 requests/s for 30 s (real devtools.network capture)
//   ingest     µs per entry for 10k entries (synthetic or real-shaped mix; `ingestOnly` stops after it) pushed through the panel's live source (HubSource, with its
//              cross-realm copy), in bursts of 50, as a CaptureHub would emit them; fed: the source's synchronous part; toStore: until
//              the store has analysed them (the source hands them over in batches); toPaint: rendered; coreMs: of which the core's
//              reader and analyser (exchangesMs: analyzer.exchanges())
//   render     first render of ~10k exchanges already analysed (store → DOM → layout)
//   keystroke  filter keystroke at ~10k rows (input event → re-render → layout)
//   heap       the panel's JS heap after 100k entries (after a GC)
// Waits poll a condition; nothing sleeps a fixed time except the request pacing itself.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { findChrome, launchWithExtension, openDevTools, panelFrame, pollUntil, showPanel } from '../demo/launch.mjs';

const FIRE = { perSecond: 50, seconds: 30 };

function listen(handler) {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

async function startServers(harPath) {
  const har = readFileSync(harPath);
  const api = await listen((req, res) => {
    const blocked = /[?&]i=\d*7(&|$)/.test(req.url); // one in ten has no Access-Control-Allow-Origin
    if (!blocked) res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.url.startsWith('/bench.har')) return res.end(har);
    res.setHeader('Content-Type', 'application/json');
    res.end('{"ok":true}');
  });
  const page = await listen((req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end(`<!doctype html><title>bench</title><script>
      window.fire = async (api, perSecond, seconds) => {
        const done = [];
        const t0 = performance.now();
        const total = perSecond * seconds;
        const jobs = [];
        for (let i = 0; i < total; i++) {
          const due = t0 + (i * 1000) / perSecond;
          while (performance.now() < due) await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
          const url = api + '/live?i=' + i;
          jobs.push(fetch(url).then((r) => r.text()).catch(() => null).then(() => done.push([url, Date.now()])));
        }
        await Promise.all(jobs);
        return done;
      };
    </script>`);
  });
  return { api: api.origin, page: page.origin, close: () => Promise.all([api.server.close(), page.server.close()]) };
}

/** In the panel frame: a fake CaptureHub attached to the panel's HubSource, fed by `feed(entries)`. */
const INSTALL = async (harUrl) => {
  const w = window;
  const har = await (await fetch(harUrl)).json();
  w.benchEntries = har.log.entries;
  let listener = null;
  const hub = { source: 'cors-lens-capture', connect: (l) => ((listener = l), () => (listener = null)), backfill: async () => {}, stats: () => ({ entries: 0, dropped: 0, duplicates: 0 }) };
  w.corsLens.source.attach(hub);
  // The core's share of ingest: the time spent in the store's reader and the analyser (wrapped where the store calls them).
  w.benchCore = { readAndAdd: 0, exchanges: 0 };
  const timed = (obj, name, slot) => {
    const f = obj[name]?.bind(obj);
    if (!f) return;
    obj[name] = (...args) => {
      const t = performance.now();
      try { return f(...args); } finally { w.benchCore[slot] += performance.now() - t; }
    };
  };
  const store = w.corsLens.store;
  timed(store.input.reader, 'read', 'readAndAdd');
  timed(store.analyzer, 'addObserved', 'readAndAdd');
  timed(store.analyzer, 'exchanges', 'exchanges');
  w.benchFeed = (entries) => listener({ type: 'entries', entries });
  w.benchFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  w.benchSeen = new Map();
  w.corsLens.store.exchanges.subscribe((xs) => {
    const now = Date.now();
    for (let i = xs.length - 1; i >= 0 && i >= xs.length - 200; i--) if (!w.benchSeen.has(xs[i].url)) w.benchSeen.set(xs[i].url, now);
  });
  return har.log.entries.length;
};

const clear = (devtools) => panelFrame(devtools).evaluate(() => {
  const s = window.corsLens.store;
  s.analyzer.clear();
  s.raw.length = 0;
  s.exchanges.value = [];
  s.dropped.value = 0;
});

export async function measurePanel({ root, harPath, log = () => {}, live = true, ingestOnly = false }) {
  const executablePath = findChrome();
  if (!executablePath) return { skipped: 'no Chromium found' };
  const servers = await startServers(harPath);
  const { browser, close } = await launchWithExtension({ executablePath, extensionPath: `${root}dist/chrome`, args: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const out = { chromium: (await browser.version()).replace(/^HeadlessChrome\//, '') };
  try {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`${servers.page}/`);
    const { devtools, extensionId } = await openDevTools(page);
    await showPanel(devtools, extensionId);
    const frame = () => panelFrame(devtools);
    const entries = await frame().evaluate(INSTALL, `${servers.api}/bench.har`);
    log(`panel: ${entries} synthetic entries loaded into the panel frame`);

    if (live) {
      log(`panel: firing ${FIRE.perSecond} requests/s for ${FIRE.seconds} s`);
      const done = await page.evaluate((api, r, s) => window.fire(api, r, s), servers.api, FIRE.perSecond, FIRE.seconds);
      const seen = await pollUntil(async () => {
        const got = await frame().evaluate((urls) => urls.map((u) => window.benchSeen.get(u) ?? null), done.map(([u]) => u));
        return got.every((t) => t !== null) ? got : null;
      }, { timeoutMs: 30_000, intervalMs: 500, what: 'every live request in the panel' }).catch(() => null);
      const latencies = seen ? done.map(([, end], i) => Math.max(0, seen[i] - end)) : null;
      out.live = { requests: done.length, latenciesMs: latencies, missing: seen ? 0 : done.length };
      await clear(devtools);
    }

    // Ingest: 10k entries in bursts of 50 through the live source.
    const ingest = await frame().evaluate(async () => {
      const w = window;
      w.benchCore = { readAndAdd: 0, exchanges: 0 };
      const t0 = performance.now();
      for (let i = 0; i < w.benchEntries.length; i += 50) w.benchFeed(w.benchEntries.slice(i, i + 50));
      const fed = performance.now() - t0;
      // The source hands entries to the store in batches (src/ui/connect.ts): analysed once the batch is due.
      while (w.corsLens.store.raw.length < w.benchEntries.length) await new Promise((r) => setTimeout(r, 0));
      const toStore = performance.now() - t0;
      await w.benchFrame();
      return { entries: w.benchEntries.length, ms: fed, msToStore: toStore, msToPaint: performance.now() - t0, coreMs: w.benchCore.readAndAdd, exchangesMs: w.benchCore.exchanges, exchanges: w.corsLens.store.exchanges.value.length };
    });
    out.ingest = ingest;
    log(`panel: ingest ${(ingest.ms * 1000 / ingest.entries).toFixed(0)} µs/entry`);
    if (ingestOnly) return out;

    // First render of all exchanges (quick filter "all"), five times.
    out.render = await frame().evaluate(async () => {
      const w = window;
      const s = w.corsLens.store;
      s.quickFilter.value = 'all';
      const xs = s.exchanges.value;
      const times = [];
      for (let k = 0; k < 5; k++) {
        s.exchanges.value = [];
        await w.benchFrame();
        const t0 = performance.now();
        s.exchanges.value = xs;
        await Promise.resolve();
        await new Promise((r) => setTimeout(r, 0));
        void document.body.offsetHeight; // layout
        times.push(performance.now() - t0);
      }
      return { rows: s.visible.value.length, ms: times };
    });

    // Filter keystrokes at those rows: input event → signal → re-render → layout.
    out.keystroke = await frame().evaluate(async () => {
      const w = window;
      const input = document.querySelector('input[type=search], input[placeholder]');
      const times = [];
      const text = 'example.net/v1';
      for (let round = 0; round < 2; round++) {
        for (let i = 1; i <= text.length; i++) {
          const t0 = performance.now();
          input.value = text.slice(0, i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => setTimeout(r, 0));
          void document.body.offsetHeight;
          times.push(performance.now() - t0);
          await w.benchFrame();
        }
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await w.benchFrame();
      }
      return { rows: w.corsLens.store.exchanges.value.length, ms: times };
    });

    // Heap after 100k entries (ten rounds of the 10k, URLs and times shifted), bounded by the panel's cap.
    out.heap = await frame().evaluate(async () => {
      const w = window;
      const s = w.corsLens.store;
      const t0 = performance.now();
      let fed = s.raw.length;
      for (let round = 1; fed < 100_000 && performance.now() - t0 < 180_000; round++) {
        const shifted = w.benchEntries.map((e) => ({ ...e, startedDateTime: new Date(Date.parse(e.startedDateTime) + round * 86_400_000).toISOString(), request: { ...e.request, url: `${e.request.url}${e.request.url.includes('?') ? '&' : '?'}round=${round}` } }));
        for (let i = 0; i < shifted.length && fed < 100_000; i += 50) {
          w.benchFeed(shifted.slice(i, i + 50));
          fed += Math.min(50, shifted.length - i);
        }
        await w.benchFrame();
      }
      const ms = performance.now() - t0;
      w.benchEntries = null;
      w.gc?.();
      await w.benchFrame();
      w.gc?.();
      return { entries: fed, ms, heapMB: performance.memory.usedJSHeapSize / 1048576, kept: s.raw.length, dropped: s.dropped.value, gc: typeof w.gc === 'function' };
    });
    log(`panel: heap ${out.heap.heapMB.toFixed(0)} MB after ${out.heap.entries} entries`);
  } finally {
    await close();
    await servers.close();
  }
  return out;
}
