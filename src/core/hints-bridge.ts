// Joins the hint engine (src/core/hints) to an evaluated exchange.
import type { ExchangeReport, ObservedEntry } from './types';
import type { EvaluatedExchange } from './cors/evaluate';

export function attachHints(exchange: EvaluatedExchange, _preflight: ObservedEntry | null, _actual: ObservedEntry | null): ExchangeReport {
  // TODO(issue 5): call src/core/hints diagnose() once it lands.
  return { ...exchange, fingerprints: [], hints: [] };
}
