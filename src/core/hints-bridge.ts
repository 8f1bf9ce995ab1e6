// Joins the hint engine (src/core/hints) to an evaluated exchange: fingerprints and hints are part of the
// explanation, computed when first read (./lazy.ts), never on the verdict path.
import type { ExchangeReport, Fingerprint, Hint, ObservedEntry } from './types';
import type { EvaluatedExchange } from './cors/evaluate';
import { diagnose } from './hints';
import { withoutHints } from './analyzer';
import { needsHints } from './exchange';
import { defineLazy, lazyField, lazySource, settleLazy } from './lazy';

export { withoutHints };

interface Entries {
  readonly preflight: ObservedEntry | null;
  readonly actual: ObservedEntry | null;
}

function diagnosed(x: object, e: Entries): { fingerprints: Fingerprint[]; hints: Hint[] } {
  return diagnose({ exchange: x as EvaluatedExchange, preflight: e.preflight, actual: e.actual });
}

// One diagnosis fills both fields: whichever is read first settles the other.
const FINGERPRINTS = lazyField('fingerprints', 'entries', (x, e: Entries) => {
  const d = diagnosed(x, e);
  settleLazy(x, 'hints', d.hints);
  return d.fingerprints;
});
const HINTS = lazyField('hints', 'entries', (x, e: Entries) => {
  const d = diagnosed(x, e);
  settleLazy(x, 'fingerprints', d.fingerprints);
  return d.hints;
});

/** Completes `exchange` in place with its fingerprints and hints (computed when first read) and returns it. */
export function attachHints(exchange: EvaluatedExchange, preflight: ObservedEntry | null, actual: ObservedEntry | null): ExchangeReport {
  // Hints explain failures: an allowed exchange (or one that is not CORS) has nothing to fix.
  if (!needsHints(exchange)) return withoutHints(exchange);
  lazySource(exchange, 'entries', { preflight, actual } satisfies Entries);
  defineLazy(exchange, FINGERPRINTS);
  defineLazy(exchange, HINTS);
  return exchange as ExchangeReport;
}
