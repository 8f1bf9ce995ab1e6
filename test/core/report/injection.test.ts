// Header values, URLs and anything quoted from them must render as text: no markup, no script, no link to a
// `javascript:` URL. The HTML is parsed with happy-dom (as a browser would build the DOM, without running it);
// Markdown is checked line by line against what GFM would read as markup.
import { Window } from 'happy-dom';
import { describe, expect, test } from 'vitest';
import { renderReport } from '../../../src/core/report';
import { API, entry, har, preflight } from '../../support/har-builder';
import { exchange, failure, hint, report } from './report-factory';

const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  'javascript:alert(4)',
  '</style><script>alert(5)</script>',
  '<a href="javascript:alert(6)">x</a>',
  '[click](javascript:alert(7))',
  '`| evil | cell |`',
  '<!-- comment',
  '</textarea></title><iframe src=javascript:alert(8)>',
];
const P = PAYLOADS.join(' ');
const EVIL_URL = `${API}/x?q=${encodeURIComponent('"><script>alert(9)</script>')}&raw="><img src=x onerror=alert(10)>#<script>`;

function evilInput() {
  const h = har(
    preflight(EVIL_URL, 'PUT', { status: 204, headers: { 'Access-Control-Allow-Origin': P, 'Access-Control-Allow-Headers': P } }, { origin: 'javascript:alert(11)' }),
    entry({
      method: 'PUT',
      url: EVIL_URL,
      requestHeaders: { Origin: '"><script>alert(12)</script>', 'X-Evil': P },
      statusText: P,
      responseHeaders: { 'X-Reflected': P, Location: 'javascript:alert(13)' },
    }),
  );
  h.log.creator = { name: P, version: P };
  const r = report(
    exchange({
      id: 'x0"><script>alert(14)</script>',
      url: EVIL_URL,
      method: P,
      origin: P,
      failedParameter: P,
      summary: P,
      allFailures: [failure({ failedParameter: P, message: P, note: P })],
      checks: [{ stage: 'actual', header: P, status: 'mismatched', expected: P, actual: P, spec: { id: P, url: 'javascript:alert(15)' } }],
      hiddenStatus: { status: 500, statusText: P, stage: 'actual', sentence: P },
      hints: [
        hint({
          title: P,
          evidence: [P],
          explanation: P,
          fixes: [{ toolchain: 'generic', language: 'js"><script>', title: P, snippet: `${P}\n\`\`\`\n# not a heading\n</details>` }],
          docs: [{ title: P, url: 'javascript:alert(16)' }],
        }),
      ],
    }),
  );
  return { h, r: { ...r, problems: [{ severity: 'error' as const, entry: 1, field: P, message: P }], input: { ...r.input, creator: P } } };
}

const ALLOWED_TAGS = new Set([
  'HTML', 'HEAD', 'META', 'TITLE', 'STYLE', 'BODY', 'HEADER', 'H1', 'H2', 'H3', 'SPAN', 'MAIN', 'P', 'TABLE', 'THEAD', 'TBODY',
  'TR', 'TH', 'TD', 'A', 'SECTION', 'DETAILS', 'SUMMARY', 'DL', 'DT', 'DD', 'UL', 'LI', 'STRONG', 'CODE', 'PRE', 'BR',
]);
const ALLOWED_ATTRS = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'class', 'id', 'href', 'open']);

describe('HTML report: injected values stay text', () => {
  const { h, r } = evilInput();
  const { text } = renderReport(r, h, { format: 'html', keepSecrets: true, keepBodies: true });
  const window = new Window();
  const doc = new window.DOMParser().parseFromString(text, 'text/html');

  test('only the elements and attributes the renderer writes exist', () => {
    const all = [...doc.querySelectorAll('*')];
    expect(all.map((el) => el.tagName).filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    const attrs = all.flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attrs.filter((a) => !ALLOWED_ATTRS.has(a))).toEqual([]);
  });

  test('no script, no event handler, no javascript: link', () => {
    expect(doc.querySelectorAll('script, iframe, img, svg, object, embed, form, base, link').length).toBe(0);
    for (const a of doc.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^#x-[A-Za-z0-9_-]+$/);
    expect(doc.querySelectorAll('meta[http-equiv="refresh"]').length).toBe(0);
  });

  test('the CSP meta tag is the one we wrote, first in <head>', () => {
    const metas = [...doc.querySelectorAll('meta[http-equiv]')];
    expect(metas.length).toBe(1);
    expect(metas[0].getAttribute('content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(doc.head.querySelectorAll('style').length).toBe(1);
  });

  test('the payloads are shown, as text', () => {
    expect(doc.body.textContent).toContain('<script>alert(1)</script>');
    expect(doc.body.textContent).toContain('"><img src=x onerror=alert(2)>');
    expect(doc.body.textContent).toContain('javascript:alert(13)');
  });

  test('the style element holds only our stylesheet', () => {
    expect(doc.querySelector('style')?.textContent).not.toMatch(/alert|script/);
  });
});

describe('Markdown report: injected values stay text', () => {
  const { h, r } = evilInput();
  const { text } = renderReport(r, h, { format: 'markdown', keepSecrets: true, keepBodies: true });

  /** Lines outside fenced code blocks. */
  function prose(markdown: string): string[] {
    const out: string[] = [];
    let fence: string | null = null;
    for (const line of markdown.split('\n')) {
      const m = /^(`{3,})/.exec(line);
      if (fence === null && m) fence = m[1];
      else if (fence !== null && line === fence) fence = null;
      else if (fence === null) out.push(line);
    }
    expect(fence).toBeNull(); // every block closed
    return out;
  }

  test('no raw HTML but the renderer’s own <details>/<summary>', () => {
    for (const line of prose(text)) {
      const tags = line.match(/<\/?[A-Za-z!][^>]*>?/g) ?? [];
      for (const tag of tags) expect(tag).toMatch(/^<\/?(details|summary)>$/);
    }
  });

  test('no link to anything but https', () => {
    for (const line of prose(text)) {
      for (const m of line.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) expect(m[1], line).toMatch(/^https:\/\//);
      expect(line).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(javascript:/);
    }
  });

  test('no unescaped backtick outside code blocks, and table rows keep their cell count', () => {
    const lines = prose(text);
    for (const line of lines) expect(line).not.toMatch(/(?<!\\)`/);
    for (const row of lines.filter((l) => l.startsWith('| '))) {
      expect(row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length).toBe(8);
    }
  });

  test('a snippet cannot close its code block or the <details> around it', () => {
    const snippetStart = text.indexOf(PAYLOADS[0] + ' ' + PAYLOADS[1], text.indexOf('<summary>generic'));
    const fenceLine = text.lastIndexOf('\n', snippetStart - 2);
    expect(text.slice(fenceLine + 1, snippetStart)).toMatch(/^````+jsscript\n$/);
  });

  test('the language of a code block cannot break out of its info string', () => {
    expect(text).not.toContain('js"><script>');
  });
});
