// `npm run bench`: generates the synthetic HARs (bench/generate.mjs), measures the CLI, the core and the panel
// against floors measured in the same run, and writes bench/results.json and bench/RESULTS.md.
//   node bench/run.mjs [--quick] [--runs N] [--no-huge] [--no-panel] [--only cli,core,patterns,check,panel]
// --quick: 1k/10k only, 3 runs, no 1 GB file, no Chromium (a minute). Progress goes to stderr.
// --only: re-measure those parts and keep the other parts' figures from bench/results.json (e.g. after a run
// disturbed by other work on the machine).
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generate, generateAll } from './generate.mjs';
import { buildForBench, ROOT } from './lib/build.mjs';
import { repeat, runNode, summary, percentile } from './lib/measure.mjs';
import { checkMeta, DEFAULT_CHECK_PATTERN, findValgrind, measureInstructionRatios, measurePatternGrowth } from './lib/instructions.mjs';
import { PATTERNS, writePatternHar } from './lib/patterns.mjs';
import { bundleSize } from './lib/bundle.mjs';
import { TARGETS, renderMarkdown } from './lib/report.mjs';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, runs: { type: 'string' }, 'no-huge': { type: 'boolean' }, 'no-panel': { type: 'boolean' } } });
const quick = Boolean(args.quick);
const RUNS = Number(args.runs ?? (quick ? 3 : 5));
const log = (m) => process.stderr.write(`bench: ${m}\n`);
const PARTS = ['cli', 'core', 'patterns', 'check', 'panel'];
const only = args.only ? new Set(args.only.split(',')) : new Set(PARTS);
for (const p of only) if (!PARTS.includes(p)) throw new Error(`--only: unknown part ${p} (${PARTS.join(', ')})`);
const previous = existsSync(`${ROOT}bench/results.json`) ? JSON.parse(readFileSync(`${ROOT}bench/results.json`, 'utf8')) : {};
const partOf = (key) => key.split('.')[0] in { cli: 1, core: 1, patterns: 1 } ? key.split('.')[0] : 'panel';
const metrics = {};
const put = (key, unit, values, extra = {}) => {
  metrics[key] = { unit, ...summary(values), values: values.map((v) => Math.round(v * 1000) / 1000), ...(TARGETS[key] ?? {}), ...extra };
  const m = metrics[key];
  log(`${key}: min ${m.min.toFixed(3)} median ${m.median.toFixed(3)} ${unit}${m.target !== undefined ? ` (target ${m.op} ${m.target})` : ''}`);
};

// The synthetic HARs: all of them for the CLI, the core and the panel; the check needs the 1k one; the adversarial
// patterns write their own.
const files = !['cli', 'core', 'panel'].some((p) => only.has(p)) ? (only.has('check') ? { '1k': await generate('har-1k', { entries: 1000, log }) } : {})
  : quick ? { '1k': await generate('har-1k', { entries: 1000, log }), '10k': await generate('har-10k', { entries: 10000, log }) } : await generateAll(log, { huge: !args['no-huge'] && only.has('cli') });
const bundles = await buildForBench();
execFileSync(process.execPath, [`${ROOT}scripts/build-cli.mjs`], { stdio: 'inherit' });

