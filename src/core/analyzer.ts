// The analyser without the hint engine: HAR entries in, one report per exchange out (verdict, failures,
// checklist), with `fingerprints` and `hints` left empty unless a hint step is given. It imports nothing from
// src/core/hints, so the panel can start without the catalogue (about half of its JavaScript) and load it when
// an exchange is shown (src/ui/lazy-hints.ts). The public entry point with hints is ./analyze.ts.
import type { ExchangeReport, InputProblem, ObservedEntry } from './types';
import { createHarLogReader } from './har/log-reader';
import { Pairer, type ExchangeState } from './pairing/pairer';
import { evaluateExchange, type EvaluatedExchange } from './cors/evaluate';

/** Completes an evaluated exchange into a report: fills its fingerprints and hints (see ./hints-bridge.ts). */
export type HintStep = (exchange: EvaluatedExchange, preflight: ObservedEntry | null, actual: ObservedEntry | null) => ExchangeReport;

export interface AnalyzerOptions {
  /** Ignore the browser's own signals (Chromium `_error`) and judge from headers alone. */
  readonly ignoreBrowserSignals?: boolean;
  /** Fills fingerprints and hints; without it both are empty. */
  readonly hintStep?: HintStep;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Shared by every exchange without fingerprints or hints (frozen: a report is read-only).
const NO_FINGERPRINTS: ExchangeReport['fingerprints'] = Object.freeze([]);
const NO_HINTS: ExchangeReport['hints'] = Object.freeze([]);

/** An exchange with no fingerprints and no hints, completed in place (it was built for this: no copy on the hot path). */
export function withoutHints(exchange: EvaluatedExchange): ExchangeReport {
  const x = exchange as Mutable<ExchangeReport>;
  x.fingerprints = NO_FINGERPRINTS;
  x.hints = NO_HINTS;
  return x;
}

/** Incremental analyser for live capture: feed raw HAR entries as they arrive, read exchanges back. */
export interface Analyzer {
  /** Adds raw HAR entries (any order), numbered from 0 after creation or clear(); returns the exchanges created or changed. */
  add(rawEntries: readonly unknown[]): ExchangeReport[];
  /** Adds entries already read (the CLI's streaming reader uses this). */
  addObserved(entries: readonly ObservedEntry[]): ExchangeReport[];
  /** All exchanges, in start-time order. */
  exchanges(): ExchangeReport[];
  /**
   * Streaming: once every entry that started before `watermarkMs` has been added, returns the exchanges
   * nothing later can change and forgets them, so memory stays bounded on HARs of any size.
   */
  settle(watermarkMs: number): ExchangeReport[];
  /** Entries that could not be read, each named by index and field. */
  problems(): readonly InputProblem[];
  entry(index: number): ObservedEntry | undefined;
  clear(): void;
}

export function createAnalyzerCore(options: AnalyzerOptions = {}): Analyzer {
  const hintStep = options.hintStep;
  const pairer = new Pairer();
  const entries = new Map<number, ObservedEntry>();
  const reports = new Map<string, ExchangeReport>();
  let problems: InputProblem[] = [];
  let nextIndex = 0;
  const reader = createHarLogReader();
  // The exchanges in start-time order, kept up to date cheaply for live capture (new exchanges usually start
  // last, and a re-evaluated one usually keeps its place); a full sort only when that does not hold.
  let sorted: ExchangeReport[] | null = null;
  let position = new Map<string, number>();
  let snapshot: ExchangeReport[] | null = null;
  const byStart = (a: ExchangeReport, b: ExchangeReport) => a.startedMs - b.startedMs || compareIds(a.id, b.id);
  const invalidate = () => {
    sorted = null;
    snapshot = null;
  };
  const place = (updates: readonly ExchangeReport[]) => {
    snapshot = null;
    if (sorted === null) return;
    for (const x of updates) {
      const at = position.get(x.id);
      if (at !== undefined && sorted[at].startedMs === x.startedMs) sorted[at] = x;
      else if (at === undefined && (sorted.length === 0 || byStart(sorted[sorted.length - 1], x) < 0)) {
        position.set(x.id, sorted.length);
        sorted.push(x);
      } else return invalidate();
    }
  };

  const report = (state: ExchangeState): ExchangeReport => {
    const evaluated = evaluate(state, options);
    const full = hintStep ? hintStep(evaluated, state.preflight, state.actual) : withoutHints(evaluated);
    reports.set(state.id, full);
    return full;
  };

  const addObserved = (batch: readonly ObservedEntry[]): ExchangeReport[] => {
    // Time order makes preflight-cache pairing deterministic; the pairer copes with any order.
    const ordered = [...batch].sort((a, b) => a.startedMs - b.startedMs || a.index - b.index);
    const changed = new Map<string, ExchangeState>();
    for (const e of ordered) {
      entries.set(e.index, e);
      for (const state of pairer.add(e)) changed.set(state.id, state);
    }
    const updates = [...changed.values()].map(report);
    place(updates);
    return updates;
  };

  return {
    add(rawEntries) {
      const read = reader.read(rawEntries, nextIndex);
      nextIndex += rawEntries.length;
      for (const x of read.problems) problems.push(x);
      return addObserved(read.entries);
    },
    addObserved(batch) {
      for (const e of batch) nextIndex = Math.max(nextIndex, e.index + 1);
      return addObserved(batch);
    },
    exchanges() {
      if (sorted === null) {
        sorted = [...reports.values()].sort(byStart);
        position = new Map(sorted.map((x, i) => [x.id, i]));
      }
      // A new array whenever something changed, so that a UI comparing references sees the change.
      snapshot ??= sorted.slice();
      return snapshot;
    },
    settle(watermarkMs) {
      const out: ExchangeReport[] = [];
      for (const state of pairer.settle(watermarkMs)) {
        const r = reports.get(state.id);
        if (r) out.push(r);
        reports.delete(state.id);
        if (state.actual) entries.delete(state.actual.index);
        if (state.preflight) entries.delete(state.preflight.index);
      }
      if (out.length) invalidate();
      return out.sort(byStart);
    },
    problems: () => problems,
    entry: (index) => entries.get(index),
    clear() {
      pairer.clear();
      entries.clear();
      reports.clear();
      problems = [];
      invalidate();
      nextIndex = 0;
      reader.reset();
    },
  };
}

function compareIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}

