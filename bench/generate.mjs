// Synthetic HARs for `npm run bench`: Chromium-flavoured, pretty-printed like DevTools' "Save all as HAR",
// from a fixed seed so every run (and every machine) measures the same bytes. The mix follows busy
// single-page apps: about a third cross-origin; preflights with and without preflight-cache hits; allowed
// and blocked; redirects; some large header sets; bodies in some (a few large base64 ones).
// Files go to bench/data/ (git-ignored) and are reused when their .meta.json matches seed and version.
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createRealTraffic, loadTemplates } from './lib/real-shaped.mjs';

export const GENERATOR_VERSION = 3;
export const SEED = 0xc0a5;
export const DATA_DIR = new URL('./data/', import.meta.url).pathname;

/** mulberry32: small, fast, good enough for traffic shapes. */
export function createRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)], chance: (p) => next() < p };
}

const PAGE = 'https://app.example.com';
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
// Cross-origin APIs: allowed origins (null = sends no CORS headers), Max-Age (null = absent → 5 s).
const APIS = [
  { host: 'https://api.example.net', allow: PAGE, maxAge: '600', methods: 'GET, POST, PUT, DELETE', headers: 'content-type, authorization, x-request-id' },
  { host: 'https://abc123def4.execute-api.us-east-1.amazonaws.com', allow: PAGE, maxAge: null, methods: 'GET, POST, OPTIONS', headers: 'content-type, authorization' },
  { host: 'https://q7x2k.lambda-url.eu-west-1.on.aws', allow: '*', maxAge: '86400', methods: '*', headers: 'content-type, authorization' },
  { host: 'https://legacy.example.org', allow: null, maxAge: null, methods: 'GET', headers: '' },
];
const PATHS = ['/v1/me', '/v1/orders', '/v1/orders/{id}', '/v1/cart', '/graphql', '/v1/search?q={id}', '/v1/items/{id}', '/v1/events', '/v1/flags', '/v1/upload/{id}'];
const SAME = ['/', '/static/app.{id}.js', '/static/app.{id}.css', '/img/{id}.png', '/api/session', '/api/notifications', '/favicon.ico'];
const hdrs = (o) => Object.entries(o).map(([name, value]) => ({ name, value }));

