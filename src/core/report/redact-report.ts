// The analysis goes through the same redactor as the HAR: URLs, failed parameters, check values, hint evidence
// and snippets can all quote what was on the wire. Same value, same placeholder.
import { mapStrings, type Redactor } from '../redact';
import type { AnalysisReport } from '../types';

export function redactReport(report: AnalysisReport, redactor: Redactor): AnalysisReport {
  if (redactor.options.keepSecrets) return report;
  redactor.at('report');
  const out = mapStrings(report, redactor.text) as AnalysisReport;
  redactor.at(null);
  return out;
}
