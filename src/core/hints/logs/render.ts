// The log plan in the three text forms: CLI text lines, Markdown and HTML. The panel renders the same
// plan with its own components (src/ui/components/LogsView.tsx). Everything from the capture is escaped.
import type { ExchangeReport } from '../../types';
import { escapeHtml as e, escapeMarkdown as md } from '../../report/escape';
import { findInLogs } from './plan';
import type { LogSnippet, LogsPlan } from './types';

const LOGS_TITLE = 'Find it in the logs';

/** The snippets worth a line in a terminal: one search, the console link, and how to turn the log on and off. */
const TEXT_KINDS: ReadonlySet<LogSnippet['kind']> = new Set(['find', 'filter', 'fetch', 'console', 'enable', 'disable']);

function idsLine(plan: LogsPlan): string {
  return plan.ids.length ? plan.ids.map((i) => `${i.label} ${i.value}`).join('; ') : 'none in the capture (searched by time)';
}

/** CLI text: indented lines under the exchange (empty when there is nothing to search). */
export function logsText(x: ExchangeReport): string[] {
  const plan = findInLogs(x);
  if (!plan) return [];
  const out = [`  ${LOGS_TITLE}: ${plan.request}`, `    ids: ${idsLine(plan)}`];
  for (const s of plan.sources) {
    out.push(`    ▸ ${s.title} — ${s.where}`, `      Shows: ${s.shows}`);
    for (const n of s.notes) out.push(`      Note: ${n}`);
    for (const snip of s.snippets) {
      if (!TEXT_KINDS.has(snip.kind)) continue;
      out.push(`      ${snip.title}:`, ...snip.text.trimEnd().split('\n').map((l) => `        ${l}`));
    }
  }
  out.push('    (Logs Insights queries and tail commands: cors-lens report --format html)');
  return out;
}

/**
 * Markdown is sized for an issue (like its fixes: one toolchain): which logs hold this request and under which ids,
 * in one paragraph; every command, the Logs Insights queries and the console links are in the HTML report and the panel.
 */
export function logsMarkdown(x: ExchangeReport): string[] {
  const plan = findInLogs(x);
  if (!plan || plan.sources.length === 0) return [];
  return [
    `### ${LOGS_TITLE}`, '',
    `Ids: ${md(idsLine(plan))}. Logs: ${plan.sources.map((s) => md(s.title)).join('; ')}. The commands for each, filled from this request: the HTML report or the panel.`, '',
  ];
}

/** HTML: a `<details>` block laid out like the fixes (empty string when there is nothing to search). */
export function logsHtml(x: ExchangeReport): string {
  const plan = findInLogs(x);
  if (!plan) return '';
  const sources = plan.sources
    .map((s) => {
      const notes = s.notes.length ? `<ul>${s.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : '';
      const snippets = s.snippets.map((snip) => `<details><summary>${e(snip.title)}</summary><pre><code class="lang-${e(snip.language)}">${e(snip.text)}</code></pre></details>`).join('');
      return `<h3>${e(s.title)} <span class="muted">${e(s.where)}</span></h3><p>${e(s.shows)}</p>${notes}${snippets}`;
    })
    .join('');
  return `<details open class="logs"><summary>${e(LOGS_TITLE)}</summary><p class="muted">${e(plan.request)} · ids: ${e(idsLine(plan))}</p>${sources}</details>`;
}