function createTraffic(rand) {
  let t = Date.UTC(2026, 0, 15, 9, 0, 0);
  let index = 0;
  const entries = [];
  const cookie = (n) => Array.from({ length: n }, (_, i) => `c${i}=${'v'.repeat(40 + rand.int(200))}`).join('; ');
  const body = (large) => {
    if (large) return { mimeType: 'image/png', encoding: 'base64', text: 'iVBORw0KGgo'.padEnd(50_000 + rand.int(400_000), 'QUJD') };
    const n = 1 + rand.int(60);
    return { mimeType: 'application/json', text: JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ id: i, name: `item ${i}`, price: i * 3 })) }) };
  };
  const make = ({ method, url, reqHeaders, status, resHeaders, error = null, type = 'fetch', content, redirectURL = '', at, initiator }) => {
    const text = content?.text;
    const started = new Date(at).toISOString();
    const reqH = hdrs({ Accept: '*/*', 'Accept-Language': 'en-US,en;q=0.9', 'User-Agent': UA, Referer: `${PAGE}/`, ...reqHeaders });
    if (rand.chance(0.1)) for (let i = 0; i < 30; i++) reqH.push({ name: `X-Trace-${i}`, value: `${rand.next().toString(36).slice(2)}`.repeat(3) });
    return {
      _initiator: initiator ?? { type: 'script', stack: { callFrames: [{ functionName: 'load', scriptId: '12', url: `${PAGE}/static/app.js`, lineNumber: 1, columnNumber: 9000 }] } },
      _priority: 'High', _resourceType: type, cache: {}, connection: String(400 + rand.int(50)),
      request: { method, url, httpVersion: 'http/2.0', headers: reqH, queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: {
        status, statusText: status === 0 ? '' : String(status), httpVersion: 'http/2.0', headers: hdrs(resHeaders), cookies: [],
        content: { size: text?.length ?? 0, mimeType: content?.mimeType ?? 'application/json', ...(content ?? {}) }, redirectURL,
        headersSize: -1, bodySize: text?.length ?? 0, _transferSize: 300 + (text?.length ?? 0), _error: error, _fetchedViaServiceWorker: false,
      },
      serverIPAddress: '203.0.113.7', startedDateTime: started, time: 20 + rand.next() * 200,
      timings: { blocked: 1.2, dns: -1, ssl: -1, connect: -1, send: 0.3, wait: 40.5, receive: 2.1, _blocked_queueing: 0.8 },
      _connectionId: String(1000 + rand.int(100)),
    };
  };
  const lastPreflight = new Map(); // url → time of the last successful preflight (for cache hits)
  const server = (api) => ({ 'Content-Type': 'application/json', Date: 'Thu, 15 Jan 2026 09:00:00 GMT', 'Cache-Control': 'no-store', ...(rand.chance(0.1) ? { 'Set-Cookie': cookie(6) } : {}), 'X-Amzn-RequestId': `${rand.int(1e9)}`, ...(api.host.includes('execute-api') ? { 'x-amz-apigw-id': 'Zx1=' } : {}) });

  /** Emits one user action's worth of entries (1 to 3) at time `t`. */
  function step() {
    t += rand.int(80); // ~25 requests/s on average
    const at = t;
    if (!rand.chance(0.34)) {
      const path = rand.pick(SAME).replace('{id}', String(rand.int(40)));
      const type = path === '/' ? 'document' : path.endsWith('.js') ? 'script' : path.endsWith('.png') ? 'image' : 'fetch';
      const big = type === 'image' && rand.chance(0.04);
      const content = big ? body(true) : type === 'fetch' && rand.chance(0.3) ? body(false) : undefined;
      const cookies = rand.chance(0.3) ? { Cookie: cookie(8) } : {};
      entries.push(make({ method: 'GET', url: `${PAGE}${path}`, reqHeaders: cookies, status: 200, resHeaders: { 'Content-Type': 'text/html', 'Cache-Control': 'max-age=60' }, type, content, at }));
      return;
    }
    const api = rand.pick(APIS);
    const url = `${api.host}${rand.pick(PATHS).replace('{id}', String(rand.int(rand.chance(0.5) ? 5 : 5000)))}`;
    const cors = (ok) => (ok && api.allow ? { 'Access-Control-Allow-Origin': api.allow, Vary: 'Origin' } : {});
    if (rand.chance(0.45)) {
      // A simple GET (no preflight); sometimes a redirect first.
      let from = url;
      if (rand.chance(0.08)) {
        const to = `${url}${url.includes('?') ? '&' : '?'}r=1`;
        entries.push(make({ method: 'GET', url, reqHeaders: { Origin: PAGE }, status: 302, resHeaders: { Location: to, ...cors(true) }, redirectURL: to, at }));
        from = to;
      }
      const ok = api.allow !== null && !rand.chance(0.03);
      entries.push(make({ method: 'GET', url: from, reqHeaders: { Origin: PAGE }, status: 200, resHeaders: { ...server(api), ...cors(ok) }, error: ok ? null : 'net::ERR_FAILED', content: rand.chance(0.4) ? body(false) : undefined, at: at + 1 }));
      return;
    }
    // A preflighted PUT/POST with JSON and Authorization.
    const method = rand.pick(['PUT', 'POST', 'DELETE']);
    const req = { Origin: PAGE, 'Content-Type': 'application/json', Authorization: `Bearer ${'t'.repeat(600)}` };
    const last = lastPreflight.get(url);
    const maxAge = api.maxAge === null ? 5 : Math.min(Number(api.maxAge), 7200);
    const cached = last !== undefined && at - last < maxAge * 1000 - 500;
    const preflightOk = api.allow !== null && !rand.chance(0.04);
    if (!cached) {
      const res = preflightOk
        ? { 'Access-Control-Allow-Origin': api.allow, 'Access-Control-Allow-Methods': api.methods === 'GET' ? 'GET' : api.methods, 'Access-Control-Allow-Headers': api.headers, ...(api.maxAge ? { 'Access-Control-Max-Age': api.maxAge } : {}) }
        : { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' };
      const preflight = make({ method: 'OPTIONS', url, reqHeaders: { Origin: PAGE, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'authorization,content-type' }, status: preflightOk ? 204 : 403, resHeaders: res, type: 'preflight', at, initiator: { type: 'preflight', url, requestId: `${index}.1` } });
      if (preflightOk && api.methods !== 'GET') lastPreflight.set(url, at);
      // DevTools lists the preflight after its request about half the time.
      if (rand.chance(0.5)) entries.push(preflight);
      else queueMicrotaskEntry(preflight);
    }
    const allowedByPreflight = cached || (preflightOk && api.methods !== 'GET');
    const gateway502 = allowedByPreflight && rand.chance(0.05);
    entries.push(make({
      method, url, reqHeaders: req, status: allowedByPreflight ? (gateway502 ? 502 : 200) : 0,
      resHeaders: allowedByPreflight ? (gateway502 ? { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'InternalServerErrorException' } : { ...server(api), ...cors(true) }) : {},
      error: allowedByPreflight && !gateway502 ? null : 'net::ERR_FAILED', content: gateway502 ? { mimeType: 'application/json', text: '{"message": "Internal server error"}' } : rand.chance(0.3) ? body(false) : undefined, at: at + 2,
    }));
    flushQueued();
  }
  let queued = null;
  const queueMicrotaskEntry = (e) => (queued = e);
  const flushQueued = () => { if (queued) entries.push(queued); queued = null; };
  return {
    /** The next `n` (or so) entries as pretty-printed JSON chunks. */
    take(n) {
      entries.length = 0;
      while (entries.length < n) step();
      index += entries.length;
      return entries.map((e) => `    ${JSON.stringify(e, null, 2).replaceAll('\n', '\n    ')}`);
    },
  };
}

/**
 * Writes bench/data/<name>.har with `entries` entries (or, with `minBytes`, entries until the file is at
 * least that big) unless an up-to-date copy exists. Returns { path, entries, bytes }.
 */
export async function generate(name, { entries: wanted = Infinity, minBytes = 0, log = () => {}, mix = 'synthetic' } = {}) {
  mkdirSync(DATA_DIR, { recursive: true });
  const path = join(DATA_DIR, `${name}.har`);
  const metaPath = `${path}.meta.json`;
  // The real-shaped mix is cloned from the AWS captures: a change to them is a new file (their hash is in the meta).
  const templates = mix === 'real' ? loadTemplates() : null;
  const want = { version: GENERATOR_VERSION, seed: SEED, wanted: Number.isFinite(wanted) ? wanted : null, minBytes, ...(templates ? { mix, templates: templates.hash } : {}) };
  if (existsSync(metaPath) && existsSync(path)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (meta.version === want.version && meta.seed === want.seed && meta.wanted === want.wanted && meta.minBytes === minBytes && meta.mix === want.mix && meta.templates === want.templates && statSync(path).size === meta.bytes) return { path, entries: meta.entries, bytes: meta.bytes };
  }
  log(`generating ${path} …`);
  const rand = createRandom(SEED);
  const traffic = templates ? createRealTraffic(rand, templates.units) : createTraffic(rand);
  const out = createWriteStream(path);
  let bytes = 0;
  let count = 0;
  const write = async (s) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`{\n  "log": {\n    "version": "1.2",\n    "creator": { "name": "WebInspector", "version": "537.36" },\n    "pages": [],\n    "entries": [\n`);
  for (;;) {
    const n = Number.isFinite(wanted) ? Math.min(500, wanted - count) : 500;
    if (n <= 0) break;
    const chunk = traffic.take(n).slice(0, n); // a user action is 1–3 entries; cut at exactly n
    await write(`${count === 0 ? '' : ',\n'}${chunk.join(',\n')}`);
    count += chunk.length;
    if (!Number.isFinite(wanted) && bytes >= minBytes) break;
  }
  await write('\n    ]\n  }\n}\n');
  out.end();
  await once(out, 'finish');
  writeFileSync(metaPath, JSON.stringify({ ...want, entries: count, bytes }, null, 2));
  return { path, entries: count, bytes };
}

/** The bench's standard set: the synthetic mix at 1k/10k/100k (and the >1 GB file), the real-shaped one at 10k/100k. */
export async function generateAll(log = () => {}, { huge = true, real = true } = {}) {
  const files = {};
  for (const n of [1_000, 10_000, 100_000]) files[`${n / 1000}k`] = await generate(`har-${n / 1000}k`, { entries: n, log });
  if (huge) files['1gb'] = await generate('har-1gb', { minBytes: 1.1e9, log });
  if (real) Object.assign(files, await generateReal(log));
  return files;
}

/** The real-shaped mix (bench/lib/real-shaped.mjs), keyed `real-10k`, `real-100k`; `sizes` in entries. */
export async function generateReal(log = () => {}, sizes = [10_000, 100_000]) {
  const files = {};
  for (const n of sizes) files[`real-${n / 1000}k`] = await generate(`real-${n / 1000}k`, { entries: n, log, mix: 'real' });
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await generateAll((m) => console.error(m), { huge: !process.argv.includes('--no-huge') });
  for (const [k, f] of Object.entries(files)) console.log(`${k}: ${f.entries} entries, ${(f.bytes / 1e6).toFixed(1)} MB  ${f.path}`);
}
