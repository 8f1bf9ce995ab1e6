// One catalogue entry per pitfall of docs/research/aws-cors-pitfalls.md (§2.1–2.11), keyed by its
// id. The detection rule reads only HAR fields (through HintContext); `rule` says the same in words
// for docs/aws-pitfalls.md, which is generated from these entries.
import type { Hint, HintFix } from '../../types';
import type { HintContext } from '../context';
import type { FillValues } from '../fill';
import type { AwsService } from '../fingerprint';

export const PITFALL_IDS = [
  'APIGW-R01', 'APIGW-R02', 'APIGW-R03', 'APIGW-R04', 'APIGW-R05', 'APIGW-R06', 'APIGW-R07', 'APIGW-R08',
  'APIGW-R09', 'APIGW-R10', 'APIGW-R11', 'APIGW-R12', 'APIGW-R13', 'APIGW-R14', 'APIGW-R15',
  'APIGW-H01', 'APIGW-H02', 'APIGW-H03', 'APIGW-H04', 'APIGW-H05',
  'LURL-01', 'LURL-02', 'LURL-03', 'LURL-04',
  'X-01', 'X-02', 'X-03', 'X-04', 'X-05', 'X-06', 'X-07', 'X-08',
  'CF-01', 'CF-02', 'CF-03', 'CF-04', 'CF-05', 'CF-06', 'CF-07',
  'S3-01', 'S3-02', 'S3-03', 'S3-04',
  'APPSYNC-01', 'COG-01', 'COG-02', 'COG-03', 'ALB-01', 'ALB-02', 'WAF-01', 'AMP-01', 'AMP-02',
] as const;

export type PitfallId = (typeof PITFALL_IDS)[number];
export type Confidence = Hint['confidence'];

export interface Detection {
  readonly confidence: Confidence;
  /** What in this exchange points at the pitfall, most telling first. */
  readonly evidence: readonly string[];
  /** Sub-case or variant (e.g. `R05a`), used by the title, explanation and fixes. */
  readonly variant?: string;
  /** A title more precise than the entry's, e.g. naming the sub-case. */
  readonly title?: string;
}

export interface DocLink {
  readonly title: string;
  readonly url: string;
}

export interface Pitfall {
  readonly id: PitfallId;
  /** Catalogue section, e.g. `API Gateway REST APIs`. */
  readonly section: string;
  /** Imperative, DevTools-style: what to do. */
  readonly title: string;
  /** The catalogue's HAR-only confidence (§3), verbatim in meaning. */
  readonly harConfidence: string;
  /** The detection rule in words (generated docs). */
  readonly rule: string;
  /** Evidence beyond the HAR that confirms it (shown with 'possible' hints). */
  readonly confirm: string;
  /**
   * Services (at any stage) one of which `detect` needs fingerprinted to match: without them the engine
   * skips the rule unasked (test/core/hints/needs.test.ts holds every rule to it). Absent: any AWS answer.
   */
  readonly needs?: readonly AwsService[];
  readonly detect: (ctx: HintContext) => Detection | null;
  readonly explanation: (ctx: HintContext, d: Detection) => string;
  readonly fixes: (f: FillValues, ctx: HintContext, d: Detection) => readonly HintFix[];
  readonly docs: readonly DocLink[];
}