function evaluate(state: ExchangeState, options: AnalyzerOptions): EvaluatedExchange {
  const role = state.role;
  if (role.kind === 'not-cors') {
    const e = state.actual!;
    return {
      id: state.id, url: e.url, method: e.method, origin: role.origin, originFrom: role.originFrom, kind: 'not-cors', notCorsReason: role.reason,
      actualEntry: e.index, preflightEntry: null, redirectedFrom: state.redirectedFrom, pairing: state.pairing, startedMs: e.startedMs,
      verdict: 'not-cors', unknownReason: null, corsError: null, failedParameter: null, allFailures: [], firefoxReason: null,
      pageStatus: e.status, serverStatus: e.status > 0 ? e.status : null, hiddenStatus: null, preflightReason: null,
      credentials: { value: 'unknown', from: 'not-cors' }, checks: [], browser: { kind: 'none', error: e.error ?? null },
      summary: `Not a CORS request: ${role.reason}.`,
    };
  }
  const preflightOrigin = state.preflight ? state.preflight.requestHeaders.find(([n]) => n === 'origin')?.[1] ?? null : null;
  const origin = role.kind === 'cors' ? role.origin : (role.origin ?? preflightOrigin ?? 'null');
  const originFrom = role.kind === 'cors' ? role.originFrom : 'origin-header';
  const requested = state.preflight ? requestedHeaders(state.preflight) : null;
  return evaluateExchange({
    id: state.id, actual: state.actual, preflight: state.preflight, pairing: state.pairing, origin, originFrom,
    redirectedFrom: state.redirectedFrom, resentAs: state.resentAs, requestedHeaderNames: requested, ignoreBrowserSignals: options.ignoreBrowserSignals ?? false,
  });
}

function requestedHeaders(preflight: ObservedEntry): string[] {
  const acrh = preflight.requestHeaders.filter(([n]) => n === 'access-control-request-headers').map(([, v]) => v).join(',');
  return acrh.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean).sort();
}
