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
  const closers: (() => void)[] = [];
  return {
    file(name: string): string {
      dir ??= mkdtempSync(join(tmpdir(), prefix));
      return join(dir, name);
    },
    /** Runs `close` before the folder is deleted (a spill's open file). */
    onDispose(close: () => void): void {
      closers.push(close);
    },
    dispose(): void {
      for (const close of closers.splice(0)) close();
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

/** Texts stored under a number and read back in any order, as often as needed (the annotated HAR's per-entry notes). */
export interface KeyedSpill {
  has(key: number): boolean;
  set(key: number, text: string): void;
  get(key: number): string | undefined;
  /** Closes the file, if one was made (the folder's dispose() deletes it). */
  close(): void;
}

/**
 * In memory up to `inMemory` bytes, then in a file: only each text's offset and length stay in memory, so what is
 * held grows by a few bytes per key rather than by the texts (issue 15: a 1.1 GB HAR's annotations are ~250 MB).
 */
export function createKeyedSpill(folder: SpillFolder, name: string, inMemory = SPILL_IN_MEMORY): KeyedSpill {
  const memory = new Map<number, string>();
  const onDisk = new Map<number, number>(); // key → index into offsets/lengths
  let offsets = new Float64Array(1024);
  let lengths = new Uint32Array(1024);
  let stored = 0;
  let held = 0;
  let fd: number | null = null;
  let end = 0;
  folder.onDispose(() => {
    if (fd !== null) closeSync(fd);
    fd = null;
  });
  const store = (key: number, bytes: Buffer) => {
    if (stored === offsets.length) {
      const o = new Float64Array(stored * 2);
      o.set(offsets);
      offsets = o;
      const l = new Uint32Array(stored * 2);
      l.set(lengths);
      lengths = l;
    }
    for (let off = 0; off < bytes.length; ) off += writeSync(fd!, bytes, off, bytes.length - off, end + off);
    offsets[stored] = end;
    lengths[stored] = bytes.length;
    onDisk.set(key, stored++);
    end += bytes.length;
  };
  return {
    has: (key) => memory.has(key) || onDisk.has(key),
    set(key, text) {
      if (fd === null && held + text.length * 3 <= inMemory) {
        memory.set(key, text);
        held += text.length * 3;
        return;
      }
      if (fd === null) {
        fd = openSync(folder.file(name), 'w+', 0o600);
        for (const [k, t] of memory) store(k, Buffer.from(t, 'utf8'));
        memory.clear();
      }
      store(key, Buffer.from(text, 'utf8'));
    },
    get(key) {
      const inMemoryText = memory.get(key);
      if (inMemoryText !== undefined || fd === null) return inMemoryText;
      const at = onDisk.get(key);
      if (at === undefined) return undefined;
      const buf = Buffer.allocUnsafe(lengths[at]);
      for (let got = 0; got < buf.length; ) {
        const n = readSync(fd, buf, got, buf.length - got, offsets[at] + got);
        if (n === 0) throw new Error(`${name}: the temporary file ended early`);
        got += n;
      }
      return buf.toString('utf8');
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
