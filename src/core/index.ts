// The public surface of the analysis core. Pure: no DOM, no extension APIs, no node: modules.
export * from './types';
export { CORS_ERRORS, isCorsError } from './cors/errors';
export type { CorsError, FirefoxReason } from './cors/errors';
export { analyzeHar, createAnalyzer } from './analyze';
export type { Analyzer, AnalyzeOptions } from './analyze';
export { readHar, readHarEntry } from './har/read';
export type { ReadHarResult } from './har/read';
export { chromeConsoleMessage } from './cors/console';
export { FAILURE_TEXT } from './cors/catalog';
export { buildReport } from './analyze';
export { VERSION } from './version';
export { renderReport, previewRedaction, parseScope, selectScope } from './report';
export type { ReportScope } from './report';
export { redactHar } from './redact';
export type { RedactionSummary, RedactOptions } from './redact';
export { createHarStreamReader } from './har/stream';
export type { HarStreamReader, HarStreamChunk, HarStreamEnd, HarStreamOptions } from './har/stream';
