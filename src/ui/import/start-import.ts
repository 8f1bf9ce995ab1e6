// Starting an import from the file picker or a drop: one RequestSource per file, handed to the store.
import { applyImport, type PanelStoreWithLimits } from '../store';
import { createHarFileSource, type HarFile, type HarFileSourceOptions } from './har-file-source';

export function startImport(store: PanelStoreWithLimits, file: HarFile, options?: HarFileSourceOptions): void {
  applyImport(store, createHarFileSource(file, options), { name: file.name, size: file.size });
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
