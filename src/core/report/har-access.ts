// Reading the (redacted) raw HAR the renderers were given, tolerating any shape.
import { isObject, type Json } from '../har/json';

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
  return m.headers.filter(isObject).map((h) => ({ name: String(h.name ?? ''), value: String(h.value ?? '') }));
}

/** `OPTIONS https://... HTTP/1.1` / `HTTP/1.1 204 No Content` and the header lines, as the Network panel's "raw" view. */
export function rawMessages(entry: unknown): { request: string; response: string } {
  const req = entryMessage(entry, 'request');
  const res = entryMessage(entry, 'response');
  const lines = (hs: RawHeader[]): string => hs.map((h) => `${h.name}: ${h.value}`).join('\n');
  const request = `${String(req?.method ?? '')} ${String(req?.url ?? '')} ${String(req?.httpVersion ?? '')}`.trim();
  const status = `${String(res?.httpVersion ?? '')} ${String(res?.status ?? '')} ${String(res?.statusText ?? '')}`.trim();
  return {
    request: [request, lines(headersOf(entry, 'request'))].filter(Boolean).join('\n'),
    response: [status, lines(headersOf(entry, 'response'))].filter(Boolean).join('\n'),
  };
}
