// Which entries take part in CORS. https://fetch.spec.whatwg.org/#http-origin and #cors-protocol
import type { HeaderList, ObservedEntry } from '../types';
import { getHeader } from '../fetch/headers';
import { originOf } from '../fetch/origin';
import { locationUrl } from '../fetch/location';

export type EntryRole =
  | { readonly kind: 'preflight'; readonly origin: string | null; readonly requestMethod: string; readonly requestHeaderNames: readonly string[] }
  | { readonly kind: 'cors'; readonly origin: string; readonly originFrom: string }
  | { readonly kind: 'not-cors'; readonly reason: string; readonly origin: string | null; readonly originFrom: string };

const NAVIGATION_TYPES = new Set(['document', 'iframe', 'subdocument']);
const NO_CORS_TYPES = new Set(['image', 'stylesheet', 'script', 'font', 'media', 'texttrack', 'manifest', 'ping', 'csp-violation-report', 'signed-exchange']);

/** The request headers classifyEntry reads, by name (the record's keys are the lower-cased names). */
interface ReadHeaders {
  'access-control-request-method': string | null;
  'access-control-request-headers': string | null;
  origin: string | null;
  'sec-fetch-mode': string | null;
  referer: string | null;
  upgrade: string | null;
}

/** The headers classifyEntry reads, each as getHeader gives it (lines joined with ", "), in one pass over the list (issue 15). */
function readHeaders(list: HeaderList): ReadHeaders {
  const out: ReadHeaders = { 'access-control-request-method': null, 'access-control-request-headers': null, origin: null, 'sec-fetch-mode': null, referer: null, upgrade: null };
  for (const [name, value] of list) {
    if (!Object.hasOwn(out, name)) continue;
    const seen = out[name as keyof ReadHeaders];
    out[name as keyof ReadHeaders] = seen === null ? value : `${seen}, ${value}`;
  }
  return out;
}

