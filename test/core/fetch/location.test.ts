// https://fetch.spec.whatwg.org/#concept-response-location-url — a response is a redirect only when its status is
// a redirect status AND it has a Location. Otherwise HTTP-redirect fetch step 3 returns it as is.
// Measured in Chromium 156 (test/fixtures/browser-truth/wpt/): a preflight answered 301 without Location is
// PreflightInvalidStatus, with Location PreflightDisallowedRedirect; 300/304/305/306 are never redirects.
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../src/core';
import { checkPreflightResponse } from '../../../src/core/cors/preflight';
import { locationUrl } from '../../../src/core/fetch/location';
import { readHarEntry } from '../../../src/core/har/read';
import { API, PAGE, entry, har, preflight } from '../../support/har-builder';

const URL_ = `${API}/items`;
const observed = (raw: Record<string, unknown>) => readHarEntry(raw, 0).entry!;

describe('location URL — https://fetch.spec.whatwg.org/#concept-response-location-url', () => {
  test.each([301, 302, 303, 307, 308])('step 1–3: a %i with Location has that location URL', (status) => {
    expect(locationUrl(observed(entry({ url: URL_, status, responseHeaders: { Location: '/next' } })))).toBe(`${API}/next`);
  });
  test.each([300, 304, 305, 306, 200, 404])('step 1: a %i is not a redirect status, so its location URL is null even with Location', (status) => {
    expect(locationUrl(observed(entry({ url: URL_, status, responseHeaders: { Location: '/next' }, redirectURL: `${API}/next` })))).toBeNull();
  });
  test.each([301, 302, 303, 307, 308])('step 2: a %i without Location has a null location URL', (status) => {
    expect(locationUrl(observed(entry({ url: URL_, status })))).toBeNull();
  });
  test("DevTools' resolved redirectURL is taken when present", () => {
    expect(locationUrl(observed(entry({ url: URL_, status: 302, redirectURL: 'http://elsewhere.test/x' })))).toBe('http://elsewhere.test/x');
  });
});

describe('a preflight 3xx without Location is not a redirect', () => {
  const check = (status: number, headers: Record<string, string>) =>
    checkPreflightResponse({
      preflight: observed(preflight(URL_, 'PUT', { status, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', ...headers } })),
      origin: PAGE, method: 'PUT', unsafeHeaderNames: [], credentialsInclude: false,
    }).failures.map((f) => f.corsError);
  test.each([301, 302, 303, 307, 308])('a %i preflight without Location fails on its status (PreflightInvalidStatus)', (status) => {
    expect(check(status, {})).toEqual(['PreflightInvalidStatus']);
  });
  test.each([301, 302, 303, 307, 308])('a %i preflight with Location is PreflightDisallowedRedirect', (status) => {
    expect(check(status, { Location: `${API}/other` })).toEqual(['PreflightDisallowedRedirect']);
  });
  test.each([300, 304, 305, 306])('a %i preflight with Location is still only an invalid status', (status) => {
    expect(check(status, { Location: `${API}/other` })).toEqual(['PreflightInvalidStatus']);
  });
});

describe('an actual response 3xx without Location is returned as is', () => {
  test.each([301, 302, 303, 307, 308])('a %i with Access-Control-Allow-Origin and no Location is allowed, with its status shown to the page', (status) => {
    const e = entry({ url: URL_, status, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null });
    const [x] = analyzeHar(har(e)).exchanges;
    expect([x.verdict, x.corsError, x.pageStatus]).toEqual(['allowed', null, status]);
  });
  test('a 302 without Location and without Access-Control-Allow-Origin is MissingAllowOriginHeader on the actual response, not a redirect', () => {
    const e = entry({ url: URL_, status: 302, requestHeaders: { Origin: PAGE }, resourceType: 'fetch', error: 'net::ERR_FAILED' });
    const [x] = analyzeHar(har(e)).exchanges;
    expect([x.verdict, x.corsError, x.allFailures[0].stage]).toEqual(['blocked', 'MissingAllowOriginHeader', 'actual']);
  });
});

describe('a same-origin fetch redirected to another origin with credentials in Location (http-redirect-fetch step 9)', () => {
  test.each(['user:password@', 'user:@', ':password@'])('is blocked at the same-origin hop with RedirectContainsCredentials (%s)', (userinfo) => {
    const location = `http://${userinfo}127.0.0.1:8703/final`;
    const e = entry({ url: `${PAGE}/r`, status: 302, redirectURL: location, requestHeaders: { 'Sec-Fetch-Mode': 'cors', Referer: `${PAGE}/` }, responseHeaders: { Location: location }, resourceType: 'fetch', error: 'net::ERR_FAILED' });
    const [x] = analyzeHar(har(e)).exchanges;
    expect([x.kind, x.verdict, x.corsError, x.failedParameter]).toEqual(['cors', 'blocked', 'RedirectContainsCredentials', '']);
  });
  test('without user info the same-origin hop stays "not CORS"', () => {
    const location = 'http://127.0.0.1:8703/final';
    const e = entry({ url: `${PAGE}/r`, status: 302, redirectURL: location, requestHeaders: { 'Sec-Fetch-Mode': 'cors', Referer: `${PAGE}/` }, responseHeaders: { Location: location }, resourceType: 'fetch', error: null });
    expect(analyzeHar(har(e)).exchanges[0].kind).toBe('not-cors');
  });
});
