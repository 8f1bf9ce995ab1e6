// https://fetch.spec.whatwg.org/#concept-response-location-url — whether a response is a redirect at all.
import type { ObservedEntry } from '../types';
import { getHeader } from './headers';
import { isRedirectStatus } from './status';

/**
 * The location URL of a response, or null when it has none. A response whose location URL is null is NOT a
 * redirect: HTTP-redirect fetch step 3 returns it as is ("If locationURL is null, then return response"), so a
 * 3xx without `Location` (or a 300/304/305/306 with one) is judged like any other non-ok response. Measured in
 * Chromium 156: a preflight answered 301 without `Location` is `PreflightInvalidStatus`, not
 * `PreflightDisallowedRedirect` (test/fixtures/browser-truth/wpt/, `wpt-preflight-status-3xx`).
 */
export function locationUrl(entry: Pick<ObservedEntry, 'status' | 'redirectURL' | 'responseHeaders' | 'url'>): string | null {
  // 1. If response's status is not a redirect status, then return null.
  if (!isRedirectStatus(entry.status)) return null;
  // DevTools and Firefox resolve `Location` into `redirectURL`; a plain HAR may only carry the header.
  if (entry.redirectURL !== '') return entry.redirectURL;
  // 2. Let location be the result of extracting header list values given `Location` and response's header list.
  const location = getHeader(entry.responseHeaders, 'location');
  if (location === null) return null;
  // 3. If location is a header value, then set location to the result of parsing location with response's URL.
  try {
    return new URL(location, entry.url).href;
  } catch {
    // Parsing failed: the spec returns failure (a network error, not a redirect we can follow).
    return null;
  }
}

export function isRedirectResponse(entry: Pick<ObservedEntry, 'status' | 'redirectURL' | 'responseHeaders' | 'url'>): boolean {
  return locationUrl(entry) !== null;
}
