// The panel's state: a small signals store (preact-devtools style). Events are applied with
// applyX(store, event); everything derived (visible rows, counts, the selection) is `computed`.
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Analyzer } from '../core/analyze';

/** The part of the core's Analyzer the panel uses (a fake one in component tests). */
export type PanelAnalyzer = Pick<Analyzer, 'add' | 'exchanges' | 'problems' | 'entry' | 'clear'>;
import type { ExchangeReport, InputProblem, ObservedEntry, Toolchain } from '../core/types';
import type { ThemeName } from './source';
import { matchesFilter, parseFilter } from './filter';

import { MAX_ENTRIES, TRIM_TO } from './limits';

export { MAX_ENTRIES, TRIM_TO };

export type QuickFilter = 'blocked' | 'cors' | 'all';

export interface PanelStore {
  readonly analyzer: PanelAnalyzer;
  /** Raw entries in arrival order; index i is the analyser's entry i. */
  readonly raw: unknown[];
  readonly exchanges: Signal<readonly ExchangeReport[]>;
  readonly problems: Signal<readonly InputProblem[]>;
  readonly dropped: Signal<number>;
  readonly selectedId: Signal<string | null>;
  readonly filterText: Signal<string>;
  readonly quickFilter: Signal<QuickFilter>;
  readonly newestFirst: Signal<boolean>;
  readonly recording: Signal<boolean>;
  readonly preserveLog: Signal<boolean>;
  readonly toolchain: Signal<Toolchain | null>;
  readonly theme: Signal<ThemeName>;
  readonly visible: ReadonlySignal<readonly ExchangeReport[]>;
  readonly selected: ReadonlySignal<ExchangeReport | null>;
  readonly blockedCount: ReadonlySignal<number>;
}

export interface PanelStoreOptions {
  analyzer: PanelAnalyzer;
  maxEntries?: number;
  trimTo?: number;
}

export function createPanelStore(options: PanelStoreOptions): PanelStore & { readonly maxEntries: number; readonly trimTo: number } {
  const exchanges = signal<readonly ExchangeReport[]>([]);
  const filterText = signal('');
  const quickFilter = signal<QuickFilter>('cors');
  const newestFirst = signal(false);
  const selectedId = signal<string | null>(null);
  const visible = computed(() => {
    const filter = parseFilter(filterText.value);
    const quick = quickFilter.value;
    const rows = exchanges.value.filter(
      (x) =>
        (quick === 'all' || (quick === 'cors' ? x.kind === 'cors' : x.verdict === 'blocked')) && matchesFilter(x, filter),
    );
    return newestFirst.value ? rows.reverse() : rows;
  });
  return {
    analyzer: options.analyzer,
    maxEntries: options.maxEntries ?? MAX_ENTRIES,
    trimTo: options.trimTo ?? TRIM_TO,
    raw: [],
    exchanges,
    problems: signal([]),
    dropped: signal(0),
    selectedId,
    filterText,
    quickFilter,
    newestFirst,
    recording: signal(true),
    preserveLog: signal(false),
    toolchain: signal(null),
    theme: signal('light'),
    visible,
    selected: computed(() => exchanges.value.find((x) => x.id === selectedId.value) ?? null),
    blockedCount: computed(() => exchanges.value.reduce((c, x) => c + (x.verdict === 'blocked' ? 1 : 0), 0)),
  };
}

type Store = ReturnType<typeof createPanelStore>;

/** New raw HAR entries from a source. Ignored while recording is paused. */
export function applyEntries(store: Store, entries: readonly unknown[]): void {
  if (!store.recording.value || entries.length === 0) return;
  store.raw.push(...entries);
  let changed = 0;
  if (store.raw.length > store.maxEntries) {
    const drop = store.raw.length - store.trimTo;
    store.raw.splice(0, drop);
    store.analyzer.clear();
    changed = store.analyzer.add(store.raw).length + 1;
    store.dropped.value += drop;
  } else {
    changed = safeAdd(store, entries);
  }
  if (changed > 0) refresh(store);
}

function safeAdd(store: Store, entries: readonly unknown[]): number {
  try {
    return store.analyzer.add(entries).length;
  } catch (error) {
    // The core promises never to throw on bad input; if it does, the panel keeps running and says so.
    console.error('CORS Lens: the analyser failed on an entry', error);
    return 1;
  }
}

function refresh(store: Store): void {
  batch(() => {
    store.exchanges.value = store.analyzer.exchanges();
    store.problems.value = [...store.analyzer.problems()];
    if (store.selectedId.value && !store.exchanges.value.some((x) => x.id === store.selectedId.value)) {
      store.selectedId.value = null;
    }
  });
}

/** The inspected page navigated: clear, like the Network panel, unless Preserve log is on. */
export function applyNavigated(store: Store): void {
  if (!store.preserveLog.value) applyClear(store);
}

export function applyClear(store: Store): void {
  store.analyzer.clear();
  store.raw.length = 0;
  batch(() => {
    store.exchanges.value = [];
    store.problems.value = [];
    store.dropped.value = 0;
    store.selectedId.value = null;
  });
}

export function applySelect(store: Store, id: string | null): void {
  store.selectedId.value = id;
}

/** Moves the selection by `delta` rows within the visible list (arrow keys). */
export function applyMoveSelection(store: Store, delta: number): void {
  const rows = store.visible.value;
  if (rows.length === 0) return;
  const at = rows.findIndex((x) => x.id === store.selectedId.value);
  const next = at === -1 ? (delta > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, at + delta));
  store.selectedId.value = rows[next]!.id;
}

/** The entry behind an exchange's preflight or actual request, as the core read it. */
export function entryOf(store: Store, index: number | null): ObservedEntry | undefined {
  return index === null ? undefined : store.analyzer.entry(index);
}

/** The raw HAR entry (for what ObservedEntry does not carry, like the request body). */
export function rawEntryOf(store: Store, index: number | null): unknown {
  return index === null ? undefined : store.raw[index];
}

export type { Store as PanelStoreWithLimits };
