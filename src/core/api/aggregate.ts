// Folds observations (observe.ts) into per-API state (state.ts), one at a time: the batch analysis, the
// panel and the CLI's streaming reader all use it. Nothing here changes a verdict.
import { isToken } from '../fetch/headers';
import { decodeSplit } from '../hints/context';
import { titleCase } from '../hints/fill';
import type { ApiObservation, ResponseFacts } from './observe';
import {
  type ApiState, type ComparedField, IdList, MAX_APIS, MAX_HEADER_LISTS, MAX_PREFLIGHT_KEYS, MAX_ROUTES_PER_API, MAX_VALUES,
  type RepeatCause, type RouteState, createApiState, createRouteState,
} from './state';
import { union } from './fixes';

/** Chromium's preflight cache cap (Firefox: 86400 s); the default without Access-Control-Max-Age is 5 s. */
export const CHROMIUM_MAX_AGE_CAP_S = 7200;
export const DEFAULT_MAX_AGE_S = 5;

const LOCAL_HOST = /^(?:localhost|[^.]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** A page or allowed origin on the developer's own machine (`http://localhost:3000`, `http://127.0.0.1:8080`). */
export function isLocalOrigin(origin: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(\[[^\]]+\]|[^:/]+)/i.exec(origin);
  return m !== null && LOCAL_HOST.test(m[1]);
}

// Public assets: a wildcard there is the right answer (not BP-WILDCARD-ORIGIN).
const ASSET_RESOURCE_TYPES: ReadonlySet<string> = new Set(['image', 'font', 'script', 'stylesheet', 'media', 'manifest', 'texttrack']);
const STATIC_MIME = /^(?:image|font|audio|video)\/|^text\/(?:css|javascript)|javascript|^application\/(?:wasm|pdf|octet-stream|zip)/i;

function isPublicAsset(o: ApiObservation, r: ResponseFacts): boolean {
  if (r.resourceType && ASSET_RESOURCE_TYPES.has(r.resourceType)) return true;
  const staticHost = o.api.kind === 's3' || o.api.kind === 'cloudfront';
  return staticHost && (o.method === 'GET' || o.method === 'HEAD') && o.credentials !== 'include' && r.mimeType !== null && STATIC_MIME.test(r.mimeType);
}

// A page sends the same few header lists again and again: each derived value is worked out once per distinct
// raw value (bounded caches; the values are shared, so read-only).
const CACHE_SIZE = 256;
function remembered<T>(compute: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let out = cache.get(value);
    if (out === undefined) {
      out = compute(value);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(value, out);
    }
    return out;
  };
}

/** Valid header names of a list, Title-Case (`x-api-key` → `X-Api-Key`); `*` and invalid items left out. */
const headerNames: (value: string) => readonly string[] = remembered((value) =>
  decodeSplit(value).map((h) => h.trim().toLowerCase()).filter((h) => h !== '' && isToken(h)).map(titleCase));

const hasToken = (value: string | null, token: string) => value !== null && decodeSplit(value).some((v) => v.trim().toLowerCase() === token);
const isTrue = (v: string | null) => v !== null && v.trim().toLowerCase() === 'true';

/** A max-age in seconds as the browser reads it (invalid or absent → the 5 s default). */
function maxAgeSeconds(value: string | null): number {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return DEFAULT_MAX_AGE_S;
  return Number(value);
}

/** A sorted, case-normalised list so `GET, POST` and `POST,GET` compare equal. */
function normalisedList(value: string | null, upper: boolean): string {
  if (value === null) return '(absent)';
  return upper ? normalisedAsIs(value) : normalisedLower(value);
}
const sortedList = (value: string, lower: boolean) => {
  const items = decodeSplit(value).map((v) => (lower ? v.trim().toLowerCase() : v.trim())).filter(Boolean);
  return [...new Set(items)].sort().join(', ') || '(empty)';
};
const normalisedAsIs = remembered((value) => sortedList(value, false));
const normalisedLower = remembered((value) => sortedList(value, true));

/** An allowed origin, with "the request's own origin" named as such so routes called from different pages compare. */
function normalisedOrigin(r: ResponseFacts): string {
  if (r.allowOrigin === null) return '(absent)';
  return r.requestOrigin !== null && r.allowOrigin.trim() === r.requestOrigin && r.allowOrigin.trim() !== 'null' ? '(the request\'s origin)' : r.allowOrigin.trim();
}

