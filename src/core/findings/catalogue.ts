// The one list of API-level findings: best practices (BP-*) and security lint (SEC-*), raised passively by
// the API view (from what a capture shows) and actively by `cors-lens probe --scan` (from crafted origins).
// A finding never changes a verdict: an allowed exchange can carry findings. Ids are stable and documented
// in docs/findings.md (rule, evidence, fix); a new id is added here first, and the compiler then points at
// every table keyed by FindingId.

export type FindingSeverity = 'high' | 'medium' | 'low' | 'info';

/** How sure the evidence makes us; `confirm` in a Finding says what would settle a `likely`/`possible`. */
export type FindingConfidence = 'certain' | 'likely' | 'possible';

/** Who can raise a finding: the passive API view, the active `--scan`, or both. */
export type FindingSource = 'capture' | 'scan' | 'both';

export type FindingId =
  // The seed's three best practices.
  | 'BP-WILDCARD-ORIGIN'
  | 'BP-NO-PREFLIGHT-CACHE'
  | 'BP-INCONSISTENT-ROUTES'
  // Origins an API should not trust.
  | 'SEC-REFLECTED-ORIGIN'
  | 'SEC-NULL-ORIGIN'
  | 'SEC-MISSING-VARY-ORIGIN'
  | 'SEC-HTTP-ORIGIN-TRUSTED'
  | 'SEC-WILDCARD-WITH-CREDENTIALS'
  // Origin-matching mistakes only crafted origins reveal (what CORScanner / Corsy test).
  | 'SEC-ORIGIN-PREFIX-MATCH'
  | 'SEC-ORIGIN-SUFFIX-MATCH'
  | 'SEC-ORIGIN-UNESCAPED-DOT'
  | 'SEC-SUBDOMAIN-TRUSTED'
  | 'SEC-SPECIAL-CHARS-ORIGIN';

export interface FindingDefinition {
  /** Imperative title, as a hint title reads ("Cache preflight responses"). */
  readonly title: string;
  /** Severity when nothing raises it (e.g. SEC-REFLECTED-ORIGIN is high with credentials, medium without). */
  readonly severity: FindingSeverity;
  readonly source: FindingSource;
  /** The rule, in one or two sentences: what evidence raises it. */
  readonly rule: string;
  /** Why it matters. */
  readonly why: string;
  /** What to change, toolchain-neutral. */
  readonly fix: string;
}

