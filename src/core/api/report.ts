// Folded state → the ApiReport of the JSON contract (docs/report-schema.md, `apis[]`).
import type { Finding } from '../findings/catalogue';
import { FIX_CAUSES, unionFill } from './fixes';
import { findingsOf } from './findings';
import { type ApiState, POLICY_FIELDS, type RouteState } from './state';
import type { ApiReport, ConsolidatedFix, FixCause, ObservedPolicy, RouteReport } from './types';

function routeReport(r: RouteState): RouteReport {
  const policy = Object.fromEntries(POLICY_FIELDS.map((f) => [f, [...r.policy[f].values]])) as unknown as ObservedPolicy;
  return {
    key: r.key,
    method: r.method,
    path: r.path,
    counts: { ...r.counts },
    policy,
    responses: { ...r.responses },
    causes: [...r.causes].sort((a, b) => b[1] - a[1]).map(([c]) => c),
    exchanges: [...r.ids.ids],
  };
}

/** Most frequent first. */
const byCount = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k]) => k);

function fixReport(api: ApiState, cause: FixCause): ConsolidatedFix {
  const fx = api.fixes.get(cause)!;
  const def = FIX_CAUSES[cause];
  const origins = byCount(fx.origins);
  const firstRoute = api.routes.get(fx.routes[0]);
  const fill = unionFill(fx.first, {
    origin: origins[0] ?? null,
    methods: api.needs.methods,
    headers: ['Content-Type', ...api.needs.headers.filter((h) => h !== 'Content-Type')],
    credentials: fx.credentials,
    resourcePath: firstRoute?.path ?? fx.first.resourcePath,
  });
  const routes = fx.routes.join(', ');
  const otherOrigins = origins.length > 1 ? ` The page origins ${origins.join(', ')} all need to be allowed; the snippets show ${origins[0]}.` : '';
  return {
    cause,
    title: def.title,
    explanation: def.shared.replace('{routes}', routes) + otherOrigins,
    routes: [...fx.routes],
    exchanges: [...fx.ids.ids],
    allowMethods: def.lists.methods ? fill.allowMethods : [],
    allowHeaders: def.lists.headers ? fill.allowHeaders : [],
    fixes: def.build(fill, fx.aws),
  };
}

export function apiReport(api: ApiState): ApiReport {
  const findings: Finding[] = findingsOf(api);
  return {
    key: api.identity.key,
    kind: api.identity.kind,
    label: api.identity.label,
    origin: api.identity.origin,
    pageOrigins: [...api.pageOrigins],
    counts: { ...api.counts },
    routes: [...api.routes.values()].map(routeReport),
    fixes: [...api.fixes.keys()].map((c) => fixReport(api, c)),
    findings,
  };
}
