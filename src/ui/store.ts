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
import { matchesFilter, narrows, parseFilter, type ParsedFilter } from './filter';
import { applyChange, createListOrder, hasSorted, insertSorted, lowerBound, removeSorted, createDeltaLog, type Change, type DeltaLog, type ListOrder } from './live-list';

import { MAX_ENTRIES, TRIM_TO } from './limits';

export { MAX_ENTRIES, TRIM_TO };

export type QuickFilter = 'blocked' | 'cors' | 'all';

/** Column ids of the request list, in display order. */
export const COLUMNS = ['name', 'method', 'status', 'verdict', 'preflight', 'time'] as const;
export type ColumnId = (typeof COLUMNS)[number];

export interface PanelLayout {
  /** Width of the list pane in px when the detail is beside it (null: the default share). */
  readonly listWidth: number | null;
  /** Widths in px the user gave columns by dragging their edge (the others keep their default). */
  readonly columns: Partial<Record<ColumnId, number>>;
}

/** Keeps only sane numbers from what storage returned (it may hold anything, or an older shape). */
export function readLayout(value: unknown): PanelLayout {
  const v = (value ?? {}) as { listWidth?: unknown; columns?: unknown };
  const listWidth = typeof v.listWidth === 'number' && Number.isFinite(v.listWidth) && v.listWidth >= 120 ? Math.round(v.listWidth) : null;
  const columns: Partial<Record<ColumnId, number>> = {};
  if (v.columns && typeof v.columns === 'object') {
    for (const id of COLUMNS) {
      const w = (v.columns as Record<string, unknown>)[id];
      if (typeof w === 'number' && Number.isFinite(w) && w >= 24 && w <= 2000) columns[id] = Math.round(w);
    }
  }
  return { listWidth, columns };
}

/**
 * One line of the request list: an exchange, or the identical repeats of one call (a retry loop, a poller) in one
 * line with their count, like the Console's repeated messages (issue 18). Presentation only: the store, the
 * exports and the CLI keep every exchange.
 */
export interface ListRow {
  /** Stable while the line stays (its repeatKey's number, or the exchange id when grouping is off): the list's element key. */
  readonly key: string;
  /** The newest occurrence: the row shows it, and opening the row opens it. */
  readonly x: ExchangeReport;
  /** How many exchanges the row stands for (1: no repeat). */
  readonly count: number;
  /** When the oldest of them started (ms since the epoch). */
  readonly firstMs: number;
}

/**
 * What makes two exchanges repeats of one call: the same page origin, method, URL, verdict and Chromium failure, and
 * the same in every other column but Time (statuses, preflight sent or cached), so that a line hides no difference:
 * a poll that starts failing, or the first call of a cached preflight, is a line of its own.
 */
export function repeatKey(x: ExchangeReport): string {
  return [x.origin ?? '', x.method, x.url, x.verdict, x.corsError ?? '', x.failedParameter ?? '', x.pageStatus, x.serverStatus ?? '', x.pairing.method].join(' ');
}

/**
 * repeatKey as a small number, worked out once per report: the list is regrouped on every burst of a storm, and a
 * map of numbers is faster than one of 100-character strings (regrouping 10,000 exchanges at load 15: 24 ms → 12 ms).
 * The numbering starts again past KEY_IDS_MAX distinct keys; a report numbered before that is numbered again.
 */
const keyIds = new Map<string, number>();
let keyGeneration = 0;
const KEY_IDS_MAX = 100_000;
const repeatIds = new WeakMap<ExchangeReport, { generation: number; id: number }>();
function repeatId(x: ExchangeReport): number {
  const known = repeatIds.get(x);
  if (known?.generation === keyGeneration) return known.id;
  if (keyIds.size >= KEY_IDS_MAX) {
    keyIds.clear();
    keyGeneration++;
  }
  const key = repeatKey(x);
  let id = keyIds.get(key);
  if (id === undefined) {
    id = keyIds.size;
    keyIds.set(key, id);
  }
  repeatIds.set(x, { generation: keyGeneration, id });
  return id;
}

/** The request list's lines, and which line shows an exchange (the selection is an exchange id; its line is highlighted). */
export interface ListLines {
  readonly rows: readonly ListRow[];
  lineOf(x: ExchangeReport): number | undefined;
}

/**
 * The list's lines from the exchanges shown (in display order): each group of repeats is one line, where its
 * newest occurrence is. One pass from the newest end, a map lookup per exchange: the list is regrouped on every
 * burst of a storm.
 */
