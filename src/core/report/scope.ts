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

function inScope(exchange: ExchangeReport, scope: ReportScope): boolean {
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
  return { ...report, exchanges, counts: countExchanges(exchanges) };
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
