// One exchange, reduced to what the API view needs: which API and route, what each response said about
// CORS, and — when blocked — which consolidated fix covers it, with the fill values of the hint engine.
// Observations are small and self-contained, so the aggregator can fold them and drop the entries
// (streaming keeps memory bounded).
import type { ExchangeReport, HeaderList, ObservedEntry } from '../types';
import { createHintContext, type HintContext } from '../hints/context';
import { type FillValues, fillValues } from '../hints/fill';
import { type ApiIdentity, identifyApi, type ParsedTarget, parseTarget, routePath } from './identify';
import type { FixCause } from './types';

/** The CORS-relevant facts of one response. */
export interface ResponseFacts {
  readonly url: string;
  readonly status: number;
  readonly startedMs: number;
  readonly durationMs: number;
  /** The request's `Origin` header as sent (null when Chromium left it out). */
  readonly requestOrigin: string | null;
  /** `Access-Control-Request-Headers` of a preflight. */
  readonly requestHeaders: string | null;
  readonly allowOrigin: string | null;
  readonly allowCredentials: string | null;
  readonly allowMethods: string | null;
  readonly allowHeaders: string | null;
  readonly maxAge: string | null;
  readonly exposeHeaders: string | null;
  readonly vary: string | null;
  readonly mimeType: string | null;
  readonly resourceType: string | null;
}

export interface ApiObservation {
  readonly id: string;
  readonly verdict: ExchangeReport['verdict'];
  readonly corsError: string | null;
  readonly method: string;
  readonly url: string;
  readonly scheme: string;
  readonly pageOrigin: string | null;
  readonly credentials: ExchangeReport['credentials']['value'];
  readonly api: ApiIdentity;
  readonly routePath: string;
  readonly preflight: ResponseFacts | null;
  readonly actual: ResponseFacts | null;
  /** For an exchange that is not allowed: the fix that covers it, filled from this exchange. */
  readonly blocked: { readonly cause: FixCause; readonly fill: FillValues } | null;
}

type FactField = 'requestOrigin' | 'requestHeaders' | 'allowOrigin' | 'allowCredentials' | 'allowMethods' | 'allowHeaders' | 'maxAge' | 'exposeHeaders' | 'vary';
type HeaderFacts = Record<FactField, string | null>;

const REQUEST_FACTS: Readonly<Record<string, FactField>> = { origin: 'requestOrigin', 'access-control-request-headers': 'requestHeaders' };
const RESPONSE_FACTS: Readonly<Record<string, FactField>> = {
  'access-control-allow-origin': 'allowOrigin',
  'access-control-allow-credentials': 'allowCredentials',
  'access-control-allow-methods': 'allowMethods',
  'access-control-allow-headers': 'allowHeaders',
  'access-control-max-age': 'maxAge',
  'access-control-expose-headers': 'exposeHeaders',
  vary: 'vary',
};

/** Each named header's value as getHeader gives it (repeated lines joined with ", "), in one pass over the list. */
function collect(list: HeaderList, names: Readonly<Record<string, FactField>>, into: HeaderFacts): void {
  for (const [name, value] of list) {
    const field = Object.hasOwn(names, name) ? names[name] : undefined;
    if (field === undefined) continue;
    const seen = into[field];
    into[field] = seen === null ? value : `${seen}, ${value}`;
  }
}

function factsOf(e: ObservedEntry): ResponseFacts {
  const h: HeaderFacts = {
    requestOrigin: null, requestHeaders: null, allowOrigin: null, allowCredentials: null, allowMethods: null,
    allowHeaders: null, maxAge: null, exposeHeaders: null, vary: null,
  };
  collect(e.requestHeaders, REQUEST_FACTS, h);
  collect(e.responseHeaders, RESPONSE_FACTS, h);
  return {
    url: e.url,
    status: e.status,
    startedMs: e.startedMs,
    durationMs: e.durationMs,
    requestOrigin: h.requestOrigin,
    requestHeaders: h.requestHeaders,
    allowOrigin: h.allowOrigin,
    allowCredentials: h.allowCredentials,
    allowMethods: h.allowMethods,
    allowHeaders: h.allowHeaders,
    maxAge: h.maxAge,
    exposeHeaders: h.exposeHeaders,
    vary: h.vary,
    mimeType: e.responseMimeType,
    resourceType: e.resourceType,
  };
}

