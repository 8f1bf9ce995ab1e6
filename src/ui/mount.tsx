// Mounts the panel into an element for any host: the extension panel, an inline page, a test.
import { render } from 'preact';
import { App } from './components/App';
import { connectHost, type ConnectOptions } from './connect';
import { StoreContext } from './context';
import { createRerunHost, RerunContext } from './rerun';
import type { PanelHost } from './source';
import { createPanelStore, type PanelAnalyzer, type PanelStoreWithLimits } from './store';
import './panel.css';

export interface MountOptions extends ConnectOptions {
  readonly analyzer: PanelAnalyzer;
  /** The analyser leaves hints out (createAnalyzerCore); the panel computes hints on demand (see store.ts). */
  readonly hintsOnDemand?: boolean;
  readonly maxEntries?: number;
  readonly trimTo?: number;
}

export interface MountedPanel {
  readonly store: PanelStoreWithLimits;
  unmount(): void;
}

export function mountPanel(element: HTMLElement, host: PanelHost, options: MountOptions): MountedPanel {
  const store = createPanelStore(options);
  const disconnect = connectHost(store, host, options);
  render(
    <StoreContext.Provider value={store}>
      <RerunContext.Provider value={host.requester ? createRerunHost(host.requester) : null}>
        <App sourceLabel={host.source.label} />
      </RerunContext.Provider>
    </StoreContext.Provider>,
    element,
  );
  return {
    store,
    unmount() {
      disconnect();
      render(null, element);
    },
  };
}
