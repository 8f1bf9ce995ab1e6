// API-view scenarios (issue 13), as DATA: each is one API called by a page in real Chromium — several
// routes, several calls, sometimes from several page origins — answered by the AWS truth server
// (test/browser-truth/aws/server.mjs) on host names mapped to loopback. `expect.findings` is the exact
// set of finding ids the API view must raise for the scenario's API (every other capture id must be
// absent): each id of src/core/findings/catalogue.ts that a capture can raise has a scenario where it is
// raised and one where it is not. Captured by scripts/generate-api-fixtures.mjs into test/fixtures/apis/.
//
// Page origins (frames of one tab, so DevTools records them all):
//   http   http://app.example.test:{{PH}}   the top page (an http origin)
//   app    https://app.example.test:{{PS}}  an iframe: the usual, secure page origin
//   other  https://other.example.test:{{PS}} an iframe: a second site
//   local  http://localhost:{{PH}}           an iframe: a developer's machine
// `{{PAGE}}` in a reply is the request's Origin (see server.mjs). A route's reply may be a list: the
// n-th request gets the n-th reply (the last one repeats).

/** @typedef {Array<[string, string]>} Headers */
/** @typedef {{ status: number, headers: Headers, body?: string }} Reply */
/**
 * @typedef {object} ApiCall
 * @property {'http'|'app'|'other'|'local'} from
 * @property {string} url
 * @property {{ method?: string, headers?: Array<[string, string]>, body?: string, credentials?: string }} [init]
 * @property {number} [waitBeforeMs]  pause before this call (let a 5 s preflight cache entry expire)
 * @property {boolean} [cacheDisabled] call with the browser cache disabled (as DevTools' "Disable cache" does)
 */
/**
 * @typedef {object} ApiScenario
 * @property {string} id
 * @property {string} description
 * @property {Record<string, {preflight?: Reply|Reply[], actual?: Reply|Reply[]}>} routes  keyed by <host><path>
 * @property {ApiCall[]} calls
 * @property {{ api: string, findings: string[], fixes?: Array<{cause: string, routes: string[]}>, routes?: string[], blocked?: number }} expect
 *           `api` is the API key with the port placeholder ({{PS}})
 */

export const PAGE_HOSTS = ['app.example.test', 'other.example.test', 'localhost'];
export const HOST_RESOLVER_RULES = ['MAP *.amazonaws.com 127.0.0.1', 'MAP *.example.test 127.0.0.1'].join(', ');

const json = /** @type {[string, string]} */ (['Content-Type', 'application/json']);
const vary = /** @type {[string, string]} */ (['Vary', 'Origin']);
const echo = /** @type {[string, string]} */ (['Access-Control-Allow-Origin', '{{PAGE}}']);
const credTrue = /** @type {[string, string]} */ (['Access-Control-Allow-Credentials', 'true']);
/** API Gateway REST markers. @param {Headers} [extra] @returns {Headers} */
const rest = (extra = []) => [json, ['x-amzn-RequestId', 'a1b2c3d4-5678-90ab-cdef-abc123456789'], ['x-amz-apigw-id', 'auoHWG1eIAMEFcQ='], ...extra];
/** API Gateway HTTP API marker. @param {Headers} [extra] @returns {Headers} */
const httpApi = (extra = []) => [json, ['apigw-requestid', 'Mc7UVioPPHcEKPA='], ...extra];

