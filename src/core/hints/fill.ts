// The values a fix snippet is filled with, taken from the HAR where it shows them (page origin,
// method, requested/refused headers, API id, region, stage, bucket) and otherwise an obvious
// placeholder (UPPER_SNAKE_CASE) that still keeps the snippet syntactically valid.
import { isToken } from '../fetch/headers';
import { type HintContext, decodeSplit } from './context';
import { EXECUTE_API_HOST, LAMBDA_URL_HOST, S3_REST_HOST, S3_WEBSITE_HOST } from './fingerprint';
import { InputCache, walk } from './memo';
import type { FillValues, Known } from './fill-values';

export type { FillValues, Known } from './fill-values';

// Every object in a FillValues is interned and frozen: equal values are one object, shared by every
// exchange, so the fix caches (memo.ts) can key a field by identity.
const INTERNED_MAX = 1024;
function remember<V>(table: Map<string, V>, key: string, value: V): V {
  if (table.size >= INTERNED_MAX) table.clear();
  table.set(key, value);
  return value;
}

const placeholders = new Map<string, Known>();
const knowns = new Map<string, Known>();
/** Every field of FillValues (a missing one is a compile error). */
export const FILL_FIELDS = Object.keys({
  origin: true, method: true, allowMethods: true, allowHeaders: true, refusedHeaders: true, credentials: true, apiId: true, region: true,
  stage: true, resourcePath: true, host: true, bucket: true, functionName: true, functionUrlId: true,
} satisfies Record<keyof FillValues, true>) as ReadonlyArray<keyof FillValues>;

const placeholder = (value: string): Known => placeholders.get(value) ?? remember(placeholders, value, Object.freeze({ value, known: false }));
const known = (value: string): Known => knowns.get(value) ?? remember(knowns, value, Object.freeze({ value, known: true }));

