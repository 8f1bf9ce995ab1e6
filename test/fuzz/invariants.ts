// The invariants every HAR must keep, however hostile (issue 16): never throw; every entry either analysed or
// named (index and field) as skipped; the JSON report has the shape docs/report-schema.md describes; the
// annotated HAR export is valid HAR 1.2; no planted secret appears in any export (HAR, Markdown, HTML, JSON,
// every scope); the stream reader and the panel's importer finish on any bytes. Each check returns the
// violations it found rather than throwing, so the full run (scripts/fuzz.mjs) can count them.
import { analyzeHar, createHarStreamReader, renderReport, type AnalysisReport, type ExchangeReport } from '../../src/core';
import { validateHar } from '../core/report/har-validator';
import type { PlantedSecret } from './arbitraries';

export interface Violation { readonly invariant: string; readonly detail: string }

const VERDICTS = new Set(['allowed', 'blocked', 'unknown', 'not-cors']);
const STAGES = new Set(['preflight', 'actual', 'redirect']);
const err = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 4).join('\n')}` : String(e));

/** docs/report-schema.md, checked field by field (the TypeScript types are the normative definition). */
export function reportShapeProblems(r: AnalysisReport, entries: number): string[] {
  const p: string[] = [];
  if (r.schemaVersion !== 1) p.push(`schemaVersion ${String(r.schemaVersion)}`);
  if (r.tool?.name !== 'cors-lens') p.push('tool.name');
  if (!['chromium', 'firefox', 'other'].includes(r.input.flavour)) p.push(`input.flavour ${r.input.flavour}`);
  if (r.input.entries !== entries) p.push(`input.entries ${r.input.entries} ≠ ${entries}`);
  const skipped = new Set(r.problems.filter((x) => x.severity === 'error' && x.entry !== null).map((x) => x.entry)).size;
  if (r.input.skipped !== skipped) p.push(`input.skipped ${r.input.skipped} ≠ ${skipped} entries named in problems`);
  for (const x of r.problems) {
    if (x.severity !== 'error' && x.severity !== 'warning') p.push(`problem severity ${String(x.severity)}`);
    if (typeof x.message !== 'string' || x.message === '') p.push('problem without a message');
  }
  const count = (v: string) => r.exchanges.filter((x) => x.verdict === v).length;
  const counts = { cors: r.exchanges.length - count('not-cors'), allowed: count('allowed'), blocked: count('blocked'), unknown: count('unknown'), notCors: count('not-cors') };
  if (JSON.stringify(counts) !== JSON.stringify(r.counts)) p.push(`counts ${JSON.stringify(r.counts)} ≠ ${JSON.stringify(counts)}`);
  const ids = new Set<string>();
  for (const x of r.exchanges) p.push(...exchangeShapeProblems(x, entries).map((s) => `${x.id}: ${s}`));
  for (const x of r.exchanges) {
    if (ids.has(x.id)) p.push(`duplicate exchange id ${x.id}`);
    ids.add(x.id);
  }
  return p;
}

function exchangeShapeProblems(x: ExchangeReport, entries: number): string[] {
  const p: string[] = [];
  const index = (v: number | null, name: string) => {
    if (v !== null && !(Number.isInteger(v) && v >= 0 && v < entries)) p.push(`${name} ${String(v)} out of range`);
  };
  if (typeof x.id !== 'string' || typeof x.url !== 'string' || typeof x.method !== 'string') p.push('id/url/method not strings');
  if (x.kind !== 'cors' && x.kind !== 'not-cors') p.push(`kind ${String(x.kind)}`);
  if (!VERDICTS.has(x.verdict)) p.push(`verdict ${String(x.verdict)}`);
  if ((x.kind === 'not-cors') !== (x.verdict === 'not-cors')) p.push(`kind ${x.kind} with verdict ${x.verdict}`);
  if (x.verdict === 'unknown' && typeof x.unknownReason !== 'string') p.push('unknown without unknownReason');
  if (x.verdict === 'blocked' && (x.corsError === null || x.allFailures.length === 0)) p.push('blocked without a failure');
  if (x.verdict === 'blocked' && x.allFailures[0]?.corsError !== x.corsError) p.push('corsError is not the first failure');
  if (x.verdict !== 'blocked' && x.corsError !== null) p.push(`corsError ${x.corsError} on a ${x.verdict} exchange`);
  index(x.actualEntry, 'actualEntry');
  index(x.preflightEntry, 'preflightEntry');
  index(x.redirectedFrom, 'redirectedFrom');
  if (x.actualEntry === null && x.preflightEntry === null) p.push('no entry at all');
  for (const f of x.allFailures) if (!STAGES.has(f.stage) || typeof f.message !== 'string') p.push(`failure ${f.corsError} malformed`);
  if (typeof x.pageStatus !== 'number' || !Number.isFinite(x.pageStatus)) p.push(`pageStatus ${String(x.pageStatus)}`);
  if (typeof x.summary !== 'string' || x.summary === '') p.push('summary empty');
  if (!Array.isArray(x.checks) || !Array.isArray(x.hints) || !Array.isArray(x.fingerprints)) p.push('checks/hints/fingerprints not arrays');
  return p;
}

/** How many entries `log.entries` holds (what the reader counts), or 0 when there is no entry list. */
function entryCount(har: unknown): number {
  const log = (har as { log?: { entries?: unknown } } | null)?.log;
  return Array.isArray(log?.entries) ? log.entries.length : 0;
}

type Format = 'har' | 'markdown' | 'html' | 'json';
type Scope = 'all' | 'cors' | 'blocked';
const EVERY_RENDER: ReadonlyArray<readonly [Format, Scope]> = (['har', 'markdown', 'html', 'json'] as const).flatMap((f) => (['all', 'cors', 'blocked'] as const).map((s) => [f, s] as const));

/** analyzeHar + the given exports (default: every format in every scope): never throws, entries accounted for, shapes valid, no planted secret leaks. */
export function checkAnalysis(har: unknown, planted: readonly PlantedSecret[], renders: ReadonlyArray<readonly [Format, Scope]> = EVERY_RENDER): Violation[] {
  const v: Violation[] = [];
  let report: AnalysisReport;
  try {
    report = analyzeHar(har);
  } catch (e) {
    return [{ invariant: 'analyzeHar never throws', detail: err(e) }];
  }
  const entries = entryCount(har);
  for (const s of reportShapeProblems(report, entries)) v.push({ invariant: 'report shape (docs/report-schema.md)', detail: s });
  // every entry is analysed (part of an exchange) or named as skipped, with its index
  const used = new Set<number>();
  for (const x of report.exchanges) for (const i of [x.actualEntry, x.preflightEntry]) if (i !== null) used.add(i);
  for (const p of report.problems) if (p.entry !== null && p.severity === 'error') used.add(p.entry);
  const unaccounted = Array.from({ length: entries }, (_, i) => i).filter((i) => !used.has(i));
  if (unaccounted.length) v.push({ invariant: 'every skipped entry is named', detail: `entries ${unaccounted.slice(0, 10).join(', ')} neither analysed nor named` });
  const inputValid = validateHar(har).length === 0;
  for (const [format, scope] of renders) {
    {
      let text: string;
      try {
        text = renderReport(report, har, { format, scope }).text;
      } catch (e) {
        v.push({ invariant: 'exports never throw', detail: `${format}/${scope}: ${err(e)}` });
        continue;
      }
      for (const s of planted) if (text.includes(s.value)) v.push({ invariant: 'no planted secret leaks', detail: `${format}/${scope}: ${s.position} secret of entry ${s.entry} found` });
      // a valid HAR stays valid once annotated (an invalid one is exported as it came)
      if (format === 'har' && scope === 'all' && inputValid) {
        const problems = validateHar(JSON.parse(text));
        if (problems.length) v.push({ invariant: 'the annotated HAR is valid HAR 1.2', detail: problems.slice(0, 3).join('; ') });
      }
    }
  }
  return v;
}

/** The streaming reader (the panel's importer and the CLI use it) on raw bytes, split at random places. */
export function checkStreamReader(bytes: Uint8Array, chunk: number): Violation[] {
  try {
    const reader = createHarStreamReader();
    let read = 0;
    for (let i = 0; i < bytes.length && !reader.failed; i += chunk) {
      reader.write(bytes.subarray(i, i + chunk));
      read += reader.take().entries.length;
    }
    const end = reader.end();
    read += reader.take().entries.length;
    if (read > end.total) return [{ invariant: 'stream reader counts what it yields', detail: `${read} entries yielded, total ${end.total}` }];
    return [];
  } catch (e) {
    return [{ invariant: 'stream reader never throws', detail: err(e) }];
  }
}
