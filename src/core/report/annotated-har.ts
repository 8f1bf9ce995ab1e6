// The annotated HAR: the (redacted) captured entries as valid HAR 1.2, with our analysis under the custom field
// `_corsLens` (HAR 1.2 allows custom fields whose names start with `_`). Chrome DevTools' importer ignores it;
// CORS Lens re-analyses the entries on import and can compare with what the exporter saw.
import type { RedactionSummary } from '../redact';
import type { AnalysisReport, CheckRow, ExchangeReport, Failure, HiddenStatus, Hint, PairingMethod, Verdict } from '../types';
import type { CorsError } from '../cors/errors';
import { harLog, isObject } from './har-access';
import { textOf } from './escape';
import type { ReportScope } from './scope';

/** `_corsLens` on an entry. Entry indices are indices in *this* file's `log.entries`. */
export interface EntryAnnotation {
  readonly exchangeId: string;
  readonly role: 'preflight' | 'actual';
  readonly verdict: Verdict;
  readonly corsError: CorsError | null;
  readonly failedParameter: string | null;
  readonly summary: string;
  /** The other half of the exchange (the actual request of a preflight, or the reverse), if it is in this file. */
  readonly pairedWith: number | null;
  readonly pairing: { readonly method: PairingMethod; readonly detail: string; readonly cachedBy: number | null };
  readonly hiddenStatus: HiddenStatus | null;
  /** The checklist rows of this entry's stage. */
  readonly checks: readonly CheckRow[];
  readonly allFailures: readonly Failure[];
  readonly hints: ReadonlyArray<Pick<Hint, 'id' | 'title' | 'confidence'>>;
  /** The entry's index in the file that was analysed. */
  readonly sourceIndex: number;
}

/** `_corsLens` on the log. */
export interface LogAnnotation {
  readonly tool: AnalysisReport['tool'];
  readonly schemaVersion: AnalysisReport['schemaVersion'];
  readonly scope: ReportScope;
  readonly counts: AnalysisReport['counts'];
  readonly redaction: RedactionSummary;
}

export interface AnnotateOptions {
  /** Original indices of the entries to carry, in order; null for all. */
  readonly entries: readonly number[] | null;
  readonly scope: ReportScope;
  readonly redaction: RedactionSummary;
}

/** Builds the annotated HAR from the (redacted, scoped) report and the (redacted) HAR. */
export function annotateHar(report: AnalysisReport, har: unknown, options: AnnotateOptions): { log: Record<string, unknown> } {
  const log = harLog(har) ?? {};
  const all = Array.isArray(log.entries) ? log.entries : [];
  const { sources, remap } = keptEntries(options.entries, all.length);
  const roles = createEntryRoles();
  for (const x of report.exchanges) roles.add(x);
  const entries = sources.map((source) => annotateEntry(all[source], source, roles, remap));
  const pagerefs = new Set(entries.map(pagerefOf));
  return { log: annotatedLog(log, report, options, entries, pagerefs) };
}

/** The original indices of the entries an export carries, in order, and an original index's index in the export. */
export function keptEntries(wanted: readonly number[] | null, total: number): { sources: number[]; remap: (i: number | null | undefined) => number | null } {
  const newIndex = new Map<number, number>();
  const sources: number[] = [];
  for (const i of wanted ?? Array.from({ length: total }, (_, n) => n)) {
    if (i < 0 || i >= total || newIndex.has(i)) continue;
    newIndex.set(i, sources.length);
    sources.push(i);
  }
  return { sources, remap: (i) => (i === null || i === undefined ? null : (newIndex.get(i) ?? null)) };
}

/** Which exchange each entry is annotated with: the first exchange naming it, as its actual request or its preflight. */
export function createEntryRoles() {
  const roles = new Map<number, { x: ExchangeReport; role: 'preflight' | 'actual' }>();
  return {
    add(x: ExchangeReport): void {
      if (x.actualEntry !== null && !roles.has(x.actualEntry)) roles.set(x.actualEntry, { x, role: 'actual' });
      if (x.preflightEntry !== null && !roles.has(x.preflightEntry)) roles.set(x.preflightEntry, { x, role: 'preflight' });
    },
    get: (i: number) => roles.get(i),
  };
}
export type EntryRoles = ReturnType<typeof createEntryRoles>;

/** An entry of the export: the (redacted) entry with `_corsLens` when an exchange names it. */
export function annotateEntry(raw: unknown, source: number, roles: EntryRoles, remap: (i: number | null | undefined) => number | null): unknown {
  const found = roles.get(source);
  if (!isObject(raw) || !found) return raw;
  return { ...raw, _corsLens: annotation(found.x, found.role, source, remap) };
}

export function pagerefOf(entry: unknown): string | null {
  return isObject(entry) && typeof entry.pageref === 'string' ? entry.pageref : null;
}

/**
 * The annotated `log`: the (redacted) log's fields in their order, `entries` (the export's), the pages they refer
 * to (`pagerefs`: their `pageref`s; all pages when the export carries every entry), the comment and `_corsLens`.
 */
export function annotatedLog(log: Record<string, unknown>, report: AnalysisReport, options: AnnotateOptions, entries: unknown[], pagerefs: ReadonlySet<string | null>): Record<string, unknown> {
  const pages = Array.isArray(log.pages)
    ? log.pages.filter((p) => options.entries === null || (isObject(p) && pagerefs.has(textOf(p.id))))
    : [];

  const meta: LogAnnotation = {
    tool: report.tool,
    schemaVersion: report.schemaVersion,
    scope: options.scope,
    counts: report.counts,
    redaction: options.redaction,
  };
  return {
    ...log,
    version: typeof log.version === 'string' && log.version !== '' ? log.version : '1.2',
    // The original creator stays: importers (ours included) read the browser flavour from it.
    creator: isObject(log.creator) ? log.creator : { name: report.tool.name, version: report.tool.version },
    pages,
    entries,
    comment: `Annotated by ${report.tool.name} ${report.tool.version}; ${redactionNote(options.redaction)}`,
    _corsLens: meta,
  };
}

function annotation(
  x: ExchangeReport,
  role: 'preflight' | 'actual',
  source: number,
  remap: (i: number | null | undefined) => number | null,
): EntryAnnotation {
  return {
    exchangeId: x.id,
    role,
    verdict: x.verdict,
    corsError: x.corsError,
    failedParameter: x.failedParameter,
    summary: x.summary,
    pairedWith: remap(role === 'actual' ? x.preflightEntry : x.actualEntry),
    pairing: { method: x.pairing.method, detail: x.pairing.detail, cachedBy: remap(x.pairing.cachedBy) },
    hiddenStatus: x.hiddenStatus,
    checks: x.checks.filter((c) => c.stage === role),
    allFailures: x.allFailures.map((f) => ({ ...f, entry: remap(f.entry) })),
    hints: x.hints.map((h) => ({ id: h.id, title: h.title, confidence: h.confidence })),
    sourceIndex: source,
  };
}

function redactionNote(s: RedactionSummary): string {
  const secrets = s.secretsRedacted ? `${s.total} secret values redacted` : 'secrets NOT redacted';
  return `${secrets}; ${s.bodiesDropped ? 'bodies removed' : 'bodies kept'}.`;
}
