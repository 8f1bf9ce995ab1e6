// The short bench's ratios (bench/check.mjs), also recorded by the full bench as the baseline in
// bench/results.json. Each is a time divided by a floor measured in the same process on the same bytes,
// so it carries across machines; each time is the fastest of several runs (noise only adds time), and
// callers take the median of several such ratios.
import { readFileSync } from 'node:fs';
import { runNode } from './measure.mjs';
import { ROOT } from './build.mjs';

/** How much worse than the baseline a ratio may get before the check fails. */
export const TOLERANCE = 1.25;

function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

async function timeAsync(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * `small` and `large` are HAR paths (the check uses 1k and 4k entries). Returns ratios keyed by name:
 *   core-vs-parse     readHar + analyse, ÷ JSON.parse of the same text          (core speed)
 *   stream-vs-whole   the streaming path (parser + settle), ÷ JSON.parse + analyseHar  (streaming overhead)
 *   linearity         core time per entry on `large` ÷ on `small`                   (growth)
 *   cli-vs-floor      `cors-lens analyze --format json` ÷ `node floor.mjs parse`   (end to end, startup included)
 */
export async function measureRatios({ core, stream, small, large, runs = 5, cliRuns = runs }) {
  const perFile = {};
  // Large first: the small file's runs then find the code already optimised, as the large one's later runs do.
  for (const [name, path] of [['large', large], ['small', small]]) {
    const text = readFileSync(path, 'utf8');
    const bytes = Buffer.from(text);
    const parse = [];
    const analyse = [];
    const streamed = [];
    let entries = 0;
    for (let i = 0; i < runs + 1; i++) {
      let har;
      const p = time(() => (har = JSON.parse(text)));
      entries = har.log.entries.length;
      const a = time(() => core.analyzeHar(har));
      const s = await timeAsync(() => stream.analyzeStream(chunked(bytes), {}, { onExchanges() {}, onProblems() {} }));
      if (i === 0) continue; // warm-up
      parse.push(p);
      analyse.push(a);
      streamed.push(s);
    }
    // Min, not median: on a shared machine noise only ever adds time, so the fastest run is the truest.
    perFile[name] = { entries, parse: Math.min(...parse), analyse: Math.min(...analyse), streamed: Math.min(...streamed) };
  }
  const { small: s, large: l } = perFile;
  const cli = [];
  const floor = [];
  for (let i = 0; i < cliRuns; i++) {
    floor.push((await runNode([`${ROOT}bench/lib/floor.mjs`, 'parse', small])).ms);
    cli.push((await runNode([`${ROOT}bin/cors-lens.mjs`, 'analyze', small, '--format', 'json'])).ms);
  }
  return {
    'core-vs-parse': l.analyse / l.parse,
    'stream-vs-whole': l.streamed / (l.parse + l.analyse),
    linearity: l.analyse / l.entries / (s.analyse / s.entries),
    'cli-vs-floor': Math.min(...cli) / Math.min(...floor),
  };
}

function* chunked(bytes, size = 1024 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

/** Compares `now` with `baseline`; returns the failures (ratio more than TOLERANCE × its baseline). */
export function compareRatios(now, baseline) {
  const rows = [];
  for (const [name, value] of Object.entries(now)) {
    const base = baseline?.[name];
    const change = typeof base === 'number' ? value / base : null;
    rows.push({ name, value, base: base ?? null, change, ok: change === null || change <= TOLERANCE });
  }
  return rows;
}
