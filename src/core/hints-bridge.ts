// Joins the hint engine (src/core/hints) to an evaluated exchange.
import type { ExchangeReport, ObservedEntry } from './types';
import type { EvaluatedExchange } from './cors/evaluate';
import { diagnose } from './hints';
import { withoutHints } from './analyzer';
import { needsHints } from './exchange';

export { withoutHints };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function attachHints(exchange: EvaluatedExchange, preflight: ObservedEntry | null, actual: ObservedEntry | null): ExchangeReport {
  // Hints explain failures: an allowed exchange (or one that is not CORS) has nothing to fix.
  if (!needsHints(exchange)) return withoutHints(exchange);
  const { fingerprints, hints } = diagnose({ exchange, preflight, actual });
  const x = exchange as Mutable<ExchangeReport>;
  x.fingerprints = fingerprints;
  x.hints = hints;
  return x;
}
