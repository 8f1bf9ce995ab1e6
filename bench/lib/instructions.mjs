// The short bench's ratios (bench/check.mjs), as counts of executed instructions rather than times.
//
// Why instructions: on a shared 2-core machine the same time ratio moved ±8–11% between quiet runs and by
// +25% under load (bench/README.md), so a 25% gate on times would go red on noise. Valgrind counts the
// instructions a process executes. V8 in predictable mode (single-threaded: no concurrent compiler or GC
// threads, so JIT tiering follows call counts, not timing), with a GC schedule that ignores the clock, no
// memory reducer (a timer) and fixed hash and random seeds, repeats the count to within 0.01% run to run, on
// any machine and under any load (measured: four runs at once on two cores vs one alone). Each ratio is still a step over a floor measured in
// the same run on the same bytes, so it stays a ratio, never an absolute.
//
//   core-vs-parse    analyzeHar ÷ JSON.parse of the same file                        (core cost, whole-file path)
//   stream-vs-whole  the CLI's streaming analysis ÷ (JSON.parse + analyzeHar)         (streaming overhead)
//   linearity        core instructions per entry on `large` ÷ on `small`             (growth: >1 is superlinear)
//   cli-vs-floor     `cors-lens analyze --format json` ÷ `node floor.mjs parse`       (end to end, startup included)
//   worst-pattern-growth  core instructions per entry on 4k entries of an adversarial pattern ÷ on 1k (issue 18;
//                    the pattern is the one that grew most in the last full bench, bench/lib/patterns.mjs)
//
// What counts miss: cache misses and memory bandwidth (a change that only hurts locality shows in the full
// bench, `npm run bench`, not here).
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { ROOT } from './build.mjs';
import { writePatternHar } from './patterns.mjs';

/** How much worse than the baseline a ratio may get before the check fails. */
// Counts repeat to within 0.01% run to run; 3% leaves room for nothing but a change in the code (issue 15).
export const TOLERANCE = 1.03;

/** V8 flags that make a run repeatable instruction for instruction. */
// Without the last four, a parse's count moved by 3% between a quiet and a loaded run (timer-driven GCs).
const REPEATABLE = ['--predictable', '--predictable-gc-schedule', '--no-memory-reducer', '--hash-seed=1', '--random-seed=1'];

/** The adversarial pattern bench:check gates when no full bench has named the worst one. */
export const DEFAULT_CHECK_PATTERN = 'retry-blocked';
/** Entries of the pattern's two files. */
const PATTERN_SIZES = { small: 1_000, large: 4_000 };

/** The valgrind binary, or null when it is not installed. */
export function findValgrind() {
  const r = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? 'valgrind' : null;
}

/** Runs `node <args>` under valgrind (no cache simulation: only instructions are counted); stdout is returned. */
export function countInstructions(args, { env = {} } = {}) {
  const argv = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, ...REPEATABLE, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(stderr);
      if (code !== 0 || !m) {
        reject(new Error(`valgrind node ${args.join(' ')} exited ${code}:\n${stderr.split('\n').filter((l) => !l.startsWith('==')).join('\n').slice(-2000)}`));
        return;
      }
      resolve({ instructions: Number(m[1].replaceAll(',', '')), stdout });
    });
  });
}

/** Runs the jobs `limit` at a time, keeping their order in the result. */
async function pool(jobs, limit) {
  const out = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return out;
}

/**
 * `bundles` = { core, stream, cli } from buildForBench (`cli`: the CLI's bin/cors-lens.mjs, this tree's by default);
 * `small`/`large` = { path, entries } HARs (the check uses 1k and 2k entries); `pattern` = the adversarial pattern
 * whose growth is gated; `env` = extra environment for the children (bench/lib/inject.mjs). Returns
 * { ratios, counts } where counts are the raw instruction counts, for the log.
 */
