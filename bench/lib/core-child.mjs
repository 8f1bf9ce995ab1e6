// The core alone, in its own process: `node core-child.mjs <core bundle> <har> <runs>` parses the HAR (not
// timed), then times readHar + createAnalyzer().addObserved + exchanges() `runs` times and prints JSON.
// Also splits the time into reading (readHar) and analysing (pairing, checks, hints), and measures the
// streaming path's shape: addObserved in batches of 2,000 with settle() after each, and the analyser without
// hints (createAnalyzerCore, what the panel runs per entry), readHar included.
import { readFileSync } from 'node:fs';

const [bundle, file, runsArg] = process.argv.slice(2);
const core = await import(bundle);
const har = JSON.parse(readFileSync(file, 'utf8'));
const n = har.log.entries.length;
const runs = Number(runsArg) || 3;
const total = [];
const read = [];
const analyze = [];
const streamed = [];
const verdictOnly = [];
let exchanges = 0;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const r = core.readHar(har);
  const t1 = performance.now();
  const analyzer = core.createAnalyzer();
  analyzer.addObserved(r.entries);
  exchanges = analyzer.exchanges().length;
  const t2 = performance.now();
  read.push(t1 - t0);
  analyze.push(t2 - t1);
  total.push(t2 - t0);
  const s = core.createAnalyzer();
  const t3 = performance.now();
  let latest = -Infinity;
  for (let k = 0; k < r.entries.length; k += 2000) {
    const batch = r.entries.slice(k, k + 2000);
    for (const e of batch) latest = Math.max(latest, e.startedMs);
    s.addObserved(batch);
    s.settle(latest - 60_000);
  }
  s.settle(Infinity);
  streamed.push(performance.now() - t3);
  // What the panel runs on every captured entry: the analyser without the hint engine (hints load on demand).
  const t4 = performance.now();
  const bare = core.createAnalyzerCore();
  bare.addObserved(core.readHar(har).entries);
  bare.exchanges();
  verdictOnly.push(performance.now() - t4);
}
const us = (ms) => (ms * 1000) / n;
console.log(JSON.stringify({ entries: n, exchanges, totalUsPerEntry: total.map(us), readUsPerEntry: read.map(us), analyzeUsPerEntry: analyze.map(us), streamedAnalyzeUsPerEntry: streamed.map(us), totalUsPerExchange: total.map((ms) => (ms * 1000) / exchanges), verdictOnlyUsPerExchange: verdictOnly.map((ms) => (ms * 1000) / exchanges) }));
