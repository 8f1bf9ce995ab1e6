import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../src/core';
import { renderReport, type EntryAnnotation, type ReportScope } from '../../../src/core/report';
import { corpusHar, corpusReport, SECRETS } from '../redact/corpus';
import { validateHar } from './har-validator';
import { exchange, report } from './report-factory';
import { API, PAGE, entry, har, preflight } from '../../support/har-builder';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const annotated = (r = corpusReport(), h: unknown = corpusHar(), scope: ReportScope = 'all', extra = {}): Json =>
  JSON.parse(renderReport(r, h, { format: 'har', scope, ...extra }).text);
const lens = (h: Json, i: number): EntryAnnotation => h.log.entries[i]._corsLens;

describe('annotated HAR: shape', () => {
  test.each(['all', 'cors', 'blocked', 'exchange:x2'] as const)('is valid HAR 1.2 (scope %s)', (scope) => {
    expect(validateHar(annotated(corpusReport(), corpusHar(), scope))).toEqual([]);
  });

  test('is valid HAR 1.2 with secrets and bodies kept', () => {
    expect(validateHar(annotated(corpusReport(), corpusHar(), 'all', { keepSecrets: true, keepBodies: true }))).toEqual([]);
  });

  test('the validator does catch what Chrome DevTools’ importer rejects', () => {
    const broken = corpusHar() as Json;
    delete broken.log.entries[0].timings.send;
    broken.log.entries[1].startedDateTime = 'yesterday';
    broken.log.entries[2].response.status = '403';
    broken.log.entries[3].corsLens = {};
    expect(validateHar(broken)).toEqual([
      'log.entries[0].timings.send: required',
      'log.entries[1].startedDateTime: expected date, got "yesterday"',
      'log.entries[2].response.status: expected number, got "403"',
      'log.entries[3].corsLens: custom fields must start with "_"',
    ]);
  });

  test('keeps the original creator (importers read the browser flavour from it) and says what it did in comment and _corsLens', () => {
    const h = annotated();
    expect(h.log.creator).toEqual({ name: 'test', version: '0' });
    expect(h.log.comment).toMatch(/^Annotated by cors-lens 0\.1\.0; \d+ secret values redacted; bodies removed\.$/);
    expect(h.log._corsLens.scope).toBe('all');
    expect(h.log._corsLens.redaction.secretsRedacted).toBe(true);
  });
});

describe('annotated HAR: _corsLens per entry', () => {
  const h = annotated();

  test('names the exchange, the role and the other half of the pair', () => {
    expect(lens(h, 0)).toMatchObject({ exchangeId: 'x0', role: 'preflight', pairedWith: 1, verdict: 'blocked', sourceIndex: 0 });
    expect(lens(h, 1)).toMatchObject({ exchangeId: 'x0', role: 'actual', pairedWith: 0, corsError: 'AllowOriginMismatch' });
  });

  test('carries the checklist rows of its own stage, every failure, and hints as id/title/confidence', () => {
    expect(lens(h, 0).checks.map((c) => c.stage)).toEqual(['preflight', 'preflight']);
    expect(lens(h, 1).checks.map((c) => c.stage)).toEqual(['actual', 'actual']);
    expect(lens(h, 1).allFailures).toHaveLength(1);
    expect(lens(h, 1).hints).toEqual([{ id: 'APIGW-R05', title: 'Return CORS headers from API Gateway error responses', confidence: 'likely' }]);
  });

  test('leaves entries outside every exchange without annotation', () => {
    expect(h.log.entries[4]._corsLens).toBeUndefined();
  });

  test('renumbers entry references in a scoped export', () => {
    const r = report(
      exchange({ id: 'x0', verdict: 'allowed', preflightEntry: 0, actualEntry: 1 }),
      exchange({ id: 'x2', preflightEntry: 2, actualEntry: 3, allFailures: [] }),
    );
    const input = har(entry(), entry(), preflight(`${API}/a`, 'PUT', {}), entry({ method: 'PUT', url: `${API}/a`, requestHeaders: { Origin: PAGE } }));
    const scoped = annotated(r, input, 'blocked');
    expect(scoped.log.entries).toHaveLength(2);
    expect(lens(scoped, 0)).toMatchObject({ role: 'preflight', pairedWith: 1, sourceIndex: 2 });
    expect(lens(scoped, 1)).toMatchObject({ role: 'actual', pairedWith: 0, sourceIndex: 3 });
  });

  test('keeps only the pages its entries refer to', () => {
    expect(annotated(corpusReport(), corpusHar(), 'exchange:x2').log.pages).toEqual([]);
    expect(annotated(corpusReport(), corpusHar(), 'exchange:x0').log.pages).toHaveLength(1);
  });
});

describe('through the analyser', () => {
  const analysed = analyzeHar(corpusHar());

  test.each(['har', 'markdown', 'html', 'json'] as const)('%s: zero leaks from the real analysis', (format) => {
    for (const scope of ['all', 'cors', 'blocked'] as const) {
      const { text } = renderReport(analysed, corpusHar(), { format, scope });
      const leaks = Object.entries(SECRETS).filter(([, v]) => text.includes(v) || text.includes(encodeURIComponent(v)));
      expect(leaks.map(([name]) => `${scope}:${name}`)).toEqual([]);
    }
  });

  test('round trip: the redacted annotated HAR analyses to the same verdicts', () => {
    const exported = annotated(analysed, corpusHar());
    const again = analyzeHar(exported);
    const pick = (x: (typeof analysed.exchanges)[number]) => [x.id, x.verdict, x.corsError, x.pairing.method, x.hiddenStatus?.status ?? null];
    expect(again.exchanges.map(pick)).toEqual(analysed.exchanges.map(pick));
    expect(again.problems).toEqual([]);
  });

  test('round trip of a scoped export: each annotated entry re-analyses to the verdict it carries', () => {
    const exported = annotated(analysed, corpusHar(), 'blocked');
    const again = analyzeHar(exported);
    const annotatedActual = (exported.log.entries as Json[]).flatMap((e, i) => (e._corsLens?.role === 'actual' ? [[i, e._corsLens.verdict]] : []));
    expect(annotatedActual.length).toBeGreaterThan(0);
    for (const [i, verdict] of annotatedActual) expect(again.exchanges.find((x) => x.actualEntry === i)?.verdict).toBe(verdict);
  });
});