export async function measureInstructionRatios({ bundles, small, large, pattern = DEFAULT_CHECK_PATTERN, parallel = availableParallelism(), env = {} }) {
  const child = (mode, file) => async () => {
    const { instructions, stdout } = await countInstructions([`${ROOT}bench/lib/count-child.mjs`, mode, bundles.core, bundles.stream, file.path], { env });
    const { exchanges } = JSON.parse(stdout.trim().split('\n').pop());
    if (mode !== 'read' && !(exchanges > 0)) throw new Error(`count-child ${mode} ${file.path}: no exchanges, nothing was measured`);
    return instructions;
  };
  const proc = (args) => async () => (await countInstructions(args, { env })).instructions;
  const patternFiles = { small: writePatternHar(pattern, PATTERN_SIZES.small), large: writePatternHar(pattern, PATTERN_SIZES.large) };
  // Longest first, so that two workers finish together.
  const names = ['patternLarge', 'streamLarge', 'patternSmall', 'patternNone', 'analyseLarge', 'analyseSmall', 'cli', 'parseLarge', 'parseSmall', 'readLarge', 'floor'];
  const jobs = {
    streamLarge: child('stream', large),
    analyseLarge: child('analyse', large),
    analyseSmall: child('analyse', small),
    cli: proc([bundles.bin ?? `${ROOT}bin/cors-lens.mjs`, 'analyze', small.path, '--format', 'json']),
    parseLarge: child('parse', large),
    parseSmall: child('parse', small),
    readLarge: child('read', large),
    floor: proc([`${ROOT}bench/lib/floor.mjs`, 'parse', small.path]),
    patternLarge: patternStep(bundles.core, 'large', patternFiles.small, patternFiles.large, env),
    patternSmall: patternStep(bundles.core, 'small', patternFiles.small, patternFiles.large, env),
    patternNone: patternStep(bundles.core, 'none', patternFiles.small, patternFiles.large, env),
  };
  const results = await pool(names.map((n) => jobs[n]), parallel);
  const c = Object.fromEntries(names.map((n, i) => [n, results[i]]));
  // Differences of two runs on the same file leave one step: the core (analyse − parse), the parse (parse − read).
  const core = (size) => c[`analyse${size}`] - c[`parse${size}`];
  const ratios = {
    'core-vs-parse': core('Large') / (c.parseLarge - c.readLarge),
    'stream-vs-whole': (c.streamLarge - c.readLarge) / (c.analyseLarge - c.readLarge),
    linearity: core('Large') / large.entries / (core('Small') / small.entries),
    'cli-vs-floor': c.cli / c.floor,
    'worst-pattern-growth': patternGrowth({ large: c.patternLarge, small: c.patternSmall, none: c.patternNone }, patternFiles.small, patternFiles.large),
  };
  return { ratios, counts: c };
}

/** One step of a pattern's growth (bench/lib/pattern-count-child.mjs): `none`, `small` or `large`. */
function patternStep(core, mode, small, large, env = {}) {
  return async () => {
    const { instructions, stdout } = await countInstructions([`${ROOT}bench/lib/pattern-count-child.mjs`, core, mode, small.path, large.path], { env });
    const { exchanges } = JSON.parse(stdout.trim().split('\n').pop());
    if (mode !== 'none' && !(exchanges > 0)) throw new Error(`pattern-count-child ${mode} ${large.path}: no exchanges, nothing was measured`);
    return instructions;
  };
}

/** The core's instructions per entry on the large file ÷ on the small one, from the three steps' counts. */
function patternGrowth(counts, small, large) {
  return ((counts.large - counts.none) / large.entries) / ((counts.small - counts.none) / small.entries);
}

/**
 * Per-entry growth of the core on one adversarial pattern (bench/lib/patterns.mjs), as instructions: the core's
 * instructions per entry on `large` ÷ on `small` (1 is linear). Three runs (bench/lib/pattern-count-child.mjs):
 * both files parsed and the JIT warmed up on the small one in each, then one analysis of the small file, of
 * the large one, or none; the differences are the two analyses.
 */
export async function measurePatternGrowth({ core, small, large, parallel = availableParallelism() }) {
  const [l, sm, none] = await pool(['large', 'small', 'none'].map((mode) => patternStep(core, mode, small, large)), parallel);
  return patternGrowth({ large: l, small: sm, none }, small, large);
}

/**
 * Compares `now` with `baseline`: one row per ratio, `ok` when it is at most TOLERANCE × its baseline. A ratio the
 * baseline lacks fails (issue 15): a new ratio is gated from the run that records it, never waved through.
 */
export function compareRatios(now, baseline) {
  return Object.entries(now).map(([name, value]) => {
    const base = baseline?.[name];
    const change = typeof base === 'number' ? value / base : null;
    return { name, value, base: base ?? null, change, ok: change !== null && change <= TOLERANCE };
  });
}

/**
 * The core's instructions per exchange and per entry on one file (analyzeHar, whole-file path): the count of
 * count-child `analyse` minus `parse` on the same file, in two runs. Load does not move it, so the two mixes
 * compare on a shared machine where their times do not.
 */
export async function measureCoreInstructions({ bundles, file, parallel = availableParallelism() }) {
  const step = (mode) => async () => {
    const { instructions, stdout } = await countInstructions([`${ROOT}bench/lib/count-child.mjs`, mode, bundles.core, bundles.stream, file.path]);
    return { instructions, exchanges: JSON.parse(stdout.trim().split('\n').pop()).exchanges };
  };
  const [analyse, parse] = await pool([step('analyse'), step('parse')], parallel);
  const core = analyse.instructions - parse.instructions;
  return { perExchange: core / analyse.exchanges, perEntry: core / parse.exchanges, exchanges: analyse.exchanges, entries: parse.exchanges };
}
