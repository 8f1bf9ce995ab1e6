// Deliberate regressions for `node bench/check.mjs --self-test` (issue 15: the gate must fail on a 5% slowdown of
// the core, and on a superlinear one). Read only by the bench's counting children (count-child.mjs,
// pattern-count-child.mjs), never by src/: after the analysis they measure, they analyse part of the same
// entries again, so that the core's step costs more by
//   CORS_LENS_BENCH_SLOWDOWN=f    f × n entries' analysis          (a linear slowdown: 0.05 measured +5.1%)
//   CORS_LENS_BENCH_QUADRATIC=q   q × n² / 1000 entries' analysis  (q at 1,000 entries, 4q at 4,000: per entry it
//                                 grows with n, as a pairing that scans every earlier entry would)
// Unset (CI, the full bench), they do nothing.
export const SLOWDOWN_ENV = 'CORS_LENS_BENCH_SLOWDOWN';
export const QUADRATIC_ENV = 'CORS_LENS_BENCH_QUADRATIC';
/**
 * The SLOWDOWN --self-test injects: at most 5% of the core and above the gate's 3%. A prefix analysed in a fresh
 * analyser does not cost in proportion to its length (on the merged code of 2026-12-04: 0.041 measured +2.4%, 0.05
 * +5.1%, 0.06 +5.4%, 0.075 +5.9%; before the core's memos, 0.041 was +3.7% and 0.05 +6.1%), so
 * the self-test measures the slowdown it injected (core-vs-parse's change) and checks it is in (3%, 5.5%].
 */
export const SLOWDOWN_5_PERCENT = 0.05;

/** How many entries' extra analysis the environment asks for, for a run on `n` entries. */
export function injectedEntries(n, env = process.env) {
  const slow = Number(env[SLOWDOWN_ENV] ?? 0);
  const quad = Number(env[QUADRATIC_ENV] ?? 0);
  return Math.round(slow * n + (quad * n * n) / 1000);
}

/** Runs `analyse` on prefixes of `har`'s entries until the injected extra is spent (nothing when unset). */
export function injectRegression(har, analyse) {
  const entries = har.log.entries;
  for (let left = injectedEntries(entries.length); left > 0; left -= entries.length) {
    analyse({ ...har, log: { ...har.log, entries: entries.slice(0, Math.min(left, entries.length)) } });
  }
}
