// `cors-lens probe` agrees with Chromium: the recorded browser-truth scenarios a probe can meet, served again by
// the truth server and probed over loopback. Every disagreement is listed with its cause in
// probe-known-disagreements.json: a new one fails, and so does a listed one that stops happening.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
// @ts-expect-error -- plain ESM test server without type declarations
import { startTruthServer } from './server.mjs';
// @ts-expect-error -- plain ESM scenario data
import { scenarios } from './scenarios.mjs';
import { chromiumPreflightLines, probeableFixtures, probeScenario, type ProbeComparison } from './probe-agreement';

const PORT_BASE = Number(process.env.PROBE_TRUTH_PORT_BASE) || 47421;
const fixtures = probeableFixtures();
const known = JSON.parse(readFileSync('test/browser-truth/probe-known-disagreements.json', 'utf8')) as { corsError: Record<string, string>; failedParameter: Record<string, string> };

let server: { origins: Record<string, string>; close: () => Promise<void> };
const results: ProbeComparison[] = [];

beforeAll(async () => {
  server = await startTruthServer({ scenarios, portBase: PORT_BASE });
  for (const f of fixtures) results.push(await probeScenario(f, server.origins));
}, 120_000);
afterAll(async () => server?.close());

describe('cors-lens probe agrees with Chromium 156 (browser-truth scenarios)', () => {
  test('≥ 40 scenarios across the CorsError kinds a probe can meet', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(fixtures.map((f) => f.fetches[0].truth.corsError).filter(Boolean));
    expect(kinds.size).toBeGreaterThanOrEqual(15);
  });

  test('agreement figures (allowed/blocked and corsError)', () => {
    const verdict = results.filter((r) => r.verdictAgrees).length;
    const error = results.filter((r) => r.errorAgrees).length;
    const parameter = results.filter((r) => r.parameterAgrees).length;
    const kinds = new Set(results.map((r) => r.truth.corsError).filter(Boolean)).size;
    console.log(`probe agreement: ${results.length} scenarios (${kinds} CorsError kinds), verdict ${verdict}/${results.length}, corsError ${error}/${results.length}, failedParameter ${parameter}/${results.length}`);
    expect(verdict / results.length).toBeGreaterThanOrEqual(0.95);
  });

  test('every disagreement is a known one with its cause', () => {
    const found = Object.fromEntries(results.filter((r) => !r.errorAgrees).map((r) => [r.id, `${r.truth.outcome} ${r.truth.corsError} vs ${r.ours.verdict} ${r.ours.corsError}`]));
    expect(found).toEqual(Object.fromEntries(Object.keys(known.corsError).map((k) => [k, expect.any(String)])));
    const parameters = Object.fromEntries(results.filter((r) => r.errorAgrees && !r.parameterAgrees).map((r) => [r.id, `${r.truth.failedParameter} vs ${r.ours.failedParameter}`]));
    expect(parameters).toEqual(Object.fromEntries(Object.keys(known.failedParameter).map((k) => [k, expect.any(String)])));
  });

  test("the probe's preflight is Chromium's, header line by header line (User-Agent aside)", () => {
    let compared = 0;
    for (const r of results) {
      const f = fixtures.find((x) => x.id === r.id)!;
      const chromium = chromiumPreflightLines(f, server.origins)[0];
      const ours = r.outcome.sent.find((s) => s.request.kind === 'preflight');
      if (!chromium || !ours) continue;
      compared++;
      const withoutUa = (lines: string[]) => lines.filter((l) => !l.startsWith('User-Agent:'));
      expect(withoutUa(ours.request.headers.map(([n, v]) => `${n}: ${v}`)), r.id).toEqual(withoutUa(chromium));
    }
    expect(compared).toBeGreaterThanOrEqual(40);
  });
});
