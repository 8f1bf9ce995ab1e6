// The panel's importer on hostile bytes: the real path (startImport → the lazy file source → the streaming
// reader → connectHost → the store and its analyser, as extension/panel/main.ts wires them), in Node.
import { createAnalyzerCore } from '../../src/core/analyzer';
import { connectHost } from '../../src/ui/connect';
import { startImport } from '../../src/ui/import/start-import';
import { createManualSource, createMemoryStorage } from '../../src/ui/source';
import { createPanelStore } from '../../src/ui/store';
import type { Violation } from './invariants';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Imports `bytes` as a file; the import must end ("done" or "failed" with a reason) without throwing. */
export async function checkImporter(bytes: Uint8Array, chunkBytes: number, maxTicks = 20_000): Promise<Violation[]> {
  const store = createPanelStore({ analyzer: createAnalyzerCore(), hintsOnDemand: true });
  const host = { source: createManualSource(), storage: createMemoryStorage(), theme: { current: () => 'light' as const } };
  let stop: (() => void) | null = null;
  try {
    stop = connectHost(store, host, { batchMs: 0 });
    startImport(store, new File([bytes as BlobPart], 'fuzz.har'), { chunkBytes, entriesPerEvent: 7 });
    for (let i = 0; i < maxTicks; i++) {
      const state = store.imported.value;
      if (state && state.status !== 'reading') {
        if (state.status === 'failed' && !state.fatal) return [{ invariant: 'a failed import says why', detail: 'status failed without fatal' }];
        // what the panel shows must be computable: the list and the blocked count
        void store.visible.value.length;
        void store.blockedCount.value;
        return [];
      }
      await tick();
    }
    return [{ invariant: 'the importer finishes', detail: `still reading after ${maxTicks} event-loop turns` }];
  } catch (e) {
    return [{ invariant: "the panel's importer never crashes", detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }];
  } finally {
    stop?.();
  }
}
