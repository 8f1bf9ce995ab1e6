// Per-failure wording, cross-browser names and where each failure is met, as data (DevTools' CorsIssue.ts and cors_error_string.cc).
// Keyed by the closed CorsError union: a new error that is not described here is a compile error.
import type { CorsError, FirefoxReason } from './errors';

export interface FailureText {
  /** Chrome's console text after "Access to fetch at '<url>' from origin '<origin>' has been blocked by CORS policy: ". */
  readonly console: (p: string) => string;
  /** The plain-language cause for the summary sentence, after "Blocked: ". */
  readonly cause: (p: string) => string;
  readonly firefox: FirefoxReason | null;
  /** Where the browser meets this failure: on the preflight's response, or anywhere else (actual response, redirect, request). */
  readonly stage: 'preflight' | 'other';
  /** The name the same check takes when it fails on a preflight (the CORS check runs on both responses). */
  readonly preflightTwin: CorsError | null;
}

const ACAO = 'Access-Control-Allow-Origin';
const ACAC = 'Access-Control-Allow-Credentials';
const PF = "Response to preflight request doesn't pass access control check: ";

const wildcard: FailureText['console'] = () =>
  `The value of the '${ACAO}' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.`;
const missing: FailureText['console'] = () => `No '${ACAO}' header is present on the requested resource.`;
const multiple: FailureText['console'] = (p) => `The '${ACAO}' header contains multiple values '${p}', but only one is allowed.`;
const invalid: FailureText['console'] = (p) => `The '${ACAO}' header contains the invalid value '${p}'.`;
const mismatch: FailureText['console'] = (p) => `The '${ACAO}' header has a value '${p}' that is not equal to the supplied origin.`;
const credentials: FailureText['console'] = (p) =>
  `The value of the '${ACAC}' header in the response is '${p}' which must be 'true' when the request's credentials mode is 'include'.`;

