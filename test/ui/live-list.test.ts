// The request list kept burst by burst (issue 15) must show exactly what working it out from scratch shows: after
// every burst of a shuffled live capture, and across filter, quick-filter, order and grouping changes, the store's
// exchanges, rows, lines of repeats and blocked count are compared with the analyser's list and with groupRepeats.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { createAnalyzerCore, type ExchangeReport } from '../../src/core/analysis';
import { matchesFilter, narrows, parseFilter } from '../../src/ui/filter';
import { createDeltaLog } from '../../src/ui/live-list';
import { applyEntries, applyReplace, createPanelStore, groupRepeats, type ListLines, type PanelStoreWithLimits } from '../../src/ui/store';

/** A small seeded generator (mulberry32), so a failure repeats. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entry = { startedDateTime: string; request: { url: string } };

/** The AWS truth captures, each called again every few seconds (repeats to group), some of them retried with a query. */
function traffic(rounds: number): Entry[] {
  const dir = 'test/fixtures/aws';
  const units = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => (JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { har: { log: { entries: Entry[] } } }).har.log.entries);
  const out: Entry[] = [];
  for (let r = 0; r < rounds; r++) {
    units.forEach((entries, u) => {
      for (const e of entries) {
        const copy = JSON.parse(JSON.stringify(e)) as Entry;
        copy.startedDateTime = new Date(Date.parse(e.startedDateTime) - Date.parse(entries[0]!.startedDateTime) + Date.UTC(2026, 0, 1) + r * 5000 + u * 20).toISOString();
        if (r % 3 === 2 && u % 4 === 0) copy.request.url += (copy.request.url.includes('?') ? '&' : '?') + `r=${r}`;
        out.push(copy);
      }
    });
  }
  return out;
}

/** Arrival order: mostly start order, with some entries late by up to `spread` places (finishing out of order). */
function shuffleNear<T>(xs: T[], rand: () => number, spread: number): T[] {
  const keyed = xs.map((x, i) => ({ x, k: i + (rand() < 0.3 ? rand() * spread : 0) }));
  return keyed.sort((a, b) => a.k - b.k).map((p) => p.x);
}

const ids = (xs: readonly ExchangeReport[]) => xs.map((x) => x.id);
const lines = (l: ListLines) => l.rows.map((r) => `${r.key} ${r.x.id} ×${r.count} ${r.firstMs}`);

/** What the store must show, worked out from scratch from the analyser's list. */
function expectFromScratch(store: PanelStoreWithLimits): void {
  const all = store.analyzer.exchanges();
  expect(ids(store.exchanges.value)).toEqual(ids(all));
  expect(store.exchanges.value).toEqual(all);
  const filter = parseFilter(store.filterText.value);
  const quick = store.quickFilter.value;
  const extra = store.searchExtra.value ?? undefined;
  const shown = all.filter((x) => (quick === 'all' || (quick === 'cors' ? x.kind === 'cors' : x.verdict === 'blocked')) && matchesFilter(x, filter, extra));
  if (store.newestFirst.value) shown.reverse();
  expect(ids(store.visible.value)).toEqual(ids(shown));
  expect(store.blockedCount.value).toBe(all.filter((x) => x.verdict === 'blocked').length);
  if (store.groupRepeats.value) {
    const expected = groupRepeats(shown, store.newestFirst.value);
    const got = store.list.value;
    expect(lines(got)).toEqual(lines(expected));
    for (const x of all.slice(-40)) expect(got.lineOf(x)).toBe(expected.lineOf(x));
  } else {
    expect(store.list.value.rows.map((r) => r.x.id)).toEqual(ids(shown));
  }
}

