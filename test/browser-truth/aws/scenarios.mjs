// AWS-truth scenarios, as DATA: one per detectable pitfall of the catalogue (src/core/hints/catalogue,
// every id whose HAR-only confidence is "certain" or "likely"; APIGW-R05 once per sub-case), plus
// negatives (non-AWS servers, and AWS answers that are fine).
//
// Each scenario is one fetch from a page to an AWS-looking URL. Chromium resolves the AWS host names
// to 127.0.0.1 (--host-resolver-rules), and test/browser-truth/aws/server.mjs answers with the headers
// and bodies of the catalogue (aws-cors-pitfalls.md §1 and the pitfall's "HAR signals"), mirroring the
// hand-built tables in test/core/hints/scenarios/. URLs keep a port (:{{PS}} HTTPS, :{{PH}} HTTP):
// no detection rule may depend on it.
//
// `expect.hints` is what the hint engine must say about the captured exchange; `{{PAGE}}` in an
// expected string stands for the page origin of the capture (fixture.fetches[0].initiator or
// fixture.pageOrigin). `expect.corsError` is what this file believes Chromium reports; the truth is
// what the generator records (it prints mismatches).

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {string} [statusText]
 * @property {Array<[string, string]>} [headers]  in wire order; duplicates allowed
 * @property {string} [body]
 */
/**
 * @typedef {object} HintExpectation
 * @property {string} id
 * @property {'certain'|'likely'|'possible'} confidence
 * @property {string} [toolchain]          look for fixContains in this toolchain's fixes only
 * @property {string[]} [fixContains]
 * @property {string[]} [evidenceContains]
 * @property {boolean} [first]             must be the first hint
 * @property {number} [hiddenStatus]       ExchangeReport.hiddenStatus.status (the status the page never saw)
 * @property {string} [errorType]          x-amzn-ErrorType the evidence must name
 */
/**
 * @typedef {object} AwsScenario
 * @property {string} id
 * @property {string|null} pitfall       the catalogue id this scenario proves (null: negative)
 * @property {string} description
 * @property {string[]} tags
 * @property {'app'|'amplify'} from      page that issues the fetch
 * @property {boolean} [cookie]          set a Secure; SameSite=None cookie for the fetch URL's host first
 * @property {Record<string, {preflight?: Reply, actual?: Reply}>} routes  keyed by <host><path>
 * @property {{ url: string, init: any }} fetch
 * @property {{ corsError: string|null, hints: HintExpectation[], noAwsPitfall?: boolean }} expect
 */

export const PAGE_HOST = 'app.example.test';
export const AMPLIFY_HOST = 'main.d1abc2def3ghij.amplifyapp.com';

/** Host-resolver rules: the AWS (and example) names go to loopback; one execute-api name does not resolve. */
export const HOST_RESOLVER_RULES = [
  'MAP zzz999zzzz.execute-api.us-east-1.amazonaws.com ~NOTFOUND',
  'MAP *.amazonaws.com 127.0.0.1',
  'MAP *.on.aws 127.0.0.1',
  'MAP *.cloudfront.net 127.0.0.1',
  'MAP *.amazoncognito.com 127.0.0.1',
  'MAP *.amplifyapp.com 127.0.0.1',
  'MAP *.example.test 127.0.0.1',
].join(', ');

// ---------------------------------------------------------------------------------------
// AWS-shaped headers and bodies (aws-cors-pitfalls.md §1; the same values as test/core/hints/support.ts)

/** @typedef {Array<[string, string]>} Headers */
const json = /** @type {[string, string]} */ (['Content-Type', 'application/json']);
/** @param {string} [origin] @returns {[string, string]} */
const acao = (origin = '{{PAGE}}') => ['Access-Control-Allow-Origin', origin];
/** API Gateway REST: x-amzn-RequestId + x-amz-apigw-id. @param {Headers} [extra] @returns {Headers} */
const rest = (extra = []) => [json, ['Connection', 'keep-alive'], ['x-amzn-RequestId', 'a1b2c3d4-5678-90ab-cdef-abc123456789'], ['x-amz-apigw-id', 'auoHWG1eIAMEFcQ='], ...extra];
/** @param {string|null} type @param {Headers} [extra] @returns {Headers} */
const restError = (type, extra = []) => rest([...(type ? /** @type {Headers} */ ([['x-amzn-ErrorType', type]]) : []), ...extra]);
const traced = /** @type {[string, string]} */ (['X-Amzn-Trace-Id', 'Root=1-69c286fb-2dd7a6f878a2d998384f62e5;Parent=2fe8f66445fc1e77;Sampled=0']);
/** API Gateway HTTP API: apigw-requestid. @param {Headers} [extra] @returns {Headers} */
const httpApi = (extra = []) => [json, ['Connection', 'keep-alive'], ['apigw-requestid', 'Mc7UVioPPHcEKPA='], ...extra];
/** Lambda function URL: x-amzn-RequestId only. @param {Headers} [extra] @returns {Headers} */
const furl = (extra = []) => [json, ['Connection', 'keep-alive'], ['x-amzn-RequestId', 'd3c1a2b4-1111-2222-3333-444455556666'], ...extra];
/** CloudFront pass-through markers. @param {string} xCache @returns {Headers} */
const cloudfront = (xCache = 'Miss from cloudfront') => [
  ['X-Cache', xCache], ['Via', '1.1 3035b31bddaf14eded329f8d22cf188c.cloudfront.net (CloudFront)'],
  ['X-Amz-Cf-Pop', 'FRA56-P1'], ['X-Amz-Cf-Id', 'ULZdIz6j43uGBlXyob_JctF9x7CCbwpNniiMlmNbmwzH1YWP9FsEHg=='],
];
/** S3 REST. @param {Headers} [extra] @returns {Headers} */
const s3 = (extra = []) => [['x-amz-id-2', 'dGhpcyBpcyBhbiBleGFtcGxlIGlkLTI='], ['x-amz-request-id', 'C73715EFC96D2350'], ...extra, ['Server', 'AmazonS3']];
const cfGenerated = /** @type {Headers} */ ([['Server', 'CloudFront'], ['Content-Type', 'text/html'], ...cloudfront('Error from cloudfront')]);
/** CloudFront's own error page. @param {string} reason @param {number} [status] */
const CF_HTML = (reason, status = 403) => `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY>
<H1>${status} ERROR</H1><H2>The request could not be satisfied.</H2><HR noshade size="1px">${reason}<BR clear="all">
<HR noshade size="1px"><PRE>Generated by cloudfront (CloudFront)
Request ID: ULZdIz6j43uGBlXyob_JctF9x7CCbwpNniiMlmNbmwzH1YWP9FsEHg==</PRE></BODY></HTML>`;
/** S3's XML error. @param {string} code @param {string} message @param {string} [method] */
const S3_XML = (code, message, method = 'OPTIONS') => `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Method>${method}</Method><ResourceType>OBJECT</ResourceType><RequestId>C73715EFC96D2350</RequestId><HostId>dGhpcyBpcyBhbiBleGFtcGxl</HostId></Error>`;
const FURL_403_BODY = '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}';
const ALB_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';
const APPSYNC = /** @type {Headers} */ ([
  json, ['access-control-allow-origin', '*'],
  ['access-control-expose-headers', 'x-amzn-RequestId,x-amzn-ErrorType,x-amz-user-agent,x-amzn-ErrorMessage,Date,x-amz-schema-version'],
  ['x-amzn-appsync-tokensconsumed', '1'], ['x-amzn-requestid', '5c1a2b3c-0000-1111-2222-333344445555'],
]);

