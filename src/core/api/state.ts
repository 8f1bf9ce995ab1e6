// The running totals of the API view: everything an ApiReport and its findings are built from, folded
// one observation at a time. Every collection is bounded (ids, distinct values, routes, APIs, preflight
// cache keys), so a HAR of any size streams through in bounded memory; totals stay exact.
import type { FillValues } from '../hints/fill';
import type { ApiIdentity } from './identify';
import type { FixCause } from './types';

/** Exchange ids kept per list (counts stay exact). */
export const MAX_IDS = 50;
/** Distinct values kept per header per route. */
export const MAX_VALUES = 20;
export const MAX_ROUTES_PER_API = 500;
export const MAX_APIS = 500;
/** Distinct preflight cache keys remembered per API (to count what a max-age would have saved). */
export const MAX_PREFLIGHT_KEYS = 5_000;
/** Distinct raw header lists remembered per API as already folded into its needs. */
export const MAX_HEADER_LISTS = 256;

export class IdList {
  readonly ids: string[] = [];
  count = 0;
  add(id: string): void {
    this.count++;
    if (this.ids.length < MAX_IDS && !this.ids.includes(id)) this.ids.push(id);
  }
}

/** Distinct values in first-seen order (null = header absent), at most MAX_VALUES. */
export class ValueSet {
  readonly values: Array<string | null> = [];
  add(v: string | null): void {
    if (this.values.length < MAX_VALUES && !this.values.includes(v)) this.values.push(v);
  }
}

export const POLICY_FIELDS = ['allowOrigin', 'allowCredentials', 'allowMethods', 'allowHeaders', 'maxAge', 'exposeHeaders', 'vary'] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

/** Fields compared across routes for BP-INCONSISTENT-ROUTES, normalised (see aggregate.ts). */
export const COMPARED_FIELDS = ['allowOrigin', 'allowCredentials', 'allowMethods', 'allowHeaders', 'maxAge'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface RouteState {
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly counts: { allowed: number; blocked: number; unknown: number };
  readonly policy: Record<PolicyField, ValueSet>;
  /** Normalised value → a few exchange ids that showed it, per compared field. */
  readonly compared: Record<ComparedField, Map<string, IdList>>;
  readonly responses: { errorsWithCors: number; errorsWithoutCors: number; successesWithCors: number };
  readonly causes: Map<string, number>;
  readonly ids: IdList;
  /** The latest preflight of the route, for "repeated within max-age". */
  lastPreflight: { url: string; requestHeaders: string; startedMs: number; maxAgeS: number } | null;
}

export interface FixState {
  readonly routes: string[];
  readonly ids: IdList;
  readonly origins: Map<string, number>;
  credentials: boolean;
  readonly first: FillValues;
  aws: boolean;
}

export type RepeatCause = 'same-request' | 'other-url' | 'other-headers';

export interface ApiState {
  readonly identity: ApiIdentity;
  readonly pageOrigins: string[];
  readonly counts: { exchanges: number; allowed: number; blocked: number; unknown: number };
  readonly routes: Map<string, RouteState>;
  /** Observations whose route did not fit under MAX_ROUTES_PER_API. */
  routesDropped: number;
  readonly fixes: Map<FixCause, FixState>;
  /** What the page needed across every route of the API: methods called, headers requested (Title-Case). */
  readonly needs: { readonly methods: string[]; readonly headers: string[]; /** Raw header lists already folded into `headers`. */ readonly headerLists: Set<string> };
  readonly evidence: {
    readonly wildcard: IdList;
    readonly wildcardOrigins: string[];
    readonly wildcardWithCredentials: IdList;
    readonly nullOrigin: IdList;
    /** Request origin → exchanges whose Access-Control-Allow-Origin echoed it. */
    readonly reflected: Map<string, IdList>;
    reflectedWithCredentials: boolean;
    readonly missingVary: IdList;
    /** Request origin → the Access-Control-Allow-Origin values it got on actual responses ('(absent)' included). */
    readonly allowOriginByOrigin: Map<string, Set<string>>;
    readonly httpOriginTrusted: IdList;
    readonly httpOrigins: string[];
    /** Preflights without a usable max-age: count, time, and repeats a cache would have saved. */
    readonly uncachedPreflights: IdList;
    uncachedMs: number;
    savedCount: number;
    savedMs: number;
    readonly preflightKeys: Set<string>;
    /** Preflights repeated within the max-age of the route's previous preflight. */
    readonly repeated: IdList;
    repeatedMs: number;
    readonly repeatCauses: Map<RepeatCause, number>;
    readonly errorsWithoutCors: IdList;
    readonly successesWithCors: IdList;
  };
}

const comparedMaps = (): Record<ComparedField, Map<string, IdList>> => ({
  allowOrigin: new Map(), allowCredentials: new Map(), allowMethods: new Map(), allowHeaders: new Map(), maxAge: new Map(),
});

export function createRouteState(key: string, method: string, path: string): RouteState {
  return {
    key, method, path,
    counts: { allowed: 0, blocked: 0, unknown: 0 },
    policy: {
      allowOrigin: new ValueSet(), allowCredentials: new ValueSet(), allowMethods: new ValueSet(), allowHeaders: new ValueSet(),
      maxAge: new ValueSet(), exposeHeaders: new ValueSet(), vary: new ValueSet(),
    },
    compared: comparedMaps(),
    responses: { errorsWithCors: 0, errorsWithoutCors: 0, successesWithCors: 0 },
    causes: new Map(),
    ids: new IdList(),
    lastPreflight: null,
  };
}

export function createApiState(identity: ApiIdentity): ApiState {
  return {
    identity,
    pageOrigins: [],
    counts: { exchanges: 0, allowed: 0, blocked: 0, unknown: 0 },
    routes: new Map(),
    routesDropped: 0,
    fixes: new Map(),
    needs: { methods: [], headers: [], headerLists: new Set() },
    evidence: {
      wildcard: new IdList(), wildcardOrigins: [], wildcardWithCredentials: new IdList(), nullOrigin: new IdList(),
      reflected: new Map(), reflectedWithCredentials: false, missingVary: new IdList(), allowOriginByOrigin: new Map(),
      httpOriginTrusted: new IdList(), httpOrigins: [],
      uncachedPreflights: new IdList(), uncachedMs: 0, savedCount: 0, savedMs: 0, preflightKeys: new Set(),
      repeated: new IdList(), repeatedMs: 0, repeatCauses: new Map(),
      errorsWithoutCors: new IdList(), successesWithCors: new IdList(),
    },
  };
}
