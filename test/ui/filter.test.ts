// The filter box: terms, phrases, exclusions, and what it searches beyond the URL.
import { describe, expect, test } from 'vitest';
import { matchesFilter, parseFilter, searchableHints } from '../../src/ui/filter';
import { report } from './support/fake-analyzer';

describe('parseFilter', () => {
  test('words, a quoted phrase and an exclusion', () => {
    expect(parseFilter('PUT "api gateway" -allowed')).toEqual({ include: ['put', 'api gateway'], exclude: ['allowed'] });
  });
  test('a lone dash and empty quotes are ignored', () => {
    expect(parseFilter(' - "" ')).toEqual({ include: [], exclude: [] });
  });
});

describe('matchesFilter', () => {
  const blocked = report({
    id: 'x1',
    verdict: 'blocked',
    corsError: 'MissingAllowOriginHeader',
    url: 'http://127.0.0.1:7702/s/fn',
    summary: 'Blocked: the response has no Access-Control-Allow-Origin header.',
  });
  test('plain words of the summary', () => {
    expect(matchesFilter(blocked, parseFilter('no access-control-allow-origin'))).toBe(true);
    expect(matchesFilter(blocked, parseFilter('forbidden'))).toBe(false);
  });
  test('the AWS service in the words users search for, and the pitfall id, from the hint engine', () => {
    const withHints = {
      fingerprints: [{ service: 'lambda-url', stage: 'actual' as const, confidence: 'certain' as const, evidence: [] }],
      hints: [{ id: 'LURL-01', title: 'Send CORS headers from one layer only', confidence: 'certain' as const, evidence: [], explanation: '', fixes: [], docs: [] }],
    };
    const extra = () => searchableHints(withHints);
    for (const term of ['lambda', '"function url"', 'lurl-01', 'one layer']) {
      expect(matchesFilter(blocked, parseFilter(term), extra), term).toBe(true);
      expect(matchesFilter(blocked, parseFilter(term)), `${term} without the hint engine`).toBe(false);
    }
    expect(matchesFilter(blocked, parseFilter('-lambda'), extra)).toBe(false);
  });
});
