// Builders for HAR entries, so tests read like the scenario they describe:
//   entry({ method: 'PUT', url: API + '/x', requestHeaders: { Origin: PAGE }, status: 204, responseHeaders: {...} })
// Header objects accept arrays for repeated headers: { 'Access-Control-Allow-Origin': ['a', 'b'] }.

export const PAGE = 'http://127.0.0.1:8701';
export const API = 'http://127.0.0.1:8702';

type Headers = Record<string, string | string[]>;

export interface EntrySpec {
  method?: string;
  url?: string;
  requestHeaders?: Headers;
  status?: number;
  statusText?: string;
  responseHeaders?: Headers;
  redirectURL?: string;
  /** Chromium fields; omit all three for a Firefox/plain-looking entry. */
  resourceType?: string;
  initiator?: { type: string; url?: string; requestId?: string };
  error?: string | null;
  started?: string | number;
  time?: number;
  body?: string;
  mimeType?: string;
  postData?: { mimeType: string; text: string };
  cookies?: Array<{ name: string; value: string }>;
}

function headerArray(h: Headers | undefined): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const [name, v] of Object.entries(h ?? {})) for (const value of Array.isArray(v) ? v : [v]) out.push({ name, value });
  return out;
}

export const T0 = Date.parse('2026-11-24T18:47:46.000Z');

export function entry(spec: EntrySpec = {}): Record<string, unknown> {
  const url = spec.url ?? `${API}/thing`;
  const started =
    typeof spec.started === 'number' ? new Date(T0 + spec.started).toISOString() : (spec.started ?? new Date(T0).toISOString());
  const e: Record<string, unknown> = {
    startedDateTime: started,
    time: spec.time ?? 10,
    request: {
      method: spec.method ?? 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: headerArray(spec.requestHeaders),
      queryString: [],
      cookies: spec.cookies ?? [],
      headersSize: -1,
      bodySize: spec.postData ? spec.postData.text.length : 0,
      ...(spec.postData ? { postData: spec.postData } : {}),
    },
    response: {
      status: spec.status ?? 200,
      statusText: spec.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      headers: headerArray(spec.responseHeaders),
      cookies: [],
      content: { size: spec.body?.length ?? 0, mimeType: spec.mimeType ?? 'application/json', ...(spec.body !== undefined ? { text: spec.body } : {}) },
      redirectURL: spec.redirectURL ?? '',
      headersSize: -1,
      bodySize: -1,
      ...(spec.error !== undefined ? { _error: spec.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  };
  if (spec.resourceType !== undefined) e._resourceType = spec.resourceType;
  if (spec.initiator !== undefined) e._initiator = spec.initiator;
  return e;
}

/** A Chromium-style preflight entry for `url` asking for `method` (and `requestHeaders`, comma-joined). */
export function preflight(
  url: string,
  method: string,
  response: { status?: number; headers?: Headers },
  opts: { requestHeaders?: string; origin?: string; started?: number; chromium?: boolean } = {},
): Record<string, unknown> {
  const chromium = opts.chromium ?? true;
  return entry({
    method: 'OPTIONS',
    url,
    started: opts.started ?? 1,
    requestHeaders: {
      Accept: '*/*',
      'Access-Control-Request-Method': method,
      ...(opts.requestHeaders ? { 'Access-Control-Request-Headers': opts.requestHeaders } : {}),
      Origin: opts.origin ?? PAGE,
    },
    status: response.status ?? 204,
    responseHeaders: response.headers,
    ...(chromium ? { resourceType: 'preflight', initiator: { type: 'preflight', url, requestId: '1.2' }, error: null } : {}),
  });
}

export function har(...entries: Array<Record<string, unknown>>): { log: Record<string, unknown> } {
  return { log: { version: '1.2', creator: { name: 'test', version: '0' }, pages: [], entries } };
}
