// Every user-visible string of the panel, in one place (wording, future translation).
// Wording about a CORS failure itself comes from src/core (summary, failure messages, hints).
import type { CheckStatus, PairingMethod, Toolchain, UnsafeHeaderWhy, Verdict } from '../core/analysis';
import { inferredFromText, SERVICE_NAME } from '../core/analysis';

const n = (count: number) => count.toLocaleString('en-US');

const credentialsWords: Record<string, string> = {
  include: 'sent (cookies or credentials: include)',
  'not-include': 'not sent',
  unknown: 'unknown',
};

const pairingWords: Record<PairingMethod, string> = {
  matched: 'The preflight was matched to this request by URL, origin, method, requested headers and time.',
  'preflight-cache': 'No preflight was sent: an earlier preflight was still in the browser’s preflight cache.',
  'no-preflight-needed': 'No preflight was needed.',
  'preflight-only': 'Only the preflight was captured; its request never appears.',
  'preflight-not-captured': 'A preflight was needed but none was captured (capture started late, or a cache CORS Lens cannot see).',
  'not-cors': 'Not a CORS request.',
};

/** AWS services the core recognises (fingerprints), in the words users search for. */
export const serviceWords: Record<string, string> = SERVICE_NAME;

export const strings = {
  panelLabel: 'CORS Lens',
  /** A CorsError badge's tooltip: Chrome's name (what users search for) and what it means. */
  badgeTitle: (name: string, cause: string) => `${name}: blocked because ${cause}.`,
  toolbar: {
    label: 'CORS panel toolbar',
    record: 'Record',
    pause: 'Pause recording',
    recordTitle: 'Record cross-origin requests (paused)',
    pauseTitle: 'Stop recording requests',
    clear: 'Clear',
    clearTitle: 'Clear the list',
    preserveLog: 'Preserve log',
    preserveLogTitle: 'Keep the list when the page navigates',
    filterPlaceholder: 'Filter (URL, error, service, pitfall)',
    filterTitle:
      'Matches the URL, method, status, Chrome error name, AWS service (api gateway, lambda, cloudfront, s3), pitfall id (APIGW-…, LURL-…, as in the CLI report) and words of the explanation. -word excludes.',
    filterLabel: 'Filter requests',
    quickFilterLabel: 'Which requests to show',
    groupRepeats: 'Group repeats',
    groupRepeatsTitle: 'Show identical calls (same page, method, URL, status, preflight and verdict: a retry loop, a poller) as one row with a count, like the Console',
    newestFirst: 'Newest first',
    newestFirstTitle: 'Show the newest requests at the top (off: oldest first, like the Network panel)',
    more: 'More',
    moreTitle: 'More actions',
  },
  quickFilter: { blocked: 'Blocked', cors: 'All CORS', all: 'Everything' } as Record<'blocked' | 'cors' | 'all', string>,
  list: {
    label: 'Cross-origin requests',
    columns: { name: 'Name', method: 'Method', status: 'Status', verdict: 'Verdict', preflight: 'Preflight', time: 'Time' },
    resizeColumn: (column: string) => `Resize the ${column} column`,
    nameTitle: (url: string, host: string) => `${url}\nHost: ${host}`,
    /** A line of repeats (store.ts groupRepeats): its count, read out, and its tooltip. */
    repeatLabel: (count: number) => `${n(count)} identical calls:`,
    repeatTitle: (count: number, first: string, newest: string) =>
      `Called ${n(count)} times, identically (same page, method, URL, status, preflight and verdict), from ${first} to ${newest}. The row shows the newest; turn off "Group repeats" to list each.`,
    menu: {
      label: 'Request actions',
      copyUrl: 'Copy URL',
      copyCurl: 'Copy as cURL (actual request)',
      copyCurlPreflight: 'Copy as cURL (preflight)',
      copyFix: 'Copy the fix',
      copyConsole: "Copy Chrome's console line",
      noFix: 'No fix for this request',
    },
    preflightTitle: {
      matched: 'A preflight (OPTIONS) was sent and matched to this request',
      'preflight-cache': 'No preflight: an earlier preflight in the browser’s cache covered this request',
      'no-preflight-needed': 'No preflight needed: a simple request',
      'preflight-only': 'A preflight whose request never appears in the capture',
      'preflight-not-captured': 'This request needed a preflight, but none was captured (capture started late, or a cache CORS Lens cannot see)',
      'not-cors': '',
    } as Record<PairingMethod, string>,
    statusTitle: (page: number, server: number | null) =>
      server === null
        ? `The page saw ${page || 'a network error'}; the request never reached the server`
        : `The page saw ${page || 'a network error (0)'}; the server sent ${server}`,
    notSent: 'not sent',
  },
  /**
   * Certainty. A verdict is `browser` when the capture carries the browser's own signal (Chromium's
   * `_error`), `inferred` when it is only what the CORS rules say about the headers (Firefox, whose
   * HAR records a blocked response as a success; a plain HAR).
   */
  certainty: {
    wouldBeBlocked: 'would be blocked',
    wouldPass: 'would pass',
    blockedTitle: (chromium: string, firefox: string | null) =>
      `Would be blocked by the CORS rules: judged from the headers, the browser's capture does not say it blocked this. ` +
      `Chrome names it ${chromium}${firefox ? `; Firefox logs ${firefox}` : ''}.`,
    passTitle: "Would pass the CORS rules: judged from the headers, the browser's capture does not say.",
    firefoxTitle: "Firefox's name for this failure (the Reason in its console message)",
    banner:
      "Judged from the headers: this browser's capture does not say which requests it blocked (Firefox records a blocked response as a success), " +
      'so verdicts say what the CORS rules would do. Dashed badges (≈) are inferred.',
    detailBlocked: (chromium: string, firefox: string | null) =>
      `Inferred from the headers, not reported by the browser${firefox ? `: Firefox logs this as ${firefox}` : ''} (Chrome: ${chromium}).`,
    detailPass: 'Inferred from the headers, not reported by the browser: nothing in them breaks the CORS rules.',
    firstWouldReport: 'the one Chrome would report',
    firefoxName: (reason: string) => `Firefox: ${reason}`,
  },
  verdict: {
    allowed: 'allowed',
    blocked: 'blocked',
    unknown: 'unknown',
    'not-cors': 'not CORS',
  } as Record<Verdict, string>,
  pairing: {
    matched: 'sent',
    'preflight-cache': 'from cache',
    'no-preflight-needed': 'not needed',
    'preflight-only': 'preflight only',
    'preflight-not-captured': 'not captured',
    'not-cors': '',
  } as Record<PairingMethod, string>,
  empty: {
    title: 'No cross-origin requests yet',
    recording: 'Recording. Reload the page (Ctrl+R) or reproduce the call, and every cross-origin request will appear here with the reason it was blocked or allowed.',
    paused: 'Recording is paused. Press Record, then reload the page or reproduce the call.',
    noMatch: 'No request matches the filter.',
    showEverything: 'Show everything',
  },
  dropped: (count: number, max: number) =>
    `${n(count)} older requests were dropped to keep memory bounded (the panel keeps the last ${n(max)}).`,
  problems: {
    row: (count: number) => (count === 1 ? '1 request could not be read' : `${n(count)} requests could not be read`),
    toggleTitle: 'Show what could not be read',
    /** Entry indexes are 0-based; people count from 1 (the HAR's first request is "request 1"). */
    where: (entry: number | null, field: string | null) =>
      [entry === null ? 'The capture' : `Request ${n(entry + 1)}`, field ? `field ${field}` : null].filter(Boolean).join(', '),
  },
  status: {
    counts: (shown: number, total: number, blocked: number) =>
      `${n(shown)} / ${n(total)} requests · ${n(blocked)} blocked`,
    paused: 'Paused',
    recording: 'Recording',
  },
  detail: {
    repeats: (count: number, first: string, newest: string, shown: string) =>
      `One of ${n(count)} identical calls, from ${first} to ${newest}; this is the one at ${shown}.`,
    label: 'Request details',
    close: 'Close details',
    back: 'Back to the list',
    backTitle: 'Back to the list (Escape)',
    splitter: 'Resize the list and the details',
    nothingToFix: 'Nothing to fix: the browser let the page read this response.',
    notCors: 'Not a CORS request: the browser did not apply the CORS rules to it.',
    advisories: 'Worth knowing',
    advisoryTitle: 'Advisory: not a failure, but worth a look',
    more: 'How it was judged',
    spec: 'spec',
    specTitle: (id: string) => `The step of the Fetch standard (or Chromium behaviour) this check follows: ${id}`,
    summary: 'Summary',
    chromeReports: 'Chrome reports this one',
    failures: 'Every failing check',
    failedParameter: 'value',
    checklist: 'Checklist',
    preflightColumn: 'Preflight (OPTIONS)',
    actualColumn: 'Actual request',
    checkColumns: { header: 'Header', expected: 'Expected', actual: 'Actual', status: 'Status' },
    absent: '(absent)',
    whyPreflight: 'Why a preflight?',
    preflightNeeded: 'This request needed a preflight because:',
    preflightNotNeeded: 'This request needed no preflight: its method and headers are CORS-safelisted.',
    methodNotSafelisted: (method: string) => `the method ${method} is not GET, HEAD or POST`,
    fromPreflight: "(header names taken from the captured preflight's Access-Control-Request-Headers)",
    howToAvoid: 'How to avoid it:',
    headers: 'Headers',
    preflightRequest: 'Preflight request',
    preflightResponse: 'Preflight response',
    actualRequest: 'Request',
    actualResponse: 'Response',
    noHeaders: '(none recorded)',
    corsHeaderTitle: 'CORS header',
    curl: 'Copy as cURL',
    curlActual: 'Actual request',
    curlPreflight: 'Preflight (synthetic)',
    copy: 'Copy',
    copied: 'Copied',
    copyFailed: 'Copy failed: select the text and press Ctrl+C',
    credentials: (value: string, from: string) => `Credentials: ${credentialsWords[value] ?? value} (${inferredFromText(from)})`,
    origin: (origin: string | null, from: string) => `Page origin: ${origin ?? 'unknown'} (from ${inferredFromText(from)})`,
    pairingLine: (method: PairingMethod) => pairingWords[method],
    stageChecks: (count: number) => (count === 1 ? '1 check' : `${n(count)} checks`),
    allStagesNone: 'No check applies to this request.',
  },
  hints: {
    title: 'How to fix it',
    none: 'No specific fix for this request.',
    loading: 'Loading fixes…',
    loadFailed: (message: string) => `The fixes could not be loaded: ${message}`,
    toolchain: 'Toolchain',
    evidence: 'Evidence:',
    docs: 'Docs:',
    noFixFor: (toolchain: string) => `No fix written for ${toolchain}; showing the others.`,
    confidence: { certain: 'certain', likely: 'likely', possible: 'possible' } as Record<'certain' | 'likely' | 'possible', string>,
  },
  toolchains: {
    console: 'AWS console',
    cli: 'AWS CLI',
    sam: 'SAM',
    cdk: 'CDK',
    serverless: 'Serverless Framework',
    terraform: 'Terraform',
    'lambda-node': 'Lambda (Node.js)',
    'lambda-python': 'Lambda (Python)',
    generic: 'Any server',
  } as Record<Toolchain, string>,
  checkStatus: {
    ok: 'ok',
    missing: 'missing',
    mismatched: 'mismatch',
    invalid: 'invalid',
    'not-needed': 'not needed',
    'not-observed': 'not observed',
  } as Record<CheckStatus, string>,
  /** A check that fails without blocking anything (e.g. Vary: Origin): advice, not a failure. */
  advisoryStatus: 'advised',
  unsafeHeaderWhy: {
    'not-safelisted': 'is not a CORS-safelisted header',
    'value-too-long': 'has a value longer than 128 bytes',
    'unsafe-byte': 'has a value with a CORS-unsafe byte',
    'disallowed-chars': 'has a value with characters not allowed for a safelisted header',
    'content-type-essence': 'is not application/x-www-form-urlencoded, multipart/form-data or text/plain',
    'content-type-unparsable': 'cannot be parsed as a MIME type',
    'range-syntax': 'is not a simple single byte range',
    'total-over-1024': 'makes the safelisted headers exceed 1024 bytes in total',
    'reported-by-browser': 'was listed by the browser in Access-Control-Request-Headers',
  } as Record<UnsafeHeaderWhy, string>,
};
