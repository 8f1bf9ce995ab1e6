// `cors-lens analyze`: the API summary printed before the exchanges, and `--fail-on` with finding ids.
import { FINDINGS, FINDING_IDS, findingMatches, type AnalysisReport, type ApiReport, type Finding, type RouteReport } from '../core';

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

// ---- --fail-on ---------------------------------------------------------------------------------------
const VERDICT_TOKENS = ['never', 'blocked', 'unknown'] as const;
type VerdictToken = (typeof VERDICT_TOKENS)[number];

export interface FailOn {
  readonly verdicts: readonly VerdictToken[];
  /** Finding ids and prefixes ending in `-` (`SEC-`). */
  readonly findings: readonly string[];
}

/** `blocked,SEC-,BP-NO-PREFLIGHT-CACHE` → what to fail on; a message for a token that is none of them. */
export function parseFailOn(value: string): FailOn | { error: string } {
  const verdicts: VerdictToken[] = [];
  const findings: string[] = [];
  for (const token of value.split(',').map((t) => t.trim()).filter(Boolean)) {
    if ((VERDICT_TOKENS as readonly string[]).includes(token)) verdicts.push(token as VerdictToken);
    else if (FINDING_IDS.some((id) => findingMatches(id, token))) findings.push(token);
    else return { error: `--fail-on takes blocked, unknown, never, finding ids (${FINDING_IDS.slice(0, 2).join(', ')}, …) or prefixes (BP-, SEC-); got '${token}'` };
  }
  return { verdicts, findings };
}

export function failOnMatches(failOn: FailOn, counts: AnalysisReport['counts'], findings: readonly Finding[]): boolean {
  if (failOn.verdicts.includes('blocked') && counts.blocked > 0) return true;
  if (failOn.verdicts.includes('unknown') && counts.blocked + counts.unknown > 0) return true;
  return findings.some((f) => failOn.findings.some((p) => findingMatches(f.id, p)));
}
