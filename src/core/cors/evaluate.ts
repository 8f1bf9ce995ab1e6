// One exchange (actual request + its preflight) → verdict, failures, checklist: runs the spec's checks on what
// the capture shows and puts the concepts together — the credentials mode (credentials.ts), the browser's signal
// (browser-signal.ts), redirects (redirect.ts), Local Network Access (address-space.ts), the verdict and summary
// (verdict.ts), the hidden status (hidden-status.ts), advisory rows (advisory-rows.ts); every sentence is in
// wording.ts. The verdict follows the spec's checks (with Chromium's measured behaviour where they differ).
import type { BrowserSignal, CheckRow, CredentialsMode, ExchangeReport, Failure, HiddenStatus, Inferred, ObservedEntry, Pairing, PreflightReason, Verdict } from '../types';
import { getHeader } from '../fetch/headers';
import { isCorsNonWildcardRequestHeaderName } from '../fetch/safelist';
import { isRedirectResponse } from '../fetch/location';
import { originOf } from '../fetch/origin';
import { advisoryRows } from './advisory-rows';
import { localNetworkFailure } from './address-space';
import { browserSignal } from './browser-signal';
import { FAILURE_TEXT } from './failure-text';
import { corsCheck, NO_ROWS } from './cors-check';
import { type ChecksResult, failureIfCredentialed, inferCredentials } from './credentials';
import { hiddenStatus } from './hidden-status';
import { checkPreflightResponse } from './preflight';
import { preflightReason } from './preflight-reason';
import { redirectLocationFailures } from './redirect';
import { step } from './spec-steps';
import { decideVerdict, summarize } from './verdict';
import { ROW_NOTE, SUMMARY, UNKNOWN_REASON } from './wording';
import { defineLazy, lazyField, lazySource } from '../lazy';

export interface ExchangeInput {
  readonly id: string;
  readonly actual: ObservedEntry | null;
  readonly preflight: ObservedEntry | null;
  readonly pairing: Pairing;
  readonly origin: string;
  readonly originFrom: string;
  readonly redirectedFrom: number | null;
  /** Another entry that sent this same request (a service worker re-fetching what Chromium did not send). */
  readonly resentAs: number | null;
  readonly requestedHeaderNames: readonly string[] | null;
  readonly ignoreBrowserSignals: boolean;
}

export type EvaluatedExchange = Omit<ExchangeReport, 'hints' | 'fingerprints'>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NO_FAILURES: readonly Failure[] = Object.freeze([]);

// The explanation of an exchange, built when first read (../lazy.ts): the checklist rows and the summary sentence.
const CHECKS = lazyField('checks', 'explain', (_x, e: Explanation) => checklist(e));
const SUMMARY_FIELD = lazyField('summary', 'explain', (_x, e: Explanation) => summary(e));

function explainLater(x: Partial<Mutable<EvaluatedExchange>>, browser: BrowserSignal, e: Explanation): EvaluatedExchange {
  lazySource(x, 'explain', e);
  defineLazy(x, CHECKS);
  x.browser = browser;
  defineLazy(x, SUMMARY_FIELD);
  return x as EvaluatedExchange;
}

