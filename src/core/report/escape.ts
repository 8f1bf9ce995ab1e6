// Escaping for the two text formats. Every value that came from the network (header values, URLs, status texts)
// and everything derived from it (summaries, failed parameters, hint evidence) goes through one of these.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
  '\u0000': '\uFFFD',
};

/**
 * Any value from a HAR as text, without ever throwing: `String()` throws on an object whose `toString` is not a
 * function or that has no prototype (found by the property tests, test/fuzz/). Objects and arrays, which no
 * header, URL or status should be, become ''.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined || typeof value === 'object' || typeof value === 'function') return '';
  return String(value);
}

/** Text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return textOf(value).replace(/[&<>"'`\u0000]/g, (c) => HTML_ESCAPES[c]);
}

/** An id fit for `id="..."` and `href="#..."`: letters, digits, `-` and `_` only; distinct ids stay distinct. */
export function htmlId(value: string): string {
  return 'x-' + value.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);
}

/**
 * Inline Markdown text (GFM), safe in a paragraph, a list item or a table cell: `<`, `>` and anything that would
 * read as an entity reference become entities; `\`, backticks, emphasis, link brackets, strikethrough and `|`
 * are backslash-escaped (CommonMark §2.4 allows any ASCII punctuation to be; GFM tables read `\|` as a literal
 * pipe); a leading block marker (`#`, `-`, `+`, `=`, `1.`) is escaped; line breaks are folded so a value cannot
 * start a new block.
 */
export function escapeMarkdown(value: unknown): string {
  return textOf(value)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ⏎ ');
}

/** A fenced code block that its content cannot close: the fence is longer than any backtick run inside. */
export function markdownFence(content: string, language = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lang = language.replace(/[^a-z0-9+-]/gi, '');
  return `${fence}${lang}\n${content.replace(/\r\n?/g, '\n')}\n${fence}`;
}
