// One blocked exchange per AWS service CORS Lens fingerprints, with the ids AWS puts on its responses:
// the log plans of these are what test/core/hints/logs/*.test.ts check.
import { analyzeHar } from '../../../../src/core/analyze';
import type { ExchangeReport } from '../../../../src/core/types';
import { CUSTOM, FURL, HTTP_URL, PAGE, REST_URL, S3_URL, cloudfront, furl, har, httpApi, pf, req, rest, restError, s3, traced, unsent, type Entry } from '../support';

export const REQUEST_ID = 'a1b2c3d4-5678-90ab-cdef-abc123456789';
export const EXTENDED_ID = 'auoHWG1eIAMEFcQ=';
export const HTTP_API_ID = 'Mc7UVioPPHcEKPA=';
export const TRACE_ID = '1-69c286fb-2dd7a6f878a2d998384f62e5';
export const FURL_REQUEST_ID = 'd3c1a2b4-1111-2222-3333-444455556666';
export const CF_ID = 'ULZdIz6j43uGBlXyob_JctF9x7CCbwpNniiMlmNbmwzH1YWP9FsEHg==';
export const S3_REQUEST_ID = 'C73715EFC96D2350';

/** The exchange (with hints and fingerprints, as the CLI and reports see it) of the last entry. */
export function exchangeOf(...entries: Entry[]): ExchangeReport {
  const report = analyzeHar(har(...entries));
  const last = entries.length - 1;
  const x = report.exchanges.find((e) => e.actualEntry === last || e.preflightEntry === last) ?? report.exchanges.at(-1);
  if (!x) throw new Error('no exchange');
  return x;
}

export interface ServiceCase {
  readonly name: string;
  readonly exchange: () => ExchangeReport;
}

export const CASES: readonly ServiceCase[] = [
  { name: 'apigw-rest: gateway 401 (R05)', exchange: () => exchangeOf(req(REST_URL, 'GET', 401, restError('UnauthorizedException'), { body: '{"message":"Unauthorized"}' })) },
  { name: 'apigw-rest: Lambda proxy 200 without CORS, traced (R03)', exchange: () => exchangeOf(req(REST_URL, 'GET', 200, rest(traced))) },
  { name: 'apigw-rest: preflight 401 (R07)', exchange: () => exchangeOf(pf(REST_URL, 'PUT', 401, restError('UnauthorizedException'), { requestHeaders: 'authorization' }), unsent(REST_URL, 'PUT', { Authorization: 'Bearer x' })) },
  { name: 'apigw-rest: custom domain (placeholders)', exchange: () => exchangeOf(req(CUSTOM, 'GET', 403, restError('AccessDeniedException'))) },
  { name: 'apigw-http: gateway 500 (H05)', exchange: () => exchangeOf(req(HTTP_URL, 'GET', 500, httpApi(), { body: '{"message":"Internal Server Error"}' })) },
  { name: 'lambda-url: 403 auth (LURL-04)', exchange: () => exchangeOf(req(FURL, 'GET', 403, furl({ 'x-amzn-ErrorType': 'AccessDeniedException' }))) },
  { name: 'cloudfront: cached without ACAO (CF-03)', exchange: () => exchangeOf(req('https://d111111abcdef8.cloudfront.net/api/items', 'GET', 200, cloudfront('Hit from cloudfront'))) },
  { name: 's3-rest: preflight 403 (S3-02)', exchange: () => exchangeOf(pf(S3_URL, 'PUT', 403, s3({ 'Content-Type': 'application/xml' }), { requestHeaders: 'content-type' }), unsent(S3_URL, 'PUT')) },
  { name: 'appsync: * with credentials', exchange: () => exchangeOf(req('https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-west-1.amazonaws.com/graphql', 'POST', 200, { 'Access-Control-Allow-Origin': '*', 'x-amzn-RequestId': REQUEST_ID, 'x-amzn-appsync-tokensconsumed': '1' }, { requestHeaders: { Cookie: 'a=1' } })) },
  { name: 'cognito-idp: * with credentials', exchange: () => exchangeOf(req('https://cognito-idp.eu-west-1.amazonaws.com/', 'POST', 200, { 'Access-Control-Allow-Origin': '*', 'x-amzn-RequestId': REQUEST_ID }, { requestHeaders: { Cookie: 'a=1' } })) },
  { name: 'alb: generated 502', exchange: () => exchangeOf(req('https://my-alb-1234567890.eu-west-1.elb.amazonaws.com/api', 'GET', 502, { Server: 'awselb/2.0', 'Content-Type': 'text/html' })) },
  { name: 'waf on cloudfront: 403', exchange: () => exchangeOf(req('https://d111111abcdef8.cloudfront.net/api', 'POST', 403, cloudfront('Error from cloudfront', { Server: 'CloudFront' }), { body: '<HTML>Request blocked.</HTML>', mimeType: 'text/html' })) },
  { name: 'amplify-hosting: html for an api path', exchange: () => exchangeOf(req('https://main.d1abc2def3ghij.amplifyapp.com/api/items', 'GET', 200, cloudfront('Miss from cloudfront', { 'Content-Type': 'text/html' }))) },
];

export { PAGE };
