// Generic hints, one per CorsError, for servers that are not AWS (or not recognised): what to send,
// with a short server-side example. `satisfies Record<CorsError, …>` makes a missing one a compile error.
import type { CorsError } from '../cors/errors';
import type { Failure, Hint, HintFix } from '../types';
import type { HintContext } from './context';
import { type FillValues, fillValues } from './fill';
import { type GenericFocus, expressFix, nginxFix, pageSnippet, textFix } from './generic-snippets';
import { memoFill, memoFixes, memoText } from './memo';
import { DOCS } from './catalogue/docs';

interface GenericHint {
  readonly title: string;
  /** What happened and what to send; `p` is the failed parameter (Chromium's failedParameter). */
  readonly explain: (p: string, f: FillValues) => string;
  /** Which part of the server example fixes it; null when the fix is not on the server. */
  readonly focus: GenericFocus | null;
  /** A fix in the page (or environment) instead of, or besides, the server. */
  readonly page?: (f: FillValues) => HintFix;
}

const ACAO = 'Access-Control-Allow-Origin';
const preflightOf = (h: GenericHint): GenericHint => ({ ...h, title: `${h.title} (preflight response)`, explain: (p, f) => `On the preflight (OPTIONS) response: ${h.explain(p, f)}` });

const wildcard: GenericHint = { title: `Send the page's origin, not *, in ${ACAO} for credentialed requests`, focus: 'credentials', explain: (_p, f) => `The request carries credentials (cookies or HTTP auth), and * is not allowed then. Send ${ACAO}: ${f.origin.value}, Access-Control-Allow-Credentials: true and Vary: Origin — or send the request without credentials.`, page: () => pageSnippet('Or send the request without credentials', "const res = await fetch(url, { credentials: 'omit' });") };
const missing: GenericHint = { title: `Send ${ACAO} on every response`, focus: 'errors', explain: (_p, f) => `The response has no ${ACAO}. Send ${ACAO}: ${f.origin.value} (echoed from an allowlist) with Vary: Origin — on errors too: a 401/404/500 without it shows up as a CORS error and hides the real status.` };
const multiple: GenericHint = { title: `Send exactly one ${ACAO} value`, focus: 'single-value', explain: (p) => `${ACAO} holds '${p}'. It must be exactly one origin or *: two layers (app, framework middleware, proxy, CDN) each add it, or a list of origins was configured. Let one layer send it.` };
const invalid: GenericHint = { title: `Send a serialised origin in ${ACAO}`, focus: 'origin', explain: (p, f) => `'${p}' is not a valid value: send scheme://host[:port] with no path, slash or quotes — ${f.origin.value} — or *.` };
const mismatch: GenericHint = { title: `Echo the page's origin in ${ACAO}`, focus: 'origin', explain: (p, f) => `${ACAO} is '${p}' but the page's origin is ${f.origin.value}. Origins match exactly (scheme, host, port, no trailing slash): keep an allowlist, echo the request's Origin when it is listed, and add Vary: Origin.` };
const credentials: GenericHint = { title: 'Send Access-Control-Allow-Credentials: true', focus: 'credentials', explain: (p) => `The request carries credentials and Access-Control-Allow-Credentials is ${p ? `'${p}'` : 'missing'}; it must be exactly the string true, with a concrete ${ACAO}.` };

