// A RequestSource over a .har file the user picked or dropped: the same interface as live capture, so the
// panel analyses an import exactly like live traffic. The file is read in slices and parsed as a stream,
// yielding to the event loop between slices, so a file of hundreds of MB never freezes the panel; progress
// is reported in bytes.
import type { RequestSource, SourceEvent } from '../source';
import { createHarStreamReader } from '../../core/har/stream';

/** What the source needs of a File (a Blob with a name). */
export interface HarFile {
  readonly name: string;
  readonly size: number;
  slice(start?: number, end?: number): Blob;
}

export interface HarFileSourceOptions {
  /** Bytes read and parsed per step (default 256 KiB). */
  readonly chunkBytes?: number;
  /** Entries handed to the panel per event, at most (default 100: each batch is analysed in one task). */
  readonly entriesPerEvent?: number;
}

const DEFAULT_CHUNK = 256 * 1024;

export function createHarFileSource(file: HarFile, options: HarFileSourceOptions = {}): RequestSource {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  const perEvent = options.entriesPerEvent ?? 100;
  return {
    label: file.name,
    connect(listener) {
      let stopped = false;
      const emit = (event: SourceEvent) => {
        if (!stopped) listener(event);
      };
      const read = async () => {
        const reader = createHarStreamReader();
        emit({ type: 'progress', loaded: 0, total: file.size });
        for (let offset = 0; offset < file.size && !stopped && !reader.failed; offset += chunkBytes) {
          const bytes = new Uint8Array(await readSlice(file.slice(offset, offset + chunkBytes)));
          if (stopped) return;
          reader.write(bytes);
          const chunk = reader.take();
          if (chunk.creator !== undefined || chunk.pages !== undefined) emit({ type: 'log', creator: chunk.creator ?? null, pages: chunk.pages ?? [] });
          for (let i = 0; i < chunk.entries.length; i += perEvent) {
            emit({ type: 'entries', entries: chunk.entries.slice(i, i + perEvent) });
            await yieldToEventLoop();
            if (stopped) return;
          }
          emit({ type: 'progress', loaded: Math.min(file.size, offset + bytes.byteLength), total: file.size });
          await yieldToEventLoop();
        }
        if (stopped) return;
        const end = reader.end();
        const rest = reader.take();
        if (rest.entries.length) emit({ type: 'entries', entries: rest.entries });
        emit({ type: 'end', total: end.total, fatal: end.fatal });
      };
      read().catch((error: unknown) => emit({ type: 'end', total: 0, fatal: `the file could not be read: ${error instanceof Error ? error.message : String(error)}` }));
      return () => {
        stopped = true;
      };
    },
  };
}

function readSlice(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const fr = new FileReader();
    fr.onload = () => resolve(fr.result as ArrayBuffer);
    fr.onerror = () => reject(fr.error ?? new Error('FileReader failed'));
    fr.readAsArrayBuffer(blob);
  });
}

/**
 * Lets the panel paint and handle input between steps. A MessageChannel task, not setTimeout: a hidden
 * DevTools panel throttles timers to once a second, which would make a large import crawl.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
