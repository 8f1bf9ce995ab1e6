// Header lists as the Fetch standard sees them. https://fetch.spec.whatwg.org/#concept-header-list
import type { HeaderList } from '../types';

// https://fetch.spec.whatwg.org/#concept-header-list-get
// To get a header name from a header list: 1. If list does not contain name, return null.
// 2. Return the values of all headers in list whose name is a byte-case-insensitive match for name,
//    separated from each other by 0x2C 0x20, in order.
export function getHeader(list: HeaderList, name: string): string | null {
  const wanted = name.toLowerCase();
  let out: string | null = null;
  for (const [n, v] of list) {
    if (n !== wanted) continue;
    out = out === null ? v : `${out}, ${v}`;
  }
  return out;
}

/** How many header lines carry `name` (two ACAO lines are a diagnosis of their own). */
export function countHeader(list: HeaderList, name: string): number {
  const wanted = name.toLowerCase();
  let count = 0;
  for (const [n] of list) if (n === wanted) count++;
  return count;
}

// https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split
// Splits a combined value on commas outside quoted strings, trimming HTTP tab-or-space.
export function getDecodeSplit(value: string): string[] {
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      values.push(current.replace(/^[\t ]+|[\t ]+$/g, ''));
      current = '';
      continue;
    }
    if (c === '\\' && quoted && i + 1 < value.length) {
      current += c + value[++i];
      continue;
    }
    current += c;
  }
  values.push(current.replace(/^[\t ]+|[\t ]+$/g, ''));
  return values;
}

// https://httpwg.org/specs/rfc9110.html#tokens — token = 1*tchar
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/**
 * Parses a `#method` / `#field-name` list as Chromium does (net::HttpUtil::ValuesIterator: split on
 * commas, trim, skip empty items; every item must be a token). Returns null when it does not parse,
 * with the first offending item.
 */
export function parseTokenList(value: string): { ok: true; items: string[] } | { ok: false; bad: string } {
  const items: string[] = [];
  for (const raw of value.split(',')) {
    const item = raw.replace(/^[\t ]+|[\t ]+$/g, '');
    if (item === '') continue;
    if (!isToken(item)) return { ok: false, bad: item };
    items.push(item);
  }
  return { ok: true, items };
}
