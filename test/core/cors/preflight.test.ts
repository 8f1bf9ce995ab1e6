import { describe, expect, test } from 'vitest';
import { checkPreflightResponse, parseMaxAge } from '../../../src/core/cors/preflight';
import { readHarEntry } from '../../../src/core/har/read';
import { API, PAGE, preflight } from '../../support/har-builder';

const URL_ = `${API}/items`;
function run(headers: Record<string, string | string[]>, opts: { method?: string; unsafe?: string[]; credentials?: boolean; status?: number } = {}) {
  const raw = preflight(URL_, opts.method ?? 'PUT', { status: opts.status ?? 204, headers: { 'Access-Control-Allow-Origin': PAGE, ...headers } });
  const p = readHarEntry(raw, 0).entry!;
  return checkPreflightResponse({ preflight: p, origin: PAGE, method: opts.method ?? 'PUT', unsafeHeaderNames: opts.unsafe ?? [], credentialsInclude: opts.credentials ?? false });
}
const errors = (r: ReturnType<typeof run>) => r.failures.map((f) => [f.corsError, f.failedParameter]);

describe('CORS-preflight fetch — https://fetch.spec.whatwg.org/#cors-preflight-fetch-0', () => {
  test('step 7: a 2xx with the method allowed succeeds', () => expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT' }))).toEqual([]));
  test.each([200, 204, 299])('step 7: status %i is an ok status', (status) => expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT' }, { status }))).toEqual([]));
  test.each([400, 403, 404, 500, 502])('step 7: status %i fails with PreflightInvalidStatus when the CORS headers are right', (status) => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT' }, { status }))).toEqual([['PreflightInvalidStatus', '']]);
  });
  test('Chromium checks Access-Control-Allow-Origin before the status: a bare 403 is PreflightMissingAllowOriginHeader', () => {
    const raw = preflight(URL_, 'PUT', { status: 403, headers: {} });
    const r = checkPreflightResponse({ preflight: readHarEntry(raw, 0).entry!, origin: PAGE, method: 'PUT', unsafeHeaderNames: [], credentialsInclude: false });
    expect(r.failures.map((f) => f.corsError)).toEqual(['PreflightMissingAllowOriginHeader', 'PreflightInvalidStatus', 'MethodDisallowedByPreflightResponse']);
  });
  test.each([301, 302, 307, 308])('a %i redirect is PreflightDisallowedRedirect', (status) => {
    expect(errors(run({ Location: 'http://x' }, { status }))).toEqual([['PreflightDisallowedRedirect', '']]);
  });
  test('step 7.3: an unparsable Access-Control-Allow-Methods is a network error', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'GET, PU T' }))[0]).toEqual(['InvalidAllowMethodsPreflightResponse', '']);
  });
  test('step 7.3: an unparsable Access-Control-Allow-Headers is a network error', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-a; x-b' }, { unsafe: ['x-a'] }))[0]).toEqual(['InvalidAllowHeadersPreflightResponse', '']);
  });
  test('step 7.3: empty list items are skipped, as Chromium does', () => expect(errors(run({ 'Access-Control-Allow-Methods': 'GET, , PUT' }))).toEqual([]));
  test('step 7.5: a method missing from the list fails with the method as failedParameter', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'GET, POST' }))).toEqual([['MethodDisallowedByPreflightResponse', 'PUT']]);
  });
  test('step 7.5: methods compare byte-exact — lower-case patch is not allowed by PATCH (measured in Chromium)', () => {
    const r = run({ 'Access-Control-Allow-Methods': 'PATCH' }, { method: 'patch' });
    expect(errors(r)).toEqual([['MethodDisallowedByPreflightResponse', 'patch']]);
    expect(r.failures[0].note).toMatch(/case-sensitive/);
  });
  test('step 7.5: * allows any method without credentials, and only a literal * with credentials', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': '*' }))).toEqual([]);
    expect(errors(run({ 'Access-Control-Allow-Methods': '*', 'Access-Control-Allow-Credentials': 'true' }, { credentials: true }))).toEqual([['MethodDisallowedByPreflightResponse', 'PUT']]);
  });
  test('step 7.7: every unsafe header must be listed; each refused one is reported, the first as Chromium names it', () => {
    const r = run({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'X-B' }, { unsafe: ['x-a', 'x-b', 'x-c'] });
    expect(errors(r)).toEqual([['HeaderDisallowedByPreflightResponse', 'x-a'], ['HeaderDisallowedByPreflightResponse', 'x-c']]);
  });
  test('step 7.7: header names match case-insensitively', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Content-Type, X-Api-Key' }, { unsafe: ['content-type', 'x-api-key'] }))).toEqual([]);
  });
  test('step 7.7: * covers headers only without credentials', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }, { unsafe: ['x-a'] }))).toEqual([]);
    expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*', 'Access-Control-Allow-Credentials': 'true' }, { unsafe: ['x-a'], credentials: true }))).toEqual([['HeaderDisallowedByPreflightResponse', 'x-a']]);
  });
  test('step 7.6: Authorization under * — allowed as Chromium 156 does, with a note that the spec and Firefox disagree', () => {
    const r = run({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '*' }, { unsafe: ['authorization'] });
    expect(errors(r)).toEqual([]);
    expect(r.rows.find((row) => row.header === 'Access-Control-Allow-Headers')?.note).toMatch(/Chromium's leniency/);
  });
  test('step 7.7: Authorization listed by name is allowed', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'authorization' }, { unsafe: ['authorization'] }))).toEqual([]);
  });
  test('the preflight runs the CORS check with the actual request\'s credentials mode', () => {
    expect(errors(run({ 'Access-Control-Allow-Methods': 'PUT' }, { credentials: true }))).toEqual([['PreflightInvalidAllowCredentials', '']]);
  });
});

describe('Access-Control-Max-Age — step 7.9 and Chromium\'s cap', () => {
  test.each([
    [null, 5], ['0', 0], ['600', 600], ['7200', 7200], ['86400', 7200], ['-1', 0], ['abc', 5], ['1.5', 5],
  ])('%j → %i s', (value, seconds) => expect(parseMaxAge(value)).toBe(seconds));
});
