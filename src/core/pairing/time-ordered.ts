// A list kept in start-time order, ties in arrival order, so that pairing looks at one window of time by binary
// search instead of walking everything a URL ever saw. A page retrying a blocked call in a loop puts thousands of
// entries on one URL; walking them for every new entry made pairing quadratic (issue 18).

// What an empty list reads: shared, never written (insert replaces them before the first write), so that the many
// lists that stay empty (a SpanList's long requests, most of the time) cost one small object each (issue 15).
const NO_NUMBERS: number[] = [];
const NO_ITEMS: never[] = [];

export class TimeOrderedList<T> {
  private times: number[] = NO_NUMBERS;
  private seqs: number[] = NO_NUMBERS;
  private items: T[] = NO_ITEMS;

  get size(): number {
    return this.items.length;
  }

  /** Adds `item` after every item that starts at or before `startedMs`; `seq` is its arrival number. */
  insert(item: T, startedMs: number, seq: number): void {
    const n = this.times.length;
    if (n === 0) {
      // Most lists (one URL and method) only ever hold one item: arrays of exactly one, where a push onto an empty
      // array would reserve room for 17 (issue 15: the lists live as long as the analysis).
      this.times = [startedMs];
      this.seqs = [seq];
      this.items = [item];
      return;
    }
    if (this.times[n - 1] <= startedMs) {
      this.times.push(startedMs);
      this.seqs.push(seq);
      this.items.push(item);
      return;
    }
    // Out of time order (a batch listed late): rare, and the insertion point is found by binary search.
    const at = this.upperBound(startedMs);
    this.times.splice(at, 0, startedMs);
    this.seqs.splice(at, 0, seq);
    this.items.splice(at, 0, item);
  }

  /** Removes `item`, inserted with `startedMs`; returns whether it was there. */
  remove(item: T, startedMs: number): boolean {
    for (let i = this.lowerBound(startedMs); i < this.items.length && this.times[i] === startedMs; i++) {
      if (this.items[i] !== item) continue;
      this.removeRange(i, i + 1);
      return true;
    }
    return false;
  }

  /** The index of the first item starting at or after `ms`. */
  lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid] < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of the first item starting after `ms`. */
  upperBound(ms: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid] <= ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  itemAt(i: number): T {
    return this.items[i];
  }

  timeAt(i: number): number {
    return this.times[i];
  }

  seqAt(i: number): number {
    return this.seqs[i];
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
      const dl = left >= lo ? ms - this.times[left] : Infinity;
      const dr = right < hi ? this.times[right] - ms : Infinity;
      const d = Math.min(dl, dr);
      if (d === Infinity || (best && d > best.distance)) return best;
      const i = dl <= dr ? left-- : right++;
      if (best && d === best.distance && this.seqs[i] < best.seq) continue;
      if (keep(this.items[i])) best = { item: this.items[i], distance: d, seq: this.seqs[i] };
    }
  }

  /** Keeps, in the index range [from, to), only the items `keep` accepts. */
  sweep(from: number, to: number, keep: (item: T) => boolean): void {
    let w = from;
    for (let r = from; r < to; r++) {
      if (!keep(this.items[r])) continue;
      this.times[w] = this.times[r];
      this.seqs[w] = this.seqs[r];
      this.items[w] = this.items[r];
      w++;
    }
    this.removeRange(w, to);
  }

  /** Keeps only the items `keep` accepts (settle: O(size)). */
  filter(keep: (item: T, startedMs: number) => boolean): void {
    let w = 0;
    for (let r = 0; r < this.items.length; r++) {
      if (!keep(this.items[r], this.times[r])) continue;
      this.times[w] = this.times[r];
      this.seqs[w] = this.seqs[r];
      this.items[w] = this.items[r];
      w++;
    }
    this.removeRange(w, this.items.length);
  }

  private removeRange(from: number, to: number): void {
    if (to <= from) return;
    this.times.splice(from, to - from);
    this.seqs.splice(from, to - from);
    this.items.splice(from, to - from);
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
