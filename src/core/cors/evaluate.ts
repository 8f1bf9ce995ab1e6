// One exchange (actual request + its preflight) → verdict, failures, checklist.
// The verdict follows the spec's checks (with Chromium's measured behaviour where they differ);
// the browser's own signal (Chromium `_error`) is evidence that can settle what headers cannot.
import type {
  BrowserSignal, CheckRow, CredentialsMode, ExchangeReport, Failure, HiddenStatus, Inferred, ObservedEntry, Pairing, PreflightReason, Verdict,
} from '../types';
import { countHeader, getHeader } from '../fetch/headers';
import { includesCredentials, isHttpScheme } from '../fetch/origin';
import { isRedirectStatus, statusLine } from '../fetch/status';
import { FAILURE_TEXT } from './catalog';
import { corsCheck } from './cors-check';
import { failure } from './failure';
import { checkPreflightResponse } from './preflight';
import { preflightReason } from './preflight-reason';
import { step } from './spec-steps';

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

  // A writer that made the request itself (`cors-lens probe`, the panel's re-run) records its credentials mode.
  const recordedMode = actual?.credentialsMode ?? null;
  const credentialsSeen = recordedMode !== null ? recordedMode === 'include' : actual !== null && (getHeader(actual.requestHeaders, 'cookie') !== null || actual.hasRequestCookies);
  const run = (credentialsInclude: boolean) => runChecks(actual, preflight, origin, method, unsafeNames, credentialsInclude, reason, input.resentAs);
  let credentials: Inferred<CredentialsMode>;
  let result = run(credentialsSeen);
  if (recordedMode !== null) credentials = { value: recordedMode === 'include' ? 'include' : 'not-include', from: 'recorded-credentials-mode' };
  else if (credentialsSeen) credentials = { value: 'include', from: actual!.hasRequestCookies ? 'request-cookies' : 'cookie-header' };
  else {
    credentials = { value: 'unknown', from: 'not-recorded-in-har' };
    if (result.failures.length === 0 && browser.kind === 'blocked' && !(actual && isRedirectStatus(actual.status))) {
      // The HAR never records the credentials mode: a block that only credentials can explain tells us it was "include".
      const withCredentials = run(true);
      if (withCredentials.failures.length > 0) {
        result = withCredentials;
        credentials = { value: 'include', from: 'only-credentials-explain-block' };
      }
    }
  }

  const { failures, rows } = result;
  // Without a browser verdict and without a cookie, a request that passes could still have been sent with
  // credentials: say what would then fail, rather than guess.
  const ifCredentialed = credentials.value === 'unknown' && failures.length === 0 && browser.kind === 'none' && actual !== null && actual.status > 0
    ? run(true).failures[0] ?? null
    : null;
  const decided = decideVerdict(actual, preflight, failures, browser, pairing, reason);
  const { verdict } = decided;
  const unknownReason = verdict === 'unknown' && input.resentAs !== null
    ? `Chrome did not send this request itself; entry ${input.resentAs} sent the same request at the same moment (a service worker handling the fetch?), so the failure happened there`
    : decided.unknownReason;
  const first = verdict === 'blocked' ? failures[0] : undefined;
  const hiddenStatus = verdict === 'blocked' ? hidden(actual, preflight, first) : null;
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
    hiddenStatus,
    preflightReason: reason,
    credentials,
    checks: rows,
    browser,
    summary: summarize(verdict, unknownReason, failures, hiddenStatus, browser, preflight !== null, pairing) +
      (ifCredentialed && verdict === 'allowed'
        ? ` If the page sent it with credentials (credentials: 'include' — a HAR cannot show that without a cookie), it would be blocked: ${FAILURE_TEXT[ifCredentialed.corsError].cause(ifCredentialed.failedParameter)} (${ifCredentialed.corsError}).`
        : ''),
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
  const rank = (n: string) => (n === 'authorization' ? -1 : (position.get(n) ?? Infinity));
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

