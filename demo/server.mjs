#!/usr/bin/env node
// The CORS Lens demo: two loopback origins, a page and an API, reproducing common CORS failures.
//   node demo/server.mjs [--page-port 7701] [--api-port 7702] [--host 127.0.0.1] [--aws] [--aws-port 7703]
// or env DEMO_PAGE_PORT / DEMO_API_PORT / DEMO_HOST / DEMO_AWS_PORT. Port 0 picks free ports.
// With `aws`, a third listener answers HTTPS on the AWS host names of the scenarios (`awsHost` in
// scenarios.mjs: *.execute-api.<region>.amazonaws.com, *.lambda-url.<region>.on.aws, *.cloudfront.net,
// *.s3.<region>.amazonaws.com); the browser must map those names to this server (`hostResolverRules`)
// and trust its throw-away certificate (`spki`) — demo/launch.mjs takes both.
// Plain ESM JavaScript, so it runs without a build.
import http from 'node:http';
import https from 'node:https';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { demoPage } from './page.mjs';
import { AWS_HOST_RESOLVER_RULES, scenarioById, scenarios } from './scenarios.mjs';
import { createSelfSignedCert } from './tls.mjs';

export const DEFAULT_PAGE_PORT = 7701;
export const DEFAULT_API_PORT = 7702;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_AWS_PORT = 7703;

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

/**
 * Starts both origins; resolves to their URLs and a close() function. With `aws` (true, or
 * `{ port }`), also the AWS-named API over HTTPS: then `awsOrigins` (scenario id → origin),
 * `hostResolverRules` and `spki` say how to point Chromium at it (launchWithExtension options).
 * Without openssl the AWS names are served over plain HTTP (`awsScheme` says which).
 */
export async function startDemoServer({ host = DEFAULT_HOST, pagePort = DEFAULT_PAGE_PORT, apiPort = DEFAULT_API_PORT, aws = false } = {}) {
  const origins = { page: '', api: '' };
  /** @type {{ callOrigins: Record<string, string> }} */
  const pageOptions = { callOrigins: {} };
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
      return send(res, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: demoPage({ apiOrigin: origins.api, pageOrigin: origins.page, callOrigins: pageOptions.callOrigins }) });
    }
    if (path.startsWith('/local/')) {
      req.url = req.url.slice('/local'.length);
      return answer(req, res);
    }
    send(res, { status: 404, body: 'not found' });
  });
  const api = http.createServer(answer);
  const servers = [page, api];

  const actualPagePort = await listen(page, pagePort, host);
  const actualApiPort = await listen(api, apiPort, host);
  origins.page = `http://${host}:${actualPagePort}`;
  origins.api = `http://${host}:${actualApiPort}`;

  /** @type {Record<string, string>} */
  const awsOrigins = {};
  let awsInfo = {};
  if (aws) {
    const tls = createSelfSignedCert();
    const awsServer = tls ? https.createServer({ key: tls.key, cert: tls.cert }, answer) : http.createServer(answer);
    servers.push(awsServer);
    const wanted = typeof aws === 'object' && aws.port !== undefined ? aws.port : DEFAULT_AWS_PORT;
    const awsPort = await listen(awsServer, wanted, host);
    const scheme = tls ? 'https' : 'http';
    for (const s of scenarios) if (s.awsHost) awsOrigins[s.id] = `${scheme}://${s.awsHost}:${awsPort}`;
    awsInfo = { awsOrigins, awsScheme: scheme, hostResolverRules: AWS_HOST_RESOLVER_RULES, spki: tls ? [tls.spki] : [] };
  }
  pageOptions.callOrigins = awsOrigins;
  return {
    pageOrigin: origins.page,
    apiOrigin: origins.api,
    ...awsInfo,
    close: () => Promise.all(servers.map((s) => new Promise((r) => { s.closeAllConnections?.(); s.close(() => r()); }))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { 'page-port': { type: 'string' }, 'api-port': { type: 'string' }, host: { type: 'string' }, aws: { type: 'boolean', default: false }, 'aws-port': { type: 'string' } },
  });
  const demo = await startDemoServer({
    host: values.host ?? process.env.DEMO_HOST ?? DEFAULT_HOST,
    pagePort: Number(values['page-port'] ?? process.env.DEMO_PAGE_PORT ?? DEFAULT_PAGE_PORT),
    apiPort: Number(values['api-port'] ?? process.env.DEMO_API_PORT ?? DEFAULT_API_PORT),
    aws: values.aws ? { port: Number(values['aws-port'] ?? process.env.DEMO_AWS_PORT ?? DEFAULT_AWS_PORT) } : false,
  });
  console.log(`CORS Lens demo: page ${demo.pageOrigin}/  API ${demo.apiOrigin}/  (Ctrl+C to stop)`);
  if (demo.hostResolverRules) {
    console.log(`AWS host names on port ${new URL(Object.values(demo.awsOrigins)[0]).port} (${demo.awsScheme}). Start Chromium with:`);
    console.log(`  --host-resolver-rules="${demo.hostResolverRules}"${demo.spki.length ? ` --ignore-certificate-errors-spki-list=${demo.spki.join(',')}` : ''}`);
  }
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
