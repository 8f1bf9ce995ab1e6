import { describe, expect, test } from 'vitest';
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
