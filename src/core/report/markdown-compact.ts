// What keeps the Markdown report small enough for an issue body (GitHub: 65,536 characters) without losing
// what a reader needs: spec and documentation links written once as reference definitions at the end, and the
// raw headers without the ones that never bear on CORS (the HAR and HTML exports keep every header).
import { escapeMarkdown as md } from './escape';
import { isCorsEvidenceHeader } from '../redact/rules';
import { type RawHeader, entryMessage, headersOf } from './har-access';

const SAFE_LINK = /^https:\/\/[^\s()<>[\]`"']+$/;

/** Reference-style links: `[label][3]` in the text, `[3]: url` once at the end. */
export interface LinkRefs {
  /** `[label][n]` for our own https links; plain escaped text for anything else. */
  link(label: string, url: string): string;
  /** The definitions, one line each (empty when no link was made). */
  definitions(): string[];
}

export function createLinkRefs(): LinkRefs {
  const ids = new Map<string, number>();
  return {
    link(label, url) {
      if (!SAFE_LINK.test(url)) return `${md(label)} (${md(url)})`;
      let id = ids.get(url);
      if (id === undefined) ids.set(url, (id = ids.size + 1));
      return `[${md(label)}][${id}]`;
    },
    definitions: () => [...ids].map(([url, id]) => `[${id}]: ${url}`),
  };
}

/** Sent by every browser request, never a reason for a CORS failure: left out of the Markdown's raw headers. */
const NOISE = new Set([
  'accept-encoding', 'accept-language', 'connection', 'keep-alive', 'user-agent', 'referer', 'host', 'priority', 'pragma',
  'cache-control', 'date', 'content-length', 'dnt', 'upgrade-insecure-requests', 'alt-svc', 'server-timing', 'x-amz-cf-id',
]);

export function isNoiseHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return NOISE.has(lower) || lower.startsWith('sec-ch-') || lower.startsWith('sec-fetch-');
}

export const NOISE_NOTE = 'Headers that never bear on CORS (User-Agent, Accept-Encoding, Sec-Fetch-\\*, …) are left out; the HAR and HTML exports have them all.';

/**
 * The request line and status line with the headers that matter, as the Network panel's "raw" view;
 * `corsOnly` (a preflight that passed): the request line alone and only the answer's CORS headers.
 */
export function compactMessages(entry: unknown, corsOnly = false): { request: string; response: string; answered: boolean } {
  const req = entryMessage(entry, 'request');
  const res = entryMessage(entry, 'response');
  const keep = (h: RawHeader) => (corsOnly ? isCorsEvidenceHeader(h.name.toLowerCase()) : !isNoiseHeader(h.name));
  const lines = (hs: RawHeader[]): string => hs.filter(keep).map((h) => `${h.name}: ${h.value}`).join('\n');
  const request = `${String(req?.method ?? '')} ${String(req?.url ?? '')} ${String(req?.httpVersion ?? '')}`.trim();
  const status = `${String(res?.httpVersion ?? '')} ${String(res?.status ?? '')} ${String(res?.statusText ?? '')}`.trim();
  return {
    request: corsOnly ? request : [request, lines(headersOf(entry, 'request'))].filter(Boolean).join('\n'),
    response: [status, lines(headersOf(entry, 'response'))].filter(Boolean).join('\n'),
    answered: Number(res?.status) > 0,
  };
}
