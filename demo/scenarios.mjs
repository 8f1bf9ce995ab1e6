// The demo's scenarios, as data: how the page calls the API, and how the API answers the preflight
// (OPTIONS) and the actual request. Several answers are shaped like API Gateway / Lambda / CloudFront /
// S3 ones. `expect` is what Chrome reports (its CorsError name), or "allowed" / "not-cors".
// `awsHost`: the AWS-shaped host name the scenario is called on when the demo runs with AWS host names
// (`npm start`: Chromium maps them to the demo server, over HTTPS), so the fingerprints and the fix are
// the ones a real API of that kind gets; otherwise it is called on the loopback API origin.
import { randomUUID } from 'node:crypto';

const json = (value) => JSON.stringify(value);

/** Headers API Gateway adds to its own answers (REST API). */
function apigw(errorType) {
  return {
    'Content-Type': 'application/json',
    'x-amzn-RequestId': randomUUID(),
    'x-amz-apigw-id': Math.random().toString(36).slice(2, 10).toUpperCase() + '=',
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
  };
}

/** Headers the Lambda runtime adds when the function ran (X-Ray trace id). */
const traced = () => ({ 'X-Amzn-Trace-Id': `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomUUID().replace(/-/g, '').slice(0, 24)};Sampled=0` });

/** Headers of a CloudFront answer served from its cache. */
function cloudfrontHit() {
  return {
    Via: '1.1 3035b31bddaf14eded329f8d22cf188c.cloudfront.net (CloudFront)',
    'X-Cache': 'Hit from cloudfront',
    'X-Amz-Cf-Pop': 'FRA56-P1',
    'X-Amz-Cf-Id': `${randomUUID().replace(/-/g, '')}demo==`,
    Age: '42',
  };
}

/** Headers of an S3 REST answer. */
function s3() {
  return {
    Server: 'AmazonS3',
    'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
    'x-amz-id-2': Buffer.from(randomUUID()).toString('base64'),
  };
}

/** AWS host names per service (demo ids; execute-api ids are 10 characters, function URL ids 32). */
export const AWS_HOSTS = {
  restApi: (id) => `${id}.execute-api.us-east-1.amazonaws.com`,
  functionUrl: 'dupacao2demo7fn3kq5wz8rt4yv6lmex.lambda-url.us-east-1.on.aws',
  cloudfront: 'd1demo2cfcache.cloudfront.net',
  s3: 'cors-lens-demo-assets.s3.us-east-1.amazonaws.com',
};

/** Chromium --host-resolver-rules sending every AWS-shaped name the demo uses to the demo server. */
export const AWS_HOST_RESOLVER_RULES = ['MAP *.amazonaws.com 127.0.0.1', 'MAP *.on.aws 127.0.0.1', 'MAP *.cloudfront.net 127.0.0.1'].join(', ');

/** Headers of a Lambda function URL answer. */
function lambdaUrl() {
  return { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID(), 'X-Amzn-Trace-Id': `Root=1-${Date.now().toString(16)}-demo` };
}

/**
 * @typedef {{ status: number, headers?: Record<string, string | string[]>, body?: string }} Answer
 * @typedef {{ acao: Record<string, string> }} Ctx
 * @typedef {{
 *   id: string, title: string, expect: string, note: string, awsHost?: string,
 *   call: { method: string, headers?: Record<string, string>, body?: string, credentials?: string,
 *           sameOrigin?: boolean, times?: number, readBody?: boolean },
 *   preflight?: (ctx: Ctx) => Answer, actual: (ctx: Ctx) => Answer,
 * }} Scenario
 */

