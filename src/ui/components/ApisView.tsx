// The APIs view: one row per API (counts and findings); the selected API's routes with the CORS policy as
// observed, the consolidated fixes (one per cause, per toolchain) and the findings — every request id a link
// that opens the request's detail. Loaded on demand with the API engine (../apis/lazy-apis.ts).
import { useState } from 'preact/hooks';
import type { ApiReport, ConsolidatedFix, ObservedPolicy } from '../../core/api';
import { FINDINGS, type ExchangeReport, type Finding, type Toolchain } from '../../core/analysis';
import { useApis } from '../apis/lazy-apis';
import { useStore } from '../context';
import { applySelect } from '../store';
import { strings } from '../strings';
import { apiStrings as s } from '../strings-apis';
import { CopyButton } from './CopyButton';
import '../apis.css';

/** Request ids as links that select the request (its detail opens beside the view). */
function RequestLinks({ ids }: { ids: readonly string[] }) {
  const store = useStore();
  return (
    <span class="request-links">
      {ids.map((id) => (
        <button key={id} type="button" class="link mono" title={s.showRequest(id)} onClick={() => applySelect(store, id)}>
          {id}
        </button>
      ))}
    </span>
  );
}

function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li class={`finding sev-${finding.severity}`} data-finding-id={finding.id}>
      <div class="finding-head">
        <span class={`severity ${finding.severity}`}>{s.severity[finding.severity]}</span>
        <code>{finding.id}</code> <strong>{FINDINGS[finding.id].title}</strong> <span class={`confidence ${finding.confidence}`}>{s.confidence[finding.confidence]}</span>
      </div>
      <p>{finding.evidence}</p>
      {finding.confirm && (
        <p class="muted">
          {s.toConfirm} {finding.confirm}
        </p>
      )}
      <RequestLinks ids={finding.exchanges} />
    </li>
  );
}

const POLICY: ReadonlyArray<keyof ObservedPolicy> = ['allowOrigin', 'allowCredentials', 'allowMethods', 'allowHeaders', 'maxAge', 'exposeHeaders', 'vary'];
const values = (list: ReadonlyArray<string | null>) => (list.length === 0 ? s.notObserved : list.map((v) => v ?? s.absent).join(' / '));

