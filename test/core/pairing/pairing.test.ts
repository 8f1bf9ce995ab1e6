import { describe, expect, test } from 'vitest';
import { analyzeHar, createAnalyzer } from '../../../src/core';
import { API, PAGE, T0, entry, har, preflight } from '../../support/har-builder';

const URL_ = `${API}/items`;
const okPreflight = (started: number, maxAge?: string, url = URL_) =>
  preflight(url, 'PUT', { headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', ...(maxAge ? { 'Access-Control-Max-Age': maxAge } : {}) } }, { started });
const put = (started: number, extra: Record<string, unknown> = {}) =>
  entry({ method: 'PUT', url: URL_, started, time: 20, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null, ...extra });
const cors = (h: ReturnType<typeof har>) => analyzeHar(h).exchanges.filter((x) => x.kind === 'cors');

describe('pairing preflights with actual requests', () => {
  test('pairs on URL and Access-Control-Request-Method whatever the entry order', () => {
    for (const entries of [[put(0), okPreflight(3)], [okPreflight(3), put(0)]]) {
      const [x] = cors(har(...entries));
      expect(x.pairing.method).toBe('matched');
      expect(x.verdict).toBe('allowed');
      expect([x.actualEntry, x.preflightEntry].sort()).toEqual([0, 1]);
    }
  });
  test('does not pair a preflight asking for another method', () => {
    const xs = cors(har(put(0), preflight(URL_, 'DELETE', { headers: { 'Access-Control-Allow-Origin': PAGE } }, { started: 3 })));
    expect(xs.map((x) => x.pairing.method).sort()).toEqual(['preflight-not-captured', 'preflight-only']);
  });
  test('a simple GET needs no preflight', () => {
    const [x] = cors(har(entry({ url: URL_, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': '*' } })));
    expect(x.pairing.method).toBe('no-preflight-needed');
    expect(x.preflightReason?.needed).toBe(false);
  });
  test('a later request within Access-Control-Max-Age is paired with the cached preflight', () => {
    const xs = cors(har(put(0), okPreflight(2, '600'), put(60_000)));
    const second = xs.find((x) => x.actualEntry === 2)!;
    expect(second.pairing).toMatchObject({ method: 'preflight-cache', cachedBy: 1 });
    expect(second.verdict).toBe('allowed');
  });
  test('Chrome caps Max-Age at 7200 s: a request three hours later is not covered', () => {
    const xs = cors(har(put(0), okPreflight(2, '86400'), put(3 * 3600_000)));
    expect(xs.find((x) => x.actualEntry === 2)!.pairing.method).toBe('preflight-not-captured');
  });
  test('without Max-Age the preflight is cached 5 s', () => {
    const xs = cors(har(put(0), okPreflight(2), put(4_000), put(30_000)));
    expect(xs.find((x) => x.actualEntry === 2)!.pairing.method).toBe('preflight-cache');
    expect(xs.find((x) => x.actualEntry === 3)!.pairing.method).toBe('preflight-not-captured');
  });
  test('a cached preflight does not cover a request needing a header it did not allow', () => {
    const xs = cors(har(put(0), okPreflight(2, '600'), put(10_000, { requestHeaders: { Origin: PAGE, 'X-Extra': '1' } })));
    expect(xs.find((x) => x.actualEntry === 2)!.pairing.method).toBe('preflight-not-captured');
  });
  test('a preflight whose actual request never appears stands alone, judged on its own', () => {
    const [x] = cors(har(preflight(URL_, 'PUT', { status: 403, headers: {} })));
    expect(x.pairing.method).toBe('preflight-only');
    expect(x.verdict).toBe('blocked');
    expect(x.corsError).toBe('PreflightMissingAllowOriginHeader');
  });
  test('live capture: the actual request arriving later joins the waiting preflight exchange (same id)', () => {
    const analyzer = createAnalyzer();
    const [first] = analyzer.add([okPreflight(3)]);
    const [second] = analyzer.add([put(0)]);
    expect(second.id).toBe(first.id);
    expect(second.pairing.method).toBe('matched');
    expect(analyzer.exchanges()).toHaveLength(1);
  });
  test('the status-0 request Chrome never sent takes its origin from Referer', () => {
    const blocked = entry({ method: 'PUT', url: URL_, status: 0, requestHeaders: { Referer: `${PAGE}/app`, 'Content-Type': 'text/plain' }, resourceType: 'fetch', error: 'net::ERR_FAILED' });
    const [x] = cors(har(blocked, preflight(URL_, 'PUT', { headers: { 'Access-Control-Allow-Origin': PAGE } })));
    expect(x.origin).toBe(PAGE);
    expect(x.originFrom).toBe('referer-header');
    expect(x.corsError).toBe('MethodDisallowedByPreflightResponse');
    expect(x.pageStatus).toBe(0);
  });
});

describe('classification', () => {
  test.each([
    ['same-origin', entry({ url: `${PAGE}/x`, requestHeaders: { Origin: PAGE } }), 'same-origin request'],
    ['navigation', entry({ url: `${API}/`, requestHeaders: { 'Sec-Fetch-Mode': 'navigate' } }), 'navigation'],
    ['no-cors', entry({ url: `${API}/a.png`, requestHeaders: { 'Sec-Fetch-Mode': 'no-cors', Referer: PAGE } }), 'no-cors'],
    ['no Origin at all', entry({ url: `${API}/a` }), 'no Origin header'],
  ])('%s is not CORS', (_what, e, reason) => {
    const [x] = analyzeHar(har(e)).exchanges;
    expect(x.kind).toBe('not-cors');
    expect(x.verdict).toBe('not-cors');
    expect(x.notCorsReason).toContain(reason);
  });
});

describe('streaming (settle)', () => {
  test('settled exchanges come out once the watermark passes them, and later cache hits still pair', () => {
    const analyzer = createAnalyzer();
    analyzer.add([put(0), okPreflight(2, '600')]);
    expect(analyzer.settle(T0 + 1_000)).toEqual([]);
    const settled = analyzer.settle(T0 + 10_000);
    expect(settled.map((x) => x.pairing.method)).toEqual(['matched']);
    expect(analyzer.exchanges()).toEqual([]);
    const [later] = analyzer.add([put(60_000)]);
    expect(later.pairing).toMatchObject({ method: 'preflight-cache', cachedBy: 1 });
  });
});

describe('exchanges() order under live updates', () => {
  test('stays in start-time order whatever the arrival order, and is a new array after each change', () => {
    const analyzer = createAnalyzer();
    analyzer.add([put(10_000)]);
    const first = analyzer.exchanges();
    analyzer.add([put(20_000)]);
    const second = analyzer.exchanges();
    expect(second).not.toBe(first);
    analyzer.add([okPreflight(20_003), put(5_000)]);
    const all = analyzer.exchanges();
    expect(all.map((x) => x.startedMs)).toEqual([...all.map((x) => x.startedMs)].sort((a, b) => a - b));
    expect(all).toHaveLength(3);
    expect(analyzer.exchanges()).toBe(all);
  });
});

describe('live capture: entries handed over out of start-time order', () => {
  test('a request that arrived before an earlier preflight is served from the cache within the max-age, and only within it', () => {
    const analyzer = createAnalyzer();
    analyzer.add([put(4_000), put(30_000)]);
    const changed = analyzer.add([okPreflight(2)]);
    const byEntry = (i: number) => analyzer.exchanges().find((x) => x.actualEntry === i)!;
    expect(byEntry(0).pairing).toMatchObject({ method: 'preflight-cache', cachedBy: 2 });
    expect(byEntry(1).pairing.method).toBe('preflight-not-captured');
    expect(changed.map((x) => x.actualEntry)).toContain(0);
  });
  test('the preflight cache entry is the preflight that started last, whichever arrived last', () => {
    const analyzer = createAnalyzer();
    analyzer.add([okPreflight(1_000, '600')]);
    analyzer.add([okPreflight(0, '600')]);
    const [x] = analyzer.add([put(10_000)]);
    expect(x.pairing).toMatchObject({ method: 'preflight-cache', cachedBy: 0 });
  });
  test('a request Chromium never sent is linked to the same request sent last while it was pending', () => {
    const get = (started: number, sent: boolean) =>
      entry({ url: URL_, started, time: 1_000, status: sent ? 200 : 0, requestHeaders: { Origin: PAGE }, responseHeaders: sent ? { 'Access-Control-Allow-Origin': PAGE } : {}, resourceType: 'fetch', error: sent ? null : 'net::ERR_FAILED' });
    const analyzer = createAnalyzer();
    analyzer.add([get(500, true)]);
    analyzer.add([get(0, true)]);
    analyzer.add([get(100, false)]);
    expect(analyzer.exchanges().find((x) => x.actualEntry === 2)!.unknownReason).toContain('another request in the capture (request 1) sent the same one');
  });
});