function browserSignal(entry: ObservedEntry | null, ignore: boolean): BrowserSignal {
  if (ignore || !entry || entry.error === undefined) return { kind: 'none', error: null };
  // A redirect hop's `_error: null` only says the hop completed; the fetch's fate is on the next hop.
  if (entry.error === null && isRedirectStatus(entry.status) && entry.redirectURL !== '') return { kind: 'none', error: null };
  if (entry.error === null) return entry.status > 0 ? { kind: 'passed', error: null } : { kind: 'none', error: null };
  if (entry.error === 'net::ERR_FAILED') return { kind: 'blocked', error: entry.error };
  return { kind: 'network-error', error: entry.error };
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
    rows.push({ stage: 'preflight', header: 'Status', status: 'not-observed', expected: '2xx (ok status)', actual: preflight.error ?? '(no response)', spec: step('cors-preflight-fetch#7'), note: 'the preflight got no response' });
  } else if (preflight) {
    const r = checkPreflightResponse({ preflight, origin, method, unsafeHeaderNames: unsafeNames, credentialsInclude });
    failures.push(...r.failures);
    rows.push(...r.rows);
  } else if (reason.needed) {
    rows.push({ stage: 'preflight', header: 'Status', status: 'not-observed', expected: '2xx (ok status)', actual: null, spec: step('cors-preflight-fetch#7'), note: 'no preflight in the capture' });
  }
  if (actual && (actual.status > 0 || actual.responseHeaders.length > 0)) {
    const redirect = isRedirectStatus(actual.status) && actual.redirectURL !== '';
    const r = corsCheck({ origin, credentialsInclude, responseHeaders: actual.responseHeaders, stage: redirect ? 'redirect' : 'actual', entry: actual.index });
    failures.push(...r.failures);
    rows.push(...r.rows);
    if (redirect) failures.push(...redirectLocationFailures(actual));
    rows.push(...informationalRows(actual));
  } else if (actual) {
    // Beyond the spec: Chromium stops a request to a more private address (Local Network Access) before sending it.
    if (!preflight && !reason.needed && actual.error === 'net::ERR_FAILED' && resentAs === null) {
      const lna = localNetworkFailure(actual, origin, 'actual', null);
      if (lna) failures.push(lna);
    }
    rows.push({ stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'not-observed', expected: credentialsInclude ? origin : `${origin} or *`, actual: null, spec: step('cors-check#2'), note: 'the request was never sent (or got no response)' });
  }
  return { failures, rows };
}

const LNA_ERROR = 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS';

/**
 * Local Network Access (https://wicg.github.io/local-network-access/): a request to a loopback or private
 * address that Chromium stopped before it was sent. Certain when the preflight carries Chromium's LNA error;
 * inferred (and said so) when a simple request to such an address failed with no response.
 */
function localNetworkFailure(entry: ObservedEntry, origin: string, stage: 'preflight' | 'actual', error: string | null): Failure | null {
  const certain = error === LNA_ERROR;
  // Inferred for a simple request to a local address that Chromium refused to send (a service worker re-sending
  // it is ruled out before we get here). A page that is itself on the local network is not subject to LNA, but
  // DevTools cannot tell us the page's address space, so the note says what to check.
  if (!certain && !(stage === 'actual' && isLocalAddress(entry.url))) return null;
  if (!certain && error !== null) return null;
  const secure = isPotentiallyTrustworthy(origin);
  const note = certain ? undefined : 'inferred: Chrome stopped this request to a local address before sending it and no header explains it; Local Network Access applies when the page is served from a less private address than the API';
  return failure(secure ? 'LocalNetworkAccessPermissionDenied' : 'InsecureLocalNetwork', '', stage, entry.index, 'main-fetch#mode', note);
}

function isLocalAddress(url: string): boolean {
  let host: string;
  try { host = new URL(url).hostname.replace(/^\[|\]$/g, ''); } catch { return false; }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host) || /^10\./.test(host) ||
    /^192\.168\./.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host) || /^169\.254\./.test(host) || /^f[cd][0-9a-f]{2}:/i.test(host) || host.endsWith('.local');
}

// https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy
function isPotentiallyTrustworthy(origin: string): boolean {
  if (origin.startsWith('https:')) return true;
  try {
    const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1';
  } catch { return false; }
}

// https://fetch.spec.whatwg.org/#http-redirect-fetch — checks on the Location of a CORS request's redirect.
function redirectLocationFailures(actual: ObservedEntry): Failure[] {
  const location = actual.redirectURL;
  // 8. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
  // Beyond the spec: Chromium's network stack refuses data:, file: and similar targets as unsafe redirects
  // (a network error without a CORS reason); other schemes reach the CORS check.
  if (/^(data|file|about|javascript|blob|filesystem):/i.test(location)) return [];
  if (!isHttpScheme(location)) return [failure('CorsDisabledScheme', '', 'redirect', actual.index, 'http-redirect-fetch#8')];
  // 9. If request's mode is "cors", locationURL includes credentials, and request's origin is not same origin with locationURL's origin, then return a network error.
  //    Measured: Chromium refuses credentials in Location even when the target is same-origin with the request's origin, and leaves failedParameter empty.
  if (includesCredentials(location)) return [failure('RedirectContainsCredentials', '', 'redirect', actual.index, 'http-redirect-fetch#9', `Location: ${location}`)];
  return [];
}

