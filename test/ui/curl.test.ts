// @vitest-environment node
// Copy as cURL reproduces what the browser saw (issue 12, item 6): the generated commands are run
// with the real curl against the demo server, and the answer lacks the same header / refuses the same
// preflight as it did for the page. Entries are shaped as Chromium records them (research facts §4: a
// request stopped by its preflight has status 0 and Blink's provisional headers only — no Origin).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM JavaScript without types
import { startDemoServer } from '../../demo/server.mjs';
import { analyzeHar } from '../../src/core/analyze';
import { readHar } from '../../src/core/har/read';
import type { ExchangeReport, ObservedEntry } from '../../src/core/types';
import { curlForActual, curlForPreflight, secretsComment } from '../../src/ui/curl';
import { entry, har } from '../support/har-builder';

const run = promisify(execFile);
let demo: { pageOrigin: string; apiOrigin: string; close: () => Promise<unknown> };
beforeAll(async () => {
  demo = await startDemoServer({ pagePort: 0, apiPort: 0 });
});
afterAll(() => demo?.close());

/** Runs a copied command with sh, returns the status and the response headers (lower-cased names). */
async function replay(command: string) {
  const { stdout } = await run('sh', ['-c', command.replace(/^curl /m, 'curl -sS --max-time 10 ')]);
  const head = stdout.split(/\r?\n\r?\n/)[0]!.split(/\r?\n/);
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(head[0]!)?.[1]);
  const headers = new Map<string, string[]>();
  for (const line of head.slice(1)) {
    const i = line.indexOf(':');
    const name = line.slice(0, i).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(i + 1).trim()]);
  }
  return { status, headers };
}

const provisional = { 'sec-ch-ua-platform': '"Linux"', Referer: 'PAGE/', 'User-Agent': 'Mozilla/5.0 HeadlessChrome/156.0.0.0' };
const sent = { Accept: '*/*', 'Accept-Encoding': 'gzip, deflate, br, zstd', Connection: 'keep-alive', Host: 'API', Origin: 'PAGE', Referer: 'PAGE/', 'Sec-Fetch-Mode': 'cors', 'User-Agent': 'Mozilla/5.0 HeadlessChrome/156.0.0.0' };

/** The page's view of one demo scenario: HAR entries → the core's exchange and the observed entries. */
function captured(entries: Array<Record<string, unknown>>) {
  const fill = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replaceAll('PAGE', demo.pageOrigin).replaceAll('"API"', JSON.stringify(new URL(demo.apiOrigin).host)).replaceAll('APIORIGIN', demo.apiOrigin));
  const file = fill(har(...entries));
  const report = analyzeHar(file, { hints: false });
  const observed = new Map(readHar(file).entries.map((e) => [e.index, e]));
  const x = report.exchanges.find((e) => e.kind === 'cors') as ExchangeReport;
  const of = (i: number | null): ObservedEntry | undefined => (i === null ? undefined : observed.get(i));
  return { x, actual: of(x.actualEntry), preflight: of(x.preflightEntry) };
}

