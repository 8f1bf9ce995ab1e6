// Redaction of HARs and of everything rendered from them. Pure: no DOM, no node:, no extension API.
export type { RedactOptions, RedactionSummary, Redactor } from './redactor';
export { redactHar, mapStrings, BODY_REMOVED_COMMENT, createHarTextRedactor } from './har';
export { isCorsEvidenceHeader, isSecretFieldName, isSecretHeaderName, isSecretParamName } from './rules';
export type { RedactionKind } from './rules';
