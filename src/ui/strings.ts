// Every user-visible string of the panel, in one place (wording, future translation).
// Wording about a CORS failure itself comes from src/core (summary, failure messages, hints).
import type { CheckStatus, PairingMethod, Toolchain, UnsafeHeaderWhy, Verdict } from '../core/analysis';
import { inferredFromText } from '../core/analysis';

const n = (count: number) => count.toLocaleString('en-US');

export const strings = {
  panelLabel: 'CORS Lens',
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
    filterPlaceholder: 'Filter (URL, method, status, error)',
    filterLabel: 'Filter requests',
    quickFilterLabel: 'Which requests to show',
    sortNewest: 'Newest first',
    sortOldest: 'Oldest first',
    sortTitle: 'Sort by start time',
  },
  quickFilter: { blocked: 'Blocked', cors: 'All CORS', all: 'Everything' } as Record<'blocked' | 'cors' | 'all', string>,
  list: {
    label: 'Cross-origin requests',
    columns: { method: 'Method', url: 'URL', status: 'Status', verdict: 'Verdict', preflight: 'Preflight', time: 'Time' },
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
    row: (count: number) => (count === 1 ? '1 entry could not be read' : `${n(count)} entries could not be read`),
    toggleTitle: 'Show what could not be read',
    where: (entry: number | null, field: string | null) =>
      [entry === null ? 'Capture' : `Entry ${entry}`, field].filter(Boolean).join(', '),
  },
  status: {
    counts: (shown: number, total: number, blocked: number) =>
      `${n(shown)} / ${n(total)} requests · ${n(blocked)} blocked`,
    paused: 'Paused',
    recording: 'Recording',
  },
  detail: {
    label: 'Request details',
    close: 'Close details',
    summary: 'Summary',
    chromeReports: 'Chrome reports this one',
    failures: 'Every failing check',
    noFailures: 'No check failed.',
    failedParameter: 'value',
    checklist: 'Checklist',
    preflightColumn: 'Preflight (OPTIONS)',
    actualColumn: 'Actual request',
    noChecks: 'No checks for this stage.',
    checkColumns: { header: 'Header', expected: 'Expected', actual: 'Actual', status: 'Status', spec: 'Spec step' },
    absent: '(absent)',
    whyPreflight: 'Why a preflight?',
    preflightNeeded: 'This request needed a preflight because:',
    preflightNotNeeded: 'This request needed no preflight: its method and headers are CORS-safelisted.',
    methodNotSafelisted: (method: string) => `the method ${method} is not GET, HEAD or POST`,
    fromPreflight: "(header names taken from the captured preflight's Access-Control-Request-Headers)",
    howToAvoid: 'How to avoid it:',
    pairing: 'How the preflight was matched',
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
    credentials: (value: string, from: string) => `Credentials mode: ${value} (${inferredFromText(from)})`,
    origin: (origin: string | null, from: string) => `Page origin: ${origin ?? 'unknown'} (from ${inferredFromText(from)})`,
  },
  hints: {
    title: 'How to fix it',
    none: 'No specific hint for this request.',
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
