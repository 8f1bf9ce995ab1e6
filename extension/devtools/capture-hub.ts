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
 * Same start, method and URL: the copies of one request, whatever its state or which API reported it, share it
 * (getHAR() and onRequestFinished can report one request with different statuses: a status-0 copy and the 502,
 * same startedDateTime and time, seen after reopening DevTools mid-burst; two rows for one request would show a
 * verdict the browser never gave). So do calls a retry loop starts in the same millisecond: `durationOf` tells
 * those apart (see `sameRequest`).
 */
export function baseKey(entry: unknown): string {
  const e = entry as RawEntry | null;
  return [e?.startedDateTime, e?.request?.method, e?.request?.url].map(String).join('|');
}

/** HAR `time`: how long the request took (ms, sub-millisecond precision); 0 while it is in flight. */
export function durationOf(entry: unknown): number {
  const t = Number((entry as { time?: unknown } | null)?.time);
  return Number.isFinite(t) ? t : 0;
}

/** What the hub keeps per request: the most complete copy seen, and which copies of it were seen. */
interface Copy {
  entry: unknown;
  completeness: number;
  /** `durationOf` the newest copy seen. */
  time: number;
  /** onRequestFinished reported it: its duration is final. */
  finished: boolean;
}

/**
 * The kept copy (same baseKey) of the request that took `time`. getHAR() and onRequestFinished give a finished
 * request the same duration, whatever status each copy has (issue 12); two requests started in the same
 * millisecond (a retry loop catching up after its page was busy) practically never have the same one (issue 18:
 * 144 of 1,500 retries were merged away when start, method and URL alone made the identity).
 */
function sameDuration(copies: readonly Copy[] | undefined, time: number, taken: ReadonlySet<Copy>): Copy | undefined {
  return copies?.find((c) => !taken.has(c) && c.time === time);
}

/**
 * Failing that: a copy getHAR() took while the request was still under way (shorter, not reported finished yet).
 * onRequestFinished reports each request once, so its copy takes any copy not reported finished yet, whatever its
 * duration (should a browser time the two copies differently): at worst two calls of one millisecond swap places.
 */
