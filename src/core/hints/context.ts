// The facts every rule asks about, computed once per exchange from HintInput: the two responses as
// views, their fingerprints, which CORS check failed where, the origin, and the refused headers/method.
import type { CorsError } from '../cors/errors';
import { FAILURE_TEXT } from '../cors/failure-text';
import type { ExchangeReport, Fingerprint, ObservedEntry } from '../types';
import { getDecodeSplit } from '../fetch/headers';
import { isCorsNonWildcardRequestHeaderName, isCorsSafelistedMethod } from '../fetch/safelist';
import { type AwsService, fingerprintResponse } from './fingerprint';
import { InputCache, step } from './memo';
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

export function isPreflightError(e: CorsError): boolean {
  return FAILURE_TEXT[e].stage === 'preflight';
}

export function createHintContext(input: HintInput): HintContext {
  const { exchange } = input;
  const preflight = input.preflight ? createResponseView('preflight', input.preflight) : null;
  const actual = input.actual ? createResponseView('actual', input.actual) : null;
  const fingerprints = preflight ? fingerprintResponse(preflight) : [];
  if (actual) fingerprints.push(...fingerprintResponse(actual));

  const errors = errorSet(exchange);
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
    at: (stage, ...services) => serviceAt(fingerprints, stage, services),
    isAws: fingerprints.length > 0,
  };
}

// Exchanges fail in a few recurring ways: one (read-only) set per sequence of errors.
const errorSets = new InputCache<ReadonlySet<CorsError>>();

/** The failures' errors in order, then the verdict's. */
function errorSet(exchange: HintInput['exchange']): ReadonlySet<CorsError> {
  let node = errorSets.start();
  for (const f of exchange.allFailures) node = step(node, f.corsError);
  node = step(step(node, null), exchange.corsError);
  if (node.has) return node.value!;
  const errors = new Set<CorsError>();
  for (const f of exchange.allFailures) errors.add(f.corsError);
  if (exchange.corsError) errors.add(exchange.corsError);
  return errorSets.store(node, errors);
}

/** The first fingerprint of one of `services` at `stage` (rules ask this dozens of times per exchange: a plain loop). */
export function serviceAt(fingerprints: readonly Fingerprint[], stage: HintStage, services: readonly AwsService[]): Fingerprint | undefined {
  for (const f of fingerprints) if (f.stage === stage && services.includes(f.service as AwsService)) return f;
  return undefined;
}

function requested(input: HintInput, preflight: ResponseView | null): readonly string[] {
  const acrh = preflight?.requestHeader('access-control-request-headers');
  if (acrh) return lowerNames(acrh);
  return (input.exchange.preflightReason?.unsafeHeaders ?? []).map((h) => h.name.toLowerCase());
}

// A page sends the same Access-Control-Request-Headers (and gets the same Allow-Headers) again and
// again: each value is split once. The lists are shared, so they are read-only.
const SPLIT_CACHE_SIZE = 256;
const splitValues = new Map<string, readonly string[]>();

/** getDecodeSplit(value), remembered. */
export function decodeSplit(value: string): readonly string[] {
  let items = splitValues.get(value);
  if (items === undefined) {
    items = getDecodeSplit(value);
    if (splitValues.size >= SPLIT_CACHE_SIZE) splitValues.delete(splitValues.keys().next().value as string);
    splitValues.set(value, items);
  }
  return items;
}

const lowerNamesCache = new Map<string, readonly string[]>();

/** The non-empty items of a header-name list, lower-cased. */
function lowerNames(value: string): readonly string[] {
  let names = lowerNamesCache.get(value);
  if (names === undefined) {
    names = decodeSplit(value).map((h) => h.toLowerCase()).filter(Boolean);
    if (lowerNamesCache.size >= SPLIT_CACHE_SIZE) lowerNamesCache.delete(lowerNamesCache.keys().next().value as string);
    lowerNamesCache.set(value, names);
  }
  return names;
}

const NOTHING_ALLOWED: ReadonlySet<string> = new Set();
const allowedSets = new Map<string, ReadonlySet<string>>();

/** The items of Access-Control-Allow-Headers, lower-cased (one read-only set per value). */
function allowedSet(allowHeaders: string | null): ReadonlySet<string> {
  if (!allowHeaders) return NOTHING_ALLOWED;
  let allowed = allowedSets.get(allowHeaders);
  if (allowed === undefined) {
    allowed = new Set(decodeSplit(allowHeaders).map((h) => h.toLowerCase()));
    if (allowedSets.size >= SPLIT_CACHE_SIZE) allowedSets.clear();
    allowedSets.set(allowHeaders, allowed);
  }
  return allowed;
}

function refused(input: HintInput, preflight: ResponseView | null, requestedHeaders: readonly string[]) {
  // A list used as a set: a handful of names at most.
  const refusedHeaders: string[] = [];
  const add = (h: string) => refusedHeaders.includes(h) || refusedHeaders.push(h);
  let refusedMethod: string | null = null;
  for (const f of input.exchange.allFailures) {
    if (f.corsError === 'HeaderDisallowedByPreflightResponse' && f.failedParameter) add(f.failedParameter.toLowerCase());
    if (f.corsError === 'MethodDisallowedByPreflightResponse' && f.failedParameter) refusedMethod = f.failedParameter;
  }
  // Beyond what the core reports (Chromium names only the first refused header): list every one.
  if (preflight?.answered) {
    // Only when the core named a refused header (otherwise nothing is added).
    if (refusedHeaders.length > 0) {
      const allowed = allowedSet(preflight.header('access-control-allow-headers'));
      const credentialed = input.exchange.credentials.value === 'include';
      for (const h of requestedHeaders) {
        const wildcard = allowed.has('*') && !credentialed && !isCorsNonWildcardRequestHeaderName(h);
        if (!allowed.has(h) && !wildcard) add(h);
      }
    }
    const method = input.exchange.method.toUpperCase();
    if (refusedMethod === null && input.exchange.allFailures.some((f) => f.corsError === 'MethodDisallowedByPreflightResponse') && !isCorsSafelistedMethod(method)) refusedMethod = method;
  }
  return { refusedHeaders, refusedMethod };
}

/** `Access-Control-Allow-Origin` is absent from this response. */
export function lacksAllowOrigin(r: ResponseView | null): boolean {
  return r !== null && r.answered && r.header('access-control-allow-origin') === null;
}