describe('the live list, burst by burst', () => {
  test('shows what working it out from scratch shows, after every burst and every change of filter, order and grouping', () => {
    const rand = random(15);
    const entries = shuffleNear(traffic(12), rand, 40);
    expect(entries.length).toBeGreaterThan(1000);
    const store = createPanelStore({ analyzer: createAnalyzerCore(), hintsOnDemand: true });
    // Settings changed along the way, at these bursts.
    const settings: Array<(s: PanelStoreWithLimits) => void> = [
      (s) => (s.quickFilter.value = 'all'),
      (s) => (s.filterText.value = 'blo'),
      (s) => (s.filterText.value = 'blocked'), // narrows: refined from the rows shown
      (s) => (s.newestFirst.value = true),
      (s) => (s.filterText.value = 'blocked -options'),
      (s) => (s.filterText.value = ''),
      (s) => (s.groupRepeats.value = false),
      (s) => (s.groupRepeats.value = true),
      (s) => (s.quickFilter.value = 'blocked'),
      (s) => (s.newestFirst.value = false),
      (s) => (s.quickFilter.value = 'cors'),
    ];
    let burst = 0;
    let changedOrder = 0;
    for (let i = 0; i < entries.length; burst++) {
      const n = 1 + Math.floor(rand() * 40);
      const known = new Set(ids(store.exchanges.value));
      applyEntries(store, entries.slice(i, i + n));
      i += n;
      if (burst % 9 === 4) settings[Math.floor(burst / 9) % settings.length]!(store);
      expectFromScratch(store);
      const now = ids(store.exchanges.value);
      let lastKnown = now.length - 1;
      while (lastKnown >= 0 && !known.has(now[lastKnown]!)) lastKnown--;
      if (now.slice(0, lastKnown).some((id) => !known.has(id))) changedOrder++;
    }
    expect(store.exchanges.value.length).toBeGreaterThan(500);
    // Late arrivals landed between rows already listed, not only at the end.
    expect(changedOrder).toBeGreaterThan(0);
  });

  test('a replaced entry and a trim rebuild the list, and bursts after them apply to the rebuilt one', () => {
    const entries = traffic(6);
    const store = createPanelStore({ analyzer: createAnalyzerCore(), hintsOnDemand: true, maxEntries: 400, trimTo: 300 });
    for (let i = 0; i < 200; i += 25) {
      applyEntries(store, entries.slice(i, i + 25));
      expectFromScratch(store);
    }
    const first = store.raw[3] as { response: { status: number; headers: unknown[] } };
    applyReplace(store, { ...first, response: { ...first.response, headers: [...first.response.headers, { name: 'x-more', value: '1' }] } });
    expectFromScratch(store);
    for (let i = 200; i < entries.length; i += 25) {
      applyEntries(store, entries.slice(i, i + 25));
      expectFromScratch(store);
    }
    expect(store.dropped.value).toBeGreaterThan(0);
  });

  test('a list set by hand is shown as it is, and the next burst starts from the analyser again', () => {
    const entries = traffic(2);
    const store = createPanelStore({ analyzer: createAnalyzerCore(), hintsOnDemand: true });
    applyEntries(store, entries.slice(0, 50));
    expectFromScratch(store);
    const some = store.exchanges.value.slice(0, 5);
    store.exchanges.value = some;
    expect(ids(store.visible.value)).toEqual(ids(some.filter((x) => x.kind === 'cors')));
    applyEntries(store, entries.slice(50, 80));
    expectFromScratch(store);
  });

  test('lists read after several bursts (a render that comes late) apply all of them', () => {
    const rand = random(7);
    const entries = shuffleNear(traffic(4), rand, 30);
    const store = createPanelStore({ analyzer: createAnalyzerCore(), hintsOnDemand: true });
    for (let i = 0, burst = 0; i < entries.length; burst++) {
      const n = 1 + Math.floor(rand() * 20);
      applyEntries(store, entries.slice(i, i + n));
      i += n;
      if (burst % 5 === 0) expectFromScratch(store); // read after every fifth burst only
    }
    expectFromScratch(store);
  });
});

describe('createDeltaLog', () => {
  test('gives the changes between two lists in order while they are all kept, else nothing', () => {
    const log = createDeltaLog<string>(3);
    const change = (id: string) => ({ old: undefined, x: { id } as ExchangeReport });
    log.push('a', 'b', [change('1')]);
    log.push('b', 'c', [change('2'), change('3')]);
    log.push('c', 'd', [change('4')]);
    expect(log.between('a', 'd')?.map((c) => c.x!.id)).toEqual(['1', '2', '3', '4']);
    expect(log.between('b', 'c')?.map((c) => c.x!.id)).toEqual(['2', '3']);
    expect(log.between('a', 'x')).toBeUndefined();
    log.push('d', 'e', []);
    expect(log.between('a', 'e')).toBeUndefined(); // 'a' → 'b' was dropped
    expect(log.between('b', 'e')?.length).toBe(3);
  });
});

describe('narrows', () => {
  test('typing on, or one more term, narrows; deleting, or a longer excluded term, does not', () => {
    const f = parseFilter;
    expect(narrows(f(''), f('a'))).toBe(true);
    expect(narrows(f('ap'), f('api'))).toBe(true);
    expect(narrows(f('api'), f('api get'))).toBe(true);
    expect(narrows(f('"api'), f('"api g'))).toBe(true);
    expect(narrows(f('api'), f('ap'))).toBe(false);
    expect(narrows(f('api get'), f('api'))).toBe(false);
    expect(narrows(f('-o'), f('-o x'))).toBe(true);
    expect(narrows(f('-op'), f('-o'))).toBe(true);
    expect(narrows(f('-o'), f('-op'))).toBe(false);
    expect(narrows(f('-o'), f(''))).toBe(false);
  });
});
