// The catalogue: every pitfall of aws-cors-pitfalls.md §2, keyed by id. `satisfies` makes a missing
// (or misspelt) id a compile error; adding a pitfall is adding one entry here and one test.
import { R03, R04, R05, R06, R08, R14, R15 } from './apigw-rest-errors';
import { R01, R02, R07, R09, R10, R11, R12, R13 } from './apigw-rest-preflight';
import { H01, H02, H03, H04, H05 } from './apigw-http';
import { CF01, CF02, CF03, CF04, CF05, CF06, CF07 } from './cloudfront';
import { X01, X02, X03, X04, X05, X06, X07, X08 } from './cross-cutting';
import { LURL01, LURL02, LURL03, LURL04 } from './lambda-url';
import { S301, S302, S303, S304 } from './s3';
import { ALB01, ALB02, AMP01, AMP02, APPSYNC01, COG01, COG02, WAF01 } from './services';
import { COG03 } from './cognito-credentials';
import { PITFALL_IDS, type Pitfall, type PitfallId } from './types';

export const CATALOGUE = {
  'APIGW-R01': R01, 'APIGW-R02': R02, 'APIGW-R03': R03, 'APIGW-R04': R04, 'APIGW-R05': R05, 'APIGW-R06': R06,
  'APIGW-R07': R07, 'APIGW-R08': R08, 'APIGW-R09': R09, 'APIGW-R10': R10, 'APIGW-R11': R11, 'APIGW-R12': R12,
  'APIGW-R13': R13, 'APIGW-R14': R14, 'APIGW-R15': R15,
  'APIGW-H01': H01, 'APIGW-H02': H02, 'APIGW-H03': H03, 'APIGW-H04': H04, 'APIGW-H05': H05,
  'LURL-01': LURL01, 'LURL-02': LURL02, 'LURL-03': LURL03, 'LURL-04': LURL04,
  'X-01': X01, 'X-02': X02, 'X-03': X03, 'X-04': X04, 'X-05': X05, 'X-06': X06, 'X-07': X07, 'X-08': X08,
  'CF-01': CF01, 'CF-02': CF02, 'CF-03': CF03, 'CF-04': CF04, 'CF-05': CF05, 'CF-06': CF06, 'CF-07': CF07,
  'S3-01': S301, 'S3-02': S302, 'S3-03': S303, 'S3-04': S304,
  'APPSYNC-01': APPSYNC01, 'COG-01': COG01, 'COG-02': COG02, 'COG-03': COG03, 'ALB-01': ALB01, 'ALB-02': ALB02, 'WAF-01': WAF01,
  'AMP-01': AMP01, 'AMP-02': AMP02,
} as const satisfies Record<PitfallId, Pitfall>;

/**
 * Triage order (catalogue §2.12): network first, then redirects, a rejected preflight by responder,
 * a 2xx preflight that fails its checks, the actual response (duplicates, gateway-generated,
 * backend-generated, caches, S3, AppSync/Cognito), and last the "it didn't change" checks.
 * Pitfalls the section does not list sit next to their closest sibling.
 */
export const TRIAGE_ORDER: readonly PitfallId[] = [
  // 1. status 0 / not CORS
  'X-08', 'S3-04',
  // 2. preflight 3xx
  'X-06', 'ALB-02', 'S3-03',
  // 3. preflight non-2xx, by responder
  'APIGW-R02', 'APIGW-R07', 'APIGW-R12', 'APIGW-R01', 'APIGW-R10', 'APIGW-R13',
  'APIGW-H02', 'APIGW-H03', 'LURL-04', 'LURL-02', 'CF-01', 'WAF-01', 'CF-07', 'S3-01', 'S3-02',
  // 4. preflight 2xx but a check fails
  'APIGW-R09', 'APIGW-H01', 'LURL-03', 'X-04', 'X-01', 'X-03', 'APIGW-H04', 'X-02', 'CF-04',
  // 5. actual response
  'LURL-01', 'X-05',
  'APIGW-R05', 'APIGW-R06', 'APIGW-R08', 'APIGW-R15', 'APIGW-R14', 'CF-06', 'APIGW-H05', 'ALB-01',
  'APIGW-R03', 'APIGW-R04', 'AMP-01',
  'CF-03', 'CF-05', 'AMP-02', 'CF-02',
  'APPSYNC-01', 'COG-01', 'COG-02', 'COG-03',
  // 6. after a fix, nothing changed
  'X-07', 'APIGW-R11',
];

export const PITFALLS: readonly Pitfall[] = PITFALL_IDS.map((id) => CATALOGUE[id]);
// Every hint of a pitfall hands out its `docs` list: frozen, like everything hints share.
for (const p of PITFALLS) Object.freeze(p.docs);
export { PITFALL_IDS };
export { R05_SUBCASES } from './apigw-rest-errors';
export type { Pitfall, PitfallId } from './types';
