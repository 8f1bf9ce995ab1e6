// One fetch() as Chromium runs it, request by request: the preflight when the core's safelist says one is
// needed, the actual request when it is safe to send, and each redirect hop (https://fetch.spec.whatwg.org/#http-redirect-fetch)
// with a new preflight where the next hop needs one. After every response the same core (analyzeHar) decides
// whether Chromium would go on: the probe never judges a header itself.
import { analyzeHar, includesCredentials, originOf, type AnalysisReport, type ExchangeReport } from '../../core';
import { corsActualRequest, corsPreflightRequest, isSafeMethod, preflightFor, type FetchSpec } from './plan';
import { probeHar, type SentRequest } from './har';
import type { Sender } from './sender';

/** Chromium's redirect limit (https://fetch.spec.whatwg.org/#http-redirect-fetch step 5: more than 20 is a network error). */
const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface ProbeOutcome {
  readonly spec: FetchSpec;
  readonly sent: readonly SentRequest[];
  readonly har: { log: unknown };
  readonly report: AnalysisReport;
  /** The exchange that decides the fetch (the last hop's). */
  readonly final: ExchangeReport | null;
  /** Why the probe stopped before the end, if it did (an unsafe actual request not confirmed, a dry run). */
  readonly stoppedBecause: string | null;
}

export interface ExchangeOptions {
  /** Send the actual request even when its method is not GET/HEAD (the caller has confirmed). */
  readonly sendActual: boolean;
  readonly hints: boolean;
}

export async function probeFetch(spec: FetchSpec, sender: Sender, options: ExchangeOptions): Promise<ProbeOutcome> {
  const sent: SentRequest[] = [];
  let current: FetchSpec = spec;
  let stoppedBecause: string | null = null;
  const analyse = () => analyzeHar(probeHar(sent), { hints: options.hints });
  const blockedNow = () => {
    const last = sent.length - 1;
    const x = analyse().exchanges.find((e) => e.actualEntry === last || e.preflightEntry === last);
    return x?.verdict === 'blocked';
  };

  for (let hop = 0; ; hop++) {
    if (hop > MAX_REDIRECTS) {
      sent.push({ request: corsActualRequest(current), result: null, startedMs: Date.now(), credentials: current.credentials, redirectURL: '', netError: 'net::ERR_TOO_MANY_REDIRECTS' });
      break;
    }
    const actualRequest = corsActualRequest(current);
    if (preflightFor(current).needed) {
      const startedMs = Date.now();
      const result = await sender.send(corsPreflightRequest(current));
      if (result === null) {
        stoppedBecause = 'dry run';
        if (isSafeMethod(current.method) || options.sendActual) await sender.send(actualRequest, 'if the preflight passes');
        break;
      }
      sent.push({ request: corsPreflightRequest(current), result, startedMs, credentials: current.credentials, redirectURL: '' });
      // Chromium never follows a redirect on a preflight: a 3xx is a non-ok status (the core reports it).
      if (!result.ok || blockedNow()) {
        // The page's request is never sent; Chromium still logs it (status 0).
        sent.push({ request: actualRequest, result: null, startedMs: startedMs + 1, credentials: current.credentials, redirectURL: '', ...(result.ok ? {} : { netError: result.failure.error }) });
        break;
      }
    }
    if (!isSafeMethod(current.method) && !options.sendActual) {
      stoppedBecause = `the ${current.method} request itself was not sent (not GET/HEAD; --send-actual sends it)`;
      break;
    }
    const startedMs = Date.now();
    const result = await sender.send(actualRequest, hop > 0 ? `redirect hop ${hop}` : undefined);
    if (result === null) {
      stoppedBecause = 'dry run';
      break;
    }
    const location = result.ok ? result.response.headers.find(([n]) => n.toLowerCase() === 'location')?.[1] ?? null : null;
    const redirect = result.ok && REDIRECT_STATUSES.has(result.response.status) && location !== null;
    let redirectURL = '';
    if (redirect) {
      try { redirectURL = new URL(location, current.url).href; } catch { redirectURL = location; }
    }
    // Beyond the spec: Chromium's network stack refuses these targets as unsafe redirects (a network error, no CORS reason);
    // other non-HTTP(S) schemes reach the CORS check and fail there (CorsDisabledScheme, from the core).
    const unsafeRedirect = redirect && /^(data|file|about|javascript|blob|filesystem):/i.test(redirectURL);
    sent.push({ request: actualRequest, result, startedMs, credentials: current.credentials, redirectURL, ...(unsafeRedirect ? { netError: 'net::ERR_UNSAFE_REDIRECT' } : {}) });
    // Chromium runs the CORS check on the response head; a body cut short afterwards is a network error
    // (net::ERR_CONTENT_LENGTH_MISMATCH) only for a response that passed it.
    if (result.ok && result.response.truncated && !blockedNow()) sent[sent.length - 1] = { ...sent[sent.length - 1], netError: 'net::ERR_CONTENT_LENGTH_MISMATCH' };
    if (!redirect || !result.ok || unsafeRedirect) break;
    if (blockedNow()) break;
    if (!/^https?:/i.test(redirectURL) || includesCredentials(redirectURL)) break;
    current = nextHop(current, result.response.status, redirectURL);
  }
  const report = analyse();
  const last = sent.length - 1;
  const final = report.exchanges.find((e) => e.actualEntry === last || e.preflightEntry === last) ?? report.exchanges.at(-1) ?? null;
  return { spec, sent, har: probeHar(sent), report, final, stoppedBecause };
}

// https://fetch.spec.whatwg.org/#http-redirect-fetch
function nextHop(spec: FetchSpec, status: number, location: string): FetchSpec {
  let { method, body, origin } = spec;
  let headers = [...spec.headers];
  // 12. If one of the following is true: internalResponse's status is 301 or 302 and request's method is `POST`;
  //     internalResponse's status is 303 and request's method is not `GET` or `HEAD` — then:
  if (((status === 301 || status === 302) && method.toUpperCase() === 'POST') || (status === 303 && !['GET', 'HEAD'].includes(method.toUpperCase()))) {
    // 12.1 Set request's method to `GET` and request's body to null.
    method = 'GET';
    body = null;
    // 12.2 For each headerName of request-body-header name, delete headerName from request's header list.
    const bodyHeaders = new Set(['content-encoding', 'content-language', 'content-location', 'content-type']);
    headers = headers.filter(([n]) => !bodyHeaders.has(n.toLowerCase()));
  }
  // 13. If request's current URL's origin is not same origin with locationURL's origin, then for each headerName of
  //     CORS non-wildcard request-header name, delete headerName from request's header list.
  if (originOf(spec.url) !== originOf(location)) headers = headers.filter(([n]) => n.toLowerCase() !== 'authorization');
  // 10-11. If locationURL's origin is not same origin with request's current URL's origin and request's origin is
  //        not same origin with request's current URL's origin, then set request's tainted origin flag (Origin: null).
  if (originOf(location) !== originOf(spec.url) && origin !== originOf(spec.url)) origin = 'null';
  return { ...spec, url: location, method, body, headers, origin };
}
