// The request list kept up to date burst by burst (issue 15): the analyser says which exchanges a burst created or
// changed, and each derived list (the exchanges in start order, the rows the filters let through, the lines of
// repeats, the blocked count) takes just those changes, each found by binary search in a list kept in one order.
// A derived list falls back to working from scratch whenever what it was built from is not the base of a change
// (a filter or setting changed, the store was rebuilt, a test set `exchanges` by hand).
import type { ExchangeReport } from '../core/analysis';

/** One change to a list: `old` (if any) leaves it, `x` (if any) joins it. */
export interface Change {
  readonly old: ExchangeReport | undefined;
  readonly x: ExchangeReport | undefined;
}

/**
 * How each list a store published derives from the one before, for the last few: a derived list that missed some
 * (it is worked out when read, and a render may come after several bursts) applies them in turn. Bounded, so that
 * old lists are not kept alive through their successors.
 */
export interface DeltaLog<T> {
  push(base: T, next: T, changes: readonly Change[]): void;
  /** The changes from `from` to `to`, in order; undefined when they are not all in the log. */
  between(from: T, to: T): readonly Change[] | undefined;
}

export function createDeltaLog<T>(keep = 16): DeltaLog<T> {
  const log: Array<{ base: T; next: T; changes: readonly Change[] }> = [];
  return {
    push(base, next, changes) {
      log.push({ base, next, changes });
      if (log.length > keep) log.shift();
    },
    between(from, to) {
      let at = log.findIndex((d) => d.base === from);
      if (at < 0) return undefined;
      const changes: Change[] = [];
      for (let current = from; at < log.length && log[at]!.base === current; at++) {
        for (const c of log[at]!.changes) changes.push(c);
        current = log[at]!.next;
        if (current === to) return changes;
      }
      return undefined;
    },
  };
}

/**
 * The list's order: start time, then the analyser's numbering (the core's ids are `x<entry index>`; it sorts
 * exchanges the same way, src/core/analyzer.ts `exchanges()`). Ids of another form (test doubles) are numbered in the
 * order they are first seen, which is the order a stable sort by start time keeps for them.
 */
export interface ListOrder {
  compare(a: ExchangeReport, b: ExchangeReport): number;
  /** Numbers ids not seen yet, in the order given (call it with a list in its display order). */
  learn(xs: readonly ExchangeReport[]): void;
  reset(): void;
}

export function createListOrder(): ListOrder {
  const ties = new Map<string, number>();
  let seq = 0;
  const tie = (id: string): number => {
    let t = ties.get(id);
    if (t === undefined) {
      t = /^x\d+$/.test(id) ? Number(id.slice(1)) : 2 ** 52 + seq++;
      ties.set(id, t);
    }
    return t;
  };
  return {
    compare: (a, b) => a.startedMs - b.startedMs || tie(a.id) - tie(b.id),
    learn(xs) {
      for (const x of xs) tie(x.id);
    },
    reset() {
      ties.clear();
      seq = 0;
    },
  };
}

/** Where `x` is in `list` (sorted by `compare`), or where it would go: the first index not before it. */
export function lowerBound<T>(list: readonly T[], x: ExchangeReport, key: (item: T) => ExchangeReport, compare: ListOrder['compare']): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(key(list[mid]!), x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const self = (x: ExchangeReport) => x;

/** Whether a sorted list holds `x` (by id, at its place in the order). */
export function hasSorted(list: readonly ExchangeReport[], x: ExchangeReport, compare: ListOrder['compare']): boolean {
  return list[lowerBound(list, x, self, compare)]?.id === x.id;
}

/** Removes `x` (found by id at its place in the order) from a sorted list; false when it is not there. */
export function removeSorted(list: ExchangeReport[], x: ExchangeReport, compare: ListOrder['compare']): boolean {
  const at = lowerBound(list, x, self, compare);
  if (list[at]?.id !== x.id) return false;
  list.splice(at, 1);
  return true;
}

/** Inserts `x` at its place in a sorted list (at the end, the usual case, without searching). */
export function insertSorted(list: ExchangeReport[], x: ExchangeReport, compare: ListOrder['compare']): void {
  const last = list[list.length - 1];
  if (last === undefined || compare(last, x) < 0) list.push(x);
  else list.splice(lowerBound(list, x, self, compare), 0, x);
}

/** Applies one change to a sorted list: `old` leaves (if it is there), `x` joins; in place when it keeps the place. */
export function applyChange(list: ExchangeReport[], change: Change, compare: ListOrder['compare']): void {
  const { old, x } = change;
  if (old !== undefined && x !== undefined && compare(old, x) === 0) {
    const at = lowerBound(list, old, self, compare);
    if (list[at]?.id === old.id) {
      list[at] = x;
      return;
    }
  }
  if (old !== undefined) removeSorted(list, old, compare);
  if (x !== undefined) insertSorted(list, x, compare);
}
