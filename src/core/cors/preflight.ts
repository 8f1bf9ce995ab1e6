// The CORS-preflight fetch, checked on an observed OPTIONS exchange.
// https://fetch.spec.whatwg.org/#cors-preflight-fetch-0
import type { CheckRow, Failure, HeaderList, ObservedEntry } from '../types';
import { getHeader, parseTokenList } from '../fetch/headers';
import { isCorsNonWildcardRequestHeaderName, isCorsSafelistedMethod } from '../fetch/safelist';
import { isOkStatus, statusLine } from '../fetch/status';
import { isRedirectResponse } from '../fetch/location';
import { corsCheck, NO_ROWS } from './cors-check';
import { failure } from './failure';
import { step } from './spec-steps';

export interface PreflightCheckInput {
  readonly preflight: ObservedEntry;
  readonly origin: string;
  /** The actual request's method (byte-exact: fetch() upper-cases only the six normalised methods). */
  readonly method: string;
  /** Lower-case CORS-unsafe request-header names of the actual request, sorted. */
  readonly unsafeHeaderNames: readonly string[];
  readonly credentialsInclude: boolean;
  /** Build the checklist rows too (default true); the verdict pass needs only the failures. */
  readonly withRows?: boolean;
}

export interface PreflightCheckResult {
  readonly failures: Failure[];
  /** Empty when the rows were not asked for. */
  readonly rows: CheckRow[];
  /** Seconds the browser may cache this preflight (Chromium's cap applied), when the preflight succeeded. */
  readonly maxAgeSeconds: number;
}

/** Chromium caps Access-Control-Max-Age at two hours (services/network/cors/preflight_result.cc, kMaxTimeout). */
export const CHROMIUM_MAX_AGE_CAP = 7200;
/** https://fetch.spec.whatwg.org/#cors-preflight-fetch-0 step 7.9: "If max-age is failure or null, then set max-age to 5." */
export const DEFAULT_MAX_AGE = 5;

