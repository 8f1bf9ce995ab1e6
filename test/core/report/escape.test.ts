import { describe, expect, test } from 'vitest';
import { escapeHtml, escapeMarkdown, htmlId, markdownFence } from '../../../src/core/report';

describe('escapeHtml', () => {
  test.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['`', '&#96;'],
    ['\u0000', '\uFFFD'],
  ])('escapes %j as %j', (input, output) => expect(escapeHtml(input)).toBe(output));

  test.each([
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '</style><script>alert(1)</script>',
    '<!--',
    '<![CDATA[',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '`onmouseover=alert(1)',
    '&lt;script&gt;',
  ])('leaves no markup character in %j', (payload) => {
    const out = escapeHtml(payload);
    expect(out).not.toMatch(/[<>"'`]/);
    // Every & starts one of our entities: nothing the input spelled as an entity survives as one.
    expect(out.replace(/&(amp|lt|gt|quot|#39|#96);/g, '')).not.toContain('&');
  });

  test('escapes an already escaped string again (no double-unescape trick)', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  test('keeps other text, including non-ASCII and astral characters, as is', () => {
    expect(escapeHtml('Zürich → 東京 😀 javascript:alert(1)')).toBe('Zürich → 東京 😀 javascript:alert(1)');
  });

  test.each([[null, ''], [undefined, ''], [404, '404'], [false, 'false']])('turns %j into %j', (input, output) =>
    expect(escapeHtml(input)).toBe(output),
  );

  test('decodes back to the input in an HTML text node (round trip through entities)', () => {
    const all = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('').replace('\u0000', '');
    const decoded = escapeHtml(all).replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, n: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[n] as string,
    );
    expect(decoded).toBe(all);
  });
});

describe('htmlId', () => {
  test('keeps only id-safe characters', () => {
    expect(htmlId('x12')).toBe('x-x12');
    expect(htmlId('a"><b')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['a|b', 'a\\|b'],
    ['`code`', '\\`code\\`'],
    ['<script>', '&lt;script&gt;'],
    ['[x](javascript:alert(1))', '\\[x\\](javascript:alert(1))'],
    ['![i](http://x/y.png)', '!\\[i\\](http://x/y.png)'],
    ['*b* _i_ ~s~', '\\*b\\* \\_i\\_ \\~s\\~'],
    ['&#60; &lt; a&b', '&amp;#60; &amp;lt; a&b'],
    ['a\\b', 'a\\\\b'],
    ['line1\nline2\r\nline3', 'line1 ⏎ line2 ⏎ line3'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. first', '1\\. first'],
    ['a # b - c', 'a # b - c'],
  ])('escapes %j', (input, output) => expect(escapeMarkdown(input)).toBe(output));

  test('leaves no raw < or unescaped | in any payload', () => {
    const out = escapeMarkdown('"><img src=x onerror=alert(1)> | `x` <a href="javascript:alert(1)">');
    expect(out).not.toContain('<');
    expect(out).not.toMatch(/(^|[^\\])[|`]/);
  });
});

describe('markdownFence', () => {
  test('uses a fence longer than any backtick run inside', () => {
    const block = markdownFence('a ``` b ```` c', 'sh');
    expect(block.startsWith('`````sh\n')).toBe(true);
    expect(block.endsWith('\n`````')).toBe(true);
  });

  test('keeps the info string to a language name', () => {
    expect(markdownFence('x', 'js` onload=1').split('\n')[0]).toBe('```jsonload1');
  });
});
