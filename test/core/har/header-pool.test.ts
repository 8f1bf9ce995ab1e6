import { describe, expect, test } from 'vitest';
import { readHar } from '../../../src/core';
import { createHeaderPool } from '../../../src/core/har/header-pool';
import { API, PAGE, entry, har } from '../../support/har-builder';

describe('header pool (issue 15: entries share their repeated header lines)', () => {
  test('two entries with the same line get the same pair, its name lower-cased; different lines get their own', () => {
    const r = readHar(har(
      entry({ url: API, requestHeaders: { Origin: PAGE, 'X-Id': '1' } }),
      entry({ url: API, requestHeaders: { ORIGIN: PAGE, 'X-Id': '2' } }),
    ));
    const [a, b] = r.entries.map((e) => e.requestHeaders);
    const origin = (list: typeof a) => list.find(([n]) => n === 'origin')!;
    const id = (list: typeof a) => list.find(([n]) => n === 'x-id')!;
    expect(origin(a)).toEqual(['origin', PAGE]);
    expect(origin(b)).toEqual(['origin', PAGE]);
    // `Origin` and `ORIGIN` are different names as written: each its own slot, the same lower-cased line.
    expect(id(a)).toEqual(['x-id', '1']);
    expect(id(b)).toEqual(['x-id', '2']);
    expect(id(a)).not.toBe(id(b));
    const sameName = readHar(har(entry({ url: API, requestHeaders: { Origin: PAGE } }), entry({ url: API, requestHeaders: { Origin: PAGE } })));
    expect(origin(sameName.entries[0].requestHeaders)).toBe(origin(sameName.entries[1].requestHeaders));
  });

  test('a name that keeps changing value stops being pooled after 64 values; the values stay right', () => {
    const pool = createHeaderPool();
    const first = pool.pair('Date', 'd3');
    expect(pool.pair('Date', 'd3')).toBe(first);
    const pairs = Array.from({ length: 100 }, (_, i) => pool.pair('Date', `d${i}`));
    expect(pairs.map(([, v]) => v)).toEqual(Array.from({ length: 100 }, (_, i) => `d${i}`));
    expect(pairs[3]).toBe(first);
    // Past the bound a line gets a fresh pair, even one seen before the bound was reached.
    expect(pool.pair('Date', 'd80')).not.toBe(pairs[80]);
    expect(pool.pair('Date', 'd3')).not.toBe(pairs[3]);
    expect(pool.pair('Date', 'd3')).toEqual(['date', 'd3']);
  });

  test('long values are never pooled', () => {
    const pool = createHeaderPool();
    const long = 'x'.repeat(513);
    expect(pool.pair('Authorization', long)).not.toBe(pool.pair('Authorization', long));
    expect(pool.pair('Authorization', long)).toEqual(['authorization', long]);
  });
});
