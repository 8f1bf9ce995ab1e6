// A read-only view of one observed response, with the few parsed facts every fingerprint and
// pitfall rule asks about: a header, the AWS error type, the body's `message`, S3's XML `<Code>`.
// Everything here comes from HAR fields only (URL, status, headers, and the body when present).
import type { HeaderList, ObservedEntry } from '../types';
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
  return new ObservedResponseView(stage, entry);
}

// A class rather than an object literal: rules call these methods dozens of times per exchange, and
// the view is built twice per exchange, so methods live on the prototype and lookups on an index.
class ObservedResponseView implements ResponseView {
  readonly host: string;
  readonly path: string;
  readonly scheme: string;
  readonly status: number;
  readonly answered: boolean;
  readonly errorType: string | null;
  readonly traced: boolean;
  private readonly url: ParsedUrl;
  /** Response header name → its value as the header list gets it (lines joined with ", "); null for short lists, scanned instead. */
  private readonly headers: ReadonlyMap<string, string> | null;
  // The query and the body are parsed only if a rule asks (most never do).
  private parsedBody: BodyView | undefined;

  constructor(
    readonly stage: HintStage,
    readonly entry: ObservedEntry,
  ) {
    this.url = parseUrl(entry.url);
    this.host = this.url.host;
    this.path = this.url.path;
    this.scheme = this.url.scheme;
    this.status = entry.status;
    this.answered = entry.status > 0;
    this.headers = entry.responseHeaders.length > SCAN_AT_MOST ? indexHeaders(entry.responseHeaders) : null;
    const rawType = this.header('x-amzn-errortype');
    this.errorType = rawType ? rawType.split(':')[0].trim() || null : null;
    this.traced = this.header('x-amzn-trace-id') !== null;
  }

  get query(): ReadonlyMap<string, string> {
    return queryOf(this.url);
  }

  get body(): BodyView {
    return (this.parsedBody ??= readBody(this.entry.responseBody, this.entry.responseMimeType ?? this.header('content-type')));
  }

  header(name: string): string | null {
    return this.headers ? (this.headers.get(name.toLowerCase()) ?? null) : getHeader(this.entry.responseHeaders, name);
  }

  headerCount(name: string): number {
    return countHeader(this.entry.responseHeaders, name);
  }

  requestHeader(name: string): string | null {
    return getHeader(this.entry.requestHeaders, name);
  }
}

/** Up to this many response headers, a lookup scans the list; past it, the list is indexed once. */
const SCAN_AT_MOST = 8;

/** Every name of the list with what getHeader() returns for it: the values in order, joined with ", ". */
function indexHeaders(list: HeaderList): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const [name, value] of list) {
    const before = index.get(name);
    index.set(name, before === undefined ? value : `${before}, ${value}`);
  }
  return index;
}

interface ParsedUrl {
  readonly host: string;
  readonly path: string;
  readonly scheme: string;
  /** `?…` as URL.search gives it; parsed into `query` on first use. */
  readonly search: string;
  query?: ReadonlyMap<string, string>;
}

// The preflight and the actual request share their URL, and a page calls the same URLs again and again.
const URL_CACHE_SIZE = 512;
const parsedUrls = new Map<string, ParsedUrl>();

function parseUrl(href: string): ParsedUrl {
  const cached = parsedUrls.get(href);
  if (cached) return cached;
  let parsed: ParsedUrl = { host: '', path: '/', scheme: '', search: '' };
  try {
    const u = new URL(href);
    parsed = { host: u.hostname.toLowerCase(), path: u.pathname || '/', scheme: u.protocol.replace(/:$/, ''), search: u.search };
  } catch {
    // An unparsable URL gives no host evidence; header evidence still works.
  }
  if (href.length <= 2048) {
    if (parsedUrls.size >= URL_CACHE_SIZE) parsedUrls.delete(parsedUrls.keys().next().value as string);
    parsedUrls.set(href, parsed);
  }
  return parsed;
}

function queryOf(url: ParsedUrl): ReadonlyMap<string, string> {
  if (url.query) return url.query;
  const query = new Map<string, string>();
  // The same pairs as URL.searchParams: that is URLSearchParams over URL.search.
  new URLSearchParams(url.search).forEach((v, k) => query.set(k, v));
  url.query = query;
  return query;
}

