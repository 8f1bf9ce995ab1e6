// Why a preflight was (or would be) needed. https://fetch.spec.whatwg.org/#http-fetch step 5.
import type { HeaderList, PreflightReason } from '../types';
import { corsUnsafeRequestHeaders, isBrowserAddedHeaderName, isCorsNonWildcardRequestHeaderName, isCorsSafelistedMethod, type UnsafeHeader } from '../fetch/safelist';
import { AVOID_PREFLIGHT } from './wording';

/** The page's own request headers, as far as a HAR lets us tell them from the browser's. */
export function authorHeaders(headers: HeaderList): HeaderList {
  return headers.filter(([name]) => !isBrowserAddedHeaderName(name));
}

const computedFor = new WeakMap<HeaderList, ReturnType<typeof corsUnsafeRequestHeaders>>();

/**
 * The answers already worked out, by header list content (issue 15): a capture sends the same few header lists
 * again and again, and the log reader's header pool (src/core/har/header-pool.ts) hands them out as the same
 * line objects. A trie keyed on the author lines (authorHeaders' filter, which reads names only), one level per
 * line, finds a repeated list without building a key, so a repeated request skips the safelist checks. Lines that
 * are equal but not the same object only miss. Bounded: past MAX_MEMO_NODES nodes, lists not yet in it are worked out afresh each time.
 */
interface MemoNode {
  readonly next: Map<HeaderList[number], MemoNode>;
  unsafe: ReturnType<typeof corsUnsafeRequestHeaders> | undefined;
}
const memoRoot: MemoNode = { next: new Map(), unsafe: undefined };
let memoNodes = 0;
const MAX_MEMO_NODES = 20_000;

/** The CORS-unsafe author headers of a request, computed once per header list (pairing and checks both ask). */
export function unsafeAuthorHeaders(headers: HeaderList): ReturnType<typeof corsUnsafeRequestHeaders> {
  let unsafe = computedFor.get(headers);
  if (!unsafe) {
    unsafe = memoised(headers);
    computedFor.set(headers, unsafe);
  }
  return unsafe;
}

function memoised(headers: HeaderList): ReturnType<typeof corsUnsafeRequestHeaders> {
  let node = memoRoot;
  for (const line of headers) {
    if (isBrowserAddedHeaderName(line[0])) continue;
    let child = node.next.get(line);
    if (child === undefined) {
      if (memoNodes >= MAX_MEMO_NODES) return corsUnsafeRequestHeaders(authorHeaders(headers));
      child = { next: new Map(), unsafe: undefined };
      node.next.set(line, child);
      memoNodes++;
    }
    node = child;
  }
  if (node.unsafe === undefined) node.unsafe = corsUnsafeRequestHeaders(authorHeaders(headers));
  return node.unsafe;
}

/** Whether a request needs a preflight, from its own method and headers (no preflight captured). */
export function needsPreflight(method: string, headers: HeaderList): boolean {
  return !isCorsSafelistedMethod(method) || unsafeAuthorHeaders(headers).length > 0;
}

/** Reasons already worked out, by what decides them (see reasonKey); a capture asks the same few again and again. */
const reasons = new Map<string, PreflightReason>();
/** Distinct reasons kept; past it, a reason is worked out afresh each time. */
const MAX_REASONS = 1024;

/** Why a request needed a preflight; the same object for requests that needed one for the same reasons (read-only). */
export function preflightReason(method: string, actualHeaders: HeaderList | null, requestedHeaderNames: readonly string[] | null): PreflightReason {
  const computed = actualHeaders ? unsafeAuthorHeaders(actualHeaders) : [];
  const key = reasonKey(method, computed, requestedHeaderNames);
  let reason = reasons.get(key);
  if (reason === undefined) {
    reason = workOutPreflightReason(method, computed, requestedHeaderNames);
    if (reasons.size < MAX_REASONS) reasons.set(key, reason);
  }
  return reason;
}

/**
 * Everything workOutPreflightReason reads, as one string. Every free-form part is prefixed with its length, so no two
 * inputs share a key whatever the header names hold (requested names hold no comma: they were split on it).
 */
function reasonKey(method: string, computed: readonly UnsafeHeader[], requestedHeaderNames: readonly string[] | null): string {
  const requested = requestedHeaderNames === null ? '-' : requestedHeaderNames.join(',');
  let key = `${method.length}:${method}${requestedHeaderNames === null ? 'n' : 'y'}${requested.length}:${requested}`;
  for (const h of computed) key += `${h.name.length}:${h.name}${h.why}|${h.detail.length}:${h.detail}`;
  return key;
}

function workOutPreflightReason(method: string, computed: readonly UnsafeHeader[], requestedHeaderNames: readonly string[] | null): PreflightReason {
  const methodSafelisted = isCorsSafelistedMethod(method);
  const byName = new Map(computed.map((h) => [h.name, h]));
  // When a preflight was captured, its Access-Control-Request-Headers is the truth about which headers were unsafe.
  const unsafeHeaders =
    requestedHeaderNames !== null
      ? requestedHeaderNames.map((name) => byName.get(name) ?? { name, why: 'reported-by-browser' as const, detail: 'listed by the browser in Access-Control-Request-Headers' })
      : computed;
  const needed = !methodSafelisted || unsafeHeaders.length > 0 || requestedHeaderNames !== null;
  return {
    needed,
    methodSafelisted,
    unsafeHeaders,
    source: requestedHeaderNames !== null ? 'preflight-request' : 'actual-request',
    avoid: needed ? howToAvoid(method, methodSafelisted, unsafeHeaders) : [],
  };
}

function howToAvoid(method: string, methodSafelisted: boolean, unsafe: PreflightReason['unsafeHeaders']): string[] {
  const out: string[] = [];
  if (!methodSafelisted) out.push(AVOID_PREFLIGHT.method(method, ''));
  for (const h of unsafe) {
    const named = (h.why === 'not-safelisted' || h.why === 'reported-by-browser') && isCorsNonWildcardRequestHeaderName(h.name) ? 'authorization' : h.why;
    out.push(AVOID_PREFLIGHT[named](h.name, h.detail));
  }
  return [...new Set(out)];
}
