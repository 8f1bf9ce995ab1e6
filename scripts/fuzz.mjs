#!/usr/bin/env node
// The full run of the property tests over hostile HARs (test/fuzz/, issue 16):
//
//   npm run fuzz                                   10,000 generated HARs, seed 16016, over 2 processes
//   FUZZ_RUNS=50000 FUZZ_SEED=7 FUZZ_SHARDS=4 npm run fuzz
//
// Shard i runs FUZZ_RUNS / FUZZ_SHARDS cases from seed FUZZ_SEED + i (fast-check: the same seed gives the same
// cases, so any shard replays). Each generated HAR goes through analyzeHar, the four export formats, the
// streaming reader and the panel's importer (test/fuzz/run-case.ts); a shard stops at the first broken
// invariant and prints the shrunk case with its seed and path. Shard 0 also analyses a 100,000-hop redirect
// loop and measures the time per entry at 1× and 20× the entries. The summed figures (cases, entries, bytes,
// planted secrets, violations, hangs, slowest case, growth) go to test/fuzz/last-run.json.
// CI runs a fixed-seed slice of 150 cases as part of `vitest run` (about a minute).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/fuzz/last-run.json');
const RUNS = Number(process.env.FUZZ_RUNS) || 10_000;
const SEED = Number(process.env.FUZZ_SEED) || 16_016;
const SHARDS = Math.max(1, Number(process.env.FUZZ_SHARDS) || 2);
const t0 = Date.now();

const shardReport = (i) => path.join(ROOT, `test/fuzz/.shard-${i}.json`);
const runShard = (i) =>
  new Promise((resolve) => {
    rmSync(shardReport(i), { force: true });
    rmSync(`${shardReport(i)}.growth.json`, { force: true });
    const runs = Math.ceil(RUNS / SHARDS);
    const env = { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(SEED + i), FUZZ_SHARD: String(i), FUZZ_REPORT: shardReport(i) };
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', 'test/fuzz/har-properties.test.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('close', (code) => resolve({ shard: i, code, log }));
  });

const results = await Promise.all(Array.from({ length: SHARDS }, (_, i) => runShard(i)));
const shards = results.map(({ shard }) => (existsSync(shardReport(shard)) ? JSON.parse(readFileSync(shardReport(shard), 'utf8')) : null));
const growthFile = `${shardReport(0)}.growth.json`;
const growth = existsSync(growthFile) ? JSON.parse(readFileSync(growthFile, 'utf8')) : null;
const sum = (k) => shards.reduce((n, s) => n + (s?.[k] ?? 0), 0);
const max = (k) => Math.max(0, ...shards.map((s) => s?.[k] ?? 0));
const figures = {
  runs: RUNS, seeds: results.map((_, i) => SEED + i), shards: SHARDS,
  cases: sum('cases'), entries: sum('entries'), bytes: sum('bytes'), planted: sum('planted'),
  violations: sum('violations'), hangs: sum('hangs'), slowestMs: Math.round(max('slowestMs')),
  failedShards: results.filter((r) => r.code !== 0).map((r) => r.shard),
  wallSeconds: Math.round((Date.now() - t0) / 1000),
  growth, at: new Date().toISOString(),
};
writeFileSync(OUT, `${JSON.stringify(figures, null, 2)}\n`);
for (const r of results) if (r.code !== 0) console.log(`--- shard ${r.shard} (seed ${SEED + r.shard}) failed:\n${r.log.slice(-6000)}`);
for (let i = 0; i < SHARDS; i++) for (const f of [shardReport(i), `${shardReport(i)}.growth.json`]) rmSync(f, { force: true });
console.log(JSON.stringify(figures, null, 2));
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
