// The public shapes of CORS Lens' analysis. The JSON form of `AnalysisReport` is a versioned,
// documented schema (docs/report-schema.md); bump REPORT_SCHEMA_VERSION on any breaking change.
import type { CorsError, FirefoxReason } from './cors/errors';
import type { ApiReport } from './api/types';
import type { Finding } from './findings/catalogue';

export const REPORT_SCHEMA_VERSION = 1;

/** A header list as observed: names lower-cased, order and duplicates kept. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

/** Where a HAR came from, judged from its shape (`_resourceType`/`_initiator`/`_error` ⇒ Chromium). */
export type HarFlavour = 'chromium' | 'firefox' | 'other';

/** One HAR entry, normalised. `index` is the entry's index in `log.entries` (or its arrival order, live). */
export interface ObservedEntry {
  readonly index: number;
  readonly startedMs: number;
  /** `time` of the entry in ms (0 when absent). */
  readonly durationMs: number;
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: HeaderList;
  /** `request.cookies` was non-empty (Chromium fills it from the Cookie header). */
  readonly hasRequestCookies: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly responseHeaders: HeaderList;
  readonly redirectURL: string;
  /** Chromium `_resourceType` (`fetch`, `xhr`, `preflight`, `document`, ...), if present. */
  readonly resourceType: string | null;
  readonly initiator: { readonly type: string; readonly url: string | null; readonly requestId: string | null } | null;
  /** Chromium `response._error`: `undefined` when the field is absent (not Chromium), `null` when Chromium says no error. */
  readonly error: string | null | undefined;
  readonly flavour: HarFlavour;
  /** Request body text (`request.postData.text`) when present and at most MAX_BODY_KEPT characters (null otherwise). */
  readonly requestBody: string | null;
  /** Request body size in bytes as far as the HAR tells (`request.bodySize`, else the postData length; 0 when none). */
  readonly requestBodySize: number;
  /** Response body text when the HAR carries it (used for fingerprints like API Gateway's `{"message":...}`). */
  readonly responseBody: string | null;
  readonly responseMimeType: string | null;
  /** The request's credentials mode when the writer knew it (`_credentialsMode`, written by `cors-lens probe` and the
   *  panel's re-run, which made the request themselves); a browser's HAR never records it. */
  readonly credentialsMode?: 'include' | 'same-origin' | 'omit';
}

/** A problem with the input: names the entry and field so the user can find it. */
export interface InputProblem {
  readonly severity: 'error' | 'warning';
  /** Index in `log.entries`, or null when the problem is with the file as a whole. */
  readonly entry: number | null;
  /** A JSON path inside the entry, e.g. `request.headers[3].value`. */
  readonly field: string | null;
  readonly message: string;
}

/** A value the HAR does not record, with where our value came from. */
export interface Inferred<T> {
  readonly value: T;
  /** e.g. `cookie-header`, `request-cookies`, `only-credentials-explain-block`, `not-observed`. */
  readonly from: string;
}

export type CredentialsMode = 'include' | 'not-include' | 'unknown';

/** A reference to a spec step (or Chromium behaviour) a check comes from. */
export interface SpecStep {
  /** Short id, e.g. `cors-check#2`, `cors-preflight-fetch#7.3`, `chromium:method-case`. */
  readonly id: string;
  readonly url: string;
}

export type Stage = 'preflight' | 'actual' | 'redirect';

export interface Failure {
  readonly corsError: CorsError;
  /** As Chromium fills `CorsErrorStatus.failedParameter` ('' when it leaves it empty). */
  readonly failedParameter: string;
  readonly stage: Stage;
  /** Index of the entry whose headers fail, or null if not observed. */
  readonly entry: number | null;
  readonly spec: SpecStep;
  /** Chrome's console wording for this failure. */
  readonly message: string;
  readonly firefoxReason: FirefoxReason | null;
  /** Set when the failure is Chromium's behaviour rather than the spec's (or the reverse). */
  readonly note?: string;
}

