// Generators of hostile HARs (fast-check), for the property tests in har-properties.test.ts and the full run
// of scripts/fuzz.mjs. A generated case is a HAR object (entries built from a small pool of origins and paths,
// so preflights pair, redirects chain and loop, and ids and times collide), a list of damages applied to it
// (a field given a value of the wrong type, entries reordered or duplicated, enormous header lists and
// values, lone surrogates, deep nesting), and secrets planted in positions that redaction promises to cover
// (docs/report-formats.md, "Redaction"). The JSON text of a case may be damaged further (cut short,
// duplicate keys, invalid UTF-8) for the readers that take text.
import fc from 'fast-check';

export const PAGE = 'http://127.0.0.1:8701';
export const API = 'http://127.0.0.1:8702';
const ORIGINS = [PAGE, API, 'https://abc123.execute-api.us-east-1.amazonaws.com', 'http://app.test:8701', 'ws://127.0.0.1:8702', 'null'];
const PATHS = ['/a', '/b', '/items/7', '/', '/r?x=1', '/loop'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'patch', 'HEAD', 'GE T', ''];
const HEADER_NAMES = [
  'Server', 'x-amz-request-id',
  'Origin', 'Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Credentials',
  'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'Access-Control-Max-Age', 'Access-Control-Expose-Headers', 'Vary',
  'Content-Type', 'Location', 'Referer', 'Sec-Fetch-Mode', 'Upgrade', 'x-amzn-RequestId', 'x-amz-apigw-id', 'x-amzn-ErrorType', 'Server', 'X-Cache',
];
const STATUSES = [0, 101, 200, 204, 206, 300, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 429, 500, 502, 503, 504, 999, -1];

/** Strings that break naive code: lone surrogates, NUL, huge, control characters, regex food. */
const nasty = fc.oneof(
  fc.constantFrom('\uD800', '\uDFFF', 'a\uD83D', '\u0000', '\r\n', '*', ', ,', 'null', '\u202E', '%', '%%ZZ', ' '.repeat(64), '(a+)+$', '[redacted:1]'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const text = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 30 }) }, { weight: 1, arbitrary: nasty });
const headerValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(PAGE, '*', 'true', 'True', 'GET, PUT', 'x-api-key, content-type', '600', 'Origin', 'application/json', 'cors', 'no-cors', 'websocket', `${API}/b`) },
  { weight: 2, arbitrary: text },
);
const header = fc.record({ name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HEADER_NAMES) }, { weight: 1, arbitrary: text }), value: headerValue });
const url = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...ORIGINS), fc.constantFrom(...PATHS)).map(([o, p]) => `${o}${p}`) },
  { weight: 1, arbitrary: fc.oneof(text, fc.constantFrom('data:text/plain,x', 'ftp://x/y', 'http://u:p@127.0.0.1:8702/a', 'http://[::1', 'javascript:alert(1)')) },
  // an S3 presigned URL with any expiry (the S3-03 hint computes a date from it)
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.double(), fc.integer()), fc.constantFrom('20261124T180000Z', '99991231T235959Z', '00000101T000000Z')).map(
    ([expires, date]) => `https://bucket.s3.us-east-1.amazonaws.com/k.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=${expires}&X-Amz-Signature=abcdef0123&X-Amz-SignedHeaders=host`) },
);
const iso = fc.integer({ min: 0, max: 20_000 }).map((ms) => new Date(Date.UTC(2026, 10, 24, 18, 0, 0) + ms).toISOString());

