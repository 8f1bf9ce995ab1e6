// Wires a PanelHost to a store: source events → applyX (entries batched per frame, so a burst of
// thousands of requests costs one analysis refresh), settings ↔ storage, theme ↔ store.
// The panel shows one source at a time: the host's (live capture) or an imported file (`store.source`);
// switching disconnects the old one, starts afresh and connects the new one.
import { effect, untracked } from '@preact/signals';
import type { Toolchain } from '../core/analysis';
import type { PanelHost, RequestSource, SourceEvent } from './source';
import {
  applyEntries,
  applyImportProgress,
  applyInputMeta,
  applyNavigated,
  applyReplace,
  applySourceReset,
  readLayout,
  type PanelStoreWithLimits,
} from './store';

export const SETTINGS = { toolchain: 'corsLens.toolchain', preserveLog: 'corsLens.preserveLog', layout: 'corsLens.layout', groupRepeats: 'corsLens.groupRepeats' } as const;

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
  let layoutTimer: ReturnType<typeof setTimeout> | null = null;
  void Promise.all([host.storage.get(SETTINGS.toolchain), host.storage.get(SETTINGS.preserveLog), host.storage.get(SETTINGS.layout), host.storage.get(SETTINGS.groupRepeats)])
    .then(([toolchain, preserveLog, layout, groupRepeats]) => {
      if (typeof toolchain === 'string') store.toolchain.value = toolchain as Toolchain;
      if (typeof preserveLog === 'boolean') store.preserveLog.value = preserveLog;
      if (typeof groupRepeats === 'boolean') store.groupRepeats.value = groupRepeats;
      if (layout !== undefined) store.layout.value = readLayout(layout);
    })
    .catch(() => undefined)
    .then(() => (settingsLoaded = true));
  stops.push(
    effect(() => {
      const toolchain = store.toolchain.value;
      const preserveLog = store.preserveLog.value;
      const groupRepeats = store.groupRepeats.value;
      if (!settingsLoaded) return;
      void host.storage.set(SETTINGS.toolchain, toolchain).catch(() => undefined);
      void host.storage.set(SETTINGS.preserveLog, preserveLog).catch(() => undefined);
      void host.storage.set(SETTINGS.groupRepeats, groupRepeats).catch(() => undefined);
    }),
    // The layout changes at every step of a drag; written once the drag rests.
    effect(() => {
      const layout = store.layout.value;
      if (!settingsLoaded) return;
      if (layoutTimer !== null) clearTimeout(layoutTimer);
      layoutTimer = setTimeout(() => {
        layoutTimer = null;
        void host.storage.set(SETTINGS.layout, layout).catch(() => undefined);
      }, 250);
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
  const onEvent = (event: SourceEvent) =>
    untracked(() => {
      switch (event.type) {
        case 'entries':
          for (const e of event.entries) pending.push(e);
          // A file source already hands entries over in small batches, between which it yields.
          if (batchMs === 0 || store.imported.value !== null) flush();
          else timer ??= setTimeout(flush, batchMs);
          break;
        case 'navigated':
          flush();
          applyNavigated(store);
          break;
        case 'replace':
          flush();
          applyReplace(store, event.entry);
          break;
        case 'log':
          flush();
          applyInputMeta(store, event);
          break;
        case 'progress':
          applyImportProgress(store, { loaded: event.loaded });
          break;
        case 'end':
          flush();
          applyImportProgress(store, { status: event.fatal ? 'failed' : 'done', total: event.total, fatal: event.fatal });
          break;
      }
    });

  let connected: { source: RequestSource; stop: () => void } | null = null;
  stops.push(
    effect(() => {
      const next = store.source.value ?? host.source;
      untracked(() => {
        if (connected?.source === next) return;
        if (connected) {
          connected.stop();
          // Entries still waiting for the batch belong to the old source.
          if (timer !== null) clearTimeout(timer);
          timer = null;
          pending = [];
          applySourceReset(store);
        }
        connected = { source: next, stop: next.connect(onEvent) };
      });
    }),
  );
  stops.push(() => connected?.stop());
  stops.push(() => timer !== null && clearTimeout(timer));
  stops.push(() => layoutTimer !== null && clearTimeout(layoutTimer));
  return () => stops.forEach((stop) => stop());
}
