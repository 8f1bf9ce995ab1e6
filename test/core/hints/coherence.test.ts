// Hints never contradict their own evidence (issue 12, item 4): a card's snippet does what its title
// says, the evidence of one hint does not say both "the function crashed" and "the backend never ran",
// and a card with no fix for the chosen toolchain is prose without a Copy button (`copy: false`).
import { describe, expect, test } from 'vitest';
import type { Hint } from '../../../src/core/types';
import { PAGE, REST_URL, acao, diagnoseEntries, pf, req, rest, restError, traced, unsent } from './support';

const okPreflight = () => pf(REST_URL, 'PUT', 204, rest({ ...acao(), 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Content-Type' }), { requestHeaders: 'content-type' });
/** The demo's gateway-502 scenario: a good preflight, then API Gateway's 502 with x-amzn-ErrorType. */
const gateway = (status: number, extra: Record<string, string> = {}, body = '{"message":"Internal server error"}') =>
  diagnoseEntries(okPreflight(), req(REST_URL, 'PUT', status, restError('InternalServerErrorException', extra), { requestHeaders: { 'Content-Type': 'application/json' }, body }));

const allEvidence = (hints: readonly Hint[]) => hints.flatMap((h) => h.evidence).join('\n');

describe('gateway 5xx evidence agrees with its sub-case', () => {
  test.each([
    ['502 without X-Amzn-Trace-Id', 502, {}],
    ['502 with X-Amzn-Trace-Id', 502, traced],
    ['504 without X-Amzn-Trace-Id', 504, {}],
  ])('%s: no hint says the backend never ran', (_name, status, extra) => {
    const d = gateway(status, extra, status === 504 ? '{"message": "Endpoint request timed out"}' : undefined);
    expect(d.hints.map((h) => h.id)).toContain('APIGW-R05');
    expect(allEvidence(d.hints)).not.toMatch(/never ran/);
    expect(d.fingerprints.flatMap((f) => f.evidence).join('\n')).not.toMatch(/never ran/);
  });

  test('500 without X-Amzn-Trace-Id still says the integration never ran (R05j)', () => {
    const d = gateway(500);
    expect(allEvidence(d.hints)).toMatch(/never ran/);
    expect(allEvidence(d.hints)).not.toMatch(/crashed/);
  });
});

describe('APIGW-R15: the console card fixes the integration error', () => {
  test.each([
    [500, /Grant API Gateway permission/, /lambda:InvokeFunction/],
    [502, /crash or the malformed response/, /statusCode, headers, body/],
    [504, /spends its time/, /29 s/],
  ])('%i: its console card is about the integration, not a redeploy', (status, title, snippet) => {
    const r15 = gateway(status).hints.find((h) => h.id === 'APIGW-R15');
    expect(r15).toBeDefined();
    const consoleFix = r15!.fixes.filter((f) => f.toolchain === 'console');
    expect(consoleFix).toHaveLength(1);
    expect(consoleFix[0]!.title).toMatch(title);
    expect(consoleFix[0]!.snippet).toMatch(snippet);
    for (const f of r15!.fixes) expect(f.title).not.toMatch(/Deploy the API/);
  });
});

describe('a card without a snippet has no Copy', () => {
  // The demo's preflight-403 with the Lambda (Node.js) toolchain: the fixes are on the API.
  const preflight403 = diagnoseEntries(
    pf(REST_URL, 'PUT', 403, restError('ForbiddenException'), { requestHeaders: 'content-type', body: '{"message":"Forbidden"}' }),
    unsent(REST_URL, 'PUT', { 'Content-Type': 'application/json' }),
  );

  test('the Lambda (Node.js) cards of a preflight 403 say where the fix is, as prose marked copy: false', () => {
    const lambdaCards = preflight403.hints.flatMap((h) => h.fixes).filter((f) => f.toolchain === 'lambda-node');
    expect(lambdaCards.length).toBeGreaterThan(0);
    for (const f of lambdaCards) {
      expect(f.title).not.toBe('Nothing to change here');
      if (f.language === 'text') expect(f.copy).toBe(false);
    }
    expect(lambdaCards.some((f) => f.copy === false && /function/.test(f.title))).toBe(true);
  });

  test('every prose card ("No fix … the change is elsewhere") is copy: false, and every copy: false card is one', () => {
    const every = [preflight403, gateway(502), gateway(500), diagnoseEntries(req(REST_URL, 'GET', 200, rest(traced), { body: '{}' }))].flatMap((d) => d.hints.flatMap((h) => h.fixes));
    const prose = every.filter((f) => f.copy === false);
    expect(prose.length).toBeGreaterThan(0);
    for (const f of prose) expect(f.title).toMatch(/^No fix .*: the change is elsewhere$/);
    for (const f of every.filter((x) => x.copy !== false)) expect(f.title).not.toMatch(/^No fix /);
    expect(every.some((f) => f.snippet.includes(PAGE))).toBe(true);
  });
});

describe('a response the backend sent gets no gateway-response fix', () => {
  test("Access-Control-Allow-Origin: * with credentials from a Lambda proxy (the demo's wildcard-credentials): fix the function", () => {
    const d = diagnoseEntries(req(REST_URL, 'GET', 200, rest({ 'Access-Control-Allow-Origin': '*' }), { requestHeaders: { Cookie: 'sid=1' }, body: '{}' }));
    const x02 = d.hints.find((h) => h.id === 'X-02');
    expect(x02).toBeDefined();
    for (const f of x02!.fixes.filter((x) => ['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform'].includes(x.toolchain))) {
      expect(f.title).not.toMatch(/gateway responses/i);
      expect(f.copy).toBe(false);
    }
    expect(x02!.fixes.some((f) => f.toolchain === 'lambda-node' && f.copy !== false && /Access-Control-Allow-Credentials/.test(f.snippet))).toBe(true);
  });
});
