// The values a fix snippet is filled with, taken from the HAR where it shows them (page origin,
// method, requested/refused headers, API id, region, stage, bucket) and otherwise an obvious
// placeholder (UPPER_SNAKE_CASE) that still keeps the snippet syntactically valid.
import { getDecodeSplit, isToken } from '../fetch/headers';
import type { HintContext } from './context';
import { EXECUTE_API_HOST, LAMBDA_URL_HOST, S3_REST_HOST, S3_WEBSITE_HOST } from './fingerprint';

export interface Known {
  readonly value: string;
  /** True when the value came from the HAR; false for a placeholder the user must replace. */
  readonly known: boolean;
}

export interface FillValues {
  /** The page's origin (`https://app.example.com` placeholder only when the HAR does not say). */
  readonly origin: Known;
  readonly method: string;
  /** Methods to allow: the usual set plus the request's method. */
  readonly allowMethods: readonly string[];
  /** Header names to allow, in the casing the request used: already allowed ∪ requested ∪ Content-Type. */
  readonly allowHeaders: readonly string[];
  readonly refusedHeaders: readonly string[];
  readonly credentials: boolean;
  readonly apiId: Known;
  readonly region: Known;
  /** REST API stage: the first path segment of an execute-api URL. */
  readonly stage: Known;
  /** The request path without the stage (REST) — the API Gateway resource path, as called. */
  readonly resourcePath: string;
  readonly host: string;
  readonly bucket: Known;
  readonly functionName: Known;
  readonly functionUrlId: Known;
}

const placeholder = (value: string): Known => ({ value, known: false });
const known = (value: string): Known => ({ value, known: true });

const DEFAULT_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'];

export function fillValues(ctx: HintContext): FillValues {
  const view = ctx.failing ?? ctx.actual ?? ctx.preflight;
  const host = view?.host ?? '';
  const path = view?.path ?? '/';
  const api = EXECUTE_API_HOST.exec(host);
  const segments = path.split('/').filter(Boolean);
  const isRest = ctx.fingerprints.some((f) => f.service === 'apigw-rest') || (api !== null && !ctx.fingerprints.some((f) => f.service === 'apigw-http'));
  const stage = api && isRest && segments.length > 0 ? known(decodeURIComponent(segments[0])) : placeholder(api && !isRest ? '$default' : 'prod');
  const resourcePath = api && isRest && segments.length > 0 ? `/${segments.slice(1).join('/')}` : path;

  const s3 = S3_WEBSITE_HOST.exec(host) ?? S3_REST_HOST.exec(host);
  // Virtual-hosted style names the bucket in the host (any valid name, "s3-assets" included); path style in the path.
  const bucketName = s3?.[1] ? s3[1] : s3 && segments[0] ? segments[0] : null;
  const furl = LAMBDA_URL_HOST.exec(host);

  const allowHeaders = mergeHeaders(ctx);
  const allowMethods = DEFAULT_METHODS.includes(ctx.method) || ctx.method === 'HEAD' ? DEFAULT_METHODS : [...DEFAULT_METHODS.slice(0, -1), ctx.method, 'OPTIONS'];

  return {
    origin: ctx.origin && ctx.origin !== 'null' ? known(ctx.origin) : placeholder('https://app.example.com'),
    method: ctx.method,
    allowMethods,
    allowHeaders,
    refusedHeaders: ctx.refusedHeaders,
    credentials: ctx.credentialsInclude,
    apiId: api ? known(api[1]) : placeholder('YOUR_API_ID'),
    region: api ? known(api[3]) : furl ? known(furl[2]) : s3?.[2] && !/^(amazonaws|accelerate|dualstack|external-1)$/.test(s3[2]) ? known(s3[2]) : placeholder('us-east-1'),
    stage,
    resourcePath: resourcePath || '/',
    host,
    bucket: bucketName ? known(bucketName) : placeholder('YOUR_BUCKET'),
    functionName: placeholder('YOUR_FUNCTION_NAME'),
    functionUrlId: furl ? known(furl[1]) : placeholder('YOUR_URL_ID'),
  };
}

function mergeHeaders(ctx: HintContext): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (h: string) => {
    const key = h.trim().toLowerCase();
    // Only real header names (tokens) go into a suggested list: an invalid item from the server's own
    // Access-Control-Allow-Headers is what broke it, and must not be copied into the fix.
    if (!key || key === '*' || seen.has(key) || !isToken(key)) return;
    seen.add(key);
    out.push(h.trim());
  };
  add('Content-Type');
  const allowed = ctx.preflight?.header('access-control-allow-headers');
  if (allowed) getDecodeSplit(allowed).forEach(add);
  // HAR header names arrive lower-cased; API Gateway lists are conventionally Title-Case (names are case-insensitive).
  for (const h of ctx.requestedHeaders) add(titleCase(h));
  if (ctx.requestedHeaders.length === 0 && !allowed) ['Authorization', 'X-Api-Key'].forEach(add);
  return out;
}

/** `x-api-key` → `X-Api-Key`, `authorization` → `Authorization`; single-word names like `traceparent` stay as sent. */
export function titleCase(name: string): string {
  if (!name.includes('-') && !['authorization', 'accept', 'range'].includes(name)) return name;
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

/** `'value'` as API Gateway mapping expressions want literals (inner single quotes). */
export function quoted(value: string): string {
  return `'${value}'`;
}

/** One line naming which values came from the HAR and which are placeholders. */
export function provenance(f: FillValues): string {
  const fromHar = [
    f.origin.known && `origin ${f.origin.value}`,
    f.apiId.known && `API id ${f.apiId.value}`,
    f.region.known && `region ${f.region.value}`,
    f.stage.known && `stage ${f.stage.value}`,
    f.bucket.known && `bucket ${f.bucket.value}`,
  ].filter(Boolean);
  return fromHar.length ? `Filled from this request: ${fromHar.join(', ')}.` : 'Replace the UPPER_CASE placeholders with your values.';
}
