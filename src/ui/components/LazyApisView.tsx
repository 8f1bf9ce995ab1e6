// The APIs view, loaded when first shown (it brings the API engine: src/core/api and the fingerprints).
import type { ExchangeReport } from '../../core/analysis';
import { lazyModule, useLazyModule } from '../lazy-module';
import { apiStrings as s } from '../strings-apis';
import '../apis-switch.css';

const apisView = lazyModule(() => import('./ApisView'));

/** The findings that concern one request, for its detail (nothing until the API view has loaded). */
export function LazyExchangeFindings({ report }: { report: ExchangeReport }) {
  const { module } = useLazyModule(apisView);
  return module ? <module.ExchangeFindings report={report} /> : null;
}

export function LazyApisView() {
  const { module, error } = useLazyModule(apisView);
  if (module) return <module.ApisView />;
  if (error !== null) return <p class="apis-error" role="alert">{s.loadFailed(error)}</p>;
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
