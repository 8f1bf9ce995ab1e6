// Compares the core's verdicts with Chromium's own (CDP `Network.loadingFailed.corsErrorStatus`) on the
// browser-truth fixtures recorded by scripts/generate-browser-truth.mjs. Used by agreement.test.ts and
// by `node scripts/truth-agreement.mjs` (which prints the figures README quotes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeHar, type AnalyzeOptions, type ExchangeReport } from '../../src/core';

export const FIXTURES = 'test/fixtures/browser-truth/chromium';

export interface Truth {
  outcome: 'allowed' | 'blocked' | 'network-error';
  corsError: string | null;
  failedParameter: string | null;
}
export interface Fixture {
  id: string;
  description: string;
  tags?: string[];
  fetches: Array<{ seq: number; url: string; method: string; truth: Truth }>;
  har: { log: { entries: unknown[] } };
}

export interface Comparison {
  scenario: string;
  seq: number;
  url: string;
  truth: Truth;
  ours: { verdict: string; corsError: string | null; failedParameter: string | null; exchange: string | null };
  verdictAgrees: boolean;
  errorAgrees: boolean;
  parameterAgrees: boolean;
}

export function loadFixtures(dir = FIXTURES): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);
}

/** Follows a redirect chain from its first hop to the hop where the browser stopped or finished. */
function finalHop(first: ExchangeReport, all: readonly ExchangeReport[]): ExchangeReport {
  let hop = first;
  for (let i = 0; i < 25; i++) {
    if (hop.verdict === 'blocked' || hop.actualEntry === null) return hop;
    const next = all.find((x) => x.redirectedFrom === hop.actualEntry && x.actualEntry !== hop.actualEntry);
    if (!next) return hop;
    hop = next;
  }
  return hop;
}

export function compareFixture(fixture: Fixture, options: AnalyzeOptions): Comparison[] {
  const report = analyzeHar(fixture.har, options);
  const exchanges = report.exchanges;
  const used = new Set<string>();
  return fixture.fetches.map((fetch) => {
    // The fetch's first hop: same URL and method, taken in time order for repeated fetches of one URL.
    const candidates = exchanges.filter((x) => x.url === fetch.url && x.method === fetch.method && x.redirectedFrom === null && !used.has(x.id));
    const first = candidates[0];
    if (first) used.add(first.id);
    const x = first ? finalHop(first, exchanges) : undefined;
    const ours = x
      ? { verdict: x.verdict, corsError: x.corsError, failedParameter: x.failedParameter, exchange: x.id }
      : { verdict: 'missing', corsError: null, failedParameter: null, exchange: null };
    const expected = fetch.truth.outcome === 'network-error' ? 'unknown' : fetch.truth.outcome;
    const ourVerdict = ours.verdict === 'not-cors' ? 'allowed' : ours.verdict;
    const verdictAgrees = ourVerdict === expected;
    const errorAgrees = verdictAgrees && (ours.corsError ?? null) === (fetch.truth.corsError ?? null);
    const parameterAgrees = errorAgrees && (ours.failedParameter ?? '') === (fetch.truth.failedParameter ?? '');
    return { scenario: fixture.id, seq: fetch.seq, url: fetch.url, truth: fetch.truth, ours, verdictAgrees, errorAgrees, parameterAgrees };
  });
}

export interface Agreement {
  fetches: number;
  scenarios: number;
  verdict: number;
  corsError: number;
  failedParameter: number;
  disagreements: Comparison[];
}

export function measureAgreement(fixtures: readonly Fixture[], options: AnalyzeOptions): Agreement {
  const all = fixtures.flatMap((f) => compareFixture(f, options));
  const share = (n: number) => (all.length === 0 ? 0 : n / all.length);
  return {
    fetches: all.length,
    scenarios: fixtures.length,
    verdict: share(all.filter((c) => c.verdictAgrees).length),
    corsError: share(all.filter((c) => c.errorAgrees).length),
    failedParameter: share(all.filter((c) => c.parameterAgrees).length),
    disagreements: all.filter((c) => !c.parameterAgrees),
  };
}