// ---------------------------------------------------------------------------------------
// Building blocks

/** @param {string} host @param {string} path @param {'https'|'http'} [scheme] */
const url = (host, path, scheme = 'https') => `${scheme}://${host}:${scheme === 'https' ? '{{PS}}' : '{{PH}}'}${path}`;
/** `<host><path>` route key of a scenario URL (placeholders allowed in the port). @param {string} u */
export const keyOf = (u) => {
  const m = /^https?:\/\/([^/:]+)(?::[^/]+)?(\/[^?#]*)/.exec(u);
  if (!m) throw new Error(`bad url ${u}`);
  return `${m[1]}${m[2]}`;
};
/** A 10-character execute-api host. @param {string} id @param {string} [region] */
const execApi = (id, region = 'us-east-1') => {
  if (!/^[a-z0-9]{10}$/.test(id)) throw new Error(`API id ${id} is not 10 lower-case alphanumerics`);
  return `${id}.execute-api.${region}.amazonaws.com`;
};
/** A function URL host (32-character url id). @param {string} tag */
const lambdaUrl = (tag) => `${tag.padEnd(32, '0')}.lambda-url.us-east-1.on.aws`;

/** @param {number} status @param {Headers} headers @param {string} [body] @returns {Reply} */
const reply = (status, headers, body) => ({ status, headers, ...(body !== undefined ? { body } : {}) });
/** A preflight answer allowing the page origin. @param {string} methods @param {string} allowHeaders @param {Headers} [base] */
const pfOk = (methods, allowHeaders, base = rest()) => reply(204, [...base, acao(), ['Access-Control-Allow-Methods', methods], ['Access-Control-Allow-Headers', allowHeaders], ['Vary', 'Origin']]);

/**
 * @param {Partial<{method: string, headers: Array<[string, string]>, body: string, credentials: string, bodyBytes: number}>} init
 */
const mkInit = ({ method = 'GET', headers = [], body, credentials = 'same-origin', bodyBytes } = {}) => ({
  method, headers, ...(body !== undefined ? { body } : {}), ...(bodyBytes ? { bodyBytes } : {}), credentials, mode: 'cors', redirect: 'follow',
});

const AUTHED = /** @type {Array<[string, string]>} */ ([['Authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig'], ['Content-Type', 'application/json']]);
const JSON_BODY = '{"name":"cors-lens"}';

/** @type {AwsScenario[]} */
export const scenarios = [];

/**
 * @param {string} id @param {string|null} pitfall @param {string} description
 * @param {{ url: string, init?: Parameters<typeof mkInit>[0], preflight?: Reply, actual?: Reply, extraRoutes?: Record<string, {preflight?: Reply, actual?: Reply}>,
 *           from?: 'app'|'amplify', cookie?: boolean, tags?: string[], corsError: string|null, hints?: HintExpectation[], noAwsPitfall?: boolean }} o
 */
const add = (id, pitfall, description, o) => {
  scenarios.push({
    id, pitfall, description, tags: o.tags ?? (pitfall ? [pitfall] : ['negative']), from: o.from ?? 'app', ...(o.cookie ? { cookie: true } : {}),
    routes: { [keyOf(o.url)]: { ...(o.preflight ? { preflight: o.preflight } : {}), ...(o.actual ? { actual: o.actual } : {}) }, ...(o.extraRoutes ?? {}) },
    fetch: { url: o.url, init: mkInit(o.init) },
    expect: { corsError: o.corsError, hints: o.hints ?? [], ...(o.noAwsPitfall ? { noAwsPitfall: true } : {}) },
  });
};

// ---------------------------------------------------------------------------------------
// API Gateway REST (catalogue §2.1)

{
  const u = url(execApi('r02noopts1'), '/prod/items');
  add('apigw-r02-preflight-403-missing-token', 'APIGW-R02', 'PUT with JSON: the REST API has no OPTIONS method there and answers the preflight 403 MissingAuthenticationTokenException', {
    url: u, init: { method: 'PUT', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
    preflight: reply(403, restError('MissingAuthenticationTokenException'), '{"message":"Missing Authentication Token"}'),
    corsError: 'PreflightMissingAllowOriginHeader',
    hints: [{ id: 'APIGW-R02', confidence: 'likely', first: true, toolchain: 'cli', fixContains: ['r02noopts1', '{{PAGE}}', '--http-method OPTIONS'], evidenceContains: ['403', 'MissingAuthenticationTokenException'], errorType: 'MissingAuthenticationTokenException' }],
  });
}
add('apigw-r07-preflight-401-authorizer', 'APIGW-R07', 'GET with Authorization: the authorizer also guards OPTIONS and answers the preflight 401 UnauthorizedException', {
  url: url(execApi('r07auth401'), '/prod/items'), init: { headers: [['Authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig']] },
  preflight: reply(401, restError('UnauthorizedException'), '{"message":"Unauthorized"}'),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'APIGW-R07', confidence: 'likely', first: true, toolchain: 'sam', fixContains: ['AddDefaultAuthorizerToCorsPreflight: false', '{{PAGE}}'], evidenceContains: ['401', 'UnauthorizedException'], errorType: 'UnauthorizedException' }],
});
add('apigw-r07-preflight-403-api-key', 'APIGW-R07', 'POST with x-api-key: the API key is required on OPTIONS too (403 ForbiddenException)', {
  url: url(execApi('r07apikey1'), '/prod/items'), init: { method: 'POST', headers: [['x-api-key', 'k1'], ['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(403, restError('ForbiddenException'), '{"message":"Forbidden"}'),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'APIGW-R07', confidence: 'likely', toolchain: 'cli', fixContains: ['value=false', 'r07apikey1'], errorType: 'ForbiddenException' }],
});
add('apigw-r09-preflight-refuses-traceparent', 'APIGW-R09', "POST with traceparent: the preflight's console-default Access-Control-Allow-Headers refuses it", {
  url: url(execApi('r09trcprnt'), '/prod/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json'], ['traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01']], body: JSON_BODY },
  preflight: reply(200, [...rest(), acao(), ['Access-Control-Allow-Methods', 'GET,POST,OPTIONS'], ['Access-Control-Allow-Headers', 'Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token']], '{}'),
  corsError: 'HeaderDisallowedByPreflightResponse',
  hints: [{ id: 'APIGW-R09', confidence: 'certain', first: true, toolchain: 'cdk', fixContains: ['traceparent', '{{PAGE}}'], evidenceContains: ['traceparent'] }],
});
add('apigw-r09-preflight-refuses-patch', 'APIGW-R09', 'PATCH: the preflight allows GET,POST,PUT,OPTIONS only', {
  url: url(execApi('r09patch01'), '/prod/items/7'), init: { method: 'PATCH', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(200, [...rest(), acao(), ['Access-Control-Allow-Methods', 'GET,POST,PUT,OPTIONS'], ['Access-Control-Allow-Headers', 'Content-Type']], '{}'),
  corsError: 'MethodDisallowedByPreflightResponse',
  hints: [{ id: 'APIGW-R09', confidence: 'certain', toolchain: 'sam', fixContains: ['PATCH', '{{PAGE}}'], evidenceContains: ['PATCH'] }],
});
add('apigw-r12-no-stage-403-forbidden', 'APIGW-R12', 'GET on an execute-api URL without the stage segment: 403 ForbiddenException', {
  url: url(execApi('r12nostage'), '/items'),
  actual: reply(403, restError('ForbiddenException'), '{"message":"Forbidden"}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-R12', confidence: 'likely', toolchain: 'cli', fixContains: ['r12nostage'], evidenceContains: ['"items"'], hiddenStatus: 403 }],
});
add('apigw-r03-lambda-proxy-500-no-cors', 'APIGW-R03', 'POST with a passing preflight; the Lambda proxy answers 500 (X-Amzn-Trace-Id) without CORS headers', {
  url: url(execApi('r03lam500x'), '/prod/items'), init: { method: 'POST', headers: AUTHED, body: JSON_BODY },
  preflight: pfOk('GET,POST,OPTIONS', 'Content-Type,Authorization'),
  actual: reply(500, rest([traced]), '{"error":"TypeError: cannot read properties of undefined"}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-R03', confidence: 'likely', first: true, toolchain: 'lambda-node', fixContains: ['{{PAGE}}', "'Access-Control-Allow-Origin'"], evidenceContains: ['preflight passed'], hiddenStatus: 500 }],
});
add('apigw-r03-lambda-proxy-200-no-cors', 'APIGW-R03', 'Simple GET; the Lambda proxy answers 200 without CORS headers', {
  url: url(execApi('r03lam200x'), '/prod/items'),
  actual: reply(200, rest([traced]), '{"items":[]}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-R03', confidence: 'likely', toolchain: 'lambda-python', fixContains: ['{{PAGE}}', 'Access-Control-Allow-Origin'] }],
});

