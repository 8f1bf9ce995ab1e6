// The requests Chromium sends for one fetch() from a page, built from the core's own safelist code
// (src/core/fetch/safelist.ts, src/core/cors/preflight-reason.ts). Header order and values are the ones
// Chromium 156 put on the wire in the browser-truth captures (test/fixtures/browser-truth/chromium/*.json,
// `wire`); docs/probe.md lists them.
import { corsUnsafeRequestHeaders, isForbiddenRequestHeaderName, normalizeMethod, originOf, preflightReason, type HeaderList, type PreflightReason } from '../../core';

export type CredentialsMode = 'include' | 'same-origin' | 'omit';

/** What the page would pass to fetch(), plus what the probe may add (a cookie, only when the user gives one). */
export interface FetchSpec {
  readonly url: string;
  /** The page's origin, serialised (`https://app.example.com`), or `null`. */
  readonly origin: string;
  readonly method: string;
  /** The page's own headers, as given (name case kept). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly credentials: CredentialsMode;
  readonly body: string | null;
  /** Sent as `Cookie` on credentialed requests only, and only when the user passed `--cookie`. */
  readonly cookie: string | null;
  readonly userAgent: string;
}

export interface WireRequest {
  readonly kind: 'preflight' | 'actual';
  readonly url: string;
  readonly method: string;
  /** In wire order, `Host` first. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: string | null;
}

/** Chrome 156's reduced User-Agent on Linux (the shape Chromium sends; `HeadlessChrome` when headless). */
export const CHROME_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const SEC_CH_UA = '"Not:A-Brand";v="8", "Chromium";v="156"';
const ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const ACCEPT_LANGUAGE = 'en-US,en;q=0.9';

// https://fetch.spec.whatwg.org/#forbidden-method — fetch() throws on these.
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN_METHODS.has(method.toUpperCase());
}

/** The page's headers as fetch() keeps them: forbidden request-headers are dropped (and named, so the CLI can say so). */
export function authorHeaderList(headers: FetchSpec['headers']): { kept: HeaderList; dropped: string[] } {
  const kept: Array<readonly [string, string]> = [];
  const dropped: string[] = [];
  for (const [name, value] of headers) {
    if (isForbiddenRequestHeaderName(name)) dropped.push(name);
    else kept.push([name.toLowerCase(), value.trim()]);
  }
  return { kept, dropped };
}

/** Why (or whether) Chromium preflights this fetch: the core's own answer. */
export function preflightFor(spec: Pick<FetchSpec, 'method' | 'headers'>): PreflightReason {
  const { kept } = authorHeaderList(spec.headers);
  // Every header here is the page's own (a HAR mixes in the browser's, which preflightReason sets aside when it
  // computes from a captured request), so the unsafe names come from the whole list, as for the preflight itself.
  const unsafe = corsUnsafeRequestHeaders(kept, { chromiumClientHints: true }).map((h) => h.name);
  return preflightReason(normalizeMethod(spec.method), kept, unsafe.length ? unsafe : null);
}

// https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names, joined as in #cors-preflight-fetch step 5:
// byte-lowercased, sorted, combined with "," (Chromium adds no space).
export function accessControlRequestHeaders(spec: Pick<FetchSpec, 'headers'>): string | null {
  const names = corsUnsafeRequestHeaders(authorHeaderList(spec.headers).kept, { chromiumClientHints: true }).map((h) => h.name);
  return names.length ? names.join(',') : null;
}

// https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-site-header — same-origin, same-site or cross-site.
// Beyond the spec: "site" needs the Public Suffix List; without it, two hosts are same-site when equal, or when
// both are names (not IP addresses) with the same last two labels (right for example.com, wrong for co.uk).
export function secFetchSite(pageOrigin: string, url: string): 'same-origin' | 'same-site' | 'cross-site' {
  const target = originOf(url);
  if (pageOrigin === 'null' || target === null) return 'cross-site';
  if (pageOrigin === target) return 'same-origin';
  let a: URL;
  let b: URL;
  try {
    a = new URL(pageOrigin);
    b = new URL(url);
  } catch {
    return 'cross-site';
  }
  if (a.protocol !== b.protocol) return 'cross-site';
  if (a.hostname === b.hostname) return 'same-site';
  const isIp = (h: string) => /^[\d.]+$/.test(h) || h.startsWith('[');
  if (isIp(a.hostname) || isIp(b.hostname)) return 'cross-site';
  const site = (h: string) => h.split('.').slice(-2).join('.');
  return site(a.hostname) === site(b.hostname) ? 'same-site' : 'cross-site';
}

