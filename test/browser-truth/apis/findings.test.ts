// The API view on HARs captured in real Chromium (test/fixtures/apis/, from
// test/browser-truth/apis/scenarios.mjs via scripts/generate-api-fixtures.mjs): each scenario's API
// raises exactly the findings its scenario names — every capture finding id has a scenario where it is
// raised and one where it is not — and the multi-route capture shows one API, its routes and one
// consolidated fix per shared cause.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { createAnalyzer, readHar } from '../../../src/core';
import { analyzeApis, CAPTURE_FINDING_IDS, type ApiReport } from '../../../src/core/api';

const DIR = path.resolve(__dirname, '../../fixtures/apis');

interface Fixture {
  id: string;
  description: string;
  browser: string;
  expect: { api: string; findings: string[]; routes?: string[]; blocked?: number; fixes?: Array<{ cause: string; routes: string[] }> };
  calls: Array<{ jsOutcome: string }>;
  har: unknown;
}

const fixtures: Fixture[] = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')));

function apisOf(fx: Fixture): { apis: ApiReport[]; verdicts: string[] } {
  const read = readHar(fx.har);
  const analyzer = createAnalyzer();
  analyzer.addObserved(read.entries);
  const exchanges = analyzer.exchanges();
  return { apis: analyzeApis(exchanges, (i) => analyzer.entry(i)), verdicts: exchanges.map((x) => x.verdict) };
}

describe('API view on Chromium captures (test/fixtures/apis)', () => {
  test('the captures were made in Chromium and cover every capture finding, raised and not raised', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    for (const fx of fixtures) expect(fx.browser).toMatch(/Chrome\/\d+/);
    for (const id of CAPTURE_FINDING_IDS) {
      expect(fixtures.some((f) => f.expect.findings.includes(id)), `${id} positive`).toBe(true);
      expect(fixtures.some((f) => !f.expect.findings.includes(id)), `${id} negative`).toBe(true);
    }
  });

  test.each(fixtures.map((f) => [f.id, f] as const))('%s: one API, exactly the expected findings', (_id, fx) => {
    const { apis } = apisOf(fx);
    expect(apis.map((a) => a.key)).toEqual([fx.expect.api]);
    const [api] = apis;
    expect([...new Set(api.findings.map((f) => f.id))].sort()).toEqual([...fx.expect.findings].sort());
    const exchangeIds = new Set(api.routes.flatMap((r) => r.exchanges));
    for (const f of api.findings) {
      expect(f.api).toBe(api.key);
      expect(f.exchanges.length, `${f.id} names its exchanges`).toBeGreaterThan(0);
      for (const id of f.exchanges) expect(exchangeIds.has(id), `${f.id} exchange ${id}`).toBe(true);
      if (f.confidence !== 'certain') expect(f.confirm, `${f.id} says what would confirm it`).toBeTruthy();
    }
  });

  test('findings never change a verdict: the allowed calls of a scenario with findings stay allowed', () => {
    for (const fx of fixtures) {
      const { verdicts } = apisOf(fx);
      const jsOk = fx.calls.filter((c) => c.jsOutcome === 'ok').length;
      expect(verdicts.filter((v) => v === 'allowed').length, fx.id).toBe(jsOk);
    }
  });
});

describe('the multi-route REST API (the done-when capture)', () => {
  const fx = fixtures.find((f) => f.id === 'rest-multi-route')!;
  const [api] = apisOf(fx).apis;

  test('is one API, with its routes (ids collapsed) and counts', () => {
    expect(api.kind).toBe('apigw-rest');
    expect(api.label).toBe('API Gateway REST API apiroutes1, stage prod');
    expect(api.routes.map((r) => r.key).sort()).toEqual([...fx.expect.routes!].sort());
    expect(api.counts.blocked).toBe(fx.expect.blocked);
    expect(api.pageOrigins).toEqual([expect.stringMatching(/^https:\/\/app\.example\.test:\d+$/)]);
  });

  test('has one consolidated fix per shared cause, covering its routes', () => {
    expect(api.fixes.map((f) => ({ cause: f.cause, routes: [...f.routes].sort() }))).toEqual(fx.expect.fixes!.map((f) => ({ cause: f.cause, routes: [...f.routes].sort() })));
    for (const f of api.fixes) {
      const toolchains = f.fixes.map((x) => x.toolchain);
      expect(new Set(toolchains).size, `${f.cause}: one fix per toolchain`).toBe(toolchains.length);
    }
  });

  test('the preflight fix allows the union of the methods and headers the routes needed', () => {
    const preflight = api.fixes.find((f) => f.cause === 'rest-preflight')!;
    for (const m of ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS']) expect(preflight.allowMethods).toContain(m);
    expect(preflight.allowHeaders.map((h) => h.toLowerCase())).toEqual(expect.arrayContaining(['content-type', 'x-api-key']));
    const cdk = preflight.fixes.find((x) => x.toolchain === 'cdk')!.snippet;
    expect(cdk).toContain('DELETE');
    expect(cdk).toContain('X-Api-Key');
  });

  test('the gateway responses fix is the one Gateway Responses change', () => {
    const gwr = api.fixes.find((f) => f.cause === 'rest-gateway-responses')!;
    const cli = gwr.fixes.find((x) => x.toolchain === 'cli')!.snippet;
    expect(cli).toContain('put-gateway-response');
    expect(cli).toContain('apiroutes1');
  });

  test('the observed policy shows which routes answered the preflight', () => {
    const route = (k: string) => api.routes.find((r) => r.key === k)!;
    expect(route('POST /items').policy.allowHeaders).toEqual(['Content-Type,X-Api-Key']);
    expect(route('PUT /items/{id}').policy.allowOrigin).toEqual([null]);
    expect(route('GET /orders/{id}').responses.errorsWithoutCors).toBe(1);
  });
});
