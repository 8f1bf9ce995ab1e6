#!/usr/bin/env node
// The CORS Lens demo: two loopback origins, a page and an API, reproducing common CORS failures.
//   node demo/server.mjs [--page-port 7701] [--api-port 7702] [--host 127.0.0.1]
// or env DEMO_PAGE_PORT / DEMO_API_PORT / DEMO_HOST. Port 0 picks free ports.
// Plain ESM JavaScript, so it runs without a build.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { demoPage } from './page.mjs';
import { scenarioById } from './scenarios.mjs';

export const DEFAULT_PAGE_PORT = 7701;
export const DEFAULT_API_PORT = 7702;
export const DEFAULT_HOST = '127.0.0.1';

function send(res, { status, headers = {}, body = '' }) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Cache-Control', 'no-store');
  res.writeHead(status);
  res.end(body);
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address().port));
  });
}

/** Starts both origins; resolves to their URLs and a close() function. */
export async function startDemoServer({ host = DEFAULT_HOST, pagePort = DEFAULT_PAGE_PORT, apiPort = DEFAULT_API_PORT } = {}) {
  const origins = { page: '', api: '' };
  const ctx = () => ({ acao: { 'Access-Control-Allow-Origin': origins.page, Vary: 'Origin' } });

  const answer = (req, res) => {
    const url = new URL(req.url, 'http://x');
    const match = /^\/s\/([\w-]+)$/.exec(url.pathname);
    const scenario = match && scenarioById.get(match[1]);
    if (!scenario) return send(res, { status: 404, headers: { 'Content-Type': 'application/json' }, body: '{"message":"Not Found"}' });
    const isPreflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'];
    if (isPreflight) {
      return send(res, scenario.preflight ? scenario.preflight(ctx()) : { status: 204, headers: ctx().acao });
    }
    req.resume();
    req.on('end', () => send(res, scenario.actual(ctx())));
  };

  const page = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/' || path === '/index.html') {
      return send(res, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: demoPage({ apiOrigin: origins.api, pageOrigin: origins.page }) });
    }
    if (path.startsWith('/local/')) {
      req.url = req.url.slice('/local'.length);
      return answer(req, res);
    }
    send(res, { status: 404, body: 'not found' });
  });
  const api = http.createServer(answer);

  const actualPagePort = await listen(page, pagePort, host);
  const actualApiPort = await listen(api, apiPort, host);
  origins.page = `http://${host}:${actualPagePort}`;
  origins.api = `http://${host}:${actualApiPort}`;
  return {
    pageOrigin: origins.page,
    apiOrigin: origins.api,
    close: () => Promise.all([page, api].map((s) => new Promise((r) => { s.closeAllConnections?.(); s.close(() => r()); }))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { 'page-port': { type: 'string' }, 'api-port': { type: 'string' }, host: { type: 'string' } },
  });
  const demo = await startDemoServer({
    host: values.host ?? process.env.DEMO_HOST ?? DEFAULT_HOST,
    pagePort: Number(values['page-port'] ?? process.env.DEMO_PAGE_PORT ?? DEFAULT_PAGE_PORT),
    apiPort: Number(values['api-port'] ?? process.env.DEMO_API_PORT ?? DEFAULT_API_PORT),
  });
  console.log(`CORS Lens demo: page ${demo.pageOrigin}/  API ${demo.apiOrigin}/  (Ctrl+C to stop)`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
