// Streaming analysis: bytes in, settled exchanges out, memory bounded by the time window rather than the file.
//
// The assumption that makes it work: HAR entries are (roughly) in start-time order. DevTools writes them in
// request order; a preflight is often listed after its request, and a slow entry can be listed late, but by
// seconds, not minutes. So once an entry starting at T has been read, no entry that starts before
// T - SETTLE_WINDOW_MS is still to come, and the core's settle(watermark) may hand back (and forget) every
// exchange that nothing later can change. An entry that breaks the assumption is still analysed, only paired
// with what is still in memory; such entries are counted and reported (`late`).
import { countExchange, createAnalyzer, createApiView, emptyCounts, type AnalyzeOptions, type ApiReport, type ExchangeReport, type InputProblem, type ObservedEntry, type ReportCounts } from '../core';
import { HarFileReader, type StreamHarSummary } from './stream-har';

/** How far out of start-time order an entry may be listed and still pair exactly. */
export const SETTLE_WINDOW_MS = 60_000;
/** Entries read before they are analysed and settled together. */
export const BATCH_ENTRIES = 2_000;
/** Problems kept for the JSON report; more are still printed on stderr and counted. */
export const MAX_KEPT_PROBLEMS = 10_000;

export interface StreamHandlers {
  /** Settled exchanges, in start-time order within a call (and across calls when the order assumption holds). */
  onExchanges(batch: readonly ExchangeReport[]): void | Promise<void>;
  /** Per-entry problems as they are found. */
  onProblems(batch: readonly InputProblem[]): void | Promise<void>;
  /** After each chunk: bytes and entries read so far (the progress line). */
  onProgress?(bytes: number, entries: number): void;
}

export interface StreamResult {
  readonly input: StreamHarSummary;
  readonly counts: ReportCounts;
  /** Problems kept (at most MAX_KEPT_PROBLEMS), and how many there were in all. */
  readonly problems: readonly InputProblem[];
  readonly problemCount: number;
  /** Entries with an error problem (skipped). */
  readonly skipped: number;
  /** Entries that started more than SETTLE_WINDOW_MS before the latest start seen when they were read. */
  readonly late: number;
  readonly exchanges: number;
  /** The API view, folded as exchanges settle (bounded: see src/core/api/state.ts); null with `apis: false`. */
  readonly apis: ApiReport[] | null;
}

export async function analyzeStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: AnalyzeOptions,
  handlers: StreamHandlers,
  reader = new HarFileReader(),
): Promise<StreamResult> {
  // The API view needs each exchange's entries, which settle() forgets: keep them from the hint step until the exchange settles.
  const apiView = options.apis === false ? null : createApiView();
  const pending = new Map<string, { preflight: ObservedEntry | null; actual: ObservedEntry | null; startedMs: number }>();
  const analyzer = createAnalyzer(options, apiView ? (report, preflight, actual) => pending.set(report.id, { preflight, actual, startedMs: report.startedMs }) : undefined);
  const counts = emptyCounts();
  const kept: InputProblem[] = [];
  const skippedEntries = new Set<number>();
  let problemCount = 0;
  let exchanges = 0;
  let late = 0;
  let bytes = 0;
  let entriesRead = 0;
  let latestStart = -Infinity;
  let held: ObservedEntry[] = [];
  let watermark = -Infinity;

  const emit = async (settled: readonly ExchangeReport[]) => {
    if (settled.length === 0) return;
    exchanges += settled.length;
    for (const x of settled) {
      const seen = pending.get(x.id);
      if (apiView && seen) {
        apiView.add(x, seen.preflight, seen.actual);
        pending.delete(x.id);
      }
      countExchange(counts, x);
    }
    await handlers.onExchanges(settled);
  };

  const flush = async (final: boolean) => {
    const { entries, problems } = reader.take();
    if (problems.length) {
      problemCount += problems.length;
      for (const p of problems) {
        if (kept.length < MAX_KEPT_PROBLEMS) kept.push(p);
        if (p.severity === 'error' && p.entry !== null) skippedEntries.add(p.entry);
      }
      await handlers.onProblems(problems);
    }
    entriesRead += entries.length;
    for (const e of entries) {
      if (e.startedMs < watermark) late++;
      if (e.startedMs > latestStart) latestStart = e.startedMs;
    }
    // The analyzer gets the entries of a closed time window only (those that started before `next`), so it sees
    // them in the order the whole-file analysis does: a preflight listed just after its request, or a batch boundary
    // between them, pairs as it would in one pass (an entry later than SETTLE_WINDOW_MS still counts as late).
    const next = final ? Infinity : latestStart - SETTLE_WINDOW_MS;
    for (const e of entries) held.push(e);
    const ready: ObservedEntry[] = [];
    const keep: ObservedEntry[] = [];
    for (const e of held) (e.startedMs < next ? ready : keep).push(e);
    held = keep;
    if (ready.length > 0) analyzer.addObserved(ready);
    if (next > watermark) {
      watermark = next;
      await emit(analyzer.settle(next));
      // An exchange merged into another never settles under its own id: forget it once it is out of the window.
      for (const [id, p] of pending) if (p.startedMs < next - SETTLE_WINDOW_MS) pending.delete(id);
    }
  };

  for await (const chunk of source) {
    reader.write(chunk);
    if (reader.failed) break;
    if (reader.pending >= BATCH_ENTRIES) await flush(false);
    if (handlers.onProgress) {
      bytes += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
      handlers.onProgress(bytes, entriesRead);
    }
  }
  const input = reader.end();
  await flush(true);
  return { input, counts, problems: kept, problemCount, skipped: skippedEntries.size, late, exchanges, apis: apiView?.apis() ?? null };
}
