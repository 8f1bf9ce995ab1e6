// The real-shaped mix (issue 15): traffic cloned from real Chromium 156 recordings rather than written by hand.
// Every cross-origin call is one of the AWS truth captures (test/fixtures/aws/*.json: a fetch() and, when there
// was one, its preflight, exactly as Chromium's getHAR() recorded them: a request stopped by its preflight is
// status 0 with no response headers and `_error` net::ERR_FAILED and only Blink's own request headers; a response
// CORS blocked keeps its status and headers with `_error` net::ERR_FAILED and no serverIPAddress; `_initiator`
// names a preflight's request). A clone keeps every field the capture has and changes only what differs from
// one call to the next in a real app:
//   - the page origin (one of several: the app, an admin app, staging, a local dev server),
//   - the API's host (the capture's, without the test port) and the route: each host has tens of routes, ids in
//     paths, a few hot ids hit again and again,
//   - the per-response ids AWS writes (x-amzn-RequestId, x-amz-apigw-id, x-amz-cf-id, X-Amzn-Trace-Id,
//     x-amz-request-id, x-amz-id-2) and Date,
//   - Authorization (a ~900-character bearer JWT where the capture sends one) and the JS call stack,
//   - times (start, with the capture's offsets between a request and its preflight) and request ids,
//   - bodies of allowed answers (JSON of a few hundred bytes to a few KB; the captures' bodies are tiny).
// The mix: ~3/4 of cross-origin calls preflighted and ~2/5 blocked, ~1/2 with the retries (the issue's 100k HAR), blocked calls
// retried by the app (1–3 times, a second apart, each with its own failed preflight: a failed preflight is
// never cached), allowed preflights cached for their Access-Control-Max-Age (absent: 5 s, Chromium's default)
// so a repeat within it has no preflight; and ~1/5 same-origin calls (the app's own /api with its session cookie
// and bearer token, scripts, images), shaped on the same captures with the Origin and CORS headers a same-origin
// request and answer do not have.
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ROOT } from './build.mjs';

const FIXTURES = `${ROOT}test/fixtures/aws/`;

/** Page origins and how often each is the page (an app, its admin, staging, a developer's local server). */
const PAGES = [['https://app.example.com', 6], ['https://admin.example.com', 2], ['https://staging.app.example.com', 1], ['http://localhost:5173', 1]];
/** How a cross-origin call is drawn: preflighted or not, blocked or not (the issue's captures: most preflighted, about half blocked). */
const MIX = { preflighted: 0.75, blocked: 0.4, sameOrigin: 0.2, retry: 0.35 };
const NOUNS = ['orders', 'items', 'users', 'carts', 'invoices', 'products', 'sessions', 'events', 'reports', 'files', 'comments', 'teams', 'projects', 'tasks', 'payments'];
const SUBS = ['', '/history', '/items', '/status', '/attachments'];

/** The AWS truth captures, each a unit of entries (its fetch, and its preflight when Chromium sent one). */
export function loadTemplates(dir = FIXTURES) {
  const units = [];
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()) {
    const text = readFileSync(`${dir}${file}`, 'utf8');
    hash.update(text);
    const fixture = JSON.parse(text);
    const entries = fixture.har?.log?.entries ?? [];
    const outcome = fixture.fetches?.[0]?.truth?.outcome;
    const fetch = entries.find((e) => e._resourceType !== 'preflight');
    if (!fetch || (outcome !== 'blocked' && outcome !== 'allowed') || fixture.fetches.length !== 1) continue;
    const preflighted = entries.some((e) => e._resourceType === 'preflight');
    const maxAge = Number(header(entries.find((e) => e._resourceType === 'preflight')?.response.headers ?? [], 'access-control-max-age') ?? 5);
    units.push({ id: fixture.id, pageOrigin: fixture.pageOrigin, url: new URL(fetch.request.url), method: fetch.request.method, entries, outcome, preflighted, maxAge, t0: Math.min(...entries.map((e) => Date.parse(e.startedDateTime))) });
  }
  return { units, hash: hash.digest('hex').slice(0, 16) };
}

