// The streaming path of `cors-lens analyze` (the only one): same answers as the core's whole-file analysis, bounded memory by
// settling as it goes, and the entries before a cut or a syntax error still reported.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { HarFileReader, STREAM_BODY_KEEP } from '../../src/cli/stream-har';
import { analyzeStream, SETTLE_WINDOW_MS } from '../../src/cli/stream-analyze';
import { analyzeHar, readHar, type ExchangeReport } from '../../src/core';
import { expandReportV2, formatText, readNdjsonV2 } from '../../src/core/report';
import { runStreamed } from '../../src/cli/stream-command';
import { openInput } from '../../src/cli/read-input';
import { API, PAGE, entry, har, preflight } from '../support/har-builder';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-stream-'));
const chromeHar = `{"log":${readFileSync('test/fixtures/research/chromium-getHAR.json', 'utf8')}}`;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const run = (args: string[], { stdin = '' } = {}) => runCli(args, stdin);
/** What the whole-file analysis (the core's analyzeHar) gives, as JSON, with --only-blocked's filter. */
const wholeFile = (text: string, onlyBlocked = false) => {
  const report = analyzeHar(text);
  return JSON.parse(JSON.stringify(onlyBlocked ? { ...report, exchanges: report.exchanges.filter((x) => x.verdict === 'blocked') } : report));
};

