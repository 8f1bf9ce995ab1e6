// Order-independent pairing of preflights with their actual requests (DevTools NetworkLog's idea):
// whichever half arrives first waits in an index keyed by URL until its partner comes.
// Every pair records how it was made.
import type { ObservedEntry, Pairing } from '../types';
import { getHeader } from '../fetch/headers';
import { isOkStatus } from '../fetch/status';
import { originOf } from '../fetch/origin';
import { locationUrl } from '../fetch/location';
import { needsPreflight } from '../cors/preflight-reason';
import { classifyEntry, type EntryRole } from './classify';
import { ParkedRequests, PreflightCache, requestNeeds, sameOrigin, type RequestNeeds } from './preflight-cache';
import { SpanList, TimeOrderedList } from './time-ordered';
import { PAIRING_DETAIL } from './wording';

/** How far apart (ms) a preflight may start from its actual request's start/end and still be its partner. */
export const PAIRING_SLACK_MS = 2000;
/** Nothing older than this (Chromium's Max-Age cap plus slack) can pair with a new entry. */
const HORIZON_MS = 7200_000 + PAIRING_SLACK_MS;
/** A preflight starts while its request is pending: look back this far for a partner (requests pending longer pair by cache rules). */
const MATCH_HORIZON_MS = 60_000 + PAIRING_SLACK_MS;

// The pairings that say nothing of their own exchange, one object each (read-only, shared by every exchange).
const PAIRED = {
  'no-preflight-needed': { method: 'no-preflight-needed', detail: PAIRING_DETAIL['no-preflight-needed']() },
  'preflight-only': { method: 'preflight-only', detail: PAIRING_DETAIL['preflight-only']() },
  'preflight-not-captured': { method: 'preflight-not-captured', detail: PAIRING_DETAIL['preflight-not-captured']() },
  matched: { method: 'matched', detail: PAIRING_DETAIL.matched(false) },
  matchedWithRequestHeaders: { method: 'matched', detail: PAIRING_DETAIL.matched(true) },
} as const satisfies Record<string, Pairing>;

export interface ExchangeState {
  readonly id: string;
  actual: ObservedEntry | null;
  preflight: ObservedEntry | null;
  pairing: Pairing;
  role: EntryRole;
  redirectedFrom: number | null;
  /**
   * For a request Chromium never sent (status 0): another entry for the same URL and method, sent at the same
   * moment by someone else — a service worker re-fetching it. The page's failure is then not the server's doing.
   */
  resentAs: number | null;
}

export class Pairer {
  readonly exchanges = new Map<string, ExchangeState>();
  /** Preflights waiting for their actual request, per URL and Access-Control-Request-Method. */
  private readonly waitingPreflights = new Map<string, TimeOrderedList<ExchangeState>>();
  /** CORS requests with no preflight of their own (yet), per URL and method: a preflight arriving later may be theirs. */
  private readonly waitingActuals = new Map<string, SpanList<ExchangeState>>();
  private readonly cache = new PreflightCache(PAIRING_SLACK_MS);
  /** Requests that needed a preflight and found none; a preflight arriving later may have served them from the cache. */
  private readonly parked = new ParkedRequests<ExchangeState>();
  private readonly redirectsByTarget = new Map<string, TimeOrderedList<ObservedEntry>>();
  /** Requests that reached the server, per URL and method. */
  private readonly sent = new Map<string, TimeOrderedList<ObservedEntry>>();
  /** Requests Chromium never sent, not yet linked to a resend, per URL and method. */
  private readonly unsent = new Map<string, SpanList<ExchangeState>>();
  /** Arrival number of each entry: of two equally good partners, the later to arrive wins. */
  private seq = 0;

  clear(): void {
    this.exchanges.clear();
    this.waitingPreflights.clear();
    this.waitingActuals.clear();
    this.cache.clear();
    this.parked.clear();
    this.redirectsByTarget.clear();
    this.sent.clear();
    this.unsent.clear();
  }

