// The hint engine as the panel uses it: loaded on demand (src/ui/lazy-hints.ts, and statically by the export
// code, itself loaded on demand), never in the panel's start bundle. The panel's analyser runs with
// `hints: false`; this completes one of its exchanges with fingerprints and hints, exactly as an analyser with
// hints would have (the core's attachHints on the same exchange and entries).
import { attachHints, findInLogs, type LogsPlan } from '../core/analyze';
import type { ExchangeReport, ObservedEntry } from '../core/analysis';
import { needsHints } from '../core/analysis';

/** The store's exchanges are never changed: each gets a completed copy, kept as long as the exchange is. */
const completed = new WeakMap<ExchangeReport, ExchangeReport>();

/**
 * The exchange with its fingerprints and hints. `entry` gives the analyser's entries by index (the store's
 * `entryOf`): the hint engine reads the preflight and the actual request's headers and bodies.
 */
export function withHints(report: ExchangeReport, entry: (index: number | null) => ObservedEntry | undefined): ExchangeReport {
  if (!needsHints(report)) return report;
  let done = completed.get(report);
  if (!done) {
    // attachHints completes the object it is given in place: give it a shallow copy.
    done = attachHints({ ...report }, entry(report.preflightEntry) ?? null, entry(report.actualEntry) ?? null);
    completed.set(report, done);
  }
  return done;
}

/** "Find it in the logs" for the exchange (src/core/hints/logs): needs the fingerprints, so it lives with the hint engine. */
export function logsPlan(report: ExchangeReport, entry: (index: number | null) => ObservedEntry | undefined): LogsPlan | null {
  return findInLogs(withHints(report, entry));
}
