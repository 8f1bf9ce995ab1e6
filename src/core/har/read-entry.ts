// One raw HAR 1.2 entry (http://www.softwareishard.com/blog/har-12-spec/) → ObservedEntry, in the flavours users
// have: Chromium's (`_resourceType`, `_initiator`, `response._error`), Firefox's (none of those) and plain HAR.
// Bad input never throws: every problem names the entry index and the field. Read through har/log-reader.ts.
import type { HarFlavour, HeaderList, InputProblem, ObservedEntry } from '../types';
import { isObject, type Json } from './json';
import { UNPOOLED, type HeaderPool } from './header-pool';

/** Longest body we keep in memory (for Copy as cURL and fingerprints); longer ones are dropped, their size kept. */
export const MAX_BODY_KEPT = 64 * 1024;

/** Longest header value we keep whole; longer ones are cut (and reported) so one absurd entry cannot exhaust memory. */
export const MAX_HEADER_VALUE = 64 * 1024;

/**
 * Reads one raw HAR entry. `entry` is undefined when the entry is unusable (the problems say why). A log reader
 * passes its header pool, so that entries share their repeated header lines (./header-pool.ts).
 */
export function readHarEntry(
  raw: unknown,
  index: number,
  fileFlavour: HarFlavour | null = null,
  pool: HeaderPool = UNPOOLED,
): { entry?: ObservedEntry; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const problem = (severity: 'error' | 'warning', field: string | null, message: string) =>
    problems.push({ severity, entry: index, field, message });

  if (!isObject(raw)) {
    problem('error', null, 'entry is not an object; skipped');
    return { problems };
  }
  const request = raw.request;
  if (!isObject(request)) {
    problem('error', 'request', 'missing "request" object; skipped');
    return { problems };
  }
  if (typeof request.url !== 'string' || request.url === '') {
    problem('error', 'request.url', 'missing or not a string; skipped');
    return { problems };
  }
  if (typeof request.method !== 'string' || request.method === '') {
    problem('error', 'request.method', 'missing or not a string; skipped');
    return { problems };
  }
  let response = raw.response;
  if (!isObject(response)) {
    problem('warning', 'response', 'missing "response" object; read as "no response"');
    response = {};
  }
  const res = response as Json;

  const parsedStart = typeof raw.startedDateTime === 'string' ? Date.parse(raw.startedDateTime) : Number.NaN;
  const startedMs = Number.isNaN(parsedStart) ? 0 : parsedStart;
  if (Number.isNaN(parsedStart)) problem('warning', 'startedDateTime', 'missing or not a date; pairing by time is weaker for this entry');

  const status = typeof res.status === 'number' && Number.isFinite(res.status) ? res.status : 0;
  if (res.status !== undefined && typeof res.status !== 'number') problem('warning', 'response.status', 'not a number; read as 0');

  const chromiumKeys = '_resourceType' in raw || '_initiator' in raw || '_error' in res;
  const flavour: HarFlavour = chromiumKeys ? 'chromium' : (fileFlavour ?? ('_securityState' in raw ? 'firefox' : 'other'));
  const content = isObject(res.content) ? res.content : null;
  const postData = isObject(request.postData) ? request.postData : null;
  const postText = postData && typeof postData.text === 'string' ? postData.text : null;
  const responseText = content && typeof content.text === 'string' && content.encoding !== 'base64' ? content.text : null;

  const entry: ObservedEntry = {
    index,
    startedMs,
    durationMs: typeof raw.time === 'number' && raw.time > 0 ? raw.time : 0,
    method: request.method,
    url: request.url,
    requestHeaders: readHeaders(request.headers, 'request.headers', problem, pool),
    hasRequestCookies: Array.isArray(request.cookies) && request.cookies.length > 0,
    status,
    statusText: typeof res.statusText === 'string' ? res.statusText : '',
    responseHeaders: readHeaders(res.headers, 'response.headers', problem, pool),
    redirectURL: typeof res.redirectURL === 'string' ? res.redirectURL : '',
    resourceType: typeof raw._resourceType === 'string' ? raw._resourceType : null,
    initiator: readInitiator(raw._initiator),
    error: '_error' in res ? (typeof res._error === 'string' && res._error !== '' ? res._error : null) : undefined,
    flavour,
    requestBody: postText !== null && postText.length <= MAX_BODY_KEPT ? postText : null,
    requestBodySize: typeof request.bodySize === 'number' && request.bodySize > 0 ? request.bodySize : (postText?.length ?? 0),
    responseBody: responseText !== null && responseText.length <= MAX_BODY_KEPT ? responseText : null,
    responseMimeType: content && typeof content.mimeType === 'string' ? content.mimeType : null,
    ...(raw._credentialsMode === 'include' || raw._credentialsMode === 'same-origin' || raw._credentialsMode === 'omit' ? { credentialsMode: raw._credentialsMode } : {}),
  };
  return { entry, problems };
}

function readInitiator(raw: unknown): ObservedEntry['initiator'] {
  if (!isObject(raw) || typeof raw.type !== 'string') return null;
  let url = typeof raw.url === 'string' ? raw.url : null;
  // A script initiator carries its URL in the top stack frame.
  if (url === null && isObject(raw.stack) && Array.isArray(raw.stack.callFrames)) {
    const frame = raw.stack.callFrames.find((f) => isObject(f) && typeof f.url === 'string' && /^https?:/.test(f.url));
    if (isObject(frame)) url = frame.url as string;
  }
  return { type: raw.type, url, requestId: typeof raw.requestId === 'string' ? raw.requestId : null };
}

function readHeaders(raw: unknown, field: string, problem: (s: 'error' | 'warning', f: string, m: string) => void, pool: HeaderPool): HeaderList {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problem('warning', field, 'not an array; read as no headers');
    return [];
  }
  const out: HeaderList[number][] = [];
  for (let i = 0; i < raw.length; i++) {
    const h: unknown = raw[i];
    if (!isObject(h) || typeof h.name !== 'string') {
      problem('warning', `${field}[${i}]`, 'header without a string "name"; ignored');
      continue;
    }
    let value: string;
    if (typeof h.value === 'string') value = h.value;
    else if (typeof h.value === 'number' || typeof h.value === 'boolean') {
      value = String(h.value);
      problem('warning', `${field}[${i}].value`, `not a string (${typeof h.value}); read as "${value}"`);
    } else {
      problem('warning', `${field}[${i}].value`, 'missing or not a string; header ignored');
      continue;
    }
    if (value.length > MAX_HEADER_VALUE) {
      problem('warning', `${field}[${i}].value`, `${value.length} characters long; cut to ${MAX_HEADER_VALUE}`);
      value = value.slice(0, MAX_HEADER_VALUE);
    }
    out.push(pool.pair(h.name, value));
  }
  return out;
}