// APIGW-R05: every gateway-error sub-case, on the actual POST after a passing preflight.
/** @type {Array<[string, string, number, string|null, string|null, Headers, string, string[]]>} */
const R05 = [
  // id suffix, api id, status, x-amzn-ErrorType, body, extra headers, toolchain, fixContains
  ['r05a-401-token-expired', 'r05a401exp', 401, 'UnauthorizedException', '{"message":"The incoming token has expired"}', [], 'cli', ['DEFAULT_4XX', "'{{PAGE}}'", 'r05a401exp']],
  ['r05ab-401-no-body', 'r05a401nob', 401, 'UnauthorizedException', null, [], 'sam', ['DEFAULT_4XX', "'{{PAGE}}'"]],
  ['r05b-403-explicit-deny', 'r05b403dny', 403, 'AccessDeniedException', '{"message":"User is not authorized to access this resource with an explicit deny"}', [], 'terraform', ['ACCESS_DENIED', '{{PAGE}}']],
  ['r05c-403-missing-token', 'r05c403tok', 403, 'MissingAuthenticationTokenException', '{"message":"Missing Authentication Token"}', [], 'cdk', ['MISSING_AUTHENTICATION_TOKEN', '{{PAGE}}']],
  ['r05c-403-incomplete-signature', 'r05c403sig', 403, 'IncompleteSignatureException', '{"message":"Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): \'eyJhbGciOiJSUzI1NiJ9.e30.sig\'."}', [], 'cli', ['DEFAULT_4XX', '{{PAGE}}']],
  ['r05de-403-forbidden', 'r05d403fbd', 403, 'ForbiddenException', '{"message":"Forbidden"}', [], 'serverless', ['INVALID_API_KEY', 'GatewayResponseInvalidApiKey']],
  ['r05f-429-throttled', 'r05f429thr', 429, 'TooManyRequestsException', '{"message":"Too Many Requests"}', [], 'cli', ['THROTTLED', '{{PAGE}}']],
  ['r05f-429-quota', 'r05f429lim', 429, 'LimitExceededException', '{"message":"Limit Exceeded"}', [], 'cli', ['QUOTA_EXCEEDED']],
  ['r05g-403-resource-policy', 'r05g403pol', 403, 'AccessDeniedException', '{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:123456789012:r05g403pol/prod/POST/items"}', [], 'cli', ['ACCESS_DENIED']],
  ['r05h-400-validator', 'r05h400val', 400, 'BadRequestException', '{"message": "Invalid request body"}', [], 'cli', ['BAD_REQUEST_BODY']],
  ['r05i-502-malformed-proxy', 'r05i502lam', 502, null, '{"message": "Internal server error"}', [traced], 'lambda-node', ['statusCode: 500', '{{PAGE}}']],
  ['r05j-500-integration-never-ran', 'r05j500cfg', 500, null, '{"message": "Internal server error"}', [], 'cli', ['DEFAULT_5XX']],
  ['r05k-504-timeout', 'r05k504tmo', 504, null, '{"message": "Endpoint request timed out"}', [], 'cli', ['INTEGRATION_TIMEOUT']],
  ['r05k-504-network-error', 'r05k504net', 504, null, '{"message": "Network error communicating with endpoint"}', [], 'cli', ['INTEGRATION_FAILURE']],
];
/** sub-case ids the evidence must name, per scenario suffix */
const R05_SUB = /** @type {Record<string, string>} */ ({
  'r05a-401-token-expired': 'R05a', 'r05ab-401-no-body': 'R05a/R05b', 'r05b-403-explicit-deny': 'R05b', 'r05c-403-missing-token': 'R05c',
  'r05c-403-incomplete-signature': 'R05c', 'r05de-403-forbidden': 'R05d/R05e', 'r05f-429-throttled': 'R05f', 'r05f-429-quota': 'R05f',
  'r05g-403-resource-policy': 'R05g', 'r05h-400-validator': 'R05h', 'r05i-502-malformed-proxy': 'R05i', 'r05j-500-integration-never-ran': 'R05j',
  'r05k-504-timeout': 'R05k', 'r05k-504-network-error': 'R05k',
});
for (const [suffix, apiId, status, type, body, extra, toolchain, fixContains] of R05) {
  add(`apigw-${suffix}`, 'APIGW-R05', `POST after a passing preflight; API Gateway itself answers ${status}${type ? ` ${type}` : ''} without CORS headers`, {
    url: url(execApi(apiId), '/prod/items'), init: { method: 'POST', headers: AUTHED, body: JSON_BODY },
    preflight: pfOk('GET,POST,OPTIONS', 'Content-Type,Authorization'),
    actual: reply(status, restError(type, extra), body ?? undefined),
    corsError: 'MissingAllowOriginHeader',
    hints: [{
      id: 'APIGW-R05', confidence: 'certain', first: true, toolchain, fixContains, hiddenStatus: status,
      evidenceContains: [`${status} `, R05_SUB[suffix]], ...(type ? { errorType: type } : {}),
    }],
  });
}
add('apigw-r05-custom-domain-401', 'APIGW-R05', 'REST API behind a custom domain (no execute-api host): simple GET answered 401 UnauthorizedException', {
  url: url('api-r05.example.test', '/v1/items'),
  actual: reply(401, restError('UnauthorizedException'), '{"message":"Unauthorized"}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-R05', confidence: 'certain', first: true, toolchain: 'cli', fixContains: ['API_ID=YOUR_API_ID', 'not in the HAR', "'{{PAGE}}'"], hiddenStatus: 401, errorType: 'UnauthorizedException', evidenceContains: ['401 '] }],
});
add('apigw-r06-413-payload-too-large', 'APIGW-R06', 'PUT of an 11 MB body: API Gateway answers 413 "HTTP content length exceeded", which cannot carry CORS headers', {
  url: url(execApi('r06big413x'), '/prod/upload'), init: { method: 'PUT', headers: [['Content-Type', 'image/png']], bodyBytes: 11 * 1024 * 1024 },
  preflight: pfOk('PUT,OPTIONS', 'Content-Type'),
  actual: reply(413, [['Content-Type', 'text/plain'], ...rest().slice(1)], 'HTTP content length exceeded 10485760 bytes.'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-R06', confidence: 'certain', first: true, toolchain: 'lambda-node', fixContains: ['getSignedUrl', '{{PAGE}}'], evidenceContains: ['413'], hiddenStatus: 413 }],
});

// ---------------------------------------------------------------------------------------
// API Gateway HTTP API (§2.2)

add('apigw-h01-preflight-204-no-acao', 'APIGW-H01', 'POST JSON: the HTTP API CORS configuration does not list the origin, so the preflight is 204 without ACAO', {
  url: url(execApi('h01noacao1', 'eu-west-1'), '/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(204, httpApi()),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'APIGW-H01', confidence: 'likely', first: true, toolchain: 'cli', fixContains: ['"AllowOrigins":["{{PAGE}}"]', 'h01noacao1'], evidenceContains: ['{{PAGE}}'] }],
});
add('apigw-h01-preflight-refuses-header', 'APIGW-H01', 'POST with x-request-id: the HTTP API preflight allows content-type only', {
  url: url(execApi('h01reqid01', 'eu-west-1'), '/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json'], ['X-Request-Id', '1']], body: JSON_BODY },
  preflight: reply(204, [...httpApi(), acao(), ['Access-Control-Allow-Methods', 'GET,POST'], ['Access-Control-Allow-Headers', 'content-type']]),
  corsError: 'HeaderDisallowedByPreflightResponse',
  hints: [{ id: 'APIGW-H01', confidence: 'likely', toolchain: 'terraform', fixContains: ['x-request-id', '{{PAGE}}'] }],
});
add('apigw-h02-preflight-404-no-route', 'APIGW-H02', 'PUT JSON: an HTTP API without CORS configuration has no route for OPTIONS (404 Not Found)', {
  url: url(execApi('h02nocors1', 'eu-west-1'), '/items'), init: { method: 'PUT', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(404, httpApi(), '{"message":"Not Found"}'),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'APIGW-H02', confidence: 'likely', first: true, toolchain: 'cdk', fixContains: ['corsPreflight', '{{PAGE}}'], evidenceContains: ['404'] }],
});
add('apigw-h03-preflight-401-jwt-authorizer', 'APIGW-H03', 'GET with Authorization: the $default route authorizer answers the preflight 401 with WWW-Authenticate: Bearer', {
  url: url(execApi('h03jwtauth', 'eu-west-1'), '/items'), init: { headers: [['Authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig']] },
  preflight: reply(401, httpApi([['www-authenticate', 'Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"']]), '{"message":"Unauthorized"}'),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'APIGW-H03', confidence: 'likely', first: true, toolchain: 'cli', fixContains: ["--route-key 'OPTIONS /{proxy+}' --authorization-type NONE", 'h03jwtauth'], evidenceContains: ['WWW-Authenticate: Bearer'] }],
});
add('apigw-h04-credentials-with-star', 'APIGW-H04', "GET with credentials: 'include' (a cookie is sent); the HTTP API answers Access-Control-Allow-Origin: *", {
  url: url(execApi('h04credsx1', 'eu-west-1'), '/items'), init: { credentials: 'include' }, cookie: true,
  actual: reply(200, [...httpApi(), acao('*')], '[]'),
  corsError: 'WildcardOriginNotAllowed',
  hints: [{ id: 'APIGW-H04', confidence: 'certain', first: true, toolchain: 'terraform', fixContains: ['allow_credentials = true', '{{PAGE}}'] }],
});
add('apigw-h05-401-backend-owns-cors', 'APIGW-H05', 'Simple GET: the HTTP API (no CORS configuration; the backend owns CORS) answers 401 {"message":"Unauthorized"}', {
  url: url(execApi('h05unauth1', 'eu-west-1'), '/items'),
  actual: reply(401, httpApi(), '{"message":"Unauthorized"}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-H05', confidence: 'likely', first: true, toolchain: 'sam', fixContains: ['CorsConfiguration', '{{PAGE}}'], evidenceContains: ['401 Unauthorized'], hiddenStatus: 401 }],
});
add('apigw-h05-503-integration-timeout', 'APIGW-H05', 'Simple GET: the HTTP API answers 503 Service Unavailable (integration timeout)', {
  url: url(execApi('h05svc503x', 'eu-west-1'), '/items'),
  actual: reply(503, httpApi(), '{"message":"Service Unavailable"}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-H05', confidence: 'likely', toolchain: 'serverless', fixContains: ['allowedOrigins'], hiddenStatus: 503 }],
});

