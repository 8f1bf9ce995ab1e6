// Wires a PanelHost to a store: source events → applyX (entries batched per frame, so a burst of
// thousands of requests costs one analysis refresh), settings ↔ storage, theme ↔ store.
import { effect } from '@preact/signals';
import type { Toolchain } from '../core/types';
import type { PanelHost, SourceEvent } from './source';
import { applyEntries, applyNavigated, type PanelStoreWithLimits } from './store';

export const SETTINGS = { toolchain: 'corsLens.toolchain', preserveLog: 'corsLens.preserveLog' } as const;

export interface ConnectOptions {
  /** Coalesce entries arriving within this many ms (0 = apply at once; tests). */
  readonly batchMs?: number;
}

export function connectHost(store: PanelStoreWithLimits, host: PanelHost, options: ConnectOptions = {}): () => void {
  const batchMs = options.batchMs ?? 30;
  const stops: Array<() => void> = [];

  store.theme.value = host.theme.current();
  if (host.theme.onChange) stops.push(host.theme.onChange((t) => (store.theme.value = t)));

  let settingsLoaded = false;
  void Promise.all([host.storage.get(SETTINGS.toolchain), host.storage.get(SETTINGS.preserveLog)])
    .then(([toolchain, preserveLog]) => {
      if (typeof toolchain === 'string') store.toolchain.value = toolchain as Toolchain;
      if (typeof preserveLog === 'boolean') store.preserveLog.value = preserveLog;
    })
    .catch(() => undefined)
    .then(() => (settingsLoaded = true));
  stops.push(
    effect(() => {
      const toolchain = store.toolchain.value;
      const preserveLog = store.preserveLog.value;
      if (!settingsLoaded) return;
      void host.storage.set(SETTINGS.toolchain, toolchain).catch(() => undefined);
      void host.storage.set(SETTINGS.preserveLog, preserveLog).catch(() => undefined);
    }),
  );

  let pending: unknown[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const entries = pending;
    pending = [];
    applyEntries(store, entries);
  };
  const onEvent = (event: SourceEvent) => {
    if (event.type === 'entries') {
      pending.push(...event.entries);
      if (batchMs === 0) flush();
      else timer ??= setTimeout(flush, batchMs);
    } else {
      flush();
      applyNavigated(store);
    }
  };
  stops.push(host.source.connect(onEvent));
  stops.push(() => timer !== null && clearTimeout(timer));
  return () => stops.forEach((stop) => stop());
}