export function evaluateExchange(input: ExchangeInput): EvaluatedExchange {
  const { actual, preflight, pairing, origin } = input;
  const method = actual?.method ?? (preflight ? (getHeader(preflight.requestHeaders, 'access-control-request-method') ?? 'GET') : 'GET');
  const url = actual?.url ?? preflight?.url ?? '';
  const reason = preflightReason(method, actual?.requestHeaders ?? null, input.requestedHeaderNames);
  const unsafeNames = inRequestOrder(reason.unsafeHeaders.map((h) => h.name), actual);
  // A preflight entry's own `_error: null` only says the OPTIONS request completed; the verdict lives on the actual request.
  const browser = browserSignal(actual, input.ignoreBrowserSignals);

  // The verdict pass: the checks' failures only; the checklist rows and the summary are built when first read.
  const checks: Checks = { actual, preflight, origin, method, unsafeNames, reason, resentAs: input.resentAs };
  const run = (credentialsInclude: boolean) => runChecks(checks, credentialsInclude, false);
  const { credentials, result } = inferCredentials(actual, browser, run);
  // An exchange that passes shares one empty list (frozen: a report is read-only).
  const failures: readonly Failure[] = result.failures.length > 0 ? result.failures : NO_FAILURES;
  const decided = decideVerdict(actual, preflight, failures, browser, pairing, reason);
  const { verdict } = decided;
  const unknownReason = verdict !== 'unknown' ? null
    : input.resentAs !== null ? UNKNOWN_REASON['resent-by-service-worker']({ entry: input.resentAs })
    : UNKNOWN_REASON[decided.unknown!]({ error: decided.unknown === 'preflight-no-response' ? preflight?.error : browser.error });
  const first = verdict === 'blocked' ? failures[0] : undefined;
  const hidden = verdict === 'blocked' ? hiddenStatus(actual, preflight, first) : null;
  const serverStatus = actual && actual.status > 0 ? actual.status : null;

  const x = {
    id: input.id,
    url,
    method,
    origin,
    originFrom: input.originFrom,
    kind: 'cors',
    notCorsReason: null,
    actualEntry: actual?.index ?? null,
    preflightEntry: preflight?.index ?? null,
    redirectedFrom: input.redirectedFrom,
    pairing,
    startedMs: actual?.startedMs ?? preflight?.startedMs ?? 0,
    verdict,
    unknownReason,
    corsError: first?.corsError ?? null,
    failedParameter: first ? first.failedParameter : null,
    allFailures: failures,
    firefoxReason: first?.firefoxReason ?? null,
    pageStatus: verdict === 'blocked' || !actual ? 0 : actual.status,
    serverStatus,
    hiddenStatus: hidden,
    preflightReason: reason,
    credentials,
  } satisfies Partial<EvaluatedExchange> as Partial<Mutable<EvaluatedExchange>>;
  return explainLater(x, browser, { checks, credentialsInclude: result.credentialsInclude, failures, hidden, browser, pairing, verdict, unknownReason, credentials });
}

/** What the explanation (checklist rows, summary) is built from when first read. */
interface Checks {
  readonly actual: ObservedEntry | null;
  readonly preflight: ObservedEntry | null;
  readonly origin: string;
  readonly method: string;
  readonly unsafeNames: readonly string[];
  readonly reason: PreflightReason;
  readonly resentAs: number | null;
}

interface Explanation {
  readonly checks: Checks;
  /** The credentials mode the verdict's checks ran with. */
  readonly credentialsInclude: boolean;
  readonly failures: readonly Failure[];
  readonly hidden: HiddenStatus | null;
  readonly browser: BrowserSignal;
  readonly pairing: Pairing;
  readonly verdict: Verdict;
  readonly unknownReason: string | null;
  readonly credentials: Inferred<CredentialsMode>;
}

function checklist(e: Explanation): CheckRow[] {
  return runChecks(e.checks, e.credentialsInclude, true).rows;
}

function summary(e: Explanation): string {
  const { actual, preflight } = e.checks;
  const base = summarize(e.verdict, e.unknownReason, e.failures, e.hidden, e.browser, preflight !== null, e.pairing);
  if (e.verdict !== 'allowed') return base;
  // Without a browser verdict and a cookie, an exchange that passes may still fail if sent with credentials: say so.
  const ifCredentialed = failureIfCredentialed(actual, e.credentials, e.browser, { failures: e.failures as Failure[], credentialsInclude: e.credentialsInclude }, (c) => runChecks(e.checks, c, false));
  return ifCredentialed ? base + SUMMARY.ifCredentialed(FAILURE_TEXT[ifCredentialed.corsError].cause(ifCredentialed.failedParameter), ifCredentialed.corsError) : base;
}

