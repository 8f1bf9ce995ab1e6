// The cURL commands of an exchange, from the entries the store holds (shared by the detail and the row menu).
import type { ExchangeReport } from '../../core/analysis';
import { curlForActual, curlForPreflight, requestBody } from '../curl';
import { entryOf, rawEntryOf, type PanelStoreWithLimits } from '../store';

export function curlsOf(store: PanelStoreWithLimits, report: ExchangeReport): { actual: string; preflight: string | null } {
  const actual = entryOf(store, report.actualEntry);
  const preflight = entryOf(store, report.preflightEntry);
  const actualCurl = curlForActual(report, actual, preflight, requestBody(rawEntryOf(store, report.actualEntry)));
  return { actual: actualCurl, preflight: report.kind === 'cors' ? curlForPreflight(report, preflight, actual) : null };
}