/** The Referer Chromium sends under its default policy (strict-origin-when-cross-origin): the page origin only. */
function referer(origin: string, url: string): string | null {
  if (origin === 'null') return null;
  if (origin.startsWith('https:') && url.startsWith('http:')) return null;
  return `${origin}/`;
}

// https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy — client hints (sec-ch-ua*) go only to these.
function isPotentiallyTrustworthy(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || u.hostname === 'localhost' || u.hostname.endsWith('.localhost') || /^127\./.test(u.hostname) || u.hostname === '[::1]';
}

// https://fetch.spec.whatwg.org/#cors-preflight-fetch
export function corsPreflightRequest(spec: FetchSpec): WireRequest {
  const method = normalizeMethod(spec.method);
  const headers: Array<readonly [string, string]> = [['Host', new URL(spec.url).host], ['Connection', 'keep-alive']];
  // 2. Append (`Accept`, `*/*`) to preflight's header list.
  headers.push(['Accept', '*/*']);
  // 3. Append (`Access-Control-Request-Method`, request's method) to preflight's header list.
  headers.push(['Access-Control-Request-Method', method]);
  // 4-5. Let headers be the CORS-unsafe request-header names with request's header list; if not empty,
  //      append (`Access-Control-Request-Headers`, headers joined by ",").
  const acrh = accessControlRequestHeaders(spec);
  if (acrh !== null) headers.push(['Access-Control-Request-Headers', acrh]);
  // A CORS-preflight request never includes credentials (no Cookie, whatever the credentials mode).
  headers.push(['Origin', spec.origin], ['User-Agent', spec.userAgent]);
  headers.push(['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Site', secFetchSite(spec.origin, spec.url)], ['Sec-Fetch-Dest', 'empty']);
  const ref = referer(spec.origin, spec.url);
  if (ref !== null) headers.push(['Referer', ref]);
  headers.push(['Accept-Encoding', ACCEPT_ENCODING], ['Accept-Language', ACCEPT_LANGUAGE]);
  return { kind: 'preflight', url: spec.url, method: 'OPTIONS', headers, body: null };
}

/** The actual request as Chromium sends it: the page's headers, then what the browser adds. */
export function corsActualRequest(spec: FetchSpec): WireRequest {
  const method = normalizeMethod(spec.method);
  const author = authorHeaderList(spec.headers).kept;
  const given = new Map(spec.headers.filter(([n]) => !isForbiddenRequestHeaderName(n)).map(([n, v]) => [n.toLowerCase(), [n, v.trim()] as const]));
  const headers: Array<readonly [string, string]> = [['Host', new URL(spec.url).host], ['Connection', 'keep-alive']];
  if (spec.body !== null) headers.push(['Content-Length', String(Buffer.byteLength(spec.body))]);
  for (const [name] of author) if (name !== 'accept' && name !== 'accept-language') headers.push(given.get(name)!);
  const hints = isPotentiallyTrustworthy(spec.url);
  if (hints) headers.push(['sec-ch-ua-platform', '"Linux"']);
  headers.push(['User-Agent', spec.userAgent]);
  if (hints) headers.push(['sec-ch-ua', SEC_CH_UA], ['sec-ch-ua-mobile', '?0']);
  headers.push(given.get('accept') ?? ['Accept', '*/*']);
  // https://fetch.spec.whatwg.org/#append-a-request-origin-header — a CORS request always carries Origin.
  headers.push(['Origin', spec.origin]);
  headers.push(['Sec-Fetch-Site', secFetchSite(spec.origin, spec.url)], ['Sec-Fetch-Mode', 'cors'], ['Sec-Fetch-Dest', 'empty']);
  const ref = referer(spec.origin, spec.url);
  if (ref !== null) headers.push(['Referer', ref]);
  headers.push(['Accept-Encoding', ACCEPT_ENCODING], given.get('accept-language') ?? ['Accept-Language', ACCEPT_LANGUAGE]);
  // https://fetch.spec.whatwg.org/#http-network-or-cache-fetch — cookies only when credentials are included.
  if (spec.credentials === 'include' && spec.cookie !== null) headers.push(['Cookie', spec.cookie]);
  return { kind: 'actual', url: spec.url, method, headers, body: spec.body };
}

export function isSafeMethod(method: string): boolean {
  const m = normalizeMethod(method);
  return m === 'GET' || m === 'HEAD';
}