// 1. CLI end to end vs "read + JSON.parse" (whole-file sizes) and vs "read the file" (the 1 GB file, streamed).
for (const [size, f] of Object.entries(only.has('cli') ? files : {})) {
  const huge = size === '1gb';
  const runs = huge ? 2 : size === '100k' ? Math.min(RUNS, 3) : RUNS;
  const floors = [];
  const text = [];
  const json = [];
  const rss = [];
  const streamRss = [];
  log(`cli ${size}: ${runs} runs of floor, text, json`);
  await repeat(runs, async () => {
    const floor = await runNode([`${ROOT}bench/lib/floor.mjs`, huge ? 'read' : 'parse', f.path]);
    const t = await runNode([`${ROOT}bin/cors-lens.mjs`, 'analyze', f.path]);
    const j = await runNode([`${ROOT}bin/cors-lens.mjs`, 'analyze', f.path, '--format', 'json']);
    for (const r of [floor, t, j]) if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr.slice(0, 500)}`);
    floors.push(floor.ms);
    text.push(t.ms / floor.ms);
    json.push(j.ms / floor.ms);
    rss.push(Math.max(t.rssMB, j.rssMB));
  });
  put(`cli.${size}.floorMs`, 'ms', floors);
  put(`cli.${size}.textVsFloor`, '×', text);
  put(`cli.${size}.jsonVsFloor`, '×', json);
  put(`cli.${size}.peakRssMB`, 'MB', rss, { fileMB: f.bytes / 1e6 });
  if (size === '100k' && !quick) {
    // The same file forced through the streaming path: its cost vs the whole-file path, and its memory.
    const s = await repeat(1, async () => {
      const r = await runNode([`${ROOT}bin/cors-lens.mjs`, 'analyze', f.path, '--format', 'json'], { env: { CORS_LENS_STREAM_ABOVE: '0' } });
      streamRss.push(r.rssMB);
      return r.ms / metrics['cli.100k.floorMs'].median;
    });
    put('cli.100k.streamedJsonVsFloor', '×', s);
    put('cli.100k.streamedPeakRssMB', 'MB', streamRss);
  }
}

// 2. The core alone, per entry and per exchange, in a fresh process per size.
for (const [size, f] of Object.entries(only.has('core') ? files : {})) {
  if (size === '1gb') continue;
  const out = JSON.parse(execFileSync(process.execPath, [`${ROOT}bench/lib/core-child.mjs`, bundles.core, f.path, String(size === '100k' ? 3 : RUNS)], { maxBuffer: 1 << 24 }).toString());
  put(`core.${size}.usPerExchange`, 'µs', out.totalUsPerExchange);
  put(`core.${size}.usPerEntry`, 'µs', out.totalUsPerEntry, { exchanges: out.exchanges, entries: out.entries });
  put(`core.${size}.readUsPerEntry`, 'µs', out.readUsPerEntry);
  put(`core.${size}.analyzeUsPerEntry`, 'µs', out.analyzeUsPerEntry);
  put(`core.${size}.streamedAnalyzeUsPerEntry`, 'µs', out.streamedAnalyzeUsPerEntry);
  put(`core.${size}.withoutHintsUsPerExchange`, 'µs', out.verdictOnlyUsPerExchange);
}
if (metrics['core.100k.usPerEntry']) {
  const r = metrics['core.100k.usPerEntry'].median / metrics['core.10k.usPerEntry'].median;
  put('core.linearity100kVs10k', '×', [r]);
}

// 3. Adversarial arrival patterns (issue 18, bench/lib/patterns.mjs): the core's time per entry at 1k, 4k and 16k
// entries of each, and its growth from 1k to 16k (1 is linear); with valgrind, the same growth from 1k to 4k in
// instructions, which does not move with the machine's load. The pattern that grows most in instructions is the
// one bench:check gates.
let worstPattern = null;
if (only.has('patterns')) {
  const sizes = [1_000, 4_000, 16_000];
  const counted = {};
  for (const name of Object.keys(PATTERNS)) {
    const files = sizes.map((n) => writePatternHar(name, n));
    const out = JSON.parse(execFileSync(process.execPath, [`${ROOT}bench/lib/patterns-child.mjs`, bundles.core, String(quick ? 3 : RUNS), ...files.map((f) => f.path)], { maxBuffer: 1 << 24 }).toString());
    const best = out.usPerEntry.map((runs) => Math.min(...runs));
    put(`patterns.${name}.usPerEntry16k`, 'µs', out.usPerEntry[2], { usPerEntryMin: Object.fromEntries(sizes.map((n, i) => [n, Math.round(best[i] * 100) / 100])) });
    put(`patterns.${name}.growth16kVs1k`, '×', out.usPerEntry[2].map((v, i) => v / out.usPerEntry[0][i]), { ofMins: best[2] / best[0] });
    if (!quick && findValgrind()) {
      const growth = await measurePatternGrowth({ core: bundles.core, small: files[0], large: files[1] });
      counted[name] = growth;
      put(`patterns.${name}.instructionGrowth4kVs1k`, '×', [growth]);
    }
  }
  const growths = Object.keys(PATTERNS).map((name) => metrics[`patterns.${name}.growth16kVs1k`].median);
  put('patterns.worstGrowth16kVs1k', '×', [Math.max(...growths)], { pattern: Object.keys(PATTERNS)[growths.indexOf(Math.max(...growths))] });
  if (Object.keys(counted).length) worstPattern = Object.entries(counted).sort((a, b) => b[1] - a[1])[0][0];
}

// 4. The short bench's ratios (instruction counts, bench/lib/instructions.mjs), recorded as the CI baseline.
let check = null;
let checkPattern = null;
if (only.has('check') && findValgrind()) {
  const checkFiles = { small: files['1k'], large: await generate('har-2k', { entries: 2000, log }) };
  // The pattern gated is the one that grew most in this run (or, when patterns were not measured, the one before).
  checkPattern = worstPattern ?? previous.checkMeta?.pattern ?? DEFAULT_CHECK_PATTERN;
  check = (await measureInstructionRatios({ bundles, ...checkFiles, pattern: checkPattern })).ratios;
  log(`check ratios: ${JSON.stringify(check)}`);
} else {
  log(only.has('check') ? 'valgrind is not installed: the CI baseline (check ratios) is kept as it was' : 'check ratios not re-measured (--only)');
}

// 5. Bundle size, and the panel in Chromium.
if (!existsSync(`${ROOT}dist/chrome/manifest.json`)) execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
const bundle = await bundleSize(`${ROOT}dist/chrome`);
put('panel.jsGzipKB', 'KB', [bundle.gzipBytes / 1024], { files: bundle.files });
let chromium = null;
if (!quick && !args['no-panel'] && only.has('panel')) {
  const { measurePanel } = await import('./panel.mjs');
  const sessions = [];
  for (let i = 0; i < 2; i++) sessions.push(await measurePanel({ root: ROOT, harPath: files['10k'].path, log }));
  if (!sessions[0].skipped) {
    chromium = sessions[0].chromium;
    put('panel.ingestUsPerEntry', 'µs', sessions.map((s) => (s.ingest.ms * 1000) / s.ingest.entries), { exchanges: sessions[0].ingest.exchanges });
    put('panel.ingestToPaintUsPerEntry', 'µs', sessions.map((s) => (s.ingest.msToPaint * 1000) / s.ingest.entries));
    put('panel.firstRender10kMs', 'ms', sessions.flatMap((s) => s.render.ms), { rows: sessions[0].render.rows });
    put('panel.filterKeystrokeMs', 'ms', sessions.flatMap((s) => s.keystroke.ms), { rows: sessions[0].keystroke.rows });
    put('panel.filterKeystrokeP95Ms', 'ms', sessions.map((s) => percentile(s.keystroke.ms, 95)));
    const live = sessions.filter((s) => s.live?.latenciesMs);
    if (live.length) put('panel.requestToRowP95Ms', 'ms', live.map((s) => percentile(s.live.latenciesMs, 95)), { requests: live[0].live.requests, p50: live.map((s) => percentile(s.live.latenciesMs, 50)) });
    put('panel.heapAfter100kMB', 'MB', sessions.map((s) => s.heap.heapMB), { kept: sessions[0].heap.kept, dropped: sessions[0].heap.dropped });
    put('panel.ingest100kUsPerEntry', 'µs', sessions.map((s) => (s.heap.ms * 1000) / s.heap.entries));
  }
}

const meta = {
  date: new Date().toISOString(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', node: process.version, chromium: chromium ?? (only.has('panel') ? null : previous.meta?.chromium ?? null), loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  files: Object.fromEntries(Object.entries(files).map(([k, f]) => [k, { entries: f.entries, bytes: f.bytes }])), runs: RUNS, quick,
};
// Parts not re-measured (--only) keep their figures, and say when they were measured.
for (const [key, m] of Object.entries(previous.metrics ?? {})) if (!only.has(partOf(key)) && !(key in metrics)) metrics[key] = { ...m, measuredAt: m.measuredAt ?? previous.meta?.date };
const results = check
  ? { meta, metrics, check: Object.fromEntries(Object.entries(check).map(([k, v]) => [k, Math.round(v * 1000) / 1000])), checkMeta: checkMeta({ pattern: checkPattern, date: meta.date }) }
  : { meta, metrics, check: previous.check, checkMeta: previous.checkMeta };
if (!quick) writeFileSync(`${ROOT}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
const md = renderMarkdown(results);
if (!quick) writeFileSync(`${ROOT}bench/RESULTS.md`, md);
process.stdout.write(md);
