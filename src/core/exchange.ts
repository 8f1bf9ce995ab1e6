// Facts about an analysed exchange that every consumer (panel, CLI, reports, hint engine) asks the same way.
// Decided here once, so "inferred" and "needs hints" mean the same thing everywhere.
import type { ExchangeReport } from './types';

/** `browser`: the browser's own signal settled the verdict; `inferred`: judged from the headers alone (Firefox, a plain HAR). */
export type Certainty = 'browser' | 'inferred';

/** Null for an exchange that is not CORS (there is no verdict to be certain of). */
export function certaintyOf(x: Pick<ExchangeReport, 'kind' | 'browser'>): Certainty | null {
  if (x.kind !== 'cors') return null;
  return x.browser.kind === 'none' ? 'inferred' : 'browser';
}

/** Whether an exchange can have hints: hints explain failures, so an allowed or non-CORS exchange has none. */
export function needsHints(x: Pick<ExchangeReport, 'kind' | 'verdict'>): boolean {
  return x.kind === 'cors' && x.verdict !== 'allowed';
}
