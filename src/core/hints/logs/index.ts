// "Find it in the logs" (issue 19): for an AWS-fingerprinted exchange, the log commands and queries of the
// service that answered, filled from the capture, with what each log shows for the pitfall named.
export { findInLogs } from './plan';
export { logsHtml, logsMarkdown, logsText, LOGS_TITLE } from './render';
export { LOG_SOURCES, SOURCES_BY_SERVICE } from './sources';
export { LOG_SHOWS } from './shows';
export { LOG_ID_RULES, logIdsOf } from './ids';
export { LOG_SOURCE_IDS } from './types';
export type { LogSnippet, LogSnippetKind, LogSnippetLanguage, LogSourceId, LogSourcePlan, LogsPlan } from './types';