export function checkPreflightResponse(input: PreflightCheckInput): PreflightCheckResult {
  const { preflight, origin, method, unsafeHeaderNames, credentialsInclude } = input;
  const headers = preflight.responseHeaders;
  const at = preflight.index;
  const failures: Failure[] = [];
  // `rows?.push(...)` builds no row when only the verdict is asked for.
  const rows: CheckRow[] | null = input.withRows === false ? null : [];

  // Beyond the spec: Chromium refuses any redirect of a preflight before looking at its headers
  // (the spec reaches the same end because a 3xx is not an ok status). A 3xx without a location URL is not
  // a redirect: it fails on its status below, after the CORS check (measured: PreflightInvalidStatus).
  if (isRedirectResponse(preflight)) {
    failures.push(failure('PreflightDisallowedRedirect', '', 'preflight', at, 'chromium:preflight-redirect'));
    rows?.push({ stage: 'preflight', header: 'Status', status: 'invalid', expected: '2xx, no redirect', actual: statusLine(preflight.status, preflight.statusText), spec: step('chromium:preflight-redirect'), corsError: 'PreflightDisallowedRedirect' });
    return { failures, rows: rows ?? NO_ROWS, maxAgeSeconds: 0 };
  }

  // 7. If a CORS check for request and response returns success and response's status is an ok status, then:
  //    (Chromium runs the CORS check first and reports it before the status.)
  const access = corsCheck({ origin, credentialsInclude, responseHeaders: headers, stage: 'preflight', entry: at, withRows: rows !== null });
  for (const f of access.failures) failures.push(f);
  const statusOk = isOkStatus(preflight.status);
  if (!statusOk) failures.push(failure('PreflightInvalidStatus', '', 'preflight', at, 'cors-preflight-fetch#7'));
  rows?.push({ stage: 'preflight', header: 'Status', status: statusOk ? 'ok' : 'invalid', expected: '2xx (ok status)', actual: statusLine(preflight.status, preflight.statusText), spec: step('cors-preflight-fetch#7'), ...(statusOk ? {} : { corsError: 'PreflightInvalidStatus' as const }) });
  for (const r of access.rows) rows?.push(r);

  // 7.1 Let methods be the result of extracting header list values given `Access-Control-Allow-Methods` and response's header list.
  const acam = getHeader(headers, 'access-control-allow-methods');
  const methods = acam === null ? { ok: true as const, items: [] } : parseTokenList(acam);
  // 7.2 Let headerNames be the result of extracting header list values given `Access-Control-Allow-Headers` and response's header list.
  const acah = getHeader(headers, 'access-control-allow-headers');
  const headerNames = acah === null ? { ok: true as const, items: [] } : parseTokenList(acah);
  // 7.3 If either methods or headerNames is failure, return a network error.
  if (!methods.ok) failures.push(failure('InvalidAllowMethodsPreflightResponse', '', 'preflight', at, 'cors-preflight-fetch#7.3', `'${methods.bad}' is not a method token`));
  if (!headerNames.ok) failures.push(failure('InvalidAllowHeadersPreflightResponse', '', 'preflight', at, 'cors-preflight-fetch#7.3', `'${headerNames.bad}' is not a header-name token`));
  // 7.4 If methods is null and request's use-CORS-preflight flag is set, then set methods to « request's method ».
  //     Not observable in a HAR: the use-CORS-preflight flag (XHR upload listeners, a ReadableStream body) is not
  //     recorded, and the step only decides what the preflight cache stores, never whether this preflight passes.

  // 7.5 If request's method is not in methods, request's method is not a CORS-safelisted method, and request's
  //     credentials mode is "include" or methods does not contain `*`, then return a network error.
  //     Measured in Chromium 150/156: the comparison is byte-case-sensitive (`patch` ≠ `PATCH`).
  const methodNeeded = !isCorsSafelistedMethod(method);
  if (!methods.ok) {
    rows?.push({ stage: 'preflight', header: 'Access-Control-Allow-Methods', status: 'invalid', expected: methodNeeded ? method : '(any parsable list)', actual: acam, spec: step('cors-preflight-fetch#7.3'), corsError: 'InvalidAllowMethodsPreflightResponse' });
  } else {
    const listed = methods.items.includes(method);
    const byWildcard = !credentialsInclude && methods.items.includes('*');
    const allowed = !methodNeeded || listed || byWildcard;
    if (!allowed) failures.push(failure('MethodDisallowedByPreflightResponse', method, 'preflight', at, 'cors-preflight-fetch#7.5', caseNote(method, methods.items)));
    rows?.push({
      stage: 'preflight',
      header: 'Access-Control-Allow-Methods',
      status: !methodNeeded ? 'not-needed' : allowed ? 'ok' : acam === null ? 'missing' : 'mismatched',
      expected: methodNeeded ? (credentialsInclude ? method : `${method} or *`) : `(${method} is CORS-safelisted)`,
      actual: acam,
      spec: step('cors-preflight-fetch#7.5'),
      ...(allowed ? {} : { corsError: 'MethodDisallowedByPreflightResponse' as const }),
      ...(methodNeeded && byWildcard && !listed ? { note: '* allows any method only for requests without credentials' } : {}),
    });
  }

  // 7.6 If one of request's header list's names is a CORS non-wildcard request-header name and is not a
  //     byte-case-insensitive match for an item in headerNames, then return a network error.
  //     Measured in Chromium 156: without credentials `*` does cover Authorization (the spec says it must not);
  //     we follow Chromium for the verdict and say so in a note.
  // 7.7 For each unsafeName of the CORS-unsafe request-header names with request's header list:
  //     if unsafeName is not a byte-case-insensitive match for an item in headerNames and request's credentials
  //     mode is "include" or headerNames does not contain `*`, return a network error.
  if (!headerNames.ok) {
    rows?.push({ stage: 'preflight', header: 'Access-Control-Allow-Headers', status: 'invalid', expected: unsafeHeaderNames.join(', ') || '(any parsable list)', actual: acah, spec: step('cors-preflight-fetch#7.3'), corsError: 'InvalidAllowHeadersPreflightResponse' });
  } else {
    const allowedNames = new Set(headerNames.items.map((h) => h.toLowerCase()));
    const wildcard = !credentialsInclude && allowedNames.has('*');
    const refused = wildcard ? [] : unsafeHeaderNames.filter((name) => !allowedNames.has(name));
    for (const name of refused) failures.push(failure('HeaderDisallowedByPreflightResponse', name, 'preflight', at, 'cors-preflight-fetch#7.7'));
    const authorizationByWildcard = wildcard && unsafeHeaderNames.some((n) => isCorsNonWildcardRequestHeaderName(n) && !allowedNames.has(n));
    rows?.push({
      stage: 'preflight',
      header: 'Access-Control-Allow-Headers',
      status: unsafeHeaderNames.length === 0 ? 'not-needed' : refused.length === 0 ? 'ok' : acah === null ? 'missing' : 'mismatched',
      expected: unsafeHeaderNames.length === 0 ? '(no CORS-unsafe request headers)' : unsafeHeaderNames.join(', '),
      actual: acah,
      spec: step(refused.length > 0 ? 'cors-preflight-fetch#7.7' : 'cors-preflight-fetch#7.6'),
      ...(refused.length > 0 ? { corsError: 'HeaderDisallowedByPreflightResponse' as const, note: `not allowed: ${refused.join(', ')}` } : {}),
      ...(authorizationByWildcard
        ? { note: 'Authorization is covered only by Chromium\'s leniency: the Fetch standard (and Firefox by default) require it to be listed by name, not by *' }
        : {}),
    });
  }

  // 7.8–7.10 max-age: the parsed `Access-Control-Max-Age`, or 5 if failure or null; capped by the browser.
  const maxAgeHeader = getHeader(headers, 'access-control-max-age');
  const maxAgeSeconds = failures.length === 0 ? parseMaxAge(maxAgeHeader) : 0;
  rows?.push({
    stage: 'preflight',
    header: 'Access-Control-Max-Age',
    status: 'not-needed',
    expected: '(optional) seconds to cache this preflight; Chrome caps at 7200, default 5',
    actual: maxAgeHeader,
    spec: step('cors-preflight-fetch#7.9'),
    note: maxAgeHeader === null ? 'absent: the preflight is cached for 5 seconds' : `cached for ${parseMaxAge(maxAgeHeader)} s in Chrome`,
  });
  return { failures, rows: rows ?? NO_ROWS, maxAgeSeconds };
}

