// The API section that opens the Markdown and HTML reports: each API with its routes and observed policy,
// the consolidated fixes (every toolchain, folded) and the findings, linking to the exchanges.
import type { ApiReport, ObservedPolicy } from '../api/types';
import { FINDINGS } from '../findings/catalog';
import { escapeHtml as e, escapeMarkdown as md, htmlId, markdownFence } from './escape';

const values = (list: ReadonlyArray<string | null>) => (list.length === 0 ? '—' : list.map((v) => v ?? '(absent)').join(' / '));
const POLICY_COLUMNS: ReadonlyArray<readonly [keyof ObservedPolicy, string]> = [
  ['allowOrigin', 'Allow-Origin'], ['allowCredentials', 'Credentials'], ['allowMethods', 'Methods'], ['allowHeaders', 'Headers'],
  ['maxAge', 'Max-Age'], ['exposeHeaders', 'Expose'], ['vary', 'Vary'],
];
const htmlInSummary = (s: string) => e(s).replace(/[[\]|*_~\\]/g, (c) => `&#${c.charCodeAt(0)};`);

export function apisMarkdown(apis: readonly ApiReport[] | undefined): string[] {
  if (!apis || apis.length === 0) return [];
  const out: string[] = ['## APIs', ''];
  for (const api of apis) {
    out.push(`### ${md(api.label)}`, '', `\`${md(api.key)}\` · ${api.counts.exchanges} exchanges: ${api.counts.blocked} blocked, ${api.counts.allowed} allowed · from ${md(api.pageOrigins.join(', ') || 'unknown origin')}`, '');
    out.push(`| Route | Allowed | Blocked | ${POLICY_COLUMNS.map(([, l]) => l).join(' | ')} | Exchanges |`, `|${'---|'.repeat(POLICY_COLUMNS.length + 4)}`);
    for (const r of api.routes) {
      out.push(`| ${md(r.key)} | ${r.counts.allowed} | ${r.counts.blocked} | ${POLICY_COLUMNS.map(([k]) => md(values(r.policy[k]))).join(' | ')} | ${r.exchanges.map(md).join(', ')} |`);
    }
    out.push('');
    for (const fix of api.fixes) {
      out.push(`**Fix for ${fix.routes.length} route${fix.routes.length === 1 ? '' : 's'}: ${md(fix.title)}** (${md(fix.routes.join(', '))})`, '', md(fix.explanation), '');
      for (const f of fix.fixes) out.push(`<details><summary>${htmlInSummary(f.toolchain)}: ${htmlInSummary(f.title)}</summary>`, '', markdownFence(f.snippet, f.language), '', '</details>', '');
    }
    for (const f of api.findings) {
      out.push(`- **${md(f.id)}** (${f.severity}, ${f.confidence}) ${md(FINDINGS[f.id].title)}: ${md(f.evidence)}${f.confirm ? ` To confirm: ${md(f.confirm)}` : ''} — ${f.exchanges.map(md).join(', ')}`);
    }
    if (api.findings.length) out.push('');
  }
  return out;
}

export function apisHtml(apis: readonly ApiReport[] | undefined, linked: ReadonlySet<string>): string {
  if (!apis || apis.length === 0) return '';
  const ref = (id: string) => (linked.has(id) ? `<a href="#${e(htmlId(id))}">${e(id)}</a>` : e(id));
  const parts = ['<section class="apis"><h2>APIs</h2>'];
  for (const api of apis) {
    parts.push(`<h3>${e(api.label)} <span class="muted mono">${e(api.key)}</span></h3>`);
    parts.push(`<p>${e(api.counts.exchanges)} exchanges: ${e(api.counts.blocked)} blocked, ${e(api.counts.allowed)} allowed · from ${e(api.pageOrigins.join(', ') || 'unknown origin')}</p>`);
    const head = `<tr><th>Route</th><th>Allowed</th><th>Blocked</th>${POLICY_COLUMNS.map(([, l]) => `<th>${e(l)}</th>`).join('')}<th>Exchanges</th></tr>`;
    const rows = api.routes.map((r) => `<tr><td class="mono nw">${e(r.key)}</td><td>${e(r.counts.allowed)}</td><td>${e(r.counts.blocked)}</td>${POLICY_COLUMNS.map(([k]) => `<td class="mono">${e(values(r.policy[k]))}</td>`).join('')}<td class="mono">${r.exchanges.map(ref).join(', ')}</td></tr>`);
    parts.push(`<table class="grid"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`);
    for (const fix of api.fixes) {
      parts.push(`<details open><summary>Fix for ${e(fix.routes.length)} route${fix.routes.length === 1 ? '' : 's'}: ${e(fix.title)} <span class="muted">${e(fix.routes.join(', '))}</span></summary><p>${e(fix.explanation)}</p>`);
      for (const f of fix.fixes) parts.push(`<details><summary>${e(f.toolchain)}: ${e(f.title)}</summary><pre><code>${e(f.snippet)}</code></pre></details>`);
      parts.push('</details>');
    }
    if (api.findings.length) {
      parts.push(`<ul>${api.findings.map((f) => `<li><strong>${e(f.id)}</strong> (${e(f.severity)}, ${e(f.confidence)}) ${e(FINDINGS[f.id].title)}: ${e(f.evidence)}${f.confirm ? ` <span class="muted">To confirm: ${e(f.confirm)}</span>` : ''} — ${f.exchanges.map(ref).join(', ')}</li>`).join('')}</ul>`);
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}
