// The hint engine: who answered (fingerprints), which catalogued AWS pitfall explains the failure,
// and how to fix it per toolchain — or a generic hint when the server is not AWS. Pure: HAR fields in,
// data out. The core's analyse step calls `diagnose` once per exchange.
import type { Fingerprint, Hint } from '../types';
import { CATALOGUE, TRIAGE_ORDER } from './catalogue';
import type { Detection, Pitfall } from './catalogue/types';
import { type HintContext, type HintInput, createHintContext } from './context';
import { fillValues, provenance } from './fill';
import { genericHint } from './generic';

export type { HintInput } from './context';
export { CATALOGUE, PITFALLS, PITFALL_IDS, TRIAGE_ORDER } from './catalogue';
export type { Pitfall, PitfallId } from './catalogue';
export { GENERIC_HINTS } from './generic';
export { FINGERPRINT_RULES, type AwsService } from './fingerprint';

const CONFIDENCE_RANK: Record<Hint['confidence'], number> = { certain: 0, likely: 1, possible: 2 };

export function diagnose(input: HintInput): { fingerprints: Fingerprint[]; hints: Hint[] } {
  const ctx = createHintContext(input);
  const fingerprints = [...ctx.fingerprints];
  if (!ctx.blocked) return { fingerprints, hints: [] };

  // No AWS pitfall is claimed unless a response (or the URL) was fingerprinted as AWS.
  const aws = ctx.isAws ? detectPitfalls(ctx) : [];
  const hints = [...aws];
  // Generic hints stand in when no AWS pitfall is certain or likely (not AWS, or not recognised):
  // one per distinct failing check, in the order the core found them (the first is the verdict's).
  if (!aws.some((h) => h.confidence !== 'possible')) {
    const errors = [...new Set([...input.exchange.allFailures.map((f) => f.corsError), ...(input.exchange.corsError ? [input.exchange.corsError] : [])])];
    hints.push(...errors.map((e) => genericHint(ctx, e)));
  }
  return { fingerprints, hints };
}

/** Every pitfall whose rule matches, ranked: certain/likely before "also check", each group in triage order (§2.12). */
export function detectPitfalls(ctx: HintContext): Hint[] {
  const found: Array<{ pitfall: Pitfall; detection: Detection; order: number }> = [];
  TRIAGE_ORDER.forEach((id, order) => {
    const pitfall = CATALOGUE[id];
    const detection = pitfall.detect(ctx);
    if (detection) found.push({ pitfall, detection, order });
  });
  const group = (c: Hint['confidence']) => (c === 'possible' ? 1 : 0);
  found.sort(
    (a, b) =>
      group(a.detection.confidence) - group(b.detection.confidence) ||
      a.order - b.order ||
      CONFIDENCE_RANK[a.detection.confidence] - CONFIDENCE_RANK[b.detection.confidence],
  );
  if (found.length === 0) return [];
  const values = fillValues(ctx);
  return found.map(({ pitfall, detection }) => toHint(pitfall, detection, ctx, values));
}

function toHint(p: Pitfall, d: Detection, ctx: HintContext, values: ReturnType<typeof fillValues>): Hint {
  const confirm = d.confidence === 'possible' && !d.evidence.some((e) => e.startsWith('To confirm:')) && p.confirm !== '—' ? [`To confirm: ${p.confirm}`] : [];
  return {
    id: p.id,
    title: d.title ?? p.title,
    confidence: d.confidence,
    evidence: [...d.evidence, ...confirm],
    explanation: `${p.explanation(ctx, d)} ${provenance(values)}`,
    fixes: p.fixes(values, ctx, d),
    docs: p.docs,
  };
}
