#!/usr/bin/env node
// The full run of the property tests over hostile HARs (test/fuzz/, issue 16):
//
//   npm run fuzz                        10,000 generated HARs, seed 16016
//   FUZZ_RUNS=50000 FUZZ_SEED=7 npm run fuzz
//
// Each generated HAR goes through analyzeHar, the four export formats, the streaming reader and the panel's
// importer (test/fuzz/run-case.ts); the run stops at the first broken invariant and prints the shrunk case.
// Figures (cases, entries, bytes, planted secrets, violations, hangs, slowest case, time per entry at 1× and
// 20× the entries, 100,000-hop redirect loop) go to test/fuzz/last-run.json. CI runs a fixed-seed slice of
// 150 cases as part of `vitest run` (about a minute).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const report = path.join(ROOT, 'test/fuzz/last-run.json');
for (const f of [report, `${report}.growth.json`]) rmSync(f, { force: true });
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || '10000', FUZZ_SEED: process.env.FUZZ_SEED || '16016', FUZZ_REPORT: report };
const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', 'test/fuzz'], { cwd: ROOT, env, stdio: 'inherit' });
if (existsSync(report)) {
  const figures = JSON.parse(readFileSync(report, 'utf8'));
  const growth = existsSync(`${report}.growth.json`) ? JSON.parse(readFileSync(`${report}.growth.json`, 'utf8')) : null;
  rmSync(`${report}.growth.json`, { force: true });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(report, `${JSON.stringify({ ...figures, growth }, null, 2)}\n`);
  console.log(JSON.stringify({ ...figures, growth }, null, 2));
}
process.exitCode = r.status ?? 1;
