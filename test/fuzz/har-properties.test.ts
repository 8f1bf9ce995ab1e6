// Hostile input at scale (issue 16): property tests over generated HARs (fast-check). Every case goes through
// analyzeHar, the four export formats, the streaming reader and the panel's importer, and must keep the
// invariants of invariants.ts: never throw, every skipped entry named, the report's documented shape, no
// planted secret in any export, the importer always finishes.
//
//   npx vitest run --project unit test/fuzz        the CI slice: a fixed seed, FUZZ_RUNS cases (default 150, about a minute)
//   npm run fuzz                                   the full run: 10,000 cases over FUZZ_SHARDS processes (default 2),
//                                                  figures in test/fuzz/last-run.json
//   FUZZ_SEED=123 FUZZ_RUNS=500 npx vitest run --project unit test/fuzz    another slice
//
// A failing case is shrunk by fast-check and printed with its seed and path, so it replays.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeHar, renderReport } from '../../src/core';
import { TOO_DEEP_NOTE } from '../../src/core/redact/har';
import { harCaseArb, textDamageArb, PAGE, API } from './arbitraries';
import { runCase, type CaseInput } from './run-case';

const RUNS = Number(process.env.FUZZ_RUNS) || 150;
const SEED = Number(process.env.FUZZ_SEED) || 16_016;
const REPORT = process.env.FUZZ_REPORT;
/** The full run splits its cases over processes (scripts/fuzz.mjs); the one-off checks run in shard 0 only. */
const FIRST_SHARD = (Number(process.env.FUZZ_SHARD) || 0) === 0;
/**
 * A case slower than this is counted as a hang. Generous on purpose: the biggest generated cases (15,000 header
 * names in one preflight, each quoted in every export) take seconds on a quiet machine and ten times that on a
 * loaded 2-core one; a real hang (a loop, a quadratic regexp on 60 KB) takes far longer. The full run reports
 * the slowest case, and growth with size is measured separately (full run only).
 */
const HANG_MS = 180_000;

const caseArb: fc.Arbitrary<CaseInput> = fc.record({
  harCase: harCaseArb,
  textDamage: textDamageArb,
  chunk: fc.integer({ min: 1, max: 8192 }),
  extra: fc.tuple(fc.constantFrom('har' as const, 'markdown' as const, 'html' as const, 'json' as const), fc.constantFrom('cors' as const, 'blocked' as const)),
});

