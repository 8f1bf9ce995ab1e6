// A long run on a terminal, for the progress-line tests: a slow reader of a text, and the environment of a terminal
// session rather than CI (the progress line never shows in CI).

/** The text in 64 KiB chunks, 30 ms apart, so a run lasts over the progress line's refresh interval. */
export async function* slowChunks(text: string): AsyncIterable<Uint8Array> {
  for (let i = 0; i < text.length; i += 65536) {
    await new Promise((r) => setTimeout(r, 30));
    yield Buffer.from(text.slice(i, i + 65536));
  }
}

/** Runs `fn` with CI unset, restoring it afterwards. */
export async function outsideCi<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.env.CI;
  delete process.env.CI;
  try {
    return await fn();
  } finally {
    if (saved !== undefined) process.env.CI = saved;
  }
}
