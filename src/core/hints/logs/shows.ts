// What each log shows, in general and for the pitfall named on this exchange: a table keyed by log
// source, then by pitfall id. The first pitfall of the exchange (in rank order) with a line wins.
// Log wording follows docs/aws-pitfalls.md ("Confirm beyond the HAR") and the AWS guides it links.
import type { PitfallId } from '../catalogue/types';
import type { LogSourceId } from './types';

interface Shows {
  readonly general: string;
  readonly byPitfall: Partial<Record<PitfallId, string>>;
}

export const LOG_SHOWS = {
  'apigw-rest-execution': {
    general: 'Every step API Gateway took for this request, each line prefixed with its request id: method request, authorizer, integration request and response, and the status it returned.',
    byPitfall: {
      'APIGW-R05': 'The line "Gateway response type: <TYPE> with status code: <n>": API Gateway answered itself, with that gateway response — the one that needs Access-Control-Allow-Origin in its response parameters.',
      'APIGW-R06': 'Usually nothing past the method request: the 413 is answered before the integration runs, by a gateway response that cannot be customised.',
      'APIGW-R07': 'For the OPTIONS request: "Starting authorizer …" then "Unauthorized request" (or the API key check) — the OPTIONS method ran the authorizer, which a preflight can never pass.',
      'APIGW-R08': 'The authorizer lines for this request: a cached policy ("authorizer … cache hit") that does not cover this method ARN ends in "User is not authorized to access this resource".',
      'APIGW-R03': 'The lines "Endpoint response headers: {…}" and "Method response headers: {…}": what your function returned — no Access-Control-Allow-Origin among them.',
      'APIGW-R04': '"Method response headers: {…}" for this status: the integration response mapped for it sets no Access-Control-Allow-Origin.',
      'APIGW-R10': '"Execution failed due to configuration error: Unable to transform request" on the OPTIONS request: the MOCK integration choked on the binary media type.',
      'APIGW-R15': '"Execution failed due to configuration error: …" ("Invalid permissions on Lambda function", "Malformed Lambda proxy response") or "Endpoint request timed out".',
      'APIGW-R12': 'Nothing for this request if the stage in the URL is wrong (no stage, no log group); the access log of the right stage shows it only when the base path maps.',
      'APIGW-R02': 'Often nothing: no OPTIONS method matched, so only the access log records the 403 (Missing Authentication Token).',
      'APIGW-R09': 'The OPTIONS request: "Method response headers: {Access-Control-Allow-Headers=…, Access-Control-Allow-Methods=…}" — the lists the preflight got.',
      'WAF-01': '"Request was blocked by AWS WAF" … or nothing past the WAF check: the web ACL answered before the method.',
    },
  },
  'apigw-rest-access': {
    general: 'One line per request in the format the stage defines (it always has $context.requestId): status, and, when the format includes them, $context.error.responseType (the gateway response that answered) and $context.integrationErrorMessage.',
    byPitfall: {
      'APIGW-R05': 'status and $context.error.responseType (e.g. UNAUTHORIZED, DEFAULT_5XX): the gateway response that answered without CORS headers.',
      'APIGW-R02': 'The OPTIONS request with status 403 and $context.error.responseType MISSING_AUTHENTICATION_TOKEN: no OPTIONS method on that resource in the deployed stage.',
      'APIGW-R07': 'The OPTIONS request with status 401/403 and $context.authorizer.error: the authorizer (or API key) ran on the preflight.',
      'APIGW-R12': 'If the line is missing from this stage\'s access log, the URL did not reach the stage you think.',
    },
  },
  'apigw-http-access': {
    general: 'One line per request in the format the stage defines ($context.requestId, status; add $context.error.message, $context.integrationErrorMessage and $context.authorizer.error to see why). HTTP APIs have no execution log: this is the only one.',
    byPitfall: {
      'APIGW-H05': 'status and $context.error.message of API Gateway\'s own answer (e.g. "Unauthorized", "Internal Server Error") and $context.integrationErrorMessage: the error CORS hid, answered by the gateway without the backend\'s CORS headers.',
      'APIGW-H03': 'The OPTIONS request with status 401/403 and $context.authorizer.error: the $default / ANY route\'s authorizer ran on the preflight.',
      'APIGW-H02': 'The OPTIONS request with status 404 ($context.routeKey "-"): no route and no CORS configuration answered it.',
      'APIGW-H01': 'A 204 OPTIONS answered by API Gateway itself ($context.integrationStatus "-"): the CORS configuration answered, and its allowOrigins/allowHeaders decided the headers.',
    },
  },
  lambda: {
    general: 'START / END / REPORT lines of each invocation and whatever the function logs. No invocation at that time means the request never reached the function.',
    byPitfall: {
      'APIGW-R03': 'The invocation ran (a REPORT line at that time): log the object your handler returns — its headers lack Access-Control-Allow-Origin.',
      'APIGW-R05': 'For a 502 after the function ran: the returned value (statusCode, headers, body as a string) that API Gateway called a malformed proxy response, or the uncaught error. For a 4XX: no invocation at all.',
      'APIGW-H05': 'No invocation at that time when API Gateway answered itself (authorizer, throttling, no route); an error or a timeout when it was the integration.',
      'LURL-01': 'The headers your code sets: with CORS on the function URL as well, Access-Control-Allow-Origin arrives twice.',
      'LURL-02': 'An invocation for the OPTIONS request (the function got the preflight — it answers without CORS headers or fails), or none at all when AWS_IAM rejected the unsigned preflight.',
      'LURL-04': 'Nothing at that time: the function URL\'s auth layer (AWS_IAM or a missing resource-based policy) rejected the call before any invocation.',
    },
  },
  xray: {
    general: 'The trace of this request: each segment (API Gateway, the function, what it called) with its status and fault — which layer produced the error status.',
    byPitfall: {
      'APIGW-R03': 'The Lambda segment succeeded: the function ran and answered; its response simply had no CORS headers.',
      'APIGW-R15': 'The API Gateway segment\'s fault and the missing or failed Lambda segment: permission, timeout or integration error.',
    },
  },
  cloudfront: {
    general: 'One line per request: x-edge-request-id (= X-Amz-Cf-Id), cs-method, sc-status, x-edge-result-type (Hit, Miss, Error) and x-edge-detailed-result-type (why CloudFront answered itself).',
    byPitfall: {
      'CF-01': 'cs-method OPTIONS with sc-status 403 and x-edge-result-type Error: the cache behavior does not allow OPTIONS.',
      'CF-03': 'x-edge-result-type Hit: this answer came from the cache, stored for another origin (Origin is not in the cache key).',
      'CF-05': 'sc-status 200 with the HTML error page while the origin answered 4xx/5xx: a custom error response replaced the API\'s answer.',
      'CF-07': 'x-edge-result-type Error and x-edge-detailed-result-type (e.g. ClientGeoBlocked, LambdaExecutionError, OriginConnectError): CloudFront answered itself, without CORS headers.',
      'WAF-01': 'x-edge-result-type Error with sc-status 403: the web ACL blocked it (the WAF log names the rule).',
      'X-06': 'sc-status 301/302 with x-edge-result-type Redirect: the behavior redirects (e.g. HTTP to HTTPS), which a preflight cannot follow.',
    },
  },
  's3-server-access': {
    general: 'One line per request with Request ID (= x-amz-request-id), Host Id (= x-amz-id-2), Operation (REST.OPTIONS.PREFLIGHT for a preflight), HTTP status and Error Code. Delivered to a bucket, best effort, minutes to hours later.',
    byPitfall: {
      'S3-01': 'REST.OPTIONS.PREFLIGHT with status 403 and Error Code AccessForbidden: the bucket has no CORS configuration.',
      'S3-02': 'REST.OPTIONS.PREFLIGHT with status 403 and Error Code AccessForbidden: no CORS rule matched this origin, method and headers (compare with get-bucket-cors).',
      'S3-03': 'REST.PUT.OBJECT (or GET) with 403 SignatureDoesNotMatch or AccessDenied (expired): the presigned URL did not cover what the browser sent.',
    },
  },
  appsync: {
    general: 'Request-level logs (requestId = x-amzn-RequestId) with the status, and resolver logs at field-level ALL or ERROR.',
    byPitfall: {
      'APPSYNC-01': 'The request succeeded in AppSync: the browser refused Access-Control-Allow-Origin: * because the request was sent with credentials.',
    },
  },
  waf: {
    general: 'One record per inspected request: action (ALLOW / BLOCK / COUNT), terminatingRuleId (the rule that decided) and httpRequest (method, URI, headers).',
    byPitfall: {
      'WAF-01': 'action BLOCK and terminatingRuleId: the rule that blocked the request (or the preflight) before the service could add CORS headers.',
    },
  },
  'alb-access': {
    general: 'One line per request: elb_status_code and target_status_code ("-" when the target never answered), error_reason, and the trace_id the load balancer added.',
    byPitfall: {
      'ALB-01': 'elb_status_code 502/503/504 with target_status_code "-" and error_reason: the load balancer answered itself, so no CORS headers.',
      'ALB-02': 'actions_executed "authenticate" and a 302/401 for the OPTIONS request: the authenticate action answered the preflight.',
    },
  },
  cloudtrail: {
    general: 'Management events of the Cognito user pool API at that time (who called what, and the error code). Hosted-UI pages and token calls are not recorded here.',
    byPitfall: {
      'COG-01': 'Nothing for the hosted-UI page itself: /login and /oauth2/authorize are navigations, not API calls.',
    },
  },
  'amplify-access': {
    general: 'The Amplify Hosting access log (CloudFront format) for the app\'s domain: x-edge-request-id, sc-status and the URI — whether a rewrite served index.html for the API path.',
    byPitfall: {
      'AMP-02': 'cs-uri-stem of the API path answered 200 text/html: the SPA rewrite sent it to /index.html.',
    },
  },
} as const satisfies Record<LogSourceId, Shows>;

/** The sentence for this source and these pitfalls (first match in rank order), else the general one. */
export function showsFor(source: LogSourceId, pitfalls: readonly string[]): string {
  const entry: Shows = LOG_SHOWS[source];
  for (const id of pitfalls) {
    const line = entry.byPitfall[id as PitfallId];
    if (line) return line;
  }
  return entry.general;
}
