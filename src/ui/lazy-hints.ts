// Hints on demand. The extension panel's analyser is the core one without hints (createAnalyzerCore; store.hintsOnDemand): the hint engine
// (the AWS and generic catalogue, half of the panel's JavaScript) is loaded with import() the first time the
// detail shows an exchange that can have hints, or an export needs them; it is not in the start bundle.
// After that first load, hints are computed at once (and kept per exchange, see hint-engine.ts).
import type { ExchangeReport, Hint } from '../core/analysis';
import { needsHints } from '../core/analysis';
import { useStore } from './context';
import { entryOf, type PanelStoreWithLimits } from './store';
import { lazyModule, messageOf, useLazyModule } from './lazy-module';

type HintEngine = typeof import('./hint-engine');

const hintEngine = lazyModule<HintEngine>(() => import('./hint-engine'));

/** Loads the hint engine once; after a failed load the next call tries again. */
export const loadHintEngine = (): Promise<HintEngine> => hintEngine.load();

export type HintsState =
  | { readonly status: 'ready'; readonly hints: readonly Hint[] }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string };

/** The exchange's hints if they can be had without waiting; null while the hint engine has not been loaded. */
export function hintsNow(store: PanelStoreWithLimits, report: ExchangeReport): HintsState | null {
  if (!store.hintsOnDemand || !needsHints(report)) return { status: 'ready', hints: report.hints };
  const engine = hintEngine.now();
  if (!engine) return null;
  try {
    return { status: 'ready', hints: engine.withHints(report, (i) => entryOf(store, i)).hints };
  } catch (error) {
    // The core promises not to throw; if the hint engine does, the detail says so and the panel keeps running.
    console.error('CORS Lens: the hint engine failed on an exchange', error);
    return { status: 'failed', message: messageOf(error) };
  }
}

/** For the detail view: the hints of `report`, loading the hint engine first when needed. */
export function useHints(report: ExchangeReport): HintsState {
  const store = useStore();
  const now = hintsNow(store, report);
  const { error } = useLazyModule(hintEngine, now === null, report);
  if (now) return now;
  if (error !== null) return { status: 'failed', message: error };
  return { status: 'loading' };
}

/** The hint engine for a component, loaded when `wanted` (see useLazyModule). */
export function useHintEngine(wanted: boolean, retryKey?: unknown) {
  return useLazyModule(hintEngine, wanted, retryKey);
}
