// Request and response headers of the preflight and the actual request, CORS ones highlighted.
// Values are rendered as text only (never as HTML).
import type { HeaderList, ObservedEntry } from '../../core/analysis';
import { isCorsHeader } from '../format';
import { strings } from '../strings';

function HeaderTable({ title, headers }: { title: string; headers: HeaderList }) {
  return (
    <div class="header-block">
      <h4>{title}</h4>
      {headers.length === 0 ? (
        <p class="muted">{strings.detail.noHeaders}</p>
      ) : (
        <dl class="headers" aria-label={title}>
          {headers.map(([name, value], i) => (
            <div key={i} class={isCorsHeader(name) ? 'cors' : ''} title={isCorsHeader(name) ? strings.detail.corsHeaderTitle : undefined}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

export function HeadersView({ preflight, actual }: { preflight?: ObservedEntry; actual?: ObservedEntry }) {
  const d = strings.detail;
  return (
    <section class="section" aria-label={d.headers}>
      <h3>{d.headers}</h3>
      <div class="side-by-side">
        {preflight && (
          <div class="stage">
            <HeaderTable title={`${d.preflightRequest} · OPTIONS ${preflight.url}`} headers={preflight.requestHeaders} />
            <HeaderTable title={`${d.preflightResponse} · ${preflight.status} ${preflight.statusText}`} headers={preflight.responseHeaders} />
          </div>
        )}
        {actual && (
          <div class="stage">
            <HeaderTable title={`${d.actualRequest} · ${actual.method} ${actual.url}`} headers={actual.requestHeaders} />
            <HeaderTable title={`${d.actualResponse} · ${actual.status} ${actual.statusText}`} headers={actual.responseHeaders} />
          </div>
        )}
      </div>
    </section>
  );
}
