// The ids a response carries that AWS also writes in its own logs (API Gateway's request id in every
// execution-log line, CloudFront's X-Amz-Cf-Id as x-edge-request-id, the X-Ray root trace id, S3's
// request id and host id). Only response headers AWS sets are read, and each value must have the
// exact shape AWS gives it: anything else (a token, a cookie, a value a backend put there) is dropped,
// so no secret from the capture can reach a log command.
import { VALUE_PATTERNS } from '../../redact/rules';
import type { AwsLogIds } from '../../types';
import type { ResponseView } from '../view';

export type LogIdName = keyof AwsLogIds;

interface IdRule {
  /** The response header AWS sets. */
  readonly header: string;
  /** The value's exact shape; group 1 (when present) is the id. */
  readonly shape: RegExp;
}

const UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** API Gateway's extended ids (`auoHWG1eIAMEFcQ=`, `Mc7UVioPPHcEKPA=`): 16 characters of base64. */
const APIGW_EXTENDED = /^([A-Za-z0-9+/]{15}=)$/;

export const LOG_ID_RULES = {
  requestId: { header: 'x-amzn-requestid', shape: UUID },
  extendedRequestId: { header: 'x-amz-apigw-id', shape: APIGW_EXTENDED },
  httpApiRequestId: { header: 'apigw-requestid', shape: APIGW_EXTENDED },
  traceId: { header: 'x-amzn-trace-id', shape: /(?:^|;)\s*Root=(1-[0-9a-f]{8}-[0-9a-f]{24})(?:;|$)/ },
  /** 42 bytes of base64url: 54 characters and `==`. */
  cloudFrontId: { header: 'x-amz-cf-id', shape: /^([A-Za-z0-9_-]{54}==)$/ },
  s3RequestId: { header: 'x-amz-request-id', shape: /^([0-9A-F]{16})$/ },
} as const satisfies Record<LogIdName, IdRule>;

const NAMES = Object.keys(LOG_ID_RULES) as LogIdName[];

/** The log ids of this response, or undefined when it carries none. */
export function logIdsOf(r: ResponseView): AwsLogIds | undefined {
  let ids: Record<string, string> | undefined;
  for (const name of NAMES) {
    const value = r.header(LOG_ID_RULES[name].header);
    if (value === null) continue;
    const m = LOG_ID_RULES[name].shape.exec(value.trim());
    // Second guard: a value the redactor would treat as a secret (a token shape) is never an id.
    if (m && !looksSecret(m[1])) (ids ??= {})[name] = m[1];
  }
  return ids ? Object.freeze(ids) : undefined;
}

function looksSecret(value: string): boolean {
  return VALUE_PATTERNS.some((p) => {
    p.pattern.lastIndex = 0;
    const hit = p.pattern.test(value);
    p.pattern.lastIndex = 0;
    return hit;
  });
}
