// The benchmark's own logic (bench/, issue 15): the real-shaped mix keeps Chromium's shapes and every capture's
// verdict; bench:check's baselines are per Node version and the old single baseline is migrated; a ratio without
// a baseline fails; the deliberate regressions of --self-test inject what they say.
import { describe, expect, test } from 'vitest';
// @ts-expect-error bench/ is plain JavaScript (ESM), untyped
import { createRandom, SEED } from '../../bench/generate.mjs';
// @ts-expect-error untyped
import { createRealTraffic, loadTemplates } from '../../bench/lib/real-shaped.mjs';
// @ts-expect-error untyped
import { readBaselines, withBaselines } from '../../bench/lib/baselines.mjs';
// @ts-expect-error untyped
import { compareRatios } from '../../bench/lib/instructions.mjs';
// @ts-expect-error untyped
import { injectedEntries, QUADRATIC_ENV, SLOWDOWN_ENV } from '../../bench/lib/inject.mjs';
import { analyzeHar } from '../../src/core/index';

type Entry = {
  _resourceType: string;
  _initiator: { type: string; url?: string; requestId?: string };
  request: { url: string; httpVersion: string; headers: { name: string; value: string }[] };
  response: { status: number; headers: unknown[]; _error: string | null; content: { size: number } };
  serverIPAddress: string;
  timings: { blocked: number; send: number; wait: number; receive: number };
  time: number;
};

describe('the real-shaped mix (bench/lib/real-shaped.mjs)', () => {
  const { units } = loadTemplates();
  const entries: Entry[] = createRealTraffic(createRandom(SEED), units).take(1500).map((s: string) => JSON.parse(s));

  test('a request its preflight stopped is what Chromium records: status 0, no response headers, net::ERR_FAILED, time all blocked', () => {
    const unsent = entries.filter((e) => e._resourceType !== 'preflight' && e.response.status === 0);
    expect(unsent.length).toBeGreaterThan(50);
    for (const e of unsent) {
      expect(e.response.headers).toEqual([]);
      expect(e.response._error).toBe('net::ERR_FAILED');
      expect(e.request.httpVersion).toBe('');
      expect(e.serverIPAddress).toBe('');
      expect(e.timings.blocked).toBeCloseTo(e.time, 3);
    }
  });

  test('each preflight names its request in _initiator, and a request stopped after its answer keeps status and headers with _error', () => {
    const preflights = entries.filter((e) => e._resourceType === 'preflight');
    expect(preflights.length).toBeGreaterThan(300);
    for (const p of preflights) expect(p._initiator).toEqual({ type: 'preflight', url: p.request.url, requestId: expect.stringMatching(/^\d+\.\d+$/) });
    const blockedAfterAnswer = entries.filter((e) => e._resourceType !== 'preflight' && e.response.status > 0 && e.response._error === 'net::ERR_FAILED');
    expect(blockedAfterAnswer.length).toBeGreaterThan(20);
    for (const e of blockedAfterAnswer) expect(e.response.headers.length).toBeGreaterThan(0);
  });

  test('several page origins, AWS ids that differ per answer, long bearer tokens, no test ports left', () => {
    const pages = new Set(entries.map((e) => new URL(e.request.headers.find((h) => h.name === 'Referer')?.value ?? e.request.url).origin));
    expect(pages.size).toBeGreaterThanOrEqual(3);
    const requestIds = entries.flatMap((e) => (e.response.headers as { name: string; value: string }[]).filter((h) => h.name.toLowerCase() === 'x-amzn-requestid').map((h) => h.value));
    expect(requestIds.length).toBeGreaterThan(100);
    expect(new Set(requestIds).size).toBe(requestIds.length);
    const tokens = entries.flatMap((e) => e.request.headers.filter((h) => h.name === 'Authorization' && h.value.startsWith('Bearer')).map((h) => h.value));
    expect(tokens.length).toBeGreaterThan(100);
    for (const t of tokens) expect(t.length).toBeGreaterThan(700);
    expect(entries.filter((e) => /:4720[12]\b/.test(e.request.url))).toEqual([]);
  });

  test('every clone keeps its capture\'s verdict; most calls preflighted, about half blocked, routes repeated', () => {
    const outcomeOf = new Map<string, string>(units.map((u: { url: URL; outcome: string }) => [u.url.hostname, u.outcome]));
    const { exchanges } = analyzeHar({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } } as never);
    const cors = exchanges.filter((x) => x.kind === 'cors');
    const wrong = cors.filter((x) => x.verdict !== 'unknown' && x.verdict !== outcomeOf.get(new URL(x.url).hostname));
    expect(wrong.map((x) => `${x.url} ${x.verdict}`)).toEqual([]);
    expect(cors.filter((x) => x.verdict === 'unknown').length).toBeLessThanOrEqual(cors.length * 0.01);
    const preflighted = cors.filter((x) => x.preflightEntry !== null).length / cors.length;
    const blocked = cors.filter((x) => x.verdict === 'blocked').length / cors.length;
    expect(preflighted).toBeGreaterThan(0.65);
    expect(blocked).toBeGreaterThan(0.4);
    expect(blocked).toBeLessThan(0.65);
    expect(new Set(cors.map((x) => x.url)).size).toBeLessThan(cors.length * 0.8);
  });
});

describe('bench:check baselines (bench/lib/baselines.mjs)', () => {
  const ratios = { 'core-vs-parse': 4.145, linearity: 0.788 };

  test('the old single baseline (check + checkMeta) is read as its Node\'s, and written back in the new format only', () => {
    const old = { meta: {}, metrics: {}, check: ratios, checkMeta: { node: 'v20.20.2', pattern: 'preflight-first', date: 'd' } };
    expect(readBaselines(old)).toEqual({ 'v20.20.2': { ratios, pattern: 'preflight-first', date: 'd', commit: null } });
    const written = withBaselines(old, readBaselines(old));
    expect(Object.keys(written).sort()).toEqual(['checkBaselines', 'meta', 'metrics']);
    expect(readBaselines(written)).toEqual(readBaselines(old));
  });

  test('baselines are kept per Node version: another Node\'s is not this one\'s', () => {
    const results = { checkBaselines: { 'v20.20.2': { ratios, commit: 'abc' }, 'v22.1.0': { ratios: { linearity: 1 }, commit: 'def' } } };
    expect(readBaselines(results)['v22.1.0'].ratios).toEqual({ linearity: 1 });
    expect(readBaselines(results)['v20.0.0']).toBeUndefined();
  });

  test('a ratio more than 3% worse fails, 3% passes, and a ratio with no baseline fails', () => {
    const rows = compareRatios({ 'core-vs-parse': 4.145 * 1.031, linearity: 0.788 * 1.03, 'new-ratio': 1 }, ratios);
    expect(rows.map((r: { name: string; ok: boolean }) => [r.name, r.ok])).toEqual([['core-vs-parse', false], ['linearity', true], ['new-ratio', false]]);
  });
});

describe('the self-test\'s deliberate regressions (bench/lib/inject.mjs)', () => {
  test('nothing unless asked; a slowdown is linear in n, a quadratic term grows with n²', () => {
    expect(injectedEntries(2000, {})).toBe(0);
    expect(injectedEntries(2000, { [SLOWDOWN_ENV]: '0.05' })).toBe(100);
    expect(injectedEntries(1000, { [QUADRATIC_ENV]: '0.02' })).toBe(20);
    expect(injectedEntries(4000, { [QUADRATIC_ENV]: '0.02' })).toBe(320);
  });
});
