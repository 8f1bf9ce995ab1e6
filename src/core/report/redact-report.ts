// The analysis goes through the same redactor as the HAR: URLs, failed parameters, check values and hint evidence
// quote what was on the wire. Same value, same placeholder.
//
// Redaction applies to captured data only, never to the text CORS Lens writes: a hint's title, explanation, fix
// titles, snippets and documentation links are ours, and the redactor's name- and shape-based rules would break
// them (`"…Access-Control-Allow-Credentials": "'true'"` in an AWS CLI snippet reads as a secret-named JSON field).
// They get only `known()`: a secret already found in the captured data, wherever it was quoted into them (a URL
// path or a header value filled into a snippet), is still replaced — nothing captured leaks through our text.
import { mapStrings, type Redactor } from '../redact';
import type { AnalysisReport, ExchangeReport, Hint } from '../types';
import type { ApiReport, ConsolidatedFix } from '../api/types';

export function redactReport(report: AnalysisReport, redactor: Redactor): AnalysisReport {
  if (redactor.options.keepSecrets) return report;
  redactor.at('report');
  const out = mapFields(report, (key, value) => (key === 'exchanges' ? (value as ExchangeReport[]).map((x) => redactExchange(x, redactor)) : redactReportField(key, value, redactor)));
  redactor.at(null);
  return out;
}

/**
 * One field of the report other than `exchanges` (which go through `redactExchange` one by one): a report streamed
 * through the redactor field by field, in the report's key order, gets the placeholders `redactReport` gives.
 * Call with the redactor `at('report')`.
 */
export function redactReportField(key: string, value: unknown, redactor: Redactor): unknown {
  if (redactor.options.keepSecrets) return value;
  return key === 'apis' ? (value as ApiReport[]).map((a) => redactApi(a, redactor)) : mapStrings(value, redactor.text);
}

/** One exchange of the report (call with the redactor `at('report')`). */
export function redactExchange(x: ExchangeReport, redactor: Redactor): ExchangeReport {
  if (redactor.options.keepSecrets) return x;
  return mapFields(x, (key, value) => (key === 'hints' ? (value as Hint[]).map((h) => redactHint(h, redactor)) : mapStrings(value, redactor.text)));
}

/** An API's consolidated fixes are written by CORS Lens (like a hint's fixes); everything else quotes the capture. */
function redactApi(api: ApiReport, redactor: Redactor): ApiReport {
  return mapFields(api, (key, value) =>
    key === 'fixes'
      ? (value as ConsolidatedFix[]).map((fix) => mapFields(fix, (k, v) => mapStrings(v, k === 'title' || k === 'explanation' || k === 'fixes' ? redactor.known : redactor.text)))
      : mapStrings(value, redactor.text));
}

/** Evidence quotes the capture: redacted as text. Everything else in a hint is written by CORS Lens. */
function redactHint(h: Hint, redactor: Redactor): Hint {
  return mapFields(h, (key, value) => mapStrings(value, key === 'evidence' ? redactor.text : redactor.known));
}

/** A copy of `value` with each field mapped, in the original key order (the JSON report keeps its shape). */
function mapFields<T extends object>(value: T, f: (key: string, value: unknown) => unknown): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = f(k, v);
  return out as T;
}
