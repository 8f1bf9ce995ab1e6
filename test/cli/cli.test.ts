import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-cli-'));
const capture = `test/fixtures/research/chromium-getHAR.json`;
// The research capture is a bare log object; wrap it as a HAR file.
import { readFileSync } from 'node:fs';
const harFile = join(dir, 'chrome.har');
writeFileSync(harFile, `{"log":${readFileSync(capture, 'utf8')}}`);

const run = runCli;

describe('cors-lens analyze', () => {
  test('prints, for each blocked request, the reason Chrome\'s console gave', async () => {
    const { code, out } = await run(['analyze', harFile, '--no-color']);
    expect(code).toBe(0);
    expect(out).toContain("has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.");
    expect(out).toContain("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(out).toContain('Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.');
    expect(out).toContain('The server answered 502 Bad Gateway');
  });
  test('--format json follows the versioned schema (2; --schema 1 for this release)', async () => {
    const v2 = JSON.parse((await run(['analyze', harFile, '--format', 'json'])).out);
    expect(v2.schemaVersion).toBe(2);
    expect(Object.keys(v2.tables)).toEqual(['texts', 'specs', 'checks', 'failures', 'preflightReasons', 'fixes', 'hints']);
    expect(typeof v2.exchanges[0].summary).toBe('number');
    const { out } = await run(['analyze', harFile, '--format', 'json', '--schema', '1']);
    const report = JSON.parse(out);
    expect(report.schemaVersion).toBe(1);
    const x = report.exchanges.find((e: { corsError: string }) => e.corsError === 'MethodDisallowedByPreflightResponse');
    for (const key of ['url', 'method', 'origin', 'actualEntry', 'preflightEntry', 'pairing', 'verdict', 'corsError', 'failedParameter', 'allFailures', 'hiddenStatus', 'preflightReason', 'checks'])
      expect(x, key).toHaveProperty(key);
  });
  test('--only-blocked and --fail-on blocked', async () => {
    const { code, out } = await run(['analyze', harFile, '--format', 'json', '--only-blocked', '--fail-on', 'blocked']);
    expect(code).toBe(1);
    expect(JSON.parse(out).exchanges.every((x: { verdict: string }) => x.verdict === 'blocked')).toBe(true);
  });
  test('reads standard input with -', async () => {
    const { code, out } = await run(['analyze', '-', '--format', 'json'], readFileSync(harFile, 'utf8'));
    expect(code).toBe(0);
    expect(JSON.parse(out).counts.blocked).toBe(7);
  });
  test('bad input: one line naming the file, exit 3, never a stack trace', async () => {
    const bad = join(dir, 'bad.har');
    writeFileSync(bad, '{"log":{"entries":[');
    const { code, err } = await run(['analyze', bad]);
    expect(code).toBe(3);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain(bad);
    expect(err).not.toMatch(/\n\s+at /);
    const missing = await run(['analyze', join(dir, 'nope.har')]);
    expect([missing.code, missing.err.trim()]).toEqual([3, `cors-lens: ${join(dir, 'nope.har')}: cannot read the file (no such file)`]);
  });
  test('a bad entry is named on stderr and the rest analysed', async () => {
    const partial = join(dir, 'partial.har');
    writeFileSync(partial, JSON.stringify({ log: { entries: [{ request: {} }, { request: { method: 'GET', url: 'http://127.0.0.1:8702/x', headers: [{ name: 'Origin', value: 'http://127.0.0.1:8701' }] }, response: { status: 200, headers: [] } }] } }));
    const { code, out, err } = await run(['analyze', partial, '--format', 'json']);
    expect(code).toBe(0);
    expect(err).toContain('entry 0, request.url: missing or not a string; skipped');
    expect(err).toContain('1 of 2 entries skipped');
    expect(JSON.parse(out).exchanges).toHaveLength(1);
  });
  test('usage errors exit 2', async () => {
    expect((await run(['analyze'])).code).toBe(2);
    expect((await run(['analyze', harFile, '--format', 'yaml'])).code).toBe(2);
    expect((await run(['analyze', harFile, '--schema', '1'])).code).toBe(2);
    expect((await run(['analyze', harFile, '--format', 'json', '--schema', '3'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('cors-lens report', () => {
  test('writes a redacted report and says what it removed', async () => {
    const out = join(dir, 'r.md');
    const { code, err } = await run(['report', harFile, '--format', 'markdown', '-o', out]);
    expect(code).toBe(0);
    expect(err).toMatch(/wrote .*r\.md \(\d+ secret values? redacted \(.*Authorization.*\), \d+ bod(y|ies) dropped\)/);
    expect(readFileSync(out, 'utf8')).not.toContain('Bearer abc');
  });
  test('--keep-secrets keeps them and warns', async () => {
    const { out, err } = await run(['report', harFile, '--format', 'har', '--keep-secrets']);
    expect(out).toContain('Bearer abc');
    expect(err).toContain('NOT redacted');
  });
  test('an unknown exchange id is a usage error', async () => {
    expect((await run(['report', harFile, '--format', 'html', '--scope', 'exchange:x999'])).code).toBe(2);
    expect((await run(['report', harFile])).code).toBe(2);
  });
});
