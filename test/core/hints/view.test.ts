// The response view parses bodies once per distinct text and shares the result: whatever order
// responses come in, each view reads exactly what a fresh parse (the algorithm before the caches,
// kept here as the reference) reads. Lookups go through an index for long header lists.
import { describe, expect, test } from 'vitest';
import { getHeader } from '../../../src/core/fetch/headers';
import type { BodyView } from '../../../src/core/hints/view';
import { bodyIncludes, createResponseView } from '../../../src/core/hints/view';
import type { ObservedEntry } from '../../../src/core/types';

function referenceBody(text: string | null, mime: string | null): BodyView {
  const empty = { text, message: null, jsonErrorType: null, xmlCode: null, xmlMessage: null };
  const isHtml = /html/i.test(mime ?? '') || (text !== null && /^\s*<(!doctype html|html|head|body)/i.test(text));
  if (text === null || text.trim() === '') return { ...empty, isHtml };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      const message = typeof json.message === 'string' ? json.message : typeof json.Message === 'string' ? json.Message : null;
      const errors = Array.isArray(json.errors) ? (json.errors[0] as Record<string, unknown> | undefined) : undefined;
      const jsonErrorType = typeof json.__type === 'string' ? json.__type.split('#').pop()! : errors && typeof errors.errorType === 'string' ? errors.errorType : null;
      return { ...empty, message, jsonErrorType, isHtml: false };
    } catch {
      return { ...empty, isHtml };
    }
  }
  if (trimmed.startsWith('<?xml') || trimmed.startsWith('<Error>')) {
    const tag = (t: string) => new RegExp(`<${t}>([^<]*)</${t}>`).exec(trimmed)?.[1] ?? null;
    return { ...empty, xmlCode: tag('Code'), xmlMessage: tag('Message'), isHtml: false };
  }
  return { ...empty, isHtml };
}

const BODIES: Array<string | null> = [
  null, '', '   \n', '{"message":"Forbidden"}', ' {"Message": "Forbidden. For troubleshooting Function URL authorization issues, see ..."} ',
  '{"__type":"com.amazonaws#NotAuthorizedException","message":"x"}', '{"errors":[{"errorType":"UnauthorizedException"}]}', '{not json',
  '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>CORS is not enabled for this bucket.</Message></Error>', '<Error><Code>X</Code></Error>',
  '<!DOCTYPE html><html><body>Request blocked.</body></html>', '  <html>', 'plain text', `{"items":[${'1,'.repeat(3000)}1]}`, `<html>${'x'.repeat(5000)}</html>`,
];
const MIMES: Array<string | null> = [null, 'application/json', 'text/html; charset=utf-8', 'TEXT/HTML'];

function entry(body: string | null, mime: string | null, headers: Array<[string, string]> = []): ObservedEntry {
  return {
    index: 0, startedMs: 0, durationMs: 0, method: 'GET', url: 'https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/items?a=1&b=%20',
    requestHeaders: [['origin', 'https://app.example.com']], hasRequestCookies: false, status: 403, statusText: 'Forbidden', responseHeaders: headers,
    redirectURL: '', resourceType: 'fetch', initiator: null, error: null, flavour: 'chromium', requestBody: null, requestBodySize: 0, responseBody: body, responseMimeType: mime,
  } as ObservedEntry;
}

describe('response view', () => {
  test('every body reads as a fresh parse reads it, in any order and again from the cache', () => {
    const cases = BODIES.flatMap((b) => MIMES.map((m) => [b, m] as const));
    for (const order of [cases, [...cases].reverse(), [...cases, ...cases]]) {
      for (const [body, mime] of order) expect(createResponseView('actual', entry(body, mime)).body, `${mime} ${body?.slice(0, 40)}`).toEqual(referenceBody(body, mime));
    }
  });

  test('a body found through the content-type header when the HAR has no MIME type', () => {
    const view = createResponseView('actual', entry('<p>x</p>', null, [['content-type', 'text/html']]));
    expect(view.body).toEqual(referenceBody('<p>x</p>', 'text/html'));
  });

  test('bodyIncludes is case-insensitive, on short and long bodies', () => {
    for (const body of BODIES) {
      const view = createResponseView('actual', entry(body, null));
      for (const phrase of ['Request blocked.', 'function url AUTHORIZATION', 'cors is not enabled', 'absent phrase']) {
        expect(bodyIncludes(view, phrase)).toBe(body !== null && body.toLowerCase().includes(phrase.toLowerCase()));
      }
    }
  });

  test.each([2, 8, 9, 40])('header lookups with %i response headers match the header list get', (n) => {
    const headers: Array<[string, string]> = Array.from({ length: n }, (_, i) => [`x-h${i % 5}`, `v${i}`]);
    headers.push(['x-amzn-errortype', 'ForbiddenException:http://internal.amazon.com/coral/com.amazon.coral.service/'], ['x-amzn-trace-id', 'Root=1']);
    const view = createResponseView('preflight', entry(null, null, headers));
    for (const name of ['x-h0', 'X-H1', 'x-h4', 'x-none', 'x-amzn-errortype']) expect(view.header(name)).toBe(getHeader(headers, name));
    expect(view.errorType).toBe('ForbiddenException');
    expect(view.traced).toBe(true);
  });

  test('URL parts and query, parsed once per URL', () => {
    const a = createResponseView('preflight', entry(null, null));
    const b = createResponseView('actual', entry(null, null));
    for (const v of [a, b]) {
      expect([v.host, v.path, v.scheme]).toEqual(['abc123defg.execute-api.us-east-1.amazonaws.com', '/prod/items', 'https']);
      expect([...v.query]).toEqual([['a', '1'], ['b', ' ']]);
    }
    const bad = createResponseView('actual', { ...entry(null, null), url: 'not a url' });
    expect([bad.host, bad.path, bad.scheme, bad.query.size]).toEqual(['', '/', '', 0]);
  });
});