const NORMALISE: Record<ComparedField, (r: ResponseFacts) => string> = {
  allowOrigin: normalisedOrigin,
  allowCredentials: (r) => r.allowCredentials?.trim() ?? '(absent)',
  allowMethods: (r) => normalisedList(r.allowMethods, true),
  allowHeaders: (r) => normalisedList(r.allowHeaders, false),
  maxAge: (r) => r.maxAge?.trim() ?? '(absent)',
};
/** Which responses speak for each compared field: preflight fields only from preflights. */
const COMPARED_ON: Record<ComparedField, ReadonlyArray<'preflight' | 'actual'>> = {
  allowOrigin: ['preflight', 'actual'], allowCredentials: ['preflight', 'actual'], allowMethods: ['preflight'], allowHeaders: ['preflight'], maxAge: ['preflight'],
};
const COMPARED_FIELDS_ON = (stage: 'preflight' | 'actual') => (Object.keys(COMPARED_ON) as ComparedField[]).filter((f) => COMPARED_ON[f].includes(stage));
/** The compared fields each stage speaks for, in COMPARED_ON's order. */
const COMPARED_BY_STAGE: Record<'preflight' | 'actual', readonly ComparedField[]> = { preflight: COMPARED_FIELDS_ON('preflight'), actual: COMPARED_FIELDS_ON('actual') };

export interface ApiAggregator {
  add(o: ApiObservation): void;
  /** Per-API state, in first-seen order. */
  apis(): readonly ApiState[];
  /** Observations of APIs beyond MAX_APIS (counted, not shown). */
  readonly dropped: number;
}

export function createApiAggregator(): ApiAggregator {
  const apis = new Map<string, ApiState>();
  let dropped = 0;
  return {
    add(o) {
      let api = apis.get(o.api.key);
      if (!api) {
        if (apis.size >= MAX_APIS) {
          dropped++;
          return;
        }
        api = createApiState(o.api);
        apis.set(o.api.key, api);
      }
      fold(api, o);
    },
    apis: () => [...apis.values()],
    get dropped() {
      return dropped;
    },
  };
}

function fold(api: ApiState, o: ApiObservation): void {
  api.counts.exchanges++;
  const verdict = o.verdict === 'allowed' || o.verdict === 'blocked' ? o.verdict : 'unknown';
  api.counts[verdict]++;
  if (o.pageOrigin && !api.pageOrigins.includes(o.pageOrigin) && api.pageOrigins.length < MAX_VALUES) api.pageOrigins.push(o.pageOrigin);

  const routeKey = `${o.method} ${o.routePath}`;
  let route = api.routes.get(routeKey);
  if (!route) {
    if (api.routes.size >= MAX_ROUTES_PER_API) {
      api.routesDropped++;
      return;
    }
    route = createRouteState(routeKey, o.method, o.routePath);
    api.routes.set(routeKey, route);
  }
  route.counts[verdict]++;
  if (api.needs.methods.length < MAX_VALUES && !api.needs.methods.includes(o.method)) union(api.needs.methods, [o.method]);
  // Headers to allow: what the preflights already allowed (a fix must not take them away) and what they asked for.
  // A list already folded in adds nothing (union only adds): skipped.
  for (const list of [o.preflight?.allowHeaders, o.preflight?.requestHeaders]) {
    if (list && api.needs.headers.length < MAX_VALUES * 2 && !api.needs.headerLists.has(list)) {
      union(api.needs.headers, headerNames(list));
      if (api.needs.headerLists.size < MAX_HEADER_LISTS) api.needs.headerLists.add(list);
    }
  }
  route.ids.add(o.id);
  if (o.verdict === 'blocked' && o.corsError) route.causes.set(o.corsError, (route.causes.get(o.corsError) ?? 0) + 1);

  for (const stage of ['preflight', 'actual'] as const) {
    const r = o[stage];
    if (r && r.status > 0) observeResponse(api, route, o, stage, r);
  }
  if (o.preflight && o.preflight.status > 0) observePreflight(api, route, o, o.preflight);
  if (o.blocked) addToFix(api, route, o);
}

