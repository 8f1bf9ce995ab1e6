// The hint engine: who answered (fingerprints), which catalogued AWS pitfall explains the failure,
// and how to fix it per toolchain — or a generic hint when the server is not AWS. Pure: HAR fields in,
// data out. The core's analyse step calls `diagnose` once per exchange.
import type { Fingerprint, Hint } from '../types';
import { CATALOGUE, TRIAGE_ORDER } from './catalogue';
import type { Detection, Pitfall, PitfallId } from './catalogue/types';
import { type HintContext, type HintInput, createHintContext } from './context';
import { FILL_FIELDS, type FillValues, fillValues, provenance } from './fill';
import { genericHint } from './generic';
import { InputCache, memoFixes, step } from './memo';

export type { HintInput } from './context';
export { CATALOGUE, PITFALLS, PITFALL_IDS, TRIAGE_ORDER } from './catalogue';
export type { Pitfall, PitfallId } from './catalogue';

interface Triaged {
  readonly pitfall: Pitfall;
  /** Position in TRIAGE_ORDER. */
  readonly order: number;
}

/** The catalogue in triage order, looked up once. */
const TRIAGED: readonly Triaged[] = TRIAGE_ORDER.map((id, order) => ({ pitfall: CATALOGUE[id], order }));

// The rules that can match, given the services fingerprinted on an exchange (a rule `needs` one of its
// services): worked out once per distinct list of services.
const rulesByServices = new InputCache<readonly Triaged[]>();

function rulesFor(fingerprints: readonly Fingerprint[]): readonly Triaged[] {
  let node = rulesByServices.start();
  for (const f of fingerprints) node = step(node, f.service);
  if (node.has) return node.value!;
  const present = fingerprints.map((f) => f.service);
  return rulesByServices.store(node, TRIAGED.filter(({ pitfall }) => !pitfall.needs || pitfall.needs.some((s) => present.includes(s))));
}

const CONFIDENCE_RANK: Record<Hint['confidence'], number> = { certain: 0, likely: 1, possible: 2 };

export function diagnose(input: HintInput): { fingerprints: Fingerprint[]; hints: Hint[] } {
  const ctx = createHintContext(input);
  // The context built this list for this exchange alone: hand it out as it is.
  const fingerprints = ctx.fingerprints as Fingerprint[];
  if (!ctx.blocked) return { fingerprints, hints: [] };

  // The fill values are computed at most once per exchange, and only when a hint needs them.
  let values: FillValues | undefined;
  const fill = () => (values ??= fillValues(ctx));
  // No AWS pitfall is claimed unless a response (or the URL) was fingerprinted as AWS.
  const hints = ctx.isAws ? detectPitfalls(ctx, fill) : [];
  // Generic hints stand in when no AWS pitfall is certain or likely (not AWS, or not recognised):
  // one per distinct failing check (ctx.errors), in the order the core found them (the first is the verdict's).
  if (!hints.some((h) => h.confidence !== 'possible')) for (const e of ctx.errors) hints.push(genericHint(ctx, e, fill()));
  return { fingerprints, hints };
}

/** Every pitfall whose rule matches, ranked: certain/likely before "also check", each group in triage order (§2.12). */
export function detectPitfalls(ctx: HintContext, fill: () => FillValues = () => fillValues(ctx)): Hint[] {
  const found: Array<{ pitfall: Pitfall; detection: Detection; order: number }> = [];
  for (const { pitfall, order } of rulesFor(ctx.fingerprints)) {
    const detection = pitfall.detect(ctx);
    if (detection) found.push({ pitfall, detection, order });
  }
  if (found.length === 0) return [];
  const group = (c: Hint['confidence']) => (c === 'possible' ? 1 : 0);
  found.sort(
    (a, b) =>
      group(a.detection.confidence) - group(b.detection.confidence) ||
      a.order - b.order ||
      CONFIDENCE_RANK[a.detection.confidence] - CONFIDENCE_RANK[b.detection.confidence],
  );
  const values = fill();
  const filledFrom = provenance(values);
  return found.map(({ pitfall, detection }) => toHint(pitfall, detection, ctx, values, filledFrom));
}

/**
 * The fixes of a pitfall whose `fixes` declares only the fill values (an arrow function of one
 * parameter can read nothing else): cached by all of them, like the fix blocks. The others read the
 * context or the detection too, and are called every time.
 */
export const fillOnlyFixes = memoFixes(FILL_FIELDS, (f: FillValues, id: PitfallId) => CATALOGUE[id].fixes(f, undefined as never, undefined as never));

export function readsFillOnly(p: Pitfall): boolean {
  return p.fixes.length <= 1;
}

function toHint(p: Pitfall, d: Detection, ctx: HintContext, values: FillValues, filledFrom: string): Hint {
  const confirm = d.confidence === 'possible' && !d.evidence.some((e) => e.startsWith('To confirm:')) && p.confirm !== '—' ? [`To confirm: ${p.confirm}`] : [];
  return {
    id: p.id,
    title: d.title ?? p.title,
    confidence: d.confidence,
    evidence: [...d.evidence, ...confirm],
    explanation: `${p.explanation(ctx, d)} ${filledFrom}`,
    fixes: readsFillOnly(p) ? fillOnlyFixes(values, p.id) : p.fixes(values, ctx, d),
    docs: p.docs,
  };
}
