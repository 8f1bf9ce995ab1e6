// The streaming path of `cors-lens analyze`: same answers as the whole-file path, bounded memory by
// settling as it goes, and the entries before a cut or a syntax error still reported.
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli';
import { HarFileReader, STREAM_BODY_KEEP } from '../../src/cli/stream-har';
import { analyzeStream, SETTLE_WINDOW_MS } from '../../src/cli/stream-analyze';
import { readHar, type ExchangeReport } from '../../src/core';
import { API, PAGE, entry, har, preflight } from '../support/har-builder';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-stream-'));
const chromeHar = `{"log":${readFileSync('test/fixtures/research/chromium-getHAR.json', 'utf8')}}`;
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function run(args: string[], { stream = true, stdin = '' } = {}) {
  if (stream) process.env.CORS_LENS_STREAM_ABOVE = '0';
  return runCli(args, stdin);
}
afterEach(() => {
  delete process.env.CORS_LENS_STREAM_ABOVE;
});

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

describe('analyze, streamed', () => {
  test('--format json gives the same report as the whole-file path', async () => {
    const path = file('chrome.har', chromeHar);
    const whole = await run(['analyze', path, '--format', 'json'], { stream: false });
    const streamed = await run(['analyze', path, '--format', 'json']);
    expect(streamed.code).toBe(whole.code);
    expect(JSON.parse(streamed.out)).toEqual(JSON.parse(whole.out));
  });

  test('--format json matches on traffic spanning many settle windows, --only-blocked and --fail-on included', async () => {
    const path = file('long.har', JSON.stringify(har(...traffic(400, 1000))));
    const whole = await run(['analyze', path, '--format', 'json', '--only-blocked', '--fail-on', 'blocked'], { stream: false });
    const streamed = await run(['analyze', path, '--format', 'json', '--only-blocked', '--fail-on', 'blocked']);
    expect(streamed.code).toBe(1);
    expect(whole.code).toBe(1);
    expect(JSON.parse(streamed.out)).toEqual(JSON.parse(whole.out));
  });

  test('text prints the same exchange blocks, the summary line last', async () => {
    const path = file('chrome-text.har', chromeHar);
    const whole = await run(['analyze', path, '--no-color'], { stream: false });
    const streamed = await run(['analyze', path, '--no-color']);
    const [summary, ...blocks] = whole.out.trimEnd().split('\n');
    const lines = streamed.out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(summary);
    expect(lines[0]).toBe(`${path}: read as a stream; the summary follows the exchanges.`);
    expect(lines.slice(2, -2)).toEqual(blocks.slice(1));
  });

  test('a cut file still reports the entries before the cut, names the file, and exits 3', async () => {
    const text = JSON.stringify(har(...traffic(30)), null, 2);
    const path = file('cut.har', text.slice(0, Math.floor(text.length * 0.6)));
    for (const stream of [true, false]) {
      const { code, out, err } = await run(['analyze', path, '--format', 'json'], { stream });
      expect(code).toBe(3);
      const report = JSON.parse(out);
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
    ['', 'the file is not complete JSON (truncated?): Unexpected end of JSON input'],
  ])('%j is refused in one line, as the whole-file reader would', async (text, message) => {
    const path = file('not-har.json', text);
    const { code, out, err } = await run(['analyze', path]);
    expect([code, out, err]).toEqual([3, '', `cors-lens: ${path}: ${message}\n`]);
  });

  test('standard input over the threshold is streamed', async () => {
    const { code, out } = await run(['analyze', '-', '--format', 'json'], { stdin: chromeHar });
    expect(code).toBe(0);
    expect(JSON.parse(out).counts.blocked).toBe(7);
  });

  test('markdown always reads the file whole (redaction needs all of it)', async () => {
    // Markdown's own limit (480 MiB) ignores CORS_LENS_STREAM_ABOVE, so this file is read whole and works.
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

  test(`counts entries listed more than ${SETTLE_WINDOW_MS / 1000} s out of order`, async () => {
    const entries = traffic(5000, 100);
    entries.push(entry({ url: `${API}/late`, started: 0, requestHeaders: { Origin: PAGE } }));
    const text = JSON.stringify(har(...entries));
    const chunks = Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) => text.slice(i * 65536, (i + 1) * 65536));
    const result = await analyzeStream(chunks, {}, { onExchanges: () => undefined, onProblems: () => undefined });
    expect(result.late).toBe(1);
  });
});
