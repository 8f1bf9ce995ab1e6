// The checklist: preflight and actual request side by side, one row per checked header.
import type { CheckRow, ExchangeReport } from '../../core/analysis';
import { strings } from '../strings';
import { certaintyOf } from './RequestList';

function StageTable({ title, rows, stage }: { title: string; rows: readonly CheckRow[]; stage: string }) {
  const c = strings.detail.checkColumns;
  return (
    <div class="stage" data-stage={stage}>
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p class="muted">{strings.detail.noChecks}</p>
      ) : (
        <table class="checks" aria-label={title}>
          <thead>
            <tr>
              <th scope="col">{c.header}</th>
              <th scope="col">{c.expected}</th>
              <th scope="col">{c.actual}</th>
              <th scope="col">{c.status}</th>
              <th scope="col">{c.spec}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} class={`check status-${row.status}`} data-header={row.header} data-status={row.status}>
                <td class="mono">{row.header}</td>
                <td class="mono" data-label={c.expected}><span>{row.expected}</span></td>
                <td class="mono" data-label={c.actual}>{row.actual !== null ? <span>{row.actual}</span> : <span class="muted">{strings.detail.absent}</span>}</td>
                <td data-label={c.status}>
                  <div>
                    <span class={`check-status ${row.status}`}>{strings.checkStatus[row.status]}</span>
                    {row.corsError && <span class="check-error"> {row.corsError}</span>}
                    {row.note && <div class="muted note">{row.note}</div>}
                  </div>
                </td>
                <td data-label={c.spec}>
                  <a href={row.spec.url} target="_blank" rel="noreferrer">{row.spec.id}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function Checklist({ report }: { report: ExchangeReport }) {
  const d = strings.detail;
  return (
    <section class="section" aria-label={d.checklist}>
      <h3>{d.checklist}</h3>
      <div class="side-by-side">
        <StageTable title={d.preflightColumn} stage="preflight" rows={report.checks.filter((r) => r.stage === 'preflight')} />
        <StageTable title={d.actualColumn} stage="actual" rows={report.checks.filter((r) => r.stage === 'actual')} />
      </div>
    </section>
  );
}

export function Failures({ report }: { report: ExchangeReport }) {
  const d = strings.detail;
  const inferred = certaintyOf(report) === 'inferred';
  return (
    <section class="section" aria-label={d.failures}>
      <h3>{d.failures}</h3>
      {report.allFailures.length === 0 ? (
        <p class="muted">{d.noFailures}</p>
      ) : (
        <ol class="failures">
          {report.allFailures.map((f, i) => (
            <li key={i} class={`failure ${i === 0 ? 'first' : ''}`} data-error={f.corsError}>
              <span class="badge blocked">{f.corsError}</span>
              {f.failedParameter && (
                <span class="mono param" title={d.failedParameter}> {f.failedParameter}</span>
              )}
              {i === 0 && <span class="chrome-reports"> {inferred ? strings.certainty.firstWouldReport : d.chromeReports}</span>}
              {f.firefoxReason && (
                <span class="ff-reason" title={strings.certainty.firefoxTitle}>{strings.certainty.firefoxName(f.firefoxReason)}</span>
              )}
              <div class="message">{f.message}</div>
              {f.note && <div class="muted note">{f.note}</div>}
              <a class="spec" href={f.spec.url} target="_blank" rel="noreferrer">{f.spec.id}</a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
