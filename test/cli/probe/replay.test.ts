// `cors-lens probe --from <file.har>`: the captured blocked requests sent again against a server whose policy the
// test changes between runs; before → after per exchange; the capture's secrets sent but never printed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/run-cli';
import { entry, har, preflight } from '../../support/har-builder';
import { startPolicyServer, type PolicyServer } from './policy-server';

const PAGE = 'https://app.example.com';
const TOKEN = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwcm9iZSJ9.c2lnbmF0dXJlLXNlY3JldA';
const SIGNATURE = 'a7f3c9e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a6';

let server: PolicyServer;
let harFile: string;
beforeAll(async () => {
  server = await startPolicyServer();
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-replay-'));
  harFile = join(dir, 'capture.har');
  const getUrl = `${server.url}/items?X-Amz-Signature=${SIGNATURE}`;
  const putUrl = `${server.url}/items/1`;
  // As Chromium captured them: a GET with no ACAO (blocked), a PUT whose preflight had no ACAO (blocked).
  writeFileSync(harFile, JSON.stringify(har(
    entry({ url: getUrl, requestHeaders: { Origin: PAGE, Accept: '*/*', 'User-Agent': 'Chrome' }, status: 200, responseHeaders: { 'Content-Type': 'application/json' }, resourceType: 'fetch', initiator: { type: 'script' }, error: 'net::ERR_FAILED', started: 0 }),
    preflight(putUrl, 'PUT', { status: 403, headers: { 'Content-Type': 'application/json' } }, { origin: PAGE, requestHeaders: 'authorization,content-type', started: 1001 }),
    entry({ method: 'PUT', url: putUrl, requestHeaders: { Origin: PAGE, Authorization: TOKEN, 'Content-Type': 'application/json' }, status: 0, resourceType: 'fetch', initiator: { type: 'script' }, error: 'net::ERR_FAILED', started: 1000, postData: { mimeType: 'application/json', text: '{"name":"x"}' } }),
  )));
});
afterAll(() => server.close());

const replay = (...extra: string[]) => runCli(['probe', '--from', harFile, '--delay', '0', '--format', 'json', ...extra]);

describe('cors-lens probe --from', () => {
  test('before the fix: still blocked, with the reason; after the fix: "was …, now allowed"', async () => {
    server.setPolicy('/items', () => ({ allow: null }));
    server.setPolicy('/items/1', () => ({ allow: null }));
    const broken = await replay('--fail-on', 'blocked');
    expect(broken.code).toBe(1);
    const before = JSON.parse(broken.out).replay;
    expect(before.map((r: { sentence: string }) => r.sentence)).toEqual([
      'still blocked: MissingAllowOriginHeader',
      'still blocked: PreflightMissingAllowOriginHeader',
    ]);

    // The server is fixed: it allows the page origin, with the headers the PUT sends.
    server.setPolicy('/items', (o) => ({ allow: o === PAGE ? o : null }));
    server.setPolicy('/items/1', (o) => ({ allow: o === PAGE ? o : null, headers: 'authorization, content-type' }));
    const fixed = await replay('--fail-on', 'blocked');
    const after = JSON.parse(fixed.out).replay;
    expect(after[0]).toMatchObject({ change: 'fixed', sentence: 'was MissingAllowOriginHeader, now allowed', after: { verdict: 'allowed' } });
    // The PUT itself is not sent without --send-actual: its preflight passes, the verdict waits for the response.
    expect(after[1]).toMatchObject({ change: 'unknown', before: { corsError: 'PreflightMissingAllowOriginHeader' } });
    expect(after[1].stoppedBecause).toContain('--send-actual');
    expect(fixed.code).toBe(0);
  });

  test('--send-actual --yes sends the PUT with its captured body; --blocked picks the blocked ones', async () => {
    server.setPolicy('/items/1', (o) => ({ allow: o === PAGE ? o : null, headers: 'authorization, content-type' }));
    const seen = server.requests.length;
    const { out } = await replay('--blocked', '--send-actual', '--yes', '--exchange', 'x2');
    expect(JSON.parse(out).replay).toMatchObject([{ id: 'x2', change: 'fixed', sentence: 'was PreflightMissingAllowOriginHeader, now allowed' }]);
    const sent = server.requests.slice(seen);
    expect(sent.map((r) => r.method)).toEqual(['OPTIONS', 'PUT']);
    expect(sent[0].headers['access-control-request-headers']).toBe('authorization,content-type');
    expect(sent[0].headers.authorization).toBeUndefined();
    expect(sent[1].headers.authorization).toBe(TOKEN);
  });

  test('a PUT needs --yes when there is no terminal to ask on', async () => {
    const { code, err } = await replay('--send-actual', '--exchange', 'x2');
    expect(code).toBe(2);
    expect(err).toContain('confirm with --yes');
  });

  test('secrets from the HAR are sent but never printed, in any format', async () => {
    server.setPolicy('/items', () => ({ allow: null }));
    for (const format of ['json', 'text', 'markdown']) {
      const { out, err } = await runCli(['probe', '--from', harFile, '--delay', '0', '--format', format, '--send-actual', '--yes']);
      expect(out.length).toBeGreaterThan(100);
      for (const secret of [SIGNATURE, TOKEN, TOKEN.slice(7)]) {
        expect(out, format).not.toContain(secret);
        expect(err, format).not.toContain(secret);
      }
    }
    expect(server.requests.some((r) => r.path === '/items' && r.method === 'GET')).toBe(true);
  });

  test('--exchange with an unknown id is a usage error', async () => {
    const { code, err } = await replay('--exchange', 'x99');
    expect(code).toBe(2);
    expect(err).toContain('no CORS exchange with that id');
  });
});
