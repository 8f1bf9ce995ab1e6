// Compares the core's verdicts with Chromium's own (CDP `Network.loadingFailed.corsErrorStatus`) on the
// browser-truth fixtures recorded by scripts/generate-browser-truth.mjs. Used by agreement.test.ts and
// by `node scripts/truth-agreement.mjs` (which prints the figures README quotes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeHar, type AnalyzeOptions, type ExchangeReport } from '../../src/core';
import { normalizeMethod } from '../../src/core/fetch/safelist';

export const FIXTURES = 'test/fixtures/browser-truth/chromium';

export interface Truth {
  /** `not-sent`: fetch() threw before any request (no HAR entry can exist). */
  outcome: 'allowed' | 'blocked' | 'network-error' | 'not-sent';
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
  /** False when the browser left no HAR entry for the fetch at all (nothing a HAR tool can judge). */
  inHar: boolean;
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
    // fetch() normalises the method (`put` → `PUT`, but `patch` stays) before anything reaches the HAR.
    const method = normalizeMethod(fetch.method);
    const candidates = exchanges.filter((x) => x.url === fetch.url && x.method === method && x.redirectedFrom === null && !used.has(x.id));
    const first = candidates[0];
    if (first) used.add(first.id);
    const x = first ? finalHop(first, exchanges) : undefined;
    const ours = x
      ? { verdict: x.verdict, corsError: x.corsError, failedParameter: x.failedParameter, exchange: x.id }
      : { verdict: 'missing', corsError: null, failedParameter: null, exchange: null };
    // A network error is not a CORS decision: we must not call it allowed or blocked ("unknown", or "not CORS").
    const verdictAgrees =
      fetch.truth.outcome === 'network-error'
        ? ours.verdict === 'unknown' || ours.verdict === 'not-cors'
        : (ours.verdict === 'not-cors' ? 'allowed' : ours.verdict) === fetch.truth.outcome;
    const errorAgrees = verdictAgrees && (ours.corsError ?? null) === (fetch.truth.corsError ?? null);
    const parameterAgrees = errorAgrees && (ours.failedParameter ?? '') === (fetch.truth.failedParameter ?? '');
    const inHar = first !== undefined;
    return { scenario: fixture.id, seq: fetch.seq, url: fetch.url, truth: fetch.truth, ours, inHar, verdictAgrees, errorAgrees, parameterAgrees };
  });
}

export interface Agreement {
  /** Fetches judged: those that left at least one HAR entry. */
  fetches: number;
  /** Fetches that left no HAR entry (fetch() threw, or Chromium refused before DevTools saw a request). */
  notInHar: Comparison[];
  scenarios: number;
  verdict: number;
  corsError: number;
  failedParameter: number;
  disagreements: Comparison[];
}

export function measureAgreement(fixtures: readonly Fixture[], options: AnalyzeOptions): Agreement {
  const compared = fixtures.flatMap((f) => compareFixture(f, options));
  const all = compared.filter((c) => c.inHar);
  const share = (n: number) => (all.length === 0 ? 0 : n / all.length);
  return {
    fetches: all.length,
    notInHar: compared.filter((c) => !c.inHar),
    scenarios: fixtures.length,
    verdict: share(all.filter((c) => c.verdictAgrees).length),
    corsError: share(all.filter((c) => c.errorAgrees).length),
    failedParameter: share(all.filter((c) => c.parameterAgrees).length),
    disagreements: all.filter((c) => !c.parameterAgrees),
  };
}
