// Chrome's console line for a blocked request (third_party/blink/renderer/platform/loader/cors/cors_error_string.cc):
// "Access to fetch at '<url>' [(redirected from '<url>') ]from origin '<origin>' has been blocked by CORS policy: <reason>"
import type { ExchangeReport } from '../types';

export function chromeConsoleMessage(exchange: Pick<ExchangeReport, 'url' | 'origin' | 'allFailures' | 'verdict'>, options: { kind?: 'fetch' | 'XMLHttpRequest'; redirectedFrom?: string } = {}): string | null {
  if (exchange.verdict !== 'blocked' || exchange.allFailures.length === 0) return null;
  const via = options.redirectedFrom ? `(redirected from '${options.redirectedFrom}') ` : '';
  return `Access to ${options.kind ?? 'fetch'} at '${exchange.url}' ${via}from origin '${exchange.origin ?? 'null'}' has been blocked by CORS policy: ${exchange.allFailures[0].message}`;
}
