// Joins the hint engine (src/core/hints) to an evaluated exchange.
import type { ExchangeReport, ObservedEntry } from './types';
import type { EvaluatedExchange } from './cors/evaluate';
import { diagnose } from './hints';

export function attachHints(exchange: EvaluatedExchange, preflight: ObservedEntry | null, actual: ObservedEntry | null): ExchangeReport {
  if (exchange.kind === 'not-cors') return { ...exchange, fingerprints: [], hints: [] };
  return { ...exchange, ...diagnose({ exchange, preflight, actual }) };
}
