// Which API an exchange belongs to, and which route: the target origin plus, where the host or the
// fingerprints recognise one, the AWS API (REST API id + stage, HTTP API id, function URL,
// distribution, bucket); otherwise the first path segment when more path follows it. Inside an API,
// a route is the method and the path with ids collapsed to `{id}`.
import type { Fingerprint } from '../types';
import { EXECUTE_API_HOST, LAMBDA_URL_HOST, S3_REST_HOST, S3_WEBSITE_HOST } from '../hints/fingerprint';
import type { ApiKind } from './types';

export interface ApiIdentity {
  readonly key: string;
  readonly kind: ApiKind;
  readonly label: string;
  readonly origin: string;
  /** The path prefix the key includes (`/prod`, `/v1`, `/bucket`), stripped from route paths. */
  readonly prefix: string;
}

/** The service the fingerprints name, most specific first; `null` when none is an API kind. */
function kindOf(host: string, fingerprints: readonly Fingerprint[]): ApiKind {
  const has = (s: string) => fingerprints.some((f) => f.service === s);
  if (has('apigw-rest')) return 'apigw-rest';
  if (has('apigw-http')) return 'apigw-http';
  if (EXECUTE_API_HOST.test(host) || has('apigw')) return 'apigw';
  if (LAMBDA_URL_HOST.test(host) || has('lambda-url')) return 'lambda-url';
  if (has('s3-rest') || has('s3-website') || S3_WEBSITE_HOST.test(host) || S3_REST_HOST.test(host)) return 's3';
  if (has('cloudfront') || has('amplify-hosting')) return 'cloudfront';
  return 'other';
}

interface KindRule {
  /** How many leading path segments belong to the API key. */
  readonly prefixSegments: (host: string, segments: readonly string[]) => number;
  readonly label: (host: string, prefix: string) => string;
}

const execApiId = (host: string) => EXECUTE_API_HOST.exec(host)?.[1] ?? null;
/** The first segment when more path follows it (`/v1/items` → `/v1`; `/items` stays in the route). */
const firstSegmentIfMore = (_host: string, segments: readonly string[]) => (segments.length > 1 ? 1 : 0);

const KIND_RULES: Record<ApiKind, KindRule> = {
  // An execute-api URL starts with the stage; behind a custom domain a base path mapping hides it.
  'apigw-rest': {
    prefixSegments: (host, s) => (execApiId(host) && s.length > 0 ? 1 : firstSegmentIfMore(host, s)),
    label: (host, prefix) => (execApiId(host) ? `API Gateway REST API ${execApiId(host)}, stage ${prefix.slice(1) || '?'}` : `API Gateway REST API at ${host}${prefix}`),
  },
  // HTTP APIs usually serve `$default` at the root.
  'apigw-http': { prefixSegments: () => 0, label: (host) => (execApiId(host) ? `API Gateway HTTP API ${execApiId(host)}` : `API Gateway HTTP API at ${host}`) },
  apigw: {
    prefixSegments: (host, s) => (s.length > 0 ? 1 : 0),
    label: (host, prefix) => `API Gateway API ${execApiId(host) ?? host}${prefix ? `, stage ${prefix.slice(1)}` : ''}`,
  },
  'lambda-url': { prefixSegments: () => 0, label: (host) => `Lambda function URL ${LAMBDA_URL_HOST.exec(host)?.[1] ?? host}` },
  cloudfront: { prefixSegments: () => 0, label: (host) => `CloudFront distribution ${host}` },
  // Virtual-hosted buckets are the host; path-style ones the first segment.
  s3: {
    prefixSegments: (host, s) => (bucketInHost(host) || s.length === 0 ? 0 : 1),
    label: (host, prefix) => `S3 bucket ${bucketInHost(host) ?? (prefix.slice(1) || host)}`,
  },
  other: { prefixSegments: firstSegmentIfMore, label: (host, prefix) => `${host}${prefix}` },
};

function bucketInHost(host: string): string | null {
  return (S3_WEBSITE_HOST.exec(host) ?? S3_REST_HOST.exec(host))?.[1] ?? null;
}

export interface ParsedTarget {
  readonly origin: string;
  readonly host: string;
  readonly segments: readonly string[];
}

/** Origin, host and path segments of a URL; null for a URL that does not parse. */
export function parseTarget(url: string): ParsedTarget | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  return { origin: u.origin, host: u.hostname, segments: u.pathname.split('/').filter(Boolean) };
}

export function identifyApi(target: ParsedTarget, fingerprints: readonly Fingerprint[]): ApiIdentity {
  const kind = kindOf(target.host, fingerprints);
  const rule = KIND_RULES[kind];
  const n = rule.prefixSegments(target.host, target.segments);
  const prefix = n > 0 ? `/${target.segments.slice(0, n).join('/')}` : '';
  return { key: `${target.origin}${prefix}`, kind, label: rule.label(target.host, prefix), origin: target.origin, prefix };
}

// Path segments that name one item rather than a resource: collapsed to `{id}` (data, in order).
const ID_SEGMENTS: readonly RegExp[] = [
  /^\d+$/, // numeric id
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, // UUID
  /^[0-9a-f]{12,}$/i, // hex hash / object id
  /^(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}$/, // long token with a digit (ULID, nanoid, base64url)
];

/** `/items/42/parts/9f8e…` → `/items/{id}/parts/{id}`. */
export function routeTemplate(segments: readonly string[]): string {
  if (segments.length === 0) return '/';
  return `/${segments.map((s) => (ID_SEGMENTS.some((re) => re.test(s)) ? '{id}' : s)).join('/')}`;
}

/** The route path inside an API (its prefix removed). */
export function routePath(identity: ApiIdentity, target: ParsedTarget): string {
  const n = identity.prefix === '' ? 0 : identity.prefix.split('/').length - 1;
  return routeTemplate(target.segments.slice(n));
}