/** @param {number} status @param {Headers} headers @param {string} [body] @returns {Reply} */
const reply = (status, headers, body = '{}') => ({ status, headers, body });
/** @param {string} host @param {string} path */
const https = (host, path) => `https://${host}:{{PS}}${path}`;
/** @param {string} u */
const keyOf = (u) => u.replace(/^https?:\/\//, '').replace(/:\{\{P[SH]\}\}/, '');

const JSON_BODY = '{"name":"cors-lens"}';
const PUT_JSON = { method: 'PUT', headers: /** @type {Array<[string, string]>} */ ([['Content-Type', 'application/json']]), body: JSON_BODY };

/** @type {ApiScenario[]} */
export const scenarios = [];

// ---------------------------------------------------------------------------------------
// The done-when capture: an API Gateway REST API with several routes, some blocked for the same cause.
{
  const host = 'apiroutes1.execute-api.us-east-1.amazonaws.com';
  const okPreflight = reply(200, rest([echo, ['Access-Control-Allow-Methods', 'GET,POST,OPTIONS'], ['Access-Control-Allow-Headers', 'Content-Type,X-Api-Key'], vary]));
  const noOptions = reply(403, rest([['x-amzn-ErrorType', 'MissingAuthenticationTokenException']]), '{"message":"Missing Authentication Token"}');
  const ok = (status = 200) => reply(status, rest([echo, vary, ['X-Amzn-Trace-Id', 'Root=1-69c286fb-2dd7a6f878a2d998384f62e5']]), '{"ok":true}');
  scenarios.push({
    id: 'rest-multi-route',
    description: 'A REST API with six routes: GET/POST work; PUT and DELETE on /items/{id} have no OPTIONS method (preflight 403); GET /orders/{id} and /users/{id} get gateway errors without CORS headers',
    routes: {
      [`${host}/prod/items`]: { preflight: okPreflight, actual: ok() },
      [`${host}/prod/items/42`]: { preflight: noOptions, actual: ok() },
      [`${host}/prod/items/43`]: { preflight: noOptions },
      [`${host}/prod/orders/7f3c2a10-9b1d-4c8e-a2f4-5d6e7f809a1b`]: { actual: reply(502, rest([['x-amzn-ErrorType', 'InternalServerErrorException']]), '{"message": "Internal server error"}') },
      [`${host}/prod/users/7`]: { actual: reply(403, rest([['x-amzn-ErrorType', 'ForbiddenException']]), '{"message":"Forbidden"}') },
    },
    calls: [
      { from: 'app', url: https(host, '/prod/items') },
      { from: 'app', url: https(host, '/prod/items/42') },
      { from: 'app', url: https(host, '/prod/items'), init: { method: 'POST', headers: [['Content-Type', 'application/json'], ['X-Api-Key', 'k1']], body: JSON_BODY } },
      { from: 'app', url: https(host, '/prod/items/42'), init: PUT_JSON },
      { from: 'app', url: https(host, '/prod/items/43'), init: { method: 'DELETE' } },
      { from: 'app', url: https(host, '/prod/orders/7f3c2a10-9b1d-4c8e-a2f4-5d6e7f809a1b') },
      { from: 'app', url: https(host, '/prod/users/7') },
    ],
    expect: {
      api: `https://${host}:{{PS}}/prod`,
      findings: ['BP-INCONSISTENT-ROUTES', 'BP-NO-PREFLIGHT-CACHE'],
      routes: ['GET /items', 'GET /items/{id}', 'POST /items', 'PUT /items/{id}', 'DELETE /items/{id}', 'GET /orders/{id}', 'GET /users/{id}'],
      blocked: 4,
      fixes: [
        { cause: 'rest-preflight', routes: ['PUT /items/{id}', 'DELETE /items/{id}'] },
        { cause: 'rest-gateway-responses', routes: ['GET /orders/{id}', 'GET /users/{id}'] },
      ],
    },
  });
}

// The negative for every finding: allowed, consistent, an allow-listed origin (echoed with Vary: Origin), cached preflights.
{
  const host = 'cleanhttp1.execute-api.us-east-1.amazonaws.com';
  const ok = reply(200, httpApi([echo, vary]), '{"ok":true}');
  scenarios.push({
    id: 'http-api-clean',
    description: 'An HTTP API with three routes, all allowed: the page origin echoed with Vary: Origin, preflights cached for 7200 s',
    routes: {
      [`${host}/items`]: { actual: ok },
      [`${host}/items/1`]: {
        preflight: reply(204, httpApi([echo, ['Access-Control-Allow-Methods', 'GET,PUT'], ['Access-Control-Allow-Headers', 'content-type'], ['Access-Control-Max-Age', '7200'], vary]), ''),
        actual: ok,
      },
    },
    calls: [
      { from: 'app', url: https(host, '/items') },
      { from: 'app', url: https(host, '/items/1') },
      { from: 'app', url: https(host, '/items/1'), init: PUT_JSON },
      { from: 'app', url: https(host, '/items/1'), init: PUT_JSON },
    ],
    expect: { api: `https://${host}:{{PS}}`, findings: [], routes: ['GET /items', 'GET /items/{id}', 'PUT /items/{id}'], blocked: 0 },
  });
}

// ---------------------------------------------------------------------------------------
// BP-WILDCARD-ORIGIN and SEC-WILDCARD-WITH-CREDENTIALS

const wildcard = /** @type {[string, string]} */ (['Access-Control-Allow-Origin', '*']);
scenarios.push({
  id: 'wildcard-from-site',
  description: 'GET from https://app.example.test answered Access-Control-Allow-Origin: *',
  routes: { 'api-wild.example.test/v1/data': { actual: reply(200, [json, wildcard]) } },
  calls: [{ from: 'app', url: https('api-wild.example.test', '/v1/data') }],
  expect: { api: 'https://api-wild.example.test:{{PS}}/v1', findings: ['BP-WILDCARD-ORIGIN'] },
});
scenarios.push({
  id: 'wildcard-from-localhost',
  description: 'The same wildcard answer to a page on http://localhost: a developer setup, not production',
  routes: { 'api-wildlocal.example.test/v1/data': { actual: reply(200, [json, wildcard]) } },
  calls: [{ from: 'local', url: https('api-wildlocal.example.test', '/v1/data') }],
  expect: { api: 'https://api-wildlocal.example.test:{{PS}}/v1', findings: [] },
});
scenarios.push({
  id: 'wildcard-public-asset',
  description: 'An image from an S3 bucket with Access-Control-Allow-Origin: * (a public asset)',
  routes: {
    'assets-bucket.s3.us-east-1.amazonaws.com/img/logo.png': {
      actual: reply(200, [['Content-Type', 'image/png'], wildcard, ['x-amz-id-2', 'dGhpcyBpcyBhbiBleGFtcGxlIGlkLTI='], ['x-amz-request-id', 'C73715EFC96D2350'], ['Server', 'AmazonS3']], 'PNG'),
    },
  },
  calls: [{ from: 'app', url: https('assets-bucket.s3.us-east-1.amazonaws.com', '/img/logo.png') }],
  expect: { api: 'https://assets-bucket.s3.us-east-1.amazonaws.com:{{PS}}', findings: [] },
});
scenarios.push({
  id: 'wildcard-with-credentials',
  description: 'Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true (the uncredentialed call passes)',
  routes: { 'api-wildcred.example.test/v1/data': { actual: reply(200, [json, wildcard, credTrue]) } },
  calls: [{ from: 'app', url: https('api-wildcred.example.test', '/v1/data'), init: { credentials: 'omit' } }],
  expect: { api: 'https://api-wildcred.example.test:{{PS}}/v1', findings: ['BP-WILDCARD-ORIGIN', 'SEC-WILDCARD-WITH-CREDENTIALS'] },
});

// ---------------------------------------------------------------------------------------
// BP-NO-PREFLIGHT-CACHE

/** @param {string|null} maxAge */
const putPreflight = (maxAge) => reply(204, [echo, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Allow-Headers', 'content-type'], ...(maxAge ? /** @type {Headers} */ ([['Access-Control-Max-Age', maxAge]]) : []), vary], '');
const okEcho = reply(200, [json, echo, vary], '{"ok":true}');
scenarios.push({
  id: 'preflight-no-max-age',
  description: 'PUT twice, 6 s apart, to one URL: the preflight has no Access-Control-Max-Age, so the second PUT is preflighted again',
  routes: { 'api-nocache.example.test/v1/items/1': { preflight: putPreflight(null), actual: okEcho } },
  calls: [
    { from: 'app', url: https('api-nocache.example.test', '/v1/items/1'), init: PUT_JSON },
    { from: 'app', url: https('api-nocache.example.test', '/v1/items/1'), init: PUT_JSON, waitBeforeMs: 6000 },
  ],
  expect: { api: 'https://api-nocache.example.test:{{PS}}/v1', findings: ['BP-NO-PREFLIGHT-CACHE'] },
});
scenarios.push({
  id: 'preflight-max-age-7200',
  description: 'PUT twice to one URL with Access-Control-Max-Age: 7200: one preflight, the second PUT uses the cache',
  routes: { 'api-cached.example.test/v1/items/1': { preflight: putPreflight('7200'), actual: okEcho } },
  calls: [
    { from: 'app', url: https('api-cached.example.test', '/v1/items/1'), init: PUT_JSON },
    { from: 'app', url: https('api-cached.example.test', '/v1/items/1'), init: PUT_JSON },
  ],
  expect: { api: 'https://api-cached.example.test:{{PS}}/v1', findings: [] },
});
scenarios.push({
  id: 'preflight-cache-disabled',
  description: 'PUT twice to one URL with Access-Control-Max-Age: 600 while the cache is disabled (DevTools\' "Disable cache"): two preflights',
  routes: { 'api-nocachedt.example.test/v1/items/1': { preflight: putPreflight('600'), actual: okEcho } },
  calls: [
    { from: 'http', url: https('api-nocachedt.example.test', '/v1/items/1'), init: PUT_JSON, cacheDisabled: true },
    { from: 'http', url: https('api-nocachedt.example.test', '/v1/items/1'), init: PUT_JSON, cacheDisabled: true },
  ],
  expect: { api: 'https://api-nocachedt.example.test:{{PS}}/v1', findings: ['BP-NO-PREFLIGHT-CACHE'] },
});

// ---------------------------------------------------------------------------------------
// BP-INCONSISTENT-ROUTES (the negative is http-api-clean)

{
  /** @param {string} headers */
  const pf = (headers) => reply(204, [echo, ['Access-Control-Allow-Methods', 'POST'], ['Access-Control-Allow-Headers', headers], ['Access-Control-Max-Age', '7200'], vary], '');
  const post = { method: 'POST', headers: /** @type {Array<[string, string]>} */ ([['Content-Type', 'application/json'], ['X-Api-Key', 'k1']]), body: JSON_BODY };
  scenarios.push({
    id: 'routes-differ-allow-headers',
    description: 'Two routes of one API allow different request headers (both calls pass)',
    routes: {
      'api-incons.example.test/v1/orders': { preflight: pf('content-type,x-api-key'), actual: okEcho },
      'api-incons.example.test/v1/invoices': { preflight: pf('content-type,x-api-key,x-request-id'), actual: okEcho },
    },
    calls: [
      { from: 'app', url: https('api-incons.example.test', '/v1/orders'), init: post },
      { from: 'app', url: https('api-incons.example.test', '/v1/invoices'), init: post },
    ],
    expect: { api: 'https://api-incons.example.test:{{PS}}/v1', findings: ['BP-INCONSISTENT-ROUTES'] },
  });
}

// ---------------------------------------------------------------------------------------
// SEC-REFLECTED-ORIGIN, SEC-MISSING-VARY-ORIGIN

const credGet = { credentials: 'include' };
scenarios.push({
  id: 'reflects-any-origin',
  description: 'Two sites call with credentials; the API echoes each Origin with Access-Control-Allow-Credentials: true',
  routes: { 'api-reflect.example.test/v1/me': { actual: reply(200, [json, echo, credTrue, vary]) } },
  calls: [
    { from: 'app', url: https('api-reflect.example.test', '/v1/me'), init: credGet },
    { from: 'other', url: https('api-reflect.example.test', '/v1/me'), init: credGet },
  ],
  expect: { api: 'https://api-reflect.example.test:{{PS}}/v1', findings: ['SEC-REFLECTED-ORIGIN'] },
});
scenarios.push({
  id: 'allow-list-one-origin',
  description: 'Two sites call; the API allows only app.example.test (echoed with Vary: Origin), the other site gets no CORS headers',
  routes: { 'api-allowlist.example.test/v1/me': { actual: [reply(200, [json, echo, credTrue, vary]), reply(200, [json, vary])] } },
  calls: [
    { from: 'app', url: https('api-allowlist.example.test', '/v1/me'), init: credGet },
    { from: 'other', url: https('api-allowlist.example.test', '/v1/me'), init: credGet },
  ],
  expect: { api: 'https://api-allowlist.example.test:{{PS}}/v1', findings: [] },
});
scenarios.push({
  id: 'missing-vary-origin',
  description: 'The same allow-list without Vary: Origin: the answer depends on the request origin, and a cache could serve it to the other one',
  routes: { 'api-novary.example.test/v1/me': { actual: [reply(200, [json, echo]), reply(200, [json])] } },
  calls: [
    { from: 'app', url: https('api-novary.example.test', '/v1/me') },
    { from: 'other', url: https('api-novary.example.test', '/v1/me') },
  ],
  expect: { api: 'https://api-novary.example.test:{{PS}}/v1', findings: ['SEC-MISSING-VARY-ORIGIN'] },
});

// ---------------------------------------------------------------------------------------
// SEC-NULL-ORIGIN, SEC-HTTP-ORIGIN-TRUSTED

scenarios.push({
  id: 'allows-null-origin',
  description: 'The API answers Access-Control-Allow-Origin: null (the page, https://app.example.test, is refused)',
  routes: { 'api-null.example.test/v1/data': { actual: reply(200, [json, ['Access-Control-Allow-Origin', 'null'], vary]) } },
  calls: [{ from: 'app', url: https('api-null.example.test', '/v1/data') }],
  expect: { api: 'https://api-null.example.test:{{PS}}/v1', findings: ['SEC-NULL-ORIGIN'] },
});
scenarios.push({
  id: 'http-origin-with-credentials',
  description: 'The https API allows the http page origin http://app.example.test with credentials',
  routes: { 'api-httpcred.example.test/v1/me': { actual: reply(200, [json, echo, credTrue, vary]) } },
  calls: [{ from: 'http', url: https('api-httpcred.example.test', '/v1/me'), init: credGet }],
  expect: { api: 'https://api-httpcred.example.test:{{PS}}/v1', findings: ['SEC-HTTP-ORIGIN-TRUSTED'] },
});
scenarios.push({
  id: 'https-origin-with-credentials',
  description: 'The same API called with credentials from the https page origin',
  routes: { 'api-httpscred.example.test/v1/me': { actual: reply(200, [json, echo, credTrue, vary]) } },
  calls: [{ from: 'app', url: https('api-httpscred.example.test', '/v1/me'), init: credGet }],
  expect: { api: 'https://api-httpscred.example.test:{{PS}}/v1', findings: [] },
});

for (const s of scenarios) for (const c of s.calls) if (!s.routes[keyOf(c.url)]) throw new Error(`${s.id}: no route for ${c.url}`);
