// The HTML report: one self-contained file for people without the extension, laid out like the panel's detail view.
// No script, no external request (a CSP meta tag forbids both), every dynamic value through `escapeHtml`, every
// attribute double-quoted, URLs shown as text — the only links are in-page anchors built by `htmlId`.
import type { RedactionSummary } from '../redact';
import { isCorsEvidenceHeader } from '../redact';
import type { AnalysisReport, CheckRow, ExchangeReport, Hint } from '../types';
import { escapeHtml as e, htmlId, textOf } from './escape';
import { REPORT_CSS } from './html-style';
import { apisHtml } from './apis';
import { harEntries, headersOf, entryMessage, type RawHeader } from './har-access';
import type { ReportScope } from './scope';
import type { EntryAt } from './markdown';
import { CHECK_LABEL, REPORT_TITLE, VERDICT_LABEL, hiddenStatusOf, reasonOf, redactionLine } from './wording';
import { inferredFromText } from '../cors/wording';
import { logsHtml } from '../hints/logs';

export interface HtmlOptions {
  readonly scope: ReportScope;
  readonly redaction: RedactionSummary;
}

/** The policy of the report page. `base-uri`/`form-action` are not covered by `default-src`, so they are named. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const chip = (cls: string, label: string): string => `<span class="chip ${e(cls)}">${e(label)}</span>`;
const kv = (rows: ReadonlyArray<readonly [string, string, string?]>): string =>
  `<dl class="kv">${rows.map(([k, v, cls]) => `<dt${cls ? ` class="${e(cls)}"` : ''}>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;

export function renderHtml(report: AnalysisReport, har: unknown, options: HtmlOptions): string {
  const entries = harEntries(har);
  const entryAt = (i: number): unknown => (i < entries.length ? entries[i] : undefined);
  const detailed = report.exchanges.filter((x) => x.kind === 'cors');
  const w = createHtmlWriter(options, new Set(detailed.map((x) => x.id)));
  return (
    w.head(report, report.exchanges.length) +
    report.exchanges.map((x) => w.row(x)).join('\n') +
    w.afterRows(report.exchanges.length) +
    detailed.map((x) => w.section(x, entryAt)).join('\n') +
    w.tail(report)
  );
}

export interface HtmlWriter {
  /** Everything before the table's rows, for a report of `exchanges` exchanges. */
  head(report: AnalysisReport, exchanges: number): string;
  /** A row of the table; rows are joined with newlines. */
  row(x: ExchangeReport): string;
  /** What closes the table, then opens the sections. */
  afterRows(exchanges: number): string;
  /** The section of a CORS exchange (only those have one); sections are joined with newlines. */
  section(x: ExchangeReport, entryAt: EntryAt): string;
  tail(report: AnalysisReport): string;
}

/**
 * The HTML report in parts, for a report whose exchanges stream past (`cors-lens report`): `head`, the rows,
 * `afterRows`, the sections, `tail`. `detailIds`: the ids of the CORS exchanges (their rows link to their sections).
 */
