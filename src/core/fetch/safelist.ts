// CORS safelists. https://fetch.spec.whatwg.org/#cors-safelisted-method and following.
import type { HeaderList, UnsafeHeaderWhy } from '../types';
import { parseMimeTypeEssence } from './mime';

// https://fetch.spec.whatwg.org/#cors-safelisted-method — `GET`, `HEAD`, or `POST` (byte-exact).
export function isCorsSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

// https://fetch.spec.whatwg.org/#concept-method-normalize — byte-uppercase only these six.
const NORMALISED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALISED.has(upper) ? upper : method;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte
// A byte less than 0x20 and not 0x09 HT, or 0x22 ("), 0x28 ((), 0x29 ()), 0x3A (:), 0x3C (<), 0x3E (>),
// 0x3F (?), 0x40 (@), 0x5B ([), 0x5C (\), 0x5D (]), 0x7B ({), 0x7D (}), or 0x7F DEL.
export function isCorsUnsafeRequestHeaderByte(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || code === 0x7f || '"():<>?@[\\]{}'.includes(String.fromCharCode(code));
}

function firstUnsafeByte(value: string): string | null {
  for (const ch of value) if (isCorsUnsafeRequestHeaderByte(ch.charCodeAt(0))) return ch;
  return null;
}

const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Why a header is not CORS-safelisted, or null when it is. Mirrors the spec's steps one to one. */
export function corsSafelistFailure(name: string, value: string): { why: UnsafeHeaderWhy; detail: string } | null {
  // https://fetch.spec.whatwg.org/#cors-safelisted-request-header
  // 1. If value's length is greater than 128, then return false.
  const length = utf8Length(value);
  if (length > 128) return { why: 'value-too-long', detail: `its value is ${length} bytes; a safelisted value is at most 128` };
  // 2. Byte-lowercase name and switch on the result:
  switch (name.toLowerCase()) {
    case 'accept': {
      // `accept`: If value contains a CORS-unsafe request-header byte, then return false.
      const bad = firstUnsafeByte(value);
      return bad === null ? null : { why: 'unsafe-byte', detail: `its value contains the byte ${JSON.stringify(bad)}` };
    }
    case 'accept-language':
    case 'content-language': {
      // If value contains a byte that is not in the range 0x30 (0) to 0x39 (9), inclusive, is not in the range
      // 0x41 (A) to 0x5A (Z), inclusive, is not in the range 0x61 (a) to 0x7A (z), inclusive, and is not
      // 0x20 (SP), 0x2A (*), 0x2C (,), 0x2D (-), 0x2E (.), 0x3B (;), or 0x3D (=), then return false.
      const bad = /[^0-9A-Za-z *,\-.;=]/.exec(value);
      return bad === null ? null : { why: 'disallowed-chars', detail: `its value contains ${JSON.stringify(bad[0])}` };
    }
    case 'content-type': {
      // 1. If value contains a CORS-unsafe request-header byte, then return false.
      const bad = firstUnsafeByte(value);
      if (bad !== null) return { why: 'unsafe-byte', detail: `its value contains the byte ${JSON.stringify(bad)}` };
      // 2. Let mimeType be the result of parsing the result of isomorphic decoding value.
      const essence = parseMimeTypeEssence(value);
      // 3. If mimeType is failure, then return false.
      if (essence === null) return { why: 'content-type-unparsable', detail: `"${value}" does not parse as a MIME type` };
      // 4. If mimeType's essence is not "application/x-www-form-urlencoded", "multipart/form-data", or "text/plain", then return false.
      if (!SAFELISTED_CONTENT_TYPES.has(essence))
        return { why: 'content-type-essence', detail: `${essence} is not application/x-www-form-urlencoded, multipart/form-data or text/plain` };
      return null;
    }
    case 'range': {
      // 1. Let rangeValue be the result of parsing a single range header value given value and false.
      // 2. If rangeValue is failure, then return false.
      // 3. If rangeValue[0] is null, then return false. (Suffix ranges such as bytes=-500 are not safelisted.)
      const m = /^bytes=(\d*)-(\d*)$/i.exec(value);
      if (!m || (m[1] === '' && m[2] === '') || (m[2] !== '' && m[1] !== '' && Number(m[1]) > Number(m[2])))
        return { why: 'range-syntax', detail: `"${value}" is not a single bytes=start-[end] range` };
      if (m[1] === '') return { why: 'range-syntax', detail: `"${value}" is a suffix range; only bytes=start-[end] is safelisted` };
      return null;
    }
    default:
      // Otherwise, return false.
      return { why: 'not-safelisted', detail: 'it is not a CORS-safelisted request header' };
  }
  // 3. Return true.
}

