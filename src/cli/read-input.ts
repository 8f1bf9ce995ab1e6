import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export class InputError extends Error {}

const CHUNK = 1024 * 1024;
/** V8's longest string (2^29 - 24 characters): what a whole-file reader can hold. */
const MAX_WHOLE_BYTES = 2 ** 29 - 24;
const tooBig = (name: string) =>
  new InputError(`${name}: over 512 MiB, too big for probe --from, which reads the HAR whole; analyze and report stream it`);

/** A HAR as a stream of chunks: `analyze` and `report` read every file this way, whatever its size (issue 15: no whole-file string). */
export interface StreamedInput {
  readonly name: string;
  /** The file's size; null for standard input. */
  readonly bytes: number | null;
  readonly chunks: AsyncIterable<Uint8Array>;
}

/** Reads a HAR whole, from a path or from standard input when the path is `-` (`probe --from` only). */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<{ name: string; text: string }> {
  const input = await openInput(path, stdin);
  if (input.bytes !== null && input.bytes > MAX_WHOLE_BYTES) throw tooBig(input.name);
  // A file's chunks go straight into one buffer of its size (no second copy, as readFile does it).
  const whole = input.bytes === null ? null : Buffer.allocUnsafe(input.bytes);
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for await (const chunk of input.chunks) {
    if (whole && bytes + chunk.byteLength <= whole.length) whole.set(chunk, bytes);
    else parts.push(chunk);
    bytes += chunk.byteLength;
  }
  // A file that grew while read: what came beyond its size follows.
  if (bytes > MAX_WHOLE_BYTES) throw tooBig(input.name);
  const buffer = whole ? (parts.length ? Buffer.concat([whole.subarray(0, bytes - parts.reduce((n, p) => n + p.byteLength, 0)), ...parts]) : whole.subarray(0, bytes)) : Buffer.concat(parts);
  return { name: input.name, text: buffer.toString('utf8') };
}

/** Opens a HAR as a stream of chunks (standard input when the path is `-`); fails at once when the file cannot be read. */
export async function openInput(path: string, stdin: NodeJS.ReadableStream): Promise<StreamedInput> {
  if (path === '-') return { name: '<stdin>', bytes: null, chunks: stdinChunks(stdin) };
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    return { name: path, bytes: st.size, chunks: readChunks(path) };
  } catch (err) {
    throw cannotRead(path, err);
  }
}

async function* readChunks(path: string): AsyncIterable<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK })) yield chunk as Buffer;
  } catch (err) {
    throw cannotRead(path, err);
  }
}

async function* stdinChunks(stdin: NodeJS.ReadableStream): AsyncIterable<Uint8Array> {
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
}

function cannotRead(path: string, err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
  return new InputError(`${path}: cannot read the file (${why})`);
}
