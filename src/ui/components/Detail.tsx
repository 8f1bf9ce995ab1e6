// The detail view of the selected exchange, in the order a user needs it: what happened (verdict
// sentence, hidden status), what to change (the fix for the chosen toolchain), then the evidence
// (every failing check, the checklist), why a preflight was needed, the headers, Copy as cURL, and
// how the verdict was judged.
import type { ExchangeReport } from '../../core/analysis';
import { useStore } from '../context';
import { clockTime, hostAndPath } from '../format';
import { strings } from '../strings';
import { entryOf } from '../store';
import { Advisories, Checklist, Failures } from './Checklist';
import { CopyButton } from './CopyButton';
import { curlsOf } from './curls';
import { HeadersView } from './HeadersView';
import { ExchangeHints } from './HintsView';
import { LogsView } from './LogsView';
import { LazyExchangeFindings } from './LazyApisView';
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
  const d = strings.detail;
  const curls = curlsOf(useStore(), report);
  return (
    <section class="section" aria-label={d.curl}>
      <h3>{d.curl}</h3>
      <div class="curl">
        <div class="fix-head">
          <span>{d.curlActual}</span>
          <CopyButton text={curls.actual} />
        </div>
        <pre class="snippet" data-curl="actual">{curls.actual}</pre>
      </div>
      {curls.preflight && (
        <div class="curl">
          <div class="fix-head">
            <span>{d.curlPreflight}</span>
            <CopyButton text={curls.preflight} />
          </div>
          <pre class="snippet" data-curl="preflight">{curls.preflight}</pre>
        </div>
      )}
    </section>
  );
}

/** Where the verdict's inputs came from (page origin, credentials, preflight pairing), in plain words. */
function HowJudged({ report }: { report: ExchangeReport }) {
  const d = strings.detail;
  if (report.kind !== 'cors') return null;
  return (
    <section class="section how-judged" aria-label={d.more}>
      <h3>{d.more}</h3>
      <p class="muted facts">{d.origin(report.origin, report.originFrom)}</p>
      <p class="muted facts">{d.credentials(report.credentials.value, report.credentials.from)}</p>
      <p class="muted facts">{d.pairingLine(report.pairing.method)}</p>
    </section>
  );
}

/** The answer first: for a blocked request the fix; for an allowed one "nothing to fix" and any advisory. */
function Answer({ report }: { report: ExchangeReport }) {
  const d = strings.detail;
  if (report.kind !== 'cors') return <p class="nothing-to-fix">{d.notCors}</p>;
  if (report.verdict === 'allowed') {
    return (
      <>
        <p class="nothing-to-fix" data-answer="nothing-to-fix">✓ {d.nothingToFix}</p>
        <Advisories report={report} />
      </>
    );
  }
  return <ExchangeHints report={report} />;
}

/** The exchange is one of a line of repeats (store.ts groupRepeats): how many, over what span, and which one this is. */
function RepeatNote({ report }: { report: ExchangeReport }) {
  const store = useStore();
  const { rows, lineOf } = store.list.value;
  const at = lineOf(report);
  const row = at === undefined ? undefined : rows[at];
  if (!row || row.count < 2) return null;
  return <p class="repeat-note muted">{strings.detail.repeats(row.count, clockTime(row.firstMs), clockTime(row.x.startedMs), clockTime(report.startedMs))}</p>;
}

export function Detail({ report, onClose, onBack }: { report: ExchangeReport; onClose: () => void; onBack?: () => void }) {
  const store = useStore();
  const d = strings.detail;
  const blocked = report.kind === 'cors' && report.verdict !== 'allowed';
  return (
    <div class="detail" role="region" aria-label={d.label} data-exchange-id={report.id} tabIndex={-1}>
      <header class="detail-head">
        {onBack && (
          <button type="button" class="back" title={d.backTitle} aria-label={d.back} onClick={onBack}>
            ‹ <span class="back-label">{d.back}</span>
          </button>
        )}
        <span class="head-verdict" title={verdictTitle(report)}>
          <VerdictBadge x={report} long={false} />
        </span>
        <span class="mono title" title={report.url}>
          {report.method} {hostAndPath(report.url)}
        </span>
        <button type="button" class="close" aria-label={d.close} title={d.close} onClick={onClose}>×</button>
      </header>
      <div class="detail-body">
        <section class="section summary" aria-label={d.summary}>
          <p class="summary-sentence">{report.summary}</p>
          <CertaintyNote report={report} />
          <RepeatNote report={report} />
          {report.hiddenStatus && <p class="hidden-status">{report.hiddenStatus.sentence}</p>}
          {report.unknownReason && <p class="muted">{report.unknownReason}</p>}
        </section>
        <Answer report={report} />
        {/* Sections other parts of CORS Lens add for this request (findings, where to find it in the logs,
            re-run from the page) mount here, each as its own component, one line each. */}
        {report.kind === 'cors' && <LazyExchangeFindings report={report} />}
        {report.kind === 'cors' && <LogsView report={report} />}
        {report.kind === 'cors' && blocked && <Failures report={report} />}
        {report.kind === 'cors' && <Checklist report={report} open={blocked} />}
        <WhyPreflight report={report} />
        <HeadersView preflight={entryOf(store, report.preflightEntry)} actual={entryOf(store, report.actualEntry)} />
        <Curl report={report} />
        <RerunButton report={report} />
        <HowJudged report={report} />
      </div>
    </div>
  );
}