export function groupRepeats(shown: readonly ExchangeReport[], newestFirst: boolean): ListLines {
  const at = new Map<number, number>();
  const lines: Array<{ key: string; x: ExchangeReport; count: number; firstMs: number }> = [];
  const n = shown.length;
  for (let k = 0; k < n; k++) {
    const x = shown[newestFirst ? k : n - 1 - k]!;
    const id = repeatId(x);
    const line = at.get(id);
    if (line === undefined) {
      at.set(id, lines.length);
      lines.push({ key: `repeat-${id}`, x, count: 1, firstMs: x.startedMs });
    } else {
      const group = lines[line]!;
      group.count++;
      group.firstMs = x.startedMs;
    }
  }
  if (!newestFirst) lines.reverse();
  const last = lines.length - 1;
  return {
    rows: lines,
    lineOf: (x) => {
      const line = at.get(repeatId(x));
      return line === undefined || newestFirst ? line : last - line;
    },
  };
}

/**
 * The lines of repeats kept burst by burst (issue 15: regrouping 10,000 exchanges on every burst took ~12 ms): each
 * group keeps its members in list order, and the lines are the groups in the order of their newest member, so a
 * change to the rows shown moves one group. Gives what groupRepeats gives for the same rows.
 */
interface Group {
  readonly id: number;
  /** Its exchanges shown, oldest first. */
  readonly members: ExchangeReport[];
  row: ListRow;
}

const newestOf = (g: Group) => g.members[g.members.length - 1]!;

function lineFor(g: Group): ListRow {
  return { key: `repeat-${g.id}`, x: newestOf(g), count: g.members.length, firstMs: g.members[0]!.startedMs };
}

interface LiveGroups {
  /** The rows these lines are of (oldest first) and the display order they were published in. */
  readonly generation: number;
  readonly groups: Map<number, Group>;
  /** By newest member, oldest first. */
  readonly lines: Group[];
}

function groupsFrom(ascending: readonly ExchangeReport[]): LiveGroups {
  const groups = new Map<number, Group>();
  const n = ascending.length;
  const groupAt: Group[] = new Array<Group>(n);
  for (let k = 0; k < n; k++) {
    const x = ascending[k]!;
    const id = repeatId(x);
    let g = groups.get(id);
    if (g === undefined) {
      g = { id, members: [], row: null as unknown as ListRow };
      groups.set(id, g);
    }
    g.members.push(x);
    groupAt[k] = g;
  }
  // A group's line is where its newest member is.
  const lines: Group[] = [];
  for (let k = 0; k < n; k++) {
    const g = groupAt[k]!;
    if (newestOf(g) !== ascending[k]) continue;
    g.row = lineFor(g);
    lines.push(g);
  }
  return { generation: keyGeneration, groups, lines };
}

/** Applies changes to the rows shown; false when the numbering of repeat keys started again (regroup from scratch). */
function stepGroups(live: LiveGroups, changes: readonly Change[], compare: ListOrder['compare']): boolean {
  const byNewest = (g: Group) => newestOf(g);
  const dirty = new Set<Group>();
  const unline = (g: Group, newest: ExchangeReport) => {
    const at = lowerBound(live.lines, newest, byNewest, compare);
    if (live.lines[at] === g) live.lines.splice(at, 1);
  };
  const line = (g: Group) => {
    const newest = newestOf(g);
    const last = live.lines[live.lines.length - 1];
    if (last === undefined || compare(newestOf(last), newest) < 0) live.lines.push(g);
    else live.lines.splice(lowerBound(live.lines, newest, byNewest, compare), 0, g);
  };
  // A group leaves the lines before its members change (the lines are found by their newest member), and comes back after.
  for (const { old, x } of changes) {
    if (old !== undefined) {
      const g = live.groups.get(repeatId(old));
      if (keyGeneration !== live.generation) return false;
      if (g !== undefined && hasSorted(g.members, old, compare)) {
        const wasNewest = newestOf(g).id === old.id;
        if (wasNewest) unline(g, old);
        removeSorted(g.members, old, compare);
        if (g.members.length === 0) {
          live.groups.delete(g.id);
          dirty.delete(g);
        } else {
          if (wasNewest) line(g);
          dirty.add(g);
        }
      }
    }
    if (x !== undefined) {
      const id = repeatId(x);
      if (keyGeneration !== live.generation) return false;
      let g = live.groups.get(id);
      if (g === undefined) {
        g = { id, members: [], row: null as unknown as ListRow };
        live.groups.set(id, g);
      }
      const wasNewest = g.members[g.members.length - 1];
      const becomesNewest = wasNewest === undefined || compare(wasNewest, x) < 0;
      if (becomesNewest && wasNewest !== undefined) unline(g, wasNewest);
      insertSorted(g.members, x, compare);
      if (becomesNewest) line(g);
      dirty.add(g);
    }
  }
  for (const g of dirty) g.row = lineFor(g);
  return true;
}

