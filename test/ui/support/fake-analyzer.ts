// A tiny stand-in for the core's Analyzer, for component tests: each raw entry is a ready-made
// ExchangeReport (or `{ bad: true }`, which becomes an input problem).
import type { PanelAnalyzer } from '../../../src/ui/store';
import type { ExchangeReport, InputProblem, ObservedEntry } from '../../../src/core/types';

export function report(over: Partial<ExchangeReport> & { id: string }): ExchangeReport {
  return {
    url: `http://127.0.0.1:8702/${over.id}`,
    method: 'GET',
    origin: 'http://127.0.0.1:8701',
    originFrom: 'origin-header',
    kind: 'cors',
    notCorsReason: null,
    actualEntry: null,
    preflightEntry: null,
    redirectedFrom: null,
    pairing: { method: 'no-preflight-needed', detail: 'A simple request.' },
    startedMs: Date.parse('2026-11-24T18:47:46.000Z'),
    verdict: 'allowed',
    unknownReason: null,
    corsError: null,
    failedParameter: null,
    allFailures: [],
    firefoxReason: null,
    pageStatus: 200,
    serverStatus: 200,
    hiddenStatus: null,
    preflightReason: null,
    credentials: { value: 'unknown', from: 'not-recorded-in-har' },
    checks: [],
    // Chromium-like by default (the browser's own signal); pass `browser: { kind: 'none' }` for an inferred verdict.
    browser: over.verdict === 'blocked' ? { kind: 'blocked', error: 'net::ERR_FAILED' } : { kind: 'passed', error: null },
    summary: 'Allowed.',
    fingerprints: [],
    hints: [],
    ...over,
  };
}

export function observed(over: Partial<ObservedEntry> & { index: number }): ObservedEntry {
  return {
    startedMs: 0,
    durationMs: 1,
    method: 'GET',
    url: 'http://127.0.0.1:8702/x',
    requestHeaders: [],
    hasRequestCookies: false,
    requestBody: null,
    requestBodySize: 0,
    status: 200,
    statusText: 'OK',
    responseHeaders: [],
    redirectURL: '',
    resourceType: 'fetch',
    initiator: null,
    error: null,
    flavour: 'chromium',
    responseBody: null,
    responseMimeType: null,
    ...over,
  };
}

export interface FakeEntry {
  report?: ExchangeReport;
  observed?: Omit<ObservedEntry, 'index'>;
  bad?: boolean;
}

export function createFakeAnalyzer(): PanelAnalyzer & { added: number } {
  let reports = new Map<string, ExchangeReport>();
  let entries: ObservedEntry[] = [];
  let problems: InputProblem[] = [];
  const fake = {
    added: 0,
    add(raw: readonly unknown[]) {
      const changed: ExchangeReport[] = [];
      for (const r of raw as FakeEntry[]) {
        const index = entries.length;
        entries.push({ ...(r.observed ?? observed({ index })), index } as ObservedEntry);
        fake.added++;
        if (r.bad) problems.push({ severity: 'error', entry: index, field: 'request.url', message: 'not a string' });
        else if (r.report) {
          reports.set(r.report.id, r.report);
          changed.push(r.report);
        }
      }
      return changed;
    },
    exchanges: () => [...reports.values()].sort((a, b) => a.startedMs - b.startedMs),
    problems: () => problems,
    entry: (i: number) => entries[i],
    clear() {
      reports = new Map();
      entries = [];
      problems = [];
    },
  };
  return fake;
}
