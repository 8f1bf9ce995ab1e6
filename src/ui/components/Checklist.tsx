// The checklist (preflight and actual request side by side when there is room, one row per checked
// header, collapsible), every failing check, and the advisories of an allowed request.
import type { CheckRow, ExchangeReport, SpecStep } from '../../core/analysis';
import { plainCorsError } from '../format';
import { strings } from '../strings';
import { certaintyOf } from './RequestList';

const FAILING = new Set(['missing', 'mismatched', 'invalid']);

/** A row that fails a check without causing a CORS error (Vary: Origin): advice, never shown as a failure. */
export function isAdvisory(row: CheckRow): boolean {
  return FAILING.has(row.status) && !row.corsError;
}

/** A spec step as a small link: "spec" with the step id in its tooltip (never the bare id as text). */
export function SpecLink({ spec }: { spec: SpecStep }) {
  return (
    <a class="spec" href={spec.url} target="_blank" rel="noreferrer" title={strings.detail.specTitle(spec.id)}>
      {strings.detail.spec}
    </a>
  );
}

function Status({ row }: { row: CheckRow }) {
  if (isAdvisory(row)) {
    return (
      <span class="check-status advisory" title={strings.detail.advisoryTitle}>
        {strings.advisoryStatus}
      </span>
    );
  }
  // The CorsError this row causes is named in "Every failing check"; here it is the status's tooltip.
  return (
    <span class={`check-status ${row.status}`} title={row.corsError ? plainCorsError(row.corsError) : undefined} data-error={row.corsError}>
      {strings.checkStatus[row.status]}
    </span>
  );
}

function StageTable({ title, rows, stage }: { title: string; rows: readonly CheckRow[]; stage: string }) {
  const c = strings.detail.checkColumns;
  return (
    <div class="stage" data-stage={stage}>
      <h4>{title}</h4>
      <table class="checks" aria-label={title}>
        <thead>
          <tr>
            <th scope="col">{c.header}</th>
            <th scope="col">{c.expected}</th>
            <th scope="col">{c.actual}</th>
            <th scope="col">{c.status}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr
              key={i}
              class={`check status-${row.status}${isAdvisory(row) ? ' advisory' : ''}`}
              data-header={row.header}
              data-status={row.status}
              data-advisory={isAdvisory(row) ? 'true' : undefined}
            >
              <td class="mono">{row.header}</td>
              <td class="mono" data-label={c.expected}><span>{row.expected}</span></td>
              <td class="mono" data-label={c.actual}>{row.actual !== null ? <span>{row.actual}</span> : <span class="muted">{strings.detail.absent}</span>}</td>
              <td data-label={c.status}>
                <div>
                  <Status row={row} /> <SpecLink spec={row.spec} />
                  {row.note && <div class="muted note">{row.note}</div>}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Checklist({ report, open }: { report: ExchangeReport; open: boolean }) {
  const d = strings.detail;
  const preflight = report.checks.filter((r) => r.stage === 'preflight');
  const actual = report.checks.filter((r) => r.stage === 'actual');
  const stages = [
    { stage: 'preflight', title: d.preflightColumn, rows: preflight },
    { stage: 'actual', title: d.actualColumn, rows: actual },
  ].filter((s) => s.rows.length > 0);
  return (
    <details class="section checklist" open={open} aria-label={d.checklist}>
      <summary>
        <h3>{d.checklist}</h3>
        <span class="muted">{d.stageChecks(report.checks.length)}</span>
      </summary>
      {stages.length === 0 ? (
        <p class="muted">{d.allStagesNone}</p>
      ) : (
        <div class={`side-by-side stages-${stages.length}`}>
          {stages.map((s) => (
            <StageTable key={s.stage} title={s.title} stage={s.stage} rows={s.rows} />
          ))}
        </div>
      )}
    </details>
  );
}

/** The advisories of an allowed request (a check that is worth a look but broke nothing). */
export function Advisories({ report }: { report: ExchangeReport }) {
  const rows = report.checks.filter(isAdvisory);
  if (rows.length === 0) return null;
  const d = strings.detail;
  return (
    <section class="section advisories" aria-label={d.advisories}>
      <h3>{d.advisories}</h3>
      <ul>
        {rows.map((row, i) => (
          <li key={i} class="advisory" data-header={row.header}>
            <span class="check-status advisory" title={d.advisoryTitle}>{strings.advisoryStatus}</span>{' '}
            <code>{row.header}</code>: <span class="mono">{row.expected}</span>
            {row.note && <span class="muted"> — {row.note}</span>} <SpecLink spec={row.spec} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Failures({ report }: { report: ExchangeReport }) {
  const d = strings.detail;
  const inferred = certaintyOf(report) === 'inferred';
  if (report.allFailures.length === 0) return null;
  return (
    <section class="section" aria-label={d.failures}>
      <h3>{d.failures}</h3>
      <ol class="failures">
        {report.allFailures.map((f, i) => (
          <li key={i} class={`failure ${i === 0 ? 'first' : ''}`} data-error={f.corsError}>
            <span class="badge blocked" title={plainCorsError(f.corsError, f.failedParameter)}>{f.corsError}</span>
            {f.failedParameter && (
              <span class="mono param" title={d.failedParameter}> {f.failedParameter}</span>
            )}
            {i === 0 && <span class="chrome-reports"> {inferred ? strings.certainty.firstWouldReport : d.chromeReports}</span>}
            {f.firefoxReason && (
              <span class="ff-reason" title={strings.certainty.firefoxTitle}>{strings.certainty.firefoxName(f.firefoxReason)}</span>
            )}
            <div class="message">
              {f.message} <SpecLink spec={f.spec} />
            </div>
            {f.note && <div class="muted note">{f.note}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
