// Browser-truth scenario matrix for CORS Lens, as DATA.
//
// Each scenario is a sequence of fetches issued by the page on origin A (in one Chromium
// session with DevTools open) plus the server behaviour for every URL they touch. The
// generator (scripts/generate-browser-truth.mjs) runs them in order and records what
// Chromium itself decided (CDP Network.loadingFailed.corsErrorStatus) next to the HAR that
// chrome.devtools.network.getHAR() returns.
//
// URLs: <origin>/s/<scenario id>/<route key>. `routes[<route key>]` says how the server
// answers there (see server.mjs for the placeholders {{A}}, {{B}}, {{C}}, {{ID}}, ...).
// A route without a `preflight` reply answers any preflight with a plain 404 (no CORS
// headers), so a preflight shows up as PreflightMissingAllowOriginHeader. `preflight: null`
// says this is deliberate ("does this request trigger a preflight?"); when `preflight` is
// absent, the generator reports a preflight reaching the route as a problem.
//
// `expect` on a fetch is what this matrix believes Chromium does. It is NOT the truth: the
// truth is what the generator records. The generator reports every fetch where the two
// differ, so a Chromium behaviour change is noticed on regeneration.

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {string} [statusText]
 * @property {Array<[string, string]>} [headers]  in wire order; duplicates allowed
 * @property {string} [body]
 * @property {'destroy'|'garbage'} [abort]  destroy the socket / answer with non-HTTP bytes
 * @property {boolean} [truncate]           send half the body, then kill the connection
 * @property {boolean} [noContentLength]    do not add Content-Length
 */
/**
 * @typedef {object} Route
 * @property {Reply|Reply[]|null} [preflight]  answer to OPTIONS + Access-Control-Request-Method
 *   (an array: n-th preflight gets n-th reply, the last repeats)
 * @property {Reply|Reply[]|null} [actual]     answer to anything else
 */
/**
 * @typedef {object} FetchInit  a JSON-serialisable RequestInit
 * @property {string} method
 * @property {Array<[string, string]>} headers
 * @property {string} [body]
 * @property {'omit'|'same-origin'|'include'} credentials
 * @property {'cors'|'no-cors'|'same-origin'} mode
 * @property {'follow'|'manual'|'error'} redirect
 * @property {string} [targetAddressSpace]
 */
/**
 * @typedef {object} Expectation
 * @property {'allowed'|'blocked'|'network-error'|'not-sent'} outcome
 * @property {string|null} corsError
 */
/**
 * @typedef {object} FetchSpec
 * @property {'A'|'B'|'C'|'P'|'Q'|'L'|'CLOSED'} target  origin the fetch goes to
 * @property {'A'|'P'|'Q'|'L'|'W'} [from]   frame that issues it (default: the page A; P and Q
 *                                          are iframes in the "public" address space, Q is
 *                                          also not a secure context; L is http://app.test:<A>;
 *                                          W is A/sw/page, controlled by a service worker)
 * @property {string} route                 route key; URL = <target origin>/s/<id>/<route>
 * @property {FetchInit} init
 * @property {Expectation} expect
 */
/**
 * @typedef {object} Scenario
 * @property {string} id            [a-z0-9-]+, part of every URL
 * @property {string} description
 * @property {string[]} tags
 * @property {Record<string, Route>} routes
 * @property {FetchSpec[]} fetches
 */

// ---------------------------------------------------------------------------------------
// Building blocks (the exported array is plain data; these only save typing)

const ORIGIN = '{{A}}';

/** @type {(v?: string) => [string, string]} */
const acao = (v = ORIGIN) => ['Access-Control-Allow-Origin', v];
/** @type {(v?: string) => [string, string]} */
const acac = (v = 'true') => ['Access-Control-Allow-Credentials', v];
/** @type {(v: string) => [string, string]} */
const acam = (v) => ['Access-Control-Allow-Methods', v];
/** @type {(v: string) => [string, string]} */
const acah = (v) => ['Access-Control-Allow-Headers', v];
/** @type {(v: string) => [string, string]} */
const maxAge = (v) => ['Access-Control-Max-Age', v];
/** @type {[string, string]} */
const varyOrigin = ['Vary', 'Origin'];

/**
 * Plain-text reply.
 * @param {number} status @param {Array<[string, string]>} [headers] @returns {Reply}
 */
const text = (status, headers = []) => ({
  status,
  headers: [['Content-Type', 'text/plain; charset=utf-8'], ...headers],
  body: `status ${status} for {{ID}}`,
});
/**
 * JSON reply.
 * @param {number} status @param {unknown} obj @param {Array<[string, string]>} [headers] @returns {Reply}
 */
const json = (status, obj, headers = []) => ({
  status,
  headers: [['Content-Type', 'application/json'], ...headers],
  body: JSON.stringify(obj),
});
/**
 * Amazon API Gateway shaped reply ({"message": ...} + x-amzn-* headers).
 * @param {number} status @param {string|null} message @param {string|null} errorType
 * @param {Array<[string, string]>} [extra] @returns {Reply}
 */
const aws = (status, message, errorType, extra = []) =>
  json(status, { message }, [
    ['Connection', 'keep-alive'],
    ['x-amzn-RequestId', '5b0c3f6e-8d1a-4c61-9f0e-2b7d4a1c9e01'],
    ...(errorType ? /** @type {Array<[string, string]>} */ ([['x-amzn-ErrorType', errorType]]) : []),
    ['x-amz-apigw-id', 'Qm3xKHsLoAMEbCw='],
    ...extra,
  ]);
/**
 * Preflight reply.
 * @param {Array<[string, string]>} headers @param {number} [status] @returns {Reply}
 */
const pf = (headers, status = 204) => ({ status, headers });
/** A preflight reply that allows the page origin, the given methods and headers. */
const pfAllow = (/** @type {string} */ methods, /** @type {string|null} */ headers = null, /** @type {Array<[string,string]>} */ extra = []) =>
  pf([acao(), acam(methods), ...(headers ? [acah(headers)] : /** @type {Array<[string,string]>} */ ([])), varyOrigin, ...extra]);
/** Actual reply that passes the CORS check for non-credentialed requests. */
const okActual = text(200, [acao(), varyOrigin]);
/** Actual reply for credentialed requests. */
const okActualCred = text(200, [acao(), acac(), varyOrigin]);

/** @type {Expectation} */
const OK = { outcome: 'allowed', corsError: null };
/** @param {string} corsError @returns {Expectation} */
const BLOCK = (corsError) => ({ outcome: 'blocked', corsError });
/** @type {Expectation} */
const NETERR = { outcome: 'network-error', corsError: null };
/** @type {Expectation} */
const NOT_SENT = { outcome: 'not-sent', corsError: null };

/**
 * @param {Partial<FetchInit>} init @returns {FetchInit}
 */
const mkInit = (init) => ({
  method: 'GET',
  headers: [],
  credentials: 'same-origin',
  mode: 'cors',
  redirect: 'follow',
  ...init,
});
/**
 * @param {string} route @param {Partial<FetchInit>} init @param {Expectation} expect
 * @param {FetchSpec['target']} [target] @returns {FetchSpec}
 */
const f = (route, init, expect, target = 'B') => ({ target, route, init: mkInit(init), expect });
/**
 * A fetch issued from one of the "public" iframes.
 * @param {'P'|'Q'|'L'|'W'} from @param {string} route @param {Partial<FetchInit>} init @param {Expectation} expect
 * @param {FetchSpec['target']} [target] @returns {FetchSpec}
 */
const fFrom = (from, route, init, expect, target = 'B') => ({ from, target, route, init: mkInit(init), expect });

/** @type {Scenario[]} */
const scenarios = [];
/**
 * @param {string} id @param {string} description @param {string[]} tags
 * @param {Record<string, Route>} routes @param {FetchSpec[]} fetches
 */
const add = (id, description, tags, routes, fetches) => {
  scenarios.push({ id, description, tags, routes, fetches });
};
/**
 * One fetch to B, route "r".
 * @param {string} id @param {string} description @param {string[]} tags
 * @param {Route} route @param {Partial<FetchInit>} init @param {Expectation} expect
 */
const one = (id, description, tags, route, init, expect) => add(id, description, tags, { r: route }, [f('r', init, expect)]);

const PUT = { method: 'PUT', headers: /** @type {Array<[string,string]>} */ ([['Content-Type', 'text/plain']]), body: 'x' };
const INCLUDE = /** @type {const} */ ('include');

// ---------------------------------------------------------------------------------------
// 1. Simple GET: Access-Control-Allow-Origin variants

