// One shape for the panel's code that is loaded on demand (the hint engine, the API engine, the APIs view):
// import() once and share the promise, try again after a failed load, and a hook that re-renders the component
// when the module arrives. Keeps these modules out of the start bundle (test/e2e/panel-bundle.test.ts).
import { useEffect, useState } from 'preact/hooks';

export interface LazyModule<M> {
  /** The module if it has loaded, else null. */
  now(): M | null;
  /** Loads it once; after a failed load the next call tries again. */
  load(): Promise<M>;
}

export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let module: M | null = null;
  let loading: Promise<M> | null = null;
  return {
    now: () => module,
    load: () =>
      (loading ??= importer().then(
        (m) => (module = m),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      )),
  };
}

export interface Loaded<M> {
  /** The module, once loaded and while `wanted`; null otherwise. */
  readonly module: M | null;
  /** Why the last load failed (null if it did not); a new `retryKey` tries again. */
  readonly error: string | null;
}

/**
 * The module for a component: loads it when `wanted` and re-renders when it has loaded. `retryKey` (e.g. the
 * exchange shown) starts a new attempt after a failure when it changes.
 */
export function useLazyModule<M>(lazy: LazyModule<M>, wanted = true, retryKey?: unknown): Loaded<M> {
  const [failure, setFailure] = useState<{ key: unknown; message: string } | null>(null);
  const [, setLoaded] = useState(0);
  const module = lazy.now();
  const waiting = wanted && module === null;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    lazy.load().then(
      () => live && setLoaded((n) => n + 1),
      (error: unknown) => live && setFailure({ key: retryKey, message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [waiting, lazy, retryKey]);
  if (!wanted) return { module: null, error: null };
  return { module, error: module === null && failure !== null && failure.key === retryKey ? failure.message : null };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
