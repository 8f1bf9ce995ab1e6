// bench:check's baselines, one per Node version (issue 15): instruction counts are V8's, so a baseline recorded on
// one Node is no baseline for another. bench/results.json keeps
//   "checkBaselines": { "<process.version>": { ratios, pattern, date, commit, unit, files, patternFiles } }
// `commit` is the commit whose code the ratios measure (HEAD when it was recorded from a tree with no other
// change than bench/results.json and bench/RESULTS.md; null otherwise): on a Node with no baseline, bench:check
// checks that commit out beside this one and measures both in the same run (bench/check.mjs, remeasureBaseline).
// Older files kept one baseline as `check` + `checkMeta` (with `checkMeta.node`): readBaselines migrates them.
import { execFileSync } from 'node:child_process';
import { ROOT } from './build.mjs';

/** Files a recording run itself rewrites: a tree that differs from HEAD only in them still measures HEAD. */
const RESULT_FILES = new Set(['bench/results.json', 'bench/RESULTS.md']);

/** The baselines of a parsed bench/results.json, by Node version, whichever format it was written in. */
export function readBaselines(results) {
  const out = { ...(results?.checkBaselines ?? {}) };
  if (results?.check && results.checkMeta?.node && !out[results.checkMeta.node]) {
    const { node, ...meta } = results.checkMeta;
    out[node] = { ratios: results.check, ...meta, commit: meta.commit ?? null };
  }
  return out;
}

/** What the working tree's code is, as a commit: HEAD when nothing but the result files differs from it, else null. */
export function measuredCommit(root = ROOT) {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').filter(Boolean).map((l) => l.slice(3)).filter((f) => !RESULT_FILES.has(f));
    return dirty.length ? null : head;
  } catch {
    return null; // not a git checkout
  }
}

/** One baseline as results.json records it. */
export function baselineEntry({ ratios, pattern, date = new Date().toISOString(), commit = measuredCommit() }) {
  return {
    ratios: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, Math.round(v * 1000) / 1000])),
    pattern, date, commit,
    unit: 'instructions (valgrind), V8 predictable mode with fixed seeds', files: { small: 1000, large: 2000 }, patternFiles: { small: 1000, large: 4000 },
  };
}

/** results.json without the old single-baseline fields, with `checkBaselines` (the format every writer writes). */
export function withBaselines(results, baselines) {
  const { check: _check, checkMeta: _meta, ...rest } = results;
  return { ...rest, checkBaselines: baselines };
}
