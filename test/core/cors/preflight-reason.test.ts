import { describe, expect, test } from 'vitest';
import { preflightReason, unsafeAuthorHeaders } from '../../../src/core/cors/preflight-reason';

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

// unsafeAuthorHeaders is memoised on the header lines' identity (the log reader's pool shares them): lists built
// from the same line objects must still get answers of their own wherever they differ.
describe('the CORS-unsafe author headers of a request, memoised by its lines', () => {
  const accept = ['accept', '*/*'] as const;
  const json = ['content-type', 'application/json'] as const;
  const plain = ['content-type', 'text/plain'] as const;
  const agent = ['user-agent', 'x'.repeat(2000)] as const;
  const names = (list: ReadonlyArray<readonly [string, string]>) => unsafeAuthorHeaders(list).map((h) => `${h.name}:${h.why}`);

  test('shared lines, different author header: different answers', () => {
    expect(names([accept, json])).toEqual(['content-type:content-type-essence']);
    expect(names([accept, plain])).toEqual([]);
    expect(names([accept])).toEqual([]);
    expect(names([accept, json, ['x-a', '1']])).toEqual(['content-type:content-type-essence', 'x-a:not-safelisted']);
  });
  test('browser-added lines are not author headers, wherever they sit', () => {
    expect(names([agent, accept, json])).toEqual(names([accept, agent, json]));
    expect(names([agent, accept, plain])).toEqual([]);
  });
  test('the safelisted values\' total over 1024 bytes is seen again on a repeated list', () => {
    const long = ['accept', 'a'.repeat(120)] as const;
    const lines = Array.from({ length: 9 }, () => long);
    expect(names(lines)).toEqual(['accept:total-over-1024']);
    expect(names(lines.slice(1))).toEqual([]);
    expect(names([...lines])).toEqual(['accept:total-over-1024']);
  });
});
