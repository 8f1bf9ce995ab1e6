// One exchange (actual request + its preflight) → verdict, failures, checklist: runs the spec's checks on what
// the capture shows and puts the concepts together — the credentials mode (credentials.ts), the browser's signal
// (browser-signal.ts), redirects (redirect.ts), Local Network Access (address-space.ts), the verdict and summary
// (verdict.ts), the hidden status (hidden-status.ts), advisory rows (advisory-rows.ts); every sentence is in
// wording.ts. The verdict follows the spec's checks (with Chromium's measured behaviour where they differ).
import type { CheckRow, ExchangeReport, Failure, ObservedEntry, Pairing, PreflightReason } from '../types';
import { getHeader } from '../fetch/headers';
import { isCorsNonWildcardRequestHeaderName } from '../fetch/safelist';
import { isRedirectResponse } from '../fetch/location';
import { originOf } from '../fetch/origin';
import { advisoryRows } from './advisory-rows';
import { localNetworkFailure } from './address-space';
import { browserSignal } from './browser-signal';
import { FAILURE_TEXT } from './failure-text';
import { corsCheck } from './cors-check';
import { failureIfCredentialed, inferCredentials } from './credentials';
import { hiddenStatus } from './hidden-status';
import { checkPreflightResponse } from './preflight';
import { preflightReason } from './preflight-reason';
import { redirectLocationFailures } from './redirect';
import { step } from './spec-steps';
import { decideVerdict, summarize } from './verdict';
import { ROW_NOTE, SUMMARY, UNKNOWN_REASON } from './wording';

export interface ExchangeInput {
  readonly id: string;
  readonly actual: ObservedEntry | null;
  readonly preflight: ObservedEntry | null;
  readonly pairing: Pairing;
  readonly origin: string;
  readonly originFrom: string;
  readonly redirectedFrom: number | null;
  /** Another entry that sent this same request (a service worker re-fetching what Chromium did not send). */
  readonly resentAs: number | null;
  readonly requestedHeaderNames: readonly string[] | null;
  readonly ignoreBrowserSignals: boolean;
}

export type EvaluatedExchange = Omit<ExchangeReport, 'hints' | 'fingerprints'>;

export function evaluateExchange(input: ExchangeInput): EvaluatedExchange {
  const { actual, preflight, pairing, origin } = input;
  const method = actual?.method ?? (preflight ? (getHeader(preflight.requestHeaders, 'access-control-request-method') ?? 'GET') : 'GET');
  const url = actual?.url ?? preflight?.url ?? '';
  const reason = preflightReason(method, actual?.requestHeaders ?? null, input.requestedHeaderNames);
  const unsafeNames = inRequestOrder(reason.unsafeHeaders.map((h) => h.name), actual);
  // A preflight entry's own `_error: null` only says the OPTIONS request completed; the verdict lives on the actual request.
  const browser = browserSignal(actual, input.ignoreBrowserSignals);

  const run = (credentialsInclude: boolean) => runChecks(actual, preflight, origin, method, unsafeNames, credentialsInclude, reason, input.resentAs);
  const { credentials, result } = inferCredentials(actual, browser, run);
  const { failures, rows } = result;
  const ifCredentialed = failureIfCredentialed(actual, credentials, browser, result, run);
  const decided = decideVerdict(actual, preflight, failures, browser, pairing, reason);
  const { verdict } = decided;
  const unknownReason = verdict !== 'unknown' ? null
    : input.resentAs !== null ? UNKNOWN_REASON['resent-by-service-worker']({ entry: input.resentAs })
    : UNKNOWN_REASON[decided.unknown!]({ error: decided.unknown === 'preflight-no-response' ? preflight?.error : browser.error });
  const first = verdict === 'blocked' ? failures[0] : undefined;
  const hidden = verdict === 'blocked' ? hiddenStatus(actual, preflight, first) : null;
  const serverStatus = actual && actual.status > 0 ? actual.status : null;

  return {
    id: input.id,
    url,
    method,
    origin,
    originFrom: input.originFrom,
    kind: 'cors',
    notCorsReason: null,
    actualEntry: actual?.index ?? null,
    preflightEntry: preflight?.index ?? null,
    redirectedFrom: input.redirectedFrom,
    pairing,
    startedMs: actual?.startedMs ?? preflight?.startedMs ?? 0,
    verdict,
    unknownReason,
    corsError: first?.corsError ?? null,
    failedParameter: first ? first.failedParameter : null,
    allFailures: failures,
    firefoxReason: first?.firefoxReason ?? null,
    pageStatus: verdict === 'blocked' || !actual ? 0 : actual.status,
    serverStatus,
    hiddenStatus: hidden,
    preflightReason: reason,
    credentials,
    checks: rows,
    browser,
    summary: summarize(verdict, unknownReason, failures, hidden, browser, preflight !== null, pairing) +
      (ifCredentialed && verdict === 'allowed' ? SUMMARY.ifCredentialed(FAILURE_TEXT[ifCredentialed.corsError].cause(ifCredentialed.failedParameter), ifCredentialed.corsError) : ''),
  };
}

