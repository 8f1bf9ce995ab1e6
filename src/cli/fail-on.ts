// `cors-lens analyze --fail-on`: verdicts (blocked, unknown) and finding ids or prefixes (SEC-, BP-), docs/findings.md.
import { FINDING_IDS, findingMatches, type AnalysisReport, type Finding } from '../core';

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