/** A well-formed Chromium-ish entry from the pools (the damages come later). */
export const entryArb = fc
  .record({
    method: fc.constantFrom(...METHODS),
    url,
    requestHeaders: fc.array(header, { maxLength: 8 }),
    status: fc.constantFrom(...STATUSES),
    responseHeaders: fc.array(header, { maxLength: 8 }),
    redirectURL: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: url }),
    started: iso,
    time: fc.oneof(fc.constant(10), fc.double({ noNaN: false })),
    resourceType: fc.option(fc.constantFrom('fetch', 'xhr', 'preflight', 'image', 'script', 'websocket', 'document', 'eventsource', 'ping'), { nil: undefined }),
    error: fc.option(fc.constantFrom(null, 'net::ERR_FAILED', 'net::ERR_ABORTED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS'), { nil: undefined }),
    body: fc.option(text, { nil: undefined }),
  })
  .map((e) => ({
    startedDateTime: e.started,
    time: e.time,
    request: { method: e.method, url: e.url, httpVersion: 'HTTP/1.1', headers: e.requestHeaders, queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status: e.status, statusText: '', httpVersion: 'HTTP/1.1', headers: e.responseHeaders, cookies: [],
      content: { size: 0, mimeType: 'application/json', ...(e.body !== undefined ? { text: e.body } : {}) },
      redirectURL: e.redirectURL, headersSize: -1, bodySize: -1, ...(e.error !== undefined ? { _error: e.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...(e.resourceType !== undefined ? { _resourceType: e.resourceType } : {}),
  }));

/** Values of the wrong type for any field. */
const wrongType: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null), fc.constant(undefined), fc.boolean(), fc.double(), fc.integer(), fc.bigInt().map(String), text,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('name', 'value', 'url', 'headers', '__proto__', 'constructor', 'toString'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const FIELD_PATHS = [
  ['request'], ['response'], ['request', 'method'], ['request', 'url'], ['request', 'headers'], ['request', 'headers', 0], ['request', 'headers', 0, 'value'],
  ['response', 'status'], ['response', 'headers'], ['response', 'headers', 0, 'name'], ['response', 'redirectURL'], ['response', 'content'],
  ['response', '_error'], ['startedDateTime'], ['time'], ['_resourceType'], ['_initiator'], ['request', 'cookies'], ['request', 'postData'],
] as const;

export type Damage =
  | { kind: 'wrong-type'; entry: number; path: readonly (string | number)[]; value: unknown }
  | { kind: 'reorder'; seed: number }
  | { kind: 'duplicate'; entry: number; times: number }
  | { kind: 'same-time'; time: string }
  | { kind: 'many-headers'; entry: number; count: number }
  | { kind: 'huge-value'; entry: number; length: number }
  | { kind: 'deep'; entry: number; depth: number }
  | { kind: 'redirect-loop'; length: number }
  | { kind: 'drop-envelope'; what: 'log' | 'entries' | 'whole' };

export const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('wrong-type' as const), entry: fc.nat(20), path: fc.constantFrom(...FIELD_PATHS), value: wrongType }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reorder' as const), seed: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), entry: fc.nat(20), times: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('same-time' as const), time: iso }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('many-headers' as const), entry: fc.nat(20), count: fc.integer({ min: 100, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge-value' as const), entry: fc.nat(20), length: fc.integer({ min: 10_000, max: 30_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep' as const), entry: fc.nat(20), depth: fc.integer({ min: 50, max: 1500 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('redirect-loop' as const), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop-envelope' as const), what: fc.constantFrom('log' as const, 'entries' as const, 'whole' as const) }) },
);

/** Where a secret can be planted: each is a position docs/report-formats.md says is redacted. */
export const SECRET_POSITIONS = [
  'authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-session-token', 'query-access-token', 'fragment-id-token', 'referer-code',
  'location-state', 'request-body', 'response-body', 'cookie-array', 'userinfo-password', 'query-string-array',
] as const;
export type SecretPosition = (typeof SECRET_POSITIONS)[number];
export interface PlantedSecret { position: SecretPosition; entry: number; value: string }

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const secretValue = fc.array(fc.constantFrom(...ALNUM.split('')), { minLength: 18, maxLength: 26 }).map((cs) => `Sk${cs.join('')}`);
const secretArb = fc.record({ position: fc.constantFrom(...SECRET_POSITIONS), entry: fc.nat(20), value: secretValue });

export interface HarCase { entries: unknown[]; damages: Damage[]; secrets: PlantedSecret[] }

export const harCaseArb: fc.Arbitrary<HarCase> = fc.record({
  entries: fc.array(entryArb, { maxLength: 24 }),
  damages: fc.array(damageArb, { maxLength: 4 }),
  secrets: fc.array(secretArb, { maxLength: 4 }),
});

/** Text damages for the readers that take the JSON text. */
export type TextDamage = { kind: 'none' } | { kind: 'cut'; at: number } | { kind: 'duplicate-keys' } | { kind: 'invalid-utf8'; at: number } | { kind: 'bom' };
export const textDamageArb: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate-keys' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('invalid-utf8' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'bom' as const }) },
);