function PolicyTable({ api }: { api: ApiReport }) {
  return (
    <div class="policy-scroll">
      <table class="policy" aria-label={s.policyTitle}>
        <thead>
          <tr>
            <th>{s.column.route}</th>
            <th>{s.column.allowed}</th>
            <th>{s.column.blocked}</th>
            {POLICY.map((k) => <th key={k}>{s.column[k]}</th>)}
            <th>{s.column.requests}</th>
          </tr>
        </thead>
        <tbody>
          {api.routes.map((r) => (
            <tr key={r.key} class={r.counts.blocked > 0 ? 'blocked' : ''} data-route={r.key}>
              <td class="mono nw">{r.key}</td>
              <td>{r.counts.allowed}</td>
              <td>{r.counts.blocked > 0 ? <span class="badge blocked">{r.counts.blocked}</span> : 0}</td>
              {POLICY.map((k) => <td key={k} class={`mono ${r.policy[k].includes(null) ? 'absent' : ''}`}>{values(r.policy[k])}</td>)}
              <td><RequestLinks ids={r.exchanges} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FixCard({ fix }: { fix: ConsolidatedFix }) {
  const store = useStore();
  const available = fix.fixes.map((f) => f.toolchain);
  const picked = store.toolchain.value;
  const toolchain = picked && available.includes(picked) ? picked : available[0];
  const shown = fix.fixes.filter((f) => f.toolchain === toolchain);
  return (
    <article class="api-fix" data-cause={fix.cause}>
      <h4>
        {fix.title}
        <label class="toolchain">
          <select value={toolchain} aria-label={strings.hints.toolchain} onChange={(e) => (store.toolchain.value = e.currentTarget.value as Toolchain)}>
            {[...new Set(available)].map((t) => <option key={t} value={t}>{strings.toolchains[t] ?? t}</option>)}
          </select>
        </label>
      </h4>
      <p class="fix-routes">
        {s.fixFor(fix.routes.length)}: <span class="mono">{fix.routes.join(', ')}</span> · <RequestLinks ids={fix.exchanges} />
      </p>
      <p>{fix.explanation}</p>
      {fix.allowMethods.length + fix.allowHeaders.length > 0 && <p class="muted">{s.allowUnion(fix.allowMethods.join(', ') || '—', fix.allowHeaders.join(', ') || '—')}</p>}
      {shown.map((f, i) => (
        <div class="fix" key={i} data-toolchain={f.toolchain}>
          <div class="fix-head">
            <span class="fix-title">{f.title}</span>
            <CopyButton text={f.snippet} />
          </div>
          <pre class={`snippet lang-${f.language}`}>{f.snippet}</pre>
        </div>
      ))}
    </article>
  );
}

function ApiDetail({ api }: { api: ApiReport }) {
  return (
    <div class="api-detail" aria-label={api.label}>
      <h3>
        {api.label} <span class="muted mono">{api.key}</span>
      </h3>
      <p class="muted">
        {s.pageOrigins}: {api.pageOrigins.join(', ')}
      </p>
      <section class="section">
        <h3>{s.routes(api.routes.length)}</h3>
        <PolicyTable api={api} />
      </section>
      <section class="section api-findings">
        <h3>{s.findingsTitle}</h3>
        {api.findings.length === 0 ? <p class="muted">{s.noFindings}</p> : <ul class="findings">{api.findings.map((f, i) => <FindingItem key={`${f.id}-${i}`} finding={f} />)}</ul>}
      </section>
      <section class="section api-fixes">
        <h3>{s.fixesTitle}</h3>
        {api.fixes.length === 0 ? <p class="muted">{s.noFixes}</p> : api.fixes.map((f) => <FixCard key={f.cause} fix={f} />)}
      </section>
    </div>
  );
}

export function ApisView() {
  const state = useApis();
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  if (state.status === 'loading') return <p class="muted apis-loading" role="status">{s.loading}</p>;
  if (state.status === 'failed') return <p class="apis-error" role="alert">{s.loadFailed(state.message)}</p>;
  const { apis } = state;
  if (apis.length === 0) return <p class="empty muted" role="status">{s.empty}</p>;
  const selected = apis.find((a) => a.key === selectedKey) ?? apis[0];
  return (
    <div class="apis-view">
      <ul class="api-list" role="listbox" aria-label={s.listLabel}>
        {apis.map((a) => (
          <li
            key={a.key}
            role="option"
            tabIndex={0}
            aria-selected={a.key === selected.key}
            class={`api-row ${a.key === selected.key ? 'selected' : ''} ${a.counts.blocked > 0 ? 'has-blocked' : ''}`}
            data-api={a.key}
            onClick={() => setSelectedKey(a.key)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && setSelectedKey(a.key)}
          >
            <div class="api-label">{a.label}</div>
            <div class="api-meta">
              <span class="mono muted">{a.key}</span>
              <span>{s.counts(a.counts.allowed, a.counts.blocked)}</span>
              {a.findings.length > 0 && <span class={`severity ${a.findings[0].severity}`}>{s.findingsCount(a.findings.length)}</span>}
            </div>
          </li>
        ))}
      </ul>
      <ApiDetail api={selected} />
    </div>
  );
}

/** In the request detail: the findings of the API view that name this exchange (nothing when none does). */
export function ExchangeFindings({ report }: { report: ExchangeReport }) {
  const state = useApis();
  if (state.status !== 'ready' || report.kind !== 'cors') return null;
  const findings = state.apis.flatMap((a) => a.findings).filter((f) => f.exchanges.includes(report.id));
  if (findings.length === 0) return null;
  return (
    <section class="section exchange-findings" aria-label={s.exchangeFindingsTitle}>
      <h3>{s.exchangeFindingsTitle}</h3>
      <ul class="findings">{findings.map((f, i) => <FindingItem key={`${f.id}-${i}`} finding={f} />)}</ul>
    </section>
  );
}
