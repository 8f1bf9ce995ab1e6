// The detail view of the selected exchange: summary, failures, checklist, why a preflight,
// hints, headers and Copy as cURL.
import type { ExchangeReport } from '../../core/analysis';
import { useStore } from '../context';
import { curlForPreflight, curlForRequest, requestBody } from '../curl';
import { strings } from '../strings';
import { entryOf, rawEntryOf } from '../store';
import { Checklist, Failures } from './Checklist';
import { CopyButton } from './CopyButton';
import { HeadersView } from './HeadersView';
import { ExchangeHints } from './HintsView';
import { LogsView } from './LogsView';
import { certaintyOf, VerdictBadge, verdictTitle } from './RequestList';
import { RerunButton } from './RerunButton';

function WhyPreflight({ report }: { report: ExchangeReport }) {
  const d = strings.detail;
  const reason = report.preflightReason;
  if (!reason) return null;
  return (
    <section class="section" aria-label={d.whyPreflight}>
      <h3>{d.whyPreflight}</h3>
      {!reason.needed ? (
        <p>{d.preflightNotNeeded}</p>
      ) : (
        <>
          <p>
            {d.preflightNeeded}
            {reason.source === 'preflight-request' && <span class="muted"> {d.fromPreflight}</span>}
          </p>
          <ul class="reasons">
            {!reason.methodSafelisted && <li>{d.methodNotSafelisted(report.method)}</li>}
            {reason.unsafeHeaders.map((h, i) => (
              <li key={i}>
                <code>{h.name}</code> {strings.unsafeHeaderWhy[h.why] ?? h.why}
                {h.detail && <span class="muted"> ({h.detail})</span>}
              </li>
            ))}
          </ul>
          {reason.avoid.length > 0 && (
            <>
              <p>{d.howToAvoid}</p>
              <ul class="avoid">{reason.avoid.map((a, i) => <li key={i}>{a}</li>)}</ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** One line saying the verdict is inferred (no browser signal), with Firefox's and Chrome's names. */
function CertaintyNote({ report }: { report: ExchangeReport }) {
  if (certaintyOf(report) !== 'inferred') return null;
  const c = strings.certainty;
  if (report.verdict === 'blocked' && report.corsError) {
    return <p class="certainty-note" role="note">≈ {c.detailBlocked(report.corsError, report.firefoxReason)}</p>;
  }
  if (report.verdict === 'allowed') return <p class="certainty-note" role="note">≈ {c.detailPass}</p>;
  return null;
}

function Curl({ report }: { report: ExchangeReport }) {
  const store = useStore();
  const d = strings.detail;
  const actual = entryOf(store, report.actualEntry);
  const preflight = entryOf(store, report.preflightEntry);
  const actualCurl = actual
    ? curlForRequest(actual, requestBody(rawEntryOf(store, report.actualEntry)))
    : curlForRequest({ method: report.method, url: report.url, requestHeaders: report.origin ? [['origin', report.origin]] : [] });
  const preflightCurl = report.kind === 'cors' ? curlForPreflight(report, preflight, actual) : null;
  return (
    <section class="section" aria-label={d.curl}>
      <h3>{d.curl}</h3>
      <div class="curl">
        <div class="fix-head">
          <span>{d.curlActual}</span>
          <CopyButton text={actualCurl} />
        </div>
        <pre class="snippet" data-curl="actual">{actualCurl}</pre>
      </div>
      {preflightCurl && (
        <div class="curl">
          <div class="fix-head">
            <span>{d.curlPreflight}</span>
            <CopyButton text={preflightCurl} />
          </div>
          <pre class="snippet" data-curl="preflight">{preflightCurl}</pre>
        </div>
      )}
    </section>
  );
}

export function Detail({ report, onClose }: { report: ExchangeReport; onClose: () => void }) {
  const store = useStore();
  const d = strings.detail;
  return (
    <div class="detail" role="region" aria-label={d.label} data-exchange-id={report.id} tabIndex={-1}>
      <header class="detail-head">
        <span class="head-verdict" title={verdictTitle(report)}>
          <VerdictBadge x={report} long={false} />
        </span>
        <span class="mono title" title={report.url}>{report.method} {report.url}</span>
        <button type="button" class="close" aria-label={d.close} title={d.close} onClick={onClose}>×</button>
      </header>
      <div class="detail-body">
        <section class="section summary" aria-label={d.summary}>
          <p class="summary-sentence">{report.summary}</p>
          <CertaintyNote report={report} />
          {report.hiddenStatus && <p class="hidden-status">{report.hiddenStatus.sentence}</p>}
          {report.unknownReason && <p class="muted">{report.unknownReason}</p>}
          <p class="muted facts">
            {d.origin(report.origin, report.originFrom)} · {d.credentials(report.credentials.value, report.credentials.from)}
          </p>
          <p class="muted facts">
            {d.pairing}: {strings.pairing[report.pairing.method] || report.pairing.method} — {report.pairing.detail}
          </p>
        </section>
        {report.kind === 'cors' && <Failures report={report} />}
        {report.kind === 'cors' && <Checklist report={report} />}
        <WhyPreflight report={report} />
        {report.kind === 'cors' && <ExchangeHints report={report} />}
        {report.kind === 'cors' && <LogsView report={report} />}
        <HeadersView preflight={entryOf(store, report.preflightEntry)} actual={entryOf(store, report.actualEntry)} />
        <Curl report={report} />
        <RerunButton report={report} />
      </div>
    </div>
  );
}