// ---------------------------------------------------------------------------------------
// Lambda function URLs (§2.3)

add('lurl-01-duplicated-acao', 'LURL-01', 'Simple GET: the function URL CORS config and the function both send Access-Control-Allow-Origin (two lines)', {
  url: url(lambdaUrl('lurl01dup'), '/items'),
  actual: reply(200, furl([acao(), acao()]), '{}'),
  corsError: 'MultipleAllowOriginValues',
  hints: [{ id: 'LURL-01', confidence: 'likely', first: true, toolchain: 'lambda-python', fixContains: ['Delete every Access-Control-* header'], evidenceContains: ['2 times'] }],
});
add('lurl-01-comma-joined-acao', 'LURL-01', 'POST text/plain: Access-Control-Allow-Origin arrives comma-joined ("<origin>, <origin>")', {
  url: url(lambdaUrl('lurl01comma'), '/items'), init: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'x' },
  actual: reply(201, [['x-amzn-RequestId', 'd3c1a2b4-1111-2222-3333-444455556667'], ['Access-Control-Allow-Origin', '{{PAGE}}, {{PAGE}}']], ''),
  corsError: 'MultipleAllowOriginValues',
  hints: [{ id: 'LURL-01', confidence: 'likely', toolchain: 'cli', fixContains: ["--cors '{}'"] }],
});
add('lurl-02-preflight-404-from-function', 'LURL-02', 'POST JSON: no CORS config on the URL, the preflight reaches the function, which answers 404 without CORS headers', {
  url: url(lambdaUrl('lurl02fn404'), '/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(404, furl(), '{"error":"not found"}'),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'LURL-02', confidence: 'likely', first: true, toolchain: 'cli', fixContains: ['"AllowOrigins":["{{PAGE}}"]'] }],
});
add('lurl-02-iam-rejects-unsigned-preflight', 'LURL-02', 'POST with a SigV4 Authorization: an AWS_IAM function URL without CORS config rejects the unsigned preflight (403 AccessDeniedException)', {
  url: url(lambdaUrl('lurl02iam403'), '/items'), init: { method: 'POST', headers: [['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261124/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc'], ['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(403, furl([['x-amzn-ErrorType', 'AccessDeniedException']]), FURL_403_BODY),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'LURL-02', confidence: 'likely', toolchain: 'terraform', fixContains: ['cors {', '{{PAGE}}'], evidenceContains: ['unsigned'], errorType: 'AccessDeniedException' }],
});
add('lurl-03-preflight-refuses-authorization', 'LURL-03', 'GET with Authorization: the function URL CORS config allows content-type only (catalogue: possible; the comma-joined case is LURL-01)', {
  url: url(lambdaUrl('lurl03acah'), '/items'), init: { headers: [['Authorization', 'Bearer x']] },
  preflight: reply(200, furl([acao(), ['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Allow-Headers', 'content-type']])),
  corsError: 'HeaderDisallowedByPreflightResponse', tags: ['LURL-03', 'possible'],
  hints: [{ id: 'LURL-03', confidence: 'possible', toolchain: 'sam', fixContains: ['authorization', '{{PAGE}}'], evidenceContains: ['MaxAge is 0'] }],
});
add('lurl-04-403-function-url-auth', 'LURL-04', 'Simple GET: the function URL auth layer answers 403 AccessDeniedException "Function URL authorization"', {
  url: url(lambdaUrl('lurl04auth403'), '/items'),
  actual: reply(403, furl([['x-amzn-ErrorType', 'AccessDeniedException']]), FURL_403_BODY),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'LURL-04', confidence: 'certain', first: true, toolchain: 'cli', fixContains: ['lambda:InvokeFunctionUrl', '--function-url-auth-type NONE'], evidenceContains: ['403 Forbidden with x-amzn-ErrorType: AccessDeniedException'], errorType: 'AccessDeniedException', hiddenStatus: 403 }],
});

// ---------------------------------------------------------------------------------------
// Cross-cutting (§2.4)

add('x-01-fixed-other-origin', 'X-01', 'Simple GET: the REST Lambda returns one fixed origin, for another front end', {
  url: url(execApi('x01fixedor'), '/prod/items'),
  actual: reply(200, rest([traced, acao('https://prod.example.com')]), '[]'),
  corsError: 'AllowOriginMismatch',
  hints: [{ id: 'X-01', confidence: 'certain', first: true, toolchain: 'lambda-node', fixContains: ['"{{PAGE}}"', 'ALLOWED.has(origin)'], evidenceContains: ['https://prod.example.com'] }],
});
add('x-02-credentials-with-star', 'X-02', "GET with credentials: 'include' (a cookie is sent); the REST Lambda answers Access-Control-Allow-Origin: *", {
  url: url(execApi('x02credstr'), '/prod/items'), init: { credentials: 'include' }, cookie: true,
  actual: reply(200, rest([traced, acao('*')]), '[]'),
  corsError: 'WildcardOriginNotAllowed',
  hints: [{ id: 'X-02', confidence: 'likely', first: true, toolchain: 'lambda-node', fixContains: ["h['Access-Control-Allow-Credentials'] = 'true'"] }],
});
add('x-03-allow-headers-star-with-credentials', 'X-03', "GET with Authorization and credentials: 'include': Access-Control-Allow-Headers: * is a literal name for credentialed requests (and never covers Authorization)", {
  url: url(execApi('x03acahstr'), '/prod/items'), init: { headers: [['Authorization', 'Bearer x']], credentials: 'include' }, cookie: true,
  preflight: reply(200, [...rest(), acao(), ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Allow-Headers', '*']], '{}'),
  corsError: 'HeaderDisallowedByPreflightResponse',
  hints: [{ id: 'X-03', confidence: 'certain', toolchain: 'sam', fixContains: ['Authorization', '{{PAGE}}'] }],
});
add('x-04-trailing-slash', 'X-04', 'Simple GET: the configured origin has a trailing slash', {
  url: url(execApi('x04slash01'), '/prod/items'),
  actual: reply(200, rest([traced, acao('{{PAGE}}/')]), '[]'),
  corsError: 'AllowOriginMismatch',
  hints: [{ id: 'X-04', confidence: 'certain', first: true, toolchain: 'lambda-python', fixContains: ['"{{PAGE}}"'], evidenceContains: ['trailing slash'] }],
});
add('x-05-two-layers-acao', 'X-05', 'Simple GET on a custom domain: a CloudFront response headers policy and the REST backend both send Access-Control-Allow-Origin', {
  url: url('api-x05.example.test', '/v1/items'),
  actual: reply(200, [...rest([traced]), ...cloudfront('Miss from cloudfront'), acao(), acao('*')], '[]'),
  corsError: 'MultipleAllowOriginValues',
  hints: [{ id: 'X-05', confidence: 'certain', first: true, fixContains: ['{{PAGE}}'], evidenceContains: ['2 times', 'CloudFront'] }],
});
{
  const from = url('dx06redirect1.cloudfront.net', '/api/items', 'http');
  const to = url('dx06redirect1.cloudfront.net', '/api/items-https');
  add('x-06-cloudfront-redirects-preflight-to-https', 'X-06', 'POST JSON to http://: the CloudFront behaviour "Redirect HTTP to HTTPS" answers the preflight 301', {
    url: from, init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
    preflight: reply(301, [['Server', 'CloudFront'], ['Location', to], ['Content-Type', 'text/html'], ...cloudfront('Redirect from cloudfront')], '<html>301 Moved Permanently</html>'),
    extraRoutes: { [keyOf(to)]: { preflight: pfOk('POST,OPTIONS', 'Content-Type', cloudfront()), actual: reply(200, [json, ...cloudfront(), acao()], '{}') } },
    corsError: 'PreflightDisallowedRedirect',
    hints: [{ id: 'X-06', confidence: 'certain', first: true, toolchain: 'cdk', fixContains: ['HTTPS_ONLY'], evidenceContains: ['Redirect HTTP to HTTPS'] }],
  });
}
add('x-08-execute-api-not-resolved', 'X-08', 'GET to an execute-api host that does not resolve (net::ERR_NAME_NOT_RESOLVED: a deleted API or a typo)', {
  url: url('zzz999zzzz.execute-api.us-east-1.amazonaws.com', '/prod/items'),
  corsError: null,
  hints: [{ id: 'X-08', confidence: 'likely', first: true, toolchain: 'console', fixContains: ['zzz999zzzz.execute-api.us-east-1.amazonaws.com'], evidenceContains: ['ERR_NAME_NOT_RESOLVED'] }],
});

// ---------------------------------------------------------------------------------------
// CloudFront (§2.5)

add('cf-01-options-not-allowed', 'CF-01', 'POST JSON: the cache behaviour does not allow OPTIONS, CloudFront answers the preflight 403 itself', {
  url: url('dcf01method01.cloudfront.net', '/api/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(403, cfGenerated, CF_HTML('This distribution is not configured to allow the HTTP request method that was used for this request. The distribution supports only cachable requests.')),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'CF-01', confidence: 'certain', first: true, toolchain: 'cdk', fixContains: ['ALLOW_ALL', '{{PAGE}}'] }],
});
add('cf-03-cached-without-acao', 'CF-03', 'Simple GET: CloudFront serves a cached copy (X-Cache: Hit, Age) without Access-Control-Allow-Origin', {
  url: url('dcf03cached01.cloudfront.net', '/data/config.json'),
  actual: reply(200, [...s3([['Vary', 'Origin']]), ...cloudfront('Hit from cloudfront'), ['Age', '3120'], json], '{"feature":true}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'CF-03', confidence: 'likely', first: true, toolchain: 'cdk', fixContains: ["allowList('Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers')"], evidenceContains: ['Age: 3120'] }],
});
add('cf-05-spa-error-page-swallows-api', 'CF-05', 'Simple GET on /api: the distribution-wide custom error response answers 200 text/html (X-Cache: Error)', {
  url: url('dcf05spa00001.cloudfront.net', '/api/items'),
  actual: reply(200, [...cloudfront('Error from cloudfront'), ['Content-Type', 'text/html']], '<!doctype html><html><body><div id="root"></div></body></html>'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'CF-05', confidence: 'likely', first: true, toolchain: 'terraform', fixContains: ['custom_error_response'] }],
});
add('cf-07-request-blocked-page', 'CF-07', 'POST text/plain: CloudFront answers its own 403 "Request blocked." page without CORS headers', {
  url: url('dcf07block001.cloudfront.net', '/api/items'), init: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'x' },
  actual: reply(403, cfGenerated, CF_HTML("Request blocked. We can't connect to the server for this app or website at this time.")),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'CF-07', confidence: 'certain', toolchain: 'cdk', fixContains: ['ResponseHeadersPolicy', '{{PAGE}}'], evidenceContains: ['AWS WAF'], hiddenStatus: 403 }],
});
add('cf-07-lambda-edge-401', 'CF-07', 'Simple GET: a Lambda@Edge function generates a 401 without CORS headers', {
  url: url('dcf07edge0001.cloudfront.net', '/api/items'),
  actual: reply(401, [['Server', 'CloudFront'], ...cloudfront('LambdaGeneratedResponse from cloudfront')]),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'CF-07', confidence: 'certain', first: true, toolchain: 'lambda-node', fixContains: ['{{PAGE}}'], evidenceContains: ['edge function'], hiddenStatus: 401 }],
});

// ---------------------------------------------------------------------------------------
// S3 (§2.6)

add('s3-01-cors-not-enabled', 'S3-01', 'PUT image/jpeg: the bucket has no CORS configuration (preflight 403 "CORS is not enabled for this bucket.")', {
  url: url('s3-01-uploads.s3.eu-central-1.amazonaws.com', '/photos/cat.jpg'), init: { method: 'PUT', headers: [['Content-Type', 'image/jpeg']], body: 'jpeg' },
  preflight: reply(403, s3([['Content-Type', 'application/xml']]), S3_XML('AccessForbidden', 'CORSResponse: CORS is not enabled for this bucket.')),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'S3-01', confidence: 'certain', first: true, toolchain: 'cli', fixContains: ['put-bucket-cors --bucket "$BUCKET"', 'BUCKET=s3-01-uploads', '{{PAGE}}'] }],
});
add('s3-01-get-no-acao', 'S3-01', 'Simple GET of an object: S3 answers 200 without ACAO and without Vary: Origin (no CORS configuration)', {
  url: url('s3-01-assets.s3.eu-central-1.amazonaws.com', '/photos/cat.jpg'),
  actual: reply(200, s3([['Content-Type', 'image/jpeg']]), 'jpeg'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'S3-01', confidence: 'likely', toolchain: 'terraform', fixContains: ['"s3-01-assets"', '{{PAGE}}'] }],
});
add('s3-02-cors-rule-no-match', 'S3-02', 'PUT with x-amz-acl: no CORS rule matches (preflight 403 "This CORS request is not allowed")', {
  url: url('s3-02-uploads.s3.eu-central-1.amazonaws.com', '/photos/cat.jpg'), init: { method: 'PUT', headers: [['Content-Type', 'image/jpeg'], ['x-amz-acl', 'private']], body: 'jpeg' },
  preflight: reply(403, s3([['Content-Type', 'application/xml']]), S3_XML('AccessForbidden', "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.")),
  corsError: 'PreflightMissingAllowOriginHeader',
  hints: [{ id: 'S3-02', confidence: 'certain', first: true, toolchain: 'sam', fixContains: ['AllowedMethods', '{{PAGE}}', 'PUT'], evidenceContains: ['x-amz-acl'] }],
});
{
  const q = '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAEXAMPLE%2F20261124%2Feu-central-1%2Fs3%2Faws4_request&X-Amz-Date=20261124T184500Z&X-Amz-Expires=300&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature=abc';
  add('s3-03-presigned-put-signature-mismatch', 'S3-03', 'Presigned PUT with a different Content-Type than signed: preflight passes, the PUT is answered 403 SignatureDoesNotMatch', {
    url: url('s3-03-uploads.s3.eu-central-1.amazonaws.com', '/photos/cat.png') + q, init: { method: 'PUT', headers: [['Content-Type', 'image/png']], body: 'png' },
    preflight: reply(200, s3([acao(), ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'content-type'], ['Vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method']])),
    actual: reply(403, s3([['Content-Type', 'application/xml']]), S3_XML('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 'PUT')),
    corsError: 'MissingAllowOriginHeader',
    hints: [{ id: 'S3-03', confidence: 'likely', toolchain: 'lambda-node', fixContains: ['ContentType', '"eu-central-1"', '"s3-03-uploads"'], evidenceContains: ['content-type;host'], hiddenStatus: 403 }],
  });
}
add('s3-03-presigned-get-expired', 'S3-03', 'Presigned GET used after X-Amz-Date + X-Amz-Expires: 403 without CORS headers', {
  url: url('s3-03-reports.s3.eu-central-1.amazonaws.com', '/2026/report.pdf') + '?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261124T180000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=abc',
  actual: reply(403, s3([['Content-Type', 'application/xml']]), S3_XML('AccessDenied', 'Request has expired', 'GET')),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'S3-03', confidence: 'likely', toolchain: 'lambda-python', fixContains: ['ExpiresIn=300'], evidenceContains: ['expired at 2026-11-24T18:01:00.000Z'], hiddenStatus: 403 }],
});
add('s3-04-website-endpoint', 'S3-04', 'Simple GET to an S3 website endpoint (HTTP only, no CORS there)', {
  url: url('my-site.s3-website-us-east-1.amazonaws.com', '/data.json', 'http'),
  actual: reply(200, s3([json]), '{"ok":true}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'S3-04', confidence: 'certain', first: true, toolchain: 'console', fixContains: ['https://my-site.s3.us-east-1.amazonaws.com'] }],
});

// ---------------------------------------------------------------------------------------
// AppSync, Cognito, ALB, WAF, Amplify (§2.7–§2.11)

add('appsync-01-credentials-with-star', 'APPSYNC-01', "GraphQL POST (text/plain) with credentials: 'include'; AppSync answers *", {
  url: url('appsync01credsxyzabcdefgh.appsync-api.us-east-1.amazonaws.com', '/graphql'), init: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: '{"query":"{ items { id } }"}', credentials: 'include' }, cookie: true,
  actual: reply(200, APPSYNC, '{"data":{"items":[]}}'),
  corsError: 'WildcardOriginNotAllowed',
  hints: [{ id: 'APPSYNC-01', confidence: 'likely', first: true, toolchain: 'generic', fixContains: ["credentials: 'omit'"], evidenceContains: ['with credentials'] }],
});
add('cog-01-fetch-hosted-ui-login', 'COG-01', 'fetch() of the Cognito hosted UI /login page (a navigation endpoint)', {
  url: url('cog01app.auth.us-east-1.amazoncognito.com', '/login') + '?client_id=abc&response_type=code&redirect_uri=https%3A%2F%2Fapp.example.com',
  actual: reply(200, [['Content-Type', 'text/html;charset=UTF-8']], '<html><body>Sign in</body></html>'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'COG-01', confidence: 'likely', first: true, toolchain: 'generic', fixContains: ['window.location.assign'] }],
});
add('cog-02-discovery-on-hosted-ui', 'COG-02', 'OIDC discovery fetched from the hosted-UI domain (404 there)', {
  url: url('cog02app.auth.us-east-1.amazoncognito.com', '/.well-known/openid-configuration'),
  actual: reply(404, [['Content-Type', 'text/html;charset=UTF-8']], '<html><body>Not found</body></html>'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'COG-02', confidence: 'likely', first: true, toolchain: 'generic', fixContains: ['cognito-idp.REGION.amazonaws.com'] }],
});
add('alb-01-generated-502', 'ALB-01', 'Simple GET: the ALB itself answers 502 Bad Gateway (Server: awselb/2.0) without CORS headers', {
  url: url('internal-alb01-123456789.us-east-1.elb.amazonaws.com', '/orders'),
  actual: reply(502, [['Server', 'awselb/2.0'], ['Content-Type', 'text/html']], ALB_502),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'ALB-01', confidence: 'likely', first: true, toolchain: 'lambda-node', fixContains: ['{{PAGE}}'], evidenceContains: ['awselb/2.0'], hiddenStatus: 502 }],
});
add('alb-02-authenticate-redirects-preflight', 'ALB-02', 'POST JSON: the ALB authenticate action redirects the preflight to Cognito (302)', {
  url: url('api-alb02.example.test', '/v1/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(302, [['Server', 'awselb/2.0'], ['Location', 'https://alb02app.auth.us-east-1.amazoncognito.com/oauth2/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fapi-alb02.example.test%2Foauth2%2Fidpresponse'], ['Content-Type', 'text/html']], ''),
  corsError: 'PreflightDisallowedRedirect',
  hints: [{ id: 'ALB-02', confidence: 'likely', toolchain: 'terraform', fixContains: ['http_request_method', 'OPTIONS'], evidenceContains: ['oauth2/authorize'] }],
});
add('waf-01-cloudfront-request-blocked', 'WAF-01', 'POST text/plain: the WAF web ACL on the distribution blocks it (CloudFront "Request blocked." page)', {
  url: url('dwaf01block01.cloudfront.net', '/api/upload'), init: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'x'.repeat(2048) },
  actual: reply(403, cfGenerated, '<HTML><BODY><H1>403 ERROR</H1>Request blocked. Generated by cloudfront (CloudFront)</BODY></HTML>'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'WAF-01', confidence: 'likely', toolchain: 'terraform', fixContains: ['response_header', '{{PAGE}}'], hiddenStatus: 403 }],
});
add('amp-01-amplify-page-rest-502', 'AMP-01', 'From an Amplify Hosting page: the REST API (Amplify-generated Express function) answers 502 without CORS headers', {
  url: url(execApi('amp01lam50'), '/dev/items'), from: 'amplify',
  actual: reply(502, rest([traced]), '{"message": "Internal server error"}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'AMP-01', confidence: 'likely', toolchain: 'lambda-node', fixContains: ['{{PAGE}}'], evidenceContains: ['Amplify Hosting app'], hiddenStatus: 502 }],
});

// ---------------------------------------------------------------------------------------
// Negatives: non-AWS servers (blocked, but no AWS pitfall may be claimed)

add('neg-nginx-preflight-403', null, 'nginx answers the preflight 403 (no AWS markers)', {
  url: url('api-neg-nginx.example.test', '/v1/items'), init: { method: 'PUT', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(403, [['Server', 'nginx/1.25.3'], ['Content-Type', 'text/html']], '<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center><hr><center>nginx/1.25.3</center></body></html>'),
  corsError: 'PreflightMissingAllowOriginHeader', noAwsPitfall: true,
});
add('neg-express-no-acao', null, 'Express answers a simple GET 200 without CORS headers', {
  url: url('api-neg-express.example.test', '/v1/items'),
  actual: reply(200, [['X-Powered-By', 'Express'], json, ['ETag', 'W/"2-l9Fw4VUO7kr8CvBlt4zaMCqXZ0w"']], '[]'),
  corsError: 'MissingAllowOriginHeader', noAwsPitfall: true,
});
add('neg-json-forbidden-not-aws', null, 'A non-AWS API answers 403 {"message":"Forbidden"} (API Gateway\'s body shape, but no AWS header or host)', {
  url: url('api-neg-forbidden.example.test', '/prod/items'),
  actual: reply(403, [json, ['X-Request-Id', '5b0c3f6e-8d1a-4c61-9f0e-2b7d4a1c9e01']], '{"message":"Forbidden"}'),
  corsError: 'MissingAllowOriginHeader', noAwsPitfall: true,
});
add('neg-cloudflare-502', null, 'Cloudflare answers 502 Bad Gateway (Server: cloudflare, cf-ray) without CORS headers', {
  url: url('api-neg-cloudflare.example.test', '/v1/items'),
  actual: reply(502, [['Server', 'cloudflare'], ['cf-ray', '8f1e2d3c4b5a6978-FRA'], ['Content-Type', 'text/html']], '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>'),
  corsError: 'MissingAllowOriginHeader', noAwsPitfall: true,
});
add('neg-azure-apim-401', null, 'Azure API Management answers the preflight 401 with its own JSON', {
  url: url('api-neg-apim.example.test', '/v1/items'), init: { headers: [['Authorization', 'Bearer x']] },
  preflight: reply(401, [json, ['WWW-Authenticate', 'AzureApiManagementKey realm="https://api-neg-apim.example.test/v1",name="Ocp-Apim-Subscription-Key",type="header"'], ['x-ms-request-id', '00000000-0000-0000-0000-000000000000']], '{ "statusCode": 401, "message": "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API." }'),
  corsError: 'PreflightMissingAllowOriginHeader', noAwsPitfall: true,
});
add('neg-wildcard-with-credentials-not-aws', null, "A non-AWS API answers * to a credentialed GET (a cookie is sent)", {
  url: url('api-neg-creds.example.test', '/v1/me'), init: { credentials: 'include' }, cookie: true,
  actual: reply(200, [json, acao('*')], '{}'),
  corsError: 'WildcardOriginNotAllowed', noAwsPitfall: true,
});

// Negatives: AWS answers that are fine (allowed: no pitfall may be claimed)

add('ok-rest-preflight-and-post', null, 'REST API with a MOCK OPTIONS and a Lambda proxy that both send CORS headers', {
  url: url(execApi('okrestpost'), '/prod/items'), init: { method: 'POST', headers: AUTHED, body: JSON_BODY },
  preflight: pfOk('GET,POST,OPTIONS', 'Content-Type,Authorization'),
  actual: reply(201, rest([traced, acao(), ['Vary', 'Origin']]), '{"id":1}'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
});
add('ok-rest-401-gateway-response-with-cors', null, 'REST API whose DEFAULT_4XX gateway response carries CORS headers: the page sees the 401', {
  url: url(execApi('okrest401c'), '/prod/items'),
  actual: reply(401, restError('UnauthorizedException', [acao(), ['Vary', 'Origin']]), '{"message":"Unauthorized"}'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
});
add('ok-http-api-cors-config', null, 'HTTP API with a CORS configuration listing the origin', {
  url: url(execApi('okhttpapi1', 'eu-west-1'), '/items'), init: { method: 'PUT', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(204, [...httpApi(), acao(), ['Access-Control-Allow-Methods', 'GET,PUT'], ['Access-Control-Allow-Headers', 'content-type'], ['Access-Control-Max-Age', '0'], ['Vary', 'Origin']]),
  actual: reply(200, [...httpApi(), acao(), ['Vary', 'Origin']], '{}'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
});
add('ok-function-url-cors-config', null, 'Function URL with a CORS configuration (one ACAO line)', {
  url: url(lambdaUrl('okfurl'), '/items'),
  actual: reply(200, furl([acao(), ['Vary', 'Origin']]), '{}'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
});
add('ok-s3-cors-rule', null, 'S3 object GET with a matching CORS rule', {
  url: url('ok-assets.s3.eu-central-1.amazonaws.com', '/fonts/inter.woff2'),
  actual: reply(200, s3([acao(), ['Vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method'], ['Content-Type', 'font/woff2']]), 'wOF2'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
});
add('ok-cloudfront-hit-with-acao', null, 'CloudFront cache hit that carries ACAO and Vary: Origin', {
  url: url('dokcfhit00001.cloudfront.net', '/data/config.json'),
  actual: reply(200, [...s3([['Vary', 'Origin'], acao()]), ...cloudfront('Hit from cloudfront'), ['Age', '30'], json], '{}'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
});
add('ok-rest-allow-headers-star-authorization', null, 'GET with Authorization, no credentials; preflight Access-Control-Allow-Headers: *. The spec says * never covers Authorization, but Chromium 156 still lets it (DeprecationIssue AuthorizationCoveredByWildcard), so nothing is blocked', {
  url: url(execApi('okacahstar'), '/prod/items'), init: { headers: [['Authorization', 'Bearer x']] },
  preflight: reply(200, [...rest(), acao(), ['Access-Control-Allow-Methods', 'GET'], ['Access-Control-Allow-Headers', '*']], '{}'),
  actual: reply(200, rest([traced, acao()]), '[]'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok', 'chromium-deprecation'],
});
add('ok-appsync-without-credentials', null, 'AppSync GraphQL POST without credentials: * is fine', {
  url: url('okappsyncabcdefghijklmnop.appsync-api.us-east-1.amazonaws.com', '/graphql'), init: { method: 'POST', headers: [['Content-Type', 'text/plain']], body: '{"query":"{ items { id } }"}' },
  actual: reply(200, APPSYNC, '{"data":{"items":[]}}'),
  corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
});

// ---------------------------------------------------------------------------------------
// Issue 19: the four classes answered generically before, each with a negative twin that carries the same
// evidence without AWS (or the same AWS answer, fine). Recorded alone: AWS_TRUTH_ONLY=<ids> AWS_TRUTH_OUT=test/fixtures/aws.

add('apigw-h05-500-backend-preflight-no-body', 'APIGW-H05', 'POST JSON: the backend answers the preflight with CORS headers (an OPTIONS route), then the HTTP API itself answers 500 {"message":"Internal Server Error"} without them', {
  url: url(execApi('h05post500', 'eu-west-1'), '/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json']], body: JSON_BODY },
  preflight: reply(204, [...httpApi(), traced, acao(), ['Access-Control-Allow-Methods', 'POST,OPTIONS'], ['Access-Control-Allow-Headers', 'content-type']]),
  actual: reply(500, httpApi(), '{"message":"Internal Server Error"}'),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'APIGW-H05', confidence: 'likely', first: true, toolchain: 'sam', fixContains: ['CorsConfiguration', '{{PAGE}}'], evidenceContains: ['Content-Length: 35'], hiddenStatus: 500 }],
});
add('neg-express-401-gateway-length', null, 'Express answers 401 {"message":"Unauthorized"} (the length of API Gateway\'s body, no AWS header or host)', {
  url: url('api-neg-express401.example.test', '/items'),
  actual: reply(401, [json, ['X-Powered-By', 'Express']], '{"message":"Unauthorized"}'),
  corsError: 'MissingAllowOriginHeader', noAwsPitfall: true,
});
add('lurl-04-cloudfront-oac-403', 'LURL-04', 'Simple GET through your own domain: CloudFront (origin access control) in front of a function URL whose auth layer answers 403 AccessDeniedException', {
  url: url('api-lurl04oac.example.test', '/items'),
  actual: reply(403, [...furl([['x-amzn-ErrorType', 'AccessDeniedException']]), ...cloudfront('Error from cloudfront')], FURL_403_BODY),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'LURL-04', confidence: 'likely', first: true, toolchain: 'cdk', fixContains: ['cloudfront.amazonaws.com'], evidenceContains: ['origin access control'], errorType: 'AccessDeniedException', hiddenStatus: 403 }],
});
add('neg-cdn-403-accessdenied-not-aws', null, 'A CDN in front of a non-AWS API answers 403 JSON with X-Error-Type: AccessDeniedException (no x-amzn-* header)', {
  url: url('api-neg-cdn403.example.test', '/items'),
  actual: reply(403, [json, ['Via', '1.1 varnish (Varnish/7.4)'], ['X-Error-Type', 'AccessDeniedException'], ['X-Request-Id', 'a1b2c3d4-5678-90ab-cdef-abc123456789']], '{"Message":"Forbidden"}'),
  corsError: 'MissingAllowOriginHeader', noAwsPitfall: true,
});
add('s3-03-presigned-post-form-403', 'S3-03', 'Presigned POST (multipart form upload, no preflight): the bucket\'s CORS rule does not allow POST and S3 answers 403 without CORS headers', {
  url: url('s3-03-formpost.s3.eu-central-1.amazonaws.com', '/'), init: { method: 'POST', headers: [['Content-Type', 'multipart/form-data; boundary=----corslens']], body: '------corslens\r\nContent-Disposition: form-data; name="key"\r\n\r\nuploads/cat.jpg\r\n------corslens--\r\n' },
  actual: reply(403, s3([['Content-Type', 'application/xml']]), S3_XML('AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "image/jpeg"]', 'POST')),
  corsError: 'MissingAllowOriginHeader',
  hints: [{ id: 'S3-03', confidence: 'likely', first: true, toolchain: 'cli', fixContains: ['POST', '{{PAGE}}', 's3-03-formpost'], evidenceContains: ['presigned POST'], hiddenStatus: 403 }],
});
add('neg-form-post-403-not-aws', null, 'nginx answers a multipart form POST 403 without CORS headers', {
  url: url('api-neg-formpost.example.test', '/upload'), init: { method: 'POST', headers: [['Content-Type', 'multipart/form-data; boundary=----corslens']], body: '------corslens--\r\n' },
  actual: reply(403, [['Server', 'nginx/1.25.3'], ['Content-Type', 'application/xml']], '<Error><Code>AccessDenied</Code></Error>'),
  corsError: 'MissingAllowOriginHeader', noAwsPitfall: true,
});
{
  const target = /** @type {Array<[string, string]>} */ ([['Content-Type', 'application/x-amz-json-1.1'], ['X-Amz-Target', 'AWSCognitoIdentityProviderService.InitiateAuth']]);
  const cognito = (/** @type {Headers} */ extra) => /** @type {Headers} */ ([['Content-Type', 'application/x-amz-json-1.1'], ['x-amzn-RequestId', 'a1b2c3d4-5678-90ab-cdef-abc123456789'], acao('*'), ...extra]);
  const pfCognito = reply(200, cognito([['Access-Control-Allow-Methods', 'POST'], ['Access-Control-Allow-Headers', 'content-type,x-amz-target,x-amz-user-agent'], ['Access-Control-Max-Age', '0']]));
  const body = '{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"abc","AuthParameters":{"USERNAME":"u","PASSWORD":"p"}}';
  add('cog-03-credentials-cognito-idp', 'COG-03', "InitiateAuth POST to the user pools API with credentials: 'include' (a cookie is sent): Cognito answers the preflight *", {
    url: url('cognito-idp.us-east-1.amazonaws.com', '/'), init: { method: 'POST', headers: target, body, credentials: 'include' }, cookie: true,
    preflight: pfCognito,
    actual: reply(200, cognito([]), '{"ChallengeParameters":{}}'),
    corsError: 'PreflightWildcardOriginNotAllowed',
    hints: [{ id: 'COG-03', confidence: 'certain', first: true, toolchain: 'generic', fixContains: ["credentials: 'omit'"], evidenceContains: ['Access-Control-Allow-Origin: *', 'X-Amz-Target'] }],
  });
  add('ok-cognito-idp-without-credentials', null, 'The same InitiateAuth without credentials: * is fine', {
    url: url('cognito-idp.eu-west-1.amazonaws.com', '/'), init: { method: 'POST', headers: target, body },
    preflight: pfCognito,
    actual: reply(200, cognito([]), '{"ChallengeParameters":{}}'),
    corsError: null, noAwsPitfall: true, tags: ['negative', 'aws-ok'],
  });
}
