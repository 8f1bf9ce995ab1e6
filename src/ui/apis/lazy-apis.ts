// The API view on demand: the engine (src/core/api and the fingerprints it reads) loads with import() the
// first time the APIs view or an exchange's findings are shown.
import { useEffect, useState } from 'preact/hooks';
import type { ApiReport } from '../../core/api';
import { useStore } from '../context';
import { entryOf } from '../store';

type ApiEngine = typeof import('./api-engine');

let engine: ApiEngine | null = null;
let loading: Promise<ApiEngine> | null = null;

export function loadApiEngine(): Promise<ApiEngine> {
  loading ??= import('./api-engine').then(
    (m) => (engine = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export type ApisState =
  | { readonly status: 'ready'; readonly apis: readonly ApiReport[] }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string };

/** The API view of the store's exchanges (recomputed when they change), loading the engine first. */
export function useApis(): ApisState {
  const store = useStore();
  const [failed, setFailed] = useState<string | null>(null);
  const [, setLoaded] = useState(0);
  const exchanges = store.exchanges.value;
  useEffect(() => {
    if (engine) return;
    let live = true;
    loadApiEngine().then(
      () => live && setLoaded((n) => n + 1),
      (error: unknown) => live && setFailed(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed !== null) return { status: 'failed', message: failed };
  if (!engine) return { status: 'loading' };
  return { status: 'ready', apis: engine.apisOf(exchanges, (i) => entryOf(store, i)) };
}
