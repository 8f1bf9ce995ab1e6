// A list kept in start-time order, ties in arrival order, so that pairing looks at one window of time by binary
// search instead of walking everything a URL ever saw. A page retrying a blocked call in a loop puts thousands of
// entries on one URL; walking them for every new entry made pairing quadratic (issue 18).

// Each item takes three slots of one array, [start, arrival number, item]: most lists (one URL and method) hold a
// single item for as long as the analysis lives, and one array of three costs half what three arrays of one did
// (issue 15). An empty list reads a shared empty array, never written: insert replaces it first.
const STRIDE = 3;
const NO_SLOTS: never[] = [];

export class TimeOrderedList<T> {
  private slots: Array<number | T> = NO_SLOTS;

  get size(): number {
    return this.slots.length / STRIDE;
  }

  /** Adds `item` after every item that starts at or before `startedMs`; `seq` is its arrival number. */
  insert(item: T, startedMs: number, seq: number): void {
    const n = this.size;
    if (n === 0) {
      this.slots = [startedMs, seq, item];
      return;
    }
    if (this.timeAt(n - 1) <= startedMs) {
      this.slots.push(startedMs, seq, item);
      return;
    }
    // Out of time order (a batch listed late): rare, and the insertion point is found by binary search.
    this.slots.splice(this.upperBound(startedMs) * STRIDE, 0, startedMs, seq, item);
  }

  /** Removes `item`, inserted with `startedMs`; returns whether it was there. */
  remove(item: T, startedMs: number): boolean {
    for (let i = this.lowerBound(startedMs); i < this.size && this.timeAt(i) === startedMs; i++) {
      if (this.itemAt(i) !== item) continue;
      this.removeRange(i, i + 1);
      return true;
    }
    return false;
  }

  /** The index of the first item starting at or after `ms`. */
  lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the first item starting after `ms`. */
  upperBound(ms: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timeAt(mid) <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  itemAt(i: number): T {
    return this.slots[i * STRIDE + 2] as T;
  }

  timeAt(i: number): number {
    return this.slots[i * STRIDE] as number;
  }

  seqAt(i: number): number {
    return this.slots[i * STRIDE + 1] as number;
  }

  /**
   * Among the items starting in [fromMs, toMs] that pass `keep`, the one starting closest to `ms`; of equally
   * close ones, the latest to arrive. Walks outward from `ms` and stops once nothing nearer can follow, so it
   * visits the items nearest `ms`, not the whole window.
   */
  closest(fromMs: number, toMs: number, ms: number, keep: (item: T) => boolean): Candidate<T> | null {
    const lo = this.lowerBound(fromMs);
    const hi = this.upperBound(toMs);
    if (lo >= hi) return null;
    let right = Math.min(Math.max(this.lowerBound(ms), lo), hi);
    let left = right - 1;
    let best: Candidate<T> | null = null;
    for (;;) {
      const dl = left >= lo ? ms - this.timeAt(left) : Infinity;
      const dr = right < hi ? this.timeAt(right) - ms : Infinity;
      const d = Math.min(dl, dr);
      if (d === Infinity || (best && d > best.distance)) return best;
      const i = dl <= dr ? left-- : right++;
      if (best && d === best.distance && this.seqAt(i) < best.seq) continue;
      if (keep(this.itemAt(i))) best = { item: this.itemAt(i), distance: d, seq: this.seqAt(i) };
    }
  }

  /** Keeps, in the index range [from, to), only the items `keep` accepts. */
  sweep(from: number, to: number, keep: (item: T) => boolean): void {
    let w = from;
    for (let r = from; r < to; r++) {
      if (!keep(this.itemAt(r))) continue;
      this.move(r, w++);
    }
    this.removeRange(w, to);
  }

  /** Keeps only the items `keep` accepts (settle: O(size)). */
  filter(keep: (item: T, startedMs: number) => boolean): void {
    let w = 0;
    const n = this.size;
    for (let r = 0; r < n; r++) {
      if (!keep(this.itemAt(r), this.timeAt(r))) continue;
      this.move(r, w++);
    }
    this.removeRange(w, n);
  }

  /** Copies item `from` over item `to` (to ≤ from). */
  private move(from: number, to: number): void {
    if (from === to) return;
    for (let k = 0; k < STRIDE; k++) this.slots[to * STRIDE + k] = this.slots[from * STRIDE + k];
  }

  private removeRange(from: number, to: number): void {
    if (to <= from) return;
    this.slots.splice(from * STRIDE, (to - from) * STRIDE);
  }
}

interface Candidate<T> {
  readonly item: T;
  /** |start − the time asked for|, ms. */
  readonly distance: number;
  /** Arrival number: of equally close candidates the latest wins. */
  readonly seq: number;
}

/** The better of two candidates: the closer, then the later to arrive. */
function nearer<T>(a: Candidate<T> | null, b: Candidate<T> | null): Candidate<T> | null {
  if (!a) return b;
  if (!b) return a;
  if (a.distance !== b.distance) return a.distance < b.distance ? a : b;
  return a.seq > b.seq ? a : b;
}

/**
 * Requests (a start and a duration) for "whose [start − slack, end + slack] contains this moment?" look-ups.
 * Requests lasting longer than the slack are kept apart, so that one long poll does not widen every look-up.
 */
export class SpanList<T> {
  private readonly brief = new TimeOrderedList<T>();
  private readonly lasting = new TimeOrderedList<T>();
  /** The longest duration among the brief ones: how far before a moment a brief request may start and still contain it. */
  private briefMaxMs = 0;

  constructor(private readonly slackMs: number) {}

  get size(): number {
    return this.brief.size + this.lasting.size;
  }

  insert(item: T, startedMs: number, durationMs: number, seq: number): void {
    if (durationMs > this.slackMs) this.lasting.insert(item, startedMs, seq);
    else {
      this.brief.insert(item, startedMs, seq);
      this.briefMaxMs = Math.max(this.briefMaxMs, durationMs);
    }
  }

  remove(item: T, startedMs: number, durationMs: number): boolean {
    return (durationMs > this.slackMs ? this.lasting : this.brief).remove(item, startedMs);
  }

  /**
   * Among the requests that may contain `ms` — starting in [ms − slack − duration, toMs] and not before `fromMs`
   * (the caller's horizon) — that pass `keep` (which checks the exact window), the one starting closest to `ms`.
   */
  closest(ms: number, fromMs: number, toMs: number, keep: (item: T) => boolean): Candidate<T> | null {
    return nearer(this.brief.closest(this.briefFrom(ms, fromMs), toMs, ms, keep), this.lasting.closest(fromMs, toMs, ms, keep));
  }

  /** Visits the requests that may contain `ms` (as for closest); those `keep` rejects are removed. */
  sweep(ms: number, fromMs: number, toMs: number, keep: (item: T) => boolean): void {
    this.brief.sweep(this.brief.lowerBound(this.briefFrom(ms, fromMs)), this.brief.upperBound(toMs), keep);
    this.lasting.sweep(this.lasting.lowerBound(fromMs), this.lasting.upperBound(toMs), keep);
  }

  filter(keep: (item: T, startedMs: number) => boolean): void {
    this.brief.filter(keep);
    this.lasting.filter(keep);
  }

  private briefFrom(ms: number, fromMs: number): number {
    return Math.max(fromMs, ms - this.slackMs - this.briefMaxMs);
  }
}
