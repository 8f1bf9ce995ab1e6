// "Re-run from the page" (issue #14): the selected request issued again by the inspected page, and the new row
// linked to the old one ("was blocked, now allowed"). The host makes the page fetch (PanelHost.requester); this
// module decides what to send and finds the new exchange when the capture delivers it.
import { createContext } from 'preact';
import { signal, type Signal } from '@preact/signals';
import { authorHeaders, type ExchangeReport, type ObservedEntry } from '../core/analysis';
import type { PageFetch, PageRequester } from './source';

export interface Rerun {
  readonly fromId: string;
  readonly url: string;
  readonly method: string;
  readonly issuedAt: number;
  readonly before: { readonly verdict: ExchangeReport['verdict']; readonly corsError: string | null };
  /** The exchange the re-run produced, once the capture has it. */
  readonly toId: string | null;
}

export interface RerunHost {
  readonly requester: PageRequester;
  readonly reruns: Signal<readonly Rerun[]>;
}

export const RerunContext = createContext<RerunHost | null>(null);

export function createRerunHost(requester: PageRequester): RerunHost {
  return { requester, reruns: signal([]) };
}

/** What the page sent, from the captured request: URL, method, the page's own headers, credentials mode. */
export function pageFetchFor(report: ExchangeReport, actual: ObservedEntry, withBody: boolean): PageFetch {
  return {
    url: report.url,
    method: report.method,
    headers: authorHeaders(actual.requestHeaders).map(([n, v]) => [n, v] as const),
    credentials: report.credentials.value === 'include' ? 'include' : 'same-origin',
    body: withBody ? actual.requestBody : null,
    origin: report.origin ?? '',
  };
}

/**
 * The script the inspected page runs: it checks that the page is still on the captured origin, starts the fetch
 * (reading the body, so the request finishes and DevTools logs it) and returns at once. Values go in as JSON.
 */
export function fetchExpression(request: PageFetch): string {
  const init = { method: request.method, headers: request.headers, credentials: request.credentials, mode: 'cors', ...(request.body !== null ? { body: request.body } : {}) };
  return `(() => {
  if (location.origin !== ${JSON.stringify(request.origin)}) return { ok: false, error: 'the inspected page is on ' + location.origin + ', not ' + ${JSON.stringify(request.origin)} };
  window.fetch(${JSON.stringify(request.url)}, ${JSON.stringify(init)}).then((r) => r.text()).catch(() => {});
  return { ok: true };
})()`;
}

export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

/** Records a re-run just issued. */
export function applyRerunIssued(host: RerunHost, report: ExchangeReport, issuedAt: number): void {
  host.reruns.value = [...host.reruns.value, { fromId: report.id, url: report.url, method: report.method, issuedAt, before: { verdict: report.verdict, corsError: report.corsError }, toId: null }];
}

/** Clock skew and DevTools' own timestamps: a re-run's entry may carry a start a little before the click. */
const SLACK_MS = 2000;

/** Links pending re-runs to the first new exchange with the same URL and method that started after the click. */
export function applyRerunMatches(host: RerunHost, exchanges: readonly ExchangeReport[]): void {
  const taken = new Set(host.reruns.value.flatMap((r) => [r.fromId, r.toId]));
  let changed = false;
  const next = host.reruns.value.map((r) => {
    if (r.toId !== null) return r;
    const x = exchanges.find((e) => e.url === r.url && e.method === r.method && e.redirectedFrom === null && !taken.has(e.id) && e.startedMs >= r.issuedAt - SLACK_MS);
    if (!x) return r;
    taken.add(x.id);
    changed = true;
    return { ...r, toId: x.id };
  });
  if (changed) host.reruns.value = next;
}

const verdictWords = (verdict: string, corsError: string | null) => (verdict === 'blocked' ? `blocked${corsError ? ` (${corsError})` : ''}` : verdict);

/** "was blocked (MissingAllowOriginHeader), now allowed" */
export function rerunSentence(rerun: Rerun, now: ExchangeReport): string {
  const before = verdictWords(rerun.before.verdict, rerun.before.corsError);
  const after = verdictWords(now.verdict, now.corsError);
  if (now.verdict === 'allowed' && rerun.before.verdict === 'blocked') return `was ${before}, now allowed`;
  if (now.verdict === 'blocked' && rerun.before.verdict === 'blocked') return `still ${after}${rerun.before.corsError !== now.corsError ? `; was ${before}` : ''}`;
  return `was ${before}, now ${after}`;
}
