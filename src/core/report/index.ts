// Entry point "report": exports of an analysis, shared by the panel's export dialog and `cors-lens report`. Pure: no DOM, no node:.
// Order matters: scope → redact the HAR (which builds the value → placeholder map) → redact the analysis with the
// same map → render. Nothing reaches a renderer that has not been through the redactor.
import { redactHar, type RedactOptions, type RedactionSummary } from '../redact';
import type { AnalysisReport, Toolchain } from '../types';
import { annotateHar } from './annotated-har';
import { renderHtml } from './html';
import { reportToJsonV2 } from './json-v2';
import { renderMarkdown } from './markdown';
import { redactReport } from './redact-report';
import { entriesInScope, selectScope, type ReportScope } from './scope';

export type ReportFormat = 'har' | 'markdown' | 'html' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['har', 'markdown', 'html', 'json'];

export interface RenderOptions extends RedactOptions {
  readonly format: ReportFormat;
  /** Default `all`. */
  readonly scope?: ReportScope;
  /**
   * Markdown: whose fixes are written (default: each request's first toolchain; `'all'`: every toolchain's).
   * HTML, JSON and HAR keep every toolchain.
   */
  readonly toolchain?: Toolchain | 'all';
}

export interface RenderedReport {
  readonly text: string;
  /** What was removed from this export (for the entries in scope). */
  readonly redaction: RedactionSummary;
  readonly mimeType: string;
  /** Suggested file extension, with the dot. */
  readonly extension: string;
}

const FILE_TYPES: Record<ReportFormat, { mimeType: string; extension: string }> = {
  har: { mimeType: 'application/json', extension: '.har' },
  markdown: { mimeType: 'text/markdown', extension: '.md' },
  html: { mimeType: 'text/html', extension: '.html' },
  json: { mimeType: 'application/json', extension: '.json' },
};

interface Prepared {
  readonly report: AnalysisReport;
  readonly har: unknown;
  readonly entries: number[] | null;
  readonly redaction: RedactionSummary;
  readonly scope: ReportScope;
}

function prepare(report: AnalysisReport, har: unknown, options: RedactOptions & { scope?: ReportScope }): Prepared {
  const scope = options.scope ?? 'all';
  const scoped = selectScope(report, scope);
  const entries = entriesInScope(scoped, scope);
  const redacted = redactHar(har, { keepSecrets: options.keepSecrets, keepBodies: options.keepBodies });
  const safeReport = redactReport(scoped, redacted.redactor);
  const redaction = redacted.redactor.summary(entries ?? undefined);
  return { report: safeReport, har: redacted.har, entries, redaction, scope };
}

/**
 * Renders `report` (the analysis of `har`) in `format`, redacted unless `keepSecrets`, bodies dropped unless
 * `keepBodies`. `har` is the raw HAR the report was made from (object or JSON text). Throws only for an unknown
 * `exchange:<id>` scope.
 */
export function renderReport(report: AnalysisReport, har: unknown, options: RenderOptions): RenderedReport {
  const p = prepare(report, har, options);
  let text: string;
  switch (options.format) {
    case 'har':
      text = JSON.stringify(annotateHar(p.report, p.har, { entries: p.entries, scope: p.scope, redaction: p.redaction }), null, 2);
      break;
    case 'markdown':
      text = renderMarkdown(p.report, p.har, { scope: p.scope, redaction: p.redaction, ...(options.toolchain ? { toolchain: options.toolchain } : {}) });
      break;
    case 'html':
      text = renderHtml(p.report, p.har, { scope: p.scope, redaction: p.redaction });
      break;
    case 'json':
      text = reportToJsonV2(p.report);
      break;
    default: {
      const never: never = options.format;
      throw new Error(`unknown report format: ${String(never)}`);
    }
  }
  return { text: text.endsWith('\n') ? text : `${text}\n`, redaction: p.redaction, ...FILE_TYPES[options.format] };
}

/** The export dialog's preview: what an export with these options would remove, without rendering it. */
export function previewRedaction(
  report: AnalysisReport,
  har: unknown,
  options: RedactOptions & { scope?: ReportScope } = {},
): RedactionSummary {
  return prepare(report, har, options).redaction;
}

export { escapeHtml, escapeMarkdown, htmlId, markdownFence } from './escape';
export { REPORT_CSP } from './html';
export { formatText, textBlocks, textHead, textTail } from './terminal';
export { createJsonV2Writer, createNdjsonWriter, expandReportV2, readNdjsonV2, reportToJsonV2, TABLE_NAMES } from './json-v2';
export type { AnalysisReportV2, ReportV2Writer } from './json-v2';
export { createHarTextRedactor, mapStrings } from '../redact';
export { entriesInScope, parseScope, selectScope } from './scope';
export type { ReportScope } from './scope';
export type { EntryAnnotation } from './annotated-har';
export type { RedactionKind, RedactionSummary, RedactOptions } from '../redact';
// The parts `cors-lens report` streams a report through (src/cli/report-stream.ts).
export { createMarkdownWriter } from './markdown';
export { createHtmlWriter } from './html';
export { annotateEntry, annotatedLog, createEntryRoles, keptEntries, pagerefOf } from './annotated-har';
export { redactExchange, redactReportField } from './redact-report';
export { entriesOfExchange, inScope, scopeApis } from './scope';
export { createRedactor, redactEntry, redactEntryLate, redactLogField, redactLogLate } from '../redact';
