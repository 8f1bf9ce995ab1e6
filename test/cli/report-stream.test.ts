// `cors-lens report` and `analyze --format markdown` stream the HAR (src/cli/report-stream.ts). What they write
// must be what the whole-file renderer (src/core/report, renderReport) writes, and a secret must be masked even in
// text that was rendered and spilled to a temporary file before the secret was first seen.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { harCaseArb } from '../fuzz/arbitraries';
import { buildHar } from '../fuzz/build';
import { analyzeHar } from '../../src/core';
import { renderReport, type ReportFormat, type ReportScope } from '../../src/core/report';
import { streamReport, type Sink } from '../../src/cli/report-stream';
import { API, PAGE, entry, har, preflight } from '../support/har-builder';
import { runCli } from '../support/run-cli';
import { outsideCi, slowChunks } from '../support/slow-input';

const SECRET = 'tok3nValue98765abcdef';
const MINUTE = 60_000;

/**
 * A blocked PUT at 0 s quotes the secret in its URL and in a header whose name says nothing; requests every
 * minute follow; only the last one, ten minutes later, sends it as `Authorization: Bearer …`. The analyser settles
 * an exchange once the file is a minute past it, so the first exchange is rendered (and spilled) long before the
 * redactor learns the secret.
 */
function lateSecretHar() {
  const url = `${API}/items?ref=${SECRET}`;
  const entries = [
    preflight(url, 'PUT', { status: 204, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'GET' } }, { started: 0 }),
    entry({ method: 'PUT', url, started: 1, requestHeaders: { Origin: PAGE, 'X-Trace': SECRET }, status: 0, error: 'net::ERR_FAILED', resourceType: 'fetch', initiator: { type: 'script' } }),
  ];
  for (let m = 1; m <= 10; m++)
    entries.push(entry({ url: `${API}/tick/${m}`, started: m * MINUTE, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch' }));
  entries.push(entry({ url: `${API}/me`, started: 10 * MINUTE + 1, requestHeaders: { Origin: PAGE, Authorization: `Bearer ${SECRET}` }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch' }));
  return har(...entries);
}

function io() {
  let err = '';
  return { io: { stdin: new PassThrough(), stdout: new PassThrough(), stderr: { write: (t: string) => ((err += t), true) } } as never, err: () => err };
}

/** The report streamed from `text` cut into `chunk`-byte pieces, every spill in a file (1 byte in memory). */
async function streamed(text: string, format: ReportFormat, options: { scope?: ReportScope; keepBodies?: boolean; keepSecrets?: boolean } = {}, chunk = 97) {
  const bytes = Buffer.from(text);
  const chunks = (async function* () {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  })();
  let out = '';
  const sink: Sink = { write: async (t) => void (out += t), close: async () => {} };
  const result = await streamReport(
    { name: 'late.har', bytes: bytes.length, chunks },
    { format, scope: options.scope ?? 'all', keepSecrets: options.keepSecrets ?? false, keepBodies: options.keepBodies ?? false, spillInMemory: 1 },
    io().io,
    () => sink,
  );
  return { out, result };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

const FORMATS: ReportFormat[] = ['markdown', 'html', 'json', 'har'];

describe('a streamed report', () => {
  let tmp: string;
  let saved: string | undefined;
  beforeEach(() => {
    // A private TMPDIR: the spills' folder must be gone after each run.
    saved = process.env.TMPDIR;
    tmp = mkdtempSync(join(tmpdir(), 'cors-lens-report-test-'));
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  });

  test.each(FORMATS)('%s: a secret first named after the text that quotes it is masked there too, through the temporary files', async (format) => {
    const text = JSON.stringify(lateSecretHar());
    const { out, result } = await streamed(text, format);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(SECRET.slice(0, 12));
    // It is replaced, not dropped: the blocked request's URL carries a placeholder (the one the header got).
    expect(out).toMatch(/ref=\[redacted:\d+\]|ref=\\\[redacted:\d+\\\]/);
    expect(result.redaction.total).toBeGreaterThanOrEqual(3);
    expect(readdirSync(tmp)).toEqual([]);
  });

  /** The late-secret HAR with secrets in `log`'s fields too: before the entries (pages, a custom field) and after them. */
  function withEnvelopeSecrets() {
    const { log } = lateSecretHar();
    const { entries, ...rest } = log;
    return {
      log: {
        _recorded: { from: `${PAGE}/?access_token=AAAA1111bbbb2222` },
        ...rest,
        pages: [{ id: 'page_1', title: `${PAGE}/?token=zzzz9999yyyy8888`, startedDateTime: '2026-11-24T18:47:46.000Z', pageTimings: {} }],
        entries: (entries as Array<Record<string, unknown>>).map((e) => ({ ...e, pageref: 'page_1' })),
        comment: `later: ${SECRET} and code=ccccc33333dddd`,
      },
    };
  }

  test.each(FORMATS)('%s: the same text as the whole-file renderer, for every scope and option', async (format) => {
    const text = JSON.stringify(withEnvelopeSecrets(), null, 2);
    const whole = JSON.parse(text);
    const report = analyzeHar(text);
    const blocked = report.exchanges.find((x) => x.verdict === 'blocked')!;
    for (const scope of ['all', 'blocked', 'cors', `exchange:${blocked.id}`] as ReportScope[]) {
      for (const opts of [{}, { keepBodies: true }, { keepSecrets: true, keepBodies: true }]) {
        const expected = renderReport(report, whole, { format, scope, ...opts });
        const { out, result } = await streamed(text, format, { scope, ...opts }, 1 + Math.floor(text.length / 7));
        expect(out, `${scope} ${JSON.stringify(opts)}`).toBe(expected.text);
        expect(result.redaction).toEqual(expected.redaction);
      }
    }
  });
});

describe('generated HARs (test/fuzz/arbitraries.ts)', () => {
  test('the streamed report is the whole-file one, and no planted secret reaches it', async () => {
    const arb = fc.record({
      harCase: harCaseArb,
      format: fc.constantFrom<ReportFormat>('markdown', 'html', 'json', 'har'),
      scope: fc.constantFrom<ReportScope>('all', 'cors', 'blocked'),
      keepBodies: fc.boolean(),
      chunk: fc.integer({ min: 1, max: 4096 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ harCase, format, scope, keepBodies, chunk }) => {
        const { har: built, planted } = buildHar(harCase);
        const text = JSON.stringify(built);
        const report = analyzeHar(text);
        if (report.problems.some((p) => p.entry === null && p.severity === 'error')) return; // not a HAR: an input error
        const expected = renderReport(report, JSON.parse(text), { format, scope, keepBodies });
        const { out } = await streamed(text, format, { scope, keepBodies }, chunk);
        // As bytes, as they reach a file or a pipe: a lone surrogate is written as U+FFFD either way.
        expect(utf8(out)).toBe(utf8(expected.text));
        // A kept body is kept as it is, but for the secrets the rules recognise (a planted one may not look like one).
        if (!keepBodies) for (const s of planted) expect(out).not.toContain(s.value);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS) || 60, seed: Number(process.env.FUZZ_SEED) || 15_015 },
    );
  }, 120_000);
});

describe('cors-lens report and analyze --format markdown on the stream', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-report-cli-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'late.har');
  writeFileSync(file, JSON.stringify(lateSecretHar()));

  test('standard input gives the file\'s report', async () => {
    const text = JSON.stringify(lateSecretHar());
    const fromFile = await runCli(['report', file, '--format', 'markdown']);
    const fromStdin = await runCli(['report', '-', '--format', 'markdown'], text);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.out).toBe(fromFile.out);
    expect(fromFile.out).not.toContain(SECRET);
  });

  test('analyze --format markdown masks the late secret and exits by the blocked count', async () => {
    const { code, out } = await runCli(['analyze', file, '--format', 'markdown', '--fail-on', 'blocked']);
    expect(code).toBe(1);
    expect(out).toContain('# CORS Lens report');
    expect(out).not.toContain(SECRET);
  });

  test('a file cut short is an input error and writes nothing', async () => {
    const cut = join(dir, 'cut.har');
    const text = JSON.stringify(lateSecretHar());
    writeFileSync(cut, text.slice(0, text.length / 2));
    const out = join(dir, 'never.md');
    const { code, err } = await runCli(['report', cut, '--format', 'markdown', '-o', out]);
    expect(code).toBe(3);
    expect(err).toContain('cut.har');
    expect(readdirSync(dir)).not.toContain('never.md');
  });
});

describe('report on a long file, stderr a terminal', () => {
  test('the progress line is drawn while reading and erased before the report is written', async () => {
    const entries = Array.from({ length: 3000 }, (_, i) => entry({ url: `${API}/r${i % 5}`, started: i * 10, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null }));
    const text = JSON.stringify(har(...entries));
    let err = '';
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    stderr.on('data', (d) => (err += d));
    let out = '';
    // A slow reader of a file that says it is 200 MB, over the 50 MB threshold.
    await outsideCi(() =>
      streamReport({ name: 'long.har', bytes: 200_000_000, chunks: slowChunks(text) }, { format: 'markdown', scope: 'all', keepSecrets: false, keepBodies: false }, { stdin: new PassThrough(), stdout: new PassThrough(), stderr }, () => ({
        write: async (t) => {
          // Nothing is written while the line is up: it was erased first.
          expect(err === '' || err.endsWith('\r\x1b[2K')).toBe(true);
          out += t;
        },
        close: async () => {},
      })),
    );
    expect(err).toMatch(/\r\x1b\[2Kcors-lens: \d+ of 200 MB \(\d+%\) · [\d,]+ entries\/s · [\d:?]+ left/);
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
    expect(out).toContain('**3000 CORS exchanges:** 0 blocked, 3000 allowed');
  });
});