export type CheckStatus = 'ok' | 'missing' | 'mismatched' | 'invalid' | 'not-needed' | 'not-observed';

/** One row of the per-exchange checklist. */
export interface CheckRow {
  readonly stage: 'preflight' | 'actual';
  /** Header name as users know it (`Access-Control-Allow-Origin`) or `Status` / `Location`. */
  readonly header: string;
  readonly status: CheckStatus;
  readonly expected: string;
  readonly actual: string | null;
  readonly spec: SpecStep;
  /** The failure this row causes, if any. */
  readonly corsError?: CorsError;
  readonly note?: string;
}

export type PairingMethod =
  /** Preflight and actual request matched on URL, origin, method, requested headers and time. */
  | 'matched'
  /** No preflight entry; an earlier captured preflight still in the preflight cache covers the request. */
  | 'preflight-cache'
  /** The request needed no preflight. */
  | 'no-preflight-needed'
  /** A preflight whose actual request never appears in the capture. */
  | 'preflight-only'
  /** The request needed a preflight, none is in the capture and none cached: capture started late, or a cache we cannot see. */
  | 'preflight-not-captured'
  /** Not a CORS request. */
  | 'not-cors';

export interface Pairing {
  readonly method: PairingMethod;
  /** One sentence saying how the pair was made (or why there is none). */
  readonly detail: string;
  /** For `preflight-cache`: the entry index of the earlier preflight that covered this request. */
  readonly cachedBy?: number;
}

export type UnsafeHeaderWhy =
  | 'not-safelisted'
  | 'value-too-long'
  | 'unsafe-byte'
  | 'disallowed-chars'
  | 'content-type-essence'
  | 'content-type-unparsable'
  | 'range-syntax'
  | 'total-over-1024'
  | 'reported-by-browser';

export interface PreflightReason {
  readonly needed: boolean;
  readonly methodSafelisted: boolean;
  readonly unsafeHeaders: ReadonlyArray<{ readonly name: string; readonly why: UnsafeHeaderWhy; readonly detail: string }>;
  /** `preflight-request`: taken from the captured preflight's Access-Control-Request-Headers (the truth);
   *  `actual-request`: computed from the actual request's headers (browser-added headers ignored). */
  readonly source: 'preflight-request' | 'actual-request';
  /** How the request could avoid a preflight, one sentence each. */
  readonly avoid: readonly string[];
}

export interface HiddenStatus {
  readonly status: number;
  readonly statusText: string;
  readonly stage: 'preflight' | 'actual';
  /** e.g. "The server answered 502 Bad Gateway; the page only saw a CORS error." */
  readonly sentence: string;
}

/** What the browser itself said about the request, when the HAR carries it (Chromium `_error`). */
export interface BrowserSignal {
  readonly kind: 'blocked' | 'passed' | 'network-error' | 'none';
  readonly error: string | null;
}

export type Verdict = 'allowed' | 'blocked' | 'unknown' | 'not-cors';

/** A fix for one toolchain. */
export type Toolchain = 'console' | 'cli' | 'sam' | 'cdk' | 'serverless' | 'terraform' | 'lambda-node' | 'lambda-python' | 'generic';

export interface HintFix {
  readonly toolchain: Toolchain;
  /** Language of the snippet for highlighting and validation: `text`, `sh`, `yaml`, `json`, `hcl`, `ts`, `js`, `python`. */
  readonly language: string;
  readonly title: string;
  readonly snippet: string;
  /**
   * `false` when the snippet is prose saying where the fix is instead (no fix for this toolchain):
   * shown as text, with no Copy button and no code block. Absent: a snippet to copy.
   */
  readonly copy?: false;
}

export interface Hint {
  /** Catalogue id (`APIGW-R05`, `LURL-01`, ...) or `GENERIC-<CorsError>`. */
  readonly id: string;
  readonly title: string;
  readonly confidence: 'certain' | 'likely' | 'possible';
  /** What in this exchange points at it. */
  readonly evidence: readonly string[];
  readonly explanation: string;
  readonly fixes: readonly HintFix[];
  readonly docs: ReadonlyArray<{ readonly title: string; readonly url: string }>;
}

