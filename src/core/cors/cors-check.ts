// The CORS check, run on a preflight response, an actual response, or a redirect response.
import type { CheckRow, Failure, HeaderList, Stage } from '../types';
import type { CorsError } from './errors';
import { getHeader } from '../fetch/headers';
import { failure } from './failure';
import { FAILURE_TEXT } from './failure-text';
import { step } from './spec-steps';

export interface CorsCheckInput {
  /** The request's serialised origin (`null` as the string "null" after a cross-origin redirect). */
  readonly origin: string;
  readonly credentialsInclude: boolean;
  readonly responseHeaders: HeaderList;
  readonly stage: Stage;
  readonly entry: number | null;
  /** Build the checklist rows too (default true); the verdict pass needs only the failures. */
  readonly withRows?: boolean;
}

export interface CorsCheckResult {
  /** Every failing check, in the order Chromium meets them (at most one for ACAO, then one for ACAC). */
  readonly failures: Failure[];
  /** Empty when the rows were not asked for. */
  readonly rows: CheckRow[];
}

// https://fetch.spec.whatwg.org/#concept-cors-check
export function corsCheck(input: CorsCheckInput): CorsCheckResult {
  const { origin, credentialsInclude, responseHeaders, stage, entry } = input;
  const rowStage = stage === 'preflight' ? 'preflight' : 'actual';
  const named = (e: CorsError): CorsError => (stage === 'preflight' ? (FAILURE_TEXT[e].preflightTwin ?? e) : e);
  const failures: Failure[] = [];
  // The rows explain; the verdict needs only the failures. `rows?.push(...)` does not even build a row without them.
  const rows: CheckRow[] | null = input.withRows === false ? null : [];

  // 1. Let origin be the result of getting `Access-Control-Allow-Origin` from response's header list.
  const acao = getHeader(responseHeaders, 'access-control-allow-origin');
  const acaoRow = (status: CheckRow['status'], corsError?: CorsError, note?: string, id: Parameters<typeof step>[0] = 'cors-check#4') =>
    rows?.push({ stage: rowStage, header: 'Access-Control-Allow-Origin', status, expected: credentialsInclude ? origin : `${origin} or *`, actual: acao, spec: step(id), ...(corsError ? { corsError } : {}), ...(note ? { note } : {}) });

  let originPassed = false;
  if (acao === null) {
    // 2. If origin is null, then return failure.
    const e = named('MissingAllowOriginHeader');
    failures.push(failure(e, '', stage, entry, 'cors-check#2'));
    acaoRow('missing', e, undefined, 'cors-check#2');
  } else if (acao === '*') {
    // 3. If request's credentials mode is not "include" and origin is `*`, then return success.
    if (!credentialsInclude) {
      acaoRow('ok', undefined, 'the wildcard allows any origin for requests without credentials', 'cors-check#3');
      // (Success: Access-Control-Allow-Credentials is not consulted.)
      rows?.push(credentialsRow(rowStage, responseHeaders, false));
      return checked(failures, rows);
    }
    const e = named('WildcardOriginNotAllowed');
    failures.push(failure(e, '', stage, entry, 'cors-check#3'));
    acaoRow('invalid', e, 'the wildcard never matches a request with credentials', 'cors-check#3');
  } else if (acao !== origin) {
    // 4. If the result of byte-serializing a request origin with request is not origin, then return failure.
    // Beyond the spec: Chromium's CheckAccess names why the value does not match (cors.cc).
    const e = named(diagnoseAllowOriginValue(acao));
    failures.push(failure(e, acao, stage, entry, 'cors-check#4'));
    acaoRow(e.endsWith('AllowOriginMismatch') ? 'mismatched' : 'invalid', e);
  } else {
    originPassed = true;
    acaoRow('ok');
  }

  // 5. If request's credentials mode is not "include", then return success.
  if (!credentialsInclude) {
    rows?.push(credentialsRow(rowStage, responseHeaders, false));
    return checked(failures, rows);
  }
  // 6. Let credentials be the result of getting `Access-Control-Allow-Credentials` from response's header list.
  const acac = getHeader(responseHeaders, 'access-control-allow-credentials');
  // 7. If credentials is `true`, then return success. (Byte-exact: `True` is not `true`.)
  if (acac === 'true') {
    rows?.push(credentialsRow(rowStage, responseHeaders, true));
    return checked(failures, rows);
  }
  // 8. Return failure.
  // Beyond the spec: Chromium reports this only once the origin passed; we list it in any case.
  const e = named('InvalidAllowCredentials');
  const f = failure(e, acac ?? '', stage, entry, 'cors-check#7', originPassed ? undefined : 'Chromium reports this only after the Access-Control-Allow-Origin problem is fixed');
  failures.push(f);
  rows?.push({
    stage: rowStage,
    header: 'Access-Control-Allow-Credentials',
    status: acac === null ? 'missing' : 'invalid',
    expected: 'true',
    actual: acac,
    spec: step('cors-check#7'),
    corsError: e,
    ...(acac !== null && acac.toLowerCase() === 'true' ? { note: 'the value is case-sensitive: only lower-case `true` counts' } : {}),
  });
  return checked(failures, rows);
}

/** What a check without rows returns (frozen: nothing may add to it). */
export const NO_ROWS: CheckRow[] = Object.freeze([]) as unknown as CheckRow[];

function checked(failures: Failure[], rows: CheckRow[] | null): CorsCheckResult {
  return { failures, rows: rows ?? NO_ROWS };
}

function credentialsRow(stage: 'preflight' | 'actual', headers: HeaderList, needed: boolean): CheckRow {
  const acac = getHeader(headers, 'access-control-allow-credentials');
  return {
    stage,
    header: 'Access-Control-Allow-Credentials',
    status: needed ? 'ok' : 'not-needed',
    expected: needed ? 'true' : '(only needed when the request is sent with credentials)',
    actual: acac,
    spec: step('cors-check#7'),
  };
}

// Beyond the spec: Chromium's refinement of "origin does not match" (services/network/public/cpp/cors/cors.cc, CheckAccessInternal).
export function diagnoseAllowOriginValue(acao: string): 'MultipleAllowOriginValues' | 'InvalidAllowOriginValue' | 'AllowOriginMismatch' {
  // Does not allow to have multiple origins in the allow origin header (a space or a comma; two header lines combine as "a, b").
  if (/[ ,]/.test(acao)) return 'MultipleAllowOriginValues';
  // "null" is a valid value that simply does not match.
  if (acao === 'null') return 'AllowOriginMismatch';
  // GURL validity: an absolute URL.
  if (!isValidUrl(acao)) return 'InvalidAllowOriginValue';
  return 'AllowOriginMismatch';
}

function isValidUrl(value: string): boolean {
  try {
    const u = new URL(value);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.host === '') return false;
    return true;
  } catch {
    return false;
  }
}