export const FAILURE_TEXT = {
  DisallowedByMode: { console: () => 'Cross origin requests are not allowed by request mode.', cause: () => "the request used mode: 'same-origin' for a cross-origin URL", firefox: null, stage: 'other', preflightTwin: null },
  InvalidResponse: { console: () => 'The response is invalid.', cause: () => 'the preflight failed at the network level', firefox: 'CORSDidNotSucceed', stage: 'other', preflightTwin: null },
  WildcardOriginNotAllowed: { console: wildcard, cause: () => `the response has ${ACAO}: * but the request was sent with credentials`, firefox: 'CORSNotSupportingCredentials', stage: 'other', preflightTwin: 'PreflightWildcardOriginNotAllowed' },
  MissingAllowOriginHeader: { console: missing, cause: () => `the response has no ${ACAO} header`, firefox: 'CORSMissingAllowOrigin', stage: 'other', preflightTwin: 'PreflightMissingAllowOriginHeader' },
  MultipleAllowOriginValues: { console: multiple, cause: (p) => `the response's ${ACAO} holds several values ('${p}'), only one is allowed`, firefox: 'CORSMultipleAllowOriginNotAllowed', stage: 'other', preflightTwin: 'PreflightMultipleAllowOriginValues' },
  InvalidAllowOriginValue: { console: invalid, cause: (p) => `the response's ${ACAO} '${p}' is not a valid origin`, firefox: 'CORSAllowOriginNotMatchingOrigin', stage: 'other', preflightTwin: 'PreflightInvalidAllowOriginValue' },
  AllowOriginMismatch: { console: mismatch, cause: (p) => `the response's ${ACAO} '${p}' is not the page's origin`, firefox: 'CORSAllowOriginNotMatchingOrigin', stage: 'other', preflightTwin: 'PreflightAllowOriginMismatch' },
  InvalidAllowCredentials: { console: credentials, cause: (p) => `the request carries credentials but ${ACAC} is ${p === '' ? 'missing' : `'${p}', not 'true'`}`, firefox: 'CORSMissingAllowCredentials', stage: 'other', preflightTwin: 'PreflightInvalidAllowCredentials' },
  CorsDisabledScheme: { console: () => 'Cross origin requests are only supported for protocol schemes: http, https.', cause: () => 'the URL scheme does not support CORS', firefox: 'CORSRequestNotHttp', stage: 'other', preflightTwin: null },
  PreflightInvalidStatus: { console: () => `${PF}It does not have HTTP ok status.`, cause: (p) => `the preflight (OPTIONS) answered ${p}, not a 2xx status`, firefox: 'CORSPreflightDidNotSucceed', stage: 'preflight', preflightTwin: null },
  PreflightDisallowedRedirect: { console: () => `${PF}Redirect is not allowed for a preflight request.`, cause: () => 'the preflight (OPTIONS) was answered with a redirect', firefox: 'CORSPreflightDidNotSucceed', stage: 'preflight', preflightTwin: null },
  PreflightWildcardOriginNotAllowed: { console: (p) => PF + wildcard(p), cause: () => `the preflight response has ${ACAO}: * but the request is sent with credentials`, firefox: 'CORSNotSupportingCredentials', stage: 'preflight', preflightTwin: null },
  PreflightMissingAllowOriginHeader: { console: (p) => PF + missing(p), cause: () => `the preflight response has no ${ACAO} header`, firefox: 'CORSMissingAllowOrigin', stage: 'preflight', preflightTwin: null },
  PreflightMultipleAllowOriginValues: { console: (p) => PF + multiple(p), cause: (p) => `the preflight response's ${ACAO} holds several values ('${p}')`, firefox: 'CORSMultipleAllowOriginNotAllowed', stage: 'preflight', preflightTwin: null },
  PreflightInvalidAllowOriginValue: { console: (p) => PF + invalid(p), cause: (p) => `the preflight response's ${ACAO} '${p}' is not a valid origin`, firefox: 'CORSAllowOriginNotMatchingOrigin', stage: 'preflight', preflightTwin: null },
  PreflightAllowOriginMismatch: { console: (p) => PF + mismatch(p), cause: (p) => `the preflight response's ${ACAO} '${p}' is not the page's origin`, firefox: 'CORSAllowOriginNotMatchingOrigin', stage: 'preflight', preflightTwin: null },
  PreflightInvalidAllowCredentials: { console: (p) => PF + credentials(p), cause: (p) => `the request is sent with credentials but the preflight's ${ACAC} is ${p === '' ? 'missing' : `'${p}'`}`, firefox: 'CORSMissingAllowCredentials', stage: 'preflight', preflightTwin: null },
  PreflightMissingAllowExternal: { console: () => `${PF}No 'Access-Control-Allow-External' header was present in the preflight response for this external request.`, cause: () => 'the preflight lacks Access-Control-Allow-External (legacy)', firefox: null, stage: 'preflight', preflightTwin: null },
  PreflightInvalidAllowExternal: { console: (p) => `${PF}The 'Access-Control-Allow-External' header in the preflight response for this external request had a value of '${p}', not 'true'.`, cause: () => 'the preflight has an invalid Access-Control-Allow-External (legacy)', firefox: null, stage: 'preflight', preflightTwin: null },
  InvalidAllowMethodsPreflightResponse: { console: () => 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.', cause: (p) => `the preflight's Access-Control-Allow-Methods does not parse${p ? ` ('${p}')` : ''}`, firefox: 'CORSInvalidAllowMethod', stage: 'preflight', preflightTwin: null },
  InvalidAllowHeadersPreflightResponse: { console: () => 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.', cause: (p) => `the preflight's Access-Control-Allow-Headers does not parse${p ? ` ('${p}')` : ''}`, firefox: 'CORSInvalidAllowHeader', stage: 'preflight', preflightTwin: null },
  MethodDisallowedByPreflightResponse: { console: (p) => `Method ${p} is not allowed by Access-Control-Allow-Methods in preflight response.`, cause: (p) => `the preflight's Access-Control-Allow-Methods does not allow ${p}`, firefox: 'CORSMethodNotFound', stage: 'preflight', preflightTwin: null },
  HeaderDisallowedByPreflightResponse: { console: (p) => `Request header field ${p} is not allowed by Access-Control-Allow-Headers in preflight response.`, cause: (p) => `the preflight's Access-Control-Allow-Headers does not allow the request header ${p}`, firefox: 'CORSMissingAllowHeaderFromPreflight', stage: 'preflight', preflightTwin: null },
  RedirectContainsCredentials: { console: (p) => `Redirect location '${p}' contains a username and password, which is disallowed for cross-origin requests.`, cause: (p) => `the request was redirected to '${p}', which contains a username and password`, firefox: 'CORSExternalRedirectNotAllowed', stage: 'other', preflightTwin: null },
  InsecureLocalNetwork: { console: () => 'The request client is not a secure context and the resource is in more-private address space.', cause: () => 'a non-secure page asked for a more private network address', firefox: null, stage: 'other', preflightTwin: null },
  InvalidLocalNetworkAccess: { console: () => 'Request had a target IP address space that does not match the resource.', cause: () => "the request's target address space does not match the server's", firefox: null, stage: 'other', preflightTwin: null },
  NoCorsRedirectModeNotFollow: { console: () => "Redirect mode must be 'follow' for 'no-cors' requests.", cause: () => "a no-cors request used a redirect mode other than 'follow'", firefox: null, stage: 'other', preflightTwin: null },
  LocalNetworkAccessPermissionDenied: { console: () => 'Permission was denied for this request to access the local network.', cause: () => 'the user did not grant Local Network Access permission (no header can fix this)', firefox: null, stage: 'other', preflightTwin: null },
} satisfies Record<CorsError, FailureText>;
