// Compares the core's verdicts with Chromium's own (CDP `Network.loadingFailed.corsErrorStatus`) on the
// browser-truth fixtures recorded by scripts/generate-browser-truth.mjs. Used by agreement.test.ts, which
// pins the figures README quotes (and checks README quotes them).
//
// Which fetches are judged is decided from the fixture alone — the HAR the browser wrote —, never from what
// the core produced: a fetch that left a HAR entry is judged, and if the core made no exchange for it, that
// is a disagreement (`ours.verdict === 'missing'`), not an exclusion.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeHar, type AnalyzeOptions, type ExchangeReport } from '../../src/core';
import { normalizeMethod } from '../../src/core/fetch/safelist';

export const FIXTURES = 'test/fixtures/browser-truth/chromium';
export const WPT_FIXTURES = 'test/fixtures/browser-truth/wpt';

export interface Truth {
  /** `not-sent`: fetch() threw before any request (no HAR entry can exist). */
  outcome: 'allowed' | 'blocked' | 'network-error' | 'not-sent';
  corsError: string | null;
  failedParameter: string | null;
  /** `audits-issue`: Chromium refused the fetch in the renderer; the verdict is only in an Audits issue. */
  source?: string;
}
export interface Fixture {
  id: string;
  description: string;
  tags?: string[];
  fetches: Array<{ seq: number; url: string; method: string; jsOutcome?: string; truth: Truth }>;
  har: { log: { entries: unknown[] } };
}

export interface Comparison {
  scenario: string;
  seq: number;
  url: string;
  truth: Truth;
  ours: { verdict: string; corsError: string | null; failedParameter: string | null; exchange: string | null };
  /** Whether the browser left a HAR entry for the fetch (read from the HAR, not from the core's output). */
  inHar: boolean;
  /** Why a fetch without a HAR entry is not judged (null when it is in the HAR). */
  excludedBecause: string | null;
  verdictAgrees: boolean;
  errorAgrees: boolean;
  parameterAgrees: boolean;
}

export function loadFixtures(dir = FIXTURES): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture)
    // other records beside the scenarios (e.g. kinds/firefox-console.json) have no fetches
    .filter((f) => Array.isArray(f.fetches));
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

interface HarEntryShape { request?: { url?: unknown; method?: unknown } }

/** How many HAR entries are first hops of a fetch of `url` with `method` (preflights are OPTIONS entries of their own). */
function harEntriesFor(fixture: Fixture, url: string, method: string): number {
  let n = 0;
  for (const e of fixture.har.log.entries as HarEntryShape[]) if (e.request?.url === url && e.request?.method === method) n++;
  return n;
}

/** Why a fetch left no HAR entry, from what the recorder saw (the fixture's `truth` and `jsOutcome`). */
export function exclusionReason(fetch: Fixture['fetches'][number]): string {
  if (fetch.truth.outcome === 'not-sent') return `fetch() threw before any request (${fetch.jsOutcome ?? 'no message'})`;
  if (fetch.truth.source === 'audits-issue') return `Chromium refused it before any request (${fetch.truth.corsError}, only in an Audits issue)`;
  return `no HAR entry (${fetch.truth.outcome}${fetch.truth.corsError ? ` ${fetch.truth.corsError}` : ''})`;
}

export function compareFixture(fixture: Fixture, options: AnalyzeOptions): Comparison[] {
  const report = analyzeHar(fixture.har, options);
  const exchanges = report.exchanges;
  const used = new Set<string>();
  /** per url+method: how many fetches of it came before (repeated fetches of one URL are taken in time order) */
  const seen = new Map<string, number>();
  return fixture.fetches.map((fetch) => {
    // fetch() normalises the method (`put` → `PUT`, but `patch` stays) before anything reaches the HAR.
    const method = normalizeMethod(fetch.method);
    const key = `${method} ${fetch.url}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const inHar = harEntriesFor(fixture, fetch.url, method) > nth;
    // The fetch's first hop: same URL and method, taken in time order for repeated fetches of one URL.
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
    return {
      scenario: fixture.id, seq: fetch.seq, url: fetch.url, truth: fetch.truth, ours, inHar,
      excludedBecause: inHar ? null : exclusionReason(fetch), verdictAgrees, errorAgrees, parameterAgrees,
    };
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
  /** The same three as counts of judged fetches. */
  counts: { verdict: number; corsError: number; failedParameter: number };
  disagreements: Comparison[];
}

export function measureAgreement(fixtures: readonly Fixture[], options: AnalyzeOptions): Agreement {
  const compared = fixtures.flatMap((f) => compareFixture(f, options));
  const all = compared.filter((c) => c.inHar);
  const counts = {
    verdict: all.filter((c) => c.verdictAgrees).length,
    corsError: all.filter((c) => c.errorAgrees).length,
    failedParameter: all.filter((c) => c.parameterAgrees).length,
  };
  const share = (n: number) => (all.length === 0 ? 0 : n / all.length);
  return {
    fetches: all.length,
    notInHar: compared.filter((c) => !c.inHar),
    scenarios: fixtures.length,
    verdict: share(counts.verdict),
    corsError: share(counts.corsError),
    failedParameter: share(counts.failedParameter),
    counts,
    disagreements: all.filter((c) => !c.parameterAgrees),
  };
}

/** `verdict/corsError(failedParameter)`, the form known-disagreements*.json pins. */
export const answer = (a: { verdict?: string; outcome?: string; corsError: string | null; failedParameter: string | null }): string =>
  `${a.verdict ?? a.outcome}/${a.corsError ?? '-'}(${a.failedParameter ?? ''})`;

/** The cells of a README agreement row: `judged / excluded | allowed-blocked | corsError | failedParameter |`. */
export function readmeCells(a: Agreement): string {
  const pct = (n: number) => `${a.fetches === 0 ? '0.0' : ((n / a.fetches) * 100).toFixed(1)} % (${n})`;
  return `| ${a.fetches} / ${a.notInHar.length} | ${pct(a.counts.verdict)} | ${pct(a.counts.corsError)} | ${pct(a.counts.failedParameter)} |`;
}
