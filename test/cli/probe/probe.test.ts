// `cors-lens probe <url> --origin <origin>`: what goes on the wire, what comes out, and the manners.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import http from 'node:http';
import { runCli } from '../../support/run-cli';
import { startPolicyServer, type PolicyServer } from './policy-server';
import { createSender, BudgetExceeded } from '../../../src/cli/probe/sender';
import { corsActualRequest } from '../../../src/cli/probe/plan';

const PAGE = 'https://app.example.com';
let server: PolicyServer;
let redirector: http.Server;
let redirectorUrl: string;
beforeAll(async () => {
  server = await startPolicyServer();
  server.setPolicy('/open', (o) => ({ allow: o, credentials: true, headers: 'x-api-key, content-type' }));
  server.setPolicy('/closed', () => ({ allow: null }));
  // A 302 with CORS headers to the server's /open, then to /closed.
  redirector = http.createServer((req, res) => {
    const to = req.url === '/to-open' ? `${server.url}/open` : `${server.url}/closed`;
    res.writeHead(302, { Location: to, 'Access-Control-Allow-Origin': PAGE }).end();
  });
  await new Promise<void>((r) => redirector.listen(0, '127.0.0.1', () => r()));
  redirectorUrl = `http://127.0.0.1:${(redirector.address() as { port: number }).port}`;
});
afterAll(async () => {
  await server.close();
  redirector.closeAllConnections();
  await new Promise((r) => redirector.close(r));
});

const probe = (path: string, ...extra: string[]) => runCli(['probe', `${server.url}${path}`, '--origin', PAGE, '--no-color', ...extra]);
const newRequests = async (run: () => Promise<unknown>) => {
  const seen = server.requests.length;
  await run();
  return server.requests.slice(seen);
};

