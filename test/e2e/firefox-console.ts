// Firefox's own CORS verdicts, read from its console: over WebDriver BiDi, `log.entryAdded` carries
// them as `javascript` errors ("Cross-Origin Request Blocked: ... (Reason: ...)"). The reason text
// is mapped back to Firefox's reason key (dom/locales security.properties, Firefox ESR 153 en-US).
import type { FirefoxReason } from '../../src/core/cors/errors';

export interface FirefoxConsoleVerdict {
  readonly url: string;
  readonly reason: FirefoxReason | 'unrecognised';
  readonly status: number | null;
  readonly message: string;
}

const REASONS: ReadonlyArray<readonly [RegExp, FirefoxReason]> = [
  [/^CORS disabled$/, 'CORSDisabled'],
  [/^CORS request did not succeed$/, 'CORSDidNotSucceed'],
  [/^CORS header ‘Origin’ cannot be added$/, 'CORSOriginHeaderNotAdded'],
  [/^CORS request external redirect not allowed$/, 'CORSExternalRedirectNotAllowed'],
  [/^CORS request not http$/, 'CORSRequestNotHttp'],
  [/^CORS header ‘Access-Control-Allow-Origin’ missing$/, 'CORSMissingAllowOrigin'],
  [/^Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed$/, 'CORSMultipleAllowOriginNotAllowed'],
  [/^CORS header ‘Access-Control-Allow-Origin’ does not match ‘.*’$/, 'CORSAllowOriginNotMatchingOrigin'],
  [/^Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘\*’$/, 'CORSNotSupportingCredentials'],
  [/^Did not find method in CORS header ‘Access-Control-Allow-Methods’$/, 'CORSMethodNotFound'],
  [/^expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’$/, 'CORSMissingAllowCredentials'],
  [/^CORS preflight response did not succeed$/, 'CORSPreflightDidNotSucceed'],
  [/^invalid token ‘.*’ in CORS header ‘Access-Control-Allow-Methods’$/, 'CORSInvalidAllowMethod'],
  [/^invalid token ‘.*’ in CORS header ‘Access-Control-Allow-Headers’$/, 'CORSInvalidAllowHeader'],
  [/^header ‘.*’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response$/, 'CORSMissingAllowHeaderFromPreflight'],
];

const BLOCKED = /^Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ‘?(\S+?)’?\. \(Reason: (.*?)\)\.(?: Status code: (\d+|\(null\))\.)?$/;

/** One console line → Firefox's verdict, or null when the line is not a CORS block. */
export function parseFirefoxCorsMessage(message: string): FirefoxConsoleVerdict | null {
  const m = BLOCKED.exec(message.trim());
  if (!m) return null;
  const text = m[2]!;
  const reason = REASONS.find(([re]) => re.test(text))?.[1] ?? 'unrecognised';
  return { url: m[1]!, reason, status: m[3] && /^\d+$/.test(m[3]) ? Number(m[3]) : null, message };
}