  /**
   * Removes and returns the exchanges that no entry still to come can change, given that every entry
   * starting before `watermarkMs` has been added (streaming input). Successful preflights stay in the
   * preflight cache (without their exchange) until the horizon passes.
   */
  settle(watermarkMs: number): ExchangeState[] {
    const limit = watermarkMs - PAIRING_SLACK_MS;
    const settled: ExchangeState[] = [];
    for (const [id, state] of this.exchanges) {
      const started = (state.actual ?? state.preflight)!.startedMs;
      if (started >= limit) continue;
      settled.push(state);
      this.exchanges.delete(id);
    }
    if (settled.length === 0) return settled;
    const gone = new Set(settled);
    const kept = (s: ExchangeState) => !gone.has(s);
    forEachList(this.waitingPreflights, (list) => list.filter(kept));
    forEachList(this.waitingActuals, (list) => list.filter(kept));
    forEachList(this.unsent, (list) => list.filter(kept));
    this.parked.forget((s) => gone.has(s));
    this.cache.prune(watermarkMs - HORIZON_MS);
    forEachList(this.sent, (list) => list.filter((_, started) => started >= limit - PAIRING_SLACK_MS));
    forEachList(this.redirectsByTarget, (list) => list.filter((_, started) => started >= limit - PAIRING_SLACK_MS));
    return settled;
  }

  /** Adds one entry; returns the exchanges it created or changed. */
  add(entry: ObservedEntry): ExchangeState[] {
    const seq = this.seq++;
    const role = classifyEntry(entry);
    // A 3xx without Location is not a redirect (Fetch: the location URL is null): fetch/location.ts decides.
    const location = locationUrl(entry);
    if (location !== null) listFor(this.redirectsByTarget, location, () => new TimeOrderedList()).insert(entry, entry.startedMs, seq);
    if (role.kind === 'preflight') return this.addPreflight(entry, role, seq);
    const changed = this.noteResends(entry, seq);
    if (role.kind === 'cors') return [...this.addActual(entry, role, seq), ...changed];
    const state: ExchangeState = { id: `x${entry.index}`, actual: entry, preflight: null, role, redirectedFrom: this.hopBefore(entry), resentAs: null, pairing: { method: 'not-cors', detail: role.reason } };
    this.exchanges.set(state.id, state);
    return [state, ...changed];
  }

  /** Links a request Chromium never sent with a same-URL request that was sent alongside it (either order). */
  private noteResends(entry: ObservedEntry, seq: number): ExchangeState[] {
    if (isUnsent(entry)) return [];
    const key = urlAndMethod(entry.url, entry.method);
    listFor(this.sent, key, () => new TimeOrderedList()).insert(entry, entry.startedMs, seq);
    const changed: ExchangeState[] = [];
    const [from, to] = entry.startedMs === 0 ? [-Infinity, Infinity] : [entry.startedMs - HORIZON_MS, entry.startedMs + PAIRING_SLACK_MS];
    this.unsent.get(key)?.sweep(entry.startedMs, from, to, (s) => {
      if (!withinWindow(s.actual!, entry)) return true;
      s.resentAs = entry.index;
      changed.push(s);
      return false;
    });
    return changed;
  }

  /** The latest request for the same URL and method sent while this one (never sent) was pending. */
  private resentFor(entry: ObservedEntry): number | null {
    const sent = this.sent.get(urlAndMethod(entry.url, entry.method));
    if (!sent) return null;
    const from = entry.startedMs === 0 ? -Infinity : entry.startedMs - PAIRING_SLACK_MS;
    const to = entry.startedMs === 0 ? Infinity : entry.startedMs + entry.durationMs + PAIRING_SLACK_MS;
    for (let i = sent.upperBound(to) - 1; i >= 0 && sent.timeAt(i) >= from; i--) if (sent.itemAt(i).index !== entry.index) return sent.itemAt(i).index;
    return null;
  }

  private hopBefore(entry: ObservedEntry): number | null {
    return this.previousHop(entry)?.index ?? null;
  }

