// Adversarial arrival patterns for pairing and the preflight cache (issue 18): the traffic a page produces while
// a CORS bug lasts — a blocked call retried in a loop, bursts at the same millisecond, polls of one URL,
// thousands of unsent requests, preflights whose request never appears, and both listing orders. Each pattern
// repeats one unit (one to three entries) for one URL, so that every entry lands in the same per-URL index.
//
// The entries are shaped on Chromium's own recordings (test/fixtures/browser-truth/chromium/acah-missing.json:
// a GET with X-Custom, unsent — status 0, no response headers, `_error` net::ERR_FAILED, ~55 ms — and its
// preflight, 204 with Access-Control-Allow-Origin but no Access-Control-Allow-Headers), with a fixed seed.
//   node bench/lib/patterns.mjs <pattern> <entries> [out.har]     writes one HAR (default bench/data/pattern-…)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, DATA_DIR } from '../generate.mjs';

const PAGE = 'http://127.0.0.1:47101';
const API = 'http://127.0.0.1:47102';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';
const T0 = Date.UTC(2026, 10, 25, 14, 22, 48);
const hdrs = (o) => Object.entries(o).map(([name, value]) => ({ name, value }));

/** A preflight as Chromium records it: `_resourceType` preflight, `_initiator` naming its request. */
function preflight({ url, at, method, requestHeaders = '', status = 204, allow = {}, id }) {
  return {
    _initiator: { type: 'preflight', url, requestId: `28024.${id}` }, _priority: 'High', _resourceType: 'preflight', cache: {}, connection: '47102',
    request: {
      method: 'OPTIONS', url, httpVersion: 'HTTP/1.1', queryString: [], cookies: [], headersSize: 510, bodySize: 0,
      headers: hdrs({ Accept: '*/*', ...(requestHeaders ? { 'Access-Control-Request-Headers': requestHeaders } : {}), 'Access-Control-Request-Method': method, Origin: PAGE, Referer: `${PAGE}/`, 'Sec-Fetch-Mode': 'cors', 'User-Agent': UA }),
    },
    response: {
      status, statusText: status === 204 ? 'No Content' : String(status), httpVersion: 'HTTP/1.1', cookies: [], redirectURL: '', headersSize: 184, bodySize: -184, _transferSize: 0, _error: null, _fetchedViaServiceWorker: false,
      headers: hdrs({ ...allow, Connection: 'keep-alive', 'Content-Length': '0', Date: 'Wed, 25 Nov 2026 14:22:48 GMT' }), content: { size: 0, mimeType: 'x-unknown' },
    },
    serverIPAddress: '127.0.0.1', startedDateTime: new Date(T0 + at).toISOString(), time: 26.2,
    timings: { blocked: -0.6, dns: -1, ssl: -1, connect: -1, send: 5.3, wait: 8.4, receive: 12.5, _blocked_queueing: -1 },
  };
}

/**
 * A fetch() as Chromium records it. `sent: false` is a request Chromium never sent (its preflight stopped it):
 * no HTTP version, status 0, no response headers, net::ERR_FAILED. A status-0 request carries no Origin header
 * in the HAR (Referer tells its origin); a sent one does.
 */
function fetchEntry({ url, at, method = 'GET', headers = {}, sent, allow = {}, time = 55.3 }) {
  return {
    _initiator: { type: 'script', stack: { callFrames: [{ functionName: 'poll', scriptId: '4', url: `${PAGE}/`, lineNumber: 8, columnNumber: 20 }] } },
    _priority: 'High', _resourceType: 'fetch', cache: {},
    request: {
      method, url, httpVersion: sent ? 'HTTP/1.1' : '', queryString: [], cookies: [], headersSize: -1, bodySize: 0,
      headers: hdrs({ ...headers, ...(sent ? { Origin: PAGE } : {}), Referer: `${PAGE}/`, 'User-Agent': UA }),
    },
    response: sent
      ? { status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: hdrs({ 'Content-Type': 'application/json', ...allow }), cookies: [], content: { size: 2, mimeType: 'application/json', text: '{}' }, redirectURL: '', headersSize: -1, bodySize: 2, _transferSize: 120, _error: null, _fetchedViaServiceWorker: false }
      : { status: 0, statusText: '', httpVersion: '', headers: [], cookies: [], content: { size: 0, mimeType: 'x-unknown' }, redirectURL: '', headersSize: -1, bodySize: -1, _transferSize: 0, _error: 'net::ERR_FAILED', _fetchedViaServiceWorker: false },
    serverIPAddress: sent ? '127.0.0.1' : '', startedDateTime: new Date(T0 + at).toISOString(), time,
    timings: { blocked: sent ? 1 : time, dns: -1, ssl: -1, connect: -1, send: 0, wait: sent ? time - 2 : 0, receive: sent ? 1 : 0, _blocked_queueing: -1 },
  };
}

const URL_ = `${API}/v1/items`;
const ALLOW_PUT = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type' };

/**
 * Each pattern: what it models, and `unit(i, rand)` → the entries of its i-th repetition (listed in that order).
 * Times are ms after T0.
 */
