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
  readonly requestedHeaderNames: readonly string[] | null;
  readonly ignoreBrowserSignals: boolean;
}

export type EvaluatedExchange = Omit<ExchangeReport, 'hints' | 'fingerprints'>;

export function evaluateExchange(input: ExchangeInput): EvaluatedExchange {
  const { actual, preflight, pairing, origin } = input;
  const method = actual?.method ?? (preflight ? (getHeader(preflight.requestHeaders, 'access-control-request-method') ?? 'GET') : 'GET');
  const url = actual?.url ?? preflight?.url ?? '';
  const reason = preflightReason(method, actual?.requestHeaders ?? null, input.requestedHeaderNames);
  const unsafeNames = reason.unsafeHeaders.map((h) => h.name);
  // A preflight entry's own `_error: null` only says the OPTIONS request completed; the verdict lives on the actual request.
  const browser = browserSignal(actual, input.ignoreBrowserSignals);

  const credentialsSeen = actual !== null && (getHeader(actual.requestHeaders, 'cookie') !== null || actual.hasRequestCookies);
  const run = (credentialsInclude: boolean) => runChecks(actual, preflight, origin, method, unsafeNames, credentialsInclude, reason);
  let credentials: Inferred<CredentialsMode>;
  let result = run(credentialsSeen);
  if (credentialsSeen) credentials = { value: 'include', from: actual!.hasRequestCookies ? 'request-cookies' : 'cookie-header' };
  else {
    credentials = { value: 'unknown', from: 'not-recorded-in-har' };
    if (result.failures.length === 0 && browser.kind === 'blocked') {
      // The HAR never records the credentials mode: a block that only credentials can explain tells us it was "include".
      const withCredentials = run(true);
      if (withCredentials.failures.length > 0) {
        result = withCredentials;
        credentials = { value: 'include', from: 'only-credentials-explain-block' };
      }
    }
  }

  const { failures, rows } = result;
  const { verdict, unknownReason } = decideVerdict(actual, preflight, failures, browser, pairing, reason);
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
    summary: summarize(verdict, unknownReason, failures, hiddenStatus, browser, preflight !== null, pairing),
  };
}

function browserSignal(entry: ObservedEntry | null, ignore: boolean): BrowserSignal {
  if (ignore || !entry || entry.error === undefined) return { kind: 'none', error: null };
  if (entry.error === null) return entry.status > 0 ? { kind: 'passed', error: null } : { kind: 'none', error: null };
  if (entry.error === 'net::ERR_FAILED') return { kind: 'blocked', error: entry.error };
  return { kind: 'network-error', error: entry.error };
}

function runChecks(
  actual: ObservedEntry | null, preflight: ObservedEntry | null, origin: string, method: string,
  unsafeNames: readonly string[], credentialsInclude: boolean, reason: PreflightReason,
): { failures: Failure[]; rows: CheckRow[] } {
  const failures: Failure[] = [];
  const rows: CheckRow[] = [];
  if (preflight) {
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
    if (redirect) failures.push(...redirectLocationFailures(actual, origin), ...[]);
    rows.push(...informationalRows(actual));
  } else if (actual) {
    rows.push({ stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'not-observed', expected: credentialsInclude ? origin : `${origin} or *`, actual: null, spec: step('cors-check#2'), note: 'the request was never sent (or got no response)' });
  }
  return { failures, rows };
}

// https://fetch.spec.whatwg.org/#http-redirect-fetch — checks on the Location of a CORS request's redirect.
function redirectLocationFailures(actual: ObservedEntry, origin: string): Failure[] {
  const location = actual.redirectURL;
  // 8. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
  if (!isHttpScheme(location)) return [failure('CorsDisabledScheme', '', 'redirect', actual.index, 'http-redirect-fetch#8')];
  // 9. If request's mode is "cors", locationURL includes credentials, and request's origin is not same origin with locationURL's origin, then return a network error.
  let locationOrigin: string | null = null;
  try { locationOrigin = new URL(location).origin; } catch { /* unparsable: not ours to judge */ }
  if (includesCredentials(location) && locationOrigin !== origin) return [failure('RedirectContainsCredentials', location, 'redirect', actual.index, 'http-redirect-fetch#9')];
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
