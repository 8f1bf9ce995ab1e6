// The panel's live source copies each hub event into its own realm: the copy must be what a JSON round trip
// gives (the core and the exports see the same values either way), made of this realm's objects.
import { readFileSync, readdirSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { copyJson, createHubSource } from '../../extension/panel/hub-source';
import type { CaptureHub } from '../../extension/handover';
import type { SourceEvent } from '../../src/ui/source';
import { API, PAGE, entry } from '../support/har-builder';

const jsonCopy = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe('copyJson', () => {
  test('gives what a JSON round trip gives on recorded captures (the demo HAR, the AWS fixtures)', () => {
    const dir = 'test/fixtures/aws';
    const files = ['test/fixtures/demo/chromium-demo.har', ...readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`)];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const captured = JSON.parse(readFileSync(f, 'utf8')) as unknown;
      expect(copyJson(captured)).toStrictEqual(jsonCopy(captured));
    }
  });

  test('keeps JSON rules for values JSON cannot carry', () => {
    const odd = {
      nan: NaN, inf: -Infinity, negZero: -0, gone: undefined, fn: () => 1,
      list: [undefined, () => 1, NaN, 1, 'a', null, true], date: new Date(0), nested: { deeper: [{ x: undefined, y: 2 }] },
    };
    expect(copyJson(odd)).toStrictEqual(jsonCopy(odd));
    expect(Object.is((copyJson({ z: -0 }) as { z: number }).z, 0)).toBe(true);
    const proto = JSON.parse('{"__proto__": {"polluted": 1}, "a": 1}') as unknown;
    const copy = copyJson(proto) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect(copy).toStrictEqual(jsonCopy(proto));
  });

  test('an event of another realm becomes objects and arrays of this one, not the same objects', () => {
    const foreign = runInNewContext('({ type: "entries", entries: [{ request: { headers: [{ name: "Origin", value: "x" }] } }] })') as {
      entries: Array<{ request: { headers: unknown[] } }>;
    };
    expect(foreign.entries instanceof Array).toBe(false);
    const copy = copyJson(foreign) as typeof foreign;
    expect(copy.entries instanceof Array).toBe(true);
    expect(copy.entries[0]!.request.headers instanceof Array).toBe(true);
    expect(Object.getPrototypeOf(copy.entries[0])).toBe(Object.prototype);
    expect(copy.entries[0]).not.toBe(foreign.entries[0]);
    expect(copy).toStrictEqual(jsonCopy(foreign));
  });
});

describe('createHubSource', () => {
  test('hands each hub event over as a copy, to listeners connected before or after the hub attaches', () => {
    const e = entry({ url: `${API}/a`, requestHeaders: { Origin: PAGE }, status: 200, responseHeaders: { 'Access-Control-Allow-Origin': PAGE } });
    const event: SourceEvent = { type: 'entries', entries: [e] };
    let emit: ((ev: SourceEvent) => void) | null = null;
    const hub: CaptureHub = { source: 'cors-lens-capture', connect: (l) => ((emit = l), () => (emit = null)), backfill: async () => {}, stats: () => ({ entries: 0, dropped: 0, duplicates: 0 }) };
    const source = createHubSource();
    const got: SourceEvent[] = [];
    const stop = source.connect((ev) => got.push(ev));
    source.attach(hub);
    emit!(event);
    expect(got).toStrictEqual([event]);
    expect(got[0]).not.toBe(event);
    expect((got[0] as { entries: readonly unknown[] }).entries[0]).not.toBe(e);
    stop();
    expect(emit).toBeNull();
  });
});