const acaoCases = /** @type {Array<[string, string, Array<[string,string]>, Expectation]>} */ ([
  ['simple-acao-exact', 'ACAO equals the page origin', [acao()], OK],
  ['simple-acao-missing', 'no ACAO at all', [], BLOCK('MissingAllowOriginHeader')],
  ['simple-acao-star', 'ACAO *', [acao('*')], OK],
  ['simple-acao-api-origin', "ACAO is the API's own origin (other port)", [acao('{{B}}')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-no-port', 'ACAO lacks the port', [acao('http://127.0.0.1')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-trailing-slash', 'ACAO has a trailing slash', [acao('{{A}}/')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-with-path', 'ACAO has a path', [acao('{{A}}/app')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-https', 'ACAO with https scheme', [acao('https://{{HOST_A}}')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-uppercase-scheme', 'ACAO with upper-case scheme HTTP://', [acao('HTTP://{{HOST_A}}')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-localhost', 'ACAO names localhost instead of 127.0.0.1', [acao('http://localhost:{{PORT_A}}')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-uppercase-host', 'ACAO with upper-case host LOCALHOST (also a different host; see named-acao-uppercase-host for a pure case test)', [acao('http://LOCALHOST:{{PORT_A}}')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-null', 'ACAO null', [acao('null')], BLOCK('AllowOriginMismatch')],
  ['simple-acao-two-lines-same', 'two ACAO lines, both the page origin', [acao(), acao()], BLOCK('MultipleAllowOriginValues')],
  ['simple-acao-two-lines-star-and-origin', 'ACAO * and ACAO <origin> on two lines', [acao('*'), acao()], BLOCK('MultipleAllowOriginValues')],
  ['simple-acao-comma-list', 'one ACAO line "<origin>, <other>"', [acao('{{A}}, {{C}}')], BLOCK('MultipleAllowOriginValues')],
  ['simple-acao-space-list', 'one ACAO line "<origin> <other>"', [acao('{{A}} {{C}}')], BLOCK('MultipleAllowOriginValues')],
  ['simple-acao-invalid-scheme-only', 'ACAO "http://"', [acao('http://')], BLOCK('InvalidAllowOriginValue')],
  ['simple-acao-invalid-foo-bar', 'ACAO "foo bar"', [acao('foo bar')], BLOCK('MultipleAllowOriginValues')],
  ['simple-acao-invalid-word', 'ACAO "foo"', [acao('foo')], BLOCK('InvalidAllowOriginValue')],
  ['simple-acao-empty', 'ACAO present with an empty value', [acao('')], BLOCK('InvalidAllowOriginValue')],
  ['simple-acao-surrounding-spaces', 'ACAO with spaces around the value (OWS)', [acao('  {{A}}  ')], OK],
  ['simple-acao-lowercase-name', 'header name access-control-allow-origin in lower case', [['access-control-allow-origin', ORIGIN]], OK],
  ['simple-acao-star-acac-true', 'ACAO * with ACAC true, credentials not included', [acao('*'), acac()], OK],
  ['simple-acao-wildcard-subdomain', 'ACAO http://*.0.0.1 (pattern, not supported)', [acao('http://*.0.0.1:{{PORT_A}}')], BLOCK('InvalidAllowOriginValue')],
  ['simple-acao-quoted', 'ACAO in double quotes', [acao('"{{A}}"')], BLOCK('InvalidAllowOriginValue')],
]);
for (const [id, desc, headers, expect] of acaoCases) {
  one(id, `GET from A to B; ${desc}`, ['simple', 'acao'], { actual: text(200, headers) }, {}, expect);
}

// ACAO case sensitivity needs an origin whose host has letters: L = http://app.test:<port A>
add('named-acao-exact', 'GET from the named origin http://app.test:<A> to B; ACAO equals it', ['simple', 'acao'],
  { r: { actual: text(200, [acao('{{L}}')]) } }, [fFrom('L', 'r', {}, OK)]);
add('named-acao-uppercase-host', 'GET from http://app.test:<A> to B; ACAO http://APP.TEST:<A> (upper-case host)', ['simple', 'acao'],
  { r: { actual: text(200, [acao('http://APP.TEST:{{PORT_L}}')]) } }, [fFrom('L', 'r', {}, BLOCK('AllowOriginMismatch'))]);
add('named-acao-ip-instead-of-name', 'GET from http://app.test:<A> to B; ACAO names the IP http://127.0.0.1:<A>', ['simple', 'acao'],
  { r: { actual: text(200, [acao('{{A}}')]) } }, [fFrom('L', 'r', {}, BLOCK('AllowOriginMismatch'))]);
add('named-acao-uppercase-host-preflight', 'PUT from http://app.test:<A>; preflight ACAO http://APP.TEST:<A>', ['preflight', 'acao'],
  { r: { preflight: pf([acao('http://APP.TEST:{{PORT_L}}'), acam('PUT')]), actual: text(200, [acao('{{L}}')]) } },
  [fFrom('L', 'r', PUT, BLOCK('PreflightAllowOriginMismatch'))]);

// ---------------------------------------------------------------------------------------
// 2. Credentials on simple requests

const credCases = /** @type {Array<[string, string, 'omit'|'same-origin'|'include', Array<[string,string]>, Expectation]>} */ ([
  ['cred-include-star', 'ACAO *', INCLUDE, [acao('*')], BLOCK('WildcardOriginNotAllowed')],
  ['cred-include-star-acac-true', 'ACAO * + ACAC true', INCLUDE, [acao('*'), acac()], BLOCK('WildcardOriginNotAllowed')],
  ['cred-include-exact-acac-true', 'exact ACAO + ACAC true', INCLUDE, [acao(), acac()], OK],
  ['cred-include-exact-acac-True', 'exact ACAO + ACAC True (capital T)', INCLUDE, [acao(), acac('True')], BLOCK('InvalidAllowCredentials')],
  ['cred-include-exact-acac-missing', 'exact ACAO, no ACAC', INCLUDE, [acao()], BLOCK('InvalidAllowCredentials')],
  ['cred-include-exact-acac-false', 'exact ACAO + ACAC false', INCLUDE, [acao(), acac('false')], BLOCK('InvalidAllowCredentials')],
  ['cred-include-exact-acac-1', 'exact ACAO + ACAC 1', INCLUDE, [acao(), acac('1')], BLOCK('InvalidAllowCredentials')],
  ['cred-include-exact-acac-two-lines', 'exact ACAO + two ACAC true lines', INCLUDE, [acao(), acac(), acac()], BLOCK('InvalidAllowCredentials')],
  ['cred-include-exact-acac-spaces', 'exact ACAO + ACAC " true " (OWS)', INCLUDE, [acao(), acac('  true  ')], OK],
  ['cred-include-acao-missing-acac-true', 'no ACAO, ACAC true', INCLUDE, [acac()], BLOCK('MissingAllowOriginHeader')],
  ['cred-include-mismatch-acac-missing', 'mismatched ACAO and no ACAC (which is reported?)', INCLUDE, [acao('{{C}}')], BLOCK('AllowOriginMismatch')],
  ['cred-include-null-acac-true', 'ACAO null + ACAC true', INCLUDE, [acao('null'), acac()], BLOCK('AllowOriginMismatch')],
  ['cred-include-star-acac-missing', 'ACAO * and no ACAC (which is reported?)', INCLUDE, [acao('*')], BLOCK('WildcardOriginNotAllowed')],
  ['cred-same-origin-star', "credentials 'same-origin' (default) with ACAO *", 'same-origin', [acao('*')], OK],
  ['cred-omit-star', "credentials 'omit' with ACAO *", 'omit', [acao('*')], OK],
  ['cred-omit-exact-acac-false', "credentials 'omit', exact ACAO, ACAC false (ignored)", 'omit', [acao(), acac('false')], OK],
]);
for (const [id, desc, credentials, headers, expect] of credCases) {
  one(id, `GET from A to B with credentials '${credentials}'; ${desc}`, ['simple', 'credentials'], { actual: text(200, headers) }, { credentials }, expect);
}
one('cred-include-post-text-allowed', "simple POST text/plain, credentials 'include', exact ACAO + ACAC true", ['simple', 'credentials', 'post'],
  { actual: okActualCred }, { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'hello', credentials: INCLUDE }, OK);

// ---------------------------------------------------------------------------------------
// 3. Status codes on simple requests, with and without ACAO (API Gateway shaped errors)

/** @type {Array<[number, Reply, Reply]>} status, with ACAO, without ACAO */
const statusCases = [
  [200, json(200, { ok: true }, [acao()]), json(200, { ok: true })],
  [403, aws(403, 'Forbidden', 'ForbiddenException', [acao()]), aws(403, 'Forbidden', 'ForbiddenException')],
  [404, json(404, { message: 'Not Found' }, [acao()]), aws(404, 'Not Found', 'NotFoundException')],
  [429, aws(429, 'Too Many Requests', 'TooManyRequestsException', [acao()]), aws(429, 'Too Many Requests', 'TooManyRequestsException')],
  [500, text(500, [acao()]), aws(500, 'Internal server error', null)],
  [502, aws(502, 'Internal server error', null, [acao()]), aws(502, 'Internal server error', null)],
  [504, aws(504, 'Endpoint request timed out', null, [acao()]), aws(504, 'Endpoint request timed out', null)],
];
for (const [status, withAcao, without] of statusCases) {
  one(`status-${status}-with-acao`, `GET answered ${status} with ACAO (JS sees the status)`, ['simple', 'status'], { actual: withAcao }, {}, OK);
  one(`status-${status}-no-acao`, `GET answered ${status} without ACAO`, ['simple', 'status', ...(status >= 400 ? ['aws'] : [])], { actual: without }, {},
    BLOCK('MissingAllowOriginHeader'));
}

// ---------------------------------------------------------------------------------------
// 4. Requests that do / do not need a preflight

// 4a. simple methods and bodies (no preflight route: a preflight would fail)
one('simple-post-text-plain', 'POST text/plain: no preflight', ['simple', 'post', 'no-preflight'], { actual: okActual },
  { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'hello' }, OK);
one('simple-post-text-plain-no-acao', 'POST text/plain without ACAO: no preflight, request reaches the server, response blocked',
  ['simple', 'post', 'no-preflight'], { actual: text(201) }, { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'hello' },
  BLOCK('MissingAllowOriginHeader'));
one('simple-post-text-plain-charset', 'POST text/plain; charset=utf-8: no preflight', ['simple', 'post', 'no-preflight', 'content-type'],
  { actual: okActual }, { method: 'POST', headers: [['Content-Type', 'text/plain; charset=utf-8']], body: 'hello' }, OK);
one('simple-post-form-urlencoded', 'POST application/x-www-form-urlencoded: no preflight', ['simple', 'post', 'no-preflight', 'content-type'],
  { actual: okActual }, { method: 'POST', headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: 'a=1&b=2' }, OK);
one('simple-post-multipart-boundary', 'POST multipart/form-data with boundary: no preflight', ['simple', 'post', 'no-preflight', 'content-type'],
  { actual: okActual }, { method: 'POST', headers: [['Content-Type', 'multipart/form-data; boundary=xyz']], body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--\r\n' }, OK);
one('simple-post-multipart-no-boundary', 'POST multipart/form-data WITHOUT boundary: essence is safelisted, so no preflight',
  ['simple', 'post', 'no-preflight', 'content-type'], { actual: okActual },
  { method: 'POST', headers: [['Content-Type', 'multipart/form-data']], body: 'x' }, OK);
one('simple-head', 'HEAD: safelisted method, no preflight', ['simple', 'no-preflight'], { actual: okActual }, { method: 'HEAD' }, OK);
one('simple-safelisted-headers', 'GET with Accept, Accept-Language, Content-Language safelisted values: no preflight',
  ['simple', 'no-preflight', 'headers'], { actual: okActual },
  { headers: [['Accept', 'application/json'], ['Accept-Language', 'en-GB, de;q=0.8'], ['Content-Language', 'de-DE']] }, OK);
one('simple-lowercase-get', "fetch method 'get' is normalised to GET: no preflight", ['simple', 'method-case', 'no-preflight'],
  { actual: okActual }, { method: 'get' }, OK);
one('simple-lowercase-post', "fetch method 'post' is normalised to POST: no preflight", ['simple', 'method-case', 'no-preflight'],
  { actual: okActual }, { method: 'post', headers: [['Content-Type', 'text/plain']], body: 'x' }, OK);

// 4b. values that make otherwise safelisted headers unsafe (no preflight route → blocked proves a preflight was sent)
/** @type {Array<[string, string, Array<[string,string]>, string, string]>} id, desc, headers, method, ACRH expected */
const triggerHeaderCases = [
  ['ct-json', 'Content-Type application/json', [['Content-Type', 'application/json']], 'POST', 'content-type'],
  ['ct-text-plain-unsafe-byte', 'Content-Type text/plain with a "(" in a parameter', [['Content-Type', 'text/plain; a=(b)']], 'POST', 'content-type'],
  ['ct-two-values', 'two Content-Type values combined ("text/plain, text/html")', [['Content-Type', 'text/plain'], ['Content-Type', 'text/html']], 'POST', 'content-type'],
  ['ct-text-html', 'Content-Type text/html', [['Content-Type', 'text/html']], 'POST', 'content-type'],
  ['accept-unsafe-byte', 'Accept with an unsafe byte ("application/json(")', [['Accept', 'application/json(']], 'GET', 'accept'],
  ['accept-language-129', 'Accept-Language of 129 bytes', [['Accept-Language', 'da, en-GB;q=0.8, en;q=0.7, '.repeat(6).slice(0, 129)]], 'GET', 'accept-language'],
  ['accept-language-unsafe-char', 'Accept-Language with "_" (not in its allowed set)', [['Accept-Language', 'en_US']], 'GET', 'accept-language'],
  ['content-language-unsafe-char', 'Content-Language with "/" ', [['Content-Language', 'de/DE']], 'GET', 'content-language'],
  ['range-suffix', 'Range bytes=-500 (suffix range is not safelisted)', [['Range', 'bytes=-500']], 'GET', 'range'],
  ['range-multi', 'Range bytes=0-1,5-6 (multiple ranges)', [['Range', 'bytes=0-1,5-6']], 'GET', 'range'],
  ['custom-header', 'X-Requested-With header', [['X-Requested-With', 'XMLHttpRequest']], 'GET', 'x-requested-with'],
  ['authorization', 'Authorization header', [['Authorization', 'Bearer abc']], 'GET', 'authorization'],
];
for (const [id, desc, headers, method, acrh] of triggerHeaderCases) {
  const body = method === 'POST' ? 'x' : undefined;
  one(`trigger-${id}-unanswered`, `${desc} triggers a preflight; the server has no preflight handler (404, no CORS headers)`,
    ['preflight', 'trigger', 'headers'], { preflight: null, actual: okActual }, { method, headers, body }, BLOCK('PreflightMissingAllowOriginHeader'));
  one(`trigger-${id}-allowed`, `${desc}; preflight allows "${acrh}"`, ['preflight', 'trigger', 'headers'],
    { preflight: pfAllow('GET, POST', acrh), actual: okActual }, { method, headers, body }, OK);
}
// safelisted by value: no preflight route, must still be allowed
one('simple-accept-language-128', 'Accept-Language of exactly 128 bytes: still safelisted, no preflight', ['simple', 'no-preflight', 'headers'],
  { actual: okActual }, { headers: [['Accept-Language', 'da, en-GB;q=0.8, en;q=0.7, '.repeat(6).slice(0, 128)]] }, OK);
one('simple-range-0-10', 'Range bytes=0-10: safelisted, no preflight', ['simple', 'no-preflight', 'headers', 'range'],
  { actual: { status: 206, headers: [['Content-Type', 'text/plain'], ['Content-Range', 'bytes 0-10/100'], acao()], body: '0123456789A' } },
  { headers: [['Range', 'bytes=0-10']] }, OK);
one('simple-range-open-end', 'Range bytes=5-: safelisted, no preflight', ['simple', 'no-preflight', 'headers', 'range'],
  { actual: { status: 206, headers: [['Content-Type', 'text/plain'], ['Content-Range', 'bytes 5-99/100'], acao()], body: 'x'.repeat(95) } },
  { headers: [['Range', 'bytes=5-']] }, OK);
one('simple-accept-tab', 'Accept containing a TAB (allowed byte): no preflight', ['simple', 'no-preflight', 'headers'],
  { actual: okActual }, { headers: [['Accept', 'application/json,\ttext/plain']] }, OK);
one('simple-csp-report-ct', 'POST application/csp-report (spec exception list): does Chromium preflight?', ['preflight', 'trigger', 'content-type'],
  { preflight: null, actual: okActual }, { method: 'POST', headers: [['Content-Type', 'application/csp-report']], body: '{}' }, BLOCK('PreflightMissingAllowOriginHeader'));

// Chromium additionally safelists some client-hint request headers (not in the Fetch spec):
// measured in Chromium 156, none of these triggers a preflight.
/** @type {Array<[string, string]>} */
const clientHintHeaders = [['DPR', '2'], ['Device-Memory', '8'], ['Viewport-Width', '1280'], ['Width', '640'], ['Save-Data', 'on'], ['RTT', '50'], ['Downlink', '10'], ['ECT', '4g']];
for (const [name, value] of clientHintHeaders) {
  one(`chromium-safelist-${name.toLowerCase()}`, `GET with ${name}: ${value} and no preflight handler: Chromium treats ${name} as safelisted (the Fetch spec does not)`,
    ['simple', 'no-preflight', 'headers', 'chromium-specific'], { preflight: null, actual: okActual }, { headers: [[name, value]] }, OK);
}

// 1024-byte total of safelisted header values (only reachable with client-hint headers in Chromium)
{
  /** @param {number} total */
  const bigSafelisted = (total) => {
    /** @type {Array<[string, string]>} */
    const hs = [];
    const names = ['Accept', 'Accept-Language', 'Content-Language', 'DPR', 'Device-Memory', 'Viewport-Width', 'Width', 'RTT', 'Downlink'];
    let remaining = total;
    for (const name of names) {
      if (remaining <= 0) break;
      const len = Math.min(120, remaining);
      let v;
      if (name === 'Accept') v = 'text/plain,' + 'x'.repeat(len - 11);
      else if (name === 'Accept-Language' || name === 'Content-Language') v = 'en' + 'a'.repeat(len - 2);
      else if (name === 'DPR' || name === 'Device-Memory' || name === 'Downlink') v = '1.' + '0'.repeat(len - 2);
      else v = '0'.repeat(len - 1) + '1';
      hs.push([name, v]);
      remaining -= len;
    }
    return hs;
  };
  one('safelisted-total-1020', 'safelisted header values (incl. Chromium client hints) totalling 1020 bytes: no preflight?', ['simple', 'headers', 'safelist-total', 'chromium-specific'],
    { preflight: null, actual: okActual }, { headers: bigSafelisted(1020) }, OK);
  one('safelisted-total-1030', 'safelisted header values (incl. Chromium client hints) totalling 1030 bytes: preflight expected', ['preflight', 'trigger', 'headers', 'safelist-total', 'chromium-specific'],
    { preflight: null, actual: okActual }, { headers: bigSafelisted(1030) }, BLOCK('PreflightMissingAllowOriginHeader'));
  one('safelisted-total-1030-allowed', 'safelisted values totalling 1030 bytes; preflight allows all of them', ['preflight', 'trigger', 'headers', 'safelist-total', 'chromium-specific'],
    { preflight: pfAllow('GET', 'accept, accept-language, content-language, dpr, device-memory, viewport-width, width, rtt, downlink'), actual: okActual },
    { headers: bigSafelisted(1030) }, OK);
}

// 4c. methods
/** @type {Array<[string, string, string, Expectation, string]>} id, fetch method, ACAM, expect, desc */
const methodCases = [
  ['method-put-allowed', 'PUT', 'GET, PUT', OK, 'PUT; ACAM lists PUT'],
  ['method-put-not-listed', 'PUT', 'GET, POST', BLOCK('MethodDisallowedByPreflightResponse'), 'PUT; ACAM lists GET, POST only'],
  ['method-delete-allowed', 'DELETE', 'DELETE', OK, 'DELETE; ACAM DELETE'],
  ['method-delete-not-listed', 'DELETE', 'GET, PUT', BLOCK('MethodDisallowedByPreflightResponse'), 'DELETE; ACAM lacks it'],
  ['method-patch-allowed', 'PATCH', 'PATCH', OK, 'PATCH; ACAM PATCH'],
  ['method-patch-lowercase-vs-PATCH', 'patch', 'GET, PATCH', BLOCK('MethodDisallowedByPreflightResponse'), "fetch method 'patch' (fetch does not upper-case it); ACAM PATCH"],
  ['method-patch-lowercase-vs-patch', 'patch', 'patch', OK, "fetch method 'patch'; ACAM patch"],
  ['method-put-lowercase-fetch', 'put', 'PUT', OK, "fetch method 'put' (fetch upper-cases it); ACAM PUT"],
  ['method-delete-lowercase-fetch', 'delete', 'DELETE', OK, "fetch method 'delete' (normalised); ACAM DELETE"],
  ['method-put-vs-acam-lowercase', 'PUT', 'get, put', BLOCK('MethodDisallowedByPreflightResponse'), 'PUT; ACAM lists lower-case put'],
  ['method-patch-vs-acam-Patch', 'PATCH', 'Patch', BLOCK('MethodDisallowedByPreflightResponse'), 'PATCH; ACAM Patch (mixed case)'],
  ['method-custom-foo-allowed', 'FOO', 'FOO', OK, 'custom method FOO; ACAM FOO'],
  ['method-custom-foo-not-listed', 'FOO', 'GET, POST, PUT', BLOCK('MethodDisallowedByPreflightResponse'), 'custom method FOO; ACAM lacks it'],
  ['method-custom-foo-vs-lowercase', 'FOO', 'foo', BLOCK('MethodDisallowedByPreflightResponse'), 'custom method FOO; ACAM foo'],
  ['method-options-allowed', 'OPTIONS', 'OPTIONS', OK, 'fetch method OPTIONS (preflighted, then an actual OPTIONS)'],
  ['method-get-acam-missing', 'GET', '', OK, 'GET with a custom header; preflight without ACAM (safelisted methods need no ACAM)'],
];
for (const [id, method, methods, expect, desc] of methodCases) {
  const needsHeader = method === 'GET';
  /** @type {Array<[string,string]>} */
  const pfHeaders = [acao(), varyOrigin];
  if (methods) pfHeaders.push(acam(methods));
  if (needsHeader) pfHeaders.push(acah('X-Custom'));
  one(id, desc, ['preflight', 'method', ...(/[a-z]/.test(method + methods) ? ['method-case'] : [])],
    { preflight: pf(pfHeaders), actual: okActual },
    needsHeader ? { method, headers: [['X-Custom', '1']] } : { method, headers: [['Content-Type', 'text/plain']], body: 'x' }, expect);
}
one('method-put-no-preflight-handler', 'PUT; server has no preflight handler at all (404 without CORS headers)', ['preflight', 'method', 'trigger'],
  { preflight: null, actual: okActual }, PUT, BLOCK('PreflightMissingAllowOriginHeader'));
one('method-post-json-no-acam', 'POST application/json; preflight allows content-type but has no ACAM (POST is safelisted)', ['preflight', 'method'],
  { preflight: pf([acao(), acah('Content-Type')]), actual: okActual },
  { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' }, OK);
one('method-connect-forbidden', 'fetch method CONNECT is a forbidden method: fetch() rejects, nothing is sent', ['not-sent', 'method'],
  { actual: okActual }, { method: 'CONNECT' }, NOT_SENT);
one('method-invalid-token', "fetch method 'GE T' is not a token: fetch() rejects, nothing is sent", ['not-sent', 'method'],
  { actual: okActual }, { method: 'GE T' }, NOT_SENT);

// ---------------------------------------------------------------------------------------
// 5. Preflight answers: ACAO / ACAC / status

/** @type {Array<[string, string, Reply, Partial<FetchInit>, Expectation]>} */
const preflightOriginCases = [
  ['pf-acao-missing', 'preflight 204 with ACAM but no ACAO', pf([acam('PUT')]), PUT, BLOCK('PreflightMissingAllowOriginHeader')],
  ['pf-acao-mismatch', 'preflight ACAO is another origin', pf([acao('{{C}}'), acam('PUT')]), PUT, BLOCK('PreflightAllowOriginMismatch')],
  ['pf-acao-null', 'preflight ACAO null', pf([acao('null'), acam('PUT')]), PUT, BLOCK('PreflightAllowOriginMismatch')],
  ['pf-acao-two-lines', 'preflight has two ACAO lines', pf([acao(), acao(), acam('PUT')]), PUT, BLOCK('PreflightMultipleAllowOriginValues')],
  ['pf-acao-comma-list', 'preflight ACAO "<origin>, <other>"', pf([acao('{{A}}, {{C}}'), acam('PUT')]), PUT, BLOCK('PreflightMultipleAllowOriginValues')],
  ['pf-acao-invalid', 'preflight ACAO "http://"', pf([acao('http://'), acam('PUT')]), PUT, BLOCK('PreflightInvalidAllowOriginValue')],
  ['pf-acao-empty', 'preflight ACAO empty', pf([acao(''), acam('PUT')]), PUT, BLOCK('PreflightInvalidAllowOriginValue')],
  ['pf-acao-trailing-slash', 'preflight ACAO with trailing slash', pf([acao('{{A}}/'), acam('PUT')]), PUT, BLOCK('PreflightAllowOriginMismatch')],
  ['pf-acao-star-omit', 'preflight ACAO *, credentials not included (actual has exact ACAO)', pf([acao('*'), acam('PUT')]), PUT, OK],
  ['pf-acao-star-include', "preflight ACAO *, credentials 'include'", pf([acao('*'), acam('PUT'), acac()]), { ...PUT, credentials: INCLUDE }, BLOCK('PreflightWildcardOriginNotAllowed')],
  ['pf-include-acac-missing', "preflight exact ACAO + ACAM, no ACAC, credentials 'include'", pf([acao(), acam('PUT')]), { ...PUT, credentials: INCLUDE }, BLOCK('PreflightInvalidAllowCredentials')],
  ['pf-include-acac-True', "preflight ACAC True, credentials 'include'", pf([acao(), acam('PUT'), acac('True')]), { ...PUT, credentials: INCLUDE }, BLOCK('PreflightInvalidAllowCredentials')],
  ['pf-include-acac-false', "preflight ACAC false, credentials 'include'", pf([acao(), acam('PUT'), acac('false')]), { ...PUT, credentials: INCLUDE }, BLOCK('PreflightInvalidAllowCredentials')],
  ['pf-include-all-good', "credentials 'include': preflight and actual both exact ACAO + ACAC true", pf([acao(), acam('PUT'), acac()]), { ...PUT, credentials: INCLUDE }, OK],
  ['pf-omit-acac-false', "credentials 'omit', preflight ACAC false (ignored)", pf([acao(), acam('PUT'), acac('false')]), { ...PUT, credentials: 'omit' }, OK],
];
for (const [id, desc, preflight, init, expect] of preflightOriginCases) {
  const cred = init.credentials === INCLUDE;
  one(id, `PUT from A to B; ${desc}`, ['preflight', 'acao', ...(cred ? ['credentials'] : [])],
    { preflight, actual: cred ? okActualCred : okActual }, init, expect);
}
one('pf-include-ok-actual-acac-missing', "credentials 'include': preflight fine, actual response lacks ACAC", ['preflight', 'credentials'],
  { preflight: pf([acao(), acam('PUT'), acac()]), actual: text(200, [acao()]) }, { ...PUT, credentials: INCLUDE }, BLOCK('InvalidAllowCredentials'));
one('pf-include-ok-actual-star', "credentials 'include': preflight fine, actual response ACAO *", ['preflight', 'credentials'],
  { preflight: pf([acao(), acam('PUT'), acac()]), actual: text(200, [acao('*'), acac()]) }, { ...PUT, credentials: INCLUDE }, BLOCK('WildcardOriginNotAllowed'));

// preflight status codes, with and without CORS headers
/** @type {Array<[number, (h: Array<[string,string]>) => Reply, string]>} */
const pfStatusCases = [
  [200, (h) => ({ status: 200, headers: [['Content-Type', 'text/plain'], ...h], body: '' }), ''],
  [204, (h) => pf(h, 204), ''],
  [301, (h) => ({ status: 301, headers: [['Location', '{{C}}/s/{{ID}}/elsewhere'], ...h], body: '' }), ''],
  [302, (h) => ({ status: 302, headers: [['Location', '{{B}}/s/{{ID}}/elsewhere'], ...h], body: '' }), ''],
  [307, (h) => ({ status: 307, headers: [['Location', '{{B}}/s/{{ID}}/elsewhere'], ...h], body: '' }), ''],
  [308, (h) => ({ status: 308, headers: [['Location', '{{C}}/s/{{ID}}/elsewhere'], ...h], body: '' }), ''],
  [400, (h) => json(400, { message: 'Bad Request' }, h), ''],
  [401, (h) => aws(401, 'Unauthorized', 'UnauthorizedException', h), ' (API Gateway authorizer on OPTIONS)'],
  [403, (h) => aws(403, 'Forbidden', 'ForbiddenException', h), ' (API Gateway ForbiddenException)'],
  [404, (h) => json(404, { message: 'Not Found' }, h), ''],
  [405, (h) => ({ status: 405, headers: [['Allow', 'GET, PUT'], ['Content-Type', 'text/plain'], ...h], body: 'Method Not Allowed' }), ''],
  [500, (h) => aws(500, 'Internal server error', null, h), ''],
  [502, (h) => aws(502, 'Internal server error', null, h), ' (Lambda proxy integration error)'],
  [503, (h) => text(503, h), ''],
];
for (const [status, build, note] of pfStatusCases) {
  const okStatus = status >= 200 && status < 300;
  const isRedirect = status >= 300 && status < 400;
  one(`pf-status-${status}-with-cors`, `preflight answered ${status} with ACAO + ACAM${note}`, ['preflight', 'preflight-status', ...(isRedirect ? ['redirect'] : [])],
    { preflight: build([acao(), acam('PUT'), varyOrigin]), actual: okActual }, PUT,
    okStatus ? OK : isRedirect ? BLOCK('PreflightDisallowedRedirect') : BLOCK('PreflightInvalidStatus'));
  // measured: a redirected preflight is reported as PreflightDisallowedRedirect even without
  // ACAO, while a 4xx/5xx preflight without ACAO is reported as a missing ACAO
  one(`pf-status-${status}-no-cors`, `preflight answered ${status} without any CORS header${note}`, ['preflight', 'preflight-status', ...(isRedirect ? ['redirect'] : [])],
    { preflight: build([]), actual: okActual }, PUT, isRedirect ? BLOCK('PreflightDisallowedRedirect') : BLOCK('PreflightMissingAllowOriginHeader'));
}
one('pf-status-403-missing-auth-token', 'preflight 403 {"message":"Missing Authentication Token"} (API Gateway: no OPTIONS method on the resource)',
  ['preflight', 'preflight-status', 'aws'], { preflight: aws(403, 'Missing Authentication Token', 'IncompleteSignatureException'), actual: okActual }, PUT,
  BLOCK('PreflightMissingAllowOriginHeader'));
one('pf-status-403-missing-auth-token-with-acao', 'preflight 403 Missing Authentication Token, but with ACAO (gateway response configured)',
  ['preflight', 'preflight-status', 'aws'],
  { preflight: aws(403, 'Missing Authentication Token', 'IncompleteSignatureException', [acao('*')]), actual: okActual }, PUT,
  BLOCK('PreflightInvalidStatus'));
one('pf-status-500-acao-mismatch', 'preflight 500 with a mismatching ACAO (which check wins?)', ['preflight', 'preflight-status', 'order'],
  { preflight: text(500, [acao('{{C}}'), acam('PUT')]), actual: okActual }, PUT, BLOCK('PreflightAllowOriginMismatch'));
one('pf-status-403-star-include', "preflight 403 with ACAO *, credentials 'include' (which check wins?)", ['preflight', 'preflight-status', 'order', 'credentials'],
  { preflight: aws(403, 'Forbidden', 'ForbiddenException', [acao('*')]), actual: okActualCred }, { ...PUT, credentials: INCLUDE },
  BLOCK('PreflightWildcardOriginNotAllowed'));
one('pf-status-401-include-no-acac', "preflight 401 with exact ACAO, no ACAC, credentials 'include' (which check wins?)", ['preflight', 'preflight-status', 'order', 'credentials'],
  { preflight: aws(401, 'Unauthorized', 'UnauthorizedException', [acao(), acam('PUT')]), actual: okActualCred }, { ...PUT, credentials: INCLUDE },
  BLOCK('PreflightInvalidAllowCredentials'));
one('pf-status-200-actual-500-with-acao', 'preflight fine; actual 500 with ACAO: JS sees 500', ['preflight', 'status'],
  { preflight: pfAllow('PUT'), actual: aws(500, 'Internal server error', null, [acao()]) }, PUT, OK);
one('pf-ok-actual-502-no-acao', 'preflight fine; actual 502 (Lambda error) without ACAO', ['preflight', 'status', 'aws'],
  { preflight: pfAllow('PUT'), actual: aws(502, 'Internal server error', null) }, PUT, BLOCK('MissingAllowOriginHeader'));
one('pf-ok-actual-no-acao', 'preflight fine; actual 200 without ACAO (proxy integration forgot the header)', ['preflight', 'status', 'aws'],
  { preflight: pfAllow('PUT'), actual: json(200, { ok: true }) }, PUT, BLOCK('MissingAllowOriginHeader'));
one('pf-ok-actual-mismatch', 'preflight fine; actual ACAO mismatches', ['preflight', 'acao'],
  { preflight: pfAllow('PUT'), actual: text(200, [acao('{{C}}')]) }, PUT, BLOCK('AllowOriginMismatch'));
one('pf-ok-actual-403-aws-no-acao', 'preflight fine; actual 403 ForbiddenException without ACAO (gateway response without CORS)',
  ['preflight', 'status', 'aws'], { preflight: pfAllow('PUT'), actual: aws(403, 'Forbidden', 'ForbiddenException') }, PUT,
  BLOCK('MissingAllowOriginHeader'));

// ---------------------------------------------------------------------------------------
// 6. Access-Control-Allow-Methods details

/** @type {Array<[string, string, string[], Partial<FetchInit>, Expectation]>} id, desc, ACAM lines, init, expect */
const acamCases = [
  ['acam-star-omit', 'ACAM * without credentials', ['*'], PUT, OK],
  ['acam-star-include', "ACAM * with credentials 'include' (then * is a literal method name)", ['*'], { ...PUT, credentials: INCLUDE }, BLOCK('MethodDisallowedByPreflightResponse')],
  ['acam-star-and-put-include', "ACAM '*, PUT' with credentials 'include'", ['*, PUT'], { ...PUT, credentials: INCLUDE }, OK],
  ['acam-invalid-space-in-token', 'ACAM "GET, PU T"', ['GET, PU T'], PUT, BLOCK('InvalidAllowMethodsPreflightResponse')],
  ['acam-invalid-semicolon', 'ACAM "GET;PUT"', ['GET;PUT'], PUT, BLOCK('InvalidAllowMethodsPreflightResponse')],
  ['acam-invalid-slash', 'ACAM "GET/PUT"', ['GET/PUT'], PUT, BLOCK('InvalidAllowMethodsPreflightResponse')],
  ['acam-empty-items', 'ACAM "GET,,PUT" (empty list items)', ['GET,,PUT'], PUT, OK],
  ['acam-trailing-comma', 'ACAM "PUT,"', ['PUT,'], PUT, OK],
  ['acam-empty-value', 'ACAM present but empty', [''], PUT, BLOCK('MethodDisallowedByPreflightResponse')],
  ['acam-two-lines', 'ACAM on two lines: "GET" and "PUT"', ['GET', 'PUT'], PUT, OK],
  ['acam-no-spaces', 'ACAM "GET,PUT,DELETE" without spaces', ['GET,PUT,DELETE'], PUT, OK],
  ['acam-surrounding-spaces', 'ACAM "  PUT  "', ['  PUT  '], PUT, OK],
  ['acam-invalid-put-not-needed', 'ACAM invalid ("GET;POST") for a POST that only needs a header check', ['GET;POST'],
    { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' }, BLOCK('InvalidAllowMethodsPreflightResponse')],
];
for (const [id, desc, lines, init, expect] of acamCases) {
  const cred = init.credentials === INCLUDE;
  /** @type {Array<[string,string]>} */
  const h = [acao(), ...(cred ? [acac()] : []), ...lines.map(acam)];
  if (init.method === 'POST') h.push(acah('Content-Type'));
  one(id, `${init.method} from A to B; ${desc}`, ['preflight', 'acam', ...(cred ? ['credentials'] : [])],
    { preflight: pf(h), actual: cred ? okActualCred : okActual }, init, expect);
}

// ---------------------------------------------------------------------------------------
// 7. Access-Control-Allow-Headers details

/** @type {Array<[string, string, Array<[string,string]>, string[], 'omit'|'same-origin'|'include', Expectation]>} */
const acahCases = [
  ['acah-missing', 'X-Custom; no ACAH', [['X-Custom', '1']], [], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-listed', 'X-Custom; ACAH X-Custom', [['X-Custom', '1']], ['X-Custom'], 'same-origin', OK],
  ['acah-case-differs', 'X-Custom; ACAH x-CUSTOM', [['X-Custom', '1']], ['x-CUSTOM'], 'same-origin', OK],
  ['acah-star-omit', 'X-Custom; ACAH * without credentials', [['X-Custom', '1']], ['*'], 'same-origin', OK],
  ['acah-star-include', "X-Custom; ACAH * with credentials 'include'", [['X-Custom', '1']], ['*'], INCLUDE, BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-star-authorization-omit', 'Authorization; ACAH * without credentials (spec: * never covers Authorization)', [['Authorization', 'Bearer abc']], ['*'], 'same-origin', OK],
  ['acah-star-authorization-include', "Authorization; ACAH * with credentials 'include'", [['Authorization', 'Bearer abc']], ['*'], INCLUDE, BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-star-plus-authorization-omit', "Authorization + X-Custom; ACAH '*, Authorization'", [['Authorization', 'Bearer abc'], ['X-Custom', '1']], ['*, Authorization'], 'same-origin', OK],
  ['acah-star-plus-authorization-include', "Authorization + X-Custom; ACAH '*, Authorization', credentials 'include'", [['Authorization', 'Bearer abc'], ['X-Custom', '1']], ['*, Authorization'], INCLUDE, BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-star-custom-and-authorization-omit', 'Authorization + X-Custom; ACAH * without credentials', [['Authorization', 'Bearer abc'], ['X-Custom', '1']], ['*'], 'same-origin', OK],
  ['acah-invalid-space', 'X-Custom; ACAH "X-Custom, X Other"', [['X-Custom', '1']], ['X-Custom, X Other'], 'same-origin', BLOCK('InvalidAllowHeadersPreflightResponse')],
  ['acah-invalid-semicolon', 'X-Custom; ACAH "X-Custom;X-Other"', [['X-Custom', '1']], ['X-Custom;X-Other'], 'same-origin', BLOCK('InvalidAllowHeadersPreflightResponse')],
  ['acah-invalid-colon', 'X-Custom; ACAH "X-Custom:1"', [['X-Custom', '1']], ['X-Custom:1'], 'same-origin', BLOCK('InvalidAllowHeadersPreflightResponse')],
  ['acah-empty-items', 'X-A + X-B; ACAH "X-A,,X-B"', [['X-A', '1'], ['X-B', '1']], ['X-A,,X-B'], 'same-origin', OK],
  ['acah-empty-value', 'X-Custom; ACAH empty', [['X-Custom', '1']], [''], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-two-lines', 'X-A + X-B; ACAH on two lines', [['X-A', '1'], ['X-B', '1']], ['X-A', 'X-B'], 'same-origin', OK],
  ['acah-one-of-three-missing', 'X-A, X-B, X-C; ACAH lists X-A and X-C', [['X-A', '1'], ['X-B', '1'], ['X-C', '1']], ['X-A, X-C'], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-two-of-three-missing', 'X-C, X-B, X-A (set in that order); ACAH lists X-B only: which one is reported?', [['X-C', '1'], ['X-B', '1'], ['X-A', '1']], ['X-B'], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-two-missing-insertion-order', 'X-A, X-C, X-B (set in that order); ACAH lists X-B only: insertion order or sorted?', [['X-A', '1'], ['X-C', '1'], ['X-B', '1']], ['X-B'], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-three-missing', 'X-Mid, X-Zulu, X-Alpha (set in that order); no ACAH: which one is reported?', [['X-Mid', '1'], ['X-Zulu', '1'], ['X-Alpha', '1']], [], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-content-type-and-custom-missing', 'Content-Type application/json + X-Api-Key; no ACAH: which one is reported?', [['X-Api-Key', 'k'], ['Content-Type', 'application/json']], [], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-authorization-and-custom-missing', 'Authorization + X-Zed; no ACAH: which is reported?', [['X-Zed', '1'], ['Authorization', 'Bearer abc']], [], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-content-type-missing', 'Content-Type application/json + X-Api-Key; ACAH X-Api-Key only', [['Content-Type', 'application/json'], ['X-Api-Key', 'k']], ['X-Api-Key'], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-aws-default-set', 'Content-Type json + Authorization + X-Api-Key + X-Amz-Date; ACAH is the API Gateway default list', [['Content-Type', 'application/json'], ['Authorization', 'AWS4-HMAC-SHA256 x'], ['X-Api-Key', 'k'], ['X-Amz-Date', '20260101T000000Z']],
    ['Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'], 'same-origin', OK],
  ['acah-aws-default-set-missing-custom', 'API Gateway default ACAH list, request adds X-Request-Id', [['Content-Type', 'application/json'], ['X-Request-Id', 'r1']],
    ['Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token'], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
  ['acah-safelisted-not-listed', 'only safelisted headers with unsafe value (Accept "a(b)"); no ACAH', [['Accept', 'a(b)']], [], 'same-origin', BLOCK('HeaderDisallowedByPreflightResponse')],
];
for (const [id, desc, headers, lines, credentials, expect] of acahCases) {
  const cred = credentials === INCLUDE;
  const hasBody = headers.some(([n]) => n === 'Content-Type');
  one(id, `${hasBody ? 'POST' : 'GET'} from A to B; ${desc}`, ['preflight', 'acah', ...(cred ? ['credentials'] : []), ...(headers.some(([n]) => n === 'Authorization') ? ['authorization'] : [])],
    { preflight: pf([acao(), ...(cred ? [acac()] : []), ...lines.map(acah)]), actual: cred ? okActualCred : okActual },
    { method: hasBody ? 'POST' : 'GET', headers, body: hasBody ? '{}' : undefined, credentials }, expect);
}

// which check comes first inside the preflight
one('order-pf-acam-and-acah-both-fail', 'PUT + X-Custom; ACAM and ACAH both lack them: method or header first?', ['preflight', 'order'],
  { preflight: pf([acao(), acam('GET'), acah('X-Other')]), actual: okActual }, { method: 'PUT', headers: [['X-Custom', '1']] },
  BLOCK('MethodDisallowedByPreflightResponse'));
one('order-pf-acam-invalid-acah-missing', 'PUT + X-Custom; ACAM invalid and ACAH missing', ['preflight', 'order'],
  { preflight: pf([acao(), acam('PU T')]), actual: okActual }, { method: 'PUT', headers: [['X-Custom', '1']] },
  BLOCK('InvalidAllowMethodsPreflightResponse'));
one('order-pf-acam-ok-acah-invalid', 'PUT + X-Custom; ACAM ok, ACAH invalid', ['preflight', 'order'],
  { preflight: pf([acao(), acam('PUT'), acah('X Custom')]), actual: okActual }, { method: 'PUT', headers: [['X-Custom', '1']] },
  BLOCK('InvalidAllowHeadersPreflightResponse'));
one('order-pf-acam-missing-acah-invalid', 'PUT + X-Custom; ACAM missing (method disallowed) and ACAH invalid', ['preflight', 'order'],
  { preflight: pf([acao(), acah('X Custom')]), actual: okActual }, { method: 'PUT', headers: [['X-Custom', '1']] },
  BLOCK('InvalidAllowHeadersPreflightResponse'));
one('order-pf-acao-missing-acam-missing', 'PUT; preflight lacks ACAO and ACAM', ['preflight', 'order'],
  { preflight: pf([]), actual: okActual }, PUT, BLOCK('PreflightMissingAllowOriginHeader'));

// ---------------------------------------------------------------------------------------
// 8. Preflight cache

add('pfcache-max-age-600', 'PUT twice to the same URL; preflight has Access-Control-Max-Age: 600, so the second PUT reuses the cached preflight (no OPTIONS)',
  ['preflight', 'preflight-cache'],
  { r: { preflight: pfAllow('PUT', null, [maxAge('600')]), actual: okActual } },
  [f('r', PUT, OK), f('r', PUT, OK)]);
add('pfcache-max-age-0', 'PUT twice; Access-Control-Max-Age: 0, so each PUT gets its own preflight',
  ['preflight', 'preflight-cache'],
  { r: { preflight: pfAllow('PUT', null, [maxAge('0')]), actual: okActual } },
  [f('r', PUT, OK), f('r', PUT, OK)]);
add('pfcache-no-max-age', 'PUT twice immediately; no Max-Age (default 5 s): second PUT served from the preflight cache',
  ['preflight', 'preflight-cache'],
  { r: { preflight: pfAllow('PUT'), actual: okActual } },
  [f('r', PUT, OK), f('r', PUT, OK)]);
add('pfcache-max-age-negative', 'PUT twice; Access-Control-Max-Age: -1', ['preflight', 'preflight-cache'],
  { r: { preflight: pfAllow('PUT', null, [maxAge('-1')]), actual: okActual } },
  [f('r', PUT, OK), f('r', PUT, OK)]);
add('pfcache-max-age-invalid', 'PUT twice; Access-Control-Max-Age: abc', ['preflight', 'preflight-cache'],
  { r: { preflight: pfAllow('PUT', null, [maxAge('abc')]), actual: okActual } },
  [f('r', PUT, OK), f('r', PUT, OK)]);
add('pfcache-extra-header', 'cached preflight for PUT + X-A (Max-Age 600), then PUT + X-A + X-B: new preflight, which only allows X-A',
  ['preflight', 'preflight-cache', 'acah'],
  { r: { preflight: pfAllow('PUT', 'X-A', [maxAge('600')]), actual: okActual } },
  [f('r', { method: 'PUT', headers: [['X-A', '1']] }, OK), f('r', { method: 'PUT', headers: [['X-A', '1'], ['X-B', '2']] }, BLOCK('HeaderDisallowedByPreflightResponse'))]);
add('pfcache-extra-header-second-answer-ok', 'cached preflight for X-A, then X-A + X-B: the second preflight allows both',
  ['preflight', 'preflight-cache', 'acah'],
  { r: { preflight: [pfAllow('PUT', 'X-A', [maxAge('600')]), pfAllow('PUT', 'X-A, X-B', [maxAge('600')])], actual: okActual } },
  [f('r', { method: 'PUT', headers: [['X-A', '1']] }, OK), f('r', { method: 'PUT', headers: [['X-A', '1'], ['X-B', '2']] }, OK)]);
add('pfcache-other-method', 'cached preflight for PUT (Max-Age 600, ACAM PUT), then DELETE: new preflight; the server answers ACAM PUT again',
  ['preflight', 'preflight-cache', 'method'],
  { r: { preflight: pfAllow('PUT', null, [maxAge('600')]), actual: okActual } },
  [f('r', PUT, OK), f('r', { method: 'DELETE' }, BLOCK('MethodDisallowedByPreflightResponse'))]);
add('pfcache-credentials-differ', "cached non-credentialed preflight (Max-Age 600), then the same PUT with credentials 'include': new preflight",
  ['preflight', 'preflight-cache', 'credentials'],
  { r: { preflight: pf([acao(), acam('PUT'), acac(), maxAge('600')]), actual: okActualCred } },
  [f('r', PUT, OK), f('r', { ...PUT, credentials: INCLUDE }, OK)]);
add('pfcache-then-failing-actual', 'cached preflight, then the same PUT whose actual response lacks ACAO (2nd answer): blocked without any OPTIONS',
  ['preflight', 'preflight-cache'],
  { r: { preflight: pfAllow('PUT', null, [maxAge('600')]), actual: [okActual, json(500, { message: 'Internal server error' })] } },
  [f('r', PUT, OK), f('r', PUT, BLOCK('MissingAllowOriginHeader'))]);
add('pfcache-star-then-authorization', 'cached preflight with ACAH * (Max-Age 600) for X-Custom, then a request with Authorization',
  ['preflight', 'preflight-cache', 'authorization'],
  { r: { preflight: pf([acao(), acah('*'), maxAge('600')]), actual: okActual } },
  [f('r', { headers: [['X-Custom', '1']] }, OK), f('r', { headers: [['Authorization', 'Bearer abc']] }, OK)]);

// ---------------------------------------------------------------------------------------
// 9. Redirects of the actual request

/** @param {number} status @param {string} location @param {Array<[string,string]>} [headers] @returns {Reply} */
const redirect = (status, location, headers = []) => ({ status, headers: [['Location', location], ...headers], body: '' });

add('redirect-b-to-b-acao-both', 'GET to B, 302 to B (same origin as the API) with ACAO on both responses', ['redirect'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } }, [f('r', {}, OK)]);
add('redirect-b-to-b-no-acao-on-redirect', 'GET to B, 302 to B; the redirect response lacks ACAO', ['redirect'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final') }, final: { actual: okActual } }, [f('r', {}, BLOCK('MissingAllowOriginHeader'))]);
add('redirect-b-to-b-no-acao-on-final', 'GET to B, 302 to B; the final response lacks ACAO', ['redirect'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200) } }, [f('r', {}, BLOCK('MissingAllowOriginHeader'))]);
add('redirect-b-to-c-final-null', 'GET to B, 302 to C (another origin): Origin becomes null; C answers ACAO null', ['redirect', 'origin-null'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200, [acao('null')]) } }, [f('r', {}, OK)]);
add('redirect-b-to-c-final-star', 'GET to B, 302 to C: C answers ACAO *', ['redirect', 'origin-null'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200, [acao('*')]) } }, [f('r', {}, OK)]);
add('redirect-b-to-c-final-real-origin', 'GET to B, 302 to C: C answers ACAO with the real page origin (but Origin is now null)', ['redirect', 'origin-null'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200, [acao()]) } }, [f('r', {}, BLOCK('AllowOriginMismatch'))]);
add('redirect-b-to-c-final-no-acao', 'GET to B, 302 to C: C answers without ACAO', ['redirect'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200) } }, [f('r', {}, BLOCK('MissingAllowOriginHeader'))]);
add('redirect-b-to-c-redirect-no-acao', 'GET to B, 302 to C; the redirect response itself lacks ACAO', ['redirect'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/final') }, final: { actual: text(200, [acao('*')]) } }, [f('r', {}, BLOCK('MissingAllowOriginHeader'))]);
add('redirect-b-to-c-include-null-acac', "credentials 'include': B 302 to C, C answers ACAO null + ACAC true", ['redirect', 'origin-null', 'credentials'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao(), acac()]) }, final: { actual: text(200, [acao('null'), acac()]) } }, [f('r', { credentials: INCLUDE }, OK)]);
add('redirect-b-to-c-include-star', "credentials 'include': B 302 to C, C answers ACAO *", ['redirect', 'origin-null', 'credentials'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao(), acac()]) }, final: { actual: text(200, [acao('*'), acac()]) } }, [f('r', { credentials: INCLUDE }, BLOCK('WildcardOriginNotAllowed'))]);
add('redirect-b-to-c-to-a', 'GET to B, 302 to C, 302 back to page origin A, which answers without ACAO', ['redirect', 'origin-null'],
  { r: { actual: redirect(302, '{{C}}/s/{{ID}}/hop', [acao()]) }, hop: { actual: redirect(302, '{{A}}/s/{{ID}}/final', [acao('null')]) }, final: { actual: text(200) } },
  [f('r', {}, BLOCK('MissingAllowOriginHeader'))]);
add('redirect-b-to-a-no-acao', 'GET to B, 302 to the page origin A, which answers without ACAO', ['redirect'],
  { r: { actual: redirect(302, '{{A}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200) } }, [f('r', {}, BLOCK('MissingAllowOriginHeader'))]);
add('redirect-b-to-a-acao-null', 'GET to B, 302 to the page origin A, which answers ACAO null', ['redirect', 'origin-null'],
  { r: { actual: redirect(302, '{{A}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200, [acao('null')]) } }, [f('r', {}, OK)]);
add('redirect-a-to-b-acao', 'same-origin GET to A, 302 to B, which answers ACAO <page origin>', ['redirect', 'same-origin'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final') }, final: { actual: okActual } }, [f('r', {}, OK, 'A')]);
add('redirect-a-to-b-no-acao', 'same-origin GET to A, 302 to B, which answers without ACAO', ['redirect', 'same-origin'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final') }, final: { actual: text(200) } }, [f('r', {}, BLOCK('MissingAllowOriginHeader'), 'A')]);
add('redirect-userinfo-cross-origin', 'GET to B, 302 to http://user:pass@C/...', ['redirect', 'credentials-in-url'],
  { r: { actual: redirect(302, 'http://user:pass@{{HOST_C}}/s/{{ID}}/final', [acao()]) }, final: { actual: text(200, [acao('*')]) } },
  [f('r', {}, BLOCK('RedirectContainsCredentials'))]);
add('redirect-userinfo-same-origin', 'GET to B, 302 to http://user:pass@B/... (same origin as the API)', ['redirect', 'credentials-in-url'],
  { r: { actual: redirect(302, 'http://user:pass@{{HOST_B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } },
  [f('r', {}, BLOCK('RedirectContainsCredentials'))]);
add('redirect-301-post', 'POST text/plain, 301 to B: becomes GET without body', ['redirect', 'post'],
  { r: { actual: redirect(301, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } },
  [f('r', { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'payload' }, OK)]);
add('redirect-302-post', 'POST text/plain, 302 to B: becomes GET without body', ['redirect', 'post'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } },
  [f('r', { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'payload' }, OK)]);
add('redirect-303-put', 'preflighted PUT, 303 to B: becomes GET', ['redirect', 'preflight'],
  { r: { preflight: pfAllow('PUT'), actual: redirect(303, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } },
  [f('r', PUT, OK)]);
add('redirect-307-post', 'POST text/plain, 307 to B: stays POST with body', ['redirect', 'post'],
  { r: { actual: redirect(307, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } },
  [f('r', { method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'payload' }, OK)]);
add('redirect-307-put-to-c-preflight-null', 'preflighted PUT, 307 to C: new preflight at C with Origin null; C allows null', ['redirect', 'preflight', 'origin-null'],
  { r: { preflight: pfAllow('PUT'), actual: redirect(307, '{{C}}/s/{{ID}}/final', [acao()]) },
    final: { preflight: pf([acao('null'), acam('PUT')]), actual: text(200, [acao('null')]) } },
  [f('r', PUT, OK)]);
add('redirect-307-put-to-c-preflight-real-origin', 'preflighted PUT, 307 to C: C preflight answers ACAO <page origin> (Origin is null)', ['redirect', 'preflight', 'origin-null'],
  { r: { preflight: pfAllow('PUT'), actual: redirect(307, '{{C}}/s/{{ID}}/final', [acao()]) },
    final: { preflight: pf([acao(), acam('PUT')]), actual: text(200, [acao()]) } },
  [f('r', PUT, BLOCK('PreflightAllowOriginMismatch'))]);
add('redirect-307-put-to-c-no-preflight-handler', 'preflighted PUT, 307 to C, which has no preflight handler', ['redirect', 'preflight'],
  { r: { preflight: pfAllow('PUT'), actual: redirect(307, '{{C}}/s/{{ID}}/final', [acao()]) }, final: { preflight: null, actual: text(200, [acao('*')]) } },
  [f('r', PUT, BLOCK('PreflightMissingAllowOriginHeader'))]);
add('redirect-simple-then-preflight-at-c', 'GET with X-Custom (preflight at B), 302 to C: another preflight at C', ['redirect', 'preflight', 'origin-null'],
  { r: { preflight: pfAllow('GET', 'X-Custom'), actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao()]) },
    final: { preflight: pf([acao('*'), acah('X-Custom')]), actual: text(200, [acao('*')]) } },
  [f('r', { headers: [['X-Custom', '1']] }, OK)]);
add('redirect-authorization-cross-origin', 'GET with Authorization (preflight at B allows it), 302 to C: is Authorization still sent to C?', ['redirect', 'preflight', 'authorization'],
  { r: { preflight: pfAllow('GET', 'Authorization'), actual: redirect(302, '{{C}}/s/{{ID}}/final', [acao()]) },
    final: { preflight: pf([acao('*'), acah('Authorization')]), actual: text(200, [acao('*')]) } },
  [f('r', { headers: [['Authorization', 'Bearer abc']] }, OK)]);
add('redirect-to-closed-port', 'GET to B, 302 to a port nobody listens on', ['redirect', 'network-error'],
  { r: { actual: redirect(302, '{{CLOSED}}/s/{{ID}}/final', [acao()]) } }, [f('r', {}, NETERR)]);
add('redirect-to-data-url', 'GET to B, 302 to a data: URL: a plain network error (net::ERR_UNSAFE_REDIRECT), not a CORS error', ['redirect', 'scheme', 'network-error'],
  { r: { actual: redirect(302, 'data:text/plain,{{ID}}', [acao()]) } }, [f('r', {}, NETERR)]);
add('redirect-to-ftp-url', 'GET to B, 302 to an ftp: URL', ['redirect', 'scheme'],
  { r: { actual: redirect(302, 'ftp://{{HOST_C}}/s/{{ID}}/final', [acao()]) } }, [f('r', {}, BLOCK('CorsDisabledScheme'))]);
add('redirect-manual', "GET to B with redirect:'manual', answered 302: JS resolves with an opaqueredirect (status 0), while CDP reports loadingFailed net::ERR_ABORTED",
  ['redirect', 'redirect-mode'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } }, [f('r', { redirect: 'manual' }, NETERR)]);
add('redirect-error', "GET to B with redirect:'error', answered 302", ['redirect', 'redirect-mode'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final', [acao()]) }, final: { actual: okActual } }, [f('r', { redirect: 'error' }, NETERR)]);
{
  /** @type {Record<string, Route>} */
  const routes = {};
  for (let i = 0; i < 21; i++) routes[`r${i}`] = { actual: redirect(302, `{{B}}/s/{{ID}}/r${i + 1}`, [acao()]) };
  routes.r21 = { actual: okActual };
  add('redirect-too-many', 'GET to B redirected 21 times (limit is 20)', ['redirect', 'network-error'], routes, [f('r0', {}, NETERR)]);
}

// ---------------------------------------------------------------------------------------
// 10. Request modes, same-origin and non-CORS traffic

one('mode-same-origin-to-b', "mode:'same-origin' fetch to B", ['mode'], { actual: okActual }, { mode: 'same-origin' }, BLOCK('DisallowedByMode'));
add('mode-same-origin-to-a', "mode:'same-origin' fetch to A (same origin)", ['mode', 'same-origin'], { r: { actual: text(200) } },
  [f('r', { mode: 'same-origin' }, OK, 'A')]);
add('mode-same-origin-redirect-to-b', "mode:'same-origin' fetch to A that redirects to B: fails as net::ERR_ABORTED with no CORS error and no issue",
  ['mode', 'redirect', 'network-error'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final') }, final: { actual: okActual } }, [f('r', { mode: 'same-origin' }, NETERR, 'A')]);
one('mode-no-cors-get', "mode:'no-cors' GET to B without ACAO: opaque response, not a CORS request", ['mode', 'no-cors'], { actual: text(200) }, { mode: 'no-cors' }, OK);
one('mode-no-cors-get-500-json', "mode:'no-cors' GET to B answered 500 application/json: JS resolves (opaque, status 0), CDP reports net::ERR_ABORTED",
  ['mode', 'no-cors', 'network-error'], { actual: aws(500, 'Internal server error', null) }, { mode: 'no-cors' }, NETERR);
one('mode-no-cors-get-500-text', "mode:'no-cors' GET to B answered 500 text/plain: opaque, JS sees status 0", ['mode', 'no-cors'], { actual: text(500) }, { mode: 'no-cors' }, OK);
one('mode-no-cors-get-200-json', "mode:'no-cors' GET to B answered 200 application/json", ['mode', 'no-cors'], { actual: json(200, { ok: true }) }, { mode: 'no-cors' }, NETERR);
one('mode-no-cors-post-text', "mode:'no-cors' POST text/plain", ['mode', 'no-cors', 'post'], { actual: text(200) },
  { mode: 'no-cors', method: 'POST', headers: [['Content-Type', 'text/plain']], body: 'x' }, OK);
one('mode-no-cors-custom-header', "mode:'no-cors' GET with X-Custom: the header is silently dropped, no preflight", ['mode', 'no-cors', 'headers'],
  { actual: text(200) }, { mode: 'no-cors', headers: [['X-Custom', '1']] }, OK);
one('mode-no-cors-json-content-type', "mode:'no-cors' POST with Content-Type application/json: header dropped, no preflight", ['mode', 'no-cors', 'headers'],
  { actual: text(200) }, { mode: 'no-cors', method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' }, OK);
one('mode-no-cors-put', "mode:'no-cors' with PUT: fetch() rejects synchronously, nothing is sent", ['mode', 'no-cors', 'not-sent'],
  { actual: text(200) }, { mode: 'no-cors', method: 'PUT' }, NOT_SENT);
add('mode-no-cors-redirect-manual', "mode:'no-cors' with redirect:'manual', answered 302", ['mode', 'no-cors', 'redirect-mode'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final') }, final: { actual: text(200) } }, [f('r', { mode: 'no-cors', redirect: 'manual' }, BLOCK('NoCorsRedirectModeNotFollow'))]);
add('mode-no-cors-redirect-error', "mode:'no-cors' with redirect:'error', answered 302", ['mode', 'no-cors', 'redirect-mode'],
  { r: { actual: redirect(302, '{{B}}/s/{{ID}}/final') }, final: { actual: text(200) } }, [f('r', { mode: 'no-cors', redirect: 'error' }, BLOCK('NoCorsRedirectModeNotFollow'))]);
add('mode-no-cors-redirect-manual-no-redirect', "mode:'no-cors' with redirect:'manual' to a URL that does not redirect: refused by the renderer all the same",
  ['mode', 'no-cors', 'redirect-mode'],
  { r: { actual: text(200) } }, [f('r', { mode: 'no-cors', redirect: 'manual' }, BLOCK('NoCorsRedirectModeNotFollow'))]);
add('same-origin-get', 'plain same-origin GET to A (not CORS)', ['same-origin'], { r: { actual: text(200) } }, [f('r', {}, OK, 'A')]);
add('same-origin-put-json', 'same-origin PUT application/json + X-Custom to A: no preflight', ['same-origin'], { r: { actual: text(200) } },
  [f('r', { method: 'PUT', headers: [['Content-Type', 'application/json'], ['X-Custom', '1']], body: '{}' }, OK, 'A')]);
add('same-origin-include-credentials', "same-origin GET with credentials 'include' to A", ['same-origin', 'credentials'], { r: { actual: text(200) } },
  [f('r', { credentials: INCLUDE }, OK, 'A')]);
add('same-origin-404', 'same-origin GET to A answered 404 (not CORS)', ['same-origin', 'status'], { r: { actual: json(404, { message: 'Not Found' }) } },
  [f('r', {}, OK, 'A')]);

// ---------------------------------------------------------------------------------------
// 11. Network errors that are not CORS, and transport failures around CORS

add('neterr-closed-port', 'GET to a port nobody listens on', ['network-error'], { r: { actual: okActual } }, [f('r', {}, NETERR, 'CLOSED')]);
add('neterr-closed-port-preflight', 'PUT to a port nobody listens on (the preflight cannot connect)', ['network-error', 'preflight'],
  { r: { preflight: pfAllow('PUT'), actual: okActual } }, [f('r', PUT, NETERR, 'CLOSED')]);
one('neterr-socket-destroyed', 'GET; the server destroys the socket without answering', ['network-error'], { actual: { status: 0, abort: 'destroy' } }, {}, NETERR);
one('neterr-socket-destroyed-no-cors', "mode:'no-cors' GET; the server destroys the socket", ['network-error', 'no-cors'], { actual: { status: 0, abort: 'destroy' } }, { mode: 'no-cors' }, NETERR);
one('neterr-garbage-response', 'GET; the server answers with bytes that are not HTTP', ['network-error'], { actual: { status: 0, abort: 'garbage' } }, {}, NETERR);
one('neterr-truncated-body', 'GET with ACAO; the body is cut short (Content-Length mismatch): headers fine, body fails', ['network-error'],
  { actual: { status: 200, headers: [['Content-Type', 'text/plain'], ['Content-Length', '100'], acao()], body: 'x'.repeat(60), truncate: true } }, {}, NETERR);
one('neterr-truncated-body-no-acao', 'GET without ACAO; the body is cut short', ['network-error'],
  { actual: { status: 200, headers: [['Content-Type', 'text/plain'], ['Content-Length', '100']], body: 'x'.repeat(60), truncate: true } }, {}, BLOCK('MissingAllowOriginHeader'));
one('neterr-preflight-socket-destroyed', 'PUT; the server destroys the socket on the preflight', ['network-error', 'preflight'],
  { preflight: { status: 0, abort: 'destroy' }, actual: okActual }, PUT, NETERR);
one('neterr-preflight-garbage', 'PUT; the preflight answer is not HTTP', ['network-error', 'preflight'],
  { preflight: { status: 0, abort: 'garbage' }, actual: okActual }, PUT, NETERR);
one('neterr-actual-destroyed-after-preflight', 'PUT; preflight fine, then the socket is destroyed on the actual request', ['network-error', 'preflight'],
  { preflight: pfAllow('PUT'), actual: { status: 0, abort: 'destroy' } }, PUT, NETERR);

// ---------------------------------------------------------------------------------------
// 12. Local Network Access. A → B is loopback → loopback, so nothing trips there unless the
// fetch declares a wrong targetAddressSpace. P and Q are iframes whose ports the generator
// declares "public" (see scripts/generate-browser-truth.mjs).

one('lna-target-address-space-local', "fetch with targetAddressSpace:'local' to a loopback server", ['local-network'],
  { actual: okActual }, { targetAddressSpace: 'local' }, BLOCK('InvalidLocalNetworkAccess'));
one('lna-target-address-space-loopback', "fetch with targetAddressSpace:'loopback' to a loopback server", ['local-network'],
  { actual: okActual }, { targetAddressSpace: 'loopback' }, OK);
/** @type {Reply} */
const okStar = text(200, [acao('*')]);
add('lna-public-to-loopback-get', 'GET from a page in the public address space (secure context) to the loopback API: needs the LNA permission, which headless Chromium denies',
  ['local-network'], { r: { actual: okStar } }, [fFrom('P', 'r', {}, BLOCK('LocalNetworkAccessPermissionDenied'))]);
add('lna-public-to-loopback-put', 'preflighted PUT from a public page to the loopback API', ['local-network', 'preflight'],
  { r: { preflight: pf([acao('*'), acam('PUT')]), actual: okStar } }, [fFrom('P', 'r', PUT, BLOCK('LocalNetworkAccessPermissionDenied'))]);
add('lna-public-target-loopback', "GET from a public page with targetAddressSpace:'loopback'", ['local-network'],
  { r: { actual: okStar } }, [fFrom('P', 'r', { targetAddressSpace: 'loopback' }, BLOCK('LocalNetworkAccessPermissionDenied'))]);
add('lna-public-no-cors', "mode:'no-cors' GET from a public page to the loopback API", ['local-network', 'no-cors'],
  { r: { actual: text(200) } }, [fFrom('P', 'r', { mode: 'no-cors' }, BLOCK('LocalNetworkAccessPermissionDenied'))]);
add('lna-insecure-public-to-loopback', 'GET from a public page that is NOT a secure context (http://public.test) to the loopback API', ['local-network'],
  { r: { actual: okStar } }, [fFrom('Q', 'r', {}, BLOCK('InsecureLocalNetwork'))]);
add('lna-insecure-public-to-loopback-put', 'preflighted PUT from an insecure public page to the loopback API', ['local-network', 'preflight'],
  { r: { preflight: pf([acao('*'), acam('PUT')]), actual: okStar } }, [fFrom('Q', 'r', PUT, BLOCK('InsecureLocalNetwork'))]);
add('lna-public-to-public', 'GET from the public page P to the public page Q (cross-origin, public → public): plain CORS, no LNA',
  ['local-network'], { r: { actual: okStar } }, [fFrom('P', 'r', {}, OK, 'Q')]);
add('lna-public-to-public-no-acao', 'GET from public P to public Q without ACAO: plain CORS failure', ['local-network'],
  { r: { actual: text(200) } }, [fFrom('P', 'r', {}, BLOCK('MissingAllowOriginHeader'), 'Q')]);

// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// 13. Service worker in the middle (fetches from W, a frame controlled by a service worker).
// Measured: when the worker answers, the page's request fails as a plain net::ERR_FAILED with
// no corsErrorStatus; the CORS verdict (if any) is on the worker's own fetch, which the
// generator records separately as cdp.serviceWorkerFetch.

add('sw-opaque-for-cors-request', 'the service worker answers a CORS fetch with an opaque (no-cors) response (Chromium source calls this InvalidResponse, CDP does not report it)',
  ['service-worker', 'network-error'], { 'sw-opaque': { actual: okActual } }, [fFrom('W', 'sw-opaque', {}, NETERR)]);
add('sw-passthrough-allowed', 'the service worker re-fetches the request (fetch(event.request)); the API allows the origin', ['service-worker'],
  { 'sw-passthrough': { actual: okActual } }, [fFrom('W', 'sw-passthrough', {}, OK)]);
add('sw-passthrough-no-acao', "the service worker re-fetches the request; the API sends no ACAO (the worker's fetch is blocked, the page sees a plain network error)",
  ['service-worker', 'network-error'], { 'sw-passthrough': { actual: text(200) } }, [fFrom('W', 'sw-passthrough', {}, NETERR)]);
add('sw-passthrough-preflight-fails', "the service worker re-fetches a PUT; the preflight lacks ACAM (the worker's fetch is blocked, the page sees a plain network error)",
  ['service-worker', 'preflight', 'network-error'], { 'sw-passthrough': { preflight: pf([acao()]), actual: okActual } }, [fFrom('W', 'sw-passthrough', PUT, NETERR)]);
add('sw-not-handled-no-acao', 'fetch from the service-worker controlled frame that the worker does not handle; no ACAO', ['service-worker'],
  { r: { actual: text(200) } }, [fFrom('W', 'r', {}, BLOCK('MissingAllowOriginHeader'))]);

export { scenarios };
export default scenarios;
