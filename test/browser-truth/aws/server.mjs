// Loopback server that answers like AWS, for scripts/generate-aws-fixtures.mjs.
//
// Two listeners on 127.0.0.1: HTTP (default 47201) and HTTPS (47202, a throw-away self-signed
// certificate; Chromium runs with --ignore-certificate-errors). Chromium resolves the AWS host
// names to 127.0.0.1 (--host-resolver-rules), so a URL keeps its real shape plus a port:
//   https://abc123defg.execute-api.us-east-1.amazonaws.com:47202/prod/items
//
// Dispatch is by host name (without port) + path (without query): every scenario route is
// `<host><path>`, unique across the suite, so HAR entries can be assigned to their scenario, and
// neither the preflight cache nor the HTTP cache can serve one scenario's answer to another.
// `preflight` answers OPTIONS + Access-Control-Request-Method, `actual` everything else. A route
// without the reply answers 404 and is logged as a problem.
//
// "/" on a page host (app.example.test, the Amplify host) serves the page that issues fetches.
//
// Placeholders in header values and bodies: {{PAGE}} the origin of the page that made the request
// (its Origin header), {{PH}} / {{PS}} the HTTP / HTTPS port, {{ID}} the scenario id.
// Headers go on the wire raw and in order (duplicates stay duplicates); the server adds only
// Content-Length, plus node's Date / Connection / Keep-Alive.

import http from 'node:http';
import { truthPageHtml } from '../truth-page.mjs';
import https from 'node:https';

export const DEFAULT_HTTP_PORT = 47201;

const PAGE_HTML = truthPageHtml('CORS Lens AWS truth');

/** `<host><path>` of a URL, the route key. */
export const routeKey = (/** @type {string} */ url) => {
  const u = new URL(url);
  return `${u.hostname}${u.pathname}`;
};

/**
 * @param {{ scenarios: import('./scenarios.mjs').AwsScenario[], httpPort?: number, tls: {key: string, cert: string}, pageHosts: string[] }} o
 */
export async function startAwsServer({ scenarios, httpPort = DEFAULT_HTTP_PORT, tls, pageHosts }) {
  const ports = { PH: httpPort, PS: httpPort + 1 };
  /** @type {Map<string, {scenario: import('./scenarios.mjs').AwsScenario, route: any}>} */
  const routes = new Map();
  for (const s of scenarios) {
    for (const [key, route] of Object.entries(s.routes)) {
      if (routes.has(key)) throw new Error(`route ${key} is used by ${routes.get(key)?.scenario.id} and ${s.id}`);
      routes.set(key, { scenario: s, route });
    }
  }
  /** @type {any[]} */
  const wire = [];
  const counters = new Map();

  /** @param {string} text @param {string} id @param {string} page */
  const subst = (text, id, page) =>
    String(text).replace(/\{\{(PAGE|PH|PS|ID)\}\}/g, (_, k) => (k === 'PAGE' ? page : k === 'ID' ? id : String(ports[/** @type {'PH'|'PS'} */ (k)])));

  /** @param {'http'|'https'} scheme @returns {http.RequestListener} */
  const handler = (scheme) => (req, res) => {
    let bodyBytes = 0;
    req.on('data', (c) => { bodyBytes += c.length; });
    req.on('end', () => {
      const hostname = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
      const url = new URL(req.url || '/', 'http://x');
      if (url.pathname === '/' && pageHosts.includes(hostname)) {
        res.writeHead(200, ['Content-Type', 'text/html; charset=utf-8', 'Cache-Control', 'no-store']);
        res.end(PAGE_HTML);
        return;
      }
      if (url.pathname === '/favicon.ico' && pageHosts.includes(hostname)) {
        res.writeHead(204, ['Cache-Control', 'max-age=3600']);
        res.end();
        return;
      }
      const key = `${hostname}${url.pathname}`;
      const found = routes.get(key);
      const hasAcrm = req.rawHeaders.some((h, i) => i % 2 === 0 && h.toLowerCase() === 'access-control-request-method');
      const kind = req.method === 'OPTIONS' && hasAcrm ? 'preflight' : 'actual';
      const rec = {
        scenarioId: found?.scenario.id ?? null, routeKey: key, scheme, method: req.method, path: req.url,
        rawHeaders: req.rawHeaders.slice(), bodyBytes, replied: '', status: /** @type {number|null} */ (null),
      };
      wire.push(rec);
      const spec = found?.route?.[kind];
      if (!found || !spec) {
        rec.replied = !found ? 'no-route' : `unexpected-${kind}`;
        rec.status = 404;
        res.writeHead(404, ['Content-Type', 'text/plain', 'X-Truth-Unexpected', rec.replied]);
        res.end(`unexpected ${kind} for ${key}`);
        return;
      }
      const counterKey = `${key}/${kind}`;
      const i = counters.get(counterKey) || 0;
      counters.set(counterKey, i + 1);
      const reply = Array.isArray(spec) ? spec[Math.min(i, spec.length - 1)] : spec;
      rec.replied = `${kind}#${i}`;
      const page = req.headers.origin && req.headers.origin !== 'null' ? req.headers.origin : `http://app.example.test:${ports.PH}`;
      const id = found.scenario.id;
      const body = reply.body === undefined ? '' : subst(reply.body, id, page);
      /** @type {string[]} */
      const flat = [];
      for (const [name, value] of reply.headers || []) flat.push(name, subst(value, id, page));
      if (!(reply.headers || []).some(([/** @type {string} */ n]) => n.toLowerCase() === 'content-length')) flat.push('Content-Length', String(Buffer.byteLength(body)));
      rec.status = reply.status;
      if (reply.statusText) res.writeHead(reply.status, reply.statusText, flat);
      else res.writeHead(reply.status, flat);
      res.end(req.method === 'HEAD' ? '' : body);
    });
  };

  const plain = http.createServer({ keepAliveTimeout: 60_000 }, handler('http'));
  const secure = https.createServer({ keepAliveTimeout: 60_000, key: tls.key, cert: tls.cert }, handler('https'));
  for (const [server, port] of /** @type {const} */ ([[plain, ports.PH], [secure, ports.PS]])) {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve(undefined));
    });
  }
  return {
    ports,
    wire,
    /** @param {string} url */
    scenarioOf: (url) => {
      try { return routes.get(routeKey(url))?.scenario.id ?? null; } catch { return null; }
    },
    /** @param {string} id */
    wireFor: (id) => wire.filter((w) => w.scenarioId === id),
    close: async () => {
      for (const s of [plain, secure]) s.closeAllConnections();
      await Promise.all([plain, secure].map((s) => new Promise((r) => s.close(() => r(undefined)))));
    },
  };
}
