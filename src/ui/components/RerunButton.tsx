// "Re-run from the page" in the detail of a CORS exchange: the inspected page sends the request again, and the
// new row is linked to this one ("was blocked (MissingAllowOriginHeader), now allowed"). GET and HEAD go at once;
// anything else asks first, and sends the captured body only when the user ticks it.
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ExchangeReport } from '../../core/analysis';
import { useStore } from '../context';
import { applyRerunIssued, applyRerunMatches, isSafeMethod, pageFetchFor, RerunContext, rerunSentence, type RerunHost } from '../rerun';
import { applySelect, entryOf } from '../store';
import { rerunStrings as s } from '../strings-rerun';
import '../rerun.css';

export function RerunButton({ report }: { report: ExchangeReport }) {
  const host = useContext(RerunContext);
  if (!host || report.kind !== 'cors') return null;
  return <Rerun report={report} host={host} />;
}

function Rerun({ report, host }: { report: ExchangeReport; host: RerunHost }) {
  const store = useStore();
  const exchanges = store.exchanges.value;
  const [state, setState] = useState<'idle' | 'confirm' | 'sending'>('idle');
  const [withBody, setWithBody] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => applyRerunMatches(host, exchanges), [host, exchanges]);
  useEffect(() => {
    setState('idle');
    setWithBody(false);
    setError(null);
  }, [report.id]);

  const actual = entryOf(store, report.actualEntry);
  const reruns = host.reruns.value;
  const mine = reruns.filter((r) => r.fromId === report.id);
  const rerunOf = reruns.find((r) => r.toId === report.id);
  const byId = (id: string | null) => exchanges.find((x) => x.id === id);
  const link = (id: string) => (
    <button type="button" class="linklike" data-rerun-link={id} onClick={() => applySelect(store, id)} title={s.show(id)}>{id}</button>
  );

  const send = async () => {
    if (!actual) return;
    setState('sending');
    setError(null);
    const issuedAt = Date.now();
    const result = await host.requester.fetchFromPage(pageFetchFor(report, actual, withBody));
    if (result.ok) applyRerunIssued(host, report, issuedAt);
    else setError(s.failed(result.error));
    setState('idle');
  };
  const bodyBytes = actual?.requestBodySize ?? 0;

  return (
    <section class="section rerun" aria-label={s.section}>
      <h3>{s.section}</h3>
      {rerunOf && byId(rerunOf.fromId) && (
        <p class="rerun-link" data-rerun-of={rerunOf.fromId}>{s.rerunOf} {link(rerunOf.fromId)}: {rerunSentence(rerunOf, report)}</p>
      )}
      {mine.map((r, i) => {
        const now = byId(r.toId);
        return now ? (
          <p key={i} class="rerun-link" data-rerun-as={now.id}>{s.rerunAs} {link(now.id)}: {rerunSentence(r, now)}</p>
        ) : (
          <p key={i} class="muted rerun-waiting">{s.waiting}</p>
        );
      })}
      {state === 'confirm' ? (
        <div class="rerun-confirm" role="group" aria-label={s.section}>
          <p>{s.confirm(report.method, report.url)}</p>
          {actual?.requestBody != null ? (
            <label>
              <input type="checkbox" checked={withBody} onChange={(e) => setWithBody((e.target as HTMLInputElement).checked)} /> {s.includeBody(bodyBytes)}
            </label>
          ) : bodyBytes > 0 ? <p class="muted">{s.bodyNotCaptured}</p> : null}
          <button type="button" class="rerun-send" onClick={() => void send()}>{s.send}</button>{' '}
          <button type="button" class="rerun-cancel" onClick={() => setState('idle')}>{s.cancel}</button>
        </div>
      ) : (
        <button
          type="button"
          class="rerun-button"
          title={s.buttonTitle}
          disabled={!actual || state === 'sending'}
          onClick={() => (isSafeMethod(report.method) ? void send() : setState('confirm'))}
        >
          {state === 'sending' ? s.sending : s.button}
        </button>
      )}
      {error && <p class="rerun-error" role="alert">{error}</p>}
    </section>
  );
}