export function classifyEntry(entry: ObservedEntry): EntryRole {
  const request = readHeaders(entry.requestHeaders);
  const acrm = request['access-control-request-method'];
  const originHeader = request.origin;
  // A CORS-preflight request: `OPTIONS` with `Access-Control-Request-Method` (https://fetch.spec.whatwg.org/#cors-preflight-request),
  // or what Chromium marks as one.
  if ((entry.method === 'OPTIONS' && acrm !== null) || entry.resourceType === 'preflight' || entry.initiator?.type === 'preflight') {
    const acrh = request['access-control-request-headers'];
    return {
      kind: 'preflight',
      origin: originHeader,
      requestMethod: acrm ?? '',
      requestHeaderNames: acrh === null ? [] : acrh.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean).sort(),
    };
  }
  const target = originOf(entry.url);
  const fetchMode = request['sec-fetch-mode'];
  if (fetchMode === 'navigate' || (entry.resourceType !== null && NAVIGATION_TYPES.has(entry.resourceType)))
    return { kind: 'not-cors', reason: 'a navigation (documents are not fetched in CORS mode)', origin: originHeader, originFrom: 'origin-header' };
  if (fetchMode === 'no-cors')
    return { kind: 'not-cors', reason: "a no-cors request (Sec-Fetch-Mode: no-cors): the page gets an opaque response, CORS does not apply", origin: originHeader, originFrom: 'origin-header' };
  // A WebSocket handshake is a fetch in mode "websocket", not "cors" (https://websockets.spec.whatwg.org/#concept-websocket-establish):
  // the browser sends Origin and the server alone decides; no Access-Control-* header is involved. Chromium's
  // HAR shows it as a ws:/wss: URL, status 101, `_resourceType: "websocket"`, `Sec-Fetch-Mode: websocket`.
  if (isWebSocketHandshake(entry, fetchMode, request.upgrade))
    return { kind: 'not-cors', reason: 'a WebSocket handshake (WebSockets do not use CORS: the server checks the Origin header itself)', origin: originHeader, originFrom: 'origin-header' };
  // Any other mode but "cors" (e.g. "same-origin") is not subject to the CORS protocol either.
  if (fetchMode !== null && fetchMode.trim().toLowerCase() !== 'cors')
    return { kind: 'not-cors', reason: `a request in mode "${fetchMode}" (Sec-Fetch-Mode): only mode "cors" uses the CORS protocol`, origin: originHeader, originFrom: 'origin-header' };

  const page = pageOrigin(entry, originHeader, request.referer);
  if (page.origin === null) {
    if (entry.resourceType !== null && NO_CORS_TYPES.has(entry.resourceType))
      return { kind: 'not-cors', reason: `a ${entry.resourceType} load without an Origin header (no-cors mode)`, origin: null, originFrom: 'none' };
    return { kind: 'not-cors', reason: 'no Origin header and no way to tell the page origin: a same-origin or no-cors request', origin: null, originFrom: 'none' };
  }
  if (page.origin === 'null' && originHeader === 'null') return { kind: 'cors', origin: 'null', originFrom: page.from };
  if (target !== null && page.origin === target) {
    // A same-origin fetch in CORS mode redirected to another origin with credentials in `Location` is refused
    // at this hop (https://fetch.spec.whatwg.org/#http-redirect-fetch step 9; measured: Chromium reports
    // RedirectContainsCredentials on it, and no further hop exists), so this hop is where the CORS verdict is.
    if (fetchMode === 'cors' && redirectsWithCredentialsElsewhere(entry, target)) return { kind: 'cors', origin: page.origin, originFrom: page.from };
    return { kind: 'not-cors', reason: 'same-origin request', origin: page.origin, originFrom: page.from };
  }
  if (originHeader === null && entry.status > 0 && entry.flavour !== 'other' && !(entry.resourceType === 'fetch' || entry.resourceType === 'xhr'))
    return { kind: 'not-cors', reason: 'a cross-origin request sent without an Origin header (no-cors mode)', origin: page.origin, originFrom: page.from };
  if (originHeader === null && entry.status > 0)
    return { kind: 'not-cors', reason: 'a cross-origin request sent without an Origin header (no-cors mode, or the HAR dropped it)', origin: page.origin, originFrom: page.from };
  return { kind: 'cors', origin: page.origin, originFrom: page.from };
}

function isWebSocketHandshake(entry: ObservedEntry, fetchMode: string | null, requestUpgrade: string | null): boolean {
  if (fetchMode !== null && fetchMode.trim().toLowerCase() === 'websocket') return true;
  if (/^wss?:/i.test(entry.url) || entry.resourceType === 'websocket') return true;
  const upgrade = getHeader(entry.responseHeaders, 'upgrade') ?? requestUpgrade;
  return entry.status === 101 && upgrade !== null && upgrade.trim().toLowerCase() === 'websocket';
}

function redirectsWithCredentialsElsewhere(entry: ObservedEntry, origin: string): boolean {
  const location = locationUrl(entry);
  if (location === null) return false;
  try {
    const url = new URL(location);
    return (url.username !== '' || url.password !== '') && originOf(location) !== origin;
  } catch {
    return false;
  }
}

/**
 * The page's origin for an entry. The `Origin` header is the truth; a request the browser never sent
 * (Chromium: status 0, Blink-level headers only) has none, so fall back to `Referer` or the initiator's URL.
 */
function pageOrigin(entry: ObservedEntry, originHeader: string | null, referer: string | null): { origin: string | null; from: string } {
  if (originHeader !== null) return { origin: originHeader, from: 'origin-header' };
  const fromReferer = referer ? originOf(referer) : null;
  if (fromReferer) return { origin: fromReferer, from: 'referer-header' };
  const fromInitiator = entry.initiator?.url ? originOf(entry.initiator.url) : null;
  if (fromInitiator) return { origin: fromInitiator, from: 'initiator-url' };
  return { origin: null, from: 'none' };
}
