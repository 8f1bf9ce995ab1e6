// "Copy as cURL" for the actual request and for a synthetic preflight, so the user can replay
// both outside the browser. POSIX shell quoting (single quotes), like DevTools' "Copy as cURL (bash)".
// The actual request carries what the browser sent: every captured header, plus `Origin` when the
// capture lacks it (a request a failed preflight stopped is recorded with Blink's provisional headers
// only), so the server answers the replay as it answered the page. Credentials are kept — a replay
// needs them — and named in a comment at the end so nobody pastes the command into a ticket unawares.
import { COOKIE_HEADERS, isSecretHeaderName, type ExchangeReport, type HeaderList, type ObservedEntry } from '../core/analysis';

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

function getHeader(headers: HeaderList | undefined, name: string): string | null {
  const found = headers?.find(([n]) => n.toLowerCase() === name);
  return found ? found[1] : null;
}

/** The request body from a raw HAR entry (`request.postData.text`), if it has one. */
export function requestBody(raw: unknown): string | null {
  const request = (raw as { request?: { postData?: { text?: unknown } } } | null)?.request;
  const text = request?.postData?.text;
  return typeof text === 'string' ? text : null;
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

/** Header names whose values are credentials (the ones an export would redact). */
export function secretHeaderNames(headers: HeaderList): string[] {
  const names = headers.map(([name]) => name).filter((name) => COOKIE_HEADERS.has(name.toLowerCase()) || isSecretHeaderName(name.toLowerCase()));
  return [...new Set(names)];
}

/**
 * The comment that ends a command carrying credentials ('' when it carries none): at the end of the
 * last line, so the command still starts with `curl` and pastes as one.
 */
export function secretsComment(headers: HeaderList): string {
  const names = secretHeaderNames(headers);
  return names.length === 0 ? '' : `  # sends the browser's credentials (${names.join(', ')}): keep this command private`;
}

/**
 * The actual request as the browser sent it (or would have: a request stopped by its preflight), to
 * replay with curl: the captured headers, `Origin` added when the capture lacks it, the body, and
 * `--compressed` in place of the browser's Accept-Encoding (so curl decodes what it asked for).
 */
export function curlForActual(report: Pick<ExchangeReport, 'kind' | 'method' | 'url' | 'origin'>, actual?: Pick<ObservedEntry, 'method' | 'url' | 'requestHeaders'>, preflight?: Pick<ObservedEntry, 'requestHeaders'>, body: string | null = null): string {
  const captured: HeaderList = actual?.requestHeaders ?? [];
  // A same-origin request sends no Origin for GET/HEAD: only a CORS request gets one added.
  const origin = report.kind === 'cors' ? (getHeader(preflight?.requestHeaders, 'origin') ?? report.origin) : null;
  const compressed = captured.some(([name]) => name.toLowerCase() === 'accept-encoding');
  const headers: HeaderList = [
    ...captured.filter(([name]) => name.toLowerCase() !== 'accept-encoding'),
    ...(getHeader(captured, 'origin') === null && origin !== null ? [['origin', origin] as const] : []),
  ];
  const parts = [`curl -i -X ${actual?.method ?? report.method} ${shellQuote(actual?.url ?? report.url)}`, ...headerArgs(headers)];
  if (compressed) parts.push('--compressed');
  if (body !== null) parts.push(`--data-raw ${shellQuote(body)}`);
  return parts.join(' \\\n  ') + secretsComment(headers);
}
