// The capture: listens to devtools.network from the moment the devtools page loads (DevTools
// open), backfills with getHAR(), de-duplicates, keeps a bounded log, and replays it to the panel.
import { MAX_ENTRIES } from '../../src/ui/limits';
import type { SourceEvent } from '../../src/ui/source';
import { HUB_SOURCE, type CaptureHub } from '../handover';
import type { HarEntryWithContent } from '../platform/devtools-api';
import type { network as platformNetwork } from '../platform';

type Network = typeof platformNetwork;

interface RawEntry {
  startedDateTime?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { status?: unknown; content?: { text?: unknown; size?: unknown; mimeType?: unknown } };
}

/**
 * Identity of a request across onRequestFinished and getHAR() (HAR has no request id):
 * start time (ms precision) + method + URL + status. Two identical requests started in the same
 * millisecond would collapse into one; that is the accepted cost.
 */
export function entryKey(entry: unknown): string {
  const e = entry as RawEntry | null;
  return [e?.startedDateTime, e?.request?.method, e?.request?.url, e?.response?.status].map(String).join('|');
}

/**
 * Same request, whatever its state or which API reported it: start time + method + URL. The hub keeps
 * one copy per base key (the most complete, see `completeness`): getHAR() and onRequestFinished can
 * report one request with different statuses (a status-0 copy and the 502, same startedDateTime and
 * time, seen after reopening DevTools mid-burst), and two rows for one request would show a verdict
 * the browser never gave.
 */
export function baseKey(entry: unknown): string {
  const e = entry as RawEntry | null;
  return [e?.startedDateTime, e?.request?.method, e?.request?.url].map(String).join('|');
}

/**
 * How much of the exchange a copy recorded: a response status beats none, then more response headers.
 * The body is left out on purpose: getContent() adds one only to onRequestFinished's copy, and that
 * alone must not replace (and re-analyse) an entry the backfill already delivered.
 */
export function completeness(entry: unknown): number {
  const e = entry as RawEntry & { response?: { headers?: unknown } };
  const status = Number(e?.response?.status) || 0;
  const headers = Array.isArray(e?.response?.headers) ? e.response.headers.length : 0;
  return (status > 0 ? 1_000_000 : 0) + headers;
}

/** When the request ended (startedDateTime + time), in ms since the epoch; NaN when unknown. */
function endedAt(entry: unknown): number {
  const e = entry as RawEntry & { time?: unknown };
  return Date.parse(String(e?.startedDateTime)) + (Number(e?.time) || 0);
}

/**
 * getHAR() also returns requests still in flight (status 0, no `_error`, time 0; seen in Chromium
 * 156). Those are held back until the finished entry arrives. One that never finishes (Firefox
 * records requests a failed preflight stopped as status 0 without `_error`) is let through after
 * PENDING_MAX_MS.
 */
function looksPending(entry: unknown): boolean {
  const e = entry as RawEntry & { response?: { _error?: unknown } };
  return Number(e?.response?.status) === 0 && (e.response?._error === undefined || e.response?._error === null);
}

/**
 * A failed status-0 getHAR() entry that ended less than the hold time ago may still get its complete
 * copy from onRequestFinished (DevTools reopened while the request was under way): it is held like an
 * in-flight one, so the panel never shows the poorer copy first. Older ones (made before DevTools
 * opened) pass at once: nothing else will report them.
 */
function mayStillFinish(entry: unknown, now: number, holdMs: number): boolean {
  if (Number((entry as RawEntry)?.response?.status) !== 0) return false;
  const ended = endedAt(entry);
  return !Number.isFinite(ended) || now - ended < holdMs;
}
export const PENDING_MAX_MS = 5000;

const BODY_MAX = 64 * 1024;

function wantsBody(e: RawEntry): boolean {
  const status = Number(e.response?.status);
  const size = Number(e.response?.content?.size ?? 0);
  return status >= 400 && size <= BODY_MAX && typeof e.response?.content?.text !== 'string';
}