/**
 * Chromium checks the unsafe headers in the order of its own (hash-ordered) header list: neither insertion nor
 * sorted order. The HAR's list for a request it never sent comes from the same kind of map and is the best
 * predictor we have (measured: right in 2 of 3 truth scenarios); every refused header is listed anyway.
 */
function inRequestOrder(names: string[], actual: ObservedEntry | null): string[] {
  if (!actual || names.length < 2) return names;
  const position = new Map<string, number>();
  actual.requestHeaders.forEach(([n], i) => { if (!position.has(n)) position.set(n, i); });
  // Authorization is checked first (Chromium's non-wildcard request-header check runs before the list).
  const rank = (n: string) => (isCorsNonWildcardRequestHeaderName(n) ? -1 : (position.get(n) ?? Infinity));
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

function runChecks(
  actual: ObservedEntry | null, preflight: ObservedEntry | null, origin: string, method: string,
  unsafeNames: readonly string[], credentialsInclude: boolean, reason: PreflightReason, resentAs: number | null,
): { failures: Failure[]; rows: CheckRow[] } {
  const failures: Failure[] = [];
  const rows: CheckRow[] = [];
  const preflightUnanswered = preflight !== null && preflight.status === 0 && preflight.responseHeaders.length === 0;
  if (preflight && preflightUnanswered) {
    // The preflight never got a response: not a header problem. Local Network Access stops it before sending.
    const lna = localNetworkFailure(preflight, origin, 'preflight', preflight.error ?? null);
    if (lna) failures.push(lna);
    rows.push({ stage: 'preflight', header: 'Status', status: 'not-observed', expected: '2xx (ok status)', actual: preflight.error ?? '(no response)', spec: step('cors-preflight-fetch#7'), note: ROW_NOTE['preflight-no-response'] });
  } else if (preflight) {
    const r = checkPreflightResponse({ preflight, origin, method, unsafeHeaderNames: unsafeNames, credentialsInclude });
    failures.push(...r.failures);
    rows.push(...r.rows);
  } else if (reason.needed) {
    rows.push({ stage: 'preflight', header: 'Status', status: 'not-observed', expected: '2xx (ok status)', actual: null, spec: step('cors-preflight-fetch#7'), note: ROW_NOTE['preflight-not-captured'] });
  }
  if (actual && (actual.status > 0 || actual.responseHeaders.length > 0)) {
    const redirect = isRedirectResponse(actual);
    // https://fetch.spec.whatwg.org/#concept-main-fetch step 12: a same-origin hop has response tainting "basic"
    // and gets no CORS check; only its redirect's own checks apply.
    const basic = redirect && originOf(actual.url) === origin;
    const r = basic ? { failures: [], rows: [] } : corsCheck({ origin, credentialsInclude, responseHeaders: actual.responseHeaders, stage: redirect ? 'redirect' : 'actual', entry: actual.index });
    failures.push(...r.failures);
    rows.push(...r.rows);
    if (redirect) failures.push(...redirectLocationFailures(actual));
    rows.push(...advisoryRows(actual));
  } else if (actual) {
    // Beyond the spec: Chromium stops a request to a more private address (Local Network Access) before sending it.
    if (!preflight && !reason.needed && actual.error === 'net::ERR_FAILED' && resentAs === null) {
      const lna = localNetworkFailure(actual, origin, 'actual', null);
      if (lna) failures.push(lna);
    }
    rows.push({ stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'not-observed', expected: credentialsInclude ? origin : `${origin} or *`, actual: null, spec: step('cors-check#2'), note: ROW_NOTE['actual-not-sent'] });
  }
  return { failures, rows };
}