export const GENERIC_HINTS = {
  DisallowedByMode: { title: "Use mode 'cors' for cross-origin requests", focus: null, explain: () => "The page made the request with mode: 'same-origin' to another origin; the browser refused before sending it. Nothing on the server can fix this.", page: () => pageSnippet('Fetch with mode cors', "const res = await fetch(url, { mode: 'cors' });") },
  InvalidResponse: { title: 'Make the preflight reach the server and get an answer', focus: 'preflight-status', explain: () => 'The preflight failed at the network level (no usable HTTP answer): check that the server is reachable, answers OPTIONS, and that nothing (proxy, firewall, extension) drops it.' },
  WildcardOriginNotAllowed: wildcard,
  MissingAllowOriginHeader: missing,
  MultipleAllowOriginValues: multiple,
  InvalidAllowOriginValue: invalid,
  AllowOriginMismatch: mismatch,
  InvalidAllowCredentials: credentials,
  CorsDisabledScheme: { title: 'Request an http(s) URL', focus: null, explain: (p) => `CORS works only for http and https${p ? ` (this URL uses ${p})` : ''}: serve the resource over https and request it by that URL.`, page: () => pageSnippet('Use an https URL', "const res = await fetch('https://' + host + path);") },
  PreflightInvalidStatus: { title: 'Answer the preflight (OPTIONS) with a 2xx status', focus: 'preflight-status', explain: (p) => `The preflight got ${p || 'a non-2xx status'}. Answer OPTIONS with 204 before authentication, routing and redirects: the browser never sends cookies or Authorization on a preflight.` },
  PreflightDisallowedRedirect: { title: 'Answer the preflight directly, without a redirect', focus: 'preflight-status', explain: () => 'Preflights cannot follow redirects. Call the final URL (https, trailing slash, canonical host) and make sure OPTIONS is not redirected to a login page.', page: () => pageSnippet('Call the final URL', "const API = 'https://api.example.com/items/';   // the URL the redirect pointed to") },
  PreflightWildcardOriginNotAllowed: preflightOf(wildcard),
  PreflightMissingAllowOriginHeader: preflightOf(missing),
  PreflightMultipleAllowOriginValues: preflightOf(multiple),
  PreflightInvalidAllowOriginValue: preflightOf(invalid),
  PreflightAllowOriginMismatch: preflightOf(mismatch),
  PreflightInvalidAllowCredentials: preflightOf(credentials),
  PreflightMissingAllowExternal: { title: 'Send Access-Control-Allow-Private-Network: true on the preflight', focus: 'private-network', explain: () => 'A public page called a private-network (or local) address; the preflight asked Access-Control-Request-Private-Network: true and the answer did not allow it.' },
  PreflightInvalidAllowExternal: { title: 'Send Access-Control-Allow-Private-Network with the value true', focus: 'private-network', explain: (p) => `Access-Control-Allow-Private-Network is '${p}'; it must be exactly true.` },
  InvalidAllowMethodsPreflightResponse: { title: 'Send Access-Control-Allow-Methods as a comma-separated list of methods', focus: 'methods', explain: (p, f) => `'${p}' does not parse as a list of method tokens. Send e.g. Access-Control-Allow-Methods: ${f.allowMethods.join(', ')}.` },
  InvalidAllowHeadersPreflightResponse: { title: 'Send Access-Control-Allow-Headers as a comma-separated list of header names', focus: 'headers', explain: (p, f) => `'${p}' does not parse as a list of header names. Send e.g. Access-Control-Allow-Headers: ${f.allowHeaders.join(', ')}.` },
  MethodDisallowedByPreflightResponse: { title: 'Allow the method in Access-Control-Allow-Methods', focus: 'methods', explain: (p, f) => `${p || f.method} is not in the preflight's Access-Control-Allow-Methods. Send Access-Control-Allow-Methods: ${f.allowMethods.join(', ')}.` },
  HeaderDisallowedByPreflightResponse: { title: 'Allow the request headers in Access-Control-Allow-Headers', focus: 'headers', explain: (p, f) => `${f.refusedHeaders.length > 1 ? `The headers ${f.refusedHeaders.join(', ')} are` : `The header ${p || f.refusedHeaders[0] || ''} is`} not in the preflight's Access-Control-Allow-Headers. Send Access-Control-Allow-Headers: ${f.allowHeaders.join(', ')} (a * does not cover Authorization, nor anything when credentials are sent).` },
  RedirectContainsCredentials: { title: 'Redirect to a URL without user:password@', focus: null, explain: () => 'A CORS request was redirected to a URL that carries credentials (user:password@host), which the browser refuses. Redirect to the plain URL and authenticate with a header.', page: () => pageSnippet('Server: redirect to the plain URL (Express)', "app.get('/old', (req, res) => res.redirect(308, 'https://api.example.com/items'));   // no user:password@ in Location") },
  InsecureLocalNetwork: { title: 'Serve the page over https to reach the local network', focus: null, explain: () => 'A page in a non-secure context (http) tried to reach a more private address space (local network or loopback). Serve the page over https.', page: () => textFix('Serve the page from a secure context', 'Serve the page over https (or from http://localhost, which counts as secure), e.g. Vite: server.https, or a TLS-terminating proxy in front of the dev server.') },
  InvalidLocalNetworkAccess: { title: 'Declare the target address space for local network access', focus: 'private-network', explain: () => "The request's declared target address space did not match the address it resolved to. Use the correct targetAddressSpace for the request, or call a public host." },
  NoCorsRedirectModeNotFollow: { title: "Use redirect: 'follow' for no-cors requests", focus: null, explain: () => "A no-cors request with redirect mode 'manual' or 'error' was redirected.", page: () => pageSnippet("Follow redirects (or use mode 'cors')", "const res = await fetch(url, { mode: 'no-cors', redirect: 'follow' });") },
  LocalNetworkAccessPermissionDenied: { title: 'Allow local network access for the site', focus: null, explain: () => 'The user (or a policy) denied this site permission to reach the local network. Grant it in the site settings, or call a public host.', page: () => textFix('Grant the permission', 'Site settings (the icon left of the address bar) → Local network access → Allow, then reload. Managed browsers: check the LocalNetworkAccess enterprise policies.') },
} satisfies Record<CorsError, GenericHint>;

