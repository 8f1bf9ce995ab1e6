import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelStoreWithLimits } from './store';

export const StoreContext = createContext<PanelStoreWithLimits | null>(null);

/** The panel store, from the nearest <StoreContext.Provider>. */
export function useStore(): PanelStoreWithLimits {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore() outside <StoreContext.Provider>');
  return store;
}