const header = (headers, name) => headers.find((h) => h.name.toLowerCase() === name)?.value;

/** Fresh values for the ids AWS writes on every answer, by header name (lower case). */
function awsIds(rand) {
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[rand.int(16)]).join('');
  const b64 = (n) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[rand.int(64)]).join('');
  return {
    'x-amzn-requestid': () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
    'x-amz-apigw-id': () => `${b64(15)}=`,
    'x-amz-cf-id': () => `${b64(54)}==`,
    'x-amzn-trace-id': () => `Root=1-${hex(8)}-${hex(24)};Parent=${hex(16)};Sampled=0`,
    'x-amz-request-id': () => hex(16).toUpperCase(),
    'x-amz-id-2': () => `${b64(74)}=`,
  };
}

/** A JWT-shaped bearer token of about 900 characters (header.payload.signature, base64url). */
function jwt(rand, user) {
  const b64 = (s) => Buffer.from(s).toString('base64url');
  const claims = { sub: `user-${user}`, 'cognito:groups': ['admin', 'billing', 'support'], email_verified: true, iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Ab12Cd34E', 'cognito:username': `user-${user}`, origin_jti: `${rand.next()}`, aud: '3n4b5urk1ft4fl3mg5e4v0e0u1', event_id: `${rand.next()}`, token_use: 'id', auth_time: 1768467000, exp: 1768470600, iat: 1768467000, jti: `${rand.next()}`, email: `user-${user}@example.com` };
  return `Bearer ${b64(JSON.stringify({ kid: 'k1A2b3C4d5E6f7G8h9I0j1K2l3M4n5O6p7Q8r9S0t1U=', alg: 'RS256' }))}.${b64(JSON.stringify(claims))}.${b64(Array.from({ length: 256 }, () => String.fromCharCode(rand.int(256))).join(''))}`;
}

/** A session cookie header of ~1.5 KB (analytics, consent, the app's session). */
function cookieHeader(rand) {
  const v = (n) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[rand.int(36)]).join('');
  return `_ga=GA1.1.${rand.int(1e9)}.1768400000; _ga_X1Y2Z3=GS1.1.1768467000.3.1.1768467100.0.0.0; consent=${v(120)}; session=${v(600)}; csrf=${v(64)}; prefs=${v(300)}; ab=${v(200)}`;
}

function httpDate(ms) {
  return new Date(ms).toUTCString();
}

/** A JSON answer of a few hundred bytes to a few KB, as an API returns. */
function jsonBody(rand, id) {
  const n = 1 + rand.int(rand.chance(0.2) ? 30 : 6);
  return JSON.stringify({ id, items: Array.from({ length: n }, (_, i) => ({ id: `${id}-${i}`, name: `item ${i}`, status: rand.pick(['open', 'paid', 'shipped']), amount: rand.int(100000) / 100, updatedAt: '2026-01-15T09:00:00.000Z' })), next: rand.chance(0.3) ? `cursor-${rand.int(1e6)}` : null });
}

/** The JS call stack of an app's fetch (a bundled SPA: a wrapper, the API client, a component). */
function initiatorStack(page) {
  const bundle = `${page}/assets/index-4f2a9c1e.js`;
  return { type: 'script', stack: { callFrames: [
    { functionName: 'request', scriptId: '17', url: bundle, lineNumber: 0, columnNumber: 48211 },
    { functionName: 'apiFetch', scriptId: '17', url: bundle, lineNumber: 0, columnNumber: 51873 },
    { functionName: 'load', scriptId: '17', url: bundle, lineNumber: 0, columnNumber: 130542 },
  ] } };
}

/**
 * The real-shaped traffic generator: `take(n)` → the next n-or-so entries (pretty-printed like DevTools'
 * "Save all as HAR"), the same interface as the synthetic mix in bench/generate.mjs.
 */
