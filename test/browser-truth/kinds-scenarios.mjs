// Request kinds that are not plain fetch() calls, and statuses that are not what they seem (issue 16, item 3),
// in the scenario format of scenarios.mjs plus `init.kind` (truth-page.mjs loads the URL that way) and
// `init.crossorigin`. Recorded by `TRUTH_SET=kinds npm run truth:generate` into test/fixtures/browser-truth/kinds/.
//
// What decides whether CORS applies is the request's mode (Fetch, "request mode"), which Chromium sends as
// Sec-Fetch-Mode and the server logs in `wire`: a WebSocket handshake is "websocket", <img>/<script>/<link>
// without `crossorigin` and a text/plain sendBeacon are "no-cors", an iframe is "navigate"; with `crossorigin`,
// module scripts, fonts, EventSource and XMLHttpRequest are "cors". kinds.test.ts checks the core against both:
// Chromium's verdict, and the mode on the wire.

/**
 * @typedef {import('./scenarios.mjs').Scenario} Scenario
 * @typedef {import('./scenarios.mjs').Reply} Reply
 * @typedef {import('./scenarios.mjs').Expectation} Expectation
 * @typedef {Array<[string, string]>} Headers
 */

/** @type {Expectation} */
const OK = { outcome: 'allowed', corsError: null };
/** @param {string} corsError @returns {Expectation} */
const BLOCK = (corsError) => ({ outcome: 'blocked', corsError });
/** @type {Expectation} */
const NETERR = { outcome: 'network-error', corsError: null };

const ACAO = /** @type {[string, string]} */ (['Access-Control-Allow-Origin', '{{A}}']);
/** @param {number} status @param {string} type @param {string} body @param {Headers} [headers] @returns {Reply} */
const reply = (status, type, body, headers = []) => ({ status, headers: [['Content-Type', type], ['Cache-Control', 'no-store'], ...headers], body });
/** @param {Record<string, unknown>} init */
const mk = (init) => ({ method: 'GET', headers: [], credentials: 'same-origin', mode: 'cors', redirect: 'follow', ...init });

/** @type {Scenario[]} */
const scenarios = [];
/**
 * One request of `kind` to B; `actual` is the answer (and `preflight` when one may come).
 * @param {string} id @param {string} description @param {Record<string, unknown>} init @param {Reply} actual @param {Expectation} expect
 * @param {Reply|null} [preflight]
 */
const add = (id, description, init, actual, expect, preflight = null) =>
  scenarios.push({ id: `kinds-${id}`, description, tags: ['kinds'], routes: { r: { actual, preflight } }, fetches: [{ target: 'B', route: 'r', init: /** @type {any} */ (mk(init)), expect }] });

// WebSocket handshakes: never CORS; the server alone decides from Origin
add('websocket-101', 'WebSocket to B, handshake accepted (101); no Access-Control-* header anywhere', { kind: 'websocket' }, { status: 101, headers: [] }, OK);
add('websocket-403', 'WebSocket to B, handshake refused with 403 (the server checked Origin)', { kind: 'websocket' }, reply(403, 'text/plain', 'forbidden origin'), NETERR);

// <img>
const PNG = 'not really a png';
add('img-no-crossorigin', '<img> without crossorigin, no ACAO: a no-cors load', { kind: 'img' }, reply(200, 'image/png', PNG), OK);
add('img-crossorigin-no-acao', '<img crossorigin="anonymous">, no ACAO', { kind: 'img', crossorigin: 'anonymous' }, reply(200, 'image/png', PNG), BLOCK('MissingAllowOriginHeader'));
add('img-crossorigin-acao', '<img crossorigin="anonymous">, ACAO = the page origin', { kind: 'img', crossorigin: 'anonymous' }, reply(200, 'image/png', PNG, [ACAO]), OK);
add('img-use-credentials-star', '<img crossorigin="use-credentials">, ACAO *', { kind: 'img', crossorigin: 'use-credentials' }, reply(200, 'image/png', PNG, [['Access-Control-Allow-Origin', '*']]), BLOCK('WildcardOriginNotAllowed'));

