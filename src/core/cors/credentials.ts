// The request's credentials mode (https://fetch.spec.whatwg.org/#concept-request-credentials-mode), which a HAR
// never records: inferred from what the request carried, or from a block only credentials explain — and said so.
import type { BrowserSignal, CredentialsMode, Failure, Inferred, ObservedEntry } from '../types';
import { getHeader } from '../fetch/headers';
import { isRedirectResponse } from '../fetch/location';

export interface ChecksResult {
  readonly failures: Failure[];
  /** The credentials mode the checks ran with. */
  readonly credentialsInclude: boolean;
}

// The few answers there are, one object each (read-only, shared by every exchange that gets them).
const INFERRED = {
  recordedInclude: { value: 'include', from: 'recorded-credentials-mode' },
  recordedOther: { value: 'not-include', from: 'recorded-credentials-mode' },
  requestCookies: { value: 'include', from: 'request-cookies' },
  cookieHeader: { value: 'include', from: 'cookie-header' },
  onlyCredentialsExplainBlock: { value: 'include', from: 'only-credentials-explain-block' },
  notRecorded: { value: 'unknown', from: 'not-recorded-in-har' },
} as const satisfies Record<string, Inferred<CredentialsMode>>;

/**
 * Runs the checks with the credentials mode the capture records (`_credentialsMode`, see ObservedEntry) or supports:
 * "include" when the request carried a cookie;
 * otherwise unknown, unless the browser blocked a request whose headers pass, and they fail with credentials.
 */
export function inferCredentials(
  actual: ObservedEntry | null, browser: BrowserSignal, run: (credentialsInclude: boolean) => ChecksResult,
): { credentials: Inferred<CredentialsMode>; result: ChecksResult } {
  // A writer that made the request itself (`cors-lens probe`, the panel's re-run) records the mode: no inference.
  const recorded = actual?.credentialsMode;
  if (recorded !== undefined) return { credentials: recorded === 'include' ? INFERRED.recordedInclude : INFERRED.recordedOther, result: run(recorded === 'include') };
  const credentialsSeen = actual !== null && (getHeader(actual.requestHeaders, 'cookie') !== null || actual.hasRequestCookies);
  const result = run(credentialsSeen);
  if (credentialsSeen) return { credentials: actual!.hasRequestCookies ? INFERRED.requestCookies : INFERRED.cookieHeader, result };
  if (result.failures.length === 0 && browser.kind === 'blocked' && !(actual && isRedirectResponse(actual))) {
    // A block that only credentials can explain tells us the mode was "include".
    const withCredentials = run(true);
    if (withCredentials.failures.length > 0) return { credentials: INFERRED.onlyCredentialsExplainBlock, result: withCredentials };
  }
  return { credentials: INFERRED.notRecorded, result };
}

/**
 * Without a browser verdict and without a cookie, a request that passes could still have been sent with
 * credentials: the first failure it would then meet (rather than a guess), or null.
 */
export function failureIfCredentialed(
  actual: ObservedEntry | null, credentials: Inferred<CredentialsMode>, browser: BrowserSignal, result: ChecksResult, run: (credentialsInclude: boolean) => ChecksResult,
): Failure | null {
  if (credentials.value !== 'unknown' || result.failures.length > 0 || browser.kind !== 'none' || actual === null || actual.status <= 0) return null;
  return run(true).failures[0] ?? null;
}