/** The server examples (and the page fix) for one CorsError: the same for every exchange with the same origin, methods, headers and credentials. */
export const genericFixes = memoFixes(['origin', 'allowMethods', 'allowHeaders', 'credentials'], (f: FillValues, corsError: CorsError): HintFix[] => {
  const g: GenericHint = GENERIC_HINTS[corsError];
  return [...(g.focus ? [expressFix(f, g.focus), nginxFix(f, g.focus)] : []), ...(g.page ? [g.page(f)] : [])];
});

const GENERIC_IDS = Object.fromEntries(Object.keys(GENERIC_HINTS).map((e) => [e, `GENERIC-${e}`])) as Record<CorsError, string>;

/** What happened and what to send, for one CorsError and failed parameter. */
export const genericExplanation = memoText(['origin', 'method', 'allowMethods', 'allowHeaders', 'refusedHeaders'], (f: FillValues, corsError: CorsError, p: string) => GENERIC_HINTS[corsError].explain(p, f));

/** The generic hint for the exchange's first failure (and, for headers, every refused one). `f`: the exchange's fill values, if already computed. */
export function genericHint(ctx: HintContext, corsError: CorsError, f: FillValues = fillValues(ctx)): Hint {
  const failure = firstFailure(ctx.exchange.allFailures, corsError);
  const p = failure?.failedParameter ?? ctx.exchange.failedParameter ?? '';
  return sharedGenericHint(f, corsError, p, failure?.message ?? null, ctx.exchange.hiddenStatus?.sentence ?? null);
}

/**
 * A generic hint says the same for every exchange with the same failure, evidence and fill values: it is
 * built once, frozen (evidence included; its fixes are frozen by genericFixes), and shared.
 */
export const sharedGenericHint = memoFill(
  ['origin', 'method', 'allowMethods', 'allowHeaders', 'refusedHeaders', 'credentials'],
  (f: FillValues, corsError: CorsError, p: string, message: string | null, hiddenStatus: string | null): Hint => {
    const evidence = [message ?? `Chromium: ${corsError}${p ? ` (${p})` : ''}`];
    if (hiddenStatus !== null) evidence.push(hiddenStatus);
    return {
      id: GENERIC_IDS[corsError],
      title: GENERIC_HINTS[corsError].title,
      confidence: 'certain',
      evidence: Object.freeze(evidence),
      explanation: genericExplanation(f, corsError, p),
      fixes: genericFixes(f, corsError),
      docs: GENERIC_DOCS,
    };
  },
  (hint: Hint) => Object.freeze(hint),
);

/** One list for every generic hint (like a pitfall's `docs`), frozen. */
const GENERIC_DOCS = Object.freeze([DOCS.mdnCors, DOCS.fetchCors]);

function firstFailure(failures: readonly Failure[], corsError: CorsError): Failure | undefined {
  for (const f of failures) if (f.corsError === corsError) return f;
  return undefined;
}
