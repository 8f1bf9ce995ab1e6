// One generated case through every reader and export: analyzeHar + the four formats, the streaming reader on
// the (possibly damaged) bytes, and the panel's importer. Returns the violations and what it cost.
import type { HarCase, TextDamage } from './arbitraries';
import { buildHar, harBytes } from './build';
import { checkImporter } from './importer';
import { checkAnalysis, checkStreamReader, type Violation } from './invariants';

export interface CaseInput {
  readonly harCase: HarCase;
  readonly textDamage: TextDamage;
  readonly chunk: number;
  /** One more export besides every format in scope `all`. */
  readonly extra: readonly ['har' | 'markdown' | 'html' | 'json', 'cors' | 'blocked'];
}
export interface CaseResult { readonly violations: Violation[]; readonly entries: number; readonly bytes: number; readonly ms: number; readonly planted: number }

export async function runCase(input: CaseInput): Promise<CaseResult> {
  const t = performance.now();
  const { har, planted } = buildHar(input.harCase);
  const bytes = harBytes(har, input.textDamage);
  const entries = Array.isArray((har as { log?: { entries?: unknown } })?.log?.entries) ? ((har as { log: { entries: unknown[] } }).log.entries.length) : 0;
  const violations = [
    // every format with every entry, and one format in a narrower scope (scopes only select; redaction is the same code)
    ...checkAnalysis(har, planted, [['har', 'all'], ['markdown', 'all'], ['html', 'all'], ['json', 'all'], input.extra]),
    ...checkStreamReader(bytes, input.chunk),
    ...(await checkImporter(bytes, Math.max(64, input.chunk * 16))),
  ];
  return { violations, entries, bytes: bytes.length, ms: performance.now() - t, planted: planted.length };
}
