// The terminal text report (`cors-lens analyze`'s default output): one block per exchange, the verdict first;
// ANSI colour only when asked. Beside the Markdown and HTML renderers, with the wording they share.
import type { AnalysisReport, ExchangeReport } from '../types';
import { chromeConsoleMessage } from '../cors/console';
import { certaintyOf } from '../exchange';
import { inferredFromText } from '../cors/wording';
import { logsText } from '../hints/logs';
import { formatApiSummary } from './apis';

const paint = (on: boolean) => (code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export interface TextOptions {
  readonly name: string;
  readonly color: boolean;
  readonly onlyBlocked: boolean;
  readonly apisNote?: string;
}

export function formatText(report: AnalysisReport, opts: TextOptions): string {
  const blocks = textBlocks(report.exchanges, opts.color);
  return textHead(report, opts, blocks !== '') + blocks + textTail(report);
}

/**
 * What precedes the exchange blocks: the summary line, the API summary and, when blocks follow it, "Requests:".
 * With textBlocks and textTail it makes formatText; the CLI writes it last-computed but first-printed (the blocks
 * wait in a spill file, src/cli/stream-command.ts).
 */
export function textHead(report: Pick<AnalysisReport, 'input' | 'counts' | 'apis'>, opts: TextOptions, blocksFollow: boolean): string {
  const c = paint(opts.color);
  const out: string[] = [];
  const { counts } = report;
  out.push(
    `${c('1', opts.name)}: ${report.input.entries} entries (${report.input.flavour} HAR), ${counts.cors} CORS exchange${counts.cors === 1 ? '' : 's'}: ` +
      `${c('32', `${counts.allowed} allowed`)}, ${c('31', `${counts.blocked} blocked`)}, ${counts.unknown} unknown; ${counts.notCors} not CORS`,
  );
  // The API view first: users fix APIs, not requests.
  const apis = formatApiSummary(report.apis ?? [], c, opts.apisNote);
  if (apis.length) out.push('', ...apis);
  if (apis.length && blocksFollow) out.push('', c('1', 'Requests:'));
  return `${out.join('\n')}\n`;
}

/** The blocks of the CORS exchanges among `exchanges`, each after a blank line ('' when there are none). */
export function textBlocks(exchanges: readonly ExchangeReport[], color: boolean): string {
  const c = paint(color);
  let out = '';
  for (const x of exchanges) if (x.kind !== 'not-cors') out += `\n${exchangeBlock(x, c).join('\n')}\n`;
  return out;
}

/** The closing line when there was no CORS at all. */
export function textTail(report: Pick<AnalysisReport, 'counts'>): string {
  return report.counts.cors === 0 ? '\nNo cross-origin (CORS) requests in this HAR.\n' : '';
}

function exchangeBlock(x: ExchangeReport, c: ReturnType<typeof paint>): string[] {
  // Without the browser's own signal (Firefox, plain HARs) the verdict is inferred from headers: say "would".
  const inferred = certaintyOf(x) === 'inferred';
  const mark =
    x.verdict === 'blocked' ? c('31', inferred ? '✖ WOULD BE BLOCKED' : '✖ BLOCKED')
    : x.verdict === 'allowed' ? c('32', inferred ? '≈ would pass' : '✔ allowed')
    : c('33', '? unknown');
  const lines = [`${mark}  ${c('1', `${x.method} ${x.url}`)}  from ${x.origin ?? '(unknown origin)'}  [${x.id}]`];
  lines.push(`  ${x.summary}`);
  if (x.verdict === 'blocked' && x.corsError) {
    lines.push(`  Chrome: ${c('1', x.corsError)}${x.failedParameter ? ` (${x.failedParameter})` : ''}${x.firefoxReason ? `   Firefox: ${x.firefoxReason}` : ''}`);
    const consoleLine = chromeConsoleMessage(x);
    if (consoleLine) lines.push(`  Console: ${consoleLine}`);
  }
  lines.push(`  Entries: ${entryRefs(x)}; ${x.pairing.detail}`);
  if (x.preflightReason?.needed) {
    const why = [
      ...(x.preflightReason.methodSafelisted ? [] : [`${x.method} is not a CORS-safelisted method`]),
      ...x.preflightReason.unsafeHeaders.map((h) => `${h.name}: ${h.detail}`),
    ];
    if (why.length) lines.push(`  Preflight needed because: ${why.join('; ')}`);
  }
  if (x.credentials.value !== 'unknown') lines.push(`  Credentials: ${x.credentials.value} (${inferredFromText(x.credentials.from)})`);
  for (const f of x.allFailures.slice(x.verdict === 'blocked' ? 1 : 0)) lines.push(`  Also failing: ${f.corsError}${f.failedParameter ? ` (${f.failedParameter})` : ''} [${f.stage}, ${f.spec.id}]`);
  const bad = x.checks.filter((r) => r.status === 'missing' || r.status === 'mismatched' || r.status === 'invalid');
  for (const r of bad) lines.push(`  ${c('31', '•')} ${r.stage} ${r.header}: ${r.status}; expected ${r.expected}, got ${r.actual === null ? '(absent)' : `'${r.actual}'`}${r.note ? ` — ${r.note}` : ''}`);
  for (const h of x.hints.slice(0, 3)) lines.push(`  Hint [${h.id}, ${h.confidence}]: ${h.title}`);
  lines.push(...logsText(x));
  return lines;
}

function entryRefs(x: ExchangeReport): string {
  const parts: string[] = [];
  if (x.preflightEntry !== null) parts.push(`preflight #${x.preflightEntry}`);
  if (x.actualEntry !== null) parts.push(`request #${x.actualEntry}`);
  if (x.pairing.cachedBy !== undefined) parts.push(`cached preflight #${x.pairing.cachedBy}`);
  return parts.join(', ');
}
