// One test per detectable pitfall (and sub-case): the pitfall id, its confidence, and a fix filled
// with what the HAR shows. Scenarios live in ./scenarios, one file per service.
import { describe, expect, test } from 'vitest';
import { ALL_SCENARIOS } from './scenarios';
import { diagnoseEntries } from './support';

describe('AWS pitfalls (docs/research/aws-cors-pitfalls.md §2)', () => {
  test.each(ALL_SCENARIOS.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const d = diagnoseEntries(...s.entries());
    const hint = d.hints.find((h) => h.id === s.pitfall);
    expect(hint, `hints: ${d.hints.map((h) => `${h.id}(${h.confidence})`).join(', ')}`).toBeDefined();
    expect(hint!.confidence).toBe(s.confidence);
    if (s.first) expect(d.hints[0].id).toBe(s.pitfall);
    const fixes = hint!.fixes.filter((f) => !s.toolchain || f.toolchain === s.toolchain);
    expect(fixes.length).toBeGreaterThan(0);
    const text = fixes.map((f) => f.snippet).join('\n');
    for (const want of s.fixContains ?? []) expect(text, `fix for ${s.toolchain ?? 'any toolchain'}`).toContain(want);
    const evidence = hint!.evidence.join('\n');
    for (const want of s.evidenceContains ?? []) expect(evidence).toContain(want);
  });
});
