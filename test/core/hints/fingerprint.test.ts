// Who answered: fingerprints from URL and headers alone (catalogue §1), with evidence, confidence, and
// whether the gateway/edge generated the answer itself.
import { describe, expect, test } from 'vitest';
import { readHarEntry } from '../../../src/core/har/read';
import { FINGERPRINT_RULES, fingerprintResponse } from '../../../src/core/hints/fingerprint';
import { createResponseView } from '../../../src/core/hints/view';
import { API, CUSTOM, FURL, HTTP_URL, REST_URL, S3_URL, cloudfront, entry, furl, httpApi, rest, restError, s3, traced } from './support';

function fingerprints(url: string, status: number, headers: Record<string, string | string[]>, body?: string, stage: 'preflight' | 'actual' = 'actual') {
  const { entry: observed } = readHarEntry(entry({ url, method: stage === 'preflight' ? 'OPTIONS' : 'GET', status, responseHeaders: headers, body }), 0);
  return fingerprintResponse(createResponseView(stage, observed!));
}
const services = (fps: ReturnType<typeof fingerprints>) => fps.map((f) => f.service).sort();

describe('fingerprints (catalogue §1.0 decision order)', () => {
  test.each([
    ['REST API by host and x-amz-apigw-id', REST_URL, 200, rest(traced), ['apigw-rest'], false],
    ['REST API gateway error (x-amzn-ErrorType, no trace)', REST_URL, 403, restError('MissingAuthenticationTokenException'), ['apigw-rest'], true],
    ['REST API behind a custom domain', CUSTOM, 401, restError('UnauthorizedException'), ['apigw-rest'], true],
    ['REST API remapped backend header', CUSTOM, 200, { 'x-amzn-Remapped-Server': 'gunicorn', 'x-amzn-RequestId': 'r' }, ['apigw-rest'], false],
    ['HTTP API by apigw-requestid', HTTP_URL, 200, httpApi(), ['apigw-http'], false],
    ['HTTP API default Not Found body on a custom domain', CUSTOM, 404, httpApi(), ['apigw-http'], false],
    ['execute-api host with nothing received', REST_URL, 0, {}, ['apigw'], undefined],
    ['function URL by host', FURL, 200, furl(), ['lambda-url'], false],
    ['function URL auth rejection behind CloudFront', CUSTOM, 403, { ...furl({ 'x-amzn-ErrorType': 'AccessDeniedException' }), ...cloudfront('Error from cloudfront') }, ['cloudfront', 'lambda-url'], true, '{"Message":"Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html"}'],
    // Issue 19: AccessDeniedException with only x-amzn-RequestId on a custom domain is a function URL's auth layer (likely).
    ['AWS error type behind CloudFront, body not captured', CUSTOM, 403, { ...furl({ 'x-amzn-ErrorType': 'AccessDeniedException' }), ...cloudfront('Error from cloudfront') }, ['cloudfront', 'lambda-url'], true],
    ['other AWS error types behind CloudFront stay unnamed', CUSTOM, 403, { ...furl({ 'x-amzn-ErrorType': 'ForbiddenException' }), ...cloudfront('Error from cloudfront') }, ['aws', 'cloudfront'], undefined],
    ['S3 REST by Server: AmazonS3', S3_URL, 200, s3(), ['s3-rest'], undefined],
    ['S3 website endpoint', 'http://site.s3-website-eu-west-1.amazonaws.com/', 200, s3(), ['s3-website'], undefined],
    ['S3 path-style host', 'https://s3.eu-west-1.amazonaws.com/my-bucket/key', 200, {}, ['s3-rest'], undefined],
    ['CloudFront in front of S3', 'https://d1.cloudfront.net/a.js', 200, { ...s3(), ...cloudfront('Hit from cloudfront') }, ['cloudfront', 's3-rest'], false],
    ['CloudFront-generated error', 'https://d1.cloudfront.net/a', 403, { Server: 'CloudFront', ...cloudfront('Error from cloudfront') }, ['cloudfront'], true],
    ['AppSync by its headers', CUSTOM, 200, { 'x-amzn-appsync-tokensconsumed': '1', 'x-amzn-RequestId': 'r' }, ['appsync'], undefined],
    ['Cognito hosted UI host', 'https://app.auth.us-east-1.amazoncognito.com/login', 200, {}, ['cognito-hosted-ui'], undefined],
    ['Cognito user pools API by host', 'https://cognito-idp.us-east-1.amazonaws.com/', 400, { 'x-amzn-RequestId': 'r' }, ['cognito-idp'], undefined],
    ['ALB-generated error', CUSTOM, 502, { Server: 'awselb/2.0' }, ['alb'], true],
    ['ALB stickiness cookie on a target answer', CUSTOM, 200, { 'Set-Cookie': 'AWSALB=abc; Expires=Tue, 01 Dec 2026 00:00:00 GMT; Path=/' }, ['alb'], false],
    ['Amplify Hosting host', 'https://main.d1abc.amplifyapp.com/', 200, cloudfront(), ['amplify-hosting', 'cloudfront'], false],
    ['only x-amzn-RequestId: some AWS service', CUSTOM, 200, { 'x-amzn-RequestId': 'r' }, ['aws'], undefined],
  ])('%s', (_name, url, status, headers, expected, generated, body?: string) => {
    const fps = fingerprints(url, status, headers, body);
    expect(services(fps)).toEqual([...expected].sort());
    for (const f of fps) expect(f.evidence.length).toBeGreaterThan(0);
    const main = fps.find((f) => f.service === (expected.find((s) => s !== 'cloudfront') ?? expected[0]));
    if (generated !== undefined) expect(main?.gatewayGenerated ?? false).toBe(generated);
  });

  test('a REST API behind a custom domain says so in its evidence', () => {
    const [fp] = fingerprints(CUSTOM, 401, restError('UnauthorizedException'));
    expect(fp.evidence.join(' ')).toContain('custom domain api.example.com');
    expect(fp.confidence).toBe('certain');
  });

  test('CloudFront in front of API Gateway REST names what it fronts', () => {
    const cf = fingerprints(CUSTOM, 403, { ...restError('ForbiddenException'), ...cloudfront('Error from cloudfront') }).find((f) => f.service === 'cloudfront')!;
    expect(cf.evidence.join(' ')).toContain('in front of apigw-rest');
  });

  test.each([
    ['nginx', { Server: 'nginx/1.25.3', 'X-Cache': 'HIT' }],
    ['Varnish', { Via: '1.1 varnish (Varnish/7.4)', 'X-Cache': 'MISS' }],
    ['Express with X-Ray', { 'X-Powered-By': 'Express', ...traced }],
    ['Cloudflare', { Server: 'cloudflare', 'CF-RAY': '8a1b2c3d4e5f-FRA' }],
  ])('no fingerprint for %s', (_name, headers) => {
    expect(fingerprints(`${API}/x`, 200, headers)).toEqual([]);
  });

  test('every rule has a service and a confidence', () => {
    for (const r of FINGERPRINT_RULES) expect(['certain', 'likely', 'possible']).toContain(r.confidence);
  });
});
