// The Markdown and HTML reports open with the API view (routes with the observed policy, the consolidated
// fixes, the findings), on a REST API captured in Chromium (test/fixtures/apis/rest-multi-route.json).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHar, renderReport } from '../../../src/core';

const har = JSON.parse(readFileSync('test/fixtures/apis/rest-multi-route.json', 'utf8')).har;
const report = analyzeHar(har);
const render = (format: 'markdown' | 'html', scope: 'all' | 'blocked' | `exchange:${string}` = 'all') => renderReport(report, har, { format, scope }).text;

describe('reports: the API section first', () => {
  test('Markdown: "## APIs" before the exchange table, one row per route, the fixes and findings', () => {
    const text = renderReport(report, har, { format: 'markdown', scope: 'all', toolchain: 'terraform' }).text;
    const apis = text.indexOf('## APIs');
    expect(apis).toBeGreaterThan(0);
    expect(apis).toBeLessThan(text.indexOf('| # | Method | URL |'));
    expect(text).toContain('### API Gateway REST API apiroutes1, stage prod');
    expect(text).toMatch(/\| PUT \/items\/\{id\} \| 0 \| 1 \| \(absent\)/);
    expect(text).toContain('**Fix for 2 routes: Add CORS headers to the REST API\'s gateway responses**');
    expect(text).toContain('<summary>terraform: aws&#95;api&#95;gateway&#95;gateway&#95;response for each type</summary>');
    expect(text).toContain('**BP-INCONSISTENT-ROUTES** (low, certain)');
  });

  test('HTML: the APIs section before the first exchange, linking to the exchanges', () => {
    const text = render('html');
    const apis = text.indexOf('<section class="apis">');
    expect(apis).toBeGreaterThan(0);
    expect(apis).toBeLessThan(text.indexOf('<section class="exchange"'));
    expect(text.slice(apis, text.indexOf('</section>', apis))).toContain('<a href="#x-x5">x5</a>');
  });

  test('a scoped report carries only what concerns its exchanges', () => {
    const blocked = render('markdown', 'blocked');
    expect(blocked).toContain('## APIs');
    expect(blocked).toMatch(/\| PUT \/items\/\{id\} \|/);
    // The allowed routes, and the findings their exchanges show, stay out of a "blocked" export.
    expect(blocked).not.toMatch(/\| POST \/items \|/);
    expect(blocked).not.toContain('BP-INCONSISTENT-ROUTES');
    // One exchange: no API section at all.
    expect(render('markdown', 'exchange:x5')).not.toContain('## APIs');
  });

  test('the redactor covers the API section: no captured X-Api-Key value in it', () => {
    expect(render('markdown')).not.toContain('k1,');
  });
});
