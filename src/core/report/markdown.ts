// The Markdown report: pasteable into a GitHub issue or a support ticket. A summary table, then one section per
// blocked exchange. Dynamic text goes through `escapeMarkdown` (inline) or `markdownFence` (blocks); links are made
// only from our own https spec and documentation URLs.
import type { RedactionSummary } from '../redact';
import type { AnalysisReport, ExchangeReport, Hint } from '../types';
import { escapeHtml, escapeMarkdown as md, markdownFence } from './escape';
import { harEntries, rawMessages } from './har-access';
import type { ReportScope } from './scope';
import { CHECK_LABEL, REPORT_TITLE, VERDICT_LABEL, VERDICT_MARK, hiddenStatusOf, reasonOf, redactionLine } from './wording';
import { inferredFromText } from '../cors/wording';
import { logsMarkdown } from '../hints/logs';

export interface MarkdownOptions {
  readonly scope: ReportScope;
  readonly redaction: RedactionSummary;
}

const SAFE_LINK = /^https:\/\/[^\s()<>[\]`"']+$/;

/** `[label](url)` for our own https links; plain escaped text for anything else. */
function link(label: string, url: string): string {
  return SAFE_LINK.test(url) ? `[${md(label)}](${url})` : `${md(label)} (${md(url)})`;
}

/** Text inside the raw HTML of `<summary>`: GFM leaves it alone, other renderers may not, so Markdown syntax goes too. */
function htmlInMarkdown(value: string): string {
  return escapeHtml(value).replace(/[[\]|*_~\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderMarkdown(report: AnalysisReport, har: unknown, options: MarkdownOptions): string {
  const out: string[] = [];
  const c = report.counts;
  out.push(`# ${REPORT_TITLE}`, '');
  out.push(
    `${md(report.tool.name)} ${md(report.tool.version)} · scope: ${md(options.scope)} · input: ${report.input.entries} entries` +
      (report.input.skipped ? ` (${report.input.skipped} skipped)` : '') +
      (report.input.creator ? ` from ${md(report.input.creator)}` : ''),
    '',
    `**${c.cors} CORS exchanges:** ${c.blocked} blocked, ${c.allowed} allowed, ${c.unknown} unknown; ${c.notCors} not CORS.`,
    '',
    `> Redaction: ${md(redactionLine(options.redaction))}.`,
    '',
  );

  if (report.exchanges.length === 0) out.push('_No exchanges in this scope._', '');
  else {
    out.push(row(['#', 'Method', 'URL', 'Verdict', 'Reason', 'Hidden status']), row(['---', '---', '---', '---', '---', '---']));
    for (const x of report.exchanges) {
      out.push(
        row([
          md(x.id),
          md(x.method),
          md(x.url),
          `${VERDICT_MARK[x.verdict]} ${VERDICT_LABEL[x.verdict]}`,
          md(reasonOf(x)),
          md(hiddenStatusOf(x)),
        ]),
      );
    }
    out.push('');
  }

  const entries = harEntries(har);
  for (const x of report.exchanges) if (x.verdict === 'blocked') out.push(...exchangeSection(x, entries));

  if (report.problems.length > 0) {
    out.push('## Input problems', '');
    for (const p of report.problems) {
      const where = p.entry === null ? 'file' : `entry ${p.entry}${p.field ? ` ${p.field}` : ''}`;
      out.push(`- ${md(p.severity)} (${md(where)}): ${md(p.message)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function exchangeSection(x: ExchangeReport, entries: readonly unknown[]): string[] {
  const out: string[] = [];
  out.push(`## ${VERDICT_MARK[x.verdict]} ${md(x.method)} ${md(x.url)} (${md(x.id)})`, '');
  out.push(md(x.summary), '');
  const facts = [
    `**Origin:** ${md(x.origin ?? 'unknown')} (${md(x.originFrom)})`,
    `**Pairing:** ${md(x.pairing.method)}: ${md(x.pairing.detail)}`,
    `**Credentials:** ${md(x.credentials.value)} (${md(inferredFromText(x.credentials.from))})`,
    `**Status:** page saw ${x.pageStatus}, server sent ${x.serverStatus ?? 'nothing'}`,
  ];
  out.push(...facts.map((f) => `- ${f}`), '');
  if (x.hiddenStatus) out.push(`> **Hidden status:** ${md(x.hiddenStatus.sentence)}`, '');

  if (x.checks.length > 0) {
    out.push('### Checklist', '');
    out.push(row(['Stage', 'Header', 'Status', 'Expected', 'Actual', 'Spec']), row(['---', '---', '---', '---', '---', '---']));
    for (const r of x.checks) {
      out.push(
        row([
          md(r.stage),
          md(r.header),
          `${r.status === 'ok' ? '✅' : r.status === 'not-needed' || r.status === 'not-observed' ? '➖' : '❌'} ${CHECK_LABEL[r.status]}`,
          md(r.expected),
          r.actual === null ? '_absent_' : md(r.actual),
          link(r.spec.id, r.spec.url) + (r.note ? ` ${md(r.note)}` : ''),
        ]),
      );
    }
    out.push('');
  }

  if (x.allFailures.length > 0) {
    out.push('### All failures', '');
    for (const f of x.allFailures) {
      const param = f.failedParameter ? `, failed parameter ${md(f.failedParameter)}` : '';
      const entry = f.entry === null ? '' : `, entry ${f.entry}`;
      out.push(`- **${md(f.corsError)}** (${md(f.stage)}${entry}${param}): ${md(f.message)} ${link(f.spec.id, f.spec.url)}`);
      if (f.note) out.push(`  - ${md(f.note)}`);
    }
    out.push('');
  }

  const why = x.preflightReason;
  if (why && why.needed) {
    out.push('### Why a preflight', '');
    if (!why.methodSafelisted) out.push(`- The method ${md(x.method)} is not CORS-safelisted (GET, HEAD, POST).`);
    for (const h of why.unsafeHeaders) out.push(`- Header **${md(h.name)}**: ${md(h.why)}. ${md(h.detail)}`);
    for (const a of why.avoid) out.push(`- To avoid it: ${md(a)}`);
    out.push('');
  }

  if (x.hints.length > 0) {
    out.push('### How to fix', '');
    for (const h of x.hints) out.push(...hintSection(h));
  }
  out.push(...logsMarkdown(x));

  const raw = [x.preflightEntry, x.actualEntry].filter((i): i is number => i !== null && i < entries.length);
  if (raw.length > 0) {
    out.push('<details><summary>Headers</summary>', '');
    for (const i of raw) {
      const m = rawMessages(entries[i]);
      out.push(`Entry ${i}${i === x.preflightEntry ? ' (preflight)' : ''}:`, '', markdownFence(`${m.request}\n\n${m.response}`, 'http'), '');
    }
    out.push('</details>', '');
  }
  return out;
}

function hintSection(h: Hint): string[] {
  const out = [`#### ${md(h.title)} (${md(h.id)}, ${md(h.confidence)})`, '', md(h.explanation), ''];
  if (h.evidence.length > 0) out.push('Evidence:', '', ...h.evidence.map((e) => `- ${md(e)}`), '');
  for (const f of h.fixes) {
    // Inside an HTML block Markdown is not parsed: HTML escaping, not Markdown escaping.
    out.push(`<details><summary>${htmlInMarkdown(f.toolchain)}: ${htmlInMarkdown(f.title)}</summary>`, '', markdownFence(f.snippet, f.language), '', '</details>', '');
  }
  if (h.docs.length > 0) out.push(...h.docs.map((d) => `- ${link(d.title, d.url)}`), '');
  return out;
}
