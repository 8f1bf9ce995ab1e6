// Entry point "analysis": HAR entries in, verdicts out — no hint engine, report renderer or stream parser, so the
// panel starts with this alone (test/e2e/panel-bundle.test.ts). Pure: no DOM, no extension APIs, no node:.
export * from './types';
export { CORS_ERRORS, isCorsError } from './cors/errors';
export type { CorsError, FirefoxReason } from './cors/errors';
export { createAnalyzerCore } from './analyzer';
export { buildReport, countExchange, countExchanges, emptyCounts } from './envelope';
export type { EnvelopeInput, ReportCounts } from './envelope';
export { createHarLogReader, flavourOfCreator } from './har/log-reader';
export type { HarLogReader, HarLogSummary } from './har/log-reader';
export type { Analyzer, AnalyzerOptions, HintStep } from './analyzer';
export { readHar, readHarEntry } from './har/read';
export type { ReadHarResult } from './har/read';
export { chromeConsoleMessage } from './cors/console';
export { FAILURE_TEXT } from './cors/failure-text';
export { certaintyOf, needsHints } from './exchange';
export { inferredFromText } from './cors/wording';
export { SERVICE_NAME } from './hints/service-names';
export type { Certainty } from './exchange';
export { VERSION } from './version';
// Fetch primitives for code that builds requests itself (`cors-lens probe`, the panel's re-run).
export { normalizeMethod, isForbiddenRequestHeaderName, corsUnsafeRequestHeaders } from './fetch/safelist';
export { preflightReason, authorHeaders } from './cors/preflight-reason';
export { originOf, includesCredentials } from './fetch/origin';
export { getHeader } from './fetch/headers';
export { FINDINGS, FINDING_IDS, isFindingId, findingMatches } from './findings/catalogue';
export type { Finding, FindingId, FindingSeverity, FindingConfidence, FindingDefinition } from './findings/catalogue';
// Which request headers carry credentials (the ones an export redacts): Copy as cURL names them.
export { COOKIE_HEADERS, isSecretHeaderName } from './redact/rules';
