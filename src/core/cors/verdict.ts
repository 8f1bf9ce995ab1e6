// The verdict of an exchange — allowed, blocked or unknown — from the failing checks and the browser's signal,
// and the one-line summary that says it. The checks themselves are the spec's (cors-check.ts, preflight.ts);
// this weighs them against what the capture shows.
import type { BrowserSignal, Failure, HiddenStatus, ObservedEntry, Pairing, PreflightReason, Verdict } from '../types';
import { statusLine } from '../fetch/status';
import { FAILURE_TEXT } from './failure-text';
import { SUMMARY, hiddenStatusClause, type UnknownCause } from './wording';

export function decideVerdict(
  actual: ObservedEntry | null, preflight: ObservedEntry | null, failures: readonly Failure[], browser: BrowserSignal, pairing: Pairing, reason: PreflightReason,
): { verdict: Verdict; unknown: UnknownCause | null } {
  if (browser.kind === 'network-error') return { verdict: 'unknown', unknown: 'network-error' };
  if (failures.length > 0) return { verdict: browser.kind === 'passed' ? 'allowed' : 'blocked', unknown: null };
  if (preflight && preflight.status === 0 && preflight.responseHeaders.length === 0) return { verdict: 'unknown', unknown: 'preflight-no-response' };
  if (!actual) return { verdict: 'unknown', unknown: 'actual-not-captured' };
  if (browser.kind === 'blocked') return { verdict: 'unknown', unknown: 'blocked-but-headers-pass' };
  if (actual.status === 0 && reason.needed && !preflight && pairing.method === 'preflight-not-captured') return { verdict: 'unknown', unknown: 'no-response-preflight-not-captured' };
  if (actual.status === 0) return { verdict: 'unknown', unknown: 'no-response' };
  return { verdict: 'allowed', unknown: null };
}

export function summarize(
  verdict: Verdict, unknownReason: string | null, failures: readonly Failure[], hidden: HiddenStatus | null, browser: BrowserSignal, hadPreflight: boolean, pairing: Pairing,
): string {
  if (verdict === 'unknown') return SUMMARY.unknown(unknownReason ?? '');
  if (verdict === 'allowed') {
    if (failures.length > 0) return SUMMARY.allowedDespiteFailure(failures[0].corsError);
    return SUMMARY.allowed[hadPreflight ? 'with-preflight' : pairing.method === 'preflight-cache' ? 'preflight-cached' : 'simple'];
  }
  const first = failures[0];
  const cause = FAILURE_TEXT[first.corsError].cause(first.corsError === 'PreflightInvalidStatus' && hidden ? statusLine(hidden.status, hidden.statusText) : first.failedParameter);
  const more = SUMMARY.more(failures.length - 1);
  const status = hidden ? hiddenStatusClause(hidden.sentence) : '';
  return (browser.kind === 'none' ? SUMMARY.wouldBeBlocked : SUMMARY.blocked)(cause, status, more);
}