describe('cors-lens probe', () => {
  test('a blocked GET: the verdict, the console line and the hint, as analyze prints them; --fail-on blocked exits 1', async () => {
    const { code, out, err } = await probe('/closed', '--fail-on', 'blocked');
    expect(code).toBe(1);
    expect(out).toContain('Preflight: not needed (a simple request)');
    expect(out).toContain('✖ WOULD BE BLOCKED');
    expect(out).toContain('Chrome: MissingAllowOriginHeader');
    expect(out).toContain("has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(out).toMatch(/Hint \[GENERIC-MissingAllowOriginHeader/);
    expect(err).toContain(`will send the GET request (no cookie) to ${server.url}/closed, as Origin ${PAGE}`);
  });

  test('a preflighted GET: the preflight Chromium sends, then the request; allowed exits 0', async () => {
    let result: Awaited<ReturnType<typeof probe>> | undefined;
    const sent = await newRequests(async () => { result = await probe('/open', '-H', 'X-Api-Key: k1', '--fail-on', 'blocked'); });
    expect(result!.code).toBe(0);
    expect(result!.out).toContain('≈ would pass');
    expect(sent.map((r) => r.method)).toEqual(['OPTIONS', 'GET']);
    expect(sent[0].headers).toMatchObject({ 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-api-key', origin: PAGE, accept: '*/*', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' });
    expect(sent[0].headers['x-api-key']).toBeUndefined();
    expect(sent[1].headers['x-api-key']).toBe('k1');
  });

  test('no cookie unless --cookie, and never on a preflight', async () => {
    const without = await newRequests(() => probe('/open', '--credentials', '-H', 'X-Api-Key: 1'));
    expect(without.every((r) => r.headers.cookie === undefined)).toBe(true);
    const withCookie = await newRequests(() => probe('/open', '--credentials', '-H', 'X-Api-Key: 1', '--cookie', 'session=abc'));
    expect(withCookie.map((r) => [r.method, r.headers.cookie])).toEqual([['OPTIONS', undefined], ['GET', 'session=abc']]);
    // Without credentials the cookie is not sent either (fetch's default mode leaves it out cross-origin).
    const sameOrigin = await newRequests(() => probe('/open', '--cookie', 'session=abc'));
    expect(sameOrigin[0].headers.cookie).toBeUndefined();
  });

  test('--dry-run prints curl commands and sends nothing', async () => {
    let out = '';
    const sent = await newRequests(async () => { out = (await probe('/open', '-X', 'PUT', '-H', 'Content-Type: application/json', '--dry-run')).out; });
    expect(sent).toEqual([]);
    expect(out).toContain(`curl -i --compressed \\\n  -X 'OPTIONS' \\\n  '${server.url}/open'`);
    expect(out).toContain("-H 'Access-Control-Request-Method: PUT'");
    expect(out).toContain("-H 'Access-Control-Request-Headers: content-type'");
  });

  test('a PUT is not sent without --send-actual, and --send-actual needs --yes off a terminal', async () => {
    const held = await newRequests(() => probe('/open', '-X', 'PUT'));
    expect(held.map((r) => r.method)).toEqual(['OPTIONS']);
    const refused = await probe('/open', '-X', 'PUT', '--send-actual');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('confirm with --yes');
    const sent = await newRequests(() => probe('/open', '-X', 'PUT', '--send-actual', '--yes', '-d', '{"a":1}', '--body-type', 'application/json'));
    expect(sent.map((r) => r.method)).toEqual(['OPTIONS', 'PUT']);
  });

  test('redirects hop by hop: each hop named, the verdict from the hop where Chromium stops', async () => {
    const ok = await runCli(['probe', `${redirectorUrl}/to-open`, '--origin', PAGE, '--no-color', '--format', 'json']);
    const json = JSON.parse(ok.out);
    expect(json.probe.requests.map((r: { status: number }) => r.status)).toEqual([302, 200]);
    // The redirect crosses origins from a URL that is not the page's: Origin becomes "null" on the next hop.
    expect(server.requests.at(-1)!.headers.origin).toBe('null');
    expect(json.probe.verdict).toBe('allowed');
    const blocked = await runCli(['probe', `${redirectorUrl}/to-closed`, '--origin', PAGE, '--no-color']);
    expect(blocked.out).toMatch(/1\. GET .*\/to-closed → 302 Found → Location: .*\/closed\n {2}2\. GET .*\/closed → 200 OK/);
    expect(blocked.out).toContain('MissingAllowOriginHeader');
  });

  test('--format json is the analyze report plus what was sent; markdown renders', async () => {
    const json = JSON.parse((await probe('/closed', '--format', 'json')).out);
    expect(json.schemaVersion).toBe(1);
    expect(json.exchanges[0]).toMatchObject({ verdict: 'blocked', corsError: 'MissingAllowOriginHeader', credentials: { from: 'recorded-credentials-mode' } });
    expect(json.probe.requests[0]).toMatchObject({ kind: 'actual', method: 'GET', status: 200 });
    const md = (await probe('/closed', '--format', 'markdown')).out;
    expect(md).toContain('MissingAllowOriginHeader');
    expect(md).toContain('Probe: GET');
  });

  test('an unreachable server: one line, exit 3', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as { port: number }).port;
    await new Promise((r) => closed.close(r));
    const { code, err } = await runCli(['probe', `http://127.0.0.1:${port}/x`, '--origin', PAGE]);
    expect(code).toBe(3);
    expect(err).toContain('net::ERR_CONNECTION_REFUSED');
  });

  test('--timeout: a server that never answers is a net::ERR_TIMED_OUT, exit 3', async () => {
    const silent = http.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    const t0 = Date.now();
    const { code, err } = await runCli(['probe', `http://127.0.0.1:${port}/x`, '--origin', PAGE, '--timeout', '300']);
    expect([code, err.includes('net::ERR_TIMED_OUT')]).toEqual([3, true]);
    expect(Date.now() - t0).toBeLessThan(5000);
    silent.closeAllConnections();
    await new Promise((r) => silent.close(r));
  });

  test('forbidden headers are left out, as fetch() does, and said so', async () => {
    const sent = await newRequests(async () => {
      const { err } = await probe('/open', '-H', 'Cookie: x=1', '-H', 'Host: evil.test');
      expect(err).toContain('fetch() never sends Cookie, Host (forbidden request headers)');
    });
    expect(sent[0].headers.host).toBe(new URL(server.url).host);
    expect(sent[0].headers.cookie).toBeUndefined();
  });

  test('usage errors exit 2', async () => {
    expect((await runCli(['probe', `${server.url}/x`])).code).toBe(2);
    expect((await runCli(['probe', `${server.url}/x`, '--origin', 'https://app.example.com/path'])).err).toContain("did you mean 'https://app.example.com'");
    expect((await runCli(['probe', `${server.url}/x`, '--origin', PAGE, '-X', 'TRACE'])).code).toBe(2);
  });
});

describe('the sender: budget and delay per host', () => {
  test('stops at the budget', async () => {
    const { code, err } = await probe('/open', '-H', 'X-Api-Key: 1', '--budget', '1');
    expect(code).toBe(3);
    expect(err).toContain('request budget of 1 used up');
  });
  test('waits --delay between requests to one host', async () => {
    const sender = createSender({ budget: 5, delayMs: 150, timeoutMs: 2000, dryRun: false, insecure: false, announce: () => {} });
    const request = corsActualRequest({ url: `${server.url}/open`, origin: PAGE, method: 'GET', headers: [], credentials: 'omit', body: null, cookie: null, userAgent: 'x' });
    const t0 = Date.now();
    await sender.send(request);
    await sender.send(request);
    await sender.send(request);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(sender.sent()).toBe(3);
    const tight = createSender({ budget: 0, delayMs: 0, timeoutMs: 2000, dryRun: false, insecure: false, announce: () => {} });
    await expect(tight.send(request)).rejects.toBeInstanceOf(BudgetExceeded);
  });
});
