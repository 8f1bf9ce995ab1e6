// `npm run bench`: generates the HARs (bench/generate.mjs: the synthetic mix, and the real-shaped mix cloned from
// Chromium's AWS captures, bench/lib/real-shaped.mjs), measures the CLI, the core and the panel against floors
// measured in the same run, and writes bench/results.json and bench/RESULTS.md.
//   node bench/run.mjs [--quick] [--runs N] [--no-huge] [--no-panel] [--only cli,core,patterns,check,panel] [--mix synthetic,real]
// --quick: 1k/10k and real 10k only, 3 runs, no 1 GB file, no Chromium (a few minutes). Progress goes to stderr.
// --only / --mix: re-measure those parts / mixes and keep the others' figures from bench/results.json (e.g. after
// a run disturbed by other work on the machine).
import { cpus, loadavg } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generate, generateAll, generateReal } from './generate.mjs';
import { buildForBench, ROOT } from './lib/build.mjs';
import { countOutput, repeat, runNode, runSync, summary, percentile } from './lib/measure.mjs';
import { baselineEntry, readBaselines } from './lib/baselines.mjs';
import { DEFAULT_CHECK_PATTERN, findValgrind, measureCoreInstructions, measureInstructionRatios, measurePatternGrowth } from './lib/instructions.mjs';
import { PATTERNS, writePatternHar } from './lib/patterns.mjs';
import { bundleSize } from './lib/bundle.mjs';
import { mixOf, TARGETS, renderMarkdown } from './lib/report.mjs';

const { values: args } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, mix: { type: 'string' }, runs: { type: 'string' }, 'no-huge': { type: 'boolean' }, 'no-panel': { type: 'boolean' } } });
const quick = Boolean(args.quick);
const RUNS = Number(args.runs ?? (quick ? 3 : 5));
const log = (m) => process.stderr.write(`bench: ${m}\n`);
const PARTS = ['cli', 'core', 'patterns', 'check', 'panel'];
const MIXES = ['synthetic', 'real'];
const only = args.only ? new Set(args.only.split(',')) : new Set(PARTS);
const mixes = args.mix ? new Set(args.mix.split(',')) : new Set(MIXES);
for (const p of only) if (!PARTS.includes(p)) throw new Error(`--only: unknown part ${p} (${PARTS.join(', ')})`);
for (const m of mixes) if (!MIXES.includes(m)) throw new Error(`--mix: unknown mix ${m} (${MIXES.join(', ')})`);
const previous = existsSync(`${ROOT}bench/results.json`) ? JSON.parse(readFileSync(`${ROOT}bench/results.json`, 'utf8')) : {};
const partOf = (key) => key.split('.')[0] in { cli: 1, core: 1, patterns: 1 } ? key.split('.')[0] : 'panel';
const metrics = {};
const put = (key, unit, values, extra = {}) => {
  metrics[key] = { unit, ...summary(values), values: values.map((v) => Math.round(v * 1000) / 1000), ...(TARGETS[key] ?? {}), ...extra };
  const m = metrics[key];
  log(`${key}: min ${m.min.toFixed(3)} median ${m.median.toFixed(3)} ${unit}${m.target !== undefined ? ` (target ${m.op} ${m.target})` : ''}`);
};

// The HARs: the synthetic mix for the CLI, the core and the panel (the check needs its 1k file; the adversarial
// patterns write their own), and the real-shaped mix at 10k and 100k entries.
const measuresFiles = ['cli', 'core', 'panel'].some((p) => only.has(p));
const files = {};
if (measuresFiles && mixes.has('synthetic')) {
  Object.assign(files, quick ? { '1k': await generate('har-1k', { entries: 1000, log }), '10k': await generate('har-10k', { entries: 10000, log }) } : await generateAll(log, { huge: !args['no-huge'] && only.has('cli'), real: false }));
}
if (measuresFiles && mixes.has('real')) Object.assign(files, await generateReal(log, quick ? [10_000] : [10_000, 100_000]));
const bundles = await buildForBench();
execFileSync(process.execPath, [`${ROOT}scripts/build-cli.mjs`], { stdio: 'inherit' });

// The output formats this CLI has (text, json and markdown today; ndjson when schema 2 lands): each is tried once on
// a small file, and a format it refuses is reported "not available" rather than failing the bench.
// `report-html` and `report-har` are `cors-lens report --format html|har` (redacted, to standard output): no time target,
// but the same memory target as every format (issue 15: one streaming path for every format and size).
const FORMATS = ['text', 'json', 'markdown', 'ndjson', 'report-html', 'report-har'];
const cliArgs = (path, format) => {
  if (format.startsWith('report-')) return [`${ROOT}bin/cors-lens.mjs`, 'report', path, '--format', format.slice('report-'.length)];
  return [`${ROOT}bin/cors-lens.mjs`, 'analyze', path, ...(format === 'text' ? [] : ['--format', format])];
};
const probeFile = files['1k'] ?? Object.values(files)[0];
const formats = probeFile ? FORMATS.filter((f) => f === 'text' || runSync(cliArgs(probeFile.path, f)) === 0) : [];
if (probeFile) log(`CLI formats: ${formats.join(', ')}${FORMATS.filter((f) => !formats.includes(f)).map((f) => `; ${f} not available`).join('')}`);

