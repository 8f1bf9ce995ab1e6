// https://fetch.spec.whatwg.org/#concept-cache — which captured preflight served, from the preflight cache, a
// request that has no preflight of its own; and the requests still waiting for one.
//
// Successful preflights of a URL are grouped by what decides whether they cover a request: the origin that
// asked, `Access-Control-Allow-Methods`, `Access-Control-Allow-Headers` and the max-age. Within a group the
// answer to "does it cover this request?" is the same for every preflight, and the newest one before the request
// has the most max-age left, so a look-up reads one preflight per group. Requests are grouped the same way by
// what they need (method, origin, credentials, CORS-unsafe header names). A page retrying a blocked call keeps
// one group of each, however many times it retries (issue 18).
import type { HeaderList, ObservedEntry } from '../types';
import { getHeader } from '../fetch/headers';
import { parseMaxAge, preflightCovers } from '../cors/preflight';
import { unsafeAuthorHeaders } from '../cors/preflight-reason';
import { TimeOrderedList } from './time-ordered';

/** What a request needs from a cached preflight. */
export interface RequestNeeds {
  readonly method: string;
  readonly origin: string | null;
  readonly unsafeHeaderNames: readonly string[];
  readonly credentials: boolean;
  /** Equal for requests that any preflight covers alike. */
  readonly key: string;
}

export function requestNeeds(actual: ObservedEntry, origin: string | null): RequestNeeds {
  const unsafeHeaderNames = unsafeAuthorHeaders(actual.requestHeaders).map((h) => h.name);
  const credentials = getHeader(actual.requestHeaders, 'cookie') !== null || actual.hasRequestCookies;
  const key = [actual.method, origin ?? '', credentials ? 'credentials' : '', ...[...unsafeHeaderNames].sort()].join('\n');
  return { method: actual.method, origin, unsafeHeaderNames, credentials, key };
}

/** Origins match unless one of them is unknown. */
export function sameOrigin(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

interface CacheGroup {
  readonly origin: string | null;
  readonly responseHeaders: HeaderList;
  /** Max-age plus the pairing slack, ms. */
  readonly servesForMs: number;
  readonly preflights: TimeOrderedList<ObservedEntry>;
  readonly covers: Map<string, boolean>;
}

export class PreflightCache {
  private readonly byUrl = new Map<string, Map<string, CacheGroup>>();

  constructor(private readonly slackMs: number) {}

  /** Records a successful preflight; returns its group (to find the requests it may have served). */
  add(preflight: ObservedEntry, seq: number): CacheGroup {
    const origin = getHeader(preflight.requestHeaders, 'origin');
    const acam = getHeader(preflight.responseHeaders, 'access-control-allow-methods');
    const acah = getHeader(preflight.responseHeaders, 'access-control-allow-headers');
    const maxAge = parseMaxAge(getHeader(preflight.responseHeaders, 'access-control-max-age'));
    const key = [origin, acam, acah, maxAge].join('\n');
    let groups = this.byUrl.get(preflight.url);
    if (!groups) this.byUrl.set(preflight.url, (groups = new Map()));
    let group = groups.get(key);
    if (!group) {
      group = { origin, responseHeaders: preflight.responseHeaders, servesForMs: maxAge * 1000 + this.slackMs, preflights: new TimeOrderedList(), covers: new Map() };
      groups.set(key, group);
    }
    group.preflights.insert(preflight, preflight.startedMs, seq);
    return group;
  }

  /** The newest successful preflight for the URL and origin, started at or before the request, still within its max-age, that covers it. */
  lookup(url: string, startedMs: number, needs: RequestNeeds): ObservedEntry | null {
    let best: ObservedEntry | null = null;
    let bestSeq = -1;
    for (const group of this.byUrl.get(url)?.values() ?? []) {
      const i = group.preflights.upperBound(startedMs) - 1;
      if (i < 0) continue;
      const p = group.preflights.itemAt(i);
      const seq = group.preflights.seqAt(i);
      if (best && (p.startedMs < best.startedMs || (p.startedMs === best.startedMs && seq < bestSeq))) continue;
      if (startedMs - p.startedMs > group.servesForMs || !this.covers(group, needs)) continue;
      best = p;
      bestSeq = seq;
    }
    return best;
  }

  /** Whether the group's preflights cover a request with these needs (the same answer for all of them). */
  covers(group: CacheGroup, needs: RequestNeeds): boolean {
    let yes = group.covers.get(needs.key);
    if (yes === undefined) {
      yes = sameOrigin(group.origin, needs.origin) && preflightCovers(group.responseHeaders, needs.method, needs.unsafeHeaderNames, needs.credentials);
      group.covers.set(needs.key, yes);
    }
    return yes;
  }

  /** Forgets preflights that started before `oldestMs` (streaming). */
  prune(oldestMs: number): void {
    for (const [url, groups] of this.byUrl) {
      for (const [key, group] of groups) {
        group.preflights.filter((_, started) => started >= oldestMs);
        if (group.preflights.size === 0) groups.delete(key);
      }
      if (groups.size === 0) this.byUrl.delete(url);
    }
  }

  clear(): void {
    this.byUrl.clear();
  }
}

/** Requests that needed a preflight and found none, grouped per URL by what they need, in start-time order. */
export class ParkedRequests<T> {
  private readonly byUrl = new Map<string, Map<string, { needs: RequestNeeds; requests: TimeOrderedList<T> }>>();
  private readonly where = new Map<T, { list: TimeOrderedList<T>; startedMs: number }>();

  park(request: T, url: string, startedMs: number, needs: RequestNeeds, seq: number): void {
    let groups = this.byUrl.get(url);
    if (!groups) this.byUrl.set(url, (groups = new Map()));
    let group = groups.get(needs.key);
    if (!group) groups.set(needs.key, (group = { needs, requests: new TimeOrderedList() }));
    group.requests.insert(request, startedMs, seq);
    this.where.set(request, { list: group.requests, startedMs });
  }

  unpark(request: T): void {
    const at = this.where.get(request);
    if (!at) return;
    at.list.remove(request, at.startedMs);
    this.where.delete(request);
  }

  /**
   * The parked requests of `url` that started in [fromMs, toMs] and whose needs `covered` accepts (asked once per
   * group). `resolve` says whether a request found its preflight; those leave the park.
   */
  revisit(url: string, fromMs: number, toMs: number, covered: (needs: RequestNeeds) => boolean, resolve: (request: T) => boolean): void {
    for (const { needs, requests } of this.byUrl.get(url)?.values() ?? []) {
      if (!covered(needs)) continue;
      requests.sweep(requests.lowerBound(fromMs), requests.upperBound(toMs), (r) => {
        if (!resolve(r)) return true;
        this.where.delete(r);
        return false;
      });
    }
  }

  /** Unparks every request `gone` accepts (streaming). */
  forget(gone: (request: T) => boolean): void {
    for (const [url, groups] of this.byUrl) {
      for (const [key, group] of groups) {
        group.requests.filter((r) => {
          if (!gone(r)) return true;
          this.where.delete(r);
          return false;
        });
        if (group.requests.size === 0) groups.delete(key);
      }
      if (groups.size === 0) this.byUrl.delete(url);
    }
  }

  clear(): void {
    this.byUrl.clear();
    this.where.clear();
  }
}