export const FINDINGS = {
  'BP-WILDCARD-ORIGIN': {
    title: 'Allow named origins, not `*`, in production',
    severity: 'medium',
    source: 'both',
    rule: 'An API called from a non-local page origin answers `Access-Control-Allow-Origin: *`. Not raised for public assets (images, fonts, scripts, stylesheets, S3/CloudFront static files fetched without credentials).',
    why: 'Any site can read the responses from a visitor\'s browser; the seed\'s first best practice is to avoid wildcard origins in production.',
    fix: 'List the page origins that call the API and answer with the request\'s origin when it is one of them, with `Vary: Origin`.',
  },
  'BP-NO-PREFLIGHT-CACHE': {
    title: 'Cache preflight responses',
    severity: 'low',
    source: 'both',
    rule: 'Preflight responses carry no `Access-Control-Max-Age` (the browser caches them for 5 s) or one of 5 s or less; or preflights are repeated within the max-age they announced.',
    why: 'Every uncached preflight is a round trip before the real request. Chromium caps the cache at 7200 s, Firefox at 86400 s.',
    fix: 'Answer preflights with `Access-Control-Max-Age` (for example 7200). A repeated preflight within its max-age usually means DevTools\' "Disable cache" (it disables the preflight cache too), a different URL, or a different header set.',
  },
  'BP-INCONSISTENT-ROUTES': {
    title: 'Use the same CORS settings on every route',
    severity: 'low',
    source: 'capture',
    rule: 'Routes of one API answer with different CORS policies (origins, methods, headers, credentials, max-age), or error responses lack the CORS headers that successes carry.',
    why: 'One route that differs is the one that breaks; error responses without CORS headers hide the real status from the page.',
    fix: 'Configure CORS once for the whole API (and on its error responses, e.g. API Gateway Gateway Responses) instead of per route.',
  },
  'SEC-REFLECTED-ORIGIN': {
    title: 'Do not echo any Origin back',
    severity: 'medium',
    source: 'both',
    rule: 'The API answers `Access-Control-Allow-Origin` with the request\'s own `Origin` for two or more origins, or for one that is not plausibly configured (`null`, a foreign host). High with `Access-Control-Allow-Credentials: true`.',
    why: 'Reflecting every origin lets any site read the API\'s responses; with credentials, it reads them as the logged-in user.',
    fix: 'Compare the request\'s `Origin` against an allow-list of exact origins before echoing it.',
  },
  'SEC-NULL-ORIGIN': {
    title: 'Do not allow the `null` origin',
    severity: 'high',
    source: 'both',
    rule: 'The API answers `Access-Control-Allow-Origin: null`.',
    why: 'Sandboxed iframes, `data:` URLs and some redirects all send `Origin: null`: any site can produce it.',
    fix: 'Remove `null` from the allowed origins.',
  },
  'SEC-MISSING-VARY-ORIGIN': {
    title: 'Send `Vary: Origin` when the allowed origin depends on the request',
    severity: 'medium',
    source: 'both',
    rule: 'The allowed origin is not `*` (it depends on the request) and the response has no `Vary: Origin`.',
    why: 'A shared cache or CDN (CloudFront, pitfall CF-03) can serve one origin\'s answer to another origin, which is then blocked.',
    fix: 'Add `Vary: Origin` to every response whose `Access-Control-Allow-Origin` depends on the request, and include the Origin header in the CDN cache key.',
  },
  'SEC-HTTP-ORIGIN-TRUSTED': {
    title: 'Do not trust http:// origins on an https API with credentials',
    severity: 'high',
    source: 'both',
    rule: 'An https API allows an http origin other than localhost with `Access-Control-Allow-Credentials: true`.',
    why: 'A network attacker can inject script into the http origin and read the API as the user.',
    fix: 'Allow only the https version of the origin.',
  },
  'SEC-WILDCARD-WITH-CREDENTIALS': {
    title: 'Do not combine `*` with `Access-Control-Allow-Credentials: true`',
    severity: 'low',
    source: 'both',
    rule: 'A response carries `Access-Control-Allow-Origin: *` and `Access-Control-Allow-Credentials: true`.',
    why: 'Browsers refuse this for credentialed calls, so it never works; it is a sign the policy is confused.',
    fix: 'Either drop credentials (keep `*`) or answer with the exact origin and `Vary: Origin`.',
  },
  'SEC-ORIGIN-PREFIX-MATCH': {
    title: 'Match origins exactly, not by prefix',
    severity: 'high',
    source: 'scan',
    rule: 'An origin that starts with an allowed origin but is another host (`https://app.example.com.attacker.test`) is allowed.',
    why: 'Anyone can register such a host.',
    fix: 'Compare the whole origin (scheme, host and port) for equality.',
  },
  'SEC-ORIGIN-SUFFIX-MATCH': {
    title: 'Match origins exactly, not by suffix',
    severity: 'high',
    source: 'scan',
    rule: 'An origin that ends with an allowed host but is another domain (`https://attackerapp.example.com` for `app.example.com`, or `https://attackerexample.com`) is allowed.',
    why: 'Anyone can register such a host.',
    fix: 'Compare the whole origin for equality, or match subdomains with a leading dot.',
  },
  'SEC-ORIGIN-UNESCAPED-DOT': {
    title: 'Escape dots in origin patterns',
    severity: 'high',
    source: 'scan',
    rule: 'An origin equal to an allowed one with a dot replaced by another character (`https://appXexample.com`) is allowed.',
    why: 'An unescaped `.` in a regular expression matches any character, so look-alike domains pass.',
    fix: 'Escape dots and anchor the pattern (`^https://app\\.example\\.com$`), or compare strings.',
  },
  'SEC-SUBDOMAIN-TRUSTED': {
    title: 'Trust only the subdomains you run',
    severity: 'low',
    source: 'scan',
    rule: 'An arbitrary subdomain of the allowed origin\'s domain is allowed.',
    why: 'Any subdomain that can be taken over, or hosts user content, can then read the API.',
    fix: 'List the subdomains that call the API.',
  },
  'SEC-SPECIAL-CHARS-ORIGIN': {
    title: 'Reject origins with special characters',
    severity: 'medium',
    source: 'scan',
    rule: 'An origin with characters some browsers accept in host names (`_`, `` ` ``, `{`, `}`, `!`, …) after the allowed host is allowed.',
    why: 'Loose parsing of the Origin header lets look-alike origins through.',
    fix: 'Parse the origin and compare it for equality with the allowed list.',
  },
} as const satisfies Record<FindingId, FindingDefinition>;

export const FINDING_IDS = Object.keys(FINDINGS) as FindingId[];

export function isFindingId(value: string): value is FindingId {
  return Object.hasOwn(FINDINGS, value);
}

/** One raised finding. `exchanges` are exchange ids of the report (empty for a scan of a URL). */
export interface Finding {
  readonly id: FindingId;
  readonly severity: FindingSeverity;
  readonly confidence: FindingConfidence;
  /** The API key (see the API view) or the probed URL's origin. */
  readonly api: string;
  /** What was seen, with values from this capture or scan. */
  readonly evidence: string;
  /** What would confirm a `likely` or `possible` finding. */
  readonly confirm?: string;
  readonly exchanges: readonly string[];
}

/** `--fail-on` matching: an exact id (`SEC-NULL-ORIGIN`) or a prefix ending in `-` (`SEC-`, `BP-`). */
export function findingMatches(id: FindingId, pattern: string): boolean {
  return pattern.endsWith('-') ? id.startsWith(pattern) : id === pattern;
}
