// Which exchanges a report covers: the export dialog's "all / CORS only / blocked only / this exchange".
import type { AnalysisReport, ExchangeReport } from '../types';
import { countExchanges } from '../envelope';

export type ReportScope = 'all' | 'cors' | 'blocked' | `exchange:${string}`;

/** Reads a scope as the CLI and the panel spell it; null when it is not one. */
export function parseScope(value: string): ReportScope | null {
  if (value === 'all' || value === 'cors' || value === 'blocked') return value;
  if (/^exchange:\S+$/.test(value)) return value as ReportScope;
  return null;
}

export function inScope(exchange: ExchangeReport, scope: ReportScope): boolean {
  if (scope === 'all') return true;
  if (scope === 'cors') return exchange.kind === 'cors';
  if (scope === 'blocked') return exchange.verdict === 'blocked';
  return exchange.id === scope.slice('exchange:'.length);
}

/** The report restricted to `scope`, with `counts` recomputed for what is left. Throws when an exchange id is unknown. */
export function selectScope(report: AnalysisReport, scope: ReportScope): AnalysisReport {
  const exchanges = report.exchanges.filter((x) => inScope(x, scope));
  if (scope.startsWith('exchange:') && exchanges.length === 0) {
    throw new Error(`no exchange with id "${scope.slice('exchange:'.length)}" in this report`);
  }
  const counts = countExchanges(exchanges);
  return { ...report, exchanges, counts, ...scopeApis(report, scope, new Set(exchanges.map((x) => x.id))) };
}

/** The API view of a scope whose exchanges have the ids `ids` (nothing changed for `all`). */
export function scopeApis(report: Pick<AnalysisReport, 'apis' | 'findings'>, scope: ReportScope, ids: ReadonlySet<string>): Pick<AnalysisReport, 'apis' | 'findings'> {
  if (scope === 'all' || !report.apis) return {};
  // One exchange: the API view (about other requests too) stays out.
  if (scope.startsWith('exchange:')) return { apis: [], findings: [] };
  // A narrower scope carries only what concerns the exchanges in it: their routes, the fixes of those routes,
  // and the findings shown by them alone (a finding's evidence can quote other routes).
  const allInScope = (list: readonly string[]) => list.length > 0 && list.every((id) => ids.has(id));
  const apis = report.apis
    .map((a) => {
      const routes = a.routes.filter((r) => r.exchanges.some((id) => ids.has(id)));
      const keys = new Set(routes.map((r) => r.key));
      return { ...a, routes, fixes: a.fixes.filter((f) => f.routes.every((r) => keys.has(r))), findings: a.findings.filter((f) => allInScope(f.exchanges)) };
    })
    .filter((a) => a.routes.length > 0);
  return { apis, findings: apis.flatMap((a) => a.findings) };
}

export { countExchanges };

/** Every entry index an exchange refers to: its preflight and actual request, the hop before, the cached preflight, failing entries. */
export function entriesOfExchange(x: ExchangeReport): number[] {
  const out = new Set<number>();
  for (const i of [x.preflightEntry, x.actualEntry, x.redirectedFrom, x.pairing.cachedBy ?? null]) if (i !== null) out.add(i);
  for (const f of x.allFailures) if (f.entry !== null) out.add(f.entry);
  return [...out];
}

/** The entries a scoped export carries, in file order; `null` means all of them (scope `all`). */
export function entriesInScope(report: AnalysisReport, scope: ReportScope): number[] | null {
  if (scope === 'all') return null;
  const out = new Set<number>();
  for (const x of report.exchanges) for (const i of entriesOfExchange(x)) out.add(i);
  return [...out].sort((a, b) => a - b);
}
