// Exports that work (issue 12, item 7): redaction applies to captured data only, so every fix snippet
// CORS Lens writes survives export byte for byte, in every format; and the Markdown is sized for a GitHub
// issue (65,536 characters): one toolchain's fixes, each identical fix written once.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../src/core/analyze';
import { REPORT_FORMATS, escapeHtml, expandReportV2, renderReport } from '../../../src/core/report';
import type { AnalysisReport, HintFix } from '../../../src/core/types';
import { corpusHar } from '../redact/corpus';

const FIXTURES = path.join(__dirname, '../../fixtures');
const GITHUB_ISSUE_BODY_MAX = 65_536;

/** Every Chromium capture of test/fixtures/aws with a blocked fetch, in file order: the entries of each. */
function blockedAwsCaptures(): unknown[][] {
  const dir = path.join(FIXTURES, 'aws');
  const out: unknown[][] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const fx = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { har?: { log: { entries: unknown[] } }; fetches?: Array<{ truth?: { outcome?: string } }> };
    if (fx.har && fx.fetches?.some((x) => x.truth?.outcome === 'blocked')) out.push(fx.har.log.entries);
  }
  return out;
}
const harOf = (entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages: [], entries } });

/** The demo (`npm start`, AWS host names), captured by scripts/capture-demo-har.mjs, called `times` times. */
function demoHar(times: number) {
  const har = JSON.parse(readFileSync(path.join(FIXTURES, 'demo/chromium-demo.har'), 'utf8')) as { log: { entries: Array<{ startedDateTime: string; request: { url: string } }> } };
  const entries = Array.from({ length: times }, (_, run) =>
    har.log.entries.map((e) => ({ ...e, startedDateTime: new Date(Date.parse(e.startedDateTime) + run * 60_000).toISOString(), request: { ...e.request, url: e.request.url.replace('run=har', `run=har${run}`) } })),
  ).flat();
  return { log: { ...har.log, entries } };
}

const chars = (text: string) => [...text].length;

describe('every fix snippet survives export byte for byte, in every format', () => {
  const inputs: Array<[string, unknown]> = [
    ['the redaction corpus (planted secrets everywhere)', corpusHar()],
    ['every AWS capture (tokens, keys, cookies)', harOf(blockedAwsCaptures().flat())],
    ['the demo', demoHar(1)],
  ];

  test.each(inputs)('%s', (_name, har) => {
    const analysis: AnalysisReport = analyzeHar(har);
    const fixes = analysis.exchanges.flatMap((x) => x.hints.flatMap((h) => h.fixes.map((f) => ({ x: x.id, h, f }))));
    expect(fixes.length).toBeGreaterThan(0);
    const code = fixes.filter(({ f }) => f.copy !== false);
    for (const format of REPORT_FORMATS) {
      const { text } = renderReport(analysis, har, { format, toolchain: 'all' });
      if (format === 'json') {
        // Schema 2: fix blocks in a table, read back through the version 1 shape.
        const out = expandReportV2(JSON.parse(text));
        const byId = new Map(out.exchanges.map((x) => [x.id, x]));
        for (const x of analysis.exchanges) expect.soft(byId.get(x.id)?.hints.map((h) => [h.title, h.explanation, h.fixes, h.docs])).toEqual(x.hints.map((h) => [h.title, h.explanation, h.fixes, h.docs]));
      } else if (format === 'markdown') {
        for (const { f } of code) expect.soft(text, `${f.toolchain}: ${f.title}`).toContain(f.snippet);
      } else if (format === 'html') {
        for (const { f } of fixes) expect.soft(text, `${f.toolchain}: ${f.title}`).toContain(escapeHtml(f.snippet));
      } else {
        // The annotated HAR carries each hint's id, title and confidence (no snippets): the titles are intact.
        const titles = new Set((JSON.parse(text).log.entries as Array<{ _corsLens?: { hints?: Array<{ title: string }> } }>).flatMap((e) => e._corsLens?.hints?.map((h) => h.title) ?? []));
        for (const { h } of fixes) expect.soft(titles.has(h.title), h.title).toBe(true);
      }
    }
  }, 60_000);

  test("the AWS CLI fix keeps Access-Control-Allow-Credentials 'true' (it was \"[redacted:2]\")", () => {
    const har = harOf(blockedAwsCaptures().flat());
    const analysis = analyzeHar(har);
    const withCredentials = analysis.exchanges.flatMap((x) => x.hints.flatMap((h) => h.fixes)).filter((f: HintFix) => f.toolchain === 'cli' && /Allow-Credentials/.test(f.snippet));
    expect(withCredentials.length).toBeGreaterThan(0);
    const { text, redaction } = renderReport(analysis, har, { format: 'markdown', toolchain: 'cli' });
    expect(text).not.toMatch(/Allow-Credentials[^\n]*\[redacted:\d+\]/);
    expect(redaction.items.map((i) => i.name.toLowerCase())).not.toContain(expect.stringMatching(/allow-credentials/));
  });
});

describe('Markdown sized for an issue', () => {
  const captures = blockedAwsCaptures();

  test.each(Array.from({ length: Math.floor((captures.length - 20) / 5) + 1 }, (_, i) => i * 5))(
    '20 distinct blocked AWS requests (captures %i–%i+19) fit in 65,536 characters',
    (start) => {
      const har = harOf(captures.slice(start, start + 20).flat());
      const { text } = renderReport(analyzeHar(har), har, { format: 'markdown', scope: 'blocked' });
      expect(text.match(/^## \d+\. /gm)).toHaveLength(20);
      expect(chars(text)).toBeLessThanOrEqual(GITHUB_ISSUE_BODY_MAX);
    },
  );

  test('the demo called twice (20 blocked requests) fits, and the second run refers to the first', () => {
    const har = demoHar(2);
    const analysis = analyzeHar(har);
    expect(analysis.counts.blocked).toBe(20);
    for (const toolchain of [undefined, 'cli', 'terraform', 'lambda-node'] as const) {
      const { text } = renderReport(analysis, har, { format: 'markdown', scope: 'blocked', ...(toolchain ? { toolchain } : {}) });
      expect(chars(text), toolchain ?? 'default').toBeLessThanOrEqual(GITHUB_ISSUE_BODY_MAX);
      expect(text).toMatch(/same fix as request \d+\./);
    }
  });

  test('one toolchain by default; --toolchain all writes every toolchain; HTML keeps every toolchain, collapsed', () => {
    const har = demoHar(1);
    const analysis = analyzeHar(har);
    const one = renderReport(analysis, har, { format: 'markdown', scope: 'blocked', toolchain: 'terraform' }).text;
    const all = renderReport(analysis, har, { format: 'markdown', scope: 'blocked', toolchain: 'all' }).text;
    const summaries = (t: string) => [...t.matchAll(/<details><summary>([\w-]+):/g)].map((m) => m[1]);
    expect(new Set(summaries(one).filter((t) => t !== 'generic'))).toEqual(new Set(['terraform']));
    expect(new Set(summaries(all))).toEqual(new Set(['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform', 'lambda-node', 'lambda-python', 'generic']));
    expect(chars(all)).toBeGreaterThan(2 * chars(one));
    const html = renderReport(analysis, har, { format: 'html', scope: 'blocked', toolchain: 'terraform' }).text;
    for (const t of ['console', 'cli', 'sam', 'cdk', 'terraform', 'lambda-node']) expect(html).toContain(`<details><summary>${t}: `);
    expect(html).not.toMatch(/<details open><summary>(?:console|cli|terraform):/);
  });
});
