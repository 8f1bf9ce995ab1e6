// The API view (issue 13): exchanges grouped by API and route, the CORS policy as observed, one fix per
// API and cause, and the findings of docs/findings.md. Pure; incremental (`createApiView`) for the
// panel and the CLI's streaming reader, batch (`analyzeApis`) for whole HARs.
import type { Finding } from '../findings/catalogue';
import type { ExchangeReport, ObservedEntry } from '../types';
import { createApiAggregator } from './aggregate';
import { observeExchange } from './observe';
import { apiReport } from './report';
import type { ApiReport } from './types';

export type { ApiReport, RouteReport, ConsolidatedFix, ObservedPolicy, FixCause, ApiKind } from './types';
export { CAPTURE_FINDING_IDS, CAPTURE_DETAILS } from './findings';

export interface ApiView {
  /** Adds one exchange with its entries (an exchange added again is counted again: add settled exchanges only). */
  add(exchange: ExchangeReport, preflight: ObservedEntry | null, actual: ObservedEntry | null): void;
  /** The APIs so far, most blocked first. */
  apis(): ApiReport[];
}

export function createApiView(): ApiView {
  const aggregator = createApiAggregator();
  return {
    add(exchange, preflight, actual) {
      const o = observeExchange(exchange, preflight, actual);
      if (o) aggregator.add(o);
    },
    apis: () => aggregator.apis().map(apiReport).sort((a, b) => b.counts.blocked - a.counts.blocked || b.findings.length - a.findings.length),
  };
}

/** The API view of a whole analysis; `entry` looks an entry up by index (Analyzer.entry). */
export function analyzeApis(exchanges: readonly ExchangeReport[], entry: (index: number) => ObservedEntry | undefined): ApiReport[] {
  const view = createApiView();
  for (const x of exchanges) {
    view.add(x, x.preflightEntry === null ? null : entry(x.preflightEntry) ?? null, x.actualEntry === null ? null : entry(x.actualEntry) ?? null);
  }
  return view.apis();
}

/** Every API's findings in one list (the JSON report's top-level `findings[]`). */
export function flatFindings(apis: readonly ApiReport[]): Finding[] {
  return apis.flatMap((a) => a.findings);
}
