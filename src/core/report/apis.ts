// The API section that opens the terminal, Markdown and HTML reports: each API with its routes and observed
// policy, the consolidated fixes (every toolchain in Markdown and HTML, folded; one in the terminal) and the
// findings, naming the exchanges.
import type { ApiReport, ObservedPolicy, RouteReport } from '../api/types';
import type { HintFix, Toolchain } from '../types';
import type { Finding } from '../findings/catalogue';
import { FINDINGS } from '../findings/catalogue';
import { escapeHtml as e, escapeMarkdown as md, htmlId, markdownFence } from './escape';

const values = (list: ReadonlyArray<string | null>) => (list.length === 0 ? '—' : list.map((v) => v ?? '(absent)').join(' / '));
const POLICY_COLUMNS: ReadonlyArray<readonly [keyof ObservedPolicy, string]> = [
  ['allowOrigin', 'Allow-Origin'], ['allowCredentials', 'Credentials'], ['allowMethods', 'Methods'], ['allowHeaders', 'Headers'],
  ['maxAge', 'Max-Age'], ['exposeHeaders', 'Expose'], ['vary', 'Vary'],
];
const htmlInSummary = (s: string) => e(s).replace(/[[\]|*_~\\]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The API section of the Markdown report. Like the requests' sections, it writes one toolchain's fixes (the wanted
 * one where the fix has it, else its first real fix) unless `toolchain` is 'all', so a report stays issue-sized.
 */
export function apisMarkdown(apis: readonly ApiReport[] | undefined, toolchain?: Toolchain | 'all'): string[] {
  if (!apis || apis.length === 0) return [];
  const out: string[] = ['## APIs', ''];
  // Issue-sized: an API of one route adds nothing its request's section does not say but its findings, which are
  // counted in one line (their evidence is in the JSON and HTML reports and the panel).
  const single = (api: ApiReport) => api.routes.length === 1 && api.fixes.every((f) => f.routes.length < 2);
  const shown = apis.filter((api) => !single(api));
  const counted = new Map<string, number>();
  for (const api of apis.filter(single)) for (const f of api.findings) counted.set(f.id, (counted.get(f.id) ?? 0) + 1);
  if (shown.length === 0 && counted.size === 0) return [];
  if (counted.size > 0) out.push(`Findings on ${apis.length - shown.length} single-route API${apis.length - shown.length === 1 ? '' : 's'}: ${[...counted].map(([id, n]) => `${md(id)} ×${n}`).join(', ')}.`, '');
  for (const api of shown) {
    out.push(`### ${md(api.label)}`, '', `\`${md(api.key)}\` · ${api.counts.exchanges} exchanges: ${api.counts.blocked} blocked, ${api.counts.allowed} allowed · from ${md(api.pageOrigins.join(', ') || 'unknown origin')}`, '');
    out.push(`| Route | Allowed | Blocked | ${POLICY_COLUMNS.map(([, l]) => l).join(' | ')} | Exchanges |`, `|${'---|'.repeat(POLICY_COLUMNS.length + 4)}`);
    for (const r of api.routes) {
      out.push(`| ${md(r.key)} | ${r.counts.allowed} | ${r.counts.blocked} | ${POLICY_COLUMNS.map(([k]) => md(values(r.policy[k]))).join(' | ')} | ${r.exchanges.map(md).join(', ')} |`);
    }
    out.push('');
    // A fix is consolidated when it covers several routes; one route's fix is in its request's section.
    for (const fix of api.fixes.filter((x) => x.routes.length > 1)) {
      out.push(`**Fix for ${fix.routes.length} route${fix.routes.length === 1 ? '' : 's'}: ${md(fix.title)}** (${md(fix.routes.join(', '))})`, '', md(fix.explanation), '');
      const chosen = toolchain === 'all' ? fix.fixes : oneToolchain(fix.fixes, toolchain);
      for (const f of chosen) out.push(`<details><summary>${htmlInSummary(f.toolchain)}: ${htmlInSummary(f.title)}</summary>`, '', markdownFence(f.snippet, f.language), '', '</details>', '');
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

// ---- terminal ------------------------------------------------------------------------------------------
type Paint = (code: string, s: string) => string;

/** Which toolchain's snippet the text output prints in full (the others are in JSON / Markdown). */
const TEXT_TOOLCHAIN_ORDER = ['cli', 'generic', 'console'] as const;

function routeLine(r: RouteReport, width: number, c: Paint): string {
  const mark = r.counts.blocked > 0 ? c('31', '✖') : r.counts.unknown > 0 ? c('33', '?') : c('32', '✔');
  const counts = [r.counts.allowed && `${r.counts.allowed} allowed`, r.counts.blocked && `${r.counts.blocked} blocked`, r.counts.unknown && `${r.counts.unknown} unknown`].filter(Boolean).join(', ');
  const acao = r.policy.allowOrigin.map((v) => v ?? '(none)').join(' | ') || '—';
  return `    ${mark} ${r.key.padEnd(width)}  ${counts}${r.causes.length ? ` (${r.causes.join(', ')})` : ''}; Allow-Origin: ${acao}`;
}

export function formatApiSummary(apis: readonly ApiReport[], c: Paint, note = ''): string[] {
  if (apis.length === 0) return [];
  const out = [c('1', `APIs (${apis.length})${note}:`)];
  for (const api of apis) {
    const mark = api.counts.blocked > 0 ? c('31', '✖') : api.findings.length ? c('33', '!') : c('32', '✔');
    out.push('', `  ${mark} ${c('1', api.label)}  ${api.key}`);
    out.push(`    ${api.counts.exchanges} exchange${api.counts.exchanges === 1 ? '' : 's'}: ${api.counts.allowed} allowed, ${api.counts.blocked} blocked${api.counts.unknown ? `, ${api.counts.unknown} unknown` : ''}; from ${api.pageOrigins.join(', ') || '(unknown origin)'}`);
    const width = Math.max(...api.routes.map((r) => r.key.length));
    out.push(`    Routes (${api.routes.length}):`, ...api.routes.map((r) => routeLine(r, width, c)));
    for (const fix of api.fixes) {
      out.push(`    ${c('1', `Fix for ${fix.routes.length} route${fix.routes.length === 1 ? '' : 's'}`)} [${fix.cause}]: ${fix.title}`);
      out.push(`      Covers: ${fix.routes.join(', ')}`, `      ${fix.explanation}`);
      const union = [fix.allowMethods.length && `methods ${fix.allowMethods.join(', ')}`, fix.allowHeaders.length && `headers ${fix.allowHeaders.join(', ')}`].filter(Boolean).join('; ');
      out.push(`      ${union ? `Allows ${union}. ` : ''}Toolchains: ${fix.fixes.map((f) => f.toolchain).join(', ')} (all in --format json / markdown).`);
      const shown = TEXT_TOOLCHAIN_ORDER.map((t) => fix.fixes.find((f) => f.toolchain === t)).find(Boolean);
      if (shown) out.push(`      ${shown.toolchain}: ${shown.title}`, ...shown.snippet.trimEnd().split('\n').map((l) => `        ${l}`));
    }
    for (const f of api.findings) out.push(...findingLines(f, c));
  }
  return out;
}

function findingLines(f: Finding, c: Paint): string[] {
  const colour = f.severity === 'high' ? '31' : f.severity === 'medium' ? '33' : '36';
  const lines = [`    ${c(colour, `Finding ${f.id}`)} [${f.severity}, ${f.confidence}]: ${FINDINGS[f.id].title}`, `      ${f.evidence} [${f.exchanges.join(', ')}]`];
  if (f.confirm) lines.push(`      To confirm: ${f.confirm}`);
  return lines;
}


/** The fixes of one toolchain: the wanted one (none when the fix has none for it), else the first that is not prose-only. */
function oneToolchain(fixes: readonly HintFix[], wanted: Toolchain | undefined): readonly HintFix[] {
  if (wanted) return fixes.filter((f) => f.toolchain === wanted);
  const first = fixes.find((f) => f.copy !== false) ?? fixes[0];
  return first ? fixes.filter((f) => f.toolchain === first.toolchain) : [];
}
