// What counts as a secret, as data. The list is documented in docs/report-formats.md; keep the two in step.
// Chrome's own "sanitized" HAR export strips only Cookie, Set-Cookie and Authorization; we go further because
// the HARs people attach to CORS bugs are full of API keys, signed URLs and OAuth redirects.

/** What a placeholder stands for; the export dialog's preview groups its counts by these. */
export type RedactionKind =
  /** The value of a secret header (`Authorization`, `X-Api-Key`, `X-Amz-Security-Token`, ...). */
  | 'header'
  /** A cookie value: `Cookie` / `Set-Cookie` headers and HAR `cookies` arrays (names and attributes stay). */
  | 'cookie'
  /** A secret URL or form parameter (`X-Amz-Signature`, `access_token`, `code`, ...) wherever a URL or form appears. */
  | 'query-param'
  /** The password part of `scheme://user:password@host`. */
  | 'url-credentials'
  /** A JSON Web Token, anywhere. */
  | 'jwt'
  /** A string in a well-known secret format (AWS access key id, GitHub/Slack/Stripe/Google keys, PEM private keys, `Bearer …`). */
  | 'token'
  /** A secret-named field in JSON text or in a custom (`_`-prefixed) HAR object. */
  | 'field'
  /** A request or response body that was dropped (counted per body, not per value). */
  | 'body';

export const REDACTION_KINDS: readonly RedactionKind[] = ['header', 'cookie', 'query-param', 'url-credentials', 'jwt', 'token', 'field', 'body'];

// ---------------------------------------------------------------------------------------------------------------
// Headers

/** Never redacted: the CORS evidence. (Their values still pass the free-text scan for JWTs and signed URLs.) */
export function isCorsEvidenceHeader(lowerName: string): boolean {
  return (
    lowerName === 'origin' ||
    lowerName === 'vary' ||
    lowerName.startsWith('access-control-') ||
    lowerName === 'timing-allow-origin' ||
    // Challenges, not credentials; they say *why* a 401 happened.
    lowerName === 'www-authenticate' ||
    lowerName === 'proxy-authenticate'
  );
}

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-credential',
  'x-amzn-oidc-data',
  'x-amzn-oidc-accesstoken',
  'x-amzn-oidc-identity',
  'x-goog-api-key',
  'x-functions-key',
  'ocp-apim-subscription-key',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-csrftoken',
  'x-session-id',
  'authentication-info',
]);

/** Cookie headers: values redacted one cookie at a time, names and attributes kept. */
export const COOKIE_HEADERS = new Set(['cookie', 'set-cookie', 'set-cookie2']);

/** Headers whose value is `<scheme> <credentials>`: the scheme stays (it explains a preflight), the rest goes. */
export const SCHEME_HEADERS = new Set(['authorization', 'proxy-authorization']);

/** Name fragments that mark a header, parameter or field as secret: `X-Upstream-Token`, `my_api_key`, `session_id`. */
const SECRET_NAME = /token|secret|passw|pwd|session|sess_?id|csrf|xsrf|api[-_]?key|apikey|access[-_]?key|private[-_]?key|auth(?!or(?!iz|is))|credential|signature|jwt|bearer/i;

export function isSecretHeaderName(lowerName: string): boolean {
  if (isCorsEvidenceHeader(lowerName) || COOKIE_HEADERS.has(lowerName)) return false;
  return SECRET_HEADERS.has(lowerName) || SECRET_NAME.test(lowerName);
}

// ---------------------------------------------------------------------------------------------------------------
// URL and form parameters (query, fragment, `application/x-www-form-urlencoded` bodies)

/**
 * Parameter names redacted in URLs and forms, lower-cased. OAuth 2.0 / OIDC (RFC 6749 §4, OIDC Core §3): `code`
 * and `state` are included — an authorization code is a bearer credential until redeemed, and `state` is the
 * CSRF binding of a login in flight (and often carries a session-bound return URL). `code_challenge` stays: it is
 * a public hash by design. AWS SigV4/SigV2 presigned URLs, CloudFront signed URLs, GCS and Azure SAS signatures.
 */
const SECRET_PARAMS = new Set([
  // OAuth 2.0 / OIDC
  'access_token', 'id_token', 'refresh_token', 'code', 'state', 'nonce', 'client_secret', 'client_assertion',
  'code_verifier', 'assertion', 'password', 'token', 'device_code', 'user_code', 'logout_token',
  // SAML
  'samlresponse', 'samlrequest', 'relaystate',
  // AWS SigV4 presigned URLs, SigV2 (S3 legacy), CloudFront signed URLs
  'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'awsaccesskeyid', 'signature',
  // Google Cloud Storage signed URLs, Azure SAS, API keys in query strings
  'x-goog-signature', 'x-goog-credential', 'sig', 'key', 'api_key', 'apikey', 'api-key',
  // Sessions in URLs
  'sid', 'session', 'sessionid', 'jsessionid', 'phpsessid', 'aspsessionid', 'auth',
]);

/** Names the fragments above would catch that describe a credential rather than carry one. */
const NOT_SECRET_PARAMS = new Set(['token_type', 'token_type_hint', 'token_endpoint_auth_method', 'auth_type', 'x-amz-signedheaders']);

export function isSecretParamName(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_SECRET_PARAMS.has(lower)) return false;
  return SECRET_PARAMS.has(lower) || SECRET_NAME.test(lower);
}

/** Secret-named fields in JSON text and custom HAR objects: the strong names only (not `code`, `state`, `key`). */
export function isSecretFieldName(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === 'access-control-allow-credentials') return false;
  return SECRET_NAME.test(lower) || lower === 'cookie' || lower === 'set-cookie' || lower === 'client_secret';
}

// ---------------------------------------------------------------------------------------------------------------
// Values recognised by their shape, in any string

export interface ValuePattern {
  readonly kind: RedactionKind;
  /** Shown in the preview: "JWT ×3". */
  readonly name: string;
  /** Global regex; when it has a group named `secret`, only that group is replaced. */
  readonly pattern: RegExp;
}

export const VALUE_PATTERNS: readonly ValuePattern[] = [
  {
    kind: 'token',
    name: 'PEM private key',
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  },
  // JWS (3 parts) and JWE (5 parts); the protected header is always a JSON object, so base64url `eyJ`.
  { kind: 'jwt', name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*){1,3}/g },
  { kind: 'token', name: 'AWS access key id', pattern: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g },
  { kind: 'token', name: 'GitHub token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { kind: 'token', name: 'Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'token', name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g },
  { kind: 'token', name: 'Stripe key', pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{16,}/g },
  // Credentials pasted into text (error messages, kept bodies): `Bearer abc…`, `Basic dXNl…`.
  { kind: 'token', name: 'Bearer/Basic credentials', pattern: /\b(?:Bearer|Basic)\s+(?<secret>[A-Za-z0-9._~+/-]{8,}=*)/g },
];

/** Placeholders look like `[redacted:12]`; a value that already is one is never redacted again. */
export const PLACEHOLDER = /^\[redacted:\d+\]$/;

export function placeholderFor(n: number): string {
  return `[redacted:${n}]`;
}

/** Known secrets shorter than this are replaced only where they are found by name, never as substrings of text
 *  (a cookie valued `1` must not turn every `1` in the report into a placeholder). */
export const MIN_SUBSTRING_SECRET = 8;
