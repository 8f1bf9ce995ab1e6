// The out-of-sample truth set: the PARAMETERS of the web-platform-tests CORS suites
// (fetch/api/cors/*.any.js and cors/*.htm in web-platform-tests/wpt), transcribed as facts into this
// project's scenario format (test/browser-truth/scenarios.mjs documents it). No WPT code is used:
// what is kept is, for each WPT test, the request (method, headers, credentials, mode, redirect) and
// what its server answers (status, Access-Control-* headers, Location), with WPT's expectation as
// `expect`. The verdict that counts is the one Chromium records (scripts/generate-browser-truth.mjs
// with TRUTH_SET=wpt → test/fixtures/browser-truth/wpt/).
//
// This set was written without looking at what the core answers for it; it measures the core on
// cases it was not tuned on (README, "out-of-sample agreement").
//
// Mapping of WPT's hosts onto the loopback origins of server.mjs:
//   HTTP_ORIGIN (the test page)                        → A
//   HTTP_REMOTE_ORIGIN ("www1" host)                   → B
//   HTTP_ORIGIN_WITH_DIFFERENT_PORT,
//   HTTP_REMOTE_ORIGIN_WITH_DIFFERENT_PORT             → C
//   HTTPS_* origins                                    → not transcribed (no TLS listener here)
// WPT's helper servers, as their parameters make them answer:
//   preflight.py: ACAO `*` unless an `origin` parameter lists values (one header line each); on a
//     preflight: Access-Control-Max-Age (max_age), -Allow-Headers (allow_headers), -Allow-Methods
//     (allow_methods), status preflight_status (default 200), no Location ever; on the actual request:
//     200 with Access-Control-Expose-Headers for its x-* echo headers.
//   redirect.py: status redirect_status (default 302) with Location; ACAO = the request's Origin and
//     ACAC true when an Origin came, else ACAO `*`; answers a preflight 200 unless redirect_preflight.
//   cors-makeheader.py: ACAO = `origin` parameter or the request's Origin; origin2 adds a second line;
//     headers/credentials/methods → ACAH/ACAC/ACAM; `code` the status, `preflight` the preflight
//     status; Location (when `location` is given) only on a 3xx.
// Not transcribed: values containing NUL (cannot be put on the wire by node's HTTP server), HTTPS
// origins, cookie set/clear sequences across hosts, 304 revalidation (needs the HTTP cache).

/**
 * @typedef {import('./scenarios.mjs').Scenario} Scenario
 * @typedef {import('./scenarios.mjs').Reply} Reply
 * @typedef {import('./scenarios.mjs').FetchInit} FetchInit
 * @typedef {import('./scenarios.mjs').Expectation} Expectation
 * @typedef {import('./scenarios.mjs').FetchSpec} FetchSpec
 * @typedef {Array<[string, string]>} Headers
 */

/** @type {Expectation} */
const OK = { outcome: 'allowed', corsError: null };
/** @param {string} corsError @returns {Expectation} */
const BLOCK = (corsError) => ({ outcome: 'blocked', corsError });

/** @param {Partial<FetchInit>} init @returns {FetchInit} */
const mkInit = (init) => ({ method: 'GET', headers: [], credentials: 'same-origin', mode: 'cors', redirect: 'follow', ...init });
/**
 * @param {string} route @param {Partial<FetchInit>} init @param {Expectation} expect
 * @param {FetchSpec['target']} [target] @returns {FetchSpec}
 */
const f = (route, init, expect, target = 'B') => ({ target, route, init: mkInit(init), expect });

/** @param {number} status @param {Headers} headers @param {string} [body] @returns {Reply} */
const reply = (status, headers, body = '') => ({ status, headers: [['Content-Type', 'text/plain'], ...headers], body });

// preflight.py's answers
const EXPOSE = /** @type {[string, string]} */ (['Access-Control-Expose-Headers', 'x-did-preflight, x-control-request-headers, x-referrer, x-preflight-referrer, x-origin']);
/** @param {string[]} [origins] @returns {Headers} */
const pyAcao = (origins) => (origins ? origins.map((o) => /** @type {[string, string]} */ (['Access-Control-Allow-Origin', o])) : [['Access-Control-Allow-Origin', '*']]);
/**
 * @param {{ origins?: string[], maxAge?: string, allowHeaders?: string, allowMethods?: string, status?: number, credentials?: boolean }} p
 * @returns {Reply}
 */
