// The log plan in every output: CLI text, Markdown and HTML reports (redacted, like every export).
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../../src/core/analyze';
import { formatText, renderReport } from '../../../../src/core/report';
import { REST_URL, har, req, restError } from '../support';
import { REQUEST_ID } from './cases';

const file = har(req(REST_URL, 'GET', 401, restError('UnauthorizedException'), { body: '{"message":"Unauthorized"}', requestHeaders: { Authorization: 'Bearer sekret-token-123456' } }));
const report = analyzeHar(file);

describe('Find it in the logs, in each output', () => {
  test('CLI text: the search, the console link and the on/off commands under the exchange', () => {
    const text = formatText(report, { name: 'x.har', color: false, onlyBlocked: false });
    expect(text).toContain('  Find it in the logs: GET https://abc123defg.execute-api.us-east-1.amazonaws.com/prod/items at 2026-11-24T18:47:46Z (UTC)');
    expect(text).toContain(`--filter-pattern '"${REQUEST_ID}"'`);
    expect(text).toContain("'op=replace,path=/*/*/logging/loglevel,value=OFF'");
    expect(text).not.toContain('sekret-token');
  });

  test('Markdown (every toolchain): a paragraph with the ids and the logs; the issue-sized default leaves it to HTML', () => {
    const md = renderReport(report, file, { format: 'markdown', toolchain: 'all' }).text;
    expect(md).toContain('### Find it in the logs');
    expect(md).toContain('a1b2c3d4');
    expect(md).toContain('API Gateway REST execution log (stage prod)');
    expect(renderReport(report, file, { format: 'markdown' }).text).not.toContain('### Find it in the logs');
  });

  test('HTML: a details block, snippets as escaped text, no links', () => {
    const html = renderReport(report, file, { format: 'html' }).text;
    expect(html).toContain('<details open class="logs"><summary>Find it in the logs</summary>');
    expect(html).toContain('--filter-pattern &#39;&quot;a1b2c3d4');
    expect(html).not.toMatch(/<a\s[^>]*href="https/);
  });
});
