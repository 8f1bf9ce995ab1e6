// Reading the (redacted) raw HAR the renderers were given, tolerating any shape.
import { isObject, type Json } from '../har/json';
import { textOf } from './escape';

export { isObject };

export interface RawHeader {
  readonly name: string;
  readonly value: string;
}

export function harLog(har: unknown): Json | null {
  return isObject(har) && isObject(har.log) ? har.log : null;
}

export function harEntries(har: unknown): unknown[] {
  const log = harLog(har);
  return log && Array.isArray(log.entries) ? log.entries : [];
}

export function entryMessage(entry: unknown, side: 'request' | 'response'): Json | null {
  return isObject(entry) && isObject(entry[side]) ? entry[side] : null;
}

export function headersOf(entry: unknown, side: 'request' | 'response'): RawHeader[] {
  const m = entryMessage(entry, side);
  if (!m || !Array.isArray(m.headers)) return [];
  return m.headers.filter(isObject).map((h) => ({ name: textOf(h.name), value: textOf(h.value) }));
}