function informationalRows(actual: ObservedEntry): CheckRow[] {
  const acao = getHeader(actual.responseHeaders, 'access-control-allow-origin');
  const vary = getHeader(actual.responseHeaders, 'vary');
  const varyOrigin = vary !== null && vary.split(',').some((v) => v.trim().toLowerCase() === 'origin' || v.trim() === '*');
  const specific = acao !== null && acao !== '*';
  const rows: CheckRow[] = [
    {
      stage: 'actual', header: 'Access-Control-Expose-Headers', status: 'not-needed',
      expected: '(optional) response headers the page may read beyond the safelisted ones',
      actual: getHeader(actual.responseHeaders, 'access-control-expose-headers'), spec: step('http-aceh'),
    },
    {
      stage: 'actual', header: 'Vary', status: specific && !varyOrigin ? 'missing' : specific ? 'ok' : 'not-needed',
      expected: specific ? 'Origin (the allowed origin depends on the request)' : '(only needed when Access-Control-Allow-Origin echoes the request origin)',
      actual: vary, spec: step('cors-protocol-and-http-caches'),
      ...(specific && !varyOrigin ? { note: 'without Vary: Origin a cache (CloudFront, the browser) may serve this response to another origin' } : {}),
    },
  ];
  if (countHeader(actual.responseHeaders, 'access-control-allow-origin') > 1)
    rows.push({ stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'invalid', expected: 'exactly one header line', actual: `${countHeader(actual.responseHeaders, 'access-control-allow-origin')} header lines`, spec: step('http-acao-syntax'), note: 'two layers (e.g. a gateway and the function) each add the header' });
  return rows;
}

function decideVerdict(
  actual: ObservedEntry | null, preflight: ObservedEntry | null, failures: readonly Failure[], browser: BrowserSignal, pairing: Pairing, reason: PreflightReason,
): { verdict: Verdict; unknownReason: string | null } {
  if (browser.kind === 'network-error')
    return { verdict: 'unknown', unknownReason: `the request failed with ${browser.error}, a network error rather than a CORS decision` };
  if (failures.length > 0) {
    if (browser.kind === 'passed') return { verdict: 'allowed', unknownReason: null };
    return { verdict: 'blocked', unknownReason: null };
  }
  if (preflight && preflight.status === 0 && preflight.responseHeaders.length === 0)
    return { verdict: 'unknown', unknownReason: `the preflight got no response${preflight.error ? ` (${preflight.error})` : ''}: a network failure, not a CORS decision` };
  if (!actual) return { verdict: 'unknown', unknownReason: 'the preflight passed, but its actual request is not in the capture' };
  if (browser.kind === 'blocked')
    return { verdict: 'unknown', unknownReason: 'Chrome blocked the request, but every header in the capture passes the CORS checks (a request mode, an extension or the preflight cache may be involved)' };
  if (actual.status === 0 && reason.needed && !preflight && pairing.method === 'preflight-not-captured')
    return { verdict: 'unknown', unknownReason: 'the request got no response and its preflight is not in the capture' };
  if (actual.status === 0) return { verdict: 'unknown', unknownReason: 'the request got no response (cancelled, or blocked before it was sent)' };
  return { verdict: 'allowed', unknownReason: null };
}

function hidden(actual: ObservedEntry | null, preflight: ObservedEntry | null, first: Failure | undefined): HiddenStatus | null {
  if (first?.stage === 'preflight' && preflight && (preflight.status < 200 || preflight.status > 299) && preflight.status > 0) {
    const line = statusLine(preflight.status, preflight.statusText);
    return { status: preflight.status, statusText: preflight.statusText, stage: 'preflight', sentence: `The server answered the preflight with ${line}; the page only saw a CORS error.` };
  }
  if (actual && actual.status >= 400) {
    const line = statusLine(actual.status, actual.statusText);
    return { status: actual.status, statusText: actual.statusText, stage: 'actual', sentence: `The server answered ${line}; the page only saw a CORS error.` };
  }
  return null;
}

function summarize(
  verdict: Verdict, unknownReason: string | null, failures: readonly Failure[], hiddenStatus: HiddenStatus | null, browser: BrowserSignal, hadPreflight: boolean, pairing: Pairing,
): string {
  if (verdict === 'unknown') return `Unknown: ${unknownReason}.`;
  if (verdict === 'allowed') {
    if (failures.length > 0)
      return `Allowed by Chrome, although the headers fail a check (${failures[0].corsError}); another browser may block it.`;
    const what = hadPreflight ? 'the preflight and the response pass' : pairing.method === 'preflight-cache' ? 'the response passes (preflight served from the cache)' : 'the response passes';
    return `Allowed: ${what} the CORS checks.`;
  }
  const first = failures[0];
  const cause = FAILURE_TEXT[first.corsError].cause(first.corsError === 'PreflightInvalidStatus' && hiddenStatus ? statusLine(hiddenStatus.status, hiddenStatus.statusText) : first.failedParameter);
  const more = failures.length > 1 ? ` ${failures.length - 1} more problem${failures.length > 2 ? 's' : ''} would follow once this one is fixed.` : '';
  const status = hiddenStatus ? ` ${hiddenStatus.sentence.replace('; the page only saw a CORS error.', '.')}` : '';
  // Without the browser's own signal (Firefox and plain HARs) the verdict is an inference: say so plainly.
  if (browser.kind === 'none') return `Would be blocked by the CORS rules: ${cause}.${status}${more} (judged from the headers; this capture carries no browser verdict)`;
  return `Blocked: ${cause}.${status}${more}`;
}