/** The published lines of live groups (a snapshot: later bursts change the groups, not these rows). */
function linesOf(live: LiveGroups, newestFirst: boolean): ListLines {
  const rows = live.lines.map((g) => g.row);
  if (newestFirst) rows.reverse();
  let at: Map<number, number> | null = null;
  return {
    rows,
    lineOf: (x) => {
      if (at === null) {
        at = new Map();
        rows.forEach((row, i) => at!.set(repeatId(row.x), i));
      }
      return at.get(repeatId(x));
    },
  };
}

/** Every exchange its own line (grouping off). */
function oneRowEach(shown: readonly ExchangeReport[]): ListLines {
  return {
    rows: shown.map((x) => ({ key: x.id, x, count: 1, firstMs: x.startedMs })),
    lineOf: (x) => {
      const line = shown.indexOf(x);
      return line < 0 ? undefined : line;
    },
  };
}

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
  /** Layout the user chose (splitter, column widths); remembered through the host's storage (connect.ts). */
  readonly layout: Signal<PanelLayout>;
  /**
   * More text for the filter to match per exchange (AWS service, pitfall ids and titles), once the hint engine is
   * loaded; null until then. Set by the panel (App), which loads the engine when the filter is first used.
   */
  readonly searchExtra: Signal<((x: ExchangeReport) => string) | null>;
  /** Repeats of one call are one line with a count (ListRow); off: every exchange its own line. Remembered (connect.ts). */
  readonly groupRepeats: Signal<boolean>;
  /** The exchanges the filters let through, in display order (every one, grouped or not). */
  readonly visible: ReadonlySignal<readonly ExchangeReport[]>;
  /** The request list's lines, and which line shows each visible exchange. */
  readonly list: ReadonlySignal<ListLines>;
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
  /** The order of every list (live-list.ts). */
  readonly order: ListOrder;
  /** The analyser's exchanges in list order, kept from what each burst changed (analyzer.exchanges() sorts anew). */
  sorted: ExchangeReport[];
  byId: Map<string, ExchangeReport>;
  /** The last `exchanges` the store set: a burst's changes apply to it only if nobody set another since. */
  published: readonly ExchangeReport[] | null;
  /** How each `exchanges` the store published derives from the one before (live-list.ts). */
  readonly exchangeLog: DeltaLog<readonly ExchangeReport[]>;
}


/** Whether an exchange passes the quick filter and the filter box. */
function passes(x: ExchangeReport, quick: QuickFilter, filter: ParsedFilter, extra: ((x: ExchangeReport) => string) | undefined): boolean {
  return (quick === 'all' || (quick === 'cors' ? x.kind === 'cors' : x.verdict === 'blocked')) && matchesFilter(x, filter, extra);
}