// 1. CLI end to end vs "read + JSON.parse" (whole-file sizes) and vs "read the file" (the 1 GB file, streamed), in
// time and in peak RSS; and the size of each format's output against the input's.
const cliFiles = only.has('cli') ? files : {};
const failed = {}; // `${size}.${format}` → why that run failed (reported in results.json meta.cliFailures and RESULTS.md)
for (const [size, f] of Object.entries(cliFiles)) {
  const huge = size === '1gb';
  // The >1 GB file has a memory target only (its time is a ratio to reading it): one run.
  const runs = huge ? 1 : /100k/.test(size) ? Math.min(RUNS, 3) : RUNS;
  const floors = [];
  const floorRss = [];
  const vsFloor = Object.fromEntries(formats.map((fmt) => [fmt, []]));
  const rss = [];
  const rssOf = Object.fromEntries(formats.map((fmt) => [fmt, []]));
  log(`cli ${size}: ${runs} runs of floor, ${formats.join(', ')}`);
  let run = 0;
  let reportPeak = 0; // the report formats' peak (first run only), counted in every run's worst format
  await repeat(runs, async () => {
    run++;
    const floor = await runNode([`${ROOT}bench/lib/floor.mjs`, huge ? 'read' : 'parse', f.path]);
    if (floor.code !== 0) throw new Error(`floor exit ${floor.code}: ${floor.stderr.slice(0, 500)}`);
    floors.push(floor.ms);
    floorRss.push(floor.rssMB);
    let peak = 0;
    for (const fmt of formats) {
      if (failed[`${size}.${fmt}`]) continue;
      // The report formats have a memory target but no time target: one run each is their figure.
      if (fmt.startsWith('report-') && run > 1) continue;
      const r = await runNode(cliArgs(f.path, fmt));
      // A format that fails on this file (e.g. a JSON output over V8's string limit) is reported, not fatal.
      if (r.code !== 0) {
        failed[`${size}.${fmt}`] = `exit ${r.code}: ${r.stderr.split('\n').find((l) => /Error/.test(l))?.trim() ?? r.stderr.slice(0, 200)}`;
        log(`cli ${size} --format ${fmt} FAILED: ${failed[`${size}.${fmt}`]}`);
        continue;
      }
      vsFloor[fmt].push(r.ms / floor.ms);
      rssOf[fmt].push(r.rssMB / floor.rssMB);
      if (fmt.startsWith('report-')) reportPeak = Math.max(reportPeak, r.rssMB);
      else peak = Math.max(peak, r.rssMB);
    }
    rss.push(Math.max(peak, reportPeak));
  });
  put(`cli.${size}.floorMs`, 'ms', floors);
  put(`cli.${size}.floorRssMB`, 'MB', floorRss);
  for (const fmt of formats) if (vsFloor[fmt].length) put(`cli.${size}.${fmt}VsFloor`, '×', vsFloor[fmt]);
  for (const fmt of formats) if (rssOf[fmt].length) put(`cli.${size}.${fmt}RssVsFloor`, '×', rssOf[fmt]);
  put(`cli.${size}.peakRssMB`, 'MB', rss, { fileMB: f.bytes / 1e6 });
  // Each run's peak (the worst format) over that run's floor.
  put(`cli.${size}.rssVsFloor`, '×', rss.map((r, i) => r / floorRss[i]));
  // Output sizes: one untimed run per structured format, its standard output counted (not written anywhere).
  if (!huge) {
    for (const fmt of formats.filter((x) => x !== 'text' && !x.startsWith('report-') && !failed[`${size}.${x}`])) {
      const bytes = await countOutput(cliArgs(f.path, fmt));
      put(`cli.${size}.${fmt}OutVsInput`, '×', [bytes / f.bytes], { outputMB: bytes / 1e6, inputMB: f.bytes / 1e6 });
    }
  }
}