function earlierCopy(copies: readonly Copy[] | undefined, time: number, taken: ReadonlySet<Copy>, finished: boolean): Copy | undefined {
  return copies?.find((c) => !taken.has(c) && !c.finished && (finished || c.time < time));
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
 * last one took after it ended (the periodic one: at least BACKFILL_EVERY_MS): getHAR() takes at most 2% of
 * DevTools' time. At 10 (10%) a 60 s storm at 50 calls/s still had three pulls of over a second each, and each
 * held up every onRequestFinished meanwhile: p95 from the page to onRequestFinished 837 ms.
 */
export const BACKFILL_PACE = 50;
/**
 * A pull that brings nothing onRequestFinished had not brought (a retry storm: thousands of entries, all known)
 * doubles the wait before the next periodic one, up to this: each pull holds up onRequestFinished for as long as it
 * takes, and in a storm that was most of the panel's request-to-row p95 (issue 18: 24 pulls of 220 ms in 35 s,
 * p95 437 ms from the page to onRequestFinished). A pull that brings something new goes back to BACKFILL_EVERY_MS.
 */
export const BACKFILL_MAX_EVERY_MS = 24_000;
/**
 * While requests finish faster than this many a second (a retry storm), onRequestFinished is bringing them and
 * DevTools is busy delivering them: the periodic pull waits for the storm to pass (the pull after the burst then
 * brings what only getHAR() has), up to BACKFILL_STORM_MAX_MS after the last one. Measured in a 60 s storm at 50
 * calls/s with two pulls of ~470 ms each: p95 from the page to onRequestFinished 260 ms, against 9 ms calm.
 */
export const STORM_RATE = 10;
export const BACKFILL_STORM_MAX_MS = 60_000;

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
  /** The requests seen, by baseKey: usually one, several when calls share a start millisecond. */
  const seen = new Map<string, Copy[]>();
  const listeners = new Set<(event: SourceEvent) => void>();
  let entryCount = 0;
  let dropped = 0;
  let duplicates = 0;
  let backfills = 0;
  let backfillMs = 0;

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

  /** getHAR() copies held back (see looksPending, mayStillFinish), by baseKey. */
  const pending = new Map<string, Array<{ entry: unknown; time: number; since: number }>>();
  let recheck: ReturnType<typeof setTimeout> | null = null;

  /** A held copy of the request `time` belongs to is not needed any more. */
  const release = (base: string, time: number) => {
    const held = pending.get(base);
    if (!held) return;
    let at = held.findIndex((p) => p.time === time);
    if (at < 0) at = held.findIndex((p) => p.time < time);
    if (at >= 0) held.splice(at, 1);
    if (held.length === 0) pending.delete(base);
  };

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

  /**
   * Copies from one onRequestFinished (`finished`) or one getHAR() call: each is a request of its own or a copy of a
   * kept one. `listed` (getHAR()): how many entries of each baseKey the whole log has; no more of them can be
   * requests than that, so a copy timed differently from every kept one (should a browser time a request's copies
   * differently) is a new request only while the log lists more of them than the hub keeps.
   */
  const accept = (entries: readonly unknown[], finished: boolean, listed?: ReadonlyMap<string, number>): number => {
    let replaced = 0;
    const taken = new Set<Copy>();
    const keys = entries.map(baseKey);
    const times = entries.map(durationOf);
    // Same duration first for the whole batch, then the earlier copies: a batch may list a request's twin first.
    const match: Array<Copy | undefined> = entries.map((_, i) => {
      const c = sameDuration(seen.get(keys[i]!), times[i]!, taken);
      if (c) taken.add(c);
      return c;
    });
    for (let i = 0; i < entries.length; i++) {
      if (match[i]) continue;
      const c = earlierCopy(seen.get(keys[i]!), times[i]!, taken, finished);
      if (c) taken.add((match[i] = c));
    }
    if (listed) {
      const room = new Map<string, number>();
      for (let i = 0; i < entries.length; i++) {
        if (match[i]) continue;
        const base = keys[i]!;
        const copies = seen.get(base) ?? [];
        const left = room.get(base) ?? (listed.get(base) ?? 0) - copies.length;
        room.set(base, left - 1);
        if (left > 0) continue;
        const c = copies.find((k) => !taken.has(k));
        if (c) taken.add((match[i] = c));
      }
    }
    const fresh: unknown[] = [];
    entries.forEach((e, i) => {
      const base = keys[i]!;
      release(base, times[i]!);
      const kept = match[i];
      if (kept === undefined) {
        const copies = seen.get(base) ?? [];
        copies.push({ entry: e, completeness: completeness(e), time: times[i]!, finished });
        seen.set(base, copies);
        fresh.push(e);
        return;
      }
      duplicates++;
      kept.time = times[i]!;
      kept.finished ||= finished;
      if (completeness(e) <= kept.completeness) return;
      const previous = kept.entry;
      kept.entry = e;
      kept.completeness = completeness(e);
      // Not delivered yet (same batch): take its place; else replace it where it was delivered.
      const at = fresh.indexOf(previous);
      if (at >= 0) {
        fresh[at] = e;
      } else {
        replace(previous, e);
        replaced++;
      }
    });
    if (fresh.length === 0) return replaced;
    entryCount += fresh.length;
    emit({ type: 'entries', entries: fresh });
    trim();
    return fresh.length + replaced;
  };

  const onFinished = async (entry: HarEntryWithContent) => {
    const plain = JSON.parse(JSON.stringify(entry)) as RawEntry;
    // Already backfilled by getHAR() with as much: skip before paying for getContent().
    const kept = sameDuration(seen.get(baseKey(plain)), durationOf(plain), new Set());
    if (kept !== undefined && kept.completeness >= completeness(plain)) {
      kept.finished = true;
      release(baseKey(plain), durationOf(plain));
      return void duplicates++;
    }
    if (wantsBody(plain) && plain.response) {
      const text = await network.getContent(entry);
      if (text !== null) plain.response.content = { ...plain.response.content, text };
    }
    accept([plain], true);
  };

  /** Periodic pulls in a row that brought nothing new (see BACKFILL_MAX_EVERY_MS). */
  let fruitless = 0;

  const backfill = async () => {
    const started = Date.now();
    const har = await network.getHAR();
    const now = Date.now();
    const ready: unknown[] = [];
    const listed = new Map<string, number>();
    for (const raw of har) {
      const base = baseKey(raw);
      listed.set(base, (listed.get(base) ?? 0) + 1);
      const time = durationOf(raw);
      const known = sameDuration(seen.get(base), time, new Set());
      // Most of a long log is copies already kept: recognised before paying for a copy of their own.
      if (known !== undefined && known.completeness >= completeness(raw)) {
        duplicates++;
        continue;
      }
      const e = JSON.parse(JSON.stringify(raw)) as unknown;
      const held = looksPending(e) || (known === undefined && mayStillFinish(e, now, pendingMaxMs));
      if (!held) {
        release(base, time); // a copy held earlier is this one, now due or further on
        ready.push(e);
        continue;
      }
      const list = pending.get(base) ?? [];
      if (!list.some((p) => p.time === time)) list.push({ entry: e, time, since: now });
      pending.set(base, list);
    }
    for (const list of pending.values()) for (const p of list) if (now - p.since >= pendingMaxMs) ready.push(p.entry);
    fruitless = accept(ready, false, listed) > 0 ? 0 : fruitless + 1;
    backfills++;
    backfillMs += Date.now() - started;
    // Something is held back: look again when it is due, panel visible or not (in Firefox a request
    // stopped by its preflight exists only in getHAR(); nothing else would bring it in). Not if onRequestFinished
    // has brought them all meanwhile: in a retry storm every pull holds the newest calls, and a pull for each
    // (unpaced, every 5 s, each longer than the last) held onRequestFinished up for seconds (issue 18).
    const since = [...pending.values()].flatMap((list) => list.map((p) => p.since));
    if (since.length > 0 && recheck === null) {
      recheck = setTimeout(() => {
        recheck = null;
        if (pending.size > 0) void pacedBackfill();
      }, Math.max(50, Math.min(...since) + pendingMaxMs - now));
    }
  };

  // Fetches whose body is never read never fire onRequestFinished; only getHAR() has them.
  let visible = false;
  let interval: ReturnType<typeof setTimeout> | null = null;
  let burst: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let lastCostMs = 0;
  let lastEnded = 0;
  /** onRequestFinished events since the last pull started. */
  let finishedSincePull = 0;
  const pacedBackfill = (): Promise<void> => {
    if (inFlight) return inFlight;
    const started = Date.now();
    finishedSincePull = 0;
    inFlight = backfill().finally(() => {
      lastEnded = Date.now();
      lastCostMs = lastEnded - started;
      inFlight = null;
    });
    return inFlight;
  };
  const periodicWait = () => Math.max(Math.min(BACKFILL_MAX_EVERY_MS, BACKFILL_EVERY_MS * 2 ** Math.min(fruitless, 10)), BACKFILL_PACE * lastCostMs);
  const schedulePeriodic = (delayMs = periodicWait()) => {
    interval = setTimeout(() => {
      // A pull after a burst may have run meanwhile.
      const wait = lastEnded + BACKFILL_PACE * lastCostMs - Date.now();
      if (wait > 0) return schedulePeriodic(wait);
      const since = Date.now() - lastEnded;
      if (finishedSincePull > (STORM_RATE * since) / 1000 && since < BACKFILL_STORM_MAX_MS) return schedulePeriodic(BACKFILL_EVERY_MS);
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
    stats: () => ({ entries: entryCount, dropped, duplicates, backfills, backfillMs }),
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
        finishedSincePull++;
        void onFinished(e);
        backfillSoon();
      });
      // `seen` survives navigations (getHAR() may still return the old page's requests when the
      // Network panel preserves its log); it is only reset when it grows past a generous bound.
      const stopNavigated = network.onNavigated((url) => {
        if (seen.size > 5 * maxEntries) seen.clear();
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
