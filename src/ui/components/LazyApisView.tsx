// The APIs view, loaded when first shown (it brings the API engine: src/core/api and the fingerprints).
import { useEffect, useState } from 'preact/hooks';
import type { ExchangeReport } from '../../core/analysis';
import { apiStrings as s } from '../strings-apis';
import '../apis-switch.css';

type ApisViewModule = Pick<typeof import('./ApisView'), 'ApisView' | 'ExchangeFindings'>;
let loaded: ApisViewModule | null = null;

function useApisViewModule(): { module: ApisViewModule | null; failure: string | null } {
  const [module, setModule] = useState<ApisViewModule | null>(loaded);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (module) return;
    let live = true;
    import('./ApisView').then(
      ({ ApisView, ExchangeFindings }) => live && setModule((loaded = { ApisView, ExchangeFindings })),
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [module]);
  return { module, failure };
}

/** The findings that concern one request, for its detail (nothing until the API view has loaded). */
export function LazyExchangeFindings({ report }: { report: ExchangeReport }) {
  const { module } = useApisViewModule();
  return module ? <module.ExchangeFindings report={report} /> : null;
}

export function LazyApisView() {
  const { module, failure } = useApisViewModule();
  if (module) return <module.ApisView />;
  if (failure !== null) return <p class="apis-error" role="alert">{s.loadFailed(failure)}</p>;
  return <p class="muted apis-loading" role="status">{s.loading}</p>;
}

/** The Requests | APIs switch above the list. */
export function ViewSwitch({ apis, onChange }: { apis: boolean; onChange: (apis: boolean) => void }) {
  return (
    <div class="view-switch" role="tablist" aria-label={s.views.label}>
      <button type="button" role="tab" aria-selected={!apis} class={!apis ? 'on' : ''} onClick={() => onChange(false)}>{s.views.requests}</button>
      <button type="button" role="tab" aria-selected={apis} class={apis ? 'on' : ''} onClick={() => onChange(true)}>{s.views.apis}</button>
    </div>
  );
}
