// The core against Chromium's own verdicts on real captures, for two sets:
//   - test/fixtures/browser-truth/chromium: the matrix written alongside the core (README "How right is it");
//   - test/fixtures/browser-truth/wpt: the out-of-sample set, WPT's CORS test parameters (README, "out-of-sample").
// Proofs that cannot drift:
//   - which fetches are judged comes from the HAR (agreement.ts), so a dropped exchange is a disagreement;
//   - the judged and excluded counts are asserted, and every exclusion carries its reason;
//   - every disagreement is pinned with today's exact answer in known-disagreements*.json: a new one, a
//     listed one that stops happening, or a listed one that turns into another wrong answer all fail;
//   - README's agreement rows are the figures measured here.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { FIXTURES, WPT_FIXTURES, answer, loadFixtures, measureAgreement, readmeCells, type Agreement } from './agreement';

interface Pinned { chromium: string; ours: string; cause: string }
interface Known {
  excluded: Record<string, string>;
  withBrowserSignals: Record<string, Pinned>;
  headersOnly: Record<string, Pinned>;
}
const readJson = <T,>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;
const README = readFileSync('README.md', 'utf8');
const key = (c: { scenario: string; seq: number }) => `${c.scenario}#${c.seq}`;
const pinned = (a: Agreement) => Object.fromEntries(a.disagreements.map((c) => [key(c), { chromium: answer(c.truth), ours: answer(c.ours) }]));
const withoutCause = (list: Record<string, Pinned>) => Object.fromEntries(Object.entries(list).map(([k, { chromium, ours }]) => [k, { chromium, ours }]));

const SETS = [
  {
    name: 'the browser-truth matrix',
    dir: FIXTURES,
    known: readJson<Known>('test/browser-truth/known-disagreements.json'),
    // what the suite measures today (README "How right is it" quotes these rows)
    counts: { judged: 319, excluded: 7, scenarios: 315 },
    readmeRows: { withBrowserSignals: "| headers + Chrome's `_error` (a Chrome HAR) ", headersOnly: '| headers alone (as for Firefox or plain HARs) ' },
  },
  {
    name: 'the out-of-sample WPT set',
    dir: WPT_FIXTURES,
    known: readJson<Known>('test/browser-truth/known-disagreements-wpt.json'),
    counts: { judged: 282, excluded: 0, scenarios: 279 },
    readmeRows: { withBrowserSignals: "| after: headers + Chrome's `_error` ", headersOnly: '| after: headers alone ' },
  },
] as const;

describe('agreement with Chromium (browser-truth suites)', () => {
  test('the matrix is big enough to mean something: ≥150 scenarios, about a third allowed', () => {
    const fixtures = loadFixtures(FIXTURES);
    expect(fixtures.length).toBeGreaterThanOrEqual(150);
    const fetches = fixtures.flatMap((f) => f.fetches);
    const allowed = fetches.filter((f) => f.truth.outcome === 'allowed').length / fetches.length;
    expect(allowed).toBeGreaterThan(0.2);
    expect(allowed).toBeLessThan(0.5);
  });

  test("README's description of the matrix is what the fixtures hold: 315 scenarios, 326 fetches, outcomes, CorsError values", () => {
    const fixtures = loadFixtures(FIXTURES);
    const fetches = fixtures.flatMap((f) => f.fetches);
    const count = (o: string) => fetches.filter((f) => f.truth.outcome === o).length;
    const judged = measureAgreement(fixtures, {});
    const excludedKeys = new Set(judged.notInHar.map((c) => `${c.scenario}#${c.seq}`));
    const errors = (keep: (key: string) => boolean) =>
      new Set(fixtures.flatMap((f) => f.fetches.filter((x) => x.truth.corsError && keep(`${f.id}#${x.seq}`)).map((x) => x.truth.corsError))).size;
    const facts = {
      scenarios: fixtures.length, fetches: fetches.length, allowed: count('allowed'), blocked: count('blocked'),
      networkErrors: count('network-error'), notSent: count('not-sent'), corsErrors: errors(() => true), corsErrorsJudged: errors((k) => !excludedKeys.has(k)),
    };
    expect(facts).toEqual({ scenarios: 315, fetches: 326, allowed: 131, blocked: 172, networkErrors: 20, notSent: 3, corsErrors: 25, corsErrorsJudged: 23 });
    const readme = README.replace(/\s+/g, ' ');
    for (const phrase of [`runs ${facts.scenarios} scenarios (${facts.fetches} fetches)`, `(${facts.allowed} allowed, ${facts.blocked} blocked, ${facts.networkErrors} network errors, ${facts.notSent} never sent;`, `${facts.corsErrors} of the 28 \`CorsError\` values, ${facts.corsErrorsJudged} of them among the judged fetches`])
      expect(readme).toContain(phrase);
  });

  for (const set of SETS) {
    describe(set.name, () => {
      const fixtures = loadFixtures(set.dir);
      const modes = [
        ['withBrowserSignals', measureAgreement(fixtures, {})],
        ['headersOnly', measureAgreement(fixtures, { ignoreBrowserSignals: true })],
      ] as const;

      test(`${set.counts.judged} fetches are judged and ${set.counts.excluded} excluded, each for a reason read from the capture`, () => {
        const [, full] = modes[0];
        expect({ scenarios: full.scenarios, judged: full.fetches, excluded: full.notInHar.length }).toEqual(set.counts);
        expect(Object.fromEntries(full.notInHar.map((c) => [key(c), c.excludedBecause]))).toEqual(set.known.excluded);
      });

      for (const [mode, agreement] of modes) {
        const label = mode === 'withBrowserSignals' ? "with Chrome's _error as evidence" : 'from headers alone (as for Firefox HARs)';
        test(`${label}: every disagreement is a listed one, answering exactly what it answered when listed`, () => {
          expect(pinned(agreement)).toEqual(withoutCause(set.known[mode]));
          for (const [k, p] of Object.entries(set.known[mode])) expect(p.cause.length, `${k} needs a cause`).toBeGreaterThan(20);
        });
        test(`${label}: README quotes the measured row ${readmeCells(agreement)}`, () => {
          expect(README).toContain(`${set.readmeRows[mode]}${readmeCells(agreement)}`);
        });
      }
    });
  }
});
