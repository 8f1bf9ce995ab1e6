// The report envelope (docs/report-schema.md): schema version, tool, input, exchanges, problems and counts.
// Built here only — by the batch analysis, the panel's export, the CLI's streaming path and scoped reports —
// so a new top-level field (the API view's `apis[]` and `findings[]`, say) is added in one place.
import { REPORT_SCHEMA_VERSION, type AnalysisReport, type ExchangeReport, type HarFlavour, type InputProblem } from './types';
import { VERSION } from './version';

export type ReportCounts = AnalysisReport['counts'];
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function emptyCounts(): Mutable<ReportCounts> {
  return { cors: 0, allowed: 0, blocked: 0, unknown: 0, notCors: 0 };
}

/** Adds one exchange to running counts (the streaming path counts exchanges as they settle). */
export function countExchange(counts: Mutable<ReportCounts>, x: Pick<ExchangeReport, 'kind' | 'verdict'>): void {
  if (x.kind === 'not-cors') {
    counts.notCors += 1;
    return;
  }
  counts.cors += 1;
  if (x.verdict === 'allowed') counts.allowed += 1;
  else if (x.verdict === 'blocked') counts.blocked += 1;
  else if (x.verdict === 'unknown') counts.unknown += 1;
}

export function countExchanges(exchanges: readonly Pick<ExchangeReport, 'kind' | 'verdict'>[]): ReportCounts {
  const counts = emptyCounts();
  for (const x of exchanges) countExchange(counts, x);
  return counts;
}

/** Entries that could not be read at all: those with an error-severity problem of their own. */
export function skippedEntries(problems: readonly InputProblem[]): number {
  return new Set(problems.filter((p) => p.severity === 'error' && p.entry !== null).map((p) => p.entry)).size;
}

export interface EnvelopeInput {
  readonly flavour: HarFlavour;
  /** Entries in the input, readable or not. */
  readonly entries: number;
  readonly creator: string | null;
  /** Defaults to the entries the problems name as skipped. */
  readonly skipped?: number;
}

/**
 * The whole report. `counts` defaults to the counts of `exchanges`; the streaming path passes its running counts
 * (its exchanges were written as they settled and are not held).
 */
export function buildReport(exchanges: readonly ExchangeReport[], problems: readonly InputProblem[], input: EnvelopeInput, counts: ReportCounts = countExchanges(exchanges)): AnalysisReport {
  const { skipped = skippedEntries(problems), ...rest } = input;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'cors-lens', version: VERSION },
    input: { ...rest, skipped },
    exchanges,
    problems,
    counts,
  };
}
