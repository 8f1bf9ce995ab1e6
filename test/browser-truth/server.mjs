// Loopback test server for the browser-truth generator.
//
// Five listeners on 127.0.0.1 (A, B, C, P, Q) share one handler:
//   A (page origin)  – serves the page at "/" that issues the fetches, plus scenario routes
//                      (for same-origin and redirect-back cases);
//   B (API origin)   – the cross-origin API;
//   C (third origin) – target of cross-origin redirect hops;
//   P (public page)  – a second page (loaded in an iframe of A) whose ip:port the generator
//                      declares "public" with --ip-address-space-overrides, so its fetches
//                      to the loopback origins are Local Network Access requests;
//   Q (public, insecure page) – the same, reached as http://public.test:<port> (mapped to
//                      127.0.0.1 by --host-resolver-rules), so it is not a secure context;
//   L (named page)   – the page again, on A's listener but as http://app.test:<portA> (an origin
//                      whose host has letters, for case tests; loopback, not secure);
//   W (worker page)  – A/sw/page, controlled by the service worker A/sw/sw.js (scope /sw/).
// A further port (CLOSED) is reserved and deliberately never listened on.
//
// Scenario routes live at  /s/<scenarioId>/<routeKey>  on every origin. The reply comes from
// scenario.routes[routeKey]: `preflight` answers OPTIONS requests that carry
// Access-Control-Request-Method, `actual` answers everything else. A reply may be an array:
// the n-th matching request gets the n-th reply (the last one repeats). Without a reply
// (`null` or absent) the server answers 404 with no CORS header.
//
// node's HTTP parser rejects methods it does not know (lower-case "patch", "FOO"); such
// requests are parsed by hand in the 'clientError' handler and answered on the raw socket
// (with Connection: close), from the same scenario data.
//
// Placeholders substituted in header values and bodies:
//   {{A}} {{B}} {{C}} {{P}} {{Q}} {{L}} {{CLOSED}}  origins, e.g. http://127.0.0.1:47101
//   {{HOST_A}} ... {{HOST_CLOSED}}            host:port
//   {{PORT_A}} ... {{PORT_CLOSED}}            port numbers
//   {{ID}}                                    the scenario id
//
// Response headers are written with res.writeHead(status, statusText, flatRawArray) so that
// duplicated lines (e.g. two Access-Control-Allow-Origin headers) really go on the wire, in
// order. The server adds nothing but Content-Length (unless the reply sets it or sets
// `noContentLength`) and what node itself always adds (Date, Connection, Keep-Alive).

import http from 'node:http';
import { createHash } from 'node:crypto';
import { truthPageHtml } from './truth-page.mjs';

/**
 * @typedef {import('./scenarios.mjs').Reply} Reply
 * @typedef {import('./scenarios.mjs').Scenario} Scenario
 */

/**
 * @typedef {object} WireRecord
 * @property {number} n           global arrival order
 * @property {string} scenarioId
 * @property {string} routeKey
 * @property {'A'|'B'|'C'|'P'|'Q'} origin which listener received it
 * @property {string} method
 * @property {string} path
 * @property {string[]} rawHeaders request headers exactly as received, flat [name, value, ...]
 * @property {number} bodyBytes
 * @property {string} replied     e.g. "preflight#0", "actual#1", "unexpected-preflight", "no-route"
 * @property {number|null} status status sent (null if the socket was destroyed)
 */

export const DEFAULT_PORT_BASE = 47101;
/** Host name of the insecure public page origin Q (the browser maps *.test to 127.0.0.1). */
export const INSECURE_PUBLIC_HOST = 'public.test';
/** Host name of the named page origin L (served by listener A). */
export const NAMED_HOST = 'app.test';

const PAGE_HTML = truthPageHtml('CORS Lens browser truth');

/**
 * Page W at /sw/page on origin A: registers SW_JS with scope /sw/ and waits until it
 * controls the page (window.__swReady). Fetches issued from W go through that worker.
 */