/** A minute-spaced run of CORS traffic: simple GETs, preflighted PUTs (some blocked), the preflight listed after its request. */
function traffic(n: number, spacingMs = 1000): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < n; i++) {
    const url = `${API}/r${i % 7}`;
    const started = i * spacingMs;
    if (i % 3 === 0) {
      out.push(entry({ method: 'PUT', url, started: started + 2, requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' }, status: 200, responseHeaders: i % 2 ? { 'Access-Control-Allow-Origin': PAGE } : {}, resourceType: 'fetch', error: i % 2 ? null : 'net::ERR_FAILED' }));
      out.push(preflight(url, 'PUT', { headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type' } }, { requestHeaders: 'content-type', started }));
    } else out.push(entry({ url, started, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null }));
  }
  return out;
}

describe('analyze, streamed (every file, whatever its size)', () => {
  test('--format json --schema 1 is the whole-file analysis; version 2 expands to it', async () => {
    const path = file('chrome.har', chromeHar);
    const v1 = await run(['analyze', path, '--format', 'json', '--schema', '1']);
    expect(v1.code).toBe(0);
    expect(v1.err).toMatch(/--schema 1 writes the version 1 report, kept for this release only/);
    expect(JSON.parse(v1.out)).toEqual(wholeFile(chromeHar));
    const v2 = await run(['analyze', path, '--format', 'json']);
    expect(JSON.parse(JSON.stringify(expandReportV2(JSON.parse(v2.out))))).toEqual(wholeFile(chromeHar));
  });

  test('--format json matches on traffic spanning many settle windows, --only-blocked and --fail-on included', async () => {
    const text = JSON.stringify(har(...traffic(400, 1000)));
    const path = file('long.har', text);
    const v1 = await run(['analyze', path, '--format', 'json', '--schema', '1', '--only-blocked', '--fail-on', 'blocked']);
    const v2 = await run(['analyze', path, '--format', 'json', '--only-blocked', '--fail-on', 'blocked']);
    const nd = await run(['analyze', path, '--format', 'ndjson', '--only-blocked', '--fail-on', 'blocked']);
    expect([v1.code, v2.code, nd.code]).toEqual([1, 1, 1]);
    const whole = wholeFile(text, true);
    expect(whole.exchanges.length).toBeGreaterThan(20);
    expect(JSON.parse(v1.out)).toEqual(whole);
    expect(JSON.parse(JSON.stringify(expandReportV2(JSON.parse(v2.out))))).toEqual(whole);
    expect(readNdjsonV2(nd.out.split('\n'))).toEqual(JSON.parse(v2.out));
  });

  test('text is the whole-file text, summary and API view first, byte for byte', async () => {
    const path = file('chrome-text.har', chromeHar);
    const { code, out } = await run(['analyze', path, '--no-color']);
    expect(code).toBe(0);
    expect(out).toBe(formatText(analyzeHar(chromeHar), { name: path, color: false, onlyBlocked: false }));
    expect(out.split('\n')[2]).toMatch(/^APIs \(\d+\):$/);
  });

  test('text blocks beyond the in-memory spill go through a temporary file, and come out the same', async () => {
    const text = JSON.stringify(har(...traffic(300, 1000)));
    const path = file('spill.har', text);
    const whole = analyzeHar(text);
    let out = '';
    const stdout = new PassThrough();
    stdout.on('data', (d) => (out += d));
    const io = { stdin: Readable.from(['']), stdout, stderr: new PassThrough() };
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('cors-lens-')).length;
    await runStreamed(await openInput(path, io.stdin), { format: 'text', schema: 2, onlyBlocked: true, color: false, analyze: {}, spillInMemory: 1000 }, io);
    const expected = formatText({ ...whole, exchanges: whole.exchanges.filter((x) => x.verdict === 'blocked') }, { name: path, color: false, onlyBlocked: true });
    expect(expected.length).toBeGreaterThan(10_000);
    expect(out).toBe(expected);
    // The temporary file is gone.
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('cors-lens-')).length).toBeLessThanOrEqual(before);
  });

  test('a cut file still reports the entries before the cut, names the file, and exits 3', async () => {
    const text = JSON.stringify(har(...traffic(30)), null, 2);
    const path = file('cut.har', text.slice(0, Math.floor(text.length * 0.6)));
    for (const format of ['json', 'ndjson']) {
      const { code, out, err } = await run(['analyze', path, '--format', format]);
      expect(code).toBe(3);
      const report = format === 'json' ? JSON.parse(out) : readNdjsonV2(out.split('\n'));
      expect(report.exchanges.length).toBeGreaterThan(10);
      expect(report.input.entries).toBe(report.exchanges.length + report.exchanges.filter((x: ExchangeReport) => x.preflightEntry !== null && x.actualEntry !== null).length);
      expect(err.trim().split('\n').at(-1)).toMatch(new RegExp(`^cors-lens: ${path}: the file ends early \\(truncated\\?\\) after \\d+ bytes, \\d+ complete entries before the cut; the \\d+ entries before it were analysed\\.$`));
    }
  });

  test('invalid JSON in the middle: the entries before it are analysed and the error is located', async () => {
    const text = JSON.stringify(har(...traffic(10)));
    const at = text.indexOf('"request"', text.indexOf('"request"') + 1) + 3;
    const { code, out, err } = await run(['analyze', file('garbled.har', `${text.slice(0, at)}\u0001${text.slice(at)}`), '--format', 'json']);
    expect(code).toBe(3);
    expect(JSON.parse(out).input.entries).toBe(1);
    expect(err).toMatch(/the file is not JSON after entry 0: Unexpected/);
  });

  test.each([
    ['[]', 'not a HAR file: there is no "log" object at the top level'],
    ['{"log": 3}', 'not a HAR file: there is no "log" object at the top level'],
    ['{"log": {"entries": {}}}', 'not a HAR file: "log.entries" is missing or not an array'],
    ['{"log": {"version": "1.2"}}', 'not a HAR file: "log.entries" is missing or not an array'],
    ['', 'the file is empty'],
  ])('%j is refused in one line', async (text, message) => {
    const path = file('not-har.json', text);
    const { code, out, err } = await run(['analyze', path]);
    expect([code, out, err]).toEqual([3, '', `cors-lens: ${path}: ${message}\n`]);
  });

  test('standard input is streamed', async () => {
    const { code, out } = await run(['analyze', '-', '--format', 'json'], { stdin: chromeHar });
    expect(code).toBe(0);
    expect(JSON.parse(out).counts.blocked).toBe(7);
  });

  test('markdown reads the file whole (redaction needs all of it)', async () => {
    const { code } = await run(['analyze', file('md.har', chromeHar), '--format', 'markdown']);
    expect(code).toBe(0);
  });
});

describe('HarFileReader', () => {
  const text = JSON.stringify(har(...traffic(20), entry({ url: `${API}/big`, body: 'x'.repeat(STREAM_BODY_KEEP * 3) })), null, 1);

  test.each([1, 7, 4096])('reads the same entries as readHar whatever the chunk size (%i bytes)', (size) => {
    const reader = new HarFileReader();
    const bytes = Buffer.from(text);
    for (let i = 0; i < bytes.length; i += size) reader.write(bytes.subarray(i, i + size));
    const { entries, problems } = reader.take();
    const end = reader.end();
    const whole = readHar(text);
    expect(end).toMatchObject({ total: whole.total, creator: whole.creator, flavour: whole.flavour, fatal: null });
    expect(problems).toEqual(whole.problems);
    expect(entries.slice(0, -1)).toEqual(whole.entries.slice(0, -1));
  });

  test(`keeps only the first ${STREAM_BODY_KEEP} characters of a response body`, () => {
    const reader = new HarFileReader();
    reader.write(text);
    expect(reader.take().entries.at(-1)!.responseBody).toHaveLength(STREAM_BODY_KEEP);
  });
});

describe('analyzeStream', () => {
  test('settles as it goes: exchanges come out before the input ends', async () => {
    const entries = traffic(6000, 200); // 20 minutes of traffic, 8,000 entries
    const text = JSON.stringify(har(...entries));
    const calls: number[] = [];
    async function* chunks() {
      for (let i = 0; i < text.length; i += 64 * 1024) yield text.slice(i, i + 64 * 1024);
    }
    const result = await analyzeStream(chunks(), {}, { onExchanges: (b) => void calls.push(b.length), onProblems: () => undefined });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.reduce((a, b) => a + b, 0)).toBe(6000);
    expect(result.late).toBe(0);
  });

  test('preflights listed after their requests pair as in the whole file, whatever the batch boundaries', async () => {
    // Dense traffic (5 ms apart), every third a preflighted PUT listed before its preflight; small chunks put
    // batch boundaries everywhere, between many a request and its preflight.
    const text = JSON.stringify(har(...traffic(6000, 5)));
    for (const size of [4096, 65536]) {
      const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
      const streamed: ExchangeReport[] = [];
      await analyzeStream(chunks, {}, { onExchanges: (b) => void streamed.push(...b), onProblems: () => undefined });
      expect(JSON.parse(JSON.stringify(streamed))).toEqual(JSON.parse(JSON.stringify(analyzeHar(text).exchanges)));
    }
  });

  test(`counts entries listed more than ${SETTLE_WINDOW_MS / 1000} s out of order`, async () => {
    const entries = traffic(5000, 100);
    entries.push(entry({ url: `${API}/late`, started: 0, requestHeaders: { Origin: PAGE } }));
    const text = JSON.stringify(har(...entries));
    const chunks = Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) => text.slice(i * 65536, (i + 1) * 65536));
    const result = await analyzeStream(chunks, {}, { onExchanges: () => undefined, onProblems: () => undefined });
    expect(result.late).toBe(1);
  });
});
