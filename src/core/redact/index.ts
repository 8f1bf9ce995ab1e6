// Redaction of HARs and of everything rendered from them. Pure: no DOM, no node:, no extension API.
export type { RedactOptions, RedactionSummary, Redactor } from './redactor';
export { redactHar, mapStrings, BODY_REMOVED_COMMENT, createHarTextRedactor, redactEntry, redactEntryLate, redactLogField, redactLogLate } from './har';
export { createRedactor } from './redactor';
export { isCorsEvidenceHeader, isSecretFieldName, isSecretHeaderName, isSecretParamName } from './rules';
export type { RedactionKind } from './rules';