const SW_PAGE_HTML = PAGE_HTML.replace('</script></body>', `
window.__swReady = false;
navigator.serviceWorker.register('/sw/sw.js', { scope: '/sw/' }).then(async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  }
  window.__swReady = true;
}).catch((e) => { window.__swReady = 'error: ' + e; });
</script></body>`);

/**
 * Service worker for W. Only touches scenario URLs whose route key says so:
 *   .../sw-opaque       answers a CORS request with an opaque response (fetch in no-cors mode)
 *   .../sw-passthrough  answers with fetch(event.request)
 * anything else falls through to the network.
 */
const SW_JS = `
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  const u = new URL(e.request.url);
  if (u.pathname.endsWith('/sw-opaque')) e.respondWith(fetch(e.request.url, { mode: 'no-cors' }));
  else if (u.pathname.endsWith('/sw-passthrough')) e.respondWith(fetch(e.request));
});
`;

/**
 * @param {{scenarios: Scenario[], portBase?: number, host?: string}} options
 */
export async function startTruthServer({ scenarios, portBase = DEFAULT_PORT_BASE, host = '127.0.0.1' }) {
  const ports = { A: portBase, B: portBase + 1, C: portBase + 2, P: portBase + 3, Q: portBase + 4, L: portBase, CLOSED: portBase + 8 };
  const origins = {
    A: `http://${host}:${ports.A}`,
    B: `http://${host}:${ports.B}`,
    C: `http://${host}:${ports.C}`,
    P: `http://${host}:${ports.P}`,
    Q: `http://${INSECURE_PUBLIC_HOST}:${ports.Q}`,
    L: `http://${NAMED_HOST}:${ports.L}`,
    CLOSED: `http://${host}:${ports.CLOSED}`,
  };
  const hosts = {
    A: `${host}:${ports.A}`, B: `${host}:${ports.B}`, C: `${host}:${ports.C}`, P: `${host}:${ports.P}`,
    Q: `${INSECURE_PUBLIC_HOST}:${ports.Q}`, L: `${NAMED_HOST}:${ports.L}`, CLOSED: `${host}:${ports.CLOSED}`,
  };
  /** @type {Map<string, Scenario>} */
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  /** @type {WireRecord[]} */
  const wire = [];
  /** per "scenario/route/kind" counter of requests answered */
  const counters = new Map();

  /** @param {string} text @param {string} id */
  const subst = (text, id) =>
    String(text).replace(/\{\{(?:(HOST_|PORT_)?(A|B|C|P|Q|L|CLOSED)|ID)\}\}/g, (_, prefix, k) => {
      if (!k) return id;
      if (prefix === 'HOST_') return hosts[/** @type {'A'} */ (k)];
      if (prefix === 'PORT_') return String(ports[/** @type {'A'} */ (k)]);
      return origins[/** @type {'A'} */ (k)];
    });

  /**
   * Decides the answer to one scenario request and logs it.
   * @param {'A'|'B'|'C'|'P'|'Q'} originName
   * @param {{method: string, url: string, rawHeaders: string[], bodyBytes: number}} req
   * @returns {{abort: 'destroy'|'garbage'} | {status: number, statusText?: string, flat: string[], body: string, truncate?: boolean}}
   */
  const decide = (originName, req) => {
    const url = new URL(req.url || '/', 'http://x');
    const m = /^\/s\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (!m) return { status: 404, flat: ['Content-Type', 'text/plain', 'Cache-Control', 'no-store'], body: 'not a scenario path' };
    const [, scenarioId, routeKey] = m;
    const scenario = byId.get(scenarioId);
    const route = scenario?.routes?.[routeKey];
    const hasAcrm = req.rawHeaders.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'access-control-request-method');
    const kind = req.method === 'OPTIONS' && hasAcrm ? 'preflight' : 'actual';
    /** @type {WireRecord} */
    const rec = {
      n: wire.length, scenarioId, routeKey, origin: originName, method: req.method,
      path: req.url, rawHeaders: req.rawHeaders.slice(), bodyBytes: req.bodyBytes, replied: '', status: null,
    };
    wire.push(rec);
    const spec = route?.[kind];
    if (!scenario || !route || spec === undefined || spec === null) {
      // No reply configured: answer with a plain 404 without any CORS header so that the
      // browser's verdict shows it. `null` marks a deliberately unanswered preflight.
      rec.replied = !scenario || !route ? 'no-route' : spec === null ? `unanswered-${kind}` : `unexpected-${kind}`;
      rec.status = 404;
      return { status: 404, flat: ['Content-Type', 'text/plain', 'X-Truth-Unexpected', rec.replied], body: `unexpected ${kind} for ${scenarioId}/${routeKey}` };
    }
    const counterKey = `${scenarioId}/${routeKey}/${kind}`;
    const i = counters.get(counterKey) || 0;
    counters.set(counterKey, i + 1);
    const reply = Array.isArray(spec) ? spec[Math.min(i, spec.length - 1)] : spec;
    rec.replied = `${kind}#${i}`;
    if (reply.abort) return { abort: reply.abort };
    const body = reply.body === undefined ? '' : subst(reply.body, scenarioId);
    /** @type {string[]} */
    const flat = [];
    for (const [name, value] of reply.headers || []) flat.push(name, subst(value, scenarioId));
    const hasLength = (reply.headers || []).some(([n]) => n.toLowerCase() === 'content-length');
    if (!hasLength && !reply.noContentLength) flat.push('Content-Length', String(Buffer.byteLength(body)));
    rec.status = reply.status;
    return { status: reply.status, statusText: reply.statusText, flat, body: req.method === 'HEAD' ? '' : body, truncate: reply.truncate };
  };

  /**
   * @param {'A'|'B'|'C'|'P'|'Q'} originName
   * @returns {http.RequestListener}
   */
  const handler = (originName) => (req, res) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/' && (originName === 'A' || originName === 'P' || originName === 'Q')) {
        res.writeHead(200, [
          'Content-Type', 'text/html; charset=utf-8',
          'Cache-Control', 'no-store',
          // lets credentials:'include' requests to B/C (same site 127.0.0.1) carry a cookie
          ...(originName === 'A' ? ['Set-Cookie', 'cl_session=browser-truth; Path=/; SameSite=Lax'] : []),
        ]);
        res.end(PAGE_HTML);
        return;
      }
      if (originName === 'A' && (req.url === '/sw/page' || req.url === '/sw/sw.js')) {
        const isPage = req.url === '/sw/page';
        res.writeHead(200, ['Content-Type', isPage ? 'text/html; charset=utf-8' : 'text/javascript', 'Cache-Control', 'no-store']);
        res.end(isPage ? SW_PAGE_HTML : SW_JS);
        return;
      }
      const d = decide(originName, {
        method: req.method || '', url: req.url || '/', rawHeaders: req.rawHeaders,
        bodyBytes: chunks.reduce((n, c) => n + c.length, 0),
      });
      if ('abort' in d) {
        if (d.abort === 'garbage') req.socket.end('THIS IS NOT HTTP\r\n\r\n');
        else req.socket.destroy();
        return;
      }
      if (d.statusText !== undefined) res.writeHead(d.status, d.statusText, d.flat);
      else res.writeHead(d.status, d.flat);
      if (d.truncate) {
        // send part of the body, then kill the connection (Content-Length mismatch)
        res.write(d.body.slice(0, Math.floor(d.body.length / 2)));
        setTimeout(() => req.socket.destroy(), 20);
        return;
      }
      res.end(d.body);
    });
  };

  /**
   * node's HTTP parser only accepts a fixed list of upper-case methods; a request with a
   * method such as "patch" or "FOO" ends up here. Parse its head by hand and answer raw.
   * @param {'A'|'B'|'C'|'P'|'Q'} originName
   * @returns {(err: Error & {code?: string, rawPacket?: Buffer}, socket: import('node:stream').Duplex) => void}
   */
  const clientError = (originName) => (err, socket) => {
    const raw = err.rawPacket ? err.rawPacket.toString('latin1') : '';
    const headEnd = raw.indexOf('\r\n\r\n');
    const lines = (headEnd >= 0 ? raw.slice(0, headEnd) : raw).split('\r\n');
    const reqLine = /^(\S+) (\S+) HTTP\/1\.[01]$/.exec(lines[0] || '');
    if (err.code !== 'HPE_INVALID_METHOD' || !reqLine || !socket.writable) {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
      return;
    }
    /** @type {string[]} */
    const rawHeaders = [];
    for (const line of lines.slice(1)) {
      const c = line.indexOf(':');
      if (c > 0) rawHeaders.push(line.slice(0, c), line.slice(c + 1).trim());
    }
    const lenIdx = rawHeaders.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === 'content-length');
    const d = decide(originName, {
      method: reqLine[1], url: reqLine[2], rawHeaders,
      bodyBytes: lenIdx >= 0 ? Number(rawHeaders[lenIdx + 1]) || 0 : 0,
    });
    if ('abort' in d) {
      socket.destroy();
      return;
    }
    let head = `HTTP/1.1 ${d.status} ${d.statusText ?? http.STATUS_CODES[d.status] ?? ''}\r\nDate: ${new Date().toUTCString()}\r\n`;
    for (let i = 0; i < d.flat.length; i += 2) head += `${d.flat[i]}: ${d.flat[i + 1]}\r\n`;
    head += 'Connection: close\r\n\r\n';
    socket.end(head + d.body);
  };

  /** sockets taken over by a WebSocket upgrade: closeAllConnections() does not know them */
  const upgraded = new Set();
  /**
   * A WebSocket handshake (kinds-scenarios.mjs): answered from the route's `actual` reply. Status 101 completes
   * the handshake (Sec-WebSocket-Accept computed from the key, RFC 6455 §4.2.2) and closes the socket soon
   * after; any other status refuses it.
   * @param {'A'|'B'|'C'|'P'|'Q'} originName
   * @returns {(req: http.IncomingMessage, socket: import('node:stream').Duplex) => void}
   */
  const upgrade = (originName) => (req, socket) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const d = decide(originName, { method: req.method || 'GET', url: req.url || '/', rawHeaders: req.rawHeaders, bodyBytes: 0 });
    if ('abort' in d) {
      socket.destroy();
      return;
    }
    let head = `HTTP/1.1 ${d.status} ${d.statusText ?? http.STATUS_CODES[d.status] ?? ''}\r\n`;
    if (d.status === 101) {
      const key = String(req.headers['sec-websocket-key'] || '');
      const accept = createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
      head += `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n`;
      for (let i = 0; i < d.flat.length; i += 2) if (d.flat[i].toLowerCase() !== 'content-length') head += `${d.flat[i]}: ${d.flat[i + 1]}\r\n`;
      socket.write(head + '\r\n');
      // a close frame (opcode 8, no payload), then the end
      setTimeout(() => socket.end(Buffer.from([0x88, 0x00])), 100);
      return;
    }
    for (let i = 0; i < d.flat.length; i += 2) head += `${d.flat[i]}: ${d.flat[i + 1]}\r\n`;
    socket.end(head + 'Connection: close\r\n\r\n' + d.body);
  };

  /** @type {http.Server[]} */
  const servers = [];
  for (const name of /** @type {const} */ (['A', 'B', 'C', 'P', 'Q'])) {
    const server = http.createServer({ keepAliveTimeout: 60_000 }, handler(name));
    server.on('clientError', clientError(name));
    server.on('upgrade', upgrade(name));
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(ports[name], host, () => resolve(undefined));
    });
    servers.push(server);
  }

  return {
    ports,
    origins,
    wire,
    /** @param {string} id */
    wireFor: (id) => wire.filter((w) => w.scenarioId === id),
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      for (const sock of upgraded) sock.destroy();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(() => r(undefined)))));
    },
  };
}

// Manual use: `node test/browser-truth/server.mjs` serves the matrix for poking with curl.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { scenarios } = await import('./scenarios.mjs');
  const srv = await startTruthServer({ scenarios, portBase: Number(process.env.TRUTH_PORT_BASE) || DEFAULT_PORT_BASE });
  console.log('browser-truth server', srv.origins);
}