/**
 * Chromium checks the unsafe headers in the order of its own (hash-ordered) header list: neither insertion nor
 * sorted order. The HAR's list for a request it never sent comes from the same kind of map and is the best
 * predictor we have (measured: right in 2 of 3 truth scenarios); every refused header is listed anyway.
 */
function inRequestOrder(names: string[], actual: ObservedEntry | null): string[] {
  if (!actual || names.length < 2) return names;
  const position = new Map<string, number>();
  actual.requestHeaders.forEach(([n], i) => { if (!position.has(n)) position.set(n, i); });
  // Authorization is checked first (Chromium's non-wildcard request-header check runs before the list).
  const rank = (n: string) => (isCorsNonWildcardRequestHeaderName(n) ? -1 : (position.get(n) ?? Infinity));
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
}

function runChecks(c: Checks, credentialsInclude: boolean, withRows: boolean): ChecksResult & { readonly rows: CheckRow[] } {
  const { actual, preflight, origin, method, unsafeNames, reason, resentAs } = c;
  const failures: Failure[] = [];
  // The verdict pass builds no rows: `rows?.push(...)` evaluates nothing when rows is null.
  const rows: CheckRow[] | null = withRows ? [] : null;
  const preflightUnanswered = preflight !== null && preflight.status === 0 && preflight.responseHeaders.length === 0;
  if (preflight && preflightUnanswered) {
    // The preflight never got a response: not a header problem. Local Network Access stops it before sending.
    const lna = localNetworkFailure(preflight, origin, 'preflight', preflight.error ?? null);
    if (lna) failures.push(lna);
    rows?.push({ stage: 'preflight', header: 'Status', status: 'not-observed', expected: '2xx (ok status)', actual: preflight.error ?? '(no response)', spec: step('cors-preflight-fetch#7'), note: ROW_NOTE['preflight-no-response'] });
  } else if (preflight) {
    const r = checkPreflightResponse({ preflight, origin, method, unsafeHeaderNames: unsafeNames, credentialsInclude, withRows });
    for (const f of r.failures) failures.push(f);
    for (const row of r.rows) rows?.push(row);
  } else if (reason.needed) {
    rows?.push({ stage: 'preflight', header: 'Status', status: 'not-observed', expected: '2xx (ok status)', actual: null, spec: step('cors-preflight-fetch#7'), note: ROW_NOTE['preflight-not-captured'] });
  }
  if (actual && (actual.status > 0 || actual.responseHeaders.length > 0)) {
    const redirect = isRedirectResponse(actual);
    // https://fetch.spec.whatwg.org/#concept-main-fetch step 12: a same-origin hop has response tainting "basic"
    // and gets no CORS check; only its redirect's own checks apply.
    const basic = redirect && originOf(actual.url) === origin;
    if (!basic) {
      const r = corsCheck({ origin, credentialsInclude, responseHeaders: actual.responseHeaders, stage: redirect ? 'redirect' : 'actual', entry: actual.index, withRows });
      for (const f of r.failures) failures.push(f);
      for (const row of r.rows) rows?.push(row);
    }
    if (redirect) failures.push(...redirectLocationFailures(actual));
    if (rows) rows.push(...advisoryRows(actual));
  } else if (actual) {
    // Beyond the spec: Chromium stops a request to a more private address (Local Network Access) before sending it.
    if (!preflight && !reason.needed && actual.error === 'net::ERR_FAILED' && resentAs === null) {
      const lna = localNetworkFailure(actual, origin, 'actual', null);
      if (lna) failures.push(lna);
    }
    rows?.push({ stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'not-observed', expected: credentialsInclude ? origin : `${origin} or *`, actual: null, spec: step('cors-check#2'), note: ROW_NOTE['actual-not-sent'] });
  }
  return { failures, rows: rows ?? NO_ROWS, credentialsInclude };
}
