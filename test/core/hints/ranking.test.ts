// Ranking follows the catalogue's triage order (§2.12): certain/likely first, "also check" after,
// each group in triage order; the catalogue is complete and keyed by id.
import { describe, expect, test } from 'vitest';
import { CATALOGUE, PITFALL_IDS, TRIAGE_ORDER } from '../../../src/core/hints';
import { ALL_SCENARIOS } from './scenarios';
import { PAGE, REST_URL, diagnoseEntries, pf, restError, unsent } from './support';

describe('catalogue and triage order', () => {
  test('52 pitfalls, keyed by their own id, each in the triage order exactly once', () => {
    expect(PITFALL_IDS).toHaveLength(52);
    for (const id of PITFALL_IDS) expect(CATALOGUE[id].id).toBe(id);
    expect([...TRIAGE_ORDER].sort()).toEqual([...PITFALL_IDS].sort());
  });

  test('every pitfall has a scenario test', () => {
    const covered = new Set(ALL_SCENARIOS.map((s) => s.pitfall));
    expect(PITFALL_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });

  test('titles are imperative and every entry names docs and a rule', () => {
    for (const id of PITFALL_IDS) {
      const p = CATALOGUE[id];
      expect(p.title, id).toMatch(/^[A-Z][a-z]+/);
      expect(p.title, id).not.toMatch(/^(The|A|An|No|Missing)\b/);
      expect(p.rule.length, id).toBeGreaterThan(30);
      expect(p.docs.length, id).toBeGreaterThan(0);
    }
  });

  test('a REST preflight 403 Missing Authentication Token ranks APIGW-R02 first, then the "also check" items', () => {
    const d = diagnoseEntries(pf(REST_URL, 'PUT', 403, restError('MissingAuthenticationTokenException'), { requestHeaders: 'content-type' }), unsent(REST_URL, 'PUT', { 'Content-Type': 'application/json' }));
    const ranked = d.hints.map((h) => `${h.id}:${h.confidence}`);
    expect(ranked[0]).toBe('APIGW-R02:likely');
    const firstPossible = d.hints.findIndex((h) => h.confidence === 'possible');
    expect(d.hints.slice(firstPossible).every((h) => h.confidence === 'possible')).toBe(true);
    expect(ranked).toContain('APIGW-R01:possible');
    // possible items are ordered by triage too
    const order = d.hints.slice(firstPossible).map((h) => TRIAGE_ORDER.indexOf(h.id as (typeof TRIAGE_ORDER)[number]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // "also check" hints say what would confirm them
    for (const h of d.hints.filter((x) => x.confidence === 'possible')) expect(h.evidence.some((e) => e.startsWith('To confirm:'))).toBe(true);
    // no generic hint when an AWS pitfall is likely
    expect(d.hints.some((h) => h.id.startsWith('GENERIC-'))).toBe(false);
    expect(d.hints[0].explanation).toContain(`origin ${PAGE}`);
  });

  test('an AWS exchange with only "also check" items still gets the generic hint', () => {
    const d = diagnoseEntries(pf(REST_URL, 'PUT', 500, restError(null), { requestHeaders: 'content-type' }), unsent(REST_URL, 'PUT', { 'Content-Type': 'application/json' }));
    expect(d.hints.filter((h) => h.confidence !== 'possible').every((h) => h.id.startsWith('GENERIC-'))).toBe(true);
    expect(d.hints.some((h) => h.id === 'APIGW-R10')).toBe(true);
  });
});

describe('robustness', () => {
  test('an exchange with neither entry, or an unparsable URL, gives fingerprints/hints without throwing', async () => {
    const { diagnose } = await import('../../../src/core/hints');
    const d = diagnoseEntries(pf(REST_URL, 'PUT', 403, restError('MissingAuthenticationTokenException'), { requestHeaders: 'content-type' }), unsent(REST_URL, 'PUT', { 'Content-Type': 'application/json' }));
    expect(() => diagnose({ ...d.input, preflight: null, actual: null })).not.toThrow();
    const broken = { ...d.input.actual!, url: 'not a url' };
    expect(() => diagnose({ ...d.input, preflight: { ...d.input.preflight!, url: '::' }, actual: broken })).not.toThrow();
  });

  test('an allowed or not-CORS exchange gets no hints', async () => {
    const { diagnose } = await import('../../../src/core/hints');
    const d = diagnoseEntries(pf(REST_URL, 'PUT', 403, restError('MissingAuthenticationTokenException'), { requestHeaders: 'content-type' }), unsent(REST_URL, 'PUT', { 'Content-Type': 'application/json' }));
    expect(diagnose({ ...d.input, exchange: { ...d.exchange, verdict: 'allowed' } }).hints).toEqual([]);
    expect(diagnose({ ...d.input, exchange: { ...d.exchange, verdict: 'not-cors' } }).hints).toEqual([]);
  });
});