  /** The latest redirect to this URL that started at or before it (of several at once, the first listed). */
  private previousHop(entry: ObservedEntry): ObservedEntry | null {
    const hops = this.redirectsByTarget.get(entry.url);
    if (!hops) return null;
    for (let end = hops.upperBound(entry.startedMs); end > 0; ) {
      const start = hops.lowerBound(hops.timeAt(end - 1));
      for (let i = start; i < end; i++) if (hops.itemAt(i).index !== entry.index) return hops.itemAt(i);
      end = start;
    }
    return null;
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-request-tainted-origin — after a redirect to another origin from a
   * URL that is not the request's origin, the request's origin serialises as "null". A hop Chromium never sent
   * has no Origin header to tell us, so work it out from the chain.
   */
  private taintedOrigin(entry: ObservedEntry, role: Extract<EntryRole, { kind: 'cors' }>): Extract<EntryRole, { kind: 'cors' }> {
    if (role.originFrom === 'origin-header') return role;
    let hop = this.previousHop(entry);
    let current = entry;
    for (let i = 0; hop && i < 20; i++) {
      const from = originOf(hop.url);
      const hopOrigin = getHeader(hop.requestHeaders, 'origin');
      if (hopOrigin === 'null') return { kind: 'cors', origin: 'null', originFrom: 'redirect-taint' };
      if (from !== originOf(current.url) && from !== role.origin) return { kind: 'cors', origin: 'null', originFrom: 'redirect-taint' };
      current = hop;
      hop = this.previousHop(hop);
    }
    return role;
  }

  private addPreflight(entry: ObservedEntry, role: Extract<EntryRole, { kind: 'preflight' }>, seq: number): ExchangeState[] {
    const changed: ExchangeState[] = [];
    // Is an actual request waiting for this preflight? The closest in time among those it could belong to.
    const key = urlAndMethod(entry.url, role.requestMethod);
    const waiting = this.waitingActuals.get(key);
    const [from, to] = entry.startedMs === 0 ? [-Infinity, Infinity] : [entry.startedMs - MATCH_HORIZON_MS, entry.startedMs + PAIRING_SLACK_MS];
    const partner = waiting?.closest(entry.startedMs, from, to, (s) => sameOrigin(s.role.origin, role.origin) && withinWindow(s.actual!, entry))?.item;
    if (partner) {
      waiting!.remove(partner, partner.actual!.startedMs, partner.actual!.durationMs);
      if (waiting!.size === 0) this.waitingActuals.delete(key);
      this.parked.unpark(partner);
      partner.preflight = entry;
      partner.pairing = matchedPairing(role);
      changed.push(partner);
    } else {
      const state: ExchangeState = {
        id: `x${entry.index}`, actual: null, preflight: entry, role, redirectedFrom: null, resentAs: null,
        pairing: PAIRED['preflight-only'],
      };
      this.exchanges.set(state.id, state);
      listFor(this.waitingPreflights, key, () => new TimeOrderedList()).insert(state, entry.startedMs, seq);
      changed.push(state);
    }
    if (!isOkStatus(entry.status)) return changed;
    // Later requests that found no preflight may have been served this one from the preflight cache.
    const group = this.cache.add(entry, seq);
    this.parked.revisit(entry.url, entry.startedMs, entry.startedMs + group.servesForMs, (needs) => this.cache.covers(group, needs), (s) => {
      if (s.pairing.method !== 'preflight-not-captured') return true;
      const cached = this.cachedPreflightFor(s.actual!, requestNeeds(s.actual!, s.role.origin));
      if (!cached) return false;
      s.pairing = cached;
      changed.push(s);
      return true;
    });
    return changed;
  }

  private addActual(entry: ObservedEntry, pageRole: Extract<EntryRole, { kind: 'cors' }>, seq: number): ExchangeState[] {
    const redirectedFrom = this.hopBefore(entry);
    const role = redirectedFrom === null ? pageRole : this.taintedOrigin(entry, pageRole);
    // A preflight already waiting for this request? The closest in time among those that started while it was pending.
    const key = urlAndMethod(entry.url, entry.method);
    const preflights = this.waitingPreflights.get(key);
    const [from, to] = entry.startedMs === 0 ? [-Infinity, Infinity] : [entry.startedMs - PAIRING_SLACK_MS, entry.startedMs + entry.durationMs + PAIRING_SLACK_MS];
    const waiting = preflights?.closest(from, to, entry.startedMs, (s) => sameOrigin(s.role.origin, role.origin))?.item;
    if (waiting) {
      preflights!.remove(waiting, waiting.preflight!.startedMs);
      if (preflights!.size === 0) this.waitingPreflights.delete(key);
      waiting.actual = entry;
      waiting.role = role;
      waiting.redirectedFrom = redirectedFrom;
      waiting.pairing = matchedPairing(preflightOrigin(waiting));
      return [waiting];
    }
    const unsent = isUnsent(entry);
    const state: ExchangeState = { id: `x${entry.index}`, actual: entry, preflight: null, role, redirectedFrom, resentAs: unsent ? this.resentFor(entry) : null, pairing: PAIRED['no-preflight-needed'] };
    if (unsent && state.resentAs === null) listFor(this.unsent, key, () => new SpanList(PAIRING_SLACK_MS)).insert(state, entry.startedMs, entry.durationMs, seq);
    if (!needsPreflight(entry.method, entry.requestHeaders)) state.pairing = PAIRED['no-preflight-needed'];
    else {
      const needs = requestNeeds(entry, role.origin);
      const cached = this.cachedPreflightFor(entry, needs);
      state.pairing = cached ?? PAIRED['preflight-not-captured'];
      if (!cached) this.parked.park(state, entry.url, entry.startedMs, needs, seq);
    }
    this.exchanges.set(state.id, state);
    listFor(this.waitingActuals, key, () => new SpanList(PAIRING_SLACK_MS)).insert(state, entry.startedMs, entry.durationMs, seq);
    return [state];
  }

  /** The newest earlier successful preflight for the same URL and origin whose max-age still covers the request. */
  private cachedPreflightFor(actual: ObservedEntry, needs: RequestNeeds): Pairing | null {
    const best = this.cache.lookup(actual.url, actual.startedMs, needs);
    if (!best) return null;
    const age = Math.round((actual.startedMs - best.startedMs) / 100) / 10;
    return { method: 'preflight-cache', cachedBy: best.index, detail: PAIRING_DETAIL['preflight-cache'](age, getHeader(best.responseHeaders, 'access-control-max-age')) };
  }
}

/** The Origin the exchange's preflight was sent with (null without a preflight). */
function preflightOrigin(s: ExchangeState): string | null {
  if (s.preflight) return getHeader(s.preflight.requestHeaders, 'origin');
  return null;
}

function withinWindow(actual: ObservedEntry, preflight: ObservedEntry): boolean {
  if (actual.startedMs === 0 || preflight.startedMs === 0) return true;
  return preflight.startedMs >= actual.startedMs - PAIRING_SLACK_MS && preflight.startedMs <= actual.startedMs + actual.durationMs + PAIRING_SLACK_MS;
}

function matchedPairing(role: EntryRole | string | null): Pairing {
  return typeof role === 'object' && role !== null && role.kind === 'preflight' && role.requestHeaderNames.length > 0 ? PAIRED.matchedWithRequestHeaders : PAIRED.matched;
}

function isUnsent(entry: ObservedEntry): boolean {
  return entry.status === 0 && entry.responseHeaders.length === 0;
}

function urlAndMethod(url: string, method: string): string {
  return `${method} ${url}`;
}

function listFor<L>(map: Map<string, L>, key: string, create: () => L): L {
  let list = map.get(key);
  if (!list) map.set(key, (list = create()));
  return list;
}

function forEachList<L extends { readonly size: number }>(map: Map<string, L>, visit: (list: L) => void): void {
  for (const [key, list] of map) {
    visit(list);
    if (list.size === 0) map.delete(key);
  }
}
