// The API view's shapes: exchanges grouped by API (target origin + the AWS API where recognised), each API
// by route (method + path template), with the CORS policy as observed, one consolidated fix per shared
// cause, and the findings of src/core/findings/catalogue.ts. Documented in docs/report-schema.md (`apis[]`).
import type { Finding } from '../findings/catalogue';
import type { HintFix } from '../types';

/** Who serves the API, as far as the capture tells (fingerprints, src/core/hints/fingerprint.ts). */
export type ApiKind = 'apigw-rest' | 'apigw-http' | 'apigw' | 'lambda-url' | 'cloudfront' | 's3' | 'other';

/** The values each `Access-Control-*` (and `Vary`) header took on one route; `null` stands for "absent". */
export interface ObservedPolicy {
  /** From preflight and actual responses. A value equal to the request's Origin is shown as sent. */
  readonly allowOrigin: ReadonlyArray<string | null>;
  readonly allowCredentials: ReadonlyArray<string | null>;
  /** From preflight responses only (empty when the route needed none). */
  readonly allowMethods: ReadonlyArray<string | null>;
  readonly allowHeaders: ReadonlyArray<string | null>;
  readonly maxAge: ReadonlyArray<string | null>;
  /** From actual responses only. */
  readonly exposeHeaders: ReadonlyArray<string | null>;
  readonly vary: ReadonlyArray<string | null>;
}

export interface RouteReport {
  /** `GET /items/{id}`. */
  readonly key: string;
  readonly method: string;
  /** Path template inside the API (ids, UUIDs, hashes and long tokens collapsed to `{id}`). */
  readonly path: string;
  readonly counts: { readonly allowed: number; readonly blocked: number; readonly unknown: number };
  readonly policy: ObservedPolicy;
  /** Responses ≥ 400 with and without `Access-Control-Allow-Origin`, and 2xx/3xx with it. */
  readonly responses: { readonly errorsWithCors: number; readonly errorsWithoutCors: number; readonly successesWithCors: number };
  /** Chromium `CorsError` names of the blocked exchanges, most frequent first. */
  readonly causes: readonly string[];
  /** Exchange ids (the first MAX_IDS; `counts` has the totals). */
  readonly exchanges: readonly string[];
}

/** What one consolidated fix changes. */
export type FixCause =
  | 'rest-preflight'
  | 'rest-gateway-responses'
  | 'http-api-cors'
  | 'function-url-cors'
  | 's3-cors'
  | 'cloudfront-response-policy'
  | 'backend-headers';

export interface ConsolidatedFix {
  readonly cause: FixCause;
  readonly title: string;
  /** One paragraph: what the blocked routes have in common and what the fix covers. */
  readonly explanation: string;
  /** Route keys the fix covers. */
  readonly routes: readonly string[];
  readonly exchanges: readonly string[];
  /** Methods and headers the fix allows: the union of what the page needed across the routes (empty when the fix lists none, e.g. gateway responses list no methods). */
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  /** One fix per toolchain (the hint engine's fix blocks, filled with the union). */
  readonly fixes: readonly HintFix[];
}

export interface ApiReport {
  /** `https://abc123defg.execute-api.us-east-1.amazonaws.com/prod`, `https://api.example.com/v1`, ... */
  readonly key: string;
  readonly kind: ApiKind;
  /** "API Gateway REST API abc123defg, stage prod". */
  readonly label: string;
  /** The API's origin (scheme, host, port). */
  readonly origin: string;
  readonly pageOrigins: readonly string[];
  readonly counts: { readonly exchanges: number; readonly allowed: number; readonly blocked: number; readonly unknown: number };
  readonly routes: readonly RouteReport[];
  readonly fixes: readonly ConsolidatedFix[];
  readonly findings: readonly Finding[];
}
