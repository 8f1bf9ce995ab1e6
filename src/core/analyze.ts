// Entry point "analysis with hints": HAR entries in, one report per exchange out, with AWS/generic hints attached
// to every exchange that is not allowed. The engine is ./analyzer.ts; this adds the hint engine (./hints-bridge.ts).
import type { AnalysisReport } from './types';
import { readHar } from './har/read';
import { createAnalyzerCore, type Analyzer } from './analyzer';
import { buildReport } from './envelope';
import { attachHints } from './hints-bridge';

export type { Analyzer } from './analyzer';
export { attachHints } from './hints-bridge';
// "Find it in the logs" needs the fingerprints the hint engine computes: it ships with it.
export { findInLogs } from './hints/logs';
export type { LogSnippet, LogSourcePlan, LogsPlan } from './hints/logs';

export interface AnalyzeOptions {
  /** Ignore the browser's own signals (Chromium `_error`) and judge from headers alone. */
  readonly ignoreBrowserSignals?: boolean;
  /** Attach AWS/generic hints (default true). */
  readonly hints?: boolean;
}

/** An incremental analyser (live capture, streaming) that attaches hints unless `hints: false`. */
export function createAnalyzer(options: AnalyzeOptions = {}): Analyzer {
  return createAnalyzerCore({ ignoreBrowserSignals: options.ignoreBrowserSignals, hintStep: options.hints === false ? undefined : attachHints });
}

/** Analyse a whole HAR (text or parsed object). Never throws on bad input: problems are reported. */
export function analyzeHar(input: string | unknown, options: AnalyzeOptions = {}): AnalysisReport {
  const read = readHar(input);
  const analyzer = createAnalyzer(options);
  analyzer.addObserved(read.entries);
  const exchanges = analyzer.exchanges();
  return buildReport(exchanges, read.problems, { flavour: read.flavour, entries: read.total, creator: read.creator });
}
