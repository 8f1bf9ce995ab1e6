// The API view as the panel uses it: loaded on demand (./lazy-apis.ts), never in the start bundle. The
// panel's analyser keeps every exchange and its entries, so the view is rebuilt from them (one pass, bounded
// by the store's MAX_ENTRIES) whenever the list of exchanges changes, and kept for that list.
import { analyzeApis, type ApiReport } from '../../core/api';
import type { ExchangeReport, ObservedEntry } from '../../core/analysis';

const built = new WeakMap<readonly ExchangeReport[], ApiReport[]>();

export function apisOf(exchanges: readonly ExchangeReport[], entry: (index: number) => ObservedEntry | undefined): ApiReport[] {
  let apis = built.get(exchanges);
  if (!apis) {
    apis = analyzeApis(exchanges, entry);
    built.set(exchanges, apis);
  }
  return apis;
}