export const PATTERNS = {
  'retry-blocked': {
    what: 'the issue\'s capture: an unsent GET with X-Custom stopped by its preflight (204, no Access-Control-Allow-Headers) plus that preflight, retried every 2 ms; DevTools lists either first',
    unit: (i, rand) => {
      const at = i * 2;
      const pair = [
        fetchEntry({ url: URL_, at, headers: { 'X-Custom': '1' }, sent: false }),
        preflight({ url: URL_, at: at + 1, method: 'GET', requestHeaders: 'x-custom', allow: { 'Access-Control-Allow-Origin': PAGE }, id: i }),
      ];
      return rand.chance(0.5) ? pair : pair.reverse();
    },
  },
  'retry-preflight-403': {
    what: 'an unsent PUT whose preflight is refused (403 without CORS headers, as API Gateway answers) plus that preflight, retried every 2 ms',
    unit: (i) => [
      fetchEntry({ url: URL_, at: i * 2, method: 'PUT', headers: { 'Content-Type': 'application/json' }, sent: false }),
      preflight({ url: URL_, at: i * 2 + 1, method: 'PUT', requestHeaders: 'content-type', status: 403, id: i }),
    ],
  },
  'burst-same-ms': {
    what: 'bursts of 50 successful preflighted PUTs started at the same millisecond (preflight and request), one burst every 100 ms',
    unit: (i) => {
      const at = Math.floor(i / 50) * 100;
      return [
        preflight({ url: URL_, at, method: 'PUT', requestHeaders: 'content-type', allow: ALLOW_PUT, id: i }),
        fetchEntry({ url: URL_, at, method: 'PUT', headers: { 'Content-Type': 'application/json' }, sent: true, allow: { 'Access-Control-Allow-Origin': PAGE }, time: 20 }),
      ];
    },
  },
  'poll-one-url': {
    what: 'a successful preflighted PUT polled every 3 ms, the preflight cached (Max-Age 600) and re-sent every 1,000 polls',
    unit: (i) => {
      const at = i * 3;
      const put = fetchEntry({ url: URL_, at: at + 1, method: 'PUT', headers: { 'Content-Type': 'application/json' }, sent: true, allow: { 'Access-Control-Allow-Origin': PAGE }, time: 20 });
      if (i % 1000 !== 0) return [put];
      return [preflight({ url: URL_, at, method: 'PUT', requestHeaders: 'content-type', allow: { ...ALLOW_PUT, 'Access-Control-Max-Age': '600' }, id: i }), put];
    },
  },
  'unsent-no-preflight': {
    what: 'unsent PUTs every 2 ms whose preflight is not in the capture, with an unrelated successful preflight (for DELETE) every 10th',
    unit: (i) => {
      const put = fetchEntry({ url: URL_, at: i * 2, method: 'PUT', headers: { 'Content-Type': 'application/json' }, sent: false });
      if (i % 10 !== 0) return [put];
      return [put, preflight({ url: URL_, at: i * 2 + 1, method: 'DELETE', allow: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'DELETE', 'Access-Control-Max-Age': '600' }, id: i })];
    },
  },
  'orphan-preflights': {
    what: 'successful preflights every 2 ms whose request never appears (aborted, or still pending), with a GET needing X-Other every 10th that none of them covers',
    unit: (i) => {
      const p = preflight({ url: URL_, at: i * 2, method: 'GET', requestHeaders: 'x-custom', allow: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Headers': 'x-custom', 'Access-Control-Max-Age': '7200' }, id: i });
      if (i % 10 !== 0) return [p];
      return [p, fetchEntry({ url: URL_, at: i * 2 + 1, headers: { 'X-Other': '1' }, sent: false })];
    },
  },
  'actual-first': {
    what: 'successful preflighted PUTs 3 ms apart, each listed before its preflight (Max-Age absent, so every request has its own preflight)',
    unit: (i) => [
      fetchEntry({ url: URL_, at: i * 3, method: 'PUT', headers: { 'Content-Type': 'application/json' }, sent: true, allow: { 'Access-Control-Allow-Origin': PAGE }, time: 20 }),
      preflight({ url: URL_, at: i * 3 + 1, method: 'PUT', requestHeaders: 'content-type', allow: ALLOW_PUT, id: i }),
    ],
  },
  'preflight-first': {
    what: 'the same PUTs, each listed after its preflight',
    unit: (i) => [
      preflight({ url: URL_, at: i * 3 + 1, method: 'PUT', requestHeaders: 'content-type', allow: ALLOW_PUT, id: i }),
      fetchEntry({ url: URL_, at: i * 3, method: 'PUT', headers: { 'Content-Type': 'application/json' }, sent: true, allow: { 'Access-Control-Allow-Origin': PAGE }, time: 20 }),
    ],
  },
};

/** The HAR (as an object) of `entries` entries of `pattern`, from a fixed seed. */
export function patternHar(pattern, entries) {
  const p = PATTERNS[pattern];
  if (!p) throw new Error(`unknown pattern ${pattern} (${Object.keys(PATTERNS).join(', ')})`);
  const rand = createRandom(0x18);
  const out = [];
  for (let i = 0; out.length < entries; i++) for (const e of p.unit(i, rand)) out.push(e);
  out.length = entries;
  return { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries: out } };
}

/** Writes bench/data/pattern-<pattern>-<entries>.har (or `path`); returns { path, entries, bytes }. */
export function writePatternHar(pattern, entries, path = join(DATA_DIR, `pattern-${pattern}-${entries}.har`)) {
  mkdirSync(DATA_DIR, { recursive: true });
  const text = JSON.stringify(patternHar(pattern, entries));
  writeFileSync(path, text);
  return { path, entries, bytes: Buffer.byteLength(text) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [pattern, n, out] = process.argv.slice(2);
  if (!pattern || !(Number(n) > 0)) {
    console.error(`usage: node bench/lib/patterns.mjs <${Object.keys(PATTERNS).join('|')}> <entries> [out.har]`);
    process.exit(2);
  }
  const f = writePatternHar(pattern, Number(n), out);
  console.log(`${f.path}: ${f.entries} entries, ${(f.bytes / 1e6).toFixed(1)} MB`);
}
