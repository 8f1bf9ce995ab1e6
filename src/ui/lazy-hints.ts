// Hints on demand. The extension panel's analyser is the core one without hints (createAnalyzerCore; store.hintsOnDemand): the hint engine
// (the AWS and generic catalogue, half of the panel's JavaScript) is loaded with import() the first time the
// detail shows an exchange that can have hints, or an export needs them; it is not in the start bundle.
// After that first load, hints are computed at once (and kept per exchange, see hint-engine.ts).
import { useEffect, useState } from 'preact/hooks';
import type { ExchangeReport, Hint } from '../core/analysis';
import { needsHints } from '../core/analysis';
import { useStore } from './context';
import { entryOf, type PanelStoreWithLimits } from './store';

type HintEngine = typeof import('./hint-engine');


let engine: HintEngine | null = null;
let loading: Promise<HintEngine> | null = null;

/** Loads the hint engine once; after a failed load the next call tries again. */
export function loadHintEngine(): Promise<HintEngine> {
  loading ??= import('./hint-engine').then(
    (m) => (engine = m),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export type HintsState =
  | { readonly status: 'ready'; readonly hints: readonly Hint[] }
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly message: string };

/** The exchange's hints if they can be had without waiting; null while the hint engine has not been loaded. */
export function hintsNow(store: PanelStoreWithLimits, report: ExchangeReport): HintsState | null {
  if (!store.hintsOnDemand || !needsHints(report)) return { status: 'ready', hints: report.hints };
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
  const [failed, setFailed] = useState<{ report: ExchangeReport; message: string } | null>(null);
  const [, setLoaded] = useState(0);
  const now = hintsNow(store, report);
  const waiting = now === null;
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    loadHintEngine().then(
      () => live && setLoaded((n) => n + 1),
      (error: unknown) => live && setFailed({ report, message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [waiting, report]);
  if (now) return now;
  if (failed?.report === report) return { status: 'failed', message: failed.message };
  return { status: 'loading' };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
