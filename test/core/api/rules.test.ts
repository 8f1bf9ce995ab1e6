// The passive finding rules on built HARs: the boundaries the Chromium captures do not reach
// (test/browser-truth/apis/findings.test.ts has a positive and a negative capture for every id).
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../src/core';
import { MAX_IDS } from '../../../src/core/api/state';
import { API, PAGE, entry, har, preflight } from '../../support/har-builder';

const put = (url: string, started: number, origin = PAGE) =>
  entry({ method: 'PUT', url, started, requestHeaders: { Origin: origin, 'Content-Type': 'application/json' }, responseHeaders: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' }, resourceType: 'fetch', error: null });
const pf = (url: string, started: number, headers: Record<string, string>, status = 204) =>
  preflight(url, 'PUT', { status, headers }, { requestHeaders: 'content-type', started });
const allowPut = (extra: Record<string, string> = {}) => ({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type', ...extra });
const findings = (...entries: Array<Record<string, unknown>>) => analyzeHar(har(...entries)).findings ?? [];
const ids = (...entries: Array<Record<string, unknown>>) => findings(...entries).map((f) => f.id);

describe('BP-NO-PREFLIGHT-CACHE', () => {
  test('counts what a max-age would have saved: the same preflight again after the 5 s default', () => {
    const url = `${API}/items/1`;
    const [f] = findings(pf(url, 0, allowPut()), put(url, 2), pf(url, 6000, allowPut()), put(url, 6002));
    expect(f).toMatchObject({ id: 'BP-NO-PREFLIGHT-CACHE', confidence: 'certain' });
    expect(f.evidence).toMatch(/^2 preflights without Access-Control-Max-Age .*1 of them repeats a preflight already made .*would have saved 1 round trip/);
  });

  test.each([['0'], ['5'], ['abc']])('Access-Control-Max-Age: %s is no cache', (maxAge) => {
    const url = `${API}/items/1`;
    expect(ids(pf(url, 0, allowPut({ 'Access-Control-Max-Age': maxAge })), put(url, 2))).toEqual(['BP-NO-PREFLIGHT-CACHE']);
  });

  test('Access-Control-Max-Age: 6 is a cache; a refused preflight is a failure, not a cost', () => {
    const url = `${API}/items/1`;
    expect(ids(pf(url, 0, allowPut({ 'Access-Control-Max-Age': '6' })), put(url, 2))).toEqual([]);
    expect(ids(pf(url, 0, {}, 403))).not.toContain('BP-NO-PREFLIGHT-CACHE');
  });

  test('the same preflight within its max-age is likely the disabled cache; other URLs are other cache entries', () => {
    const maxAge = allowPut({ 'Access-Control-Max-Age': '600' });
    const same = findings(pf(`${API}/items/1`, 0, maxAge), put(`${API}/items/1`, 2), pf(`${API}/items/1`, 1000, maxAge), put(`${API}/items/1`, 1002));
    expect(same).toMatchObject([{ id: 'BP-NO-PREFLIGHT-CACHE', confidence: 'likely' }]);
    expect(same[0].confirm).toContain('Disable cache');
    expect(ids(pf(`${API}/items/1`, 0, maxAge), put(`${API}/items/1`, 2), pf(`${API}/items/2`, 1000, maxAge), put(`${API}/items/2`, 1002))).toEqual([]);
  });
});

describe('SEC-REFLECTED-ORIGIN', () => {
  const get = (origin: string, started: number, credentials = false) =>
    entry({ url: `${API}/me`, started, requestHeaders: { Origin: origin }, responseHeaders: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', ...(credentials ? { 'Access-Control-Allow-Credentials': 'true' } : {}) }, resourceType: 'fetch', error: null });

  test('one origin echoed is an allow-list as far as a capture can tell', () => {
    expect(ids(get('https://a.example', 0), get('https://a.example', 1))).toEqual([]);
  });
  test('two origins: possible, medium without credentials', () => {
    expect(findings(get('https://a.example', 0), get('https://b.example', 1))).toMatchObject([{ id: 'SEC-REFLECTED-ORIGIN', confidence: 'possible', severity: 'medium' }]);
  });
  test('three origins with credentials: likely and high', () => {
    expect(findings(get('https://a.example', 0, true), get('https://b.example', 1, true), get('https://c.example', 2, true))).toMatchObject([{ id: 'SEC-REFLECTED-ORIGIN', confidence: 'likely', severity: 'high' }]);
  });
});

describe('BP-WILDCARD-ORIGIN', () => {
  const star = (spec: Parameters<typeof entry>[0]) => entry({ url: `${API}/data`, responseHeaders: { 'Access-Control-Allow-Origin': '*' }, error: null, ...spec });
  test.each([
    ['a fetch from a site', { requestHeaders: { Origin: 'https://app.example' }, resourceType: 'fetch' }, ['BP-WILDCARD-ORIGIN']],
    ['a fetch from localhost', { requestHeaders: { Origin: 'http://localhost:3000' }, resourceType: 'fetch' }, []],
    ['a fetch from 127.0.0.1', { requestHeaders: { Origin: 'http://127.0.0.1:5173' }, resourceType: 'fetch' }, []],
    ['a font (public asset)', { requestHeaders: { Origin: 'https://app.example' }, resourceType: 'font', mimeType: 'font/woff2' }, []],
  ] as const)('%s', (_what, spec, expected) => {
    expect(ids(star(spec))).toEqual(expected);
  });
});

describe('the API view never changes a verdict, and stays bounded', () => {
  test('exchanges are the same with and without it', () => {
    const entries = [put(`${API}/items/1`, 2), pf(`${API}/items/1`, 0, allowPut()), entry({ url: `${API}/x`, started: 5, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': 'null' }, resourceType: 'fetch', error: 'net::ERR_FAILED' })];
    const withApis = analyzeHar(har(...entries));
    const without = analyzeHar(har(...entries), { apis: false });
    expect(withApis.exchanges).toEqual(without.exchanges);
    expect(withApis.findings!.map((f) => f.id)).toContain('SEC-NULL-ORIGIN');
    expect(without.apis).toBeUndefined();
  });

  test(`a route keeps at most ${MAX_IDS} exchange ids; the counts stay exact`, () => {
    const many = Array.from({ length: MAX_IDS * 3 }, (_, i) => entry({ url: `${API}/items/${i}`, started: i, requestHeaders: { Origin: 'https://app.example' }, responseHeaders: { 'Access-Control-Allow-Origin': '*' }, resourceType: 'fetch', error: null }));
    const [api] = analyzeHar(har(...many)).apis!;
    expect(api.routes).toHaveLength(1);
    expect(api.routes[0].counts.allowed).toBe(MAX_IDS * 3);
    expect(api.routes[0].exchanges).toHaveLength(MAX_IDS);
    expect(api.findings[0].evidence).toContain(`${MAX_IDS * 3} responses`);
  });
});
