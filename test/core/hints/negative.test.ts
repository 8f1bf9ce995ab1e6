// No AWS pitfall is claimed where the server is not AWS, and AWS answers that are fine get no hint.
import { describe, expect, test } from 'vitest';
import { API, PAGE, REST_URL, HTTP_URL, FURL, S3_URL, acao, awsIds, cloudfront, diagnoseEntries, furl, httpApi, ids, pf, req, rest, s3, traced, unsent } from './support';

const local = `${API}/items`;
const cors = (extra: Record<string, string> = {}) => ({ ...acao(), 'Access-Control-Allow-Methods': 'GET,POST,PUT,OPTIONS', 'Access-Control-Allow-Headers': 'content-type,authorization', ...extra });

describe('non-AWS servers: generic hints only', () => {
  test.each([
    ['401 without ACAO from Express', () => [req(local, 'GET', 401, { 'X-Powered-By': 'Express', 'Content-Type': 'application/json' }, { body: '{"error":"unauthorized"}' })], 'GENERIC-MissingAllowOriginHeader'],
    ['nginx answers another origin', () => [req(local, 'GET', 200, { Server: 'nginx/1.25.3', ...acao('https://other.example') })], 'GENERIC-AllowOriginMismatch'],
    ['preflight 404 from a Go server', () => [pf(local, 'PUT', 404, { 'Content-Type': 'text/plain; charset=utf-8' }, { requestHeaders: 'content-type' }), unsent(local, 'PUT', { 'Content-Type': 'application/json' })], 'GENERIC-PreflightMissingAllowOriginHeader'],
    ['preflight refuses x-request-id', () => [pf(local, 'POST', 204, cors(), { requestHeaders: 'content-type,x-request-id' }), unsent(local, 'POST', { 'Content-Type': 'application/json', 'X-Request-Id': '1' })], 'GENERIC-HeaderDisallowedByPreflightResponse'],
    ['duplicate ACAO from app + proxy', () => [req(local, 'GET', 200, { Server: 'nginx', 'Access-Control-Allow-Origin': [PAGE, PAGE] })], 'GENERIC-MultipleAllowOriginValues'],
    ['wildcard with cookies (Varnish cache, not CloudFront)', () => [req(local, 'GET', 200, { Via: '1.1 varnish (Varnish/7.4)', 'X-Cache': 'HIT', Age: '30', ...acao('*') }, { requestHeaders: { Cookie: 'sid=1' } })], 'GENERIC-WildcardOriginNotAllowed'],
    ['preflight redirected by a generic server', () => [pf(local, 'POST', 301, { Location: 'https://127.0.0.1:8702/items' }, { requestHeaders: 'content-type' }), unsent(local, 'POST', { 'Content-Type': 'application/json' })], 'GENERIC-PreflightDisallowedRedirect'],
    ['X-Amzn-Trace-Id alone (an X-Ray-instrumented app on other hosting)', () => [req(local, 'GET', 500, { ...traced, 'Content-Type': 'application/json' })], 'GENERIC-MissingAllowOriginHeader'],
    // Issue 19's classes, each with a twin that carries the same evidence minus AWS:
    ['401 whose Content-Length is API Gateway\'s {"message":"Unauthorized"}, from Express', () => [req(local, 'GET', 401, { 'X-Powered-By': 'Express', 'Content-Type': 'application/json', 'Content-Length': '26' })], 'GENERIC-MissingAllowOriginHeader'],
    ['403 JSON "AccessDenied" behind a CDN, no x-amzn-* headers', () => [req(local, 'GET', 403, { Via: '1.1 varnish', 'Content-Type': 'application/json', 'X-Error-Type': 'AccessDeniedException', 'X-Request-Id': 'a1b2c3d4-5678-90ab-cdef-abc123456789' })], 'GENERIC-MissingAllowOriginHeader'],
    ['a 200 preflight that does not list x-amz-acl, from a non-S3 server', () => [pf(local, 'PUT', 200, { Server: 'nginx', ...cors({ 'Access-Control-Allow-Methods': 'PUT' }) }, { requestHeaders: 'content-type,x-amz-acl' }), unsent(local, 'PUT', { 'Content-Type': 'image/jpeg', 'x-amz-acl': 'private' })], 'GENERIC-HeaderDisallowedByPreflightResponse'],
    ['a form POST answered 403 without CORS by a non-S3 server', () => [req(local, 'POST', 403, { Server: 'nginx', 'Content-Type': 'application/xml' }, { requestHeaders: { 'Content-Type': 'multipart/form-data; boundary=x' } })], 'GENERIC-MissingAllowOriginHeader'],
  ])('%s', (_name, entries, generic) => {
    const d = diagnoseEntries(...entries());
    expect(d.fingerprints).toEqual([]);
    expect(awsIds(d)).toEqual([]);
    // one generic hint per distinct failing check, the verdict's first
    expect(ids(d)[0]).toBe(generic);
    expect(ids(d)).toEqual([...new Set(d.exchange.allFailures.map((f) => `GENERIC-${f.corsError}`))]);
  });
});

describe('AWS answers that are fine: fingerprinted, no hints', () => {
  test.each([
    ['REST preflight + Lambda proxy with CORS', () => [pf(REST_URL, 'PUT', 204, rest(cors()), { requestHeaders: 'content-type' }), req(REST_URL, 'PUT', 200, rest({ ...traced, ...acao(), Vary: 'Origin' }), { requestHeaders: { 'Content-Type': 'application/json' }, blocked: false })], 'apigw-rest'],
    ['REST 401 with CORS gateway responses (readable error)', () => [req(REST_URL, 'GET', 401, rest({ 'x-amzn-ErrorType': 'UnauthorizedException', ...acao() }), { blocked: false, body: '{"message":"Unauthorized"}' })], 'apigw-rest'],
    ['HTTP API with CORS configuration', () => [pf(HTTP_URL, 'POST', 204, httpApi(cors()), { requestHeaders: 'content-type' }), req(HTTP_URL, 'POST', 201, httpApi(acao()), { requestHeaders: { 'Content-Type': 'application/json' }, blocked: false })], 'apigw-http'],
    ['function URL with CORS configuration', () => [req(FURL, 'GET', 200, furl(acao()), { blocked: false })], 'lambda-url'],
    ['S3 object with a matching CORS rule', () => [req(S3_URL, 'GET', 200, s3({ ...acao('*'), Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method' }), { blocked: false })], 's3-rest'],
    ['CloudFront cache hit with CORS headers', () => [req('https://d111111abcdef8.cloudfront.net/data.json', 'GET', 200, { ...s3(acao()), ...cloudfront('Hit from cloudfront'), Age: '12' }, { blocked: false })], 'cloudfront'],
  ])('%s', (_name, entries, service) => {
    const d = diagnoseEntries(...entries());
    expect(d.exchange.verdict).toBe('allowed');
    expect(d.fingerprints.map((f) => f.service)).toContain(service);
    expect(d.hints).toEqual([]);
  });
});
