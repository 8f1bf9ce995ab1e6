import { describe, expect, test } from 'vitest';
import { BODY_REMOVED_COMMENT, redactHar } from '../../../src/core/redact';
import { API, PAGE, entry, har } from '../../support/har-builder';
import { validateHar } from '../report/har-validator';
import { EVIDENCE, SECRETS, corpusHar } from './corpus';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const redacted = (input: unknown, options = {}): Json => redactHar(input, options).har as Json;
const reqHeader = (h: Json, i: number, name: string): string | undefined =>
  h.log.entries[i].request.headers.find((x: Json) => x.name.toLowerCase() === name.toLowerCase())?.value;
const resHeader = (h: Json, i: number, name: string): string | undefined =>
  h.log.entries[i].response.headers.find((x: Json) => x.name.toLowerCase() === name.toLowerCase())?.value;

describe('redactHar: headers', () => {
  const input = har(
    entry({
      requestHeaders: {
        Origin: PAGE,
        Authorization: 'Bearer tok-123456789',
        'X-Api-Key': 'key-abcdef123',
        Cookie: 'a=one111111; b=two222222',
        'Access-Control-Request-Headers': 'authorization,x-api-key',
      },
      responseHeaders: {
        'Access-Control-Allow-Origin': PAGE,
        'Access-Control-Allow-Credentials': 'true',
        'Set-Cookie': 'sid=s3ss10n-v4lue; Path=/; Secure; SameSite=None',
        Vary: 'Origin',
        'WWW-Authenticate': 'Bearer error="invalid_token"',
      },
    }),
  );

  test('keeps the scheme of Authorization and replaces the credentials', () => {
    expect(reqHeader(redacted(input), 0, 'authorization')).toBe('Bearer [redacted:1]');
  });

  test('replaces the whole value of other secret headers', () => {
    expect(reqHeader(redacted(input), 0, 'x-api-key')).toMatch(/^\[redacted:\d+\]$/);
  });

  test('redacts cookie values one by one, keeping names', () => {
    expect(reqHeader(redacted(input), 0, 'cookie')).toBe('a=[redacted:3]; b=[redacted:4]');
  });

  test('keeps Set-Cookie attributes (SameSite, Secure decide whether a credentialed CORS request carries it)', () => {
    expect(resHeader(redacted(input), 0, 'set-cookie')).toBe('sid=[redacted:5]; Path=/; Secure; SameSite=None');
  });

  test('leaves the CORS evidence byte for byte', () => {
    const out = redacted(input);
    expect(reqHeader(out, 0, 'origin')).toBe(PAGE);
    expect(reqHeader(out, 0, 'access-control-request-headers')).toBe('authorization,x-api-key');
    expect(resHeader(out, 0, 'access-control-allow-origin')).toBe(PAGE);
    expect(resHeader(out, 0, 'access-control-allow-credentials')).toBe('true');
    expect(resHeader(out, 0, 'vary')).toBe('Origin');
    expect(resHeader(out, 0, 'www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  test('never removes a header, so the redacted file analyses the same', () => {
    const out = redacted(input);
    expect(out.log.entries[0].request.headers.map((h: Json) => h.name)).toEqual(
      ((input.log.entries as Json[])[0]).request.headers.map((h: Json) => h.name),
    );
  });

  test('does not change its input', () => {
    const before = JSON.stringify(input);
    redactHar(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('redactHar: URLs and parameters', () => {
  const signed = `${API}/o.pdf?X-Amz-Date=20261124T000000Z&X-Amz-Signature=abcdef0123456789&X-Amz-Expires=60`;
  const input = har(
    entry({ url: signed, requestHeaders: { Referer: `${PAGE}/cb?code=c0de-xyz1&state=st4te-xyz#id_token=tok-frag-1234` } }),
    entry({ url: `${API}/b?sig=abcdef0123456789`, status: 302, redirectURL: `${PAGE}/x?access_token=acc-tok-9876`, responseHeaders: { Location: `${PAGE}/x?access_token=acc-tok-9876` } }),
  );
  const out = redacted(input);

  test('replaces secret query parameters and keeps the rest of the URL', () => {
    expect(out.log.entries[0].request.url).toBe(`${API}/o.pdf?X-Amz-Date=20261124T000000Z&X-Amz-Signature=[redacted:1]&X-Amz-Expires=60`);
  });

  test('redacts OAuth parameters in Referer, fragment included', () => {
    expect(reqHeader(out, 0, 'referer')).toBe(`${PAGE}/cb?code=[redacted:2]&state=[redacted:3]#id_token=[redacted:4]`);
  });

  test('redacts Location and redirectURL alike, with one placeholder for one value', () => {
    expect(out.log.entries[1].response.redirectURL).toBe(`${PAGE}/x?access_token=[redacted:5]`);
    expect(resHeader(out, 1, 'location')).toBe(`${PAGE}/x?access_token=[redacted:5]`);
  });

  test('the same secret under another name gets the same placeholder', () => {
    expect(out.log.entries[1].request.url).toBe(`${API}/b?sig=[redacted:1]`);
  });

  test('redacts `queryString` by name, keyed by the decoded value so it matches the URL', () => {
    const e = entry({ url: `${API}/o?X-Amz-Security-Token=a%2Fb%2Bc%3D123456` });
    (e.request as Json).queryString = [{ name: 'X-Amz-Security-Token', value: 'a/b+c=123456' }, { name: 'view', value: 'full' }];
    const o = redacted(har(e));
    expect(o.log.entries[0].request.url).toBe(`${API}/o?X-Amz-Security-Token=[redacted:1]`);
    expect(o.log.entries[0].request.queryString).toEqual([{ name: 'X-Amz-Security-Token', value: '[redacted:1]' }, { name: 'view', value: 'full' }]);
  });

  test('redacts parameters of a URL nested (percent-encoded) in another', () => {
    const o = redacted(har(entry({ url: `${API}/login?redirect_uri=${encodeURIComponent(`${PAGE}/cb?code=inner-c0de1&x=1`)}` })));
    expect(o.log.entries[0].request.url).not.toContain('inner-c0de1');
    expect(o.log.entries[0].request.url).toContain('%3Fcode%3D[redacted:1]%26x%3D1');
  });

  test('redacts the password of user:password@host', () => {
    const o = redacted(har(entry({ url: 'https://bob:pa55word-1@api.example.com/x' })));
    expect(o.log.entries[0].request.url).toBe('https://bob:[redacted:1]@api.example.com/x');
  });
});

describe('redactHar: bodies', () => {
  const input = har(
    entry({ method: 'POST', postData: { mimeType: 'application/json', text: '{"password":"pw-12345678","name":"n"}' }, body: '{"token":"t-12345678"}' }),
  );

  test('drops request and response bodies by default and says so in `comment`', () => {
    const out = redacted(input);
    expect(out.log.entries[0].request.postData).toEqual({ mimeType: 'application/json', text: '', comment: BODY_REMOVED_COMMENT });
    expect(out.log.entries[0].response.content.text).toBeUndefined();
    expect(out.log.entries[0].response.content.comment).toBe(BODY_REMOVED_COMMENT);
    expect(redactHar(input).summary.bodies).toBe(2);
  });

  test('keepBodies keeps them, secrets inside still redacted', () => {
    const out = redacted(input, { keepBodies: true });
    expect(out.log.entries[0].request.postData.text).toBe('{"password":"[redacted:1]","name":"n"}');
    expect(out.log.entries[0].response.content.text).toBe('{"token":"[redacted:2]"}');
  });

  test('a base64 body cannot be scanned, so it is dropped even with keepBodies', () => {
    const e = entry({ body: 'eyJ0b2tlbiI6InQtMTIzNDU2NzgifQ==' });
    ((e.response as Json).content as Json).encoding = 'base64';
    const out = redacted(har(e), { keepBodies: true });
    expect(out.log.entries[0].response.content.text).toBeUndefined();
    expect(out.log.entries[0].response.content.encoding).toBeUndefined();
  });

  test('drops WebSocket message payloads', () => {
    const e = entry({});
    e._webSocketMessages = [{ type: 'send', time: 1, opcode: 1, data: 'secret-frame' }];
    expect(redacted(har(e))).not.toHaveProperty('log.entries.0._webSocketMessages');
  });
});

describe('redactHar: options', () => {
  test('keepSecrets keeps every value, bodies still dropped', () => {
    const input = har(entry({ requestHeaders: { Authorization: 'Bearer abc12345678' }, body: 'x' }));
    const out = redacted(input, { keepSecrets: true });
    expect(reqHeader(out, 0, 'authorization')).toBe('Bearer abc12345678');
    expect(out.log.entries[0].response.content.text).toBeUndefined();
  });

  test('keepSecrets and keepBodies give an equal copy', () => {
    const input = corpusHar();
    expect(redacted(input, { keepSecrets: true, keepBodies: true })).toEqual(input);
  });

  test('accepts JSON text', () => {
    expect(reqHeader(redacted(JSON.stringify(har(entry({ requestHeaders: { 'X-Api-Key': 'k-123456789' } })))), 0, 'x-api-key')).toBe('[redacted:1]');
  });

  test.each([[null], [42], ['not json'], [{}], [{ log: { entries: 'x' } }], [{ log: { entries: [null, 1, { request: 'x' }] } }]])(
    'does not throw on %j',
    (input) => expect(() => redactHar(input)).not.toThrow(),
  );

  test('scans headers given in an unexpected shape as plain data', () => {
    const e = entry({});
    (e.request as Json).headers = { authorization: 'Bearer zzz-12345678' };
    expect(JSON.stringify(redacted(har(e)))).not.toContain('zzz-12345678');
  });
});

describe('redactHar: summary', () => {
  test('counts per kind and per name, distinct placeholders, bodies', () => {
    const s = redactHar(corpusHar()).summary;
    expect(s.secretsRedacted).toBe(true);
    expect(s.byKind.cookie).toBeGreaterThanOrEqual(5);
    expect(s.byKind.jwt).toBeGreaterThanOrEqual(2);
    expect(s.byKind['query-param']).toBeGreaterThanOrEqual(8);
    expect(s.items.find((i) => i.kind === 'header' && i.name === 'Authorization')?.count).toBe(3);
    expect(s.bodies).toBeGreaterThanOrEqual(4);
    expect(s.distinct).toBeLessThan(s.total);
  });

  test('can be asked for a subset of entries (what is outside entries, like page titles, always counts)', () => {
    const r = redactHar(corpusHar()).redactor;
    expect(r.summary([2]).items.map((i) => i.name).sort()).toEqual([
      'X-Amz-Credential', 'X-Amz-Security-Token', 'X-Amz-Signature', 'response body', 'session',
    ]);
  });
});

describe('redactHar: the corpus', () => {
  const out = JSON.stringify(redacted(corpusHar()));

  test.each(Object.entries(SECRETS))('%s does not survive', (_, value) => {
    expect(out).not.toContain(value);
    expect(out).not.toContain(encodeURIComponent(value));
  });

  test('the CORS evidence does', () => {
    for (const v of [EVIDENCE.origin, EVIDENCE.allowMethods, EVIDENCE.allowHeaders, EVIDENCE.path, EVIDENCE.host]) expect(out).toContain(v);
  });

  test('is still valid HAR 1.2', () => {
    expect(validateHar(JSON.parse(out))).toEqual([]);
  });
});
