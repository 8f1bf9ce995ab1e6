// What the panel exports: the store's analysis and raw entries handed to the core's renderReport, the same
// code `cors-lens report` runs. Entry i of the analysis is `store.raw[i]` (see store.ts), so the HAR built
// here lines up with the report's entry indices. This module (and the core's report and redaction code) is loaded
// on demand, when the export dialog opens; so is the hint engine it uses.
// (The core's modules one by one, not its index: that would bring the HAR stream reader and its parser along.)
import { buildReport } from '../../core/analysis';
import type { RedactionSummary } from '../../core/report';
import { previewRedaction, renderReport, selectScope, type ReportScope } from '../../core/report';
import type { AnalysisReport, HarFlavour, Toolchain } from '../../core/analysis';
import { VERSION } from '../../core/analysis';
import { withHints } from '../hint-engine';
import { apisOf } from '../apis/api-engine';
import { flatFindings } from '../../core/api';
import { entryOf, type PanelStoreWithLimits } from '../store';

/** `json`: the report, schema version 2 (docs/report-schema.md): the document `cors-lens report --format json` writes. */
export type ExportFormat = 'har' | 'markdown' | 'html' | 'json';
export type ExportScopeChoice = 'all' | 'cors' | 'blocked' | 'selected';

export interface ExportChoices {
  readonly format: ExportFormat;
  readonly scope: ExportScopeChoice;
  readonly keepSecrets: boolean;
  readonly keepBodies: boolean;
  /** Markdown: whose fixes (default: each request's first; the panel passes the toolchain the user picked). */
  readonly toolchain?: Toolchain | 'all';
}

export interface PanelExport {
  readonly text: string;
  readonly fileName: string;
  readonly mimeType: string;
  readonly redaction: RedactionSummary;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The core's scope for the dialog's choice (`selected` = the exchange shown in the detail). */
export function coreScope(store: PanelStoreWithLimits, scope: ExportScopeChoice): ReportScope {
  if (scope !== 'selected') return scope;
  const id = store.selectedId.value;
  if (!id) throw new Error('no exchange is selected');
  return `exchange:${id}`;
}

/**
 * The analysis as an AnalysisReport, as `analyzeHar` would have made it from panelHar(store) — hints included.
 * When the panel's analyser leaves hints out (store.hintsOnDemand), they are computed here for the exchanges in
 * `scope` (each once; the others are not exported).
 */
export function panelReport(store: PanelStoreWithLimits, scope: ReportScope = 'all'): AnalysisReport {
  const built = buildReport(store.exchanges.value, store.problems.value, {
    flavour: flavourOf(store),
    entries: store.raw.length,
    creator: store.input.creator?.name ?? null,
  });
  // The API view, as analyzeHar adds it (exports open with it).
  const apis = apisOf(store.exchanges.value, (i) => entryOf(store, i));
  const report: AnalysisReport = { ...built, apis, findings: flatFindings(apis) };
  if (!store.hintsOnDemand) return report;
  const covered = scope === 'all' ? null : new Set(selectScope(report, scope).exchanges);
  const entry = (index: number | null) => entryOf(store, index);
  return { ...report, exchanges: report.exchanges.map((x) => (covered && !covered.has(x) ? x : withHints(x, entry))) };
}

/**
 * The raw entries as a HAR. An imported file keeps its own creator and pages; live capture (which sees entries,
 * not the log around them) gets our creator and no pages, so an entry's `pageref` that points at no page is left
 * out (a dangling reference is invalid HAR and trips importers).
 */
export function panelHar(store: PanelStoreWithLimits): { log: Json } {
  const pages = store.input.pages.filter(isObject);
  const pageIds = new Set(pages.map((p) => String(p.id)));
  const entries = store.raw.map((e) => {
    if (!isObject(e) || typeof e.pageref !== 'string' || pageIds.has(e.pageref)) return e;
    const { pageref: _dangling, ...rest } = e;
    return rest;
  });
  return {
    log: {
      version: '1.2',
      creator: store.input.creator ?? { name: 'CORS Lens', version: VERSION, comment: 'captured by the CORS Lens DevTools panel' },
      pages,
      entries,
    },
  };
}

export function previewExport(store: PanelStoreWithLimits, choices: ExportChoices): RedactionSummary {
  const scope = coreScope(store, choices.scope);
  return previewRedaction(panelReport(store, scope), panelHar(store), {
    scope,
    keepSecrets: choices.keepSecrets,
    keepBodies: choices.keepBodies,
  });
}

/** Renders the export; what the dialog's Download and Copy buttons hand on. */
export function renderExport(store: PanelStoreWithLimits, choices: ExportChoices, now = new Date()): PanelExport {
  const scope = coreScope(store, choices.scope);
  const rendered = renderReport(panelReport(store, scope), panelHar(store), {
    format: choices.format,
    scope,
    keepSecrets: choices.keepSecrets,
    keepBodies: choices.keepBodies,
    ...(choices.toolchain ? { toolchain: choices.toolchain } : {}),
  });
  return {
    text: rendered.text,
    mimeType: rendered.mimeType,
    redaction: rendered.redaction,
    fileName: exportFileName(choices, rendered.extension, now, store.selectedId.value),
  };
}

/** `cors-lens-2026-11-24T18-47-blocked.har`: sortable, no characters a file system refuses. */
export function exportFileName(choices: Pick<ExportChoices, 'scope'>, extension: string, now: Date, selectedId: string | null): string {
  const stamp = now.toISOString().slice(0, 16).replace(/:/g, '-');
  const scope = choices.scope === 'selected' ? (selectedId ?? 'exchange').replace(/[^\w-]/g, '') : choices.scope;
  return `cors-lens-${stamp}-${scope}${extension}`;
}

function flavourOf(store: PanelStoreWithLimits): HarFlavour {
  return store.input.reader.summary().flavour;
}
