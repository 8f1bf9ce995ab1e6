import { describe, expect, test } from 'vitest';
import { analyzeHar, readHar } from '../../../src/core';
import { API, PAGE, entry, har } from '../../support/har-builder';

describe('reading HAR 1.2', () => {
  test('header names are case-insensitive and repeated headers combine as the Fetch "get" does', () => {
    const e = entry({ url: API, requestHeaders: { ORIGIN: PAGE }, responseHeaders: { 'access-control-allow-origin': [PAGE, PAGE] } });
    const [x] = analyzeHar(har(e)).exchanges;
    expect([x.corsError, x.failedParameter]).toEqual(['MultipleAllowOriginValues', `${PAGE}, ${PAGE}`]);
  });
  test.each([
    ['not JSON', 'hello', /not JSON/],
    ['truncated', '{"log":{"entries":[{"request":', /truncated/],
    ['not a HAR', '{"foo":1}', /no "log" object/],
    ['entries missing', '{"log":{}}', /"log.entries" is missing/],
  ])('%s: one clear problem for the file', (_what, text, message) => {
    const r = readHar(text);
    expect(r.entries).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: 'error', entry: null });
    expect(r.problems[0].message).toMatch(message);
  });
  test('a bad entry is reported by index and field and skipped; the others are analysed', () => {
    const good = entry({ url: API, requestHeaders: { Origin: PAGE } });
    const noUrl = { request: { method: 'GET', headers: [] }, response: {} };
    const badHeader = entry({ url: API, requestHeaders: { Origin: PAGE } });
    ((badHeader.response as { headers: unknown[] }).headers).push({ name: 'x', value: { nested: true } }, 'junk');
    const r = analyzeHar(har(good, noUrl, badHeader, 42 as never));
    expect(r.exchanges.map((x) => x.actualEntry)).toEqual([0, 2]);
    expect(r.input.skipped).toBe(2);
    expect(r.problems.map((p) => [p.entry, p.field, p.severity])).toEqual([
      [1, 'request.url', 'error'],
      [2, 'response.headers[0].value', 'warning'],
      [2, 'response.headers[1]', 'warning'],
      [3, null, 'error'],
    ]);
  });
  test('an absurd header value is cut and reported, not kept whole', () => {
    const e = entry({ url: API, requestHeaders: { Origin: PAGE }, responseHeaders: { 'X-Huge': 'a'.repeat(200_000) } });
    const r = readHar(har(e));
    expect(r.entries[0].responseHeaders[0][1]).toHaveLength(64 * 1024);
    expect(r.problems[0]).toMatchObject({ entry: 0, field: 'response.headers[0].value', severity: 'warning' });
  });
  test('flavours: Chromium fields, Firefox creator, plain', () => {
    expect(readHar(har(entry({ resourceType: 'fetch' }))).flavour).toBe('chromium');
    expect(readHar({ log: { creator: { name: 'Firefox' }, entries: [entry()] } }).flavour).toBe('firefox');
    expect(readHar(har(entry())).flavour).toBe('other');
  });
});