/**
 * Which platform lever fixes a blocked exchange, by the service that answered at the failing stage —
 * the same choice as the hint engine's owner fixes (src/core/hints/fixes/owner.ts), as a table.
 */
const CAUSE_RULES: ReadonlyArray<readonly [FixCause, (ctx: HintContext, stage: 'preflight' | 'actual') => boolean]> = [
  ['function-url-cors', (ctx, s) => ctx.at(s, 'lambda-url') !== undefined],
  ['http-api-cors', (ctx, s) => ctx.at(s, 'apigw-http') !== undefined],
  ['s3-cors', (ctx, s) => ctx.at(s, 's3-rest', 's3-website') !== undefined],
  ['rest-preflight', (ctx, s) => s === 'preflight' && ctx.at(s, 'apigw-rest', 'apigw') !== undefined],
  ['rest-gateway-responses', (ctx, s) => ctx.at(s, 'apigw-rest', 'apigw')?.gatewayGenerated === true],
  ['cloudfront-response-policy', (ctx, s) => ctx.at(s, 'apigw-rest', 'apigw') === undefined && ctx.at(s, 'cloudfront', 'amplify-hosting') !== undefined],
];

function causeOf(ctx: HintContext): FixCause {
  const stage = ctx.failedStage ?? (ctx.preflight && !ctx.actual?.answered ? 'preflight' : 'actual');
  for (const [cause, applies] of CAUSE_RULES) if (applies(ctx, stage)) return cause;
  return 'backend-headers';
}

// The response headers that can change which service answered (fingerprint.ts): with the host and the first
// path segments they decide the API, so the fingerprints run once per distinct combination, not per exchange.
const SERVICE_MARKERS: ReadonlySet<string> = new Set(['x-amz-apigw-id', 'apigw-requestid', 'server', 'via', 'x-amz-cf-id', 'x-amz-cf-pop', 'x-cache', 'x-amz-request-id', 'x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-appsync-tokensconsumed']);
const IDENTITY_CACHE_SIZE = 512;
const identities = new Map<string, ApiIdentity>();

function markersOf(e: ObservedEntry | null): string {
  if (!e || e.status === 0) return '-';
  let out = '';
  for (const [name, value] of e.responseHeaders) {
    if (name.startsWith('x-amzn-remapped-')) out += '|remapped';
    else if (SERVICE_MARKERS.has(name)) out += `|${name}=${name === 'server' || name === 'via' || name === 'x-cache' ? value : ''}`;
  }
  return out;
}

function apiOf(target: ParsedTarget, exchange: ExchangeReport, preflight: ObservedEntry | null, actual: ObservedEntry | null, ctx: () => HintContext): ApiIdentity {
  // Body-shape rules (function URL 403s, Cognito errors) only refine what the host already says; the prefix depends on the first two segments.
  const key = `${target.origin}/${target.segments.slice(0, 2).map((x, i) => (i === 0 ? x : '+')).join('/')}${markersOf(preflight)}${markersOf(actual)}`;
  let identity = identities.get(key);
  if (identity === undefined) {
    // The context's fingerprints, not exchange.fingerprints: reading those would run the whole hint engine (they are lazy).
    identity = identifyApi(target, ctx().fingerprints);
    if (identities.size >= IDENTITY_CACHE_SIZE) identities.delete(identities.keys().next().value as string);
    identities.set(key, identity);
  }
  return identity;
}

export function observeExchange(exchange: ExchangeReport, preflight: ObservedEntry | null, actual: ObservedEntry | null): ApiObservation | null {
  if (exchange.kind === 'not-cors') return null;
  const target = parseTarget(exchange.url);
  if (!target) return null;
  let context: HintContext | undefined;
  const ctx = () => (context ??= createHintContext({ exchange, preflight, actual }));
  const api = apiOf(target, exchange, preflight, actual, ctx);
  const notAllowed = exchange.verdict !== 'allowed';
  return {
    id: exchange.id,
    verdict: exchange.verdict,
    corsError: exchange.corsError,
    method: exchange.method.toUpperCase(),
    url: exchange.url,
    scheme: target.origin.slice(0, target.origin.indexOf(':')),
    pageOrigin: exchange.origin,
    credentials: exchange.credentials.value,
    api,
    routePath: routePath(api, target),
    preflight: preflight ? factsOf(preflight) : null,
    actual: actual ? factsOf(actual) : null,
    blocked: notAllowed && ctx().blocked ? { cause: causeOf(ctx()), fill: fillValues(ctx()) } : null,
  };
}