/** While the panel is visible, getHAR() is pulled this often (and shortly after each burst of requests). */
export const BACKFILL_EVERY_MS = 3000;
const BACKFILL_AFTER_BURST_MS = 400;
/**
 * getHAR() makes DevTools serialise its whole log, on the thread that also delivers onRequestFinished, so its
 * cost grows with every request: during a retry storm (issue 18) calls took seconds and overlapped, and the
 * panel fell seconds behind. So one runs at a time, and none starts sooner than this many times as long as the
 * last one took after it ended (the periodic one: at least BACKFILL_EVERY_MS).
 */
export const BACKFILL_PACE = 10;

export interface RunningCaptureHub extends CaptureHub {
  start(): () => void;
  /** The panel was shown / hidden: periodic getHAR() backfill runs only while it is visible. */
  setVisible(visible: boolean): void;
}

export interface CaptureHubOptions {
  /** How long a status-0 getHAR() entry is held back (per browser: extension/platform pendingHoldMs()). */
  readonly pendingMaxMs?: number;
}

export function createCaptureHub(network: Network, maxEntries = MAX_ENTRIES, options: CaptureHubOptions = {}): RunningCaptureHub {
  const pendingMaxMs = options.pendingMaxMs ?? PENDING_MAX_MS;
  const log: SourceEvent[] = [];
  /** One copy per request (baseKey): the most complete seen so far. */
  const seen = new Map<string, { entry: unknown; completeness: number }>();
  const listeners = new Set<(event: SourceEvent) => void>();
  let entryCount = 0;
  let dropped = 0;
  let duplicates = 0;

  const emit = (event: SourceEvent) => {
    log.push(event);
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        listeners.delete(listener); // a panel window that went away
      }
    }
  };

  const trim = () => {
    while (entryCount > maxEntries && log.length > 0) {
      const first = log[0]!;
      if (first.type === 'entries') {
        entryCount -= first.entries.length;
        dropped += first.entries.length;
      }
      log.shift();
    }
  };

  const pending = new Map<string, { entry: unknown; since: number }>();
  let recheck: ReturnType<typeof setTimeout> | null = null;
  const finishedBases = new Set<string>();

  /** A more complete copy of a delivered entry: swapped in the log (for later replays) and sent to whoever listens. */
  const replace = (previous: unknown, entry: unknown) => {
    // A new event object: the old one may still be held by a listener of this realm.
    const at = log.findIndex((event) => event.type === 'entries' && event.entries.includes(previous));
    const event = log[at];
    if (event?.type === 'entries') log[at] = { type: 'entries', entries: event.entries.map((e) => (e === previous ? entry : e)) };
    for (const listener of listeners) {
      try {
        listener({ type: 'replace', entry });
      } catch {
        listeners.delete(listener);
      }
    }
  };

  const accept = (entries: unknown[]) => {
    const fresh: unknown[] = [];
    for (const e of entries) {
      const base = baseKey(e);
      pending.delete(base);
      const kept = seen.get(base);
      if (kept === undefined) {
        seen.set(base, { entry: e, completeness: completeness(e) });
        fresh.push(e);
      } else if (completeness(e) > kept.completeness) {
        duplicates++;
        const previous = kept.entry;
        seen.set(base, { entry: e, completeness: completeness(e) });
        // Not delivered yet (same batch): take its place; else replace it where it was delivered.
        const i = fresh.indexOf(previous);
        if (i >= 0) fresh[i] = e;
        else replace(previous, e);
      } else {
        duplicates++;
      }
    }
    if (fresh.length === 0) return;
    entryCount += fresh.length;
    emit({ type: 'entries', entries: fresh });
    trim();
  };

  const onFinished = async (entry: HarEntryWithContent) => {
    const plain = JSON.parse(JSON.stringify(entry)) as RawEntry;
    // Already backfilled by getHAR() with as much: skip before paying for getContent().
    const kept = seen.get(baseKey(plain));
    if (kept !== undefined && kept.completeness >= completeness(plain)) return void duplicates++;
    if (wantsBody(plain) && plain.response) {
      const text = await network.getContent(entry);
      if (text !== null) plain.response.content = { ...plain.response.content, text };
    }
    finishedBases.add(baseKey(plain));
    accept([plain]);
  };

  const backfill = async () => {
    const entries = (await network.getHAR()).map((e) => JSON.parse(JSON.stringify(e)) as unknown);
    const now = Date.now();
    const ready: unknown[] = [];
    for (const e of entries) {
      const base = baseKey(e);
      const held = looksPending(e) || (!seen.has(base) && !finishedBases.has(base) && mayStillFinish(e, now, pendingMaxMs));
      if (!held) ready.push(e);
      else if (!pending.has(base)) pending.set(base, { entry: e, since: now });
    }
    for (const e of ready) finishedBases.add(baseKey(e));
    for (const [base, p] of pending) {
      if (finishedBases.has(base)) pending.delete(base);
      else if (now - p.since >= pendingMaxMs) ready.push(p.entry);
    }
    accept(ready);
    // Something is held back: look again when it is due, panel visible or not (in Firefox a request
    // stopped by its preflight exists only in getHAR(); nothing else would bring it in).
    const oldest = Math.min(...[...pending.values()].map((p) => p.since));
    if (pending.size > 0 && recheck === null) {
      recheck = setTimeout(() => {
        recheck = null;
        void backfill();
      }, Math.max(50, oldest + pendingMaxMs - now));
    }
  };

  // Fetches whose body is never read never fire onRequestFinished; only getHAR() has them.
  let visible = false;
  let interval: ReturnType<typeof setTimeout> | null = null;
  let burst: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let lastCostMs = 0;
  let lastEnded = 0;
  const pacedBackfill = (): Promise<void> => {
    if (inFlight) return inFlight;
    const started = Date.now();
    inFlight = backfill().finally(() => {
      lastEnded = Date.now();
      lastCostMs = lastEnded - started;
      inFlight = null;
    });
    return inFlight;
  };
  const schedulePeriodic = (delayMs = Math.max(BACKFILL_EVERY_MS, BACKFILL_PACE * lastCostMs)) => {
    interval = setTimeout(() => {
      // A pull after a burst may have run meanwhile.
      const wait = lastEnded + BACKFILL_PACE * lastCostMs - Date.now();
      if (wait > 0) return schedulePeriodic(wait);
      void pacedBackfill().finally(() => {
        if (visible) schedulePeriodic();
      });
    }, delayMs);
  };
  const backfillSoon = () => {
    if (!visible) return;
    if (burst !== null) clearTimeout(burst);
    burst = setTimeout(() => void pacedBackfill(), Math.max(BACKFILL_AFTER_BURST_MS, lastEnded + BACKFILL_PACE * lastCostMs - Date.now()));
  };

  return {
    source: HUB_SOURCE,
    connect(listener) {
      for (const event of log) listener(event);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    backfill: pacedBackfill,
    stats: () => ({ entries: entryCount, dropped, duplicates }),
    setVisible(next) {
      visible = next;
      if (interval !== null) clearTimeout(interval);
      interval = null;
      // The periodic pull starts once this one has told what a pull costs.
      if (next) void pacedBackfill().finally(() => {
        if (visible && interval === null) schedulePeriodic();
      });
    },
    start() {
      const stopFinished = network.onRequestFinished((e) => {
        void onFinished(e);
        backfillSoon();
      });
      // `seen` survives navigations (getHAR() may still return the old page's requests when the
      // Network panel preserves its log); it is only reset when it grows past a generous bound.
      const stopNavigated = network.onNavigated((url) => {
        if (seen.size > 5 * maxEntries) {
        seen.clear();
        finishedBases.clear();
      }
        emit({ type: 'navigated', url });
      });
      void pacedBackfill();
      return () => {
        stopFinished();
        stopNavigated();
      };
    },
  };
}
