import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeHar } from '../../src/core';
import { API, PAGE, entry, har, preflight } from '../support/har-builder';

const URL_ = `${API}/items`;

describe('verdicts from evidence', () => {
  test('infers credentials "include" when only credentials explain Chrome\'s block, and says so', () => {
    const e = entry({ url: URL_, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': '*' }, resourceType: 'fetch', error: 'net::ERR_FAILED' });
    const [x] = analyzeHar(har(e)).exchanges;
    expect(x.corsError).toBe('WildcardOriginNotAllowed');
    expect(x.credentials).toEqual({ value: 'include', from: 'only-credentials-explain-block' });
  });
  test('a Cookie header means credentials were included', () => {
    const e = entry({ url: URL_, requestHeaders: { Origin: PAGE, Cookie: 'sid=1' }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE } });
    const [x] = analyzeHar(har(e)).exchanges;
    expect(x.credentials.value).toBe('include');
    expect(x.corsError).toBe('InvalidAllowCredentials');
  });
  test('the hidden status: a 502 without CORS headers', () => {
    const e = entry({ method: 'GET', url: URL_, status: 502, statusText: 'Bad Gateway', requestHeaders: { Origin: PAGE }, resourceType: 'fetch', error: 'net::ERR_FAILED' });
    const [x] = analyzeHar(har(e)).exchanges;
    expect(x.hiddenStatus?.sentence).toBe('The server answered 502 Bad Gateway; the page only saw a CORS error.');
    expect(x.pageStatus).toBe(0);
    expect(x.serverStatus).toBe(502);
    expect(x.summary).toMatch(/^Blocked: the response has no Access-Control-Allow-Origin header\. The server answered 502 Bad Gateway\./);
  });
  test('a Firefox-style entry (no _error) is judged from headers alone and says so', () => {
    const e = entry({ url: URL_, requestHeaders: { Origin: PAGE } });
    const [x] = analyzeHar(har(e)).exchanges;
    expect(x.verdict).toBe('blocked');
    expect(x.browser.kind).toBe('none');
    expect(x.summary).toMatch(/^Would be blocked by the CORS rules: .*judged from the headers/);
  });
  test('a network error is not a CORS verdict', () => {
    const e = entry({ url: URL_, status: 0, requestHeaders: { Origin: PAGE }, resourceType: 'fetch', error: 'net::ERR_CONNECTION_REFUSED' });
    const [x] = analyzeHar(har(e)).exchanges;
    expect(x.verdict).toBe('unknown');
    expect(x.unknownReason).toMatch(/ERR_CONNECTION_REFUSED/);
  });
  test('the preflight\'s Access-Control-Request-Headers is the truth about unsafe headers', () => {
    const actual = entry({ method: 'POST', url: URL_, status: 0, requestHeaders: { Referer: PAGE, Authorization: 'Bearer x', 'Content-Type': 'application/json', 'sec-ch-ua': '"x"' }, resourceType: 'fetch', error: 'net::ERR_FAILED' });
    const p = preflight(URL_, 'POST', { headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Headers': 'Content-Type' } }, { requestHeaders: 'authorization,content-type' });
    const [x] = analyzeHar(har(actual, p)).exchanges;
    expect(x.preflightReason).toMatchObject({ source: 'preflight-request', methodSafelisted: true });
    expect(x.preflightReason!.unsafeHeaders.map((h) => [h.name, h.why])).toEqual([['authorization', 'not-safelisted'], ['content-type', 'content-type-essence']]);
    expect([x.corsError, x.failedParameter]).toEqual(['HeaderDisallowedByPreflightResponse', 'authorization']);
  });
  test('the checklist has a row per CORS header for the preflight and the actual response', () => {
    const p = preflight(URL_, 'PUT', { headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, { started: 1 });
    const a = entry({ method: 'PUT', url: URL_, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, started: 0 });
    const [x] = analyzeHar(har(a, p)).exchanges;
    expect(x.checks.map((r) => `${r.stage}:${r.header}:${r.status}`)).toEqual([
      'preflight:Status:ok',
      'preflight:Access-Control-Allow-Origin:ok',
      'preflight:Access-Control-Allow-Credentials:not-needed',
      'preflight:Access-Control-Allow-Methods:ok',
      'preflight:Access-Control-Allow-Headers:not-needed',
      'preflight:Access-Control-Max-Age:not-needed',
      'actual:Access-Control-Allow-Origin:ok',
      'actual:Access-Control-Allow-Credentials:not-needed',
      'actual:Access-Control-Expose-Headers:not-needed',
      'actual:Vary:missing',
    ]);
  });
});

describe('the research captures (Chromium 156 getHAR, Firefox ESR getHAR)', () => {
  const expected: Record<string, [string | null, string | null]> = {
    s1: [null, null], s2: ['MissingAllowOriginHeader', ''], s3: [null, null], s4: ['MethodDisallowedByPreflightResponse', 'PUT'],
    s5: ['HeaderDisallowedByPreflightResponse', 'authorization'], s6: ['WildcardOriginNotAllowed', ''], s7: ['PreflightMissingAllowOriginHeader', ''],
    s7b: ['PreflightInvalidStatus', ''], s8: ['MissingAllowOriginHeader', ''],
  };
  test('Chromium: the same CorsError and failedParameter as CDP for every scenario', () => {
    const report = analyzeHar(readFileSync('test/fixtures/research/chromium-getHAR.json', 'utf8').replace(/^/, '{"log":').concat('}'));
    for (const x of report.exchanges.filter((e) => e.kind === 'cors')) {
      const s = new URL(x.url).pathname.slice(1);
      expect([x.corsError, x.failedParameter], s).toEqual(expected[s]);
    }
  });
  test('Firefox: same reasons from headers alone, except the credentials case a HAR cannot show', () => {
    const report = analyzeHar(`{"log":${readFileSync('test/fixtures/research/firefox-getHAR.json', 'utf8')}}`);
    const got = Object.fromEntries(report.exchanges.filter((e) => e.kind === 'cors').map((x) => [new URL(x.url).pathname.slice(1), [x.corsError, x.failedParameter]]));
    expect(got).toEqual({ ...expected, s6: [null, null] });
    expect(report.input.flavour).toBe('firefox');
  });
});

describe('credentials the HAR cannot show', () => {
  test('without a browser verdict, a pass that credentials would break says so', () => {
    const e = entry({ url: URL_, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': '*' } });
    const [x] = analyzeHar(har(e)).exchanges;
    expect(x.verdict).toBe('allowed');
    expect(x.summary).toMatch(/If the page sent it with credentials .* \(WildcardOriginNotAllowed\)\.$/);
  });
});
