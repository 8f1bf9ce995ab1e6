// Where `cors-lens report` keeps what it must read again after the whole HAR went past (issue 15: memory that does
// not grow with the file): in memory up to a few megabytes, then in a file of a private temporary folder
// (mkdtemp: readable by this user only) that `dispose()` deletes. Synchronous I/O: the writes land in the page
// cache in small batches, so a fast reader cannot pile up unwritten buffers, and reading back is sequential.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a spill keeps in memory before it moves to a file. */
export const SPILL_IN_MEMORY = 8 * 1024 * 1024;
const BATCH = 1024 * 1024;

/** A private temporary folder, made when the first spill needs a file. */
export function createSpillFolder(prefix = 'cors-lens-') {
  let dir: string | null = null;
  return {
    file(name: string): string {
      dir ??= mkdtempSync(join(tmpdir(), prefix));
      return join(dir, name);
    },
    dispose(): void {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
export type SpillFolder = ReturnType<typeof createSpillFolder>;

/** Records (byte strings) written in order and read back in order, once. */
export interface RecordSpill {
  readonly count: number;
  add(record: Uint8Array): void;
  /** Every record, in order; the spill is spent afterwards. */
  records(): Iterable<Uint8Array>;
}

export function createRecordSpill(folder: SpillFolder, name: string, inMemory = SPILL_IN_MEMORY): RecordSpill {
  let memory: Uint8Array[] = [];
  let held = 0;
  let fd: number | null = null;
  let path = '';
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let count = 0;
  const flush = () => {
    if (fd === null || pendingBytes === 0) return;
    const buf = Buffer.concat(pending, pendingBytes);
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
    pending = [];
    pendingBytes = 0;
  };
  const push = (bytes: Uint8Array) => {
    pending.push(bytes);
    pendingBytes += bytes.byteLength;
    if (pendingBytes >= BATCH) flush();
  };
  const frame = (record: Uint8Array) => {
    const size = Buffer.allocUnsafe(4);
    size.writeUInt32LE(record.byteLength);
    push(size);
    push(record);
  };
  return {
    get count() {
      return count;
    },
    add(record) {
      count++;
      if (fd === null && held + record.byteLength <= inMemory) {
        memory.push(record);
        held += record.byteLength;
        return;
      }
      if (fd === null) {
        path = folder.file(name);
        fd = openSync(path, 'w+', 0o600);
        for (const r of memory) frame(r);
        memory = [];
      }
      frame(record);
    },
    *records() {
      if (fd === null) {
        yield* memory;
        memory = [];
        return;
      }
      flush();
      let buf = Buffer.alloc(0);
      let position = 0;
      const chunk = Buffer.allocUnsafe(BATCH);
      for (;;) {
        const read = readSync(fd, chunk, 0, chunk.length, position);
        position += read;
        buf = buf.length === 0 ? Buffer.from(chunk.subarray(0, read)) : Buffer.concat([buf, chunk.subarray(0, read)]);
        let at = 0;
        while (buf.length - at >= 4) {
          const size = buf.readUInt32LE(at);
          if (buf.length - at - 4 < size) break;
          yield buf.subarray(at + 4, at + 4 + size);
          at += 4 + size;
        }
        buf = buf.subarray(at);
        if (read === 0) break;
      }
      closeSync(fd);
      fd = null;
    },
  };
}

/** Text written in pieces and copied out, in order, once. */
export interface TextSpill {
  /** Characters written so far. */
  readonly size: number;
  write(text: string): void;
  copyTo(write: (text: string) => Promise<void>): Promise<void>;
}

export function createTextSpill(folder: SpillFolder, name: string, inMemory = SPILL_IN_MEMORY): TextSpill {
  const records = createRecordSpill(folder, name, inMemory);
  let text = '';
  let size = 0;
  const flush = () => {
    if (text === '') return;
    records.add(Buffer.from(text, 'utf8'));
    text = '';
  };
  return {
    get size() {
      return size;
    },
    write(piece) {
      size += piece.length;
      text += piece;
      if (text.length >= 64 * 1024) flush();
    },
    async copyTo(write) {
      flush();
      // Records end on whole pieces, so no character is split between two of them.
      for (const r of records.records()) await write(Buffer.from(r.buffer, r.byteOffset, r.byteLength).toString('utf8'));
    },
  };
}
