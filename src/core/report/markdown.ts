// The Markdown report: pasteable into a GitHub issue or a support ticket. A summary table, then one section per
// blocked exchange. Dynamic text goes through `escapeMarkdown` (inline) or `markdownFence` (blocks); links are made
// only from our own https spec and documentation URLs.
import type { RedactionSummary } from '../redact';
import type { AnalysisReport, ExchangeReport, Hint, HintFix, Toolchain } from '../types';
import { escapeHtml, escapeMarkdown as md, markdownFence } from './escape';
import { apisMarkdown } from './apis';
import { harEntries } from './har-access';
import { NOISE_NOTE, compactMessages, createLinkRefs, type LinkRefs } from './markdown-compact';
import type { ReportScope } from './scope';
import { CHECK_LABEL, REPORT_TITLE, VERDICT_LABEL, VERDICT_MARK, hiddenStatusOf, reasonOf, redactionLine } from './wording';
import { inferredFromText } from '../cors/wording';
import { logsMarkdown } from '../hints/logs';

export interface MarkdownOptions {
  readonly scope: ReportScope;
  readonly redaction: RedactionSummary;
  /**
   * Whose fixes are written: a toolchain (a request with no fix for it gets its first toolchain's, as the
   * panel shows it), `'all'` for every toolchain's, or absent for each request's first toolchain. One
   * toolchain keeps a report of 20 blocked requests under GitHub's 65,536-character issue body.
   */
  readonly toolchain?: Toolchain | 'all';
}

/** What was already written, so an identical fix or explanation is written once ("same fix as request 3"). */
interface Written {
  readonly fixes: Map<string, number>;
  readonly explanations: Map<string, { readonly n: number; readonly filled: string | undefined }>;
  readonly refs: LinkRefs;
  readonly docs: Set<string>;
}


