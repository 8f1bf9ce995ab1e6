// A read-only view of one observed response, with the few parsed facts every fingerprint and
// pitfall rule asks about: a header, the AWS error type, the body's `message`, S3's XML `<Code>`.
// Everything here comes from HAR fields only (URL, status, headers, and the body when present).
import type { ObservedEntry } from '../types';
import { countHeader, getHeader } from '../fetch/headers';

export type HintStage = 'preflight' | 'actual';

export interface BodyView {
  /** The body text, or null when the HAR does not carry it (often the case for blocked responses). */
  readonly text: string | null;
  /** `message` / `Message` of a JSON body (`{"message":"Forbidden"}`), as sent. */
  readonly message: string | null;
  /** AppSync `errors[0].errorType`, Cognito `__type`. */
  readonly jsonErrorType: string | null;
  /** S3 XML `<Code>` and `<Message>`. */
  readonly xmlCode: string | null;
  readonly xmlMessage: string | null;
  readonly isHtml: boolean;
}

export interface ResponseView {
  readonly stage: HintStage;
  readonly entry: ObservedEntry;
  readonly host: string;
  readonly path: string;
  readonly scheme: string;
  /** Query parameters of the request URL (names as sent). */
  readonly query: ReadonlyMap<string, string>;
  readonly status: number;
  /** The server answered (status > 0): a preflight that failed leaves the actual request unsent, status 0. */
  readonly answered: boolean;
  header(name: string): string | null;
  headerCount(name: string): number;
  requestHeader(name: string): string | null;
  /** `x-amzn-ErrorType` without the `:http://internal.amazon.com/...` suffix AWS sometimes appends. */
  readonly errorType: string | null;
  readonly body: BodyView;
  /** `X-Amzn-Trace-Id` on the response: the request reached a Lambda/X-Ray-traced backend. */
  readonly traced: boolean;
}

export function createResponseView(stage: HintStage, entry: ObservedEntry): ResponseView {
  let host = '';
  let path = '/';
  let scheme = '';
  const query = new Map<string, string>();
  try {
    const u = new URL(entry.url);
    host = u.hostname.toLowerCase();
    path = u.pathname || '/';
    scheme = u.protocol.replace(/:$/, '');
    u.searchParams.forEach((v, k) => query.set(k, v));
  } catch {
    // An unparsable URL gives no host evidence; header evidence still works.
  }
  const header = (name: string) => getHeader(entry.responseHeaders, name);
  const rawType = header('x-amzn-errortype');
  return {
    stage,
    entry,
    host,
    path,
    scheme,
    query,
    status: entry.status,
    answered: entry.status > 0,
    header,
    headerCount: (name) => countHeader(entry.responseHeaders, name),
    requestHeader: (name) => getHeader(entry.requestHeaders, name),
    errorType: rawType ? rawType.split(':')[0].trim() || null : null,
    body: readBody(entry.responseBody, entry.responseMimeType ?? header('content-type')),
    traced: header('x-amzn-trace-id') !== null,
  };
}

function readBody(text: string | null, mime: string | null): BodyView {
  const empty = { text, message: null, jsonErrorType: null, xmlCode: null, xmlMessage: null };
  const isHtml = /html/i.test(mime ?? '') || (text !== null && /^\s*<(!doctype html|html|head|body)/i.test(text));
  if (text === null || text.trim() === '') return { ...empty, isHtml };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as Record<string, unknown>;
      const message = typeof json.message === 'string' ? json.message : typeof json.Message === 'string' ? json.Message : null;
      const errors = Array.isArray(json.errors) ? (json.errors[0] as Record<string, unknown> | undefined) : undefined;
      const jsonErrorType =
        typeof json.__type === 'string'
          ? json.__type.split('#').pop()!
          : errors && typeof errors.errorType === 'string'
            ? errors.errorType
            : null;
      return { ...empty, message, jsonErrorType, isHtml: false };
    } catch {
      return { ...empty, isHtml };
    }
  }
  if (trimmed.startsWith('<?xml') || trimmed.startsWith('<Error>')) {
    const tag = (t: string) => new RegExp(`<${t}>([^<]*)</${t}>`).exec(trimmed)?.[1] ?? null;
    return { ...empty, xmlCode: tag('Code'), xmlMessage: tag('Message'), isHtml: false };
  }
  return { ...empty, isHtml };
}

/** Case-insensitive comparison of a body `message` with one of API Gateway's default texts. */
export function messageIs(view: ResponseView, ...texts: string[]): boolean {
  const m = view.body.message?.trim().toLowerCase();
  return m !== undefined && texts.some((t) => m === t.toLowerCase());
}

export function bodyIncludes(view: ResponseView, text: string): boolean {
  return view.body.text !== null && view.body.text.toLowerCase().includes(text.toLowerCase());
}

/** `Server`, `Via`, `X-Cache` and friends, for evidence sentences. */
export function quoteHeader(view: ResponseView, name: string, display = name): string | null {
  const v = view.header(name);
  return v === null ? null : `${display}: ${v.length > 80 ? `${v.slice(0, 77)}...` : v}`;
}

export function hasAnyAccessControlHeader(view: ResponseView): boolean {
  return view.entry.responseHeaders.some(([n]) => n.startsWith('access-control-'));
}
