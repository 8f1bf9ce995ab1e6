// Reads a HAR of any size as a byte stream for the CLI: the core's streaming reader (src/core/har/stream.ts,
// shared with the panel's importer) yields raw entries one at a time, and each is normalised with
// the core's one HAR log reader (src/core/har/log-reader.ts) and dropped. Response bodies are only read for fingerprints, so only their start is kept.
import { StringDecoder } from 'node:string_decoder';
import { createHarLogReader, createHarStreamReader, type HarFlavour, type HarStreamChunk, type HarStreamOptions, type InputProblem, type ObservedEntry } from '../core';

/** Response bodies are only read for fingerprints (API Gateway's `{"message":...}`); keep their start only. */
export const STREAM_BODY_KEEP = 8 * 1024;
/**
 * Bytes decoded to text at a time. V8 puts a string over ~128 KB in its large-object space, each in pages of its
 * own, so decoding a 1 MiB read whole costs several times decoding it in pieces that fit the young generation
 * (measured on the real-shaped 10k HAR: 208 ms against 24 ms for its 49 MB).
 */
export const DECODE_BYTES = 64 * 1024;

export interface StreamHarSummary {
  /** Entries seen in `log.entries`, readable or not. */
  readonly total: number;
  readonly creator: string | null;
  readonly flavour: HarFlavour;
  /** A problem with the file as a whole (not JSON, not a HAR, cut short); entries before it were still read. */
  readonly fatal: InputProblem | null;
  /** The file ended in the middle (rather than holding invalid JSON). */
  readonly truncated: boolean;
  readonly bytes: number;
}

/**
 * Push bytes in with `write`, take normalised entries (and per-entry problems) out with `take`, call `end`
 * once the input is over. Never throws on bad input: the first fatal problem stops reading and is reported
 * by `end()`.
 */
export interface HarFileReaderOptions extends HarStreamOptions {
  /** Each chunk of raw entries (and `creator`, `pages`, `root`) before it is normalised (`cors-lens report` redacts them). */
  readonly onRaw?: (chunk: HarStreamChunk) => void;
}

export class HarFileReader {
  private readonly raw: ReturnType<typeof createHarStreamReader>;
  private readonly onRaw: HarFileReaderOptions['onRaw'];
  private readonly log = createHarLogReader();
  private readonly utf8 = new StringDecoder('utf8');
  private entries: ObservedEntry[] = [];
  private problems: InputProblem[] = [];

  constructor({ onRaw, ...options }: HarFileReaderOptions = {}) {
    this.raw = createHarStreamReader({ bodies: { limit: STREAM_BODY_KEEP, mode: 'truncate' }, ...options });
    this.onRaw = onRaw;
  }

  /** A fatal problem stopped reading; further bytes are ignored. */
  get failed(): boolean {
    return this.raw.failed;
  }

  /** Entries read so far and not yet taken. */
  get pending(): number {
    this.drain();
    return this.entries.length;
  }

  write(chunk: Uint8Array | string): void {
    // Node's decoder (a character split between chunks is kept for the next one) is several times faster than
    // TextDecoder's streaming mode, which the core would use on bytes.
    if (typeof chunk === 'string') {
      this.raw.write(chunk);
      return;
    }
    for (let at = 0; at < chunk.byteLength && !this.raw.failed; at += DECODE_BYTES) {
      const piece = chunk.subarray(at, at + DECODE_BYTES);
      this.raw.write(this.utf8.write(piece), piece.byteLength);
    }
  }

  take(): { entries: ObservedEntry[]; problems: InputProblem[] } {
    this.drain();
    const out = { entries: this.entries, problems: this.problems };
    this.entries = [];
    this.problems = [];
    return out;
  }

  end(): StreamHarSummary {
    this.drain();
    const { total, fatal, truncated, bytes } = this.raw.end();
    const { creator, flavour } = this.log.summary();
    return { total, creator, flavour, fatal: fatal === null ? null : { severity: 'error', entry: null, field: null, message: fatal }, truncated, bytes };
  }

  /** Normalises what the raw reader produced since the last call. */
  private drain(): void {
    const chunk = this.raw.take();
    this.onRaw?.(chunk);
    if (chunk.creator !== undefined) this.log.creator(chunk.creator);
    if (chunk.entries.length === 0) return;
    const read = this.log.read(chunk.entries);
    for (const p of read.problems) this.problems.push(p);
    for (const e of read.entries) this.entries.push(e);
  }
}
