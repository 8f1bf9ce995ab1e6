import { describe, expect, test } from 'vitest';
import type { ExchangeReport } from '../../src/core/analysis';
import { applyClear, applyEntries, applyMoveSelection, applyNavigated, applySelect, createPanelStore } from '../../src/ui/store';
import { createFakeAnalyzer, report } from './support/fake-analyzer';

const blocked = (id: string, startedMs = 0) =>
  ({ report: report({ id, startedMs, verdict: 'blocked', corsError: 'MissingAllowOriginHeader', pageStatus: 0 }) });
const allowed = (id: string, startedMs = 0) => ({ report: report({ id, startedMs }) });
const notCors = (id: string, startedMs = 0) => ({ report: report({ id, startedMs, kind: 'not-cors', verdict: 'not-cors' }) });

describe('createPanelStore / applyEntries', () => {
  test('shows CORS exchanges by default, in start order', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('b', 2), blocked('a', 1), notCors('c', 3)]);
    expect(store.visible.value.map((x) => x.id)).toEqual(['a', 'b']);
    expect(store.blockedCount.value).toBe(1);
  });

  test('quick filters: Blocked, All CORS, Everything', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('b', 2), blocked('a', 1), notCors('c', 3)]);
    store.quickFilter.value = 'blocked';
    expect(store.visible.value.map((x) => x.id)).toEqual(['a']);
    store.quickFilter.value = 'all';
    expect(store.visible.value.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  test('the filter box matches URL, method, status and error name; -term excludes', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('ok', 1), blocked('bad', 2)]);
    store.filterText.value = 'missingallow';
    expect(store.visible.value.map((x) => x.id)).toEqual(['bad']);
    store.filterText.value = 'get 8702/ok';
    expect(store.visible.value.map((x) => x.id)).toEqual(['ok']);
    store.filterText.value = '-bad';
    expect(store.visible.value.map((x) => x.id)).toEqual(['ok']);
  });

  test('sorts newest first on demand', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('x', 1), allowed('y', 2)]);
    store.newestFirst.value = true;
    expect(store.visible.value.map((x) => x.id)).toEqual(['y', 'x']);
  });

  test('ignores entries while recording is paused', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    store.recording.value = false;
    applyEntries(store, [allowed('x')]);
    expect(store.exchanges.value).toEqual([]);
  });

  test('keeps memory bounded: drops the oldest entries past the cap and counts them', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer(), maxEntries: 10, trimTo: 6 });
    applyEntries(store, Array.from({ length: 8 }, (_, i) => allowed(`e${i}`, i)));
    expect(store.dropped.value).toBe(0);
    applyEntries(store, Array.from({ length: 4 }, (_, i) => allowed(`f${i}`, 10 + i)));
    expect(store.dropped.value).toBe(6);
    expect(store.raw).toHaveLength(6);
    expect(store.exchanges.value.map((x) => x.id)).toEqual(['e6', 'e7', 'f0', 'f1', 'f2', 'f3']);
  });

  test('lists entries the core could not read as problems', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [{ bad: true }, allowed('x')]);
    expect(store.problems.value).toHaveLength(1);
  });
});

describe('navigation and clear', () => {
  test('navigation clears the list unless Preserve log is on', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('x')]);
    store.preserveLog.value = true;
    applyNavigated(store);
    expect(store.exchanges.value).toHaveLength(1);
    store.preserveLog.value = false;
    applyNavigated(store);
    expect(store.exchanges.value).toHaveLength(0);
  });

  test('clear empties list, problems, selection and the dropped count', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('x'), { bad: true }]);
    applySelect(store, 'x');
    applyClear(store);
    expect([store.exchanges.value.length, store.problems.value.length, store.selectedId.value]).toEqual([0, 0, null]);
  });
});

describe('applyMoveSelection', () => {
  test('moves within the visible rows and stops at the ends', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('a', 1), allowed('b', 2), allowed('c', 3)]);
    applyMoveSelection(store, 1);
    expect(store.selectedId.value).toBe('a');
    applyMoveSelection(store, 5);
    expect(store.selectedId.value).toBe('c');
    applyMoveSelection(store, -1);
    expect(store.selectedId.value).toBe('b');
  });
});

describe('repeats of one call are one line with a count, like the Console (issue 18)', () => {
  const URL = 'http://127.0.0.1:8702/v1/items';
  const retry = (id: string, startedMs: number, over: Partial<ExchangeReport> = {}) =>
    ({ report: report({ id, startedMs, url: URL, verdict: 'blocked', corsError: 'HeaderDisallowedByPreflightResponse', pageStatus: 0, ...over }) });
  const lines = (store: ReturnType<typeof createPanelStore>) => store.list.value.rows.map((r) => `${r.x.id}×${r.count}`);

  test('one line per call where its newest occurrence is; every exchange stays in the store', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [retry('r1', 1), allowed('ok', 2), retry('r2', 3), retry('r3', 4)]);
    expect(lines(store)).toEqual(['ok×1', 'r3×3']);
    expect(store.list.value.rows[1]!.firstMs).toBe(1);
    expect(store.visible.value).toHaveLength(4);
    expect(store.exchanges.value).toHaveLength(4);
    store.newestFirst.value = true;
    expect(lines(store)).toEqual(['r3×3', 'ok×1']);
  });

  test('another verdict, failure, method, URL, page origin, status or preflight is another line', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [
      retry('a', 1),
      retry('status', 1.5, { pageStatus: 500 }),
      retry('cached', 1.7, { pairing: { method: 'preflight-cache', detail: '' } }),
      retry('failure', 2, { corsError: 'MissingAllowOriginHeader' }),
      retry('verdict', 3, { verdict: 'allowed', corsError: null }),
      retry('method', 4, { method: 'PUT' }),
      retry('url', 5, { url: `${URL}?page=2` }),
      retry('origin', 6, { origin: 'http://127.0.0.1:9999' }),
      retry('b', 7),
    ]);
    expect(lines(store)).toEqual(['status×1', 'cached×1', 'failure×1', 'verdict×1', 'method×1', 'url×1', 'origin×1', 'b×2']);
  });

  test('the filters apply first: a line counts only the occurrences shown', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [retry('r1', 1), retry('r2', 2, { corsError: 'MissingAllowOriginHeader' }), retry('r3', 3)]);
    store.filterText.value = 'headerdisallowed';
    expect(lines(store)).toEqual(['r3×2']);
  });

  test('"Group repeats" off: every exchange is a line of its own', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [retry('r1', 1), retry('r2', 2)]);
    store.groupRepeats.value = false;
    expect(lines(store)).toEqual(['r1×1', 'r2×1']);
  });

  test('arrow keys move by lines; a line of repeats opens its newest, and the occurrence opened stays selected as retries arrive', () => {
    const store = createPanelStore({ analyzer: createFakeAnalyzer() });
    applyEntries(store, [allowed('first', 0), retry('r1', 1), retry('r2', 2), allowed('last', 3)]);
    applyMoveSelection(store, 1);
    expect(store.selectedId.value).toBe('first');
    applyMoveSelection(store, 1);
    expect(store.selectedId.value).toBe('r2');
    applyEntries(store, [retry('r3', 4)]);
    expect(lines(store)).toEqual(['first×1', 'last×1', 'r3×3']);
    expect(store.selected.value?.id).toBe('r2');
    expect(store.list.value.lineOf(store.selected.value!)).toBe(2);
    applyMoveSelection(store, -1);
    expect(store.selectedId.value).toBe('last');
  });
});