const DEFAULT_METHODS: readonly string[] = Object.freeze(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']);
const methodLists = new Map<string, readonly string[]>();

/** Methods to allow: the usual set, plus the request's method when it is not one of them. */
function allowMethodsFor(method: string): readonly string[] {
  if (DEFAULT_METHODS.includes(method) || method === 'HEAD') return DEFAULT_METHODS;
  return methodLists.get(method) ?? remember(methodLists, method, Object.freeze([...DEFAULT_METHODS.slice(0, -1), method, 'OPTIONS']));
}

const refusedLists = new InputCache<readonly string[]>();

function internList(cache: InputCache<readonly string[]>, list: readonly string[]): readonly string[] {
  const leaf = walk(cache.start(), list);
  return leaf.has ? leaf.value! : cache.store(leaf, Object.freeze([...list]));
}

export function fillValues(ctx: HintContext): FillValues {
  const view = ctx.failing ?? ctx.actual ?? ctx.preflight;
  const host = view?.host ?? '';
  const path = view?.path ?? '/';
  const { api, s3, apiId, region, functionUrlId } = hostParts(host);
  const parts = pathParts(path);
  const { segments } = parts;
  const isRest = ctx.fingerprints.some((f) => f.service === 'apigw-rest') || (api !== null && !ctx.fingerprints.some((f) => f.service === 'apigw-http'));
  const stage = api && isRest && segments.length > 0 ? (parts.stage ??= known(decodeURIComponent(segments[0]))) : placeholder(api && !isRest ? '$default' : 'prod');
  const resourcePath = api && isRest && segments.length > 0 ? (parts.resourcePath ??= `/${segments.slice(1).join('/')}`) : path;

  // Virtual-hosted style names the bucket in the host (any valid name, "s3-assets" included); path style in the path.
  const bucketName = s3?.[1] ? s3[1] : s3 && segments[0] ? segments[0] : null;

  const allowHeaders = mergeHeaders(ctx);
  const allowMethods = allowMethodsFor(ctx.method);

  return {
    origin: ctx.origin && ctx.origin !== 'null' ? known(ctx.origin) : placeholder('https://app.example.com'),
    method: ctx.method,
    allowMethods,
    allowHeaders,
    refusedHeaders: internList(refusedLists, ctx.refusedHeaders),
    credentials: ctx.credentialsInclude,
    apiId,
    region,
    stage,
    resourcePath: resourcePath || '/',
    host,
    bucket: bucketName ? known(bucketName) : placeholder('YOUR_BUCKET'),
    functionName: placeholder('YOUR_FUNCTION_NAME'),
    functionUrlId,
  };
}

interface PathParts {
  readonly segments: readonly string[];
  /** REST: the first segment is the stage, the rest the resource path (filled in when first asked). */
  stage?: Known;
  resourcePath?: string;
}

// Paths repeat like hosts do.
const PATH_CACHE_SIZE = 512;
const partsByPath = new Map<string, PathParts>();

function pathParts(path: string): PathParts {
  let parts = partsByPath.get(path);
  if (parts === undefined) {
    parts = { segments: path.split('/').filter(Boolean) };
    if (partsByPath.size >= PATH_CACHE_SIZE) partsByPath.delete(partsByPath.keys().next().value as string);
    partsByPath.set(path, parts);
  }
  return parts;
}

interface HostParts {
  readonly api: RegExpExecArray | null;
  readonly s3: RegExpExecArray | null;
  readonly apiId: Known;
  readonly region: Known;
  readonly functionUrlId: Known;
}

// What the host says (API id, region, bucket, function URL id), matched once per host.
const HOST_CACHE_SIZE = 256;
const partsByHost = new Map<string, HostParts>();

function hostParts(host: string): HostParts {
  let parts = partsByHost.get(host);
  if (parts === undefined) {
    const api = EXECUTE_API_HOST.exec(host);
    const s3 = S3_WEBSITE_HOST.exec(host) ?? S3_REST_HOST.exec(host);
    const furl = LAMBDA_URL_HOST.exec(host);
    parts = {
      api,
      s3,
      apiId: api ? known(api[1]) : placeholder('YOUR_API_ID'),
      region: api ? known(api[3]) : furl ? known(furl[2]) : s3?.[2] && !/^(amazonaws|accelerate|dualstack|external-1)$/.test(s3[2]) ? known(s3[2]) : placeholder('us-east-1'),
      functionUrlId: furl ? known(furl[1]) : placeholder('YOUR_URL_ID'),
    };
    if (partsByHost.size >= HOST_CACHE_SIZE) partsByHost.delete(partsByHost.keys().next().value as string);
    partsByHost.set(host, parts);
  }
  return parts;
}

// The same Allow-Headers and requested headers come back exchange after exchange: merge each pair once.
const mergedHeaders = new InputCache<readonly string[]>();

function mergeHeaders(ctx: HintContext): readonly string[] {
  const allowed = ctx.preflight?.header('access-control-allow-headers');
  // Every falsy `allowed` (absent, empty) merges the same way.
  const leaf = walk(walk(mergedHeaders.start(), allowed || ''), ctx.requestedHeaders);
  return leaf.has ? leaf.value! : mergedHeaders.store(leaf, Object.freeze(merge(allowed, ctx.requestedHeaders)));
}

function merge(allowed: string | null | undefined, requestedHeaders: readonly string[]): readonly string[] {
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
  if (allowed) decodeSplit(allowed).forEach(add);
  // HAR header names arrive lower-cased; API Gateway lists are conventionally Title-Case (names are case-insensitive).
  for (const h of requestedHeaders) add(titleCase(h));
  if (requestedHeaders.length === 0 && !allowed) ['Authorization', 'X-Api-Key'].forEach(add);
  return out;
}

// Requests repeat the same few header names: each is title-cased once.
const titleCased = new Map<string, string>();

/** `x-api-key` → `X-Api-Key`, `authorization` → `Authorization`; single-word names like `traceparent` stay as sent. */
export function titleCase(name: string): string {
  if (!name.includes('-') && !['authorization', 'accept', 'range'].includes(name)) return name;
  let titled = titleCased.get(name);
  if (titled === undefined) {
    titled = name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
    if (titleCased.size >= 512) titleCased.clear();
    titleCased.set(name, titled);
  }
  return titled;
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
