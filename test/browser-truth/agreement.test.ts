// The core against Chromium's own verdicts on real captures (see test/fixtures/browser-truth/chromium/README.md).
// Every disagreement must be listed, with its cause, in known-disagreements.json: a new one fails the test,
// and so does a listed one that no longer happens (the list stays true).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadFixtures, measureAgreement } from './agreement';

const fixtures = loadFixtures();
const known = JSON.parse(readFileSync('test/browser-truth/known-disagreements.json', 'utf8')) as {
  withBrowserSignals: Record<string, string>;
  headersOnly: Record<string, string>;
};
const key = (c: { scenario: string; seq: number }) => `${c.scenario}#${c.seq}`;

describe('agreement with Chromium (browser-truth suite)', () => {
  test('the suite is big enough to mean something: ≥150 scenarios, about a third allowed', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(150);
    const fetches = fixtures.flatMap((f) => f.fetches);
    const allowed = fetches.filter((f) => f.truth.outcome === 'allowed').length / fetches.length;
    expect(allowed).toBeGreaterThan(0.2);
    expect(allowed).toBeLessThan(0.5);
  });

  const full = measureAgreement(fixtures, {});
  test(`with Chrome's _error as evidence: allowed/blocked ${(full.verdict * 100).toFixed(1)}%, corsError ${(full.corsError * 100).toFixed(1)}%, failedParameter ${(full.failedParameter * 100).toFixed(1)}%`, () => {
    expect(full.verdict).toBe(1);
    expect(full.corsError).toBeGreaterThanOrEqual(0.99);
    expect(full.failedParameter).toBeGreaterThanOrEqual(0.97);
  });
  test('every disagreement (with browser signals) is a known one with its cause', () => {
    expect(Object.fromEntries(full.disagreements.map((c) => [key(c), `${c.truth.corsError}(${c.truth.failedParameter}) vs ${c.ours.corsError}(${c.ours.failedParameter})`])))
      .toEqual(Object.fromEntries(Object.keys(known.withBrowserSignals).map((k) => [k, expect.any(String)])));
  });

  const headersOnly = measureAgreement(fixtures, { ignoreBrowserSignals: true });
  test(`from headers alone (as for Firefox HARs): allowed/blocked ${(headersOnly.verdict * 100).toFixed(1)}%, corsError ${(headersOnly.corsError * 100).toFixed(1)}%`, () => {
    expect(Object.keys(Object.fromEntries(headersOnly.disagreements.map((c) => [key(c), 1]))).sort()).toEqual(Object.keys(known.headersOnly).sort());
  });
});