export interface Fingerprint {
  /** e.g. `apigw-rest`, `apigw-http`, `lambda-url`, `cloudfront`, `s3-rest`, `s3-website`, ... */
  readonly service: string;
  readonly stage: 'preflight' | 'actual';
  readonly confidence: 'certain' | 'likely' | 'possible';
  readonly evidence: readonly string[];
  /** True when the gateway itself generated the answer (not the backend). */
  readonly gatewayGenerated?: boolean;
  /** Ids this response carries that AWS also writes in its own logs (absent when none). */
  readonly ids?: AwsLogIds;
}

/** Response ids AWS prints in its own logs, each checked against the exact shape AWS gives it. */
export interface AwsLogIds {
  /** `x-amzn-RequestId`: API Gateway's `$context.requestId` (every execution-log line), a function URL's invocation id. */
  readonly requestId?: string;
  /** `x-amz-apigw-id`: API Gateway REST's `$context.extendedRequestId`. */
  readonly extendedRequestId?: string;
  /** `apigw-requestid`: an HTTP API's `$context.requestId`. */
  readonly httpApiRequestId?: string;
  /** The root of `X-Amzn-Trace-Id` (`1-xxxxxxxx-…`): the X-Ray trace. */
  readonly traceId?: string;
  /** `X-Amz-Cf-Id`: CloudFront's `x-edge-request-id`. */
  readonly cloudFrontId?: string;
  /** `x-amz-request-id`: S3's Request ID in server access logs. */
  readonly s3RequestId?: string;
}

/** The analysis of one exchange: an actual request with its preflight (either may be absent). */
export interface ExchangeReport {
  /** Stable for the life of an analyser: `x<first entry index>`. */
  readonly id: string;
  readonly url: string;
  readonly method: string;
  /** The page's origin (serialised), or null when it cannot be told. */
  readonly origin: string | null;
  readonly originFrom: string;
  readonly kind: 'cors' | 'not-cors';
  readonly notCorsReason: string | null;
  readonly actualEntry: number | null;
  readonly preflightEntry: number | null;
  /** For a redirect hop: the entry index of the hop before it. */
  readonly redirectedFrom: number | null;
  readonly pairing: Pairing;
  readonly startedMs: number;
  readonly verdict: Verdict;
  readonly unknownReason: string | null;
  readonly corsError: CorsError | null;
  readonly failedParameter: string | null;
  readonly allFailures: readonly Failure[];
  readonly firefoxReason: FirefoxReason | null;
  /** Status the page could read (0 when blocked or never sent). */
  readonly pageStatus: number;
  /** Status the server really sent for the actual request, or null if it was never sent. */
  readonly serverStatus: number | null;
  readonly hiddenStatus: HiddenStatus | null;
  readonly preflightReason: PreflightReason | null;
  readonly credentials: Inferred<CredentialsMode>;
  readonly checks: readonly CheckRow[];
  readonly browser: BrowserSignal;
  /** One plain-language sentence: "Blocked: the preflight response has no Access-Control-Allow-Origin. ..." */
  readonly summary: string;
  readonly fingerprints: readonly Fingerprint[];
  readonly hints: readonly Hint[];
}

export interface AnalysisReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'cors-lens'; readonly version: string };
  readonly input: { readonly flavour: HarFlavour; readonly entries: number; readonly skipped: number; readonly creator: string | null };
  readonly exchanges: readonly ExchangeReport[];
  readonly problems: readonly InputProblem[];
  readonly counts: { readonly cors: number; readonly allowed: number; readonly blocked: number; readonly unknown: number; readonly notCors: number };
  /** The API view (src/core/api): exchanges grouped by API and route, consolidated fixes, findings. */
  readonly apis?: readonly ApiReport[];
  /** Every API's findings in one list (docs/findings.md). */
  readonly findings?: readonly Finding[];
}