const pyPreflight = (p) => reply(p.status ?? 200, [
  ...pyAcao(p.origins),
  ...(p.credentials ? /** @type {Headers} */ ([['Access-Control-Allow-Credentials', 'true']]) : []),
  ...(p.maxAge !== undefined ? /** @type {Headers} */ ([['Access-Control-Max-Age', p.maxAge]]) : []),
  ...(p.allowHeaders !== undefined ? /** @type {Headers} */ ([['Access-Control-Allow-Headers', p.allowHeaders]]) : []),
  ...(p.allowMethods !== undefined ? /** @type {Headers} */ ([['Access-Control-Allow-Methods', p.allowMethods]]) : []),
]);
/** @param {{ origins?: string[], credentials?: boolean }} [p] @returns {Reply} */
const pyActual = (p = {}) => reply(200, [
  ...pyAcao(p.origins),
  ...(p.credentials ? /** @type {Headers} */ ([['Access-Control-Allow-Credentials', 'true']]) : []),
  EXPOSE, ['x-did-preflight', '0'],
]);
// redirect.py's answer: ACAO echoes the Origin the hop carries (`origin`), or `*` without one
/** @param {number} status @param {string} location @param {string|null} origin @returns {Reply} */
const pyRedirect = (status, location, origin) => reply(status, [
  ['Cache-Control', 'no-cache'], ['Pragma', 'no-cache'],
  ...(origin === null ? /** @type {Headers} */ ([['Access-Control-Allow-Origin', '*']]) : [['Access-Control-Allow-Origin', origin], ['Access-Control-Allow-Credentials', 'true']]),
  ['Location', location],
]);

/** @type {Scenario[]} */
const scenarios = [];
/**
 * @param {string} id @param {string} description @param {string[]} tags
 * @param {Scenario['routes']} routes @param {FetchSpec[]} fetches
 */
const add = (id, description, tags, routes, fetches) => scenarios.push({ id: `wpt-${id}`, description, tags: ['wpt', ...tags], routes, fetches });

const TARGETS = /** @type {const} */ ([['b', 'B'], ['c', 'C']]);

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-basic.any.js: top.txt with and without `ACAO: *`, in no-cors and cors mode