// <script>, module scripts, stylesheets, fonts
add('script-no-crossorigin', '<script> without crossorigin, no ACAO: a no-cors load', { kind: 'script' }, reply(200, 'text/javascript', 'void 0;'), OK);
add('script-crossorigin-no-acao', '<script crossorigin>, no ACAO', { kind: 'script', crossorigin: 'anonymous' }, reply(200, 'text/javascript', 'void 0;'), BLOCK('MissingAllowOriginHeader'));
add('module-script-no-acao', '<script type=module> (always CORS), no ACAO', { kind: 'module-script' }, reply(200, 'text/javascript', 'export {};'), BLOCK('MissingAllowOriginHeader'));
add('module-script-acao', '<script type=module>, ACAO = the page origin', { kind: 'module-script' }, reply(200, 'text/javascript', 'export {};', [ACAO]), OK);
add('stylesheet-no-crossorigin', '<link rel=stylesheet> without crossorigin, no ACAO', { kind: 'stylesheet' }, reply(200, 'text/css', 'body{}'), OK);
add('stylesheet-crossorigin-no-acao', '<link rel=stylesheet crossorigin>, no ACAO', { kind: 'stylesheet', crossorigin: 'anonymous' }, reply(200, 'text/css', 'body{}'), BLOCK('MissingAllowOriginHeader'));
add('font-no-acao', 'FontFace (fonts are fetched in cors mode), no ACAO', { kind: 'font' }, reply(200, 'font/woff2', 'wOF2'), BLOCK('MissingAllowOriginHeader'));

// EventSource, XMLHttpRequest, sendBeacon
add('eventsource-acao', 'EventSource, ACAO = the page origin', { kind: 'eventsource' }, reply(200, 'text/event-stream', 'data: x\n\n', [ACAO]), OK);
add('eventsource-no-acao', 'EventSource, no ACAO', { kind: 'eventsource' }, reply(200, 'text/event-stream', 'data: x\n\n'), BLOCK('MissingAllowOriginHeader'));
add('xhr-no-acao', 'XMLHttpRequest GET, no ACAO', { kind: 'xhr' }, reply(200, 'text/plain', 'x'), BLOCK('MissingAllowOriginHeader'));
add('beacon-text-plain', 'sendBeacon with a text/plain body (no-cors), no ACAO', { kind: 'beacon', body: 'x', contentType: 'text/plain' }, reply(200, 'text/plain', ''), OK);
add('beacon-json', 'sendBeacon with an application/json body (cors mode, needs a preflight); the preflight is not answered', { kind: 'beacon', body: '{}', contentType: 'application/json' }, reply(200, 'text/plain', ''), BLOCK('PreflightMissingAllowOriginHeader'), reply(404, 'text/plain', 'no'));

// navigations
add('iframe-no-acao', '<iframe> navigated to B, no ACAO: a navigation, not CORS', { kind: 'iframe' }, reply(200, 'text/html', '<p>frame</p>'), OK);

// statuses: 3xx without Location are answers, not redirects; 300/304 are not redirect statuses
for (const status of [301, 302, 303, 307, 308]) {
  add(`fetch-${status}-no-location-acao`, `fetch GET answered ${status} without Location, with ACAO: returned as is`, {}, reply(status, 'text/plain', `${status}`, [ACAO]), OK);
  add(`fetch-${status}-no-location-no-acao`, `fetch GET answered ${status} without Location and without ACAO`, {}, reply(status, 'text/plain', `${status}`), BLOCK('MissingAllowOriginHeader'));
}
add('fetch-300-location-acao', 'fetch GET answered 300 with a Location and ACAO (300 is not a redirect status)', {}, reply(300, 'text/plain', '300', [ACAO, ['Location', '{{B}}/s/{{ID}}/elsewhere']]), OK);
add('fetch-304-acao', 'fetch GET answered 304 (no conditional request was made), with ACAO', {}, { status: 304, headers: [ACAO], body: '' }, OK);
add('fetch-304-no-acao', 'fetch GET answered 304 without ACAO', {}, { status: 304, headers: [], body: '' }, BLOCK('MissingAllowOriginHeader'));
add('put-preflight-304', 'PUT whose preflight is answered 304 with ACAO and ACAM', { method: 'PUT', headers: [['Content-Type', 'text/plain']], body: 'x' }, reply(200, 'text/plain', 'x', [ACAO]),
  BLOCK('PreflightInvalidStatus'), { status: 304, headers: [ACAO, ['Access-Control-Allow-Methods', 'PUT']], body: '' });
add('put-preflight-302-no-location', 'PUT whose preflight is answered 302 without Location, with ACAO and ACAM', { method: 'PUT', headers: [['Content-Type', 'text/plain']], body: 'x' }, reply(200, 'text/plain', 'x', [ACAO]),
  BLOCK('PreflightInvalidStatus'), { status: 302, headers: [ACAO, ['Access-Control-Allow-Methods', 'PUT']], body: '' });

export { scenarios };
export default scenarios;
