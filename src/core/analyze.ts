// Entry point "analysis with hints": HAR entries in, one report per exchange out, with AWS/generic hints attached
// to every exchange that is not allowed. The engine is ./analyzer.ts; this adds the hint engine (./hints-bridge.ts).
import type { AnalysisReport, ExchangeReport, ObservedEntry } from './types';
import { readHar } from './har/read';
import { createAnalyzerCore, withoutHints, type Analyzer, type HintStep } from './analyzer';
import { buildReport } from './envelope';
import { attachHints } from './hints-bridge';
import { analyzeApis, flatFindings } from './api';

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
  /** Add the API view (`apis`, `findings`; default true). */
  readonly apis?: boolean;
}

/** Called with each exchange as it is (re)evaluated, with its entries: the CLI's streaming path keeps them for the API view until the exchange settles. */
export type ExchangeObserver = (report: ExchangeReport, preflight: ObservedEntry | null, actual: ObservedEntry | null) => void;

/** An incremental analyser (live capture, streaming) that attaches hints unless `hints: false`. */
export function createAnalyzer(options: AnalyzeOptions = {}, observe?: ExchangeObserver): Analyzer {
  const hints: HintStep | undefined = options.hints === false ? undefined : attachHints;
  const hintStep: HintStep | undefined = observe
    ? (x, preflight, actual) => {
        const report = hints ? hints(x, preflight, actual) : withoutHints(x);
        observe(report, preflight, actual);
        return report;
      }
    : hints;
  return createAnalyzerCore({ ignoreBrowserSignals: options.ignoreBrowserSignals, hintStep });
}

/** Analyse a whole HAR (text or parsed object). Never throws on bad input: problems are reported. */
export function analyzeHar(input: string | unknown, options: AnalyzeOptions = {}): AnalysisReport {
  const read = readHar(input);
  const analyzer = createAnalyzer(options);
  analyzer.addObserved(read.entries);
  const exchanges = analyzer.exchanges();
  const report = buildReport(exchanges, read.problems, { flavour: read.flavour, entries: read.total, creator: read.creator });
  if (options.apis === false) return report;
  const apis = analyzeApis(exchanges, (i) => analyzer.entry(i));
  return { ...report, apis, findings: flatFindings(apis) };
}
