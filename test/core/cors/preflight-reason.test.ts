import { describe, expect, test } from 'vitest';
import { preflightReason } from '../../../src/core/cors/preflight-reason';

// preflightReason is memoised per method, requested headers and unsafe author headers (issue 15): the memo must
// never hand one request's reason to another.
describe('why a preflight was needed (https://fetch.spec.whatwg.org/#http-fetch step 5), memoised', () => {
  const json = [['content-type', 'application/json']] as const;
  const plain = [['content-type', 'text/plain']] as const;

  test('the same question twice gets the same answer', () => {
    expect(preflightReason('PUT', json, null)).toEqual(preflightReason('PUT', [['content-type', 'application/json']], null));
  });
  test.each([
    ['method', () => preflightReason('PUT', plain, null), () => preflightReason('PATCH', plain, null)],
    ['header value', () => preflightReason('POST', json, null), () => preflightReason('POST', plain, null)],
    ['no preflight captured vs one listing no header', () => preflightReason('POST', plain, null), () => preflightReason('POST', plain, [])],
    ['requested headers', () => preflightReason('PUT', plain, ['x-a']), () => preflightReason('PUT', plain, ['x-a', 'x-b'])],
    ['a method that looks like the key', () => preflightReason('PUT', plain, null), () => preflightReason('3:PUTn1:-', plain, null)],
  ])('requests that differ in %s get their own reason', (_what, a, b) => {
    const first = a();
    const second = b();
    expect(second).not.toEqual(first);
    expect(a()).toEqual(first);
    expect(b()).toEqual(second);
  });
  test('a captured preflight lists what the browser reported', () => {
    expect(preflightReason('PUT', plain, ['x-a'])).toMatchObject({ needed: true, source: 'preflight-request', unsafeHeaders: [{ name: 'x-a', why: 'reported-by-browser' }] });
    expect(preflightReason('POST', plain, null)).toMatchObject({ needed: false, source: 'actual-request', unsafeHeaders: [], avoid: [] });
  });
});