// 2. The core alone, per entry and per exchange, in a fresh process per size.
for (const [size, f] of Object.entries(only.has('core') ? files : {})) {
  if (size === '1gb') continue;
  const out = JSON.parse(execFileSync(process.execPath, [`${ROOT}bench/lib/core-child.mjs`, bundles.core, f.path, String(/100k/.test(size) ? 3 : RUNS)], { maxBuffer: 1 << 24 }).toString());
  put(`core.${size}.usPerExchange`, 'µs', out.totalUsPerExchange);
  put(`core.${size}.usPerEntry`, 'µs', out.totalUsPerEntry, { exchanges: out.exchanges, entries: out.entries });
  put(`core.${size}.readUsPerEntry`, 'µs', out.readUsPerEntry);
  put(`core.${size}.analyzeUsPerEntry`, 'µs', out.analyzeUsPerEntry);
  put(`core.${size}.streamedAnalyzeUsPerEntry`, 'µs', out.streamedAnalyzeUsPerEntry);
  put(`core.${size}.withoutHintsUsPerExchange`, 'µs', out.verdictOnlyUsPerExchange);
}
// The same core step counted in instructions on 2k entries of each mix (valgrind): the load does not move it, so
// it compares the two mixes where the times above, on a shared machine, do not.
if (only.has('core') && findValgrind()) {
  for (const [size, mix] of [['2k', 'synthetic'], ['real-2k', 'real']]) {
    if (!mixes.has(mix)) continue;
    const file = mix === 'real' ? (await generateReal(log, [2_000]))['real-2k'] : await generate('har-2k', { entries: 2000, log });
    const c = await measureCoreInstructions({ bundles, file });
    put(`core.${size}.instructionsPerExchange`, 'k instr', [c.perExchange / 1000], { exchanges: c.exchanges, entries: c.entries });
  }
}
for (const prefix of ['', 'real-']) {
  if (!metrics[`core.${prefix}100k.usPerEntry`] || !metrics[`core.${prefix}10k.usPerEntry`]) continue;
  const r = metrics[`core.${prefix}100k.usPerEntry`].median / metrics[`core.${prefix}10k.usPerEntry`].median;
  put(prefix ? `core.${prefix}linearity100kVs10k` : 'core.linearity100kVs10k', '×', [r]);
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
  const checkFiles = { small: files['1k'] ?? await generate('har-1k', { entries: 1000, log }), large: await generate('har-2k', { entries: 2000, log }) };
  // The pattern gated is the one that grew most in this run (or, when patterns were not measured, the one before).
  checkPattern = worstPattern ?? readBaselines(previous)[process.version]?.pattern ?? DEFAULT_CHECK_PATTERN;
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
  for (let i = 0; i < 2 && files['10k']; i++) sessions.push(await measurePanel({ root: ROOT, harPath: files['10k'].path, log }));
  // The real-shaped mix: ingest only (the live, render, filter and heap figures are the synthetic sessions').
  const real = [];
  for (let i = 0; i < 2 && files['real-10k']; i++) real.push(await measurePanel({ root: ROOT, harPath: files['real-10k'].path, log, live: false, ingestOnly: true }));
  if (real.length && !real[0].skipped) {
    chromium = real[0].chromium;
    put('panel.real-10k.ingestUsPerEntry', 'µs', real.map((s) => (s.ingest.ms * 1000) / s.ingest.entries), { exchanges: real[0].ingest.exchanges });
    put('panel.real-10k.ingestToPaintUsPerEntry', 'µs', real.map((s) => (s.ingest.msToPaint * 1000) / s.ingest.entries));
    // Until the store has analysed them, and of that the core's reader and analyser (bench/panel.mjs).
    put('panel.real-10k.ingestToStoreUsPerEntry', 'µs', real.map((s) => (s.ingest.msToStore * 1000) / s.ingest.entries));
    put('panel.real-10k.ingestCoreUsPerEntry', 'µs', real.map((s) => (s.ingest.coreMs * 1000) / s.ingest.entries));
  }
  if (sessions.length && !sessions[0].skipped) {
    chromium = sessions[0].chromium;
    put('panel.ingestUsPerEntry', 'µs', sessions.map((s) => (s.ingest.ms * 1000) / s.ingest.entries), { exchanges: sessions[0].ingest.exchanges });
    put('panel.ingestToPaintUsPerEntry', 'µs', sessions.map((s) => (s.ingest.msToPaint * 1000) / s.ingest.entries));
    put('panel.ingestToStoreUsPerEntry', 'µs', sessions.map((s) => (s.ingest.msToStore * 1000) / s.ingest.entries));
    put('panel.ingestCoreUsPerEntry', 'µs', sessions.map((s) => (s.ingest.coreMs * 1000) / s.ingest.entries));
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
  cliFailures: only.has('cli') ? failed : previous.meta?.cliFailures ?? {},
};
// Parts and mixes not re-measured (--only, --mix) keep their figures, and say when they were measured; so do the
// files they were measured on.
const measured = (key) => only.has(partOf(key)) && (mixOf(key) === null || mixes.has(mixOf(key)));
for (const [key, m] of Object.entries(previous.metrics ?? {})) if (!measured(key) && !(key in metrics)) metrics[key] = { ...m, measuredAt: m.measuredAt ?? previous.meta?.date };
for (const [k, f] of Object.entries(previous.meta?.files ?? {})) meta.files[k] ??= f;
const results = { meta, metrics, checkBaselines: readBaselines(previous), ...(previous.checkSelfTest ? { checkSelfTest: previous.checkSelfTest } : {}) };
if (check) results.checkBaselines[process.version] = baselineEntry({ ratios: check, pattern: checkPattern, date: meta.date });
if (!quick) writeFileSync(`${ROOT}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
const md = renderMarkdown(results);
if (!quick) writeFileSync(`${ROOT}bench/RESULTS.md`, md);
process.stdout.write(md);
