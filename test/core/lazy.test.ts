// Issue 15: the verdict is eager, the explanation (checklist rows, summary, fingerprints, hints) is computed when
// first read — and every consumer still sees plain fields: JSON, spreads, structuredClone, deep equality.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyzeHar, attachHints, createAnalyzerCore } from '../../src/core';
import type { ExchangeReport } from '../../src/core';
import { defineLazy, lazyField, lazySource, settleLazy } from '../../src/core/lazy';

const demo = readFileSync(new URL('../fixtures/demo/chromium-demo.har', import.meta.url), 'utf8');
const EXPLANATION = ['checks', 'summary', 'fingerprints', 'hints'] as const;
const isAccessor = (x: object, key: string) => typeof Object.getOwnPropertyDescriptor(x, key)?.get === 'function';

function fresh(): ExchangeReport[] {
  return analyzeHar(demo).exchanges.filter((x) => x.kind === 'cors');
}

describe('the explanation is built when first read', () => {
  test('before anything reads it, checks and summary (and, when blocked, fingerprints and hints) are accessors, not values', () => {
    const xs = analyzeHar(demo, { apis: false }).exchanges.filter((x) => x.kind === 'cors');
    const blocked = xs.find((x) => x.verdict === 'blocked')!;
    const allowed = xs.find((x) => x.verdict === 'allowed')!;
    for (const key of EXPLANATION) expect(isAccessor(blocked, key), key).toBe(true);
    expect(isAccessor(allowed, 'checks')).toBe(true);
    expect(isAccessor(allowed, 'summary')).toBe(true);
    // An allowed exchange has nothing to fix: its empty hints are plain data.
    expect(isAccessor(allowed, 'hints')).toBe(false);
    // The verdict fields are data.
    for (const key of ['verdict', 'corsError', 'failedParameter', 'hiddenStatus', 'allFailures'] as const) expect(isAccessor(blocked, key), key).toBe(false);
  });

  test('every exchange shares one accessor per field (one hidden class, not a closure per object)', () => {
    const [a, b] = fresh().filter((x) => x.verdict === 'blocked');
    for (const key of EXPLANATION) expect(Object.getOwnPropertyDescriptor(a, key)!.get).toBe(Object.getOwnPropertyDescriptor(b, key)!.get);
  });

  test('a value is computed once: the same array on every read', () => {
    const x = fresh().find((y) => y.verdict === 'blocked')!;
    expect(x.checks).toBe(x.checks);
    expect(x.hints).toBe(x.hints);
    expect(x.fingerprints).toBe(x.fingerprints);
    expect(x.checks.some((r) => r.corsError === x.corsError)).toBe(true);
    expect(x.hints.length).toBeGreaterThan(0);
    expect(x.summary).toMatch(/^Blocked/);
  });

  test('JSON, spreads and structuredClone see the fields in their place, with the same values', () => {
    const x = fresh().find((y) => y.verdict === 'blocked')!;
    const keys = Object.keys(x);
    expect(keys.slice(keys.indexOf('credentials'))).toEqual(['credentials', 'checks', 'browser', 'summary', 'fingerprints', 'hints']);
    const copy = { ...x };
    for (const key of EXPLANATION) expect(isAccessor(copy, key)).toBe(false);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(x));
    expect(structuredClone(x)).toEqual(copy);
    expect(JSON.parse(JSON.stringify(x)).hints).toEqual(x.hints);
  });

  test('the explanation is the one an eager reading gives: fingerprints and hints equal the hint engine run on a plain copy', () => {
    const analyzer = createAnalyzerCore();
    analyzer.add(JSON.parse(demo).log.entries);
    const withHints = analyzeHar(demo).exchanges;
    for (const bare of analyzer.exchanges().filter((x) => x.verdict === 'blocked')) {
      const entry = (i: number | null) => (i === null ? null : analyzer.entry(i) ?? null);
      const full = attachHints({ ...bare }, entry(bare.preflightEntry), entry(bare.actualEntry));
      const lazy = withHints.find((x) => x.id === bare.id)!;
      expect(lazy.hints).toEqual(full.hints);
      expect(lazy.fingerprints).toEqual(full.fingerprints);
      expect(lazy.checks).toEqual(bare.checks);
      expect(lazy.summary).toBe(bare.summary);
    }
  });

  test('assigning a lazy field replaces its value, as with a data property', () => {
    const x = fresh().find((y) => y.verdict === 'blocked')! as { -readonly [K in keyof ExchangeReport]: ExchangeReport[K] };
    x.hints = [];
    expect(x.hints).toEqual([]);
    expect(JSON.parse(JSON.stringify(x)).hints).toEqual([]);
  });
});

describe('lazy fields (src/core/lazy.ts)', () => {
  const seen: string[] = [];
  const DOUBLE = lazyField('double', 'n', (_t, n: number) => {
    seen.push('double');
    return n * 2;
  });
  const PAIR_A = lazyField('a', 'n', (t, n: number) => {
    seen.push('pair');
    settleLazy(t, 'b', n + 1);
    return n;
  });
  const PAIR_B = lazyField('b', 'n', (t, n: number) => {
    seen.push('pair');
    settleLazy(t, 'a', n);
    return n + 1;
  });

  test('computes on first read only, and a computation may fill its siblings', () => {
    seen.length = 0;
    const o: Record<string, unknown> = { first: 1 };
    lazySource(o, 'n', 20);
    defineLazy(o, DOUBLE);
    defineLazy(o, PAIR_A);
    defineLazy(o, PAIR_B);
    o.last = 2;
    expect(seen).toEqual([]);
    expect(o.b).toBe(21);
    expect(o.a).toBe(20);
    expect(seen).toEqual(['pair']);
    expect(JSON.stringify(o)).toBe('{"first":1,"double":40,"a":20,"b":21,"last":2}');
    expect(seen).toEqual(['pair', 'double']);
  });

  test('defining a field again starts it afresh', () => {
    const o: Record<string, unknown> = {};
    lazySource(o, 'n', 1);
    defineLazy(o, DOUBLE);
    expect(o.double).toBe(2);
    lazySource(o, 'n', 5);
    defineLazy(o, DOUBLE);
    expect(o.double).toBe(10);
  });
});
