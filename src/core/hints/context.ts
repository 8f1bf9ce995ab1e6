// The facts every rule asks about, computed once per exchange from HintInput: the two responses as
// views, their fingerprints, which CORS check failed where, the origin, and the refused headers/method.
import type { CorsError } from '../cors/errors';
import type { ExchangeReport, Fingerprint, ObservedEntry } from '../types';
import { getDecodeSplit } from '../fetch/headers';
import { isCorsSafelistedMethod } from '../fetch/safelist';
import { type AwsService, fingerprintResponse } from './fingerprint';
import { type HintStage, type ResponseView, createResponseView } from './view';

export interface HintInput {
  readonly exchange: Omit<ExchangeReport, 'hints' | 'fingerprints'>;
  /** The preflight entry, if captured. */
  readonly preflight: ObservedEntry | null;
  /** The actual request entry, if captured. */
  readonly actual: ObservedEntry | null;
}

export interface HintContext {
  readonly input: HintInput;
  readonly exchange: HintInput['exchange'];
  readonly preflight: ResponseView | null;
  readonly actual: ResponseView | null;
  readonly fingerprints: readonly Fingerprint[];
  /** The browser blocked the exchange (or the core could not tell and saw failures / a network error). */
  readonly blocked: boolean;
  readonly errors: ReadonlySet<CorsError>;
  /** The stage whose response failed first. */
  readonly failedStage: HintStage | null;
  /** The response whose headers failed (the preflight when the preflight failed). */
  readonly failing: ResponseView | null;
  readonly origin: string | null;
  readonly method: string;
  /** Header names the preflight asked for (lower-case). */
  readonly requestedHeaders: readonly string[];
  /** Requested header names the preflight response did not allow (lower-case). */
  readonly refusedHeaders: readonly string[];
  readonly refusedMethod: string | null;
  readonly credentialsInclude: boolean;
  /** The first fingerprint of one of `services` at `stage`. */
  at(stage: HintStage, ...services: AwsService[]): Fingerprint | undefined;
  /** Whether any response of the exchange was fingerprinted as AWS. */
  readonly isAws: boolean;
}

const PREFLIGHT_ERRORS: ReadonlySet<string> = new Set([
  'PreflightInvalidStatus', 'PreflightDisallowedRedirect', 'PreflightWildcardOriginNotAllowed', 'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch', 'PreflightInvalidAllowCredentials',
  'PreflightMissingAllowExternal', 'PreflightInvalidAllowExternal', 'InvalidAllowMethodsPreflightResponse', 'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse', 'HeaderDisallowedByPreflightResponse',
]);

export function isPreflightError(e: CorsError): boolean {
  return PREFLIGHT_ERRORS.has(e);
}

export function createHintContext(input: HintInput): HintContext {
  const { exchange } = input;
  const preflight = input.preflight ? createResponseView('preflight', input.preflight) : null;
  const actual = input.actual ? createResponseView('actual', input.actual) : null;
  const fingerprints = [...(preflight ? fingerprintResponse(preflight) : []), ...(actual ? fingerprintResponse(actual) : [])];

  const errors = new Set<CorsError>(exchange.allFailures.map((f) => f.corsError));
  if (exchange.corsError) errors.add(exchange.corsError);
  const first = exchange.allFailures[0];
  const firstError = first?.corsError ?? exchange.corsError;
  const failedStage: HintStage | null =
    first ? (first.stage === 'preflight' ? 'preflight' : 'actual') : firstError ? (isPreflightError(firstError) ? 'preflight' : 'actual') : null;
  const failing = failedStage === 'preflight' ? preflight : failedStage === 'actual' ? actual : null;

  const origin = exchange.origin ?? input.actual?.requestHeaders.find(([n]) => n === 'origin')?.[1] ?? preflight?.requestHeader('origin') ?? null;
  const requestedHeaders = requested(input, preflight);
  const { refusedHeaders, refusedMethod } = refused(input, preflight, requestedHeaders);
  const blocked =
    exchange.verdict === 'blocked' ||
    (exchange.verdict === 'unknown' && (errors.size > 0 || exchange.browser.kind === 'network-error' || exchange.browser.kind === 'blocked'));

  return {
    input,
    exchange,
    preflight,
    actual,
    fingerprints,
    blocked,
    errors,
    failedStage,
    failing,
    origin,
    method: exchange.method.toUpperCase(),
    requestedHeaders,
    refusedHeaders,
    refusedMethod,
    credentialsInclude: exchange.credentials.value === 'include',
    at: (stage, ...services) => fingerprints.find((f) => f.stage === stage && (services as string[]).includes(f.service)),
    isAws: fingerprints.length > 0,
  };
}

function requested(input: HintInput, preflight: ResponseView | null): string[] {
  const acrh = preflight?.requestHeader('access-control-request-headers');
  if (acrh) return getDecodeSplit(acrh).map((h) => h.toLowerCase()).filter(Boolean);
  return (input.exchange.preflightReason?.unsafeHeaders ?? []).map((h) => h.name.toLowerCase());
}

function refused(input: HintInput, preflight: ResponseView | null, requestedHeaders: readonly string[]) {
  const refusedHeaders = new Set<string>();
  let refusedMethod: string | null = null;
  for (const f of input.exchange.allFailures) {
    if (f.corsError === 'HeaderDisallowedByPreflightResponse' && f.failedParameter) refusedHeaders.add(f.failedParameter.toLowerCase());
    if (f.corsError === 'MethodDisallowedByPreflightResponse' && f.failedParameter) refusedMethod = f.failedParameter;
  }
  // Beyond what the core reports (Chromium names only the first refused header): list every one.
  if (preflight?.answered) {
    const allowHeaders = preflight.header('access-control-allow-headers');
    const allowed = new Set(allowHeaders ? getDecodeSplit(allowHeaders).map((h) => h.toLowerCase()) : []);
    const credentialed = input.exchange.credentials.value === 'include';
    for (const h of requestedHeaders) {
      const wildcard = allowed.has('*') && !credentialed && h !== 'authorization';
      if (!allowed.has(h) && !wildcard && refusedHeaders.size > 0) refusedHeaders.add(h);
    }
    const method = input.exchange.method.toUpperCase();
    if (refusedMethod === null && input.exchange.allFailures.some((f) => f.corsError === 'MethodDisallowedByPreflightResponse') && !isCorsSafelistedMethod(method)) refusedMethod = method;
  }
  return { refusedHeaders: [...refusedHeaders], refusedMethod };
}

/** `Access-Control-Allow-Origin` is absent from this response. */
export function lacksAllowOrigin(r: ResponseView | null): boolean {
  return r !== null && r.answered && r.header('access-control-allow-origin') === null;
}
