// Starting an import from the file picker or a drop: one RequestSource per file, handed to the store. The file
// reader (a streaming JSON parser and the core's HAR reader) is loaded when the source is connected, not with the
// panel: until then the banner shows the file as being read; if it cannot load, the banner says so.
import type { RequestSource } from '../source';
import { applyImport, type PanelStoreWithLimits } from '../store';
import { reportStrings } from '../strings-reports';
import type { HarFile, HarFileSourceOptions } from './har-file-source';

export function startImport(store: PanelStoreWithLimits, file: HarFile, options?: HarFileSourceOptions): void {
  applyImport(store, createLazyHarFileSource(file, options), { name: file.name, size: file.size });
}

/** createHarFileSource(file), loaded on demand: the same events, once the reader's module is there. */
export function createLazyHarFileSource(file: HarFile, options?: HarFileSourceOptions): RequestSource {
  return {
    label: file.name,
    connect(listener) {
      let stopped = false;
      let stop: (() => void) | null = null;
      import('./har-file-source').then(
        (m) => {
          if (!stopped) stop = m.createHarFileSource(file, options).connect(listener);
        },
        (error: unknown) => {
          if (!stopped) listener({ type: 'end', total: 0, fatal: reportStrings.import.loadFailed(error instanceof Error ? error.message : String(error)) });
        },
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}

/** The first file of a drop or a picker, if any. */
export function firstFile(files: FileList | null | undefined): File | null {
  return files && files.length > 0 ? files[0]! : null;
}

/** Whether a drag carries files (not text or a link), so the panel offers itself as a drop target only then. */
export function dragHasFiles(types: readonly string[] | DOMStringList | undefined): boolean {
  if (!types) return false;
  for (let i = 0; i < types.length; i++) {
    const t = 'item' in types ? types.item(i) : (types as readonly string[])[i];
    if (t === 'Files') return true;
  }
  return false;
}
