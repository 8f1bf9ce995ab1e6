// `cors-lens analyze` and the API view: the summary before the requests, `apis[]` / `findings[]` in JSON
// (schema 2: fix blocks by id), and `--fail-on` with finding ids and prefixes. Run on HARs captured in
// Chromium (test/fixtures/apis/).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../src/core';
import { expandReportV2 } from '../../src/core/report';
import { runCli } from '../support/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-apis-'));
const harOf = (id: string) => {
  const path = join(dir, `${id}.har`);
  writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(`test/fixtures/apis/${id}.json`, 'utf8')).har));
  return path;
};

describe('cors-lens analyze: the API view', () => {
  test('text: the API summary comes before the requests, with routes, one fix per shared cause and the findings', async () => {
    const { code, out } = await runCli(['analyze', harOf('rest-multi-route'), '--no-color']);
    expect(code).toBe(0);
    const apis = out.indexOf('APIs (1):');
    const requests = out.indexOf('\nRequests:');
    expect(apis).toBeGreaterThan(0);
    expect(requests).toBeGreaterThan(apis);
    const summary = out.slice(apis, requests);
    expect(summary).toContain('API Gateway REST API apiroutes1, stage prod');
    expect(summary).toMatch(/✖ PUT \/items\/\{id\}\s+1 blocked \(PreflightMissingAllowOriginHeader\)/);
    expect(summary).toContain('Fix for 2 routes [rest-preflight]');
    expect(summary).toContain('Covers: GET /orders/{id}, GET /users/{id}');
    expect(summary).toContain('Finding BP-INCONSISTENT-ROUTES [low, certain]');
    expect(summary).not.toContain('Finding SEC-');
  });

  test('JSON: apis[] with routes[] and findings[], and a flat findings[] naming the API and exchanges', async () => {
    const { out } = await runCli(['analyze', harOf('reflects-any-origin'), '--format', 'json']);
    const report = JSON.parse(out);
    expect(report.apis).toHaveLength(1);
    const [api] = report.apis;
    expect(api.routes.map((r: { key: string }) => r.key)).toEqual(['GET /me']);
    expect(report.findings).toEqual(api.findings);
    const [finding] = report.findings;
    expect(finding).toMatchObject({ id: 'SEC-REFLECTED-ORIGIN', severity: 'high', confidence: 'possible', api: api.key });
    expect(finding.exchanges).toEqual(report.exchanges.map((x: { id: string }) => x.id));
  });

  test('JSON: the streamed HAR gives the apis[] and findings[] of the whole-file analysis (fix blocks by id in version 2)', async () => {
    const path = harOf('rest-multi-route');
    const whole = JSON.parse(JSON.stringify(analyzeHar(readFileSync(path, 'utf8'))));
    const doc = JSON.parse((await runCli(['analyze', path, '--format', 'json'])).out);
    expect(doc.apis[0].fixes[0].fixes.every((id: unknown) => typeof id === 'number')).toBe(true);
    const streamed = JSON.parse(JSON.stringify(expandReportV2(doc)));
    expect(streamed.apis).toEqual(whole.apis);
    expect(streamed.findings).toEqual(whole.findings);
  });

  test.each([
    ['reflects-any-origin', 'SEC-', 1],
    ['reflects-any-origin', 'SEC-REFLECTED-ORIGIN', 1],
    ['reflects-any-origin', 'BP-', 0],
    ['reflects-any-origin', 'blocked', 0],
    ['rest-multi-route', 'SEC-', 0],
    ['rest-multi-route', 'blocked,SEC-', 1],
    ['rest-multi-route', 'BP-INCONSISTENT-ROUTES', 1],
    ['http-api-clean', 'blocked,BP-,SEC-', 0],
  ] as const)('%s with --fail-on %s exits %i', async (id, failOn, exit) => {
    expect((await runCli(['analyze', harOf(id), '--fail-on', failOn])).code).toBe(exit);
  });

  test.each(['SEC-NOPE', 'XYZ-', 'blocked,sec-'])('--fail-on %s is a usage error', async (failOn) => {
    const { code, err } = await runCli(['analyze', harOf('http-api-clean'), '--fail-on', failOn]);
    expect(code).toBe(2);
    expect(err).toContain('--fail-on');
  });
});
