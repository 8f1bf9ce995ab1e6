// The progress line (issue 15): on a terminal only, not in CI, for files over 50 MB; at most every 250 ms; erased.
import { describe, expect, test } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { PROGRESS_ABOVE_BYTES, PROGRESS_EVERY_MS, createProgress, formatProgress, wantsProgress } from '../../src/cli/progress';
import { runStreamed } from '../../src/cli/stream-command';
import { API, PAGE, entry, har } from '../support/har-builder';
import { outsideCi, slowChunks } from '../support/slow-input';

const tty = () => {
  const writes: string[] = [];
  return { isTTY: true as const, writes, write: (s: string) => void writes.push(s) };
};
const big = PROGRESS_ABOVE_BYTES * 4;

describe('whether to show it', () => {
  test.each([
    ['a terminal, no CI', { isTTY: true }, {}, big, true],
    ['a pipe', { isTTY: false }, {}, big, false],
    ['a stream that does not say', {}, {}, big, false],
    ['CI=true', { isTTY: true }, { CI: 'true' }, big, false],
    ['CI=1', { isTTY: true }, { CI: '1' }, big, false],
    ['CI=false', { isTTY: true }, { CI: 'false' }, big, true],
    ['TERM=dumb', { isTTY: true }, { TERM: 'dumb' }, big, false],
    ['a small file', { isTTY: true }, {}, PROGRESS_ABOVE_BYTES - 1, false],
    ['standard input (no size)', { isTTY: true }, {}, null, false],
  ] as const)('%s: %s', (_, stream, env, bytes, shown) => {
    expect(wantsProgress({ ...stream, write: () => true }, env, bytes)).toBe(shown);
  });
});

describe('the line', () => {
  test('bytes of the total, entries per second, time left from the rate so far', () => {
    expect(formatProgress(120_000_000, 420_000_000, 30_000, 10_000)).toBe('cors-lens: 120 of 420 MB (28%) · 3,000 entries/s · 0:25 left');
    expect(formatProgress(0, 420_000_000, 0, 0)).toBe('cors-lens: 0 of 420 MB (0%) · 0 entries/s · ? left');
    expect(formatProgress(1_000_000, 1_100_000_000, 500, 60_000)).toBe('cors-lens: 1 of 1100 MB (0%) · 8 entries/s · 18:19:00 left');
  });

  test(`drawn in place at most every ${PROGRESS_EVERY_MS} ms, erased by clear()`, () => {
    const stream = tty();
    let t = 0;
    const p = createProgress(stream, big, { env: {}, now: () => t });
    p.update(1, 1); // at once: nothing (a short run never flashes a line)
    t = PROGRESS_EVERY_MS;
    p.update(50_000_000, 1000);
    t += 10;
    p.update(60_000_000, 1200); // too soon
    t += PROGRESS_EVERY_MS;
    p.update(100_000_000, 2000);
    expect(stream.writes).toEqual([
      `\r\x1b[2K${formatProgress(50_000_000, big, 1000, PROGRESS_EVERY_MS)}`,
      `\r\x1b[2K${formatProgress(100_000_000, big, 2000, t)}`,
    ]);
    p.clear();
    p.clear(); // once erased, nothing more
    expect(stream.writes.slice(2)).toEqual(['\r\x1b[2K']);
  });

  test('on a pipe or in CI it writes nothing at all', () => {
    for (const [stream, env] of [[{ ...tty(), isTTY: false }, {}], [tty(), { CI: 'true' }]] as const) {
      const p = createProgress(stream, big, { env, now: () => 1e9 });
      p.update(big / 2, 10);
      p.clear();
      expect(stream.writes).toEqual([]);
    }
  });
});

describe('analyze on a long file, stderr a terminal', () => {
  test('the line is drawn while reading and erased before the report ends; stdout gets none of it', async () => {
    const entries = Array.from({ length: 3000 }, (_, i) => entry({ url: `${API}/r${i % 5}`, started: i * 10, requestHeaders: { Origin: PAGE }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null }));
    const text = JSON.stringify(har(...entries));
    let err = '';
    let out = '';
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    stderr.on('data', (d) => (err += d));
    stdout.on('data', (d) => (out += d));
    // A slow reader, so the run lasts over PROGRESS_EVERY_MS (the file says it is 4× the threshold).
    await outsideCi(() => runStreamed({ name: 'long.har', bytes: big, chunks: slowChunks(text) }, { format: 'json', schema: 2, onlyBlocked: false, color: false, analyze: {} }, { stdin: Readable.from(['']), stdout, stderr }));
    expect(err).toMatch(/\r\x1b\[2Kcors-lens: \d+ of 200 MB \(\d+%\) · [\d,]+ entries\/s · [\d:?]+ left/);
    expect(err.endsWith('\r\x1b[2K')).toBe(true);
    expect(out).not.toContain('\r');
    expect(JSON.parse(out).counts.cors).toBe(3000);
  });
});
