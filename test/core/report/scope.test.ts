import { describe, expect, test } from 'vitest';
import { entriesInScope, parseScope, selectScope } from '../../../src/core/report';
import { exchange, report } from './report-factory';

const r = report(
  exchange({ id: 'x0', preflightEntry: 0, actualEntry: 1 }),
  exchange({ id: 'x2', verdict: 'allowed', preflightEntry: null, actualEntry: 2 }),
  exchange({ id: 'x3', verdict: 'not-cors', kind: 'not-cors', preflightEntry: null, actualEntry: 3 }),
  exchange({ id: 'x4', verdict: 'unknown', preflightEntry: null, actualEntry: 4, pairing: { method: 'preflight-cache', detail: 'cached', cachedBy: 0 } }),
);

describe('parseScope', () => {
  test.each(['all', 'cors', 'blocked', 'exchange:x3'])('accepts %s', (s) => expect(parseScope(s)).toBe(s));
  test.each(['', 'everything', 'exchange:', 'exchange: x1'])('rejects %j', (s) => expect(parseScope(s)).toBeNull());
});

describe('selectScope', () => {
  test.each([
    ['all', ['x0', 'x2', 'x3', 'x4']],
    ['cors', ['x0', 'x2', 'x4']],
    ['blocked', ['x0']],
    ['exchange:x2', ['x2']],
  ] as const)('%s keeps %j', (scope, ids) => expect(selectScope(r, scope).exchanges.map((x) => x.id)).toEqual(ids));

  test('recomputes the counts for what it keeps', () => {
    expect(selectScope(r, 'cors').counts).toEqual({ cors: 3, allowed: 1, blocked: 1, unknown: 1, notCors: 0 });
  });

  test('throws for an unknown exchange id', () => {
    expect(() => selectScope(r, 'exchange:x99')).toThrow(/x99/);
  });
});

describe('entriesInScope', () => {
  test('is null (all entries) for scope all', () => expect(entriesInScope(r, 'all')).toBeNull());
  test('takes preflight, actual request and the cached preflight of the kept exchanges', () => {
    expect(entriesInScope(selectScope(r, 'cors'), 'cors')).toEqual([0, 1, 2, 4]);
  });
});