function observeResponse(api: ApiState, route: RouteState, o: ApiObservation, stage: 'preflight' | 'actual', r: ResponseFacts): void {
  const p = route.policy;
  p.allowOrigin.add(r.allowOrigin);
  p.allowCredentials.add(r.allowCredentials);
  if (stage === 'preflight') {
    p.allowMethods.add(r.allowMethods);
    p.allowHeaders.add(r.allowHeaders);
    p.maxAge.add(r.maxAge);
  } else {
    p.exposeHeaders.add(r.exposeHeaders);
    p.vary.add(r.vary);
  }
  // Errors are compared with successes separately (errors without CORS headers), not as a route's policy.
  const error = r.status >= 400;
  if (stage === 'preflight' || !error) {
    for (const field of COMPARED_BY_STAGE[stage]) {
      const value = NORMALISE[field](r);
      let ids = route.compared[field].get(value);
      if (!ids) {
        if (route.compared[field].size >= MAX_VALUES) continue;
        ids = new IdList();
        route.compared[field].set(value, ids);
      }
      ids.add(o.id);
    }
  }
  const ev = api.evidence;
  const acao = r.allowOrigin?.trim() ?? null;
  if (stage === 'actual') {
    if (error && acao === null) { route.responses.errorsWithoutCors++; ev.errorsWithoutCors.add(o.id); }
    else if (error) route.responses.errorsWithCors++;
    else if (acao !== null) { route.responses.successesWithCors++; ev.successesWithCors.add(o.id); }
  }
  if (acao === null) {
    if (stage === 'actual' && r.requestOrigin) rememberAllowOrigin(api, r.requestOrigin, '(absent)');
    return;
  }
  const credentialsTrue = isTrue(r.allowCredentials);
  if (acao === '*') {
    const page = o.pageOrigin ?? r.requestOrigin;
    if (page && page !== 'null' && !isLocalOrigin(page) && !isPublicAsset(o, r)) {
      ev.wildcard.add(o.id);
      if (!ev.wildcardOrigins.includes(page) && ev.wildcardOrigins.length < MAX_VALUES) ev.wildcardOrigins.push(page);
    }
    if (credentialsTrue) ev.wildcardWithCredentials.add(o.id);
    return;
  }
  if (acao === 'null') ev.nullOrigin.add(o.id);
  if (r.requestOrigin !== null && acao === r.requestOrigin) {
    let ids = ev.reflected.get(acao);
    if (!ids && ev.reflected.size < MAX_VALUES) ev.reflected.set(acao, (ids = new IdList()));
    ids?.add(o.id);
    if (credentialsTrue) ev.reflectedWithCredentials = true;
  }
  if (/^http:\/\//i.test(acao) && !isLocalOrigin(acao) && o.scheme === 'https' && credentialsTrue) {
    ev.httpOriginTrusted.add(o.id);
    if (!ev.httpOrigins.includes(acao) && ev.httpOrigins.length < MAX_VALUES) ev.httpOrigins.push(acao);
  }
  if (stage === 'actual') {
    if (!hasToken(r.vary, 'origin') && !hasToken(r.vary, '*')) ev.missingVary.add(o.id);
    if (r.requestOrigin) rememberAllowOrigin(api, r.requestOrigin, acao);
  }
}

function rememberAllowOrigin(api: ApiState, requestOrigin: string, acao: string): void {
  const map = api.evidence.allowOriginByOrigin;
  let seen = map.get(requestOrigin);
  if (!seen) {
    if (map.size >= MAX_VALUES) return;
    map.set(requestOrigin, (seen = new Set()));
  }
  if (seen.size < MAX_VALUES) seen.add(acao);
}

function observePreflight(api: ApiState, route: RouteState, o: ApiObservation, r: ResponseFacts): void {
  const ev = api.evidence;
  const maxAge = maxAgeSeconds(r.maxAge);
  const requestHeaders = normalisedList(r.requestHeaders, false);
  // Only a preflight that passed can be cached: a refused one is a failure to fix, not a cost to save.
  const passed = r.status >= 200 && r.status < 300 && r.allowOrigin !== null;
  if (passed && maxAge <= DEFAULT_MAX_AGE_S) {
    ev.uncachedPreflights.add(o.id);
    ev.uncachedMs += r.durationMs;
    // Chromium's cache key: origin, URL, and (for the match) method and header names.
    const key = `${r.requestOrigin ?? ''} ${r.url} ${o.method} ${requestHeaders}`;
    if (ev.preflightKeys.has(key)) {
      ev.savedCount++;
      ev.savedMs += r.durationMs;
    } else if (ev.preflightKeys.size < MAX_PREFLIGHT_KEYS) ev.preflightKeys.add(key);
  }
  const last = route.lastPreflight;
  if (last && last.maxAgeS > DEFAULT_MAX_AGE_S && r.startedMs - last.startedMs < Math.min(last.maxAgeS, CHROMIUM_MAX_AGE_CAP_S) * 1000) {
    const cause: RepeatCause = last.url !== r.url ? 'other-url' : last.requestHeaders !== requestHeaders ? 'other-headers' : 'same-request';
    ev.repeated.add(o.id);
    ev.repeatedMs += r.durationMs;
    ev.repeatCauses.set(cause, (ev.repeatCauses.get(cause) ?? 0) + 1);
  }
  route.lastPreflight = { url: r.url, requestHeaders, startedMs: r.startedMs, maxAgeS: maxAge };
}

function addToFix(api: ApiState, route: RouteState, o: ApiObservation): void {
  const { cause, fill } = o.blocked!;
  let fx = api.fixes.get(cause);
  if (!fx) {
    fx = { routes: [], ids: new IdList(), origins: new Map(), credentials: false, first: fill, aws: false };
    api.fixes.set(cause, fx);
  }
  if (!fx.routes.includes(route.key) && fx.routes.length < MAX_VALUES * 5) fx.routes.push(route.key);
  fx.ids.add(o.id);
  if (fill.origin.known) fx.origins.set(fill.origin.value, (fx.origins.get(fill.origin.value) ?? 0) + 1);
  if (fill.credentials) fx.credentials = true;
  if (o.api.kind !== 'other') fx.aws = true;
}
