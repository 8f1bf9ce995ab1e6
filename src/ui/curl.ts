// "Copy as cURL" for the actual request and for a synthetic preflight, so the user can replay
// both outside the browser. POSIX shell quoting (single quotes), like DevTools' "Copy as cURL (bash)".
import type { ExchangeReport, HeaderList, ObservedEntry } from '../core/analysis';

/** Quotes a value for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// HTTP/2 pseudo-headers and headers curl computes itself.
const SKIPPED = new Set(['host', 'content-length', 'connection']);

function headerArgs(headers: HeaderList): string[] {
  return headers
    .filter(([name]) => !name.startsWith(':') && !SKIPPED.has(name.toLowerCase()))
    .map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`);
}

/** The request body from a raw HAR entry (`request.postData.text`), if it has one. */
export function requestBody(raw: unknown): string | null {
  const request = (raw as { request?: { postData?: { text?: unknown } } } | null)?.request;
  const text = request?.postData?.text;
  return typeof text === 'string' ? text : null;
}

export function curlForRequest(entry: Pick<ObservedEntry, 'method' | 'url' | 'requestHeaders'>, body: string | null = null): string {
  const parts = [`curl -i -X ${entry.method} ${shellQuote(entry.url)}`, ...headerArgs(entry.requestHeaders)];
  if (body !== null) parts.push(`--data-raw ${shellQuote(body)}`);
  return parts.join(' \\\n  ');
}

function getHeader(headers: HeaderList | undefined, name: string): string | null {
  const found = headers?.find(([n]) => n.toLowerCase() === name);
  return found ? found[1] : null;
}

/**
 * The preflight the browser sends (or would send) for this exchange. The captured preflight's
 * Access-Control-Request-Headers win; otherwise the names come from the core's preflight reason.
 */
export function curlForPreflight(report: ExchangeReport, preflight?: ObservedEntry, actual?: ObservedEntry): string {
  const origin = getHeader(preflight?.requestHeaders, 'origin') ?? getHeader(actual?.requestHeaders, 'origin') ?? report.origin ?? 'null';
  const method = getHeader(preflight?.requestHeaders, 'access-control-request-method') ?? report.method;
  const requested =
    getHeader(preflight?.requestHeaders, 'access-control-request-headers') ??
    [...new Set((report.preflightReason?.unsafeHeaders ?? []).map((h) => h.name.toLowerCase()))].sort().join(',');
  const parts = [
    `curl -i -X OPTIONS ${shellQuote(report.url)}`,
    `-H ${shellQuote(`Origin: ${origin}`)}`,
    `-H ${shellQuote(`Access-Control-Request-Method: ${method}`)}`,
  ];
  if (requested) parts.push(`-H ${shellQuote(`Access-Control-Request-Headers: ${requested}`)}`);
  return parts.join(' \\\n  ');
}
