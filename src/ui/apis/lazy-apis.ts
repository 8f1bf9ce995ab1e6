// The API view on demand: the engine (src/core/api and the fingerprints it reads) loads with import() the
// first time the APIs view or an exchange's findings are shown.
import type { ApiReport } from '../../core/api';
import { useStore } from '../context';
import { lazyModule, useLazyModule } from '../lazy-module';
import { entryOf } from '../store';

const apiEngine = lazyModule<typeof import('./api-engine')>(() => import('./api-engine'));

export type ApisState =
  | { readonly status: 'ready'; readonly apis: readonly ApiReport[] }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string };

/** The API view of the store's exchanges (recomputed when they change), loading the engine first. */
export function useApis(): ApisState {
  const store = useStore();
  const exchanges = store.exchanges.value;
  const { module: engine, error } = useLazyModule(apiEngine);
  if (error !== null) return { status: 'failed', message: error };
  if (!engine) return { status: 'loading' };
  return { status: 'ready', apis: engine.apisOf(exchanges, (i) => entryOf(store, i)) };
}
