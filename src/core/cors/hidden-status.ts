// The HTTP status a blocked response carried, which CORS hides from the page ("the server answered 502; the page
// only saw a CORS error").
import type { Failure, HiddenStatus, ObservedEntry } from '../types';
import { isOkStatus, statusLine } from '../fetch/status';
import { HIDDEN_STATUS_SENTENCE } from './wording';

export function hiddenStatus(actual: ObservedEntry | null, preflight: ObservedEntry | null, first: Failure | undefined): HiddenStatus | null {
  if (first?.stage === 'preflight' && preflight && !isOkStatus(preflight.status) && preflight.status > 0) {
    const line = statusLine(preflight.status, preflight.statusText);
    return { status: preflight.status, statusText: preflight.statusText, stage: 'preflight', sentence: HIDDEN_STATUS_SENTENCE.preflight(line) };
  }
  if (actual && actual.status >= 400) {
    const line = statusLine(actual.status, actual.statusText);
    return { status: actual.status, statusText: actual.statusText, stage: 'actual', sentence: HIDDEN_STATUS_SENTENCE.actual(line) };
  }
  return null;
}