/** Text inside the raw HTML of `<summary>`: GFM leaves it alone, other renderers may not, so Markdown syntax goes too. */
function htmlInMarkdown(value: string): string {
  return escapeHtml(value).replace(/[[\]|*_~\\]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderMarkdown(report: AnalysisReport, har: unknown, options: MarkdownOptions): string {
  const w = createMarkdownWriter(options);
  const entries = harEntries(har);
  const entryAt = (i: number): unknown => (i < entries.length ? entries[i] : undefined);
  const out = w.head(report, { exchanges: report.exchanges.length, anyBlocked: report.exchanges.some((x) => x.verdict === 'blocked') });
  report.exchanges.forEach((x, i) => out.push(w.row(x, i + 1)));
  if (report.exchanges.length > 0) out.push('');
  report.exchanges.forEach((x, i) => out.push(...w.section(x, i + 1, entryAt)));
  out.push(...w.tail(report));
  return out.join('\n');
}

/** The lookup of a raw (redacted) HAR entry by index: `undefined` when the file has no such entry. */
export type EntryAt = (index: number) => unknown;

export interface MarkdownWriter {
  /** The lines before the table's rows (the table's header, or the line saying there are no exchanges). */
  head(report: AnalysisReport, shown: { readonly exchanges: number; readonly anyBlocked: boolean }): string[];
  /** The table row of the `n`th exchange (from 1); after the rows, one empty line. */
  row(x: ExchangeReport, n: number): string;
  /** The section of the `n`th exchange (none unless it is blocked), in order: it refers back to earlier ones. */
  section(x: ExchangeReport, n: number, entryAt: EntryAt): string[];
  /** The closing lines (input problems, link definitions). */
  tail(report: AnalysisReport): string[];
}

/**
 * The Markdown report in parts, for a report whose exchanges stream past (`cors-lens report`): the lines are
 * `head`, a `row` per exchange, an empty line when there were rows, a `section` per exchange and `tail`, joined
 * with newlines.
 */
export function createMarkdownWriter(options: MarkdownOptions): MarkdownWriter {
  const written: Written = { fixes: new Map(), explanations: new Map(), refs: createLinkRefs(), docs: new Set() };
  return {
    head(report, { exchanges, anyBlocked }) {
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
      // The API view first: users fix APIs, not requests.
      out.push(...apisMarkdown(report.apis, options.toolchain));
      if (anyBlocked) {
        const all = options.toolchain === 'all';
        out.push(
          `> Fixes: ${all ? 'every toolchain' : `${options.toolchain ? md(options.toolchain) : "each request's first toolchain"} (the HTML report has every toolchain's, and every check)`}; ` +
            `a fix or explanation already given is referred to by request number. ${NOISE_NOTE}`,
          '',
        );
      }
      if (exchanges === 0) out.push('_No exchanges in this scope._', '');
      else out.push(row(['#', 'Method', 'URL', 'Verdict', 'Reason', 'Hidden status']), row(['---', '---', '---', '---', '---', '---']));
      return out;
    },
    row: (x, n) =>
      row([String(n), md(x.method), md(x.url), `${VERDICT_MARK[x.verdict]} ${VERDICT_LABEL[x.verdict]}`, md(reasonOf(x)), md(hiddenStatusOf(x))]),
    section: (x, n, entryAt) => (x.verdict === 'blocked' ? exchangeSection(x, n, entryAt, options.toolchain, written) : []),
    tail(report) {
      const out: string[] = [];
      if (report.problems.length > 0) {
        out.push('## Input problems', '');
        for (const p of report.problems) {
          const where = p.entry === null ? 'file' : `entry ${p.entry}${p.field ? ` ${p.field}` : ''}`;
          out.push(`- ${md(p.severity)} (${md(where)}): ${md(p.message)}`);
        }
        out.push('');
      }
      const definitions = written.refs.definitions();
      if (definitions.length > 0) out.push(...definitions, '');
      return out;
    },
  };
}

function exchangeSection(x: ExchangeReport, n: number, entryAt: EntryAt, wanted: Toolchain | 'all' | undefined, written: Written): string[] {
  const out: string[] = [];
  out.push(`## ${n}. ${VERDICT_MARK[x.verdict]} ${md(x.method)} ${md(x.url)}`, '');
  out.push(md(x.summary), '');
  // One line of facts: where the request came from, how it was sent, what the page and the server saw.
  const facts = [
    `**Origin** ${md(x.origin ?? 'unknown')}`,
    `**credentials** ${md(x.credentials.value)} (${md(inferredFromText(x.credentials.from))})`,
    `**status** page saw ${x.pageStatus}, server sent ${x.serverStatus ?? 'nothing'}`,
  ];
  out.push(facts.join(' · '), '');
  // The summary usually says it already ("The server answered 502 Bad Gateway.").
  const hiddenSaid = x.hiddenStatus && x.summary.includes(`${x.hiddenStatus.status} ${x.hiddenStatus.statusText}`.trim());
  if (x.hiddenStatus && !hiddenSaid) out.push(`> **Hidden status:** ${md(x.hiddenStatus.sentence)}`, '');

  // The failing rows; the passing ones and those not needed for this request are in the HTML report.
  const checks = x.checks.filter((r) => r.status === 'missing' || r.status === 'mismatched' || r.status === 'invalid');
  if (checks.length > 0) {
    out.push('### Checklist', '');
    out.push(row(['Stage', 'Header', 'Status', 'Expected', 'Actual', 'Spec']), row(['---', '---', '---', '---', '---', '---']));
    for (const r of checks) {
      out.push(
        row([
          md(r.stage),
          md(r.header),
          `${r.status === 'ok' ? '✅' : r.status === 'not-needed' || r.status === 'not-observed' ? '➖' : '❌'} ${CHECK_LABEL[r.status]}`,
          md(r.expected),
          r.actual === null ? '_absent_' : md(r.actual),
          written.refs.link(r.spec.id, r.spec.url) + (r.note ? ` ${md(r.note)}` : ''),
        ]),
      );
    }
    out.push('');
  }

  // Every failing check is a row of the checklist above; their messages and spec steps are in the HTML report.

  const why = x.preflightReason;
  if (why && why.needed) {
    out.push('### Why a preflight', '');
    if (!why.methodSafelisted) out.push(`- The method ${md(x.method)} is not CORS-safelisted (GET, HEAD, POST).`);
    for (const h of why.unsafeHeaders) out.push(`- Header **${md(h.name)}**: ${md(h.detail)}`);
    out.push('');
  }

  if (x.hints.length > 0) {
    const toolchain = wanted === 'all' ? 'all' : pickToolchain(x.hints, wanted);
    out.push(`### How to fix${toolchain === 'all' || toolchain === null || toolchain === 'generic' ? '' : ` (${md(toolchain)})`}`, '');
    for (const h of x.hints) out.push(...hintSection(h, n, fixesFor(h, toolchain, wanted), toolchain === 'all', written, x.summary));
  }
  // Where to find it in the logs: in the full Markdown (every toolchain); the issue-sized one points at the HTML report.
  if (wanted === 'all') out.push(...logsMarkdown(x));

  const raw = [x.preflightEntry, x.actualEntry].filter((i): i is number => i !== null && entryAt(i) !== undefined);
  if (raw.length > 0) {
    out.push('<details><summary>Headers</summary>', '');
    // A preflight that passed: its request line and its answer's CORS headers (the failure is the actual response's).
    const preflightPassed = !x.allFailures.some((f) => f.stage === 'preflight');
    for (const i of raw) {
      const m = compactMessages(entryAt(i), i === x.preflightEntry && preflightPassed && raw.length > 1);
      // A request its preflight stopped was never sent: no response to show.
      out.push(markdownFence(m.answered ? `${m.request}\n\n${m.response}` : m.request, 'http'), '');
    }
    out.push('</details>', '');
  }
  return out;
}

const EVIDENCE_SHOWN = 3;
/** The hint engine's closing sentence naming the values it filled in (src/core/hints/fill.ts). */
const FILLED = / ?(?:Filled from this request: [^\n]*|Replace the UPPER_CASE placeholders with your values\.)$/;

/**
 * The toolchain whose fixes a request shows: the wanted one if any hint has a fix for it, else the first
 * toolchain with a real fix (not "the change is elsewhere") for the first hint, else the first there is.
 */
export function pickToolchain(hints: readonly Hint[], wanted: Toolchain | undefined): Toolchain | null {
  const available = hints.flatMap((h) => h.fixes.map((f) => f.toolchain));
  if (wanted !== undefined && available.includes(wanted)) return wanted;
  return hints[0]?.fixes.find((f) => f.copy !== false)?.toolchain ?? available[0] ?? null;
}

/**
 * A hint's fixes for `toolchain`: its own; else the first toolchain-independent one (page code, or the first
 * generic server example — the others, nginx…, are in the HTML report).
 */
export function fixesFor(h: Hint, toolchain: Toolchain | 'all' | null, wanted?: Toolchain | 'all'): readonly HintFix[] {
  if (toolchain === 'all') return h.fixes;
  const own = toolchain === 'generic' && wanted !== 'generic' ? [] : h.fixes.filter((f) => f.toolchain === toolchain);
  return own.length > 0 ? own : h.fixes.filter((f) => f.toolchain === 'generic').slice(0, 1);
}

function hintSection(h: Hint, n: number, shown: readonly HintFix[], everything: boolean, written: Written, summary: string): string[] {
  // "Also check" hints (possible) in one line each, with their most telling evidence; in full in the HTML report.
  if (h.confidence === 'possible' && !everything) {
    return [`- **Also check:** ${md(h.title)} (${md(h.id)})${h.evidence[0] ? ` — ${md(h.evidence[0])}` : ''}`, ''];
  }
  const out = [`#### ${md(h.title)} (${md(h.id)}, ${md(h.confidence)})`, ''];
  // The same explanation for another request (its "Filled from this request: …" aside) is not repeated.
  const general = h.explanation.replace(FILLED, '');
  const filled = FILLED.exec(h.explanation)?.[0].trim();
  const explained = written.explanations.get(general);
  if (explained === undefined) {
    written.explanations.set(general, { n, filled });
    out.push(md(h.explanation), '');
  } else out.push(`_Why: as under request ${explained.n}.${filled && filled !== explained.filled ? ` ${md(filled)}` : ''}_`, '');
  // The most telling evidence first (the hint engine orders it); the rest is in the HTML report.
  const evidence = h.evidence.filter((e) => !summary.includes(e.trim())).slice(0, EVIDENCE_SHOWN);
  if (evidence.length > 0) out.push('Evidence:', '', ...evidence.map((e) => `- ${md(e)}`), ...(h.evidence.length > evidence.length ? [`- _${h.evidence.length - evidence.length} more in the HTML report._`] : []), '');
  for (const f of shown) {
    const label = `${f.toolchain}: ${f.title}`;
    const key = `${f.toolchain}\u0000${f.title}\u0000${f.snippet}`;
    const first = written.fixes.get(key);
    if (first !== undefined) {
      out.push(`- ${md(label)}: same fix as request ${first}.`, '');
      continue;
    }
    written.fixes.set(key, n);
    if (f.copy === false) {
      // Prose saying where the fix is instead: text, not a code block.
      out.push(`- ${md(label)}: ${md(f.snippet.trim())}`, '');
      continue;
    }
    // Inside an HTML block Markdown is not parsed: HTML escaping, not Markdown escaping.
    out.push(`<details><summary>${htmlInMarkdown(f.toolchain)}: ${htmlInMarkdown(f.title)}</summary>`, '', markdownFence(f.snippet, f.language), '', '</details>', '');
  }
  // Documentation once per pitfall.
  if (h.docs.length > 0 && !written.docs.has(h.id)) {
    written.docs.add(h.id);
    out.push(`Docs: ${h.docs.map((d) => written.refs.link(d.title, d.url)).join(', ')}`, '');
  }
  return out;
}