export function createPanelStore(options: PanelStoreOptions): PanelStore & StoreInternals {
  const exchanges = signal<readonly ExchangeReport[]>([]);
  const filterText = signal('');
  const quickFilter = signal<QuickFilter>('cors');
  const newestFirst = signal(false);
  const selectedId = signal<string | null>(null);
  const searchExtra = signal<((x: ExchangeReport) => string) | null>(null);
  const order = createListOrder();
  const exchangeLog = createDeltaLog<readonly ExchangeReport[]>();
  /** How each `visible` derives from the one before. */
  const visibleLog = createDeltaLog<readonly ExchangeReport[]>();
  // `visible`, kept burst by burst: the rows shown oldest first, and what they were derived from.
  let shown: { exchanges: readonly ExchangeReport[]; text: string; filter: ParsedFilter; quick: QuickFilter; extra: unknown; newestFirst: boolean; ascending: ExchangeReport[]; out: readonly ExchangeReport[] } | null = null;
  const publish = (ascending: readonly ExchangeReport[], newest: boolean) => (newest ? ascending.slice().reverse() : ascending.slice());
  const visible = computed(() => {
    const xs = exchanges.value;
    const text = filterText.value;
    const quick = quickFilter.value;
    const extraFn = searchExtra.value ?? undefined;
    const newest = newestFirst.value;
    const prev = shown;
    const settingsSame = prev !== null && prev.quick === quick && prev.extra === extraFn && prev.newestFirst === newest;
    // A burst: its changes to the rows shown.
    if (prev !== null && settingsSame && prev.text === text && xs !== prev.exchanges) {
      const burst = exchangeLog.between(prev.exchanges, xs);
      if (burst !== undefined) {
        const changes: Change[] = [];
        for (const { old, x } of burst) {
          const wasShown = old !== undefined && hasSorted(prev.ascending, old, order.compare);
          const show = x !== undefined && passes(x, quick, prev.filter, extraFn);
          if (!wasShown && !show) continue;
          const change = { old: wasShown ? old : undefined, x: show ? x : undefined };
          applyChange(prev.ascending, change, order.compare);
          changes.push(change);
        }
        const out = changes.length === 0 ? prev.out : publish(prev.ascending, newest);
        if (out !== prev.out) visibleLog.push(prev.out, out, changes);
        shown = { ...prev, exchanges: xs, out };
        return out;
      }
    }
    if (prev !== null && settingsSame && prev.text === text && xs === prev.exchanges) return prev.out;
    const filter = parseFilter(text);
    // A keystroke that narrows the filter (a longer term, one more term): only the rows shown can still pass.
    const narrowing = prev !== null && settingsSame && xs === prev.exchanges && narrows(prev.filter, filter);
    const ascending = (narrowing ? prev.ascending : xs).filter((x) => passes(x, quick, filter, extraFn));
    shown = { exchanges: xs, text, filter, quick, extra: extraFn, newestFirst: newest, ascending, out: publish(ascending, newest) };
    return shown.out;
  });
  const grouping = signal(true);
  let grouped: { visible: readonly ExchangeReport[]; newestFirst: boolean; live: LiveGroups; out: ListLines } | null = null;
  const list = computed(() => {
    const rows = visible.value;
    const newest = newestFirst.value;
    if (!grouping.value) {
      grouped = null;
      return oneRowEach(rows);
    }
    const prev = grouped;
    if (prev !== null && prev.newestFirst === newest) {
      if (prev.visible === rows) return prev.out;
      const changes = visibleLog.between(prev.visible, rows);
      if (changes !== undefined && stepGroups(prev.live, changes, order.compare)) {
        grouped = { visible: rows, newestFirst: newest, live: prev.live, out: linesOf(prev.live, newest) };
        return grouped.out;
      }
    }
    const live = groupsFrom(shown !== null && shown.out === rows ? shown.ascending : newest ? rows.slice().reverse() : rows);
    grouped = { visible: rows, newestFirst: newest, live, out: linesOf(live, newest) };
    return grouped.out;
  });
  // The blocked count, kept burst by burst too.
  let blocked: { exchanges: readonly ExchangeReport[]; count: number } | null = null;
  const blockedCount = computed(() => {
    const xs = exchanges.value;
    if (blocked?.exchanges === xs) return blocked.count;
    const changes = blocked === null ? undefined : exchangeLog.between(blocked.exchanges, xs);
    const isBlocked = (x: ExchangeReport | undefined) => (x?.verdict === 'blocked' ? 1 : 0);
    const count =
      blocked !== null && changes !== undefined
        ? changes.reduce((c, { old, x }) => c - isBlocked(old) + isBlocked(x), blocked.count)
        : xs.reduce((c, x) => c + isBlocked(x), 0);
    blocked = { exchanges: xs, count };
    return count;
  });
  return {
    analyzer: options.analyzer,
    hintsOnDemand: options.hintsOnDemand ?? false,
    maxEntries: options.maxEntries ?? MAX_ENTRIES,
    trimTo: options.trimTo ?? TRIM_TO,
    raw: [],
    input: { creator: null, pages: [], reader: createHarLogReader() },
    readProblems: [] as InputProblem[],
    order,
    sorted: [],
    byId: new Map(),
    published: null,
    exchangeLog,
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
    layout: signal<PanelLayout>({ listWidth: null, columns: {} }),
    searchExtra,
    groupRepeats: grouping,
    visible,
    list,
    // The detail follows the list: a row the filter hides has no detail open.
    selected: computed(() => visible.value.find((x) => x.id === selectedId.value) ?? null),
    blockedCount,
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
  if (store.raw.length > store.maxEntries) {
    const drop = store.raw.length - store.trimTo;
    store.raw.splice(0, drop);
    resetAnalysis(store);
    safeAdd(store, 0, store.raw);
    store.dropped.value += drop;
    refresh(store, null);
    return;
  }
  const added = safeAdd(store, first, entries);
  if (added === null || added.exchanges.length + added.problems > 0) refresh(store, added?.exchanges ?? null);
}

/** Same request: start time + method + URL (how the live capture tells two copies of one request apart). */
function sameRequest(a: unknown, b: unknown): boolean {
  const x = a as { startedDateTime?: unknown; request?: { method?: unknown; url?: unknown } } | null;
  const y = b as typeof x;
  return x?.startedDateTime === y?.startedDateTime && x?.request?.method === y?.request?.method && x?.request?.url === y?.request?.url;
}

/**
 * A more complete copy of an entry already delivered takes its place (one request, one row); the
 * analysis is rebuilt, which keeps every exchange id. Rare: the capture holds back the copies likely to
 * be replaced. A copy whose original is gone (trimmed, cleared) is ignored.
 */
export function applyReplace(store: Store, entry: unknown): void {
  if (store.imported.value !== null) return;
  for (let i = store.raw.length - 1; i >= 0; i--) {
    if (!sameRequest(store.raw[i], entry)) continue;
    store.raw[i] = entry;
    resetAnalysis(store);
    safeAdd(store, 0, store.raw);
    refresh(store, null);
    return;
  }
}

/**
 * Adds `entries` (which are `store.raw[first…]`) to the analysis; returns the exchanges it created or changed and
 * how many problems it found, or null when the analyser failed.
 */
function safeAdd(store: Store, first: number, entries: readonly unknown[]): { exchanges: ExchangeReport[]; problems: number } | null {
  try {
    const analyzer = store.analyzer;
    if (!analyzer.addObserved) {
      const before = analyzer.problems().length;
      const exchanges = analyzer.add(entries);
      return { exchanges, problems: analyzer.problems().length - before };
    }
    const read = store.input.reader.read(entries, first);
    for (const p of read.problems) store.readProblems.push(p);
    return { exchanges: analyzer.addObserved(read.entries), problems: read.problems.length };
  } catch (error) {
    // The core promises never to throw on bad input; if it does, the panel keeps running and says so.
    console.error('CORS Lens: the analyser failed on an entry', error);
    return null;
  }
}

function resetAnalysis(store: Store): void {
  store.analyzer.clear();
  store.readProblems = [];
}

/**
 * Publishes the analysis. `changed`: what the last burst created or changed (the analyser's answer), applied to the
 * store's sorted list and published with a delta for the derived lists (live-list.ts); null: the analysis was
 * rebuilt (or something else set `exchanges`), so the list is taken from the analyser whole.
 */
function refresh(store: Store, changed: readonly ExchangeReport[] | null): void {
  let next: readonly ExchangeReport[];
  const base = store.published;
  if (changed !== null && base !== null && store.exchanges.peek() === base) {
    const changes: Change[] = [];
    // In list order, so that new exchanges (usually the newest) are appended rather than spliced in one by one.
    store.order.learn(changed);
    for (const x of changed.slice().sort(store.order.compare)) {
      const old = store.byId.get(x.id);
      if (old === x) continue;
      store.byId.set(x.id, x);
      const change = { old, x };
      applyChange(store.sorted, change, store.order.compare);
      changes.push(change);
    }
    next = changes.length === 0 ? base : store.sorted.slice();
    if (next !== base) store.exchangeLog.push(base, next, changes);
  } else {
    const all = store.analyzer.exchanges();
    store.order.reset();
    store.order.learn(all);
    store.sorted = all.slice();
    store.byId = new Map(all.map((x) => [x.id, x]));
    next = all;
  }
  store.published = next;
  batch(() => {
    store.exchanges.value = next;
    store.problems.value = [...store.readProblems, ...store.analyzer.problems()];
    if (store.selectedId.value && !store.byId.has(store.selectedId.value)) {
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
  store.sorted = [];
  store.byId = new Map();
  store.published = null;
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

/** Moves the selection by `delta` lines of the request list (arrow keys); a line of repeats opens its newest. */
export function applyMoveSelection(store: Store, delta: number): void {
  const { rows, lineOf } = store.list.value;
  if (rows.length === 0) return;
  const selected = store.selected.value;
  const at = selected === null ? undefined : lineOf(selected);
  const next = at === undefined ? (delta > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, at + delta));
  if (next !== at) store.selectedId.value = rows[next]!.x.id;
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