export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return corsSafelistFailure(name, value) === null;
}

// https://fetch.spec.whatwg.org/#forbidden-request-header — the browser sets these, a page cannot.
const FORBIDDEN = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method', 'connection',
  'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer', 'set-cookie',
  'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
]);
export function isForbiddenRequestHeaderName(name: string): boolean {
  const n = name.toLowerCase();
  return FORBIDDEN.has(n) || n.startsWith('proxy-') || n.startsWith('sec-');
}

// Beyond the spec: headers a browser adds on its own below fetch() (network stack, client hints, DevTools'
// "Disable cache"), which a HAR mixes with the page's own. They never trigger a preflight.
const BROWSER_ADDED = new Set([
  'user-agent', 'priority', 'pragma', 'cache-control', 'upgrade-insecure-requests', 'x-client-data',
  'dpr', 'width', 'viewport-width', 'device-memory', 'save-data', 'rtt', 'downlink', 'ect',
  // HTTP/2 pseudo-headers as some HAR writers record them.
  ':method', ':path', ':scheme', ':authority',
]);
export function isBrowserAddedHeaderName(name: string): boolean {
  return BROWSER_ADDED.has(name.toLowerCase()) || isForbiddenRequestHeaderName(name);
}

export interface UnsafeHeader {
  readonly name: string;
  readonly why: UnsafeHeaderWhy;
  readonly detail: string;
}

// Beyond the spec: Chromium 156 also treats these client-hint request headers as safelisted when a page sets them
// (measured: test/browser-truth scenarios chromium-safelist-*; their values count towards the 1024-byte total,
// safelisted-total-1020/1030). Only a caller that knows the headers are the page's own (`cors-lens probe`) asks for it;
// from a HAR they are indistinguishable from the ones the browser adds (see isBrowserAddedHeaderName).
const CHROMIUM_SAFELISTED_CLIENT_HINTS: ReadonlySet<string> = new Set(['device-memory', 'dpr', 'downlink', 'ect', 'rtt', 'save-data', 'viewport-width', 'width']);

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
export function corsUnsafeRequestHeaders(headers: HeaderList, options: { chromiumClientHints?: boolean } = {}): UnsafeHeader[] {
  // 1. Let unsafeNames be a new list. 2. Let potentiallyUnsafeNames be a new list.
  const unsafe = new Map<string, UnsafeHeader>();
  const potentiallyUnsafe: string[] = [];
  // 3. Let safelistValueSize be 0.
  let safelistValueSize = 0;
  // 4. For each header of headers:
  for (const [name, value] of headers) {
    // 4.1 If header is not a CORS-safelisted request-header, then append header's name to unsafeNames.
    const failure = options.chromiumClientHints && CHROMIUM_SAFELISTED_CLIENT_HINTS.has(name.toLowerCase()) && utf8Length(value) <= 128 ? null : corsSafelistFailure(name, value);
    if (failure) {
      if (!unsafe.has(name)) unsafe.set(name, { name, ...failure });
      continue;
    }
    // 4.2 Otherwise, append header's name to potentiallyUnsafeNames and increase safelistValueSize by header's value's length.
    potentiallyUnsafe.push(name);
    safelistValueSize += utf8Length(value);
  }
  // 5. If safelistValueSize is greater than 1024, then for each name of potentiallyUnsafeNames, append name to unsafeNames.
  if (safelistValueSize > 1024)
    for (const name of potentiallyUnsafe)
      if (!unsafe.has(name))
        unsafe.set(name, { name, why: 'total-over-1024', detail: `the safelisted headers' values add up to ${safelistValueSize} bytes, over 1024` });
  // 6. Return the result of convert header names to a sorted-lowercase set with unsafeNames.
  return [...unsafe.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name — `Authorization`.
export function isCorsNonWildcardRequestHeaderName(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}