describe(`generated hostile HARs (seed ${SEED}, ${RUNS} cases)`, () => {
  test('every invariant holds for every case', async () => {
    const figures = { cases: 0, entries: 0, bytes: 0, planted: 0, violations: 0, hangs: 0, slowestMs: 0, slowestPerEntryMs: 0, totalMs: 0 };
    const t = performance.now();
    await fc.assert(
      fc.asyncProperty(caseArb, async (input) => {
        const r = await runCase(input);
        figures.cases++;
        figures.entries += r.entries;
        figures.bytes += r.bytes;
        figures.planted += r.planted;
        figures.slowestMs = Math.max(figures.slowestMs, r.ms);
        if (r.entries > 0) figures.slowestPerEntryMs = Math.max(figures.slowestPerEntryMs, r.ms / r.entries);
        const hang = r.ms > HANG_MS ? [{ invariant: 'never hangs', detail: `${r.ms.toFixed(0)} ms for ${r.entries} entries` }] : [];
        const violations = [...r.violations, ...hang];
        figures.violations += violations.length;
        figures.hangs += hang.length;
        // the full run writes its figures as it goes, so a run cut short still says how far it got
        if (REPORT && figures.cases % 250 === 0) writeFileSync(REPORT, `${JSON.stringify({ seed: SEED, runs: RUNS, ...figures, totalMs: performance.now() - t, inProgress: true }, null, 2)}\n`);
        expect(violations).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    figures.totalMs = performance.now() - t;
    if (REPORT) writeFileSync(REPORT, `${JSON.stringify({ seed: SEED, runs: RUNS, ...figures, at: new Date().toISOString() }, null, 2)}\n`);
    expect(figures.cases).toBe(RUNS);
  }, 0);
});

// Growth: the same generated entries, 1× and 20× (copies with their own URLs), analysed; time per entry must not
// grow with the count. Wall-clock, so only in the full run (npm run fuzz), never in CI's slice.
describe.runIf(RUNS >= 1000 && FIRST_SHARD)('time per entry does not grow with the number of entries (full run only)', () => {
  test('20× the entries costs at most 3× the time per entry', () => {
    const cases = fc.sample(harCaseArb.filter((c) => c.entries.length >= 5), { seed: SEED, numRuns: 60 });
    // best of several runs: a single run of a few milliseconds measures the garbage collector, not the code
    const perEntry = (entries: unknown[], tries: number) => {
      const har = { log: { version: '1.2', creator: { name: 'fuzz', version: '0' }, entries } };
      let best = Infinity;
      for (let i = 0; i < tries; i++) {
        const t = performance.now();
        analyzeHar(har);
        best = Math.min(best, performance.now() - t);
      }
      return best / entries.length;
    };
    const scaled = (entries: unknown[], k: number) =>
      Array.from({ length: k }, (_, copy) => JSON.parse(JSON.stringify(entries).replaceAll('127.0.0.1:8702/', `127.0.0.1:8702/c${copy}/`)) as unknown[]).flat();
    const base = cases.flatMap((c) => c.entries);
    perEntry(scaled(base, 2), 2); // warm-up
    const one = perEntry(base, 9);
    const twenty = perEntry(scaled(base, 20), 3);
    if (REPORT) writeFileSync(`${REPORT}.growth.json`, `${JSON.stringify({ entries: base.length, msPerEntry1x: one, msPerEntry20x: twenty, ratio: twenty / one }, null, 2)}\n`);
    expect(twenty / one).toBeLessThan(3);
  }, 0);
});

describe.runIf(FIRST_SHARD)('hostile shapes no generator reaches at random', () => {
  const hop = (i: number, n: number) => ({
    startedDateTime: new Date(Date.UTC(2026, 10, 24, 18) + i).toISOString(), time: 1,
    request: { method: 'GET', url: `${API}/h/${i}`, headers: [{ name: 'Origin', value: PAGE }] },
    response: {
      status: 302, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }, { name: 'Location', value: `${API}/h/${(i + 1) % n}` }],
      redirectURL: `${API}/h/${(i + 1) % n}`, content: { size: 0, mimeType: '' },
    },
    _resourceType: 'fetch',
  });
  const harOf = (entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 'fuzz', version: '0' }, entries } });

  test('a 20,000-hop redirect loop is analysed, one exchange per hop (npm run fuzz: 100,000 hops)', () => {
    const n = process.env.FUZZ_SHARD !== undefined ? 100_000 : 20_000;
    const report = analyzeHar(harOf(Array.from({ length: n }, (_, i) => hop(i, n))));
    expect(report.exchanges).toHaveLength(n);
    expect(report.exchanges.every((x) => x.verdict === 'allowed')).toBe(true);
  }, 0);

  test('an _initiator nested 5,000 levels deep is exported, the part past 200 levels replaced by a note', () => {
    let stack: unknown = { url: `${PAGE}/app.js?access_token=SkDeepSecret0123456789` };
    for (let i = 0; i < 5000; i++) stack = i % 2 ? [stack] : { parent: stack };
    const entry = { ...hop(0, 1), _initiator: { type: 'script', stack } };
    const report = analyzeHar(harOf([entry]));
    for (const format of ['har', 'markdown', 'html', 'json'] as const) {
      const text = renderReport(report, harOf([entry]), { format }).text;
      expect(text).not.toContain('SkDeepSecret0123456789');
      if (format === 'har') expect(text).toContain(TOO_DEEP_NOTE);
    }
  });
});