// Bodies repeat too (`{"message":"Forbidden"}` on every throttled call): short ones are parsed once.
const BODY_CACHE_SIZE = 256;
const MAX_CACHED_BODY = 4096;

/** What the text alone says; `isHtml` also depends on the MIME type. */
interface TextFacts {
  readonly message: string | null;
  readonly jsonErrorType: string | null;
  readonly xmlCode: string | null;
  readonly xmlMessage: string | null;
  /** JSON or XML: never HTML, whatever the MIME type says. */
  readonly structured: boolean;
  /** Starts like an HTML document. */
  readonly htmlText: boolean;
  /** The body views of this text, with a non-HTML and an HTML MIME type (made when first asked). */
  plain?: BodyView;
  html?: BodyView;
}

const factsByText = new Map<string, TextFacts>();

function readBody(text: string | null, mime: string | null): BodyView {
  const facts = text === null ? NO_TEXT : textFacts(text);
  const isHtml = !facts.structured && (/html/i.test(mime ?? '') || facts.htmlText);
  // Read-only, so shared by every response with this text (equal texts: `text` is the same either way).
  return isHtml ? (facts.html ??= bodyView(text, facts, true)) : (facts.plain ??= bodyView(text, facts, false));
}

function bodyView(text: string | null, facts: TextFacts, isHtml: boolean): BodyView {
  return { text, message: facts.message, jsonErrorType: facts.jsonErrorType, xmlCode: facts.xmlCode, xmlMessage: facts.xmlMessage, isHtml };
}

/** What every parse starts from (frozen: the spreads below copy it). */
const BLANK: TextFacts = Object.freeze({ message: null, jsonErrorType: null, xmlCode: null, xmlMessage: null, structured: false, htmlText: false });
/** The facts of no body at all (it keeps its own body views). */
const NO_TEXT: TextFacts = { ...BLANK };
const XML_CODE = /<Code>([^<]*)<\/Code>/;
const XML_MESSAGE = /<Message>([^<]*)<\/Message>/;

function textFacts(text: string): TextFacts {
  if (text.length > MAX_CACHED_BODY) return parseText(text);
  let facts = factsByText.get(text);
  if (facts === undefined) {
    facts = parseText(text);
    if (factsByText.size >= BODY_CACHE_SIZE) factsByText.delete(factsByText.keys().next().value as string);
    factsByText.set(text, facts);
  }
  return facts;
}

function parseText(text: string): TextFacts {
  const htmlText = /^\s*<(!doctype html|html|head|body)/i.test(text);
  const trimmed = text.trim();
  if (trimmed === '') return { ...BLANK, htmlText };
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
      return { ...BLANK, message, jsonErrorType, structured: true };
    } catch {
      return { ...BLANK, htmlText };
    }
  }
  if (trimmed.startsWith('<?xml') || trimmed.startsWith('<Error>')) {
    return { ...BLANK, xmlCode: XML_CODE.exec(trimmed)?.[1] ?? null, xmlMessage: XML_MESSAGE.exec(trimmed)?.[1] ?? null, structured: true };
  }
  return { ...BLANK, htmlText };
}

/** Case-insensitive comparison of a body `message` with one of API Gateway's default texts. */
export function messageIs(view: ResponseView, ...texts: string[]): boolean {
  const m = view.body.message?.trim().toLowerCase();
  return m !== undefined && texts.some((t) => m === t.toLowerCase());
}

export function bodyIncludes(view: ResponseView, text: string): boolean {
  const body = view.entry.responseBody; // = view.body.text, without parsing the body
  return body !== null && lowerCase(body).includes(lowerCase(text));
}

// Rules ask about the same body several times in a row, and look for the same few phrases: keep the
// lower-case copies of the last short texts asked about (and of the last long one).
const lowered = new Map<string, string>();
let lastLong = '';
let lastLongLower = '';
function lowerCase(s: string): string {
  if (s.length > MAX_CACHED_BODY) {
    if (s !== lastLong) {
      lastLong = s;
      lastLongLower = s.toLowerCase();
    }
    return lastLongLower;
  }
  let lower = lowered.get(s);
  if (lower === undefined) {
    if (lowered.size >= 64) lowered.clear();
    lowered.set(s, (lower = s.toLowerCase()));
  }
  return lower;
}

/** `Display: value`, long values cut. */
export function quoteValue(display: string, v: string): string {
  return `${display}: ${v.length > 80 ? `${v.slice(0, 77)}...` : v}`;
}