function caseNote(method: string, allowed: readonly string[]): string | undefined {
  const other = allowed.find((m) => m !== method && m.toLowerCase() === method.toLowerCase());
  return other ? `methods are case-sensitive: '${other}' does not allow '${method}'` : undefined;
}

// https://fetch.spec.whatwg.org/#http-access-control-max-age — delta-seconds; Chromium: unparsable → default, cap 7200.
export function parseMaxAge(value: string | null): number {
  if (value === null) return DEFAULT_MAX_AGE;
  const v = value.trim();
  if (!/^-?\d+$/.test(v)) return DEFAULT_MAX_AGE;
  const n = Number(v);
  if (n < 0) return 0;
  return Math.min(n, CHROMIUM_MAX_AGE_CAP);
}

/** Whether a successful preflight's allow-lists cover a later request (for preflight-cache pairing). */
export function preflightCovers(headers: HeaderList, method: string, unsafeHeaderNames: readonly string[], credentialsInclude: boolean): boolean {
  const acam = getHeader(headers, 'access-control-allow-methods');
  const acah = getHeader(headers, 'access-control-allow-headers');
  const methods = acam === null ? { ok: true as const, items: [] } : parseTokenList(acam);
  const names = acah === null ? { ok: true as const, items: [] } : parseTokenList(acah);
  if (!methods.ok || !names.ok) return false;
  const methodOk = isCorsSafelistedMethod(method) || methods.items.includes(method) || (!credentialsInclude && methods.items.includes('*'));
  const set = new Set(names.items.map((n) => n.toLowerCase()));
  const headersOk = (!credentialsInclude && set.has('*')) || unsafeHeaderNames.every((n) => set.has(n));
  return methodOk && headersOk;
}
