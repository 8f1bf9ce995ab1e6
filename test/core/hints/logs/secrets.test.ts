// Issue 19, proof: no secret from the capture ever lands in a log command. The planted-secret corpus of the
// redaction tests (test/core/redact/corpus.ts) is analysed as a capture, and every secret is also planted
// in each response header the log ids are read from: only ids AWS prints in its own logs get through.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../../src/core/analyze';
import { findInLogs, type LogsPlan } from '../../../../src/core/hints/logs';
import { LOG_ID_RULES } from '../../../../src/core/hints/logs';
import type { ExchangeReport } from '../../../../src/core/types';
import { SECRETS, corpusHar } from '../../redact/corpus';
import { REST_URL, cloudfront, har, req, rest, s3 } from '../support';
import { REQUEST_ID, exchangeOf } from './cases';

/** Everything a plan says, commands and prose. */
function textOf(plan: LogsPlan | null): string {
  if (!plan) return '';
  return [plan.request, ...plan.ids.map((i) => `${i.label} ${i.value}`), ...plan.sources.flatMap((s) => [s.title, s.where, s.shows, ...s.notes, ...s.snippets.flatMap((x) => [x.title, x.text])])].join('\n');
}

const secretValues = Object.entries(SECRETS) as Array<[string, string]>;

describe('no secret from the capture reaches a log command', () => {
  test('the redaction corpus: plans are made (AWS exchanges are in it) and carry none of its secrets', () => {
    const report = analyzeHar(corpusHar());
    const plans = report.exchanges.map((x) => findInLogs(x)).filter((p): p is LogsPlan => p !== null);
    expect(plans.length).toBeGreaterThan(0);
    const text = plans.map(textOf).join('\n');
    // The presigned S3 URL (signature, credential, security token in its query) is planned for.
    expect(text).toContain('aws s3api get-bucket-logging --bucket reports');
    for (const [name, value] of secretValues) expect(text, name).not.toContain(value);
  });

  // Every secret, in every header an id is read from, on a blocked response that is AWS in every way.
  const positions = Object.values(LOG_ID_RULES).map((r) => r.header);
  test.each(secretValues)('%s planted in every id header (and the URL, and the request) stays out', (_name, secret) => {
    for (const header of positions) {
      const headers = { ...rest(), ...cloudfront(), ...s3(), [header]: header === 'x-amzn-trace-id' ? `Root=${secret};Sampled=1` : secret };
      const url = `${REST_URL}/${encodeURIComponent(secret)}?token=${encodeURIComponent(secret)}#${secret}`;
      const x = exchangeOf(req(url, 'POST', 403, headers, { requestHeaders: { Authorization: `Bearer ${secret}`, Cookie: `s=${secret}`, 'X-Api-Key': secret } }));
      const plan = findInLogs(x);
      expect(plan, header).not.toBeNull();
      const commands = plan!.sources.flatMap((s) => s.snippets.map((sn) => sn.text)).join('\n');
      expect(commands, `${header}`).not.toContain(secret);
      expect(commands, `${header} (URL-encoded)`).not.toContain(encodeURIComponent(secret));
      expect(plan!.ids.map((i) => i.value), header).not.toContain(secret);
    }
  });

  test('property: whatever an id header holds, only a value of the exact AWS shape is used', () => {
    const names = Object.keys(LOG_ID_RULES) as Array<keyof typeof LOG_ID_RULES>;
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.string({ minLength: 1, maxLength: 80 }), (name, value) => {
        const v = value.replace(/[\r\n\0]/g, 'x');
        const x: ExchangeReport = exchangeOf(req(REST_URL, 'GET', 500, { ...rest(), ...cloudfront(), ...s3(), [LOG_ID_RULES[name].header]: v }));
        const ids = Object.assign({}, ...x.fingerprints.map((f) => f.ids ?? {})) as Record<string, string>;
        const got = ids[name];
        if (got === undefined) return true;
        return LOG_ID_RULES[name].shape.test(LOG_ID_RULES[name].header === 'x-amzn-trace-id' ? v : got) && v.includes(got);
      }),
      { numRuns: 200 },
    );
    expect(har).toBeTypeOf('function');
    expect(REQUEST_ID).toMatch(/^[0-9a-f-]{36}$/);
  });
});