/** @type {Scenario[]} */
export const scenarios = [
  {
    id: 'simple-get',
    title: 'Allowed simple GET',
    expect: 'allowed',
    note: 'GET without custom headers: no preflight; the response allows the page origin.',
    call: { method: 'GET' },
    actual: ({ acao }) => ({ status: 200, headers: { ...apigw(), ...acao }, body: json({ items: [1, 2, 3] }) }),
  },
  {
    id: 'put-json',
    title: 'Allowed preflighted PUT',
    expect: 'allowed',
    note: 'PUT with Content-Type: application/json: preflight answered with the right headers.',
    call: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: json({ name: 'demo' }) },
    preflight: ({ acao }) => ({
      status: 204,
      headers: { ...acao, 'Access-Control-Allow-Methods': 'GET,PUT,OPTIONS', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '0' },
    }),
    actual: ({ acao }) => ({ status: 200, headers: { ...apigw(), ...acao }, body: json({ ok: true }) }),
  },
  {
    id: 'missing-acao',
    title: 'Missing Access-Control-Allow-Origin',
    expect: 'MissingAllowOriginHeader',
    note: 'The API answers 200 but sends no CORS headers at all.',
    call: { method: 'GET' },
    actual: () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: json({ items: [] }) }),
  },
  {
    id: 'preflight-403',
    awsHost: AWS_HOSTS.restApi('noopts403a'),
    title: 'API Gateway: preflight 403 without CORS headers',
    expect: 'PreflightMissingAllowOriginHeader',
    note: 'OPTIONS is not enabled on the resource: API Gateway answers 403 {"message":"Missing Authentication Token"} with no CORS headers.',
    call: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: json({ name: 'demo' }) },
    preflight: () => ({ status: 403, headers: apigw('MissingAuthenticationTokenException'), body: json({ message: 'Missing Authentication Token' }) }),
    actual: ({ acao }) => ({ status: 200, headers: { ...apigw(), ...acao }, body: json({ ok: true }) }),
  },
  {
    id: 'header-not-allowed',
    awsHost: AWS_HOSTS.restApi('apikey0001'),
    title: 'API Gateway: x-api-key not allowed by the preflight',
    expect: 'HeaderDisallowedByPreflightResponse',
    note: 'The request sends X-Api-Key; the preflight only allows Content-Type.',
    call: { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Api-Key': 'demo-key' }, body: json({ q: 1 }) },
    preflight: ({ acao }) => ({
      status: 200,
      headers: { ...apigw(), ...acao, 'Access-Control-Allow-Methods': 'OPTIONS,POST', 'Access-Control-Allow-Headers': 'Content-Type' },
      body: '{}',
    }),
    actual: ({ acao }) => ({ status: 200, headers: { ...apigw(), ...acao }, body: json({ ok: true }) }),
  },
  {
    id: 'wildcard-credentials',
    title: 'Wildcard origin with credentials',
    expect: 'WildcardOriginNotAllowed',
    note: "fetch(..., { credentials: 'include' }) and the API answers Access-Control-Allow-Origin: *.",
    call: { method: 'GET', credentials: 'include' },
    actual: () => ({ status: 200, headers: { ...apigw(), 'Access-Control-Allow-Origin': '*' }, body: json({ me: 'demo' }) }),
  },
  {
    id: 'gateway-502',
    awsHost: AWS_HOSTS.restApi('crash502ab'),
    title: 'API Gateway: 502 without CORS headers after a good preflight',
    expect: 'MissingAllowOriginHeader',
    note: 'The Lambda function ran and crashed (X-Amzn-Trace-Id); API Gateway answers 502 {"message":"Internal server error"} without CORS headers.',
    call: { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: json({ crash: true }) },
    preflight: ({ acao }) => ({
      status: 204,
      headers: { ...acao, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '0' },
    }),
    actual: () => ({ status: 502, headers: { ...apigw('InternalServerErrorException'), ...traced() }, body: json({ message: 'Internal server error' }) }),
  },
  {
    id: 'preflight-cached',
    title: 'Preflight served from cache (called twice)',
    expect: 'allowed',
    note: 'Access-Control-Max-Age: 600 — the second PATCH reuses the cached preflight; no OPTIONS is sent.',
    call: { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: json({ n: 1 }), times: 2 },
    preflight: ({ acao }) => ({
      status: 204,
      headers: { ...acao, 'Access-Control-Allow-Methods': 'PATCH', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '600' },
    }),
    actual: ({ acao }) => ({ status: 200, headers: { ...apigw(), ...acao }, body: json({ ok: true }) }),
  },
  {
    id: 'lambda-url-duplicate-acao',
    awsHost: AWS_HOSTS.functionUrl,
    title: 'Lambda function URL: Access-Control-Allow-Origin sent twice',
    expect: 'MultipleAllowOriginValues',
    note: 'The function URL CORS config and the function code both add the header.',
    call: { method: 'GET' },
    actual: ({ acao }) => ({
      status: 200,
      headers: { ...lambdaUrl(), 'Access-Control-Allow-Origin': [acao['Access-Control-Allow-Origin'], acao['Access-Control-Allow-Origin']] },
      body: json({ ok: true }),
    }),
  },
  {
    id: 'throttled-429',
    awsHost: AWS_HOSTS.restApi('throttle42'),
    title: 'API Gateway: 429 throttled, without CORS headers',
    expect: 'MissingAllowOriginHeader',
    note: 'Usage plan throttling: API Gateway answers 429 {"message":"Too Many Requests"} without CORS headers.',
    call: { method: 'GET' },
    actual: () => ({ status: 429, headers: apigw('TooManyRequestsException'), body: json({ message: 'Too Many Requests' }) }),
  },
  {
    id: 'method-not-allowed',
    title: 'DELETE not in Access-Control-Allow-Methods',
    expect: 'MethodDisallowedByPreflightResponse',
    note: 'The preflight allows GET, PUT and POST only.',
    call: { method: 'DELETE' },
    preflight: ({ acao }) => ({ status: 204, headers: { ...acao, 'Access-Control-Allow-Methods': 'GET, PUT, POST' } }),
    actual: ({ acao }) => ({ status: 204, headers: { ...acao } }),
  },
  {
    id: 'cloudfront-cached-no-cors',
    awsHost: AWS_HOSTS.cloudfront,
    title: 'CloudFront: cached copy without CORS headers',
    expect: 'MissingAllowOriginHeader',
    note: 'Origin is not in the cache key: CloudFront serves the S3 object cached from a request without Origin, so without Access-Control-Allow-Origin.',
    call: { method: 'GET' },
    actual: () => ({ status: 200, headers: { 'Content-Type': 'application/json', ...s3(), Vary: 'Origin', ...cloudfrontHit() }, body: json({ config: 'v2' }) }),
  },
  {
    id: 's3-no-cors',
    awsHost: AWS_HOSTS.s3,
    title: 'S3: bucket without a CORS configuration',
    expect: 'MissingAllowOriginHeader',
    note: 'A direct GET on the bucket: S3 answers 200 with no Access-Control-Allow-Origin and no Vary: Origin (no CORS rules at all).',
    call: { method: 'GET' },
    actual: () => ({ status: 200, headers: { 'Content-Type': 'application/json', ...s3() }, body: json({ manifest: 1 }) }),
  },
  {
    id: 'same-origin',
    title: 'Same-origin call (not CORS)',
    expect: 'not-cors',
    note: 'Shown only with the "Everything" filter.',
    call: { method: 'GET', sameOrigin: true },
    actual: () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: json({ local: true }) }),
  },
  {
    id: 'unread-body',
    title: 'Allowed GET whose body is never read',
    expect: 'allowed',
    note: 'Only devtools.network.getHAR() sees this one (onRequestFinished never fires).',
    call: { method: 'GET', readBody: false },
    actual: ({ acao }) => ({ status: 200, headers: { ...acao, 'Content-Type': 'application/json' }, body: json({ big: 'x'.repeat(64) }) }),
  },
];

export const scenarioById = new Map(scenarios.map((s) => [s.id, s]));
