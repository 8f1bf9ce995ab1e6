// Chromium's CORS failure names, as CDP `Network.CorsError` spells them, and what goes with each.
// Sources: ChromeDevTools/devtools-protocol pdl/browser_protocol.pdl (CorsError),
// chromium third_party/blink/renderer/platform/loader/cors/cors_error_string.cc (console wording),
// Firefox dom/locales/en-US/chrome/security/security.properties (Firefox reasons).
// See docs/research/cors-spec-and-browsers.md §1a/§1b.

/** Every `Network.CorsError` of the current CDP, in numeric order, plus the renamed/removed ones a HAR or CDP log may still carry. */
export const CORS_ERRORS = [
  'DisallowedByMode',
  'InvalidResponse',
  'WildcardOriginNotAllowed',
  'MissingAllowOriginHeader',
  'MultipleAllowOriginValues',
  'InvalidAllowOriginValue',
  'AllowOriginMismatch',
  'InvalidAllowCredentials',
  'CorsDisabledScheme',
  'PreflightInvalidStatus',
  'PreflightDisallowedRedirect',
  'PreflightWildcardOriginNotAllowed',
  'PreflightMissingAllowOriginHeader',
  'PreflightMultipleAllowOriginValues',
  'PreflightInvalidAllowOriginValue',
  'PreflightAllowOriginMismatch',
  'PreflightInvalidAllowCredentials',
  'PreflightMissingAllowExternal',
  'PreflightInvalidAllowExternal',
  'InvalidAllowMethodsPreflightResponse',
  'InvalidAllowHeadersPreflightResponse',
  'MethodDisallowedByPreflightResponse',
  'HeaderDisallowedByPreflightResponse',
  'RedirectContainsCredentials',
  'InsecureLocalNetwork',
  'InvalidLocalNetworkAccess',
  'NoCorsRedirectModeNotFollow',
  'LocalNetworkAccessPermissionDenied',
] as const;

export type CorsError = (typeof CORS_ERRORS)[number];

export function isCorsError(value: unknown): value is CorsError {
  return typeof value === 'string' && (CORS_ERRORS as readonly string[]).includes(value);
}

/** Firefox's reason keys (nsILoadInfo 1001–1015), as its console and netmonitor name them. */
export type FirefoxReason =
  | 'CORSDisabled'
  | 'CORSDidNotSucceed'
  | 'CORSRequestNotHttp'
  | 'CORSMultipleAllowOriginNotAllowed'
  | 'CORSMissingAllowOrigin'
  | 'CORSNotSupportingCredentials'
  | 'CORSAllowOriginNotMatchingOrigin'
  | 'CORSMissingAllowCredentials'
  | 'CORSOriginHeaderNotAdded'
  | 'CORSExternalRedirectNotAllowed'
  | 'CORSPreflightDidNotSucceed'
  | 'CORSInvalidAllowMethod'
  | 'CORSMethodNotFound'
  | 'CORSInvalidAllowHeader'
  | 'CORSMissingAllowHeaderFromPreflight';
