// The progress line of `analyze` and `report` on a long file (issue 15): bytes read, entries per second and time
// left, on stderr, rewritten in place at most a few times a second and erased at the end. Only on a terminal:
// never on a pipe or a file, never in CI (whose logs keep every carriage return as a line).

/** Files below this size finish before a progress line would help. */
export const PROGRESS_ABOVE_BYTES = 50_000_000;
/** At most this often. */
export const PROGRESS_EVERY_MS = 250;

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Whether a run over `bytes` of input shows the line on `stream`; `bytes` null (standard input) never does. */
export function wantsProgress(stream: ProgressStream, env: Readonly<Record<string, string | undefined>>, bytes: number | null): boolean {
  if (bytes === null || bytes < PROGRESS_ABOVE_BYTES) return false;
  if (stream.isTTY !== true) return false;
  // CI=true (GitHub Actions, GitLab, CircleCI, Travis...), or any value but "false"/"0"; TERM=dumb cannot rewrite a line.
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return false;
  return env.TERM !== 'dumb';
}

const MB = 1_000_000;

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${m}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * `cors-lens: 120 of 420 MB (29%) · 41,000 entries/s · 0:12 left`: time left from the byte rate so far. `entries`
 * null: a reader that does not count them (`report` reading the file whole) says `reading` instead.
 */
export function formatProgress(done: number, total: number, entries: number | null, elapsedMs: number): string {
  const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  const seconds = elapsedMs / 1000;
  const rate = entries === null ? 'reading' : `${(seconds > 0 ? Math.round(entries / seconds) : 0).toLocaleString('en-US')} entries/s`;
  const left = done > 0 && seconds > 0 ? duration(((total - done) / done) * seconds) : '?';
  return `cors-lens: ${Math.round(done / MB)} of ${Math.round(total / MB)} MB (${pct}%) · ${rate} · ${left} left`;
}

export interface Progress {
  /** Bytes read and entries read so far; draws at most every PROGRESS_EVERY_MS. */
  update(bytes: number, entries: number | null): void;
  /** Erases the line (call before anything else is written to the stream, and at the end). */
  clear(): void;
}

const NONE: Progress = { update() {}, clear() {} };

/** The progress line for an input of `total` bytes, or one that does nothing when `wantsProgress` says no. */
export function createProgress(
  stream: ProgressStream,
  total: number | null,
  { env = process.env, now = () => Date.now() }: { env?: Readonly<Record<string, string | undefined>>; now?: () => number } = {},
): Progress {
  if (total === null || !wantsProgress(stream, env, total)) return NONE;
  const start = now();
  let last = start; // nothing for the first PROGRESS_EVERY_MS: a short run never flashes a line
  let shown = false;
  return {
    update(bytes, entries) {
      const t = now();
      if (t - last < PROGRESS_EVERY_MS) return;
      last = t;
      // \r and "erase line": the line is rewritten in place, never scrolled.
      stream.write(`\r\x1b[2K${formatProgress(bytes, total, entries, t - start)}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write('\r\x1b[2K');
      shown = false;
      last = -Infinity;
    },
  };
}