export function createHtmlWriter(options: HtmlOptions, detailIds: ReadonlySet<string>): HtmlWriter {
  return {
    head(report, exchanges) {
      const c = report.counts;
      const warn = options.redaction.secretsRedacted ? '' : ' bad';
      return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(REPORT_TITLE)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="toolbar"><h1>${e(REPORT_TITLE)}</h1>
<span class="muted">${e(report.tool.name)} ${e(report.tool.version)} · scope ${e(options.scope)} · ${e(report.input.entries)} entries${report.input.creator ? ` from ${e(report.input.creator)}` : ''}</span>
<span>${e(c.cors)} CORS: ${chip('v-blocked', `${c.blocked} blocked`)} ${chip('v-allowed', `${c.allowed} allowed`)} ${chip('v-unknown', `${c.unknown} unknown`)} <span class="muted">${e(c.notCors)} not CORS</span></span>
</header>
<main>
<p class="note${warn}">Redaction: ${e(redactionLine(options.redaction))}.</p>
${apisHtml(report.apis, detailIds)}
${
  exchanges === 0
    ? '<p class="muted">No exchanges in this scope.</p>'
    : `<table class="grid"><thead><tr><th>#</th><th>Method</th><th>URL</th><th>Verdict</th><th>Reason</th><th>Hidden status</th></tr></thead>
<tbody>
`
}`;
    },
    row(x) {
      const name = detailIds.has(x.id) ? `<a href="#${e(htmlId(x.id))}">${e(x.url)}</a>` : e(x.url);
      return (
        `<tr><td class="mono nw">${e(x.id)}</td><td class="mono nw">${e(x.method)}</td><td>${name}</td>` +
        `<td class="nw">${chip(`v-${x.verdict}`, VERDICT_LABEL[x.verdict])}</td><td>${e(reasonOf(x))}</td><td>${e(hiddenStatusOf(x))}</td></tr>`
      );
    },
    afterRows: (exchanges) => (exchanges === 0 ? '\n' : '\n</tbody></table>\n'),
    section: (x, entryAt) => exchangeSection(x, entryAt),
    tail: (report) => `
${problems(report)}
</main>
</body>
</html>
`,
  };
}

function exchangeSection(x: ExchangeReport, entryAt: EntryAt): string {
  const general = kv([
    ['Request URL', e(x.url)],
    ['Request Method', e(x.method)],
    ['Verdict', chip(`v-${x.verdict}`, VERDICT_LABEL[x.verdict])],
    ['CORS error', e(x.corsError ?? '—')],
    ['Failed parameter', e(x.failedParameter ?? '—')],
    ['Origin', `${e(x.origin ?? 'unknown')} <span class="muted">(${e(x.originFrom)})</span>`],
    ['Credentials', `${e(x.credentials.value)} <span class="muted">(${e(inferredFromText(x.credentials.from))})</span>`],
    ['Pairing', `${e(x.pairing.method)} <span class="muted">${e(x.pairing.detail)}</span>`],
    ['Status', `page saw ${e(x.pageStatus)}, server sent ${e(x.serverStatus ?? 'nothing')}`],
    ['Browser said', e(x.browser.error ?? x.browser.kind)],
  ]);
  const parts = [
    `<section class="exchange" id="${e(htmlId(x.id))}">`,
    `<h2>${chip(`v-${x.verdict}`, VERDICT_LABEL[x.verdict])} ${e(x.method)} ${e(x.url)} <span class="muted">${e(x.id)}</span></h2>`,
    `<p>${e(x.summary)}</p>`,
    x.unknownReason ? `<p class="note">${e(x.unknownReason)}</p>` : '',
    x.hiddenStatus ? `<p class="note bad"><strong>Hidden status:</strong> ${e(x.hiddenStatus.sentence)}</p>` : '',
    `<details open><summary>General</summary>${general}</details>`,
    checks(x.checks),
    failures(x),
    preflightWhy(x),
    x.hints.length > 0 ? `<details open><summary>How to fix</summary>${x.hints.map(hint).join('')}</details>` : '',
    logsHtml(x),
    messages('Preflight', x.preflightEntry, entryAt),
    messages('Actual request', x.actualEntry, entryAt),
    '</section>',
  ];
  return parts.filter(Boolean).join('\n');
}

function checks(rows: readonly CheckRow[]): string {
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr><td class="nw">${e(r.stage)}</td><td class="mono">${e(r.header)}</td><td class="nw">${chip(`c-${r.status}`, CHECK_LABEL[r.status])}</td>` +
        `<td class="mono">${e(r.expected)}</td><td class="mono">${r.actual === null ? '<span class="muted">absent</span>' : e(r.actual)}</td>` +
        `<td><span class="mono">${e(r.spec.id)}</span> <span class="muted">${e(r.spec.url)}</span>${r.note ? `<br>${e(r.note)}` : ''}</td></tr>`,
    )
    .join('');
  return (
    '<details open><summary>CORS checks</summary><table class="grid"><thead><tr><th>Stage</th><th>Header</th><th>Status</th>' +
    `<th>Expected</th><th>Actual</th><th>Spec</th></tr></thead><tbody>${body}</tbody></table></details>`
  );
}

function failures(x: ExchangeReport): string {
  if (x.allFailures.length === 0) return '';
  const items = x.allFailures
    .map(
      (f) =>
        `<li><strong class="mono">${e(f.corsError)}</strong> <span class="muted">(${e(f.stage)}${f.entry === null ? '' : `, entry ${e(f.entry)}`}` +
        `${f.failedParameter ? `, failed parameter <code>${e(f.failedParameter)}</code>` : ''})</span> ${e(f.message)}` +
        ` <span class="muted">${e(f.spec.id)} ${e(f.spec.url)}</span>${f.note ? `<br>${e(f.note)}` : ''}</li>`,
    )
    .join('');
  return `<details open><summary>All failures</summary><ul>${items}</ul></details>`;
}

function preflightWhy(x: ExchangeReport): string {
  const why = x.preflightReason;
  if (!why || !why.needed) return '';
  const items = [
    why.methodSafelisted ? '' : `<li>The method <code>${e(x.method)}</code> is not CORS-safelisted (GET, HEAD, POST).</li>`,
    ...why.unsafeHeaders.map((h) => `<li>Header <code>${e(h.name)}</code>: ${e(h.why)}. ${e(h.detail)}</li>`),
    ...why.avoid.map((a) => `<li>To avoid it: ${e(a)}</li>`),
  ];
  return `<details open><summary>Why a preflight</summary><ul>${items.join('')}</ul></details>`;
}

function hint(h: Hint): string {
  const fixes = h.fixes
    .map((f) => `<details><summary>${e(f.toolchain)}: ${e(f.title)}</summary>${f.copy === false ? `<p>${e(f.snippet)}</p>` : `<pre><code class="lang-${e(f.language)}">${e(f.snippet)}</code></pre>`}</details>`)
    .join('');
  const evidence = h.evidence.length > 0 ? `<ul>${h.evidence.map((v) => `<li>${e(v)}</li>`).join('')}</ul>` : '';
  const docs = h.docs.length > 0 ? `<ul>${h.docs.map((d) => `<li>${e(d.title)} <span class="muted">${e(d.url)}</span></li>`).join('')}</ul>` : '';
  return `<h3>${e(h.title)} <span class="muted">${e(h.id)} · ${e(h.confidence)}</span></h3><p>${e(h.explanation)}</p>${evidence}${fixes}${docs}`;
}

function headerRows(headers: readonly RawHeader[]): string {
  if (headers.length === 0) return '<p class="muted">No headers recorded.</p>';
  return kv(headers.map((h) => [h.name, e(h.value), isCorsEvidenceHeader(h.name.toLowerCase()) ? 'cors' : undefined] as const));
}

function messages(label: string, index: number | null, entryAt: EntryAt): string {
  const entry = index === null ? undefined : entryAt(index);
  if (index === null || entry === undefined) return '';
  const req = entryMessage(entry, 'request');
  const res = entryMessage(entry, 'response');
  const status = `${textOf(res?.status)} ${textOf(res?.statusText)}`.trim();
  return (
    `<details open><summary>${e(label)} <span class="muted">entry ${e(index)} · ${e(req?.method ?? '')} · ${e(status)}</span></summary>` +
    `<h3>Response Headers</h3>${headerRows(headersOf(entry, 'response'))}<h3>Request Headers</h3>${headerRows(headersOf(entry, 'request'))}</details>`
  );
}

function problems(report: AnalysisReport): string {
  if (report.problems.length === 0) return '';
  const items = report.problems
    .map((p) => `<li>${e(p.severity)} <span class="muted">(${p.entry === null ? 'file' : `entry ${e(p.entry)}${p.field ? ` ${e(p.field)}` : ''}`})</span>: ${e(p.message)}</li>`)
    .join('');
  return `<details open><summary>Input problems</summary><ul>${items}</ul></details>`;
}
