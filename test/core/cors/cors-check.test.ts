import { describe, expect, test } from 'vitest';
import { corsCheck } from '../../../src/core/cors/cors-check';

const ORIGIN = 'https://rabbit.invalid';
const check = (headers: Record<string, string | string[]>, credentialsInclude = false, stage: 'actual' | 'preflight' = 'actual') =>
  corsCheck({
    origin: ORIGIN, credentialsInclude, stage, entry: 0,
    responseHeaders: Object.entries(headers).flatMap(([n, v]) => (Array.isArray(v) ? v : [v]).map((x) => [n.toLowerCase(), x] as const)),
  });
const first = (r: ReturnType<typeof check>) => (r.failures[0] ? [r.failures[0].corsError, r.failures[0].failedParameter] : null);

describe('CORS check — https://fetch.spec.whatwg.org/#concept-cors-check', () => {
  test('fails at step 2 when Access-Control-Allow-Origin is absent', () => {
    expect(first(check({}))).toEqual(['MissingAllowOriginHeader', '']);
    expect(check({}).failures[0].spec.id).toBe('cors-check#2');
  });
  test('names the preflight variant when run on a preflight response', () => {
    expect(first(check({}, false, 'preflight'))).toEqual(['PreflightMissingAllowOriginHeader', '']);
  });
  test('step 3: * succeeds without credentials, and Access-Control-Allow-Credentials is then ignored', () => {
    expect(check({ 'Access-Control-Allow-Origin': '*' }).failures).toEqual([]);
    expect(check({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }).failures).toEqual([]);
  });
  test('step 3: * with credentials fails (WildcardOriginNotAllowed)', () => {
    expect(first(check({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }, true))).toEqual(['WildcardOriginNotAllowed', '']);
  });
  test('step 4: the serialised origin has no trailing slash (the spec credentials table)', () => {
    expect(first(check({ 'Access-Control-Allow-Origin': `${ORIGIN}/` }))).toEqual(['AllowOriginMismatch', `${ORIGIN}/`]);
  });
  test.each([
    ['two header lines combine as "a, b"', [ORIGIN, ORIGIN], 'MultipleAllowOriginValues', `${ORIGIN}, ${ORIGIN}`],
    ['a comma list', `${ORIGIN},https://b.invalid`, 'MultipleAllowOriginValues', `${ORIGIN},https://b.invalid`],
    ['a space', 'foo bar', 'MultipleAllowOriginValues', 'foo bar'],
    ['not a URL', 'rabbit.invalid', 'InvalidAllowOriginValue', 'rabbit.invalid'],
    ['a scheme without host', 'https://', 'InvalidAllowOriginValue', 'https://'],
    ['the empty string', '', 'InvalidAllowOriginValue', ''],
    ['null', 'null', 'AllowOriginMismatch', 'null'],
    ['another origin', 'https://other.invalid', 'AllowOriginMismatch', 'https://other.invalid'],
    ['upper-case scheme', 'HTTPS://rabbit.invalid', 'AllowOriginMismatch', 'HTTPS://rabbit.invalid'],
  ])('step 4 fails on %s, with Chromium\'s refined name', (_what, value, error, parameter) => {
    expect(first(check({ 'Access-Control-Allow-Origin': value as string | string[] }))).toEqual([error, parameter]);
  });
  test('step 5: an exact origin succeeds without credentials', () => expect(check({ 'Access-Control-Allow-Origin': ORIGIN }).failures).toEqual([]));
  test.each([
    ['true', null],
    ['True', ['InvalidAllowCredentials', 'True']],
    ['TRUE', ['InvalidAllowCredentials', 'TRUE']],
    ['false', ['InvalidAllowCredentials', 'false']],
  ])('steps 6–8: with credentials, Access-Control-Allow-Credentials %j', (acac, expected) => {
    expect(first(check({ 'Access-Control-Allow-Origin': ORIGIN, 'Access-Control-Allow-Credentials': acac }, true))).toEqual(expected);
  });
  test('step 8: credentials with no Access-Control-Allow-Credentials at all fail with an empty parameter', () => {
    expect(first(check({ 'Access-Control-Allow-Origin': ORIGIN }, true))).toEqual(['InvalidAllowCredentials', '']);
  });
  test('lists every failure, not only the first: wrong origin and missing credentials', () => {
    const r = check({ 'Access-Control-Allow-Origin': 'https://other.invalid' }, true);
    expect(r.failures.map((f) => f.corsError)).toEqual(['AllowOriginMismatch', 'InvalidAllowCredentials']);
  });
});
