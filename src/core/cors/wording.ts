// Every sentence the verdict layer writes for users, as tables keyed by closed unions (beside FAILURE_TEXT in
// ./failure-text.ts): why a verdict is unknown, the one-line summary, the status CORS hid, what a provenance code
// means, the notes on checklist rows and how to avoid a preflight. Code decides which entry applies; the words
// live here, so they can be reviewed (and kept free of internal identifiers) in one place.
import type { CorsError } from './errors';
import type { UnsafeHeaderWhy } from '../types';

/** Why a verdict is `unknown`. */
export type UnknownCause =
  | 'network-error'
  | 'preflight-no-response'
  | 'actual-not-captured'
  | 'blocked-but-headers-pass'
  | 'no-response-preflight-not-captured'
  | 'no-response'
  | 'resent-by-service-worker';

export const UNKNOWN_REASON: Record<UnknownCause, (p: { error?: string | null; entry?: number }) => string> = {
  'network-error': (p) => `the request failed with ${p.error}, a network error rather than a CORS decision`,
  'preflight-no-response': (p) => `the preflight got no response${p.error ? ` (${p.error})` : ''}: a network failure, not a CORS decision`,
  'actual-not-captured': () => 'the preflight passed, but its actual request is not in the capture',
  'blocked-but-headers-pass': () => 'Chrome blocked the request, but every header in the capture passes the CORS checks (a request mode, an extension or the preflight cache may be involved)',
  'no-response-preflight-not-captured': () => 'the request got no response and its preflight is not in the capture',
  'no-response': () => 'the request got no response (cancelled, or blocked before it was sent)',
  'resent-by-service-worker': (p) => `Chrome did not send this request itself; another request in the capture (request ${(p.entry ?? 0) + 1}) sent the same one at the same moment (a service worker handling the fetch?), so the failure happened there`,
};

/** Where an inferred value came from (`Inferred.from`, `ExchangeReport.originFrom`), in plain words. */
export type InferredFrom =
  | 'request-cookies'
  | 'cookie-header'
  | 'not-recorded-in-har'
  | 'only-credentials-explain-block'
  | 'recorded-credentials-mode'
  | 'origin-header'
  | 'referer-header'
  | 'initiator-url'
  | 'redirect-taint'
  | 'none'
  | 'not-cors';

export const INFERRED_FROM_TEXT: Record<InferredFrom, string> = {
  'request-cookies': 'the request carried cookies',
  'cookie-header': 'the request carried a Cookie header',
  'not-recorded-in-har': 'a HAR does not record it',
  'only-credentials-explain-block': 'only credentials explain the block',
  'recorded-credentials-mode': 'the request was made by CORS Lens, which recorded it',
  'origin-header': 'the Origin header',
  'referer-header': 'the Referer header',
  'initiator-url': 'the script that started the request',
  'redirect-taint': 'a cross-origin redirect made it null',
  none: 'not known',
  'not-cors': 'not a CORS request',
};

/** Plain words for a provenance code; an unknown code is shown as it is rather than hidden. */
export function inferredFromText(from: string): string {
  return (INFERRED_FROM_TEXT as Record<string, string>)[from] ?? from;
}

/** The one-line summary of an exchange, by verdict. */
export const SUMMARY = {
  unknown: (reason: string) => `Unknown: ${reason}.`,
  allowedDespiteFailure: (corsError: CorsError) => `Allowed by Chrome, although the headers fail a check (${corsError}); another browser may block it.`,
  allowed: {
    'with-preflight': 'Allowed: the preflight and the response pass the CORS checks.',
    'preflight-cached': 'Allowed: the response passes (preflight served from the cache) the CORS checks.',
    simple: 'Allowed: the response passes the CORS checks.',
  },
  blocked: (cause: string, status: string, more: string) => `Blocked: ${cause}.${status}${more}`,
  /** Without the browser's own signal (Firefox and plain HARs) the verdict is an inference: say so plainly. */
  wouldBeBlocked: (cause: string, status: string, more: string) => `Would be blocked by the CORS rules: ${cause}.${status}${more} (judged from the headers; this capture carries no browser verdict)`,
  more: (n: number) => (n > 0 ? ` ${n} more problem${n > 1 ? 's' : ''} would follow once this one is fixed.` : ''),
  ifCredentialed: (cause: string, corsError: CorsError) =>
    ` If the page sent it with credentials (credentials: 'include' — a HAR cannot show that without a cookie), it would be blocked: ${cause} (${corsError}).`,
} as const;

/** The status CORS hid from the page, by the response that carried it. */
export const HIDDEN_STATUS_SENTENCE: Record<'preflight' | 'actual', (statusLine: string) => string> = {
  preflight: (line) => `The server answered the preflight with ${line}; the page only saw a CORS error.`,
  actual: (line) => `The server answered ${line}; the page only saw a CORS error.`,
};
/** The hidden-status sentence as a clause of the summary (without "the page only saw a CORS error"). */
export const hiddenStatusClause = (sentence: string) => ` ${sentence.replace('; the page only saw a CORS error.', '.')}`;

/** Notes on checklist rows the verdict layer adds (the spec checks' own notes live with them). */
export type RowNote =
  | 'preflight-no-response'
  | 'preflight-not-captured'
  | 'actual-not-sent'
  | 'vary-origin-missing'
  | 'allow-origin-twice'
  | 'lna-inferred';

export const ROW_NOTE: Record<RowNote, string> = {
  'preflight-no-response': 'the preflight got no response',
  'preflight-not-captured': 'no preflight in the capture',
  'actual-not-sent': 'the request was never sent (or got no response)',
  'vary-origin-missing': 'without Vary: Origin a cache (CloudFront, the browser) may serve this response to another origin',
  'allow-origin-twice': 'two layers (e.g. a gateway and the function) each add the header',
  'lna-inferred': 'inferred: Chrome stopped this request to a local address before sending it and no header explains it; Local Network Access applies when the page is served from a less private address than the API',
};

/** How to avoid a preflight, per reason a header (or the method) made one necessary. */
const changeValue = (name: string, detail: string) => `Change the ${name} value: ${detail}.`;

export const AVOID_PREFLIGHT: Record<UnsafeHeaderWhy | 'method' | 'authorization', (name: string, detail: string) => string> = {
  method: (method) => `Use GET, HEAD or POST instead of ${method} (the server must then accept it), or keep the preflight and allow ${method} in Access-Control-Allow-Methods.`,
  'content-type-essence': () => 'Send the body as text/plain, application/x-www-form-urlencoded or multipart/form-data, or allow Content-Type in Access-Control-Allow-Headers.',
  'content-type-unparsable': () => 'Send the body as text/plain, application/x-www-form-urlencoded or multipart/form-data, or allow Content-Type in Access-Control-Allow-Headers.',
  'value-too-long': (name) => `Keep the ${name} value within 128 bytes.`,
  'total-over-1024': () => 'Keep the safelisted headers under 1024 bytes in total.',
  'not-safelisted': (name) => `Drop the ${name} header (or move its value into the URL or body), or allow it in Access-Control-Allow-Headers.`,
  'reported-by-browser': (name) => `Drop the ${name} header (or move its value into the URL or body), or allow it in Access-Control-Allow-Headers.`,
  'unsafe-byte': changeValue,
  'disallowed-chars': changeValue,
  'range-syntax': changeValue,
  authorization: () => 'Authorization always needs a preflight; a cookie-based session (with credentials) avoids it, otherwise allow it by name in Access-Control-Allow-Headers.',
};
