// "Find it in the logs" (issue 19): for an AWS-fingerprinted exchange, the log commands and queries of the
// service that answered, filled from the capture, with what each log shows for the pitfall named.
// The tables: SOURCES_BY_SERVICE and LOG_SOURCES (sources.ts), LOG_SHOWS (shows.ts), LOG_ID_RULES (ids.ts).
export { findInLogs } from './plan';
export { logsHtml, logsMarkdown, logsText } from './render';
export { LOG_ID_RULES } from './ids';
export type { LogSnippet, LogSourcePlan, LogsPlan } from './types';
