// The probe's exchange as HAR entries shaped like Chromium's (`_resourceType`, `_initiator` pairing a preflight
// with its request), so that the same core (analyzeHar) judges it. No `_error` on answered requests: the verdict
// is the core's, from the headers (the report says so); `_error` only where the probe saw a network error.
import { VERSION } from '../../core';
import type { CredentialsMode, WireRequest } from './plan';
import type { WireResult } from './wire';

export interface SentRequest {
  readonly request: WireRequest;
  /** null: planned but never sent (a failed preflight, or an actual request not safe to send). */
  readonly result: WireResult | null;
  readonly startedMs: number;
  readonly credentials: CredentialsMode;
  /** For a redirect answer: the resolved Location. */
  readonly redirectURL: string;
  /** Chromium's net error for a request that was never answered for a reason other than CORS. */
  readonly netError?: string;
}

export function harEntries(sent: readonly SentRequest[], requestIdBase = 'probe'): unknown[] {
  let actualId = `${requestIdBase}.0`;
  return sent.map((s, i) => {
    const { request, result } = s;
    if (request.kind === 'actual') actualId = `${requestIdBase}.${i}`;
    const response = result?.ok ? result.response : null;
    const cookie = request.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1] ?? null;
    const contentType = response?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
    const error = result && !result.ok ? result.failure.error : s.netError;
    return {
      startedDateTime: new Date(s.startedMs).toISOString(),
      time: result ? result.ms : 0,
      _resourceType: request.kind === 'preflight' ? 'preflight' : 'fetch',
      _initiator: request.kind === 'preflight' ? { type: 'preflight', url: request.url, requestId: nextActualId(sent, i, requestIdBase) } : { type: 'script' },
      ...(request.kind === 'actual' ? { _credentialsMode: s.credentials } : {}),
      request: {
        method: request.method,
        url: request.url,
        httpVersion: 'HTTP/1.1',
        headers: request.headers.map(([name, value]) => ({ name, value })),
        queryString: [],
        cookies: cookie === null ? [] : cookie.split(';').map((c) => c.trim()).filter(Boolean).map((c) => ({ name: c.split('=')[0], value: c.slice(c.indexOf('=') + 1) })),
        headersSize: -1,
        bodySize: request.body === null ? 0 : Buffer.byteLength(request.body),
        ...(request.body !== null ? { postData: { mimeType: request.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '', text: request.body } } : {}),
      },
      response: {
        status: response?.status ?? 0,
        statusText: response?.statusText ?? '',
        httpVersion: response ? 'HTTP/1.1' : '',
        headers: (response?.headers ?? []).map(([name, value]) => ({ name, value })),
        cookies: [],
        content: { size: response?.bodyBytes ?? 0, mimeType: contentType, ...(response?.body != null ? { text: response.body } : {}) },
        redirectURL: s.redirectURL,
        headersSize: -1,
        bodySize: response?.bodyBytes ?? -1,
        ...(error ? { _error: error } : {}),
      },
      cache: {},
      timings: { send: 0, wait: result ? result.ms : 0, receive: 0 },
    };
  });
  function nextActualId(all: readonly SentRequest[], from: number, base: string): string {
    for (let j = from + 1; j < all.length; j++) if (all[j].request.kind === 'actual') return `${base}.${j}`;
    return actualId;
  }
}

export function probeHar(sent: readonly SentRequest[]): { log: unknown } {
  return { log: { version: '1.2', creator: { name: 'cors-lens probe', version: VERSION }, pages: [], entries: harEntries(sent) } };
}
