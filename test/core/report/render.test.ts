import { describe, expect, test } from 'vitest';
import { REPORT_CSP, REPORT_FORMATS, expandReportV2, previewRedaction, renderReport, type ReportFormat } from '../../../src/core/report';
import { EVIDENCE, GW, SECRETS, corpusHar, corpusReport } from '../redact/corpus';

const formats = REPORT_FORMATS;
const render = (format: ReportFormat, extra: Record<string, unknown> = {}) => renderReport(corpusReport(), corpusHar(), { format, ...extra });
const escapedForms = (v: string): string[] => [
  v,
  encodeURIComponent(v),
  JSON.stringify(v).slice(1, -1),
  v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
];

describe('no planted secret leaks, in any format or scope', () => {
  const cases = formats.flatMap((format) => (['all', 'cors', 'blocked', 'exchange:x0'] as const).map((scope) => [format, scope] as const));
  test.each(cases)('%s, scope %s', (format, scope) => {
    const { text } = render(format, { scope });
    const leaks = Object.entries(SECRETS).filter(([, v]) => escapedForms(v).some((form) => text.includes(form)));
    expect(leaks.map(([name]) => name)).toEqual([]);
  });

  test('also with bodies kept', () => {
    for (const format of formats) {
      const { text } = render(format, { keepBodies: true });
      const leaks = Object.entries(SECRETS).filter(([name, v]) => name !== 'responseBodyOpaque' && escapedForms(v).some((f) => text.includes(f)));
      expect(leaks.map(([name]) => `${format}:${name}`)).toEqual([]);
    }
  });

  test('keepSecrets is an explicit opt-out: the values are there', () => {
    const { text, redaction } = render('har', { keepSecrets: true });
    expect(text).toContain(SECRETS.bearer);
    expect(redaction.secretsRedacted).toBe(false);
    expect(render('markdown', { keepSecrets: true }).text).toContain('secrets KEPT');
  });
});

describe('the CORS evidence survives', () => {
  test.each(['har', 'markdown', 'html'] as const)('%s shows Origin, ACAO, ACAM, ACAH, Vary, status, path and host', (format) => {
    const { text } = render(format);
    for (const v of [EVIDENCE.origin, EVIDENCE.allowOrigin, EVIDENCE.allowMethods, EVIDENCE.allowHeaders, EVIDENCE.path, EVIDENCE.host]) {
      expect(text).toContain(v);
    }
    expect(text).toMatch(/Vary/);
    expect(text).toContain(String(EVIDENCE.status));
  });

  test('json keeps the checks, verdicts and URLs (path and host)', () => {
    const doc = JSON.parse(render('json').text);
    expect(doc.schemaVersion).toBe(2);
    // Version 2: the checklist rows are in a table, the exchange refers to them by id.
    expect(doc.tables.checks[doc.exchanges[0].checks[1]].actual).toBe(EVIDENCE.allowHeaders);
    const json = expandReportV2(doc);
    expect(json.exchanges[0].checks[1].actual).toBe(EVIDENCE.allowHeaders);
    expect(json.exchanges[0].verdict).toBe('blocked');
    expect(json.exchanges[0].url).toBe(`${GW}/prod/items/7?key=[redacted:2]&view=full`);
  });
});

describe('correlation: one secret, one placeholder, in every format', () => {
  test.each(formats)('%s uses the HAR placeholder for the API key quoted in the analysis', (format) => {
    const { text } = render(format);
    const placeholder = JSON.parse(render('har').text).log.entries[1].request.headers.find((h: { name: string }) => h.name === 'X-Api-Key').value;
    expect(placeholder).toMatch(/^\[redacted:\d+\]$/);
    const md = placeholder.replace(/[[\]]/g, '\\$&');
    expect(text.includes(placeholder) || text.includes(md)).toBe(true);
  });

  test('the presigned URL in the summary reads the same placeholders as the HAR entry', () => {
    const har = JSON.parse(render('har').text);
    const json = JSON.parse(render('json').text);
    expect(json.exchanges[1].url).toBe(har.log.entries[2].request.url);
  });
});

describe('redaction summary', () => {
  test('is the same for every format and matches the preview', () => {
    const preview = previewRedaction(corpusReport(), corpusHar(), { scope: 'all' });
    for (const format of formats) expect(render(format).redaction).toEqual(preview);
  });

  test('counts only what the scope exports', () => {
    expect(previewRedaction(corpusReport(), corpusHar(), { scope: 'exchange:x2' }).total).toBeLessThan(
      previewRedaction(corpusReport(), corpusHar()).total,
    );
  });
});

describe('output shapes', () => {
  test('html is one self-contained document with the strict CSP first in <head>', () => {
    const { text, mimeType } = render('html');
    expect(mimeType).toBe('text/html');
    expect(text.startsWith('<!DOCTYPE html>')).toBe(true);
    const head = text.slice(text.indexOf('<head>'), text.indexOf('<title>'));
    expect(head).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP.replace(/'/g, '&#39;')}">`);
    expect(REPORT_CSP).toContain("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(text).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|src=|@import|url\(/i);
    expect([...text.matchAll(/href="([^"]*)"/g)].every((m) => m[1].startsWith('#x-'))).toBe(true);
  });

  test('markdown has the summary table and a section per blocked exchange only', () => {
    const { text } = render('markdown');
    expect(text).toContain('| # | Method | URL | Verdict | Reason | Hidden status |');
    expect(text.match(/^## /gm)?.length).toBe(2);
    expect(text).toContain('### Checklist');
    expect(text).toContain('### Why a preflight');
    expect(text).toContain('### How to fix');
    expect(text).toContain('403 Forbidden (preflight)');
  });

  test('every table row has the header row’s number of cells', () => {
    const rows = render('markdown').text.split('\n').filter((l) => l.startsWith('| '));
    for (const row of rows) {
      const cells = row.replace(/\\\|/g, '').split('|').length;
      expect([8, 9]).toContain(cells); // 6 columns (summary) or 7 columns (checklist)
    }
  });

  test('an unknown exchange id is an error, not an empty report', () => {
    expect(() => render('markdown', { scope: 'exchange:nope' })).toThrow(/nope/);
  });
});
