// Redaction of HARs and of everything rendered from them. Pure: no DOM, no node:, no extension API.
export { createRedactor } from './redactor';
export type { RedactOptions, RedactionContext, RedactionSummary, Redactor } from './redactor';
export { redactHar, deepText, mapStrings, BODY_REMOVED_COMMENT } from './har';
export type { RedactedHar } from './har';
export {
  REDACTION_KINDS,
  isCorsEvidenceHeader,
  isSecretFieldName,
  isSecretHeaderName,
  isSecretParamName,
  placeholderFor,
} from './rules';
export type { RedactionKind } from './rules';
