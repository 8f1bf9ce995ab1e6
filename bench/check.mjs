// The short bench for CI (about a minute): five ratios on small synthetic HARs (1k and 2k entries, and 1k and 4k
// of the worst adversarial pattern), each a count of executed instructions over a floor counted in the same run
// (bench/lib/instructions.mjs), compared with the baseline committed in bench/results.json (`check`). Fails when
// a ratio is more than 3% worse, when a ratio has no baseline, and when the baseline was recorded with another
// Node (another V8: its counts are no baseline for this one).
// The counts repeat to within 0.01% run to run, so there is no retry and no tolerance for noise to eat.
//   node bench/check.mjs            compare with the baseline; exit 1 on a regression
//   node bench/check.mjs --update   re-record the baseline in bench/results.json (after an intended change)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { generate } from './generate.mjs';
import { buildForBench, ROOT } from './lib/build.mjs';
import { checkMeta, compareRatios, DEFAULT_CHECK_PATTERN, findValgrind, measureInstructionRatios, TOLERANCE } from './lib/instructions.mjs';

const RESULTS = `${ROOT}bench/results.json`;
const t0 = performance.now();
const log = (m) => process.stderr.write(`bench:check: ${m}\n`);

if (!findValgrind()) {
  log('valgrind is not installed: it counts the instructions the check compares (Debian: apt-get install valgrind; .ci/run installs it)');
  process.exit(2);
}
const small = await generate('har-1k', { entries: 1000, log });
const large = await generate('har-2k', { entries: 2000, log });
// Always rebuilt, so the check measures the working tree (the CLI too).
const bundles = await buildForBench({ cli: false });
await import(`${ROOT}scripts/build-cli.mjs`);
const results = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : { meta: {}, metrics: {} };
const pattern = results.checkMeta?.pattern ?? DEFAULT_CHECK_PATTERN;
const { ratios, counts } = await measureInstructionRatios({ bundles, small, large, pattern });
log(`instructions (millions): ${Object.entries(counts).map(([k, v]) => `${k} ${(v / 1e6).toFixed(0)}`).join(', ')}`);

if (process.argv.includes('--update')) {
  writeFileSync(RESULTS, `${JSON.stringify({ ...results, check: round(ratios), checkMeta: checkMeta({ pattern }) }, null, 2)}\n`);
  log(`baseline written to bench/results.json: ${JSON.stringify(round(ratios))}`);
  process.exit(0);
}
if (!results.check) {
  log('no baseline in bench/results.json (run `node bench/check.mjs --update`)');
  process.exit(1);
}
// Counts are V8's: another Node (another V8) compiles differently, so its counts are no baseline for this one.
if (results.checkMeta?.node && results.checkMeta.node !== process.version) {
  log(`the baseline was recorded with Node ${results.checkMeta.node}; this is Node ${process.version}, whose V8 executes different instructions. Re-record it on this Node (\`node bench/check.mjs --update\`), or run the check on Node ${results.checkMeta.node}.`);
  process.exit(1);
}
const rows = compareRatios(ratios, results.check);
for (const r of rows) {
  const change = r.change === null ? 'no baseline: record one with --update' : `${r.change >= 1 ? '+' : ''}${((r.change - 1) * 100).toFixed(1)}%`;
  process.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(16)} ${r.value.toFixed(3).padStart(8)}  baseline ${r.base === null ? '-' : r.base.toFixed(3)}  ${change}\n`);
}
const failed = rows.filter((r) => !r.ok);
process.stdout.write(`${failed.length ? `${failed.length} ratio(s) regressed by more than ${Math.round((TOLERANCE - 1) * 100)}% or have no baseline` : 'no regression'} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
process.exit(failed.length ? 1 : 0);

function round(r) {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));
}