describe('Copy as cURL replays what the browser sent', () => {
  test('missing-acao: the actual request carries Origin, and the replay lacks Access-Control-Allow-Origin as the page saw', async () => {
    const { x, actual, preflight } = captured([
      entry({ method: 'GET', url: 'APIORIGIN/s/missing-acao?run=1', requestHeaders: sent, status: 200, responseHeaders: { 'Content-Type': 'application/json' }, resourceType: 'fetch', error: 'net::ERR_FAILED' }),
    ]);
    expect(x.corsError).toBe('MissingAllowOriginHeader');
    const command = curlForActual(x, actual, preflight, null);
    expect(command).toContain(`-H 'origin: ${demo.pageOrigin}'`);
    expect(command).toContain('--compressed');
    expect(command).not.toMatch(/accept-encoding/i);
    const answer = await replay(command);
    expect(answer.status).toBe(200);
    expect(answer.headers.has('access-control-allow-origin')).toBe(false);
  });

  test('preflight-403: the never-sent request gets its Origin back; the preflight replay is refused the same way (403, no CORS headers)', async () => {
    const { x, actual, preflight } = captured([
      entry({ method: 'OPTIONS', url: 'APIORIGIN/s/preflight-403?run=1', started: 1, requestHeaders: { Accept: '*/*', 'Access-Control-Request-Headers': 'content-type', 'Access-Control-Request-Method': 'PUT', Origin: 'PAGE' }, status: 403, responseHeaders: { 'x-amzn-ErrorType': 'ForbiddenException', 'x-amz-apigw-id': 'a=' }, resourceType: 'preflight', initiator: { type: 'preflight' }, error: null }),
      entry({ method: 'PUT', url: 'APIORIGIN/s/preflight-403?run=1', started: 5, requestHeaders: { ...provisional, 'Content-Type': 'application/json' }, status: 0, resourceType: 'fetch', error: 'net::ERR_FAILED', postData: { mimeType: 'application/json', text: '{"name":"demo"}' } }),
    ]);
    expect(x.corsError).toBe('PreflightMissingAllowOriginHeader');
    expect(actual!.requestHeaders.some(([n]) => n === 'origin')).toBe(false); // the capture lacks it…
    const command = curlForActual(x, actual, preflight, '{"name":"demo"}');
    expect(command).toContain(`-H 'origin: ${demo.pageOrigin}'`); // …the copy has it
    expect(command).toContain("-H 'content-type: application/json'");
    const pf = await replay(curlForPreflight(x, preflight, actual));
    expect(pf.status).toBe(403);
    expect(pf.headers.has('access-control-allow-origin')).toBe(false);
  });

  test('header-not-allowed: the copy carries X-Api-Key (marked as a credential) and Origin; the preflight replay still refuses x-api-key', async () => {
    const { x, actual, preflight } = captured([
      entry({ method: 'OPTIONS', url: 'APIORIGIN/s/header-not-allowed?run=1', started: 1, requestHeaders: { 'Access-Control-Request-Headers': 'content-type,x-api-key', 'Access-Control-Request-Method': 'POST', Origin: 'PAGE' }, status: 200, responseHeaders: { 'Access-Control-Allow-Origin': 'PAGE', 'Access-Control-Allow-Methods': 'OPTIONS,POST', 'Access-Control-Allow-Headers': 'Content-Type' }, resourceType: 'preflight', initiator: { type: 'preflight' }, error: null }),
      entry({ method: 'POST', url: 'APIORIGIN/s/header-not-allowed?run=1', started: 5, requestHeaders: { ...provisional, 'Content-Type': 'application/json', 'X-Api-Key': 'demo-key' }, status: 0, resourceType: 'fetch', error: 'net::ERR_FAILED' }),
    ]);
    expect(x.corsError).toBe('HeaderDisallowedByPreflightResponse');
    const command = curlForActual(x, actual, preflight, '{"q":1}');
    expect(command).toMatch(/^curl -i -X POST /);
    expect(command.split('\n').at(-1)).toMatch(/ {2}# sends the browser's credentials \(x-api-key\): keep this command private$/);
    expect(command).toContain("-H 'x-api-key: demo-key'");
    expect(command).toContain(`-H 'origin: ${demo.pageOrigin}'`);
    const pf = await replay(curlForPreflight(x, preflight, actual));
    const allowed = (pf.headers.get('access-control-allow-headers') ?? []).join(',').toLowerCase().split(/\s*,\s*/);
    expect(allowed).not.toContain('x-api-key');
    const sentActual = await replay(command); // the server answers the replay (curl does no CORS check)
    expect(sentActual.status).toBe(200);
  });

  test('no credentials, no comment line; cookies and Authorization are named', () => {
    expect(secretsComment([['accept', '*/*']])).toBe('');
    expect(secretsComment([['cookie', 'sid=1'], ['authorization', 'Bearer x'], ['x-upstream-token', 't']])).toBe("  # sends the browser's credentials (cookie, authorization, x-upstream-token): keep this command private");
  });
});
