// The panel's state: a small signals store (preact-devtools style). Events are applied with
// applyX(store, event); everything derived (visible rows, counts, the selection) is `computed`.
import { batch, computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { Analyzer } from '../core/analysis';
import { createHarLogReader, type HarLogReader } from '../core/analysis';

/**
 * The part of the core's Analyzer the panel uses (a fake one in component tests). With `addObserved` (the real
 * core) the store reads each entry itself, so entry i of the analysis is always `store.raw[i]` — after a clear,
 * a trim or an import too — and an imported file's flavour (Firefox, from `log.creator`) reaches the reader.
 */
export type PanelAnalyzer = Pick<Analyzer, 'add' | 'exchanges' | 'problems' | 'entry' | 'clear'> & Partial<Pick<Analyzer, 'addObserved'>>;
import type { ExchangeReport, InputProblem, ObservedEntry, Toolchain } from '../core/analysis';
import type { RequestSource, ThemeName } from './source';
import { matchesFilter, parseFilter } from './filter';

import { MAX_ENTRIES, TRIM_TO } from './limits';

export { MAX_ENTRIES, TRIM_TO };

export type QuickFilter = 'blocked' | 'cors' | 'all';

export interface InputMeta {
  creator: { name: string; version: string; comment?: string } | null;
  pages: unknown[];
  /** Reads the raw entries (numbering, per-entry problems, the file's flavour from `log.creator` and its entries). */
  readonly reader: HarLogReader;
}

export interface ImportState {
  readonly fileName: string;
  readonly size: number;
  /** Bytes read so far. */
  readonly loaded: number;
  readonly status: 'reading' | 'done' | 'failed';
  /** Entries seen in the file, readable or not (known once reading ends). */
  readonly total: number;
  /** What stopped the file being read to the end (not JSON, not a HAR, truncated), if anything. */
  readonly fatal: string | null;
  /** Entries past the panel's cap, not loaded (an import keeps the first maxEntries; the CLI reads any size). */
  readonly notLoaded: number;
}

export interface PanelStore {
  readonly analyzer: PanelAnalyzer;
  /** The analyser leaves hints out (`createAnalyzerCore()`, or `createAnalyzer({ hints: false })`): the detail and exports compute them (lazy-hints.ts). */
  readonly hintsOnDemand: boolean;
  /** Raw entries in arrival order; index i is the analyser's entry i (ObservedEntry.index), so `{ log: { entries: raw } }` lines up with the analysis. */
  readonly raw: unknown[];
  /** What the current input says about itself (an imported file's `log.creator` and `log.pages`; nothing for live capture). */
  readonly input: InputMeta;
  /** The source the panel shows: null = the host's own (live capture); else an imported file. */
  readonly source: Signal<RequestSource | null>;
  /** Set while the panel shows an imported file. */
  readonly imported: Signal<ImportState | null>;
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
  /**
   * True when the analyser leaves hints out (the extension panel's createAnalyzerCore(), to keep the hint engine out of its start
   * bundle): hints are then computed when an exchange is shown or exported. False (default): the analyser's own.
   */
  hintsOnDemand?: boolean;
  maxEntries?: number;
  trimTo?: number;
}

interface StoreInternals {
  readonly maxEntries: number;
  readonly trimTo: number;
  /** Problems found while reading entries (the store reads them itself when the analyser has addObserved). */
  readProblems: InputProblem[];
}

export function createPanelStore(options: PanelStoreOptions): PanelStore & StoreInternals {
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
    hintsOnDemand: options.hintsOnDemand ?? false,
    maxEntries: options.maxEntries ?? MAX_ENTRIES,
    trimTo: options.trimTo ?? TRIM_TO,
    raw: [],
    input: { creator: null, pages: [], reader: createHarLogReader() },
    readProblems: [] as InputProblem[],
    source: signal<RequestSource | null>(null),
    imported: signal<ImportState | null>(null),
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

/** New raw HAR entries from a source. Ignored while recording is paused (an import is always read). */
export function applyEntries(store: Store, entries: readonly unknown[]): void {
  const imported = store.imported.value;
  if ((!store.recording.value && imported === null) || entries.length === 0) return;
  if (imported) {
    // An import keeps the first maxEntries: no trim-and-rebuild (seconds of analysis each time) while a big
    // file streams in; what is left out is counted and said.
    const room = Math.max(0, store.maxEntries - store.raw.length);
    if (room < entries.length) {
      store.imported.value = { ...imported, notLoaded: imported.notLoaded + entries.length - room };
      entries = entries.slice(0, room);
      if (entries.length === 0) return;
    }
  }
  const first = store.raw.length;
  for (const e of entries) store.raw.push(e); // not push(...entries): an import can hand over more than the call stack holds
  let changed = 0;
  if (store.raw.length > store.maxEntries) {
    const drop = store.raw.length - store.trimTo;
    store.raw.splice(0, drop);
    resetAnalysis(store);
    changed = safeAdd(store, 0, store.raw) + 1;
    store.dropped.value += drop;
  } else {
    changed = safeAdd(store, first, entries);
  }
  if (changed > 0) refresh(store);
}

/** Adds `entries` (which are `store.raw[first…]`) to the analysis; returns how many exchanges or problems changed. */
function safeAdd(store: Store, first: number, entries: readonly unknown[]): number {
  try {
    const analyzer = store.analyzer;
    if (!analyzer.addObserved) return analyzer.add(entries).length;
    const read = store.input.reader.read(entries, first);
    for (const p of read.problems) store.readProblems.push(p);
    return analyzer.addObserved(read.entries).length + read.problems.length;
  } catch (error) {
    // The core promises never to throw on bad input; if it does, the panel keeps running and says so.
    console.error('CORS Lens: the analyser failed on an entry', error);
    return 1;
  }
}

function resetAnalysis(store: Store): void {
  store.analyzer.clear();
  store.readProblems = [];
}

function refresh(store: Store): void {
  batch(() => {
    store.exchanges.value = store.analyzer.exchanges();
    store.problems.value = [...store.readProblems, ...store.analyzer.problems()];
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
  resetAnalysis(store);
  store.raw.length = 0;
  batch(() => {
    store.exchanges.value = [];
    store.problems.value = [];
    store.dropped.value = 0;
    store.selectedId.value = null;
  });
}

/** The panel switches to another source (an imported file, or back to live capture): everything starts afresh. */
export function applySourceReset(store: Store): void {
  store.input.creator = null;
  store.input.pages = [];
  store.input.reader.reset();
  applyClear(store);
}

/** Show an imported file (a RequestSource over it) instead of live capture. */
export function applyImport(store: Store, source: RequestSource, file: { name: string; size: number }): void {
  batch(() => {
    store.imported.value = { fileName: file.name, size: file.size, loaded: 0, status: 'reading', total: 0, fatal: null, notLoaded: 0 };
    store.source.value = source;
  });
}

/** Back to live capture (the host's source replays what it captured meanwhile). */
export function applyLiveCapture(store: Store): void {
  batch(() => {
    store.imported.value = null;
    store.source.value = null;
  });
}

/** The imported file's `log.creator` / `log.pages` (they come before its entries). */
export function applyInputMeta(store: Store, meta: { creator?: unknown; pages?: unknown }): void {
  const c = meta.creator;
  if (c && typeof c === 'object' && typeof (c as { name?: unknown }).name === 'string') {
    const { name, version, comment } = c as { name: string; version?: unknown; comment?: unknown };
    store.input.creator = { name, version: typeof version === 'string' ? version : '', ...(typeof comment === 'string' ? { comment } : {}) };
    store.input.reader.creator(c);
  }
  if (Array.isArray(meta.pages)) store.input.pages = meta.pages;
}

/** Progress and the end of an import. */
export function applyImportProgress(store: Store, update: Partial<Omit<ImportState, 'fileName' | 'size'>>): void {
  const current = store.imported.value;
  if (current) store.imported.value = { ...current, ...update };
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
