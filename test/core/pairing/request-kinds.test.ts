// Which requests take part in CORS. Only a fetch in mode "cors" does (https://fetch.spec.whatwg.org/#cors-protocol):
// a WebSocket handshake is mode "websocket" (https://websockets.spec.whatwg.org/#concept-websocket-establish), an
// <img>/<script>/<link> without `crossorigin` is "no-cors", a navigation is "navigate". With `crossorigin`, or for
// EventSource, module scripts and fonts, the mode is "cors" and the CORS check applies.
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../src/core';
import { classifyEntry } from '../../../src/core/pairing/classify';
import { readHarEntry } from '../../../src/core/har/read';
import { API, PAGE, entry, har } from '../../support/har-builder';

const WS = API.replace('http:', 'ws:');
const kindOf = (raw: Record<string, unknown>) => classifyEntry(readHarEntry(raw, 0).entry!).kind;

describe('WebSocket handshakes are never CORS', () => {
  const handshake = { Origin: PAGE, Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' };
  const accepted = { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Accept': 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' };
  test.each([
    ['a Chromium entry: ws:// URL, 101, _resourceType websocket', entry({ url: `${WS}/socket`, status: 101, requestHeaders: { ...handshake, 'Sec-Fetch-Mode': 'websocket' }, responseHeaders: accepted, resourceType: 'websocket', error: null })],
    ['a wss:// URL', entry({ url: `${WS.replace('ws:', 'wss:')}/socket`, status: 101, requestHeaders: handshake, responseHeaders: accepted })],
    ['an http(s) URL answered 101 with Upgrade: websocket (a plain HAR)', entry({ url: `${API}/socket`, status: 101, requestHeaders: handshake, responseHeaders: accepted })],
    ['Sec-Fetch-Mode: websocket alone', entry({ url: `${API}/socket`, status: 403, requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'websocket' } })],
    ['a refused handshake (403, no ACAO) from Chromium', entry({ url: `${WS}/socket`, status: 403, requestHeaders: { ...handshake, 'Sec-Fetch-Mode': 'websocket' }, resourceType: 'websocket', error: 'net::ERR_FAILED' })],
  ])('%s', (_name, raw) => {
    const [x] = analyzeHar(har(raw)).exchanges;
    expect([x.kind, x.verdict, x.corsError]).toEqual(['not-cors', 'not-cors', null]);
    expect(x.notCorsReason).toMatch(/WebSocket/);
  });
});

describe('the request mode decides (Sec-Fetch-Mode)', () => {
  test.each([
    ['navigate', 'not-cors'],
    ['no-cors', 'not-cors'],
    ['same-origin', 'not-cors'],
    ['websocket', 'not-cors'],
    ['cors', 'cors'],
  ])('Sec-Fetch-Mode: %s → %s', (mode, kind) => {
    expect(kindOf(entry({ url: `${API}/x`, requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': mode }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE } }))).toBe(kind);
  });
  test('an <img> without crossorigin (no Origin, no-cors) is not CORS', () => {
    expect(kindOf(entry({ url: `${API}/a.png`, requestHeaders: { Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'no-cors' }, resourceType: 'image', error: null }))).toBe('not-cors');
  });
  test('an <img crossorigin> (Origin, mode cors) is CORS, and its missing ACAO blocks it', () => {
    const [x] = analyzeHar(har(entry({ url: `${API}/a.png`, requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' }, resourceType: 'image', error: 'net::ERR_FAILED' }))).exchanges;
    expect([x.kind, x.verdict, x.corsError]).toEqual(['cors', 'blocked', 'MissingAllowOriginHeader']);
  });
  test('an EventSource (mode cors) is CORS', () => {
    expect(kindOf(entry({ url: `${API}/events`, requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors', Accept: 'text/event-stream' }, resourceType: 'eventsource', error: null }))).toBe('cors');
  });
});
