// The analysis core's public surface for Node consumers (the CLI, tests, scripts): every entry point in one.
// The entry points, which code outside src/core imports instead of core files by path (lint enforces it):
//   core/analysis     HAR entries in, verdicts out; no hints, reports or stream parser (the panel starts with it)
//   core/analyze      the same analysis with AWS/generic hints attached
//   core/report       exports (annotated HAR, Markdown, HTML, JSON) and redaction
//   core/har/stream   a HAR of any size, in chunks
// Pure: no DOM, no extension APIs, no node: modules.
export * from './analysis';
export { analyzeHar, createAnalyzer, attachHints, findInLogs } from './analyze';
export type { AnalyzeOptions, LogSnippet, LogSourcePlan, LogsPlan } from './analyze';
export { renderReport, previewRedaction, parseScope, selectScope } from './report';
export type { ReportScope, RedactionSummary, RedactOptions } from './report';
export { redactHar } from './redact';
export { createHarStreamReader } from './har/stream';
export type { HarStreamReader, HarStreamChunk, HarStreamEnd, HarStreamOptions } from './har/stream';