for (const [t, target] of TARGETS) {
  const star = reply(200, [['Access-Control-Allow-Origin', '*']], 'top');
  add(`basic-${t}-no-cors`, `cors-basic: no-cors GET of a text file (ACAO *) on ${target}: an opaque response`, ['basic', 'no-cors'],
    { r: { actual: star, preflight: null } }, [f('r', { mode: 'no-cors' }, OK, target)]);
  add(`basic-${t}-server-forbids`, `cors-basic: cors GET on ${target}, the server sends no ACAO`, ['basic'],
    { r: { actual: reply(200, [], 'top'), preflight: null } }, [f('r', {}, BLOCK('MissingAllowOriginHeader'), target)]);
  add(`basic-${t}-cors`, `cors-basic: cors GET on ${target}, ACAO *`, ['basic'],
    { r: { actual: star, preflight: null } }, [f('r', {}, OK, target)]);
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-origin.any.js: preflight.py with origin=<page origin> (OK) or origin=<the
// target's own origin> (KO), max_age=0, allow_methods=<method>

for (const [t, target] of TARGETS) {
  for (const method of ['GET', 'POST', 'HEAD', 'PUT']) {
    if (target === 'C' && method !== 'GET') continue; // WPT varies the method on the remote origin only
    for (const ok of [true, false]) {
      const origins = [ok ? '{{A}}' : `{{${target}}}`];
      const preflighted = method === 'PUT';
      add(`origin-${t}-${method.toLowerCase()}-${ok ? 'ok' : 'ko'}`, `cors-origin: ${method} to ${target}, ACAO ${ok ? 'the page origin' : "the target's own origin"}`, ['origin', ...(preflighted ? ['preflight'] : [])],
        { r: { preflight: preflighted ? pyPreflight({ origins, maxAge: '0', allowMethods: method }) : null, actual: pyActual({ origins }) } },
        [f('r', { method }, ok ? OK : BLOCK(preflighted ? 'PreflightAllowOriginMismatch' : 'AllowOriginMismatch'), target)]);
    }
  }
}
// "Allowed origin: \"\"": the test's helper replaces an empty origin by the target's origin
add('origin-b-empty-param', 'cors-origin: origin parameter "" (the helper then uses the target origin)', ['origin'],
  { r: { preflight: null, actual: pyActual({ origins: ['{{B}}'] }) } }, [f('r', {}, BLOCK('AllowOriginMismatch'))]);

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-preflight.any.js (corspreflight.js): preflight.py, ACAO *, max_age=0; "server
// allows" adds allow_methods=<method> and allow_headers=<the non-safelisted names joined by " ,">.

const manyHeaders = /** @type {Headers} */ ([
  ['x-test-header1', 'allowedOrRefused'], ['x-test-header2', 'allowedOrRefused'], ['X-test-header3', 'allowedOrRefused'],
  ['x-test-header-b', 'allowedOrRefused'], ['x-test-header-D', 'allowedOrRefused'], ['x-test-header-C', 'allowedOrRefused'],
  ['x-test-header-a', 'allowedOrRefused'], ['Content-Type', 'allowedOrRefused'],
]);
const safeHeaders = /** @type {Headers} */ ([['Accept', '*'], ['Accept-Language', 'bzh'], ['Content-Language', 'eu']]);
/**
 * @param {string} id @param {string} method @param {boolean} allowed @param {Headers|null} headers @param {Headers|null} safe
 * @param {Expectation} refused
 */
const corsPreflight = (id, method, allowed, headers, safe, refused) => {
  const names = (headers || []).map(([n]) => n.toLowerCase());
  add(`preflight-${id}`, `cors-preflight: ${method}${headers ? ` with ${names.join(', ')}` : ''}${safe ? ' + safelisted headers' : ''}, server ${allowed ? 'allows' : 'refuses'}`, ['preflight'],
    {
      r: {
        preflight: pyPreflight(allowed ? { maxAge: '0', allowMethods: method, ...(headers ? { allowHeaders: names.join(' ,') } : {}) } : { maxAge: '0' }),
        actual: pyActual(),
      },
    },
    [f('r', { method, headers: [...(headers || []), ...(safe || [])] }, allowed ? OK : refused)]);
};
for (const method of ['DELETE', 'PUT', 'PATCH', 'NEW']) {
  corsPreflight(`${method.toLowerCase()}-allows`, method, true, null, null, OK);
  corsPreflight(`${method.toLowerCase()}-refuses`, method, false, null, null, BLOCK('MethodDisallowedByPreflightResponse'));
}
corsPreflight('get-header-allows', 'GET', true, [['x-test-header1', 'allowed']], null, OK);
corsPreflight('get-header-refuses', 'GET', false, [['x-test-header1', 'refused']], null, BLOCK('HeaderDisallowedByPreflightResponse'));
corsPreflight('get-several-allows', 'GET', true, manyHeaders, safeHeaders, OK);
corsPreflight('get-several-refuses', 'GET', false, manyHeaders, safeHeaders, BLOCK('HeaderDisallowedByPreflightResponse'));
corsPreflight('put-several-allows', 'PUT', true, manyHeaders, safeHeaders, OK);
corsPreflight('put-several-refuses', 'PUT', false, manyHeaders, safeHeaders, BLOCK('MethodDisallowedByPreflightResponse'));
corsPreflight('put-safe-only-allows', 'PUT', true, null, safeHeaders, OK);

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-preflight-star.any.js: `*` in Access-Control-Allow-Methods/-Headers, with and
// without credentials (credentials: ACAO = the page origin and ACAC true)

/** @type {Array<[boolean, boolean, string, string, string, Headers, string]>} */
const starCases = [
  [true, false, 'get', 'x-test', 'GET', [['X-Test', '1']], ''],
  [true, false, '*', 'x-test', 'SUPER', [['X-Test', '1']], ''],
  [true, false, '*', '*', 'OK', [['X-Test', '1']], ''],
  [false, true, '*', '*', 'OK', [['X-Test', '1']], 'MethodDisallowedByPreflightResponse'],
  [false, true, '*', '', 'PUT', [], 'MethodDisallowedByPreflightResponse'],
  [true, true, 'PUT', '*', 'PUT', [], ''],
  [false, true, 'get', '*', 'GET', [['X-Test', '1']], 'HeaderDisallowedByPreflightResponse'],
  [false, true, '*', '*', 'GET', [['X-Test', '1']], 'HeaderDisallowedByPreflightResponse'],
  [true, true, '*', '*', '*', [['*', '1']], ''],
  [false, true, 'put', '*', 'PUT', [], 'MethodDisallowedByPreflightResponse'],
];
starCases.forEach(([succeeds, cred, allowMethod, allowHeader, method, headers, error], i) => {
  const origins = cred ? ['{{A}}'] : undefined;
  add(`preflight-star-${i + 1}`, `cors-preflight-star: ${method} ${headers.map(([n]) => n).join(',') || '(no header)'}, ACAM ${JSON.stringify(allowMethod)}, ACAH ${JSON.stringify(allowHeader)}, credentials ${cred ? 'include' : 'same-origin'}`,
    ['preflight', 'star', ...(cred ? ['credentials'] : [])],
    { r: { preflight: pyPreflight({ origins, credentials: cred, allowMethods: allowMethod, allowHeaders: allowHeader }), actual: pyActual({ origins, credentials: cred }) } },
    [f('r', { method, headers, ...(cred ? { credentials: /** @type {const} */ ('include') } : {}) }, succeeds ? OK : BLOCK(error))]);
});

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-preflight-response-validation.any.js: a preflight whose ACAH or ACAM does not
// parse fails; the same URL without the custom header (a simple GET) still works.

/** @type {Array<[string, { allowHeaders: string, allowMethods?: string }, string]>} */
const validationCases = [
  ['bad-acah', { allowHeaders: 'x-force-preflight,header name with space' }, 'InvalidAllowHeadersPreflightResponse'],
  ['bad-acam', { allowHeaders: 'x-force-preflight', allowMethods: 'Bad method name' }, 'InvalidAllowMethodsPreflightResponse'],
];
for (const [id, p, error] of validationCases) {
  add(`preflight-validation-${id}`, `cors-preflight-response-validation: preflight with ${id === 'bad-acah' ? 'an Access-Control-Allow-Headers token with spaces' : 'an Access-Control-Allow-Methods token with spaces'}, then a simple GET`,
    ['preflight', 'parsing'],
    { r: { preflight: pyPreflight({ maxAge: '0', ...p }), actual: pyActual() } },
    [f('r', { headers: [['x-force-preflight', '']] }, BLOCK(error)), f('r', {}, OK)]);
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-preflight-status.any.js: preflight.py answers the preflight with each status,
// WITHOUT a Location header (so a 3xx here is not a redirect); ACAO *, ACAH x-force-preflight.

for (const status of [200, 201, 202, 203, 204, 205, 206, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 501, 502, 503, 504, 505]) {
  const ok = status >= 200 && status < 300;
  add(`preflight-status-${status}`, `cors-preflight-status: preflight answered ${status} (no Location), ACAO * and ACAH x-force-preflight`,
    ['preflight', 'preflight-status', ...(status >= 300 && status < 400 ? ['3xx-without-location'] : [])],
    { r: { preflight: pyPreflight({ maxAge: '0', allowHeaders: 'x-force-preflight', status }), actual: pyActual() } },
    [f('r', { headers: [['x-force-preflight', '']] }, ok ? OK : BLOCK('PreflightInvalidStatus'))]);
}

// ---------------------------------------------------------------------------------------
// cors/preflight-failure.htm: cors-makeheader.py, preflight status = code, ACAO = the Origin,
// ACAH x-test; a 3xx preflight carries a Location (to the same URL on B).

for (const status of [200, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 500, 501, 502, 503, 504, 505, 680, 790]) {
  const ok = status >= 200 && status < 300;
  const is3xx = status >= 300 && status < 400;
  /** @type {Headers} */
  const headers = [['Access-Control-Allow-Origin', '{{A}}'], ['Access-Control-Allow-Headers', 'x-test'], ...(is3xx ? /** @type {Headers} */ ([['Location', '{{B}}/s/{{ID}}/final']]) : [])];
  add(`preflight-failure-${status}`, `cors/preflight-failure: preflight answered ${status}${is3xx ? ' with a Location' : ''}, ACAO = the page origin, ACAH x-test`,
    ['preflight', 'preflight-status', ...(is3xx ? ['redirect'] : [])],
    { r: { preflight: reply(status, headers, '{}'), actual: reply(status, headers, '{}') }, final: { preflight: reply(200, headers), actual: reply(200, headers) } },
    [f('r', { headers: [['x-test', 'test']] }, ok ? OK : BLOCK(is3xx ? 'PreflightDisallowedRedirect' : 'PreflightInvalidStatus'))]);
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-preflight-redirect.any.js: x-force-preflight GET to redirect.py on B, Location
// preflight.py on B. "on preflight": the preflight itself is redirected; "after preflight": the
// preflight gets 200 and the actual request is redirected. WPT expects both to fail.

for (const status of [301, 302, 303, 307, 308]) {
  const acah = /** @type {[string, string]} */ (['Access-Control-Allow-Headers', 'x-force-preflight']);
  const redirectTo = '{{B}}/s/{{ID}}/final';
  const redirectReply = pyRedirect(status, redirectTo, '{{A}}');
  add(`preflight-redirect-${status}-on-preflight`, `cors-preflight-redirect: the preflight is answered ${status} with a Location`, ['preflight', 'redirect'],
    { r: { preflight: { ...redirectReply, headers: [...(redirectReply.headers || []), acah] }, actual: redirectReply }, final: { preflight: pyPreflight({ maxAge: '0', allowHeaders: 'x-force-preflight' }), actual: pyActual() } },
    [f('r', { headers: [['x-force-preflight', '']] }, BLOCK('PreflightDisallowedRedirect'))]);
  add(`preflight-redirect-${status}-after-preflight`, `cors-preflight-redirect: preflight 200, then the actual request is answered ${status} to B`, ['preflight', 'redirect'],
    { r: { preflight: reply(200, [['Access-Control-Allow-Origin', '{{A}}'], ['Access-Control-Allow-Credentials', 'true'], acah]), actual: redirectReply }, final: { preflight: pyPreflight({ maxAge: '0', allowHeaders: 'x-force-preflight' }), actual: pyActual() } },
    [f('r', { headers: [['x-force-preflight', '']] }, OK)]);
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-redirect.any.js: a GET redirected (no preflight) from redirect.py to
// preflight.py (ACAO *): cors → same cors, cors → another cors, same origin → cors, cors → same origin

for (const status of [301, 302, 303, 307, 308]) {
  /** @type {Array<[string, 'A'|'B', 'A'|'B'|'C', string]>} */
  const legs = [
    ['cors-to-same-cors', 'B', 'B', 'from B to B'],
    ['cors-to-another-cors', 'B', 'C', 'from B to C'],
    ['same-origin-to-cors', 'A', 'B', 'from A (same origin) to B'],
    ['cors-to-same-origin', 'B', 'A', 'from B to A (the page origin)'],
  ];
  for (const [id, from, to, desc] of legs) {
    add(`redirect-${status}-${id}`, `cors-redirect: GET ${desc}, ${status}; the final answer has ACAO *`, ['redirect'],
      { r: { preflight: null, actual: pyRedirect(status, `{{${to}}}/s/{{ID}}/final`, from === 'A' ? null : '{{A}}') }, final: { preflight: null, actual: pyActual() } },
      [f('r', {}, OK, from)]);
  }
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-redirect-credentials.any.js: a redirect whose Location carries user info

for (const status of [301, 302, 303, 307, 308]) {
  /** @type {Array<[string, 'A'|'C', 'A'|'B'|'C', string]>} */
  const legs = [
    ['same-origin-to-remote', 'A', 'C', 'from A (same origin) to C'],
    ['remote-to-same-origin', 'C', 'A', 'from C to A'],
    ['remote-to-same-remote', 'C', 'C', 'from C to C'],
    ['remote-to-another-remote', 'C', 'B', 'from C to B'],
  ];
  for (const [legId, from, to, desc] of legs) {
    const userinfos = legId === 'same-origin-to-remote' ? ['', 'user:password', 'user:', ':password'] : ['user:password', 'user:', ':password'];
    for (const userinfo of userinfos) {
      const infoId = userinfo === '' ? 'none' : userinfo === 'user:password' ? 'user-password' : userinfo === 'user:' ? 'user' : 'password';
      const location = `http://${userinfo ? `${userinfo}@` : ''}{{HOST_${to}}}/s/{{ID}}/final`;
      add(`redirect-credentials-${status}-${legId}-${infoId}`, `cors-redirect-credentials: GET ${desc}, ${status}, Location with ${userinfo ? `user info "${userinfo}"` : 'no user info'}`,
        ['redirect', 'userinfo'],
        { r: { preflight: null, actual: pyRedirect(status, location, from === 'A' ? null : '{{A}}') }, final: { preflight: null, actual: pyActual() } },
        [f('r', {}, userinfo ? BLOCK('RedirectContainsCredentials') : OK, from)]);
    }
  }
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-cookies.any.js (the single-host parts): ACAO = the page origin, ACAC true,
// with credentials omit / include / same-origin

for (const credentials of /** @type {const} */ (['omit', 'include', 'same-origin'])) {
  const headers = /** @type {Headers} */ ([['Access-Control-Allow-Origin', '{{A}}'], ['Access-Control-Allow-Credentials', 'true']]);
  add(`cookies-${credentials}`, `cors-cookies: GET to B with credentials ${credentials}; ACAO = the page origin, ACAC true`, ['credentials'],
    { r: { preflight: null, actual: reply(200, headers, 'top') } }, [f('r', { credentials }, OK)]);
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-multiple-origins.js: preflight.py with origin="a, b, c" → one ACAO line each

/** @type {Array<[string, string[], boolean]>} */
const multipleOrigins = [
  ['match-3rd', ['""', 'http://example.com', '{{A}}'], true],
  ['match-3rd-star', ['""', 'http://example.com', '*'], true],
  ['match-twice', ['""', '{{A}}', '{{A}}'], true],
  ['match-twice-star', ['*', 'http://example.com', '*'], true],
  ['no-match', ['', 'http://example.com', 'https://example2.com'], false],
];
for (const [id, origins, wptPasses] of multipleOrigins) {
  add(`multiple-origins-${id}`, `cors-multiple-origins: three ACAO lines ${JSON.stringify(origins)} (WPT's legacy expectation: ${wptPasses ? 'pass' : 'fail'})`, ['acao', 'multiple'],
    { r: { preflight: null, actual: pyActual({ origins }) } }, [f('r', {}, BLOCK('MultipleAllowOriginValues'))]);
}

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-expose-star.js: Access-Control-Expose-Headers * (never part of the verdict)

add('expose-star-basic', 'cors-expose-star: ACAO *, ACEH *, plus Test, Set-Cookie and a header named *', ['expose-headers'],
  { r: { preflight: null, actual: reply(200, [['Access-Control-Expose-Headers', '*'], ['Test', 'X'], ['Set-Cookie', 'X'], ['*', 'whoa'], ['Access-Control-Allow-Origin', '*']], 'top') } },
  [f('r', {}, OK)]);
add('expose-star-credentials', 'cors-expose-star: credentialed; ACAO = the page origin, ACAC true, ACEH *', ['expose-headers', 'credentials'],
  { r: { preflight: null, actual: reply(200, [['Access-Control-Expose-Headers', '*'], ['Test', 'X'], ['Set-Cookie', 'X'], ['*', 'whoa'], ['Access-Control-Allow-Origin', '{{A}}'], ['Access-Control-Allow-Credentials', 'true']], 'top') } },
  [f('r', { credentials: 'include' }, OK)]);
add('expose-star-several', 'cors-expose-star: two ACEH lines, * and set-cookie', ['expose-headers'],
  { r: { preflight: null, actual: reply(200, [['Access-Control-Allow-Origin', '*'], ['Access-Control-Expose-Headers', '*'], ['Access-Control-Expose-Headers', 'set-cookie'], ['Test', 'X'], ['Set-Cookie', 'X']], 'top') } },
  [f('r', {}, OK)]);

// ---------------------------------------------------------------------------------------
// fetch/api/cors/cors-preflight-cache.any.js: POST + x-test-header, Max-Age 12000: the second
// request with the same header name (other value) is served from the preflight cache

add('preflight-cache-max-age-12000', 'cors-preflight-cache: POST with x-test-header twice; ACAM POST, ACAH x-test-header, Max-Age 12000', ['preflight', 'preflight-cache'],
  { r: { preflight: pyPreflight({ maxAge: '12000', allowMethods: 'POST', allowHeaders: 'x-test-header' }), actual: pyActual() } },
  [f('r', { method: 'POST', headers: [['x-test-header', 'test1']] }, OK), f('r', { method: 'POST', headers: [['x-test-header', 'test2']] }, OK)]);

// ---------------------------------------------------------------------------------------
// cors/origin.htm: Access-Control-Allow-Origin values that must pass and that must fail

/** @type {Array<[string, string]>} */
const originPass = [
  ['star', '*'], ['star-spaces', ' *  '], ['star-tab', '\t*'], ['exact', '{{A}}'], ['exact-leading-space', ' {{A}}'],
  ['exact-spaces-tab', ' {{A}}   \t '], ['exact-leading-tab', '\t{{A}}'],
];
for (const [id, value] of originPass) {
  add(`acao-pass-${id}`, `cors/origin: ACAO ${JSON.stringify(value)} allows the page origin`, ['acao'],
    { r: { preflight: null, actual: reply(200, [['Access-Control-Allow-Origin', value]], '{}') } }, [f('r', {}, OK)]);
}
/** @type {Array<[string, string, string]>} */
const originFail = [
  ['subdomain', 'http://www1.{{HOST_A}}', 'AllowOriginMismatch'],
  ['no-scheme', '//{{HOST_A}}', 'InvalidAllowOriginValue'],
  ['colon-slashes', '://{{HOST_A}}', 'InvalidAllowOriginValue'],
  ['ftp', 'ftp://{{HOST_A}}', 'AllowOriginMismatch'],
  ['double-colon', 'http:://{{HOST_A}}', 'InvalidAllowOriginValue'],
  ['one-slash', 'http:/{{HOST_A}}', 'AllowOriginMismatch'],
  ['no-slash', 'http:{{HOST_A}}', 'AllowOriginMismatch'],
  ['host-only', '{{HOST_A}}', 'InvalidAllowOriginValue'],
  ['query', '{{A}}?', 'AllowOriginMismatch'],
  ['slash', '{{A}}/', 'AllowOriginMismatch'],
  ['space-slash', '{{A}} /', 'MultipleAllowOriginValues'],
  ['hash', '{{A}}#', 'AllowOriginMismatch'],
  ['escaped-hash', '{{A}}%23', 'AllowOriginMismatch'],
  ['extra-port', '{{A}}:80', 'AllowOriginMismatch'],
  ['comma-star', '{{A}}, *', 'MultipleAllowOriginValues'],
  ['upper-case', 'HTTP://{{HOST_A}}', 'AllowOriginMismatch'],
  ['dash', '-', 'InvalidAllowOriginValue'],
  ['double-star', '**', 'InvalidAllowOriginValue'],
  ['single-quoted-star', "'*'", 'InvalidAllowOriginValue'],
  ['double-quoted-star', '"*"', 'InvalidAllowOriginValue'],
  ['star-space-star', '* *', 'MultipleAllowOriginValues'],
  ['star-null', '* null', 'MultipleAllowOriginValues'],
  ['star-scheme-star', '*http://*', 'InvalidAllowOriginValue'],
  ['star-origin', '*{{A}}', 'InvalidAllowOriginValue'],
  ['star-space-origin', '* {{A}}', 'MultipleAllowOriginValues'],
  ['star-comma-origin', '*, {{A}}', 'MultipleAllowOriginValues'],
  ['null-space-origin', 'null {{A}}', 'MultipleAllowOriginValues'],
  ['example-net', 'http://example.net', 'AllowOriginMismatch'],
  ['null', 'null', 'AllowOriginMismatch'],
  ['null-star', 'null *', 'MultipleAllowOriginValues'],
  ['empty', '', 'InvalidAllowOriginValue'],
  ['page-url', '{{A}}/cors/origin.htm', 'AllowOriginMismatch'],
  ['page-dir', '{{A}}/cors/', 'AllowOriginMismatch'],
  ['crossdomain', '{{B}}/', 'AllowOriginMismatch'],
  ['parent-domain', '0.0.1:{{PORT_A}}', 'InvalidAllowOriginValue'],
  ['dot-parent-domain', '.0.0.1:{{PORT_A}}', 'InvalidAllowOriginValue'],
  ['star-dot-parent-domain', '*.0.0.1:{{PORT_A}}', 'InvalidAllowOriginValue'],
  ['http-parent-domain', 'http://0.0.1:{{PORT_A}}', 'AllowOriginMismatch'],
  ['http-dot-parent-domain', 'http://.0.0.1:{{PORT_A}}', 'InvalidAllowOriginValue'],
  ['http-star-parent-domain', 'http://*.0.0.1:{{PORT_A}}', 'InvalidAllowOriginValue'],
];
for (const [id, value, error] of originFail) {
  add(`acao-fail-${id}`, `cors/origin: ACAO ${JSON.stringify(value)} does not allow the page origin`, ['acao'],
    { r: { preflight: null, actual: reply(200, [['Access-Control-Allow-Origin', value]], '{}') } }, [f('r', {}, BLOCK(error))]);
}
/** @type {Array<[string, string, string]>} */
const doubleOrigins = [
  ['empty-star', '', '*'], ['star-empty', '*', ''], ['star-star', '*', '*'], ['empty-origin', '', '{{A}}'],
  ['star-origin', '*', '{{A}}'], ['origin-origin', '{{A}}', '{{A}}'],
];
for (const [id, a, b] of doubleOrigins) {
  add(`acao-double-${id}`, `cors/origin: two ACAO lines ${JSON.stringify(a)} and ${JSON.stringify(b)}`, ['acao', 'multiple'],
    { r: { preflight: null, actual: reply(200, [['Access-Control-Allow-Origin', a], ['Access-Control-Allow-Origin', b]], '{}') } },
    [f('r', {}, BLOCK('MultipleAllowOriginValues'))]);
}

// ---------------------------------------------------------------------------------------
// cors/credentials-flag.htm: credentialed GET, ACAO = the Origin, ACAC values other than `true`

for (const [id, value] of [['upper', 'TRUE'], ['capitalised', 'True'], ['quoted', '"true"'], ['false', 'false'], ['one', '1'], ['zero', '0']]) {
  add(`acac-${id}`, `cors/credentials-flag: credentialed GET, Access-Control-Allow-Credentials ${JSON.stringify(value)}`, ['credentials', 'acac'],
    { r: { preflight: null, actual: reply(200, [['Access-Control-Allow-Origin', '{{A}}'], ['Access-Control-Allow-Credentials', value]], '{}') } },
    [f('r', { credentials: 'include' }, BLOCK('InvalidAllowCredentials'))]);
}

// ---------------------------------------------------------------------------------------
// cors/status.htm: the status the page sees, with and without CORS, preflight or not

/** @type {Array<[string, boolean, number|null, number|null, Expectation]>} */
const statusCases = [
  ['1', false, null, 400, BLOCK('MissingAllowOriginHeader')],
  ['2', false, 200, null, BLOCK('PreflightMissingAllowOriginHeader')],
  ['3', true, null, 400, OK],
  ['4', true, 200, 400, OK],
  ['5', true, 400, null, BLOCK('PreflightInvalidStatus')],
];
for (const [id, allow, preflight, response, expect] of statusCases) {
  /** @type {Headers} */
  const cors = allow ? [['Access-Control-Allow-Origin', '{{A}}'], ['Access-Control-Allow-Headers', 'x-custom']] : [];
  add(`status-${id}`, `cors/status #${id}: CORS ${allow ? 'allowed' : 'not allowed'}${preflight ? `, preflight ${preflight}` : ''}${response ? `, response ${response}` : ''}`, ['status', ...(preflight ? ['preflight'] : [])],
    { r: { preflight: preflight ? reply(preflight, cors, '{}') : null, actual: reply(response ?? 200, cors, '{}') } },
    [f('r', { headers: preflight ? [['X-Custom', 'preflight']] : [] }, expect)]);
}

// Sanity: ids are unique and every fetch names a route of its scenario.
{
  const seen = new Set();
  for (const s of scenarios) {
    if (seen.has(s.id)) throw new Error(`duplicate WPT scenario id ${s.id}`);
    seen.add(s.id);
  }
}

export { scenarios };
export default scenarios;
