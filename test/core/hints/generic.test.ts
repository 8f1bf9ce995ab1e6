// Generic hints: one for every CorsError (the table is `satisfies Record<CorsError, …>`), each saying
// what to send and showing a server example filled with this request's origin, method and headers.
import { describe, expect, test } from 'vitest';
import { CORS_ERRORS, type CorsError } from '../../../src/core/cors/errors';
import { diagnose } from '../../../src/core/hints';
import { GENERIC_HINTS } from '../../../src/core/hints/generic';
import type { Failure } from '../../../src/core/types';
import { API, PAGE, diagnoseEntries, pf, unsent } from './support';

const base = diagnoseEntries(pf(`${API}/items`, 'PATCH', 204, { 'Access-Control-Allow-Origin': PAGE }, { requestHeaders: 'content-type,x-trace' }), unsent(`${API}/items`, 'PATCH', { 'Content-Type': 'application/json', 'X-Trace': '1' }));

function withError(corsError: CorsError, failedParameter = ''): ReturnType<typeof diagnose> {
  const f: Failure = { corsError, failedParameter, stage: corsError.includes('Preflight') ? 'preflight' : 'actual', entry: 0, spec: { id: 'test', url: 'https://fetch.spec.whatwg.org/' }, message: `Chromium: ${corsError}`, firefoxReason: null };
  return diagnose({ ...base.input, exchange: { ...base.exchange, verdict: 'blocked', corsError, failedParameter, allFailures: [f] } });
}

describe('generic hints (servers that are not AWS)', () => {
  test('the table has an entry for every CorsError', () => {
    expect(Object.keys(GENERIC_HINTS).sort()).toEqual([...CORS_ERRORS].sort());
  });

  test.each(CORS_ERRORS.map((e) => [e]))('%s gets a generic hint with what to send', (corsError) => {
    const { hints, fingerprints } = withError(corsError, corsError === 'HeaderDisallowedByPreflightResponse' ? 'x-trace' : '');
    expect(fingerprints).toEqual([]);
    expect(hints.map((h) => h.id)).toEqual([`GENERIC-${corsError}`]);
    const [h] = hints;
    expect(h.title).toMatch(/^[A-Z]/);
    expect(h.explanation.length).toBeGreaterThan(40);
    expect(h.fixes.length).toBeGreaterThan(0);
    expect(h.fixes.every((f) => f.toolchain === 'generic')).toBe(true);
  });

  test('server examples are filled with the page origin, the method and the refused header', () => {
    const [h] = withError('HeaderDisallowedByPreflightResponse', 'x-trace').hints;
    const express = h.fixes.find((f) => f.title.startsWith('Express'))!;
    const nginx = h.fixes.find((f) => f.language === 'nginx')!;
    for (const s of [express.snippet, nginx.snippet]) {
      expect(s).toContain(PAGE);
      expect(s).toContain('X-Trace');
      expect(s).toContain('PATCH');
    }
    expect(h.explanation).toContain('X-Trace');
  });

  test('credential failures turn on Access-Control-Allow-Credentials in the examples', () => {
    const [h] = withError('WildcardOriginNotAllowed').hints;
    expect(h.fixes.map((f) => f.snippet).join('\n')).toContain('Access-Control-Allow-Credentials');
    expect(h.fixes.some((f) => f.snippet.includes("credentials: 'omit'"))).toBe(true);
  });
});