export function createRealTraffic(rand, templates = loadTemplates().units) {
  const ids = awsIds(rand);
  const pick = (cands) => cands[rand.int(cands.length)];
  const weighted = (pairs) => {
    let r = rand.next() * pairs.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const byKind = {};
  for (const u of templates) (byKind[`${u.preflighted ? 'pre' : 'simple'}-${u.outcome}`] ??= []).push(u);
  for (const k of ['pre-allowed', 'pre-blocked', 'simple-allowed', 'simple-blocked']) if (!byKind[k]?.length) throw new Error(`real-shaped mix: no ${k} capture in ${FIXTURES}`);
  // Each API host has its own routes (30–60), fixed by the seed.
  const routes = new Map();
  const routesOf = (host) => {
    if (!routes.has(host)) routes.set(host, Array.from({ length: 30 + rand.int(31) }, () => `/v${1 + rand.int(2)}/${pick(NOUNS)}${rand.chance(0.7) ? `/{id}${pick(SUBS)}` : ''}`));
    return routes.get(host);
  };
  const tokens = Array.from({ length: 5 }, (_, i) => jwt(rand, i));
  const cookies = Array.from({ length: 5 }, () => cookieHeader(rand));
  const ips = new Map();
  const ipOf = (host) => (ips.has(host) ? ips.get(host) : (ips.set(host, `${3 + rand.int(50)}.${rand.int(256)}.${rand.int(256)}.${1 + rand.int(254)}`), ips.get(host)));
  const lastPreflight = new Map(); // page + method + url → start of the last allowed preflight (Chromium's preflight cache)
  let t = Date.UTC(2026, 0, 15, 9, 0, 0);
  let requestId = 1000;
  let out = [];
  const pending = []; // retries: { at, unit, page, url, user }

  /** One clone of a capture at `at`, for `page`, against `url` (the capture's host, a route of its API). */
  function clone(unit, { at, page, url, user }) {
    let text = JSON.stringify(unit.entries);
    text = text.replaceAll(unit.pageOrigin, page).replaceAll(`${unit.url.host}${unit.url.pathname}`, `${url.host}${url.pathname}`).replaceAll(unit.url.host, url.host);
    const entries = JSON.parse(text);
    const key = `${page} ${unit.method} ${url.href}`;
    const kept = [];
    const pid = `${16000 + rand.int(2000)}.${requestId++}`;
    for (const e of entries) {
      const isPreflight = e._resourceType === 'preflight';
      if (isPreflight && unit.outcome === 'allowed') {
        const last = lastPreflight.get(key);
        if (last !== undefined && at - last < unit.maxAge * 1000) continue; // Chromium's preflight cache: no preflight sent
        lastPreflight.set(key, at);
      }
      const start = at + (Date.parse(e.startedDateTime) - unit.t0);
      e.startedDateTime = new Date(start).toISOString();
      if (isPreflight) e._initiator.requestId = pid;
      else e._initiator = initiatorStack(page);
      if (e.serverIPAddress) e.serverIPAddress = ipOf(url.host);
      if (e.connection) e.connection = '443';
      for (const h of e.request.headers) {
        const n = h.name.toLowerCase();
        if (n === 'authorization' && h.value.startsWith('Bearer')) h.value = tokens[user];
      }
      for (const h of e.response.headers) {
        const n = h.name.toLowerCase();
        if (ids[n]) h.value = ids[n]();
        else if (n === 'date') h.value = httpDate(start);
      }
      if (!isPreflight && unit.outcome === 'allowed' && e.response.status >= 200 && e.response.status < 300 && e.response.content.mimeType === 'application/json') {
        const body = jsonBody(rand, url.pathname.split('/').pop());
        e.response.content = { ...e.response.content, size: body.length, text: body };
        e.response.bodySize = body.length;
        e.response._transferSize = e.response.headersSize + body.length;
        const cl = e.response.headers.find((h) => h.name.toLowerCase() === 'content-length');
        if (cl) cl.value = String(body.length);
      }
      kept.push(e);
    }
    return kept;
  }

  /** A same-origin call: the app's own API (session cookie, bearer token), a script or an image. */
  function sameOrigin(at, page, user) {
    const base = byKind['simple-allowed'].find((u) => u.method === 'GET') ?? byKind['simple-allowed'][0];
    const e = JSON.parse(JSON.stringify(base.entries.find((x) => x._resourceType !== 'preflight')));
    const kind = weighted([['fetch', 6], ['script', 1], ['image', 2]]);
    const path = kind === 'fetch' ? `/api/${pick(NOUNS)}/${rand.int(200)}` : kind === 'script' ? `/assets/chunk-${rand.int(40).toString(16)}.js` : `/img/${rand.int(400)}.webp`;
    const host = new URL(page).host;
    e.request.url = `${page}${path}`;
    e._resourceType = kind;
    e._initiator = kind === 'fetch' ? initiatorStack(page) : { type: 'parser', url: `${page}/`, lineNumber: 12 };
    e.request.headers = e.request.headers.filter((h) => !['origin', 'authorization', 'cookie'].includes(h.name.toLowerCase())).map((h) => {
      const n = h.name.toLowerCase();
      return n === 'host' ? { name: h.name, value: host } : n === 'sec-fetch-site' ? { name: h.name, value: 'same-origin' } : n === 'referer' ? { name: h.name, value: `${page}/` } : h;
    });
    e.request.headers.push({ name: 'Cookie', value: cookies[user] });
    if (kind === 'fetch') e.request.headers.push({ name: 'Authorization', value: tokens[user] });
    e.response.headers = e.response.headers.filter((h) => !h.name.toLowerCase().startsWith('access-control-') && !h.name.toLowerCase().startsWith('x-amz')).map((h) => (h.name.toLowerCase() === 'date' ? { name: h.name, value: httpDate(at) } : h));
    const body = kind === 'fetch' ? jsonBody(rand, path.split('/').pop()) : '';
    e.response.content = kind === 'fetch' ? { size: body.length, mimeType: 'application/json', compression: 0, text: body } : { size: 2000 + rand.int(60000), mimeType: kind === 'script' ? 'text/javascript' : 'image/webp', compression: 0 };
    e.response.bodySize = e.response.content.size;
    e.serverIPAddress = ipOf(host);
    e.startedDateTime = new Date(at).toISOString();
    return [e];
  }

  function step() {
    // Retries due by now first (in start order, as DevTools lists).
    pending.sort((a, b) => a.at - b.at);
    while (pending.length && pending[0].at <= t) {
      const r = pending.shift();
      out.push(...clone(r.unit, r));
    }
    t += rand.int(100);
    const page = weighted(PAGES);
    const user = rand.int(tokens.length);
    if (rand.chance(MIX.sameOrigin)) {
      out.push(...sameOrigin(t, page, user));
      return;
    }
    const kind = `${rand.chance(MIX.preflighted) ? 'pre' : 'simple'}-${rand.chance(MIX.blocked) ? 'blocked' : 'allowed'}`;
    const unit = pick(byKind[kind]);
    const host = unit.url.hostname;
    const stage = unit.url.pathname.split('/').filter(Boolean).length > 1 ? `/${unit.url.pathname.split('/')[1]}` : '';
    const id = rand.chance(0.7) ? rand.int(20) : rand.int(100_000);
    const url = new URL(`https://${host}${stage}${pick(routesOf(host)).replace('{id}', String(id))}${unit.url.search}`);
    const call = { at: t, page, url, user };
    out.push(...clone(unit, call));
    if (unit.outcome === 'blocked' && rand.chance(MIX.retry)) {
      const n = 1 + rand.int(3);
      for (let k = 1; k <= n; k++) pending.push({ ...call, unit, at: t + k * 1000 });
    }
  }

  return {
    take(n) {
      out = [];
      while (out.length < n) step();
      return out.map((e) => `    ${JSON.stringify(e, null, 2).replaceAll('\n', '\n    ')}`);
    },
  };
}
