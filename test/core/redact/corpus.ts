// The redaction corpus: a HAR with planted secrets of many kinds in every position a HAR can carry one, and a
// hand-built analysis that quotes some of them (URLs, evidence, snippets) the way the real analyser may.
// Every value is unique, so finding it in an export is a leak.
import { Buffer } from 'node:buffer';
import { entry, har, preflight } from '../../support/har-builder';
import type { AnalysisReport } from '../../../src/core/types';
import { check, exchange, failure, hint, report } from '../report/report-factory';

const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const jwt = (sub: string): string =>
  `${b64url('{"alg":"RS256","typ":"JWT","kid":"k1"}')}.${b64url(JSON.stringify({ sub, iat: 1764010000 }))}.${b64url(`sig-of-${sub}`)}`;

export const SECRETS = {
  cookieSession: 'sess_9f8e7d6c5b4a3921',
  cookieCsrf: 'csrf-Q7w8E9r0T1y2U3i4',
  setCookie: 'refreshCookie-Zx81Lk29Mn47',
  responseCookieArray: 'respCookieArr-Ab12Cd34Ef56',
  bearer: 'opaqueBearer.Tk_4f9a8b7c6d5e',
  basic: Buffer.from('alice:s3cr3t-Passw0rd').toString('base64'),
  proxyAuthorization: 'proxyCreds-Pq12Rs34Tu56',
  apiKey: 'apikey-Hj7Kl8Mn9Op0Qr1St2',
  amzSecurityTokenHeader: 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+abc/def=',
  sigV4Signature: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  awsAccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  amzSignatureQuery: 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
  amzSecurityTokenQuery: 'FwoGZXIvYXdzEBYaDHqa0AP+1Xr/xyzQ==',
  accessTokenFragment: 'at-Frag-8J7h6G5f4D3s2A1',
  idTokenJwt: jwt('id-token-user-42'),
  refreshToken: 'rt-Form-Zz9Yy8Xx7Ww6Vv5',
  authCode: 'authcode-4Qm7Np2Rs8Tv',
  oauthState: 'state-Xy12Zw34Ab56',
  clientSecret: 'cs-Secret-0a9b8c7d6e5f',
  customHeaderJwt: jwt('custom-header-context'),
  responseBodyJwt: jwt('response-body-token'),
  responseBodyOpaque: 'acct-secret-in-body-6677',
  requestBodyPassword: 'pw-In-Json-Body-4321',
  initiatorToken: 'init-Token-3Jk4Lm5Np6',
  stackApiKey: 'stack-ApiKey-7Qr8St9Uv0',
  stackPathJwt: jwt('stack-path-jwt'),
  csrfHeader: 'csrfHdr-1Aa2Bb3Cc4Dd',
  githubToken: 'ghp_aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5',
  userinfoPassword: 'hunter2-Pass-99',
  googleApiKey: 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
  cloudFrontSignature: 'Cf-Sig~Abc123Def456Ghi789',
  nestedCode: 'nestedcode-5Tg6Yh7Uj8',
  albOidcData: jwt('alb-oidc-data'),
  customField: 'customField-Secret-2468',
  webSocketMessage: 'ws-token-1357-Secret',
  pageTitleSession: 'pgSession-8642-Zyx',
  samlResponse: 'PHNhbWxwOlJlc3BvbnNlIElEPSJfMTIzNDU2Nzg5Ij4=',
} as const;

export type SecretName = keyof typeof SECRETS;

const S = SECRETS;
export const GW = 'https://abc123.execute-api.us-east-1.amazonaws.com';
export const ACTUAL_URL = `${GW}/prod/items/7?key=${S.googleApiKey}&view=full`;
export const PRESIGNED_URL =
  'https://reports.s3.us-east-1.amazonaws.com/q3/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
  `&X-Amz-Credential=${encodeURIComponent(`${S.awsAccessKeyId}/20261124/us-east-1/s3/aws4_request`)}` +
  `&X-Amz-Date=20261124T184746Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host` +
  `&X-Amz-Security-Token=${encodeURIComponent(S.amzSecurityTokenQuery)}&X-Amz-Signature=${S.amzSignatureQuery}`;

/** The CORS evidence the corpus carries; it must survive redaction untouched. */
export const EVIDENCE = {
  origin: 'https://app.example.com',
  allowOrigin: 'https://app.example.com',
  allowMethods: 'GET,PUT,OPTIONS',
  allowHeaders: 'authorization,content-type,x-api-key',
  vary: 'Origin',
  status: 403,
  path: '/prod/items/7',
  host: 'abc123.execute-api.us-east-1.amazonaws.com',
};

const stack = {
  callFrames: [{ functionName: 'save', scriptId: '42', url: `https://app.example.com/static/app.js?api_key=${S.stackApiKey}`, lineNumber: 10, columnNumber: 4 }],
  parent: {
    description: 'Promise.then',
    callFrames: [{ functionName: 'boot', scriptId: '43', url: `https://app.example.com/t/${S.stackPathJwt}/boot.js`, lineNumber: 1, columnNumber: 1 }],
  },
};

export function corpusHar(): { log: Record<string, unknown> } {
  const e0 = preflight(ACTUAL_URL, 'PUT', {
    status: 204,
    headers: {
      'Access-Control-Allow-Origin': EVIDENCE.allowOrigin,
      'Access-Control-Allow-Methods': EVIDENCE.allowMethods,
      'Access-Control-Allow-Headers': EVIDENCE.allowHeaders,
      'Access-Control-Max-Age': '600',
      Vary: EVIDENCE.vary,
    },
  }, { requestHeaders: 'authorization,x-api-key', origin: EVIDENCE.origin });
  const e1 = entry({
    method: 'PUT',
    url: ACTUAL_URL,
    started: 5,
    requestHeaders: {
      ':path': `/prod/items/7?key=${S.googleApiKey}&view=full`,
      Origin: EVIDENCE.origin,
      Authorization: `Bearer ${S.bearer}`,
      'X-Api-Key': S.apiKey,
      Cookie: `session=${S.cookieSession}; csrftoken=${S.cookieCsrf}; theme=dark`,
      'X-Amz-Security-Token': S.amzSecurityTokenHeader,
      'X-CSRF-Token': S.csrfHeader,
      'X-Request-Context': S.customHeaderJwt,
      'X-Debug': `deploy by ${S.githubToken}`,
      Referer: `https://bob:${S.userinfoPassword}@app.example.com/account#access_token=${S.accessTokenFragment}&token_type=bearer`,
      'Content-Type': 'application/json',
    },
    cookies: [{ name: 'session', value: S.cookieSession }, { name: 'csrftoken', value: S.cookieCsrf }],
    postData: { mimeType: 'application/json', text: JSON.stringify({ name: 'x', password: S.requestBodyPassword }) },
    status: EVIDENCE.status,
    statusText: 'Forbidden',
    responseHeaders: {
      'Content-Type': 'application/json',
      'Set-Cookie': `refresh=${S.setCookie}; Path=/; Secure; HttpOnly; SameSite=None`,
      'x-amzn-RequestId': '4c1b2a3f-1111-2222-3333-444455556666',
      'x-amzn-ErrorType': 'AccessDeniedException',
    },
    body: JSON.stringify({ message: 'denied', id_token: S.responseBodyJwt, account: S.responseBodyOpaque }),
    resourceType: 'fetch',
    initiator: { type: 'script', url: `https://app.example.com/app?token=${S.initiatorToken}` },
    error: 'net::ERR_FAILED',
  });
  const r1 = e1.response as Record<string, unknown>;
  r1.cookies = [{ name: 'refresh', value: S.responseCookieArray, path: '/', httpOnly: true, secure: true }];
  (e1._initiator as Record<string, unknown>).stack = stack;
  e1.pageref = 'page_1';

  const e2 = entry({
    url: PRESIGNED_URL,
    started: 20,
    requestHeaders: { Origin: EVIDENCE.origin },
    status: 403,
    statusText: 'Forbidden',
    responseHeaders: { 'Content-Type': 'application/xml' },
    body: `<Error><Code>AccessDenied</Code><RequestId>X</RequestId><Token>${S.amzSecurityTokenQuery}</Token></Error>`,
    resourceType: 'fetch',
    error: 'net::ERR_FAILED',
  });
  (e2.request as Record<string, unknown>).queryString = [
    { name: 'X-Amz-Credential', value: `${S.awsAccessKeyId}/20261124/us-east-1/s3/aws4_request` },
    { name: 'X-Amz-Security-Token', value: S.amzSecurityTokenQuery },
    { name: 'X-Amz-Signature', value: S.amzSignatureQuery },
    { name: 'X-Amz-Expires', value: '300' },
  ];

  const form = `grant_type=refresh_token&refresh_token=${S.refreshToken}&client_secret=${S.clientSecret}&code=${S.authCode}&SAMLResponse=${encodeURIComponent(S.samlResponse)}`;
  const e3 = entry({
    method: 'POST',
    url: 'https://auth.example.com/oauth2/token',
    started: 30,
    requestHeaders: { Origin: EVIDENCE.origin, 'Proxy-Authorization': `Basic ${S.proxyAuthorization}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    postData: { mimeType: 'application/x-www-form-urlencoded', text: form },
    status: 200,
    responseHeaders: { 'Access-Control-Allow-Origin': EVIDENCE.allowOrigin },
    body: JSON.stringify({ access_token: S.bearer, refresh_token: S.refreshToken }),
  });
  (e3.request as Record<string, unknown>).postData = {
    mimeType: 'application/x-www-form-urlencoded',
    text: form,
    params: [
      { name: 'refresh_token', value: S.refreshToken },
      { name: 'client_secret', value: S.clientSecret },
    ],
  };

  const callback = `https://app.example.com/callback?code=${S.authCode}&state=${S.oauthState}#id_token=${S.idTokenJwt}`;
  const e4 = entry({
    url: `https://auth.example.com/authorize?response_type=code&redirect_uri=${encodeURIComponent(`https://app.example.com/cb?code=${S.nestedCode}&x=1`)}`,
    started: 40,
    requestHeaders: { Authorization: `Basic ${S.basic}` },
    status: 302,
    statusText: 'Found',
    responseHeaders: { Location: callback },
    redirectURL: callback,
    resourceType: 'document',
  });

  const e5 = entry({
    url: `${GW}/prod/signed`,
    started: 50,
    requestHeaders: {
      Origin: EVIDENCE.origin,
      Authorization: `AWS4-HMAC-SHA256 Credential=${S.awsAccessKeyId}/20261124/us-east-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=${S.sigV4Signature}`,
      'x-amzn-oidc-data': S.albOidcData,
    },
    status: 200,
    responseHeaders: { 'Access-Control-Allow-Origin': EVIDENCE.allowOrigin, Vary: EVIDENCE.vary },
  });

  const e6 = entry({
    url: `https://d111111abcdef8.cloudfront.net/img.png?Expires=1764010000&Signature=${S.cloudFrontSignature}&Key-Pair-Id=K2JCJMDEHXQW5F`,
    started: 60,
    status: 101,
    requestHeaders: { Origin: EVIDENCE.origin },
  });
  e6._webSocketMessages = [{ type: 'send', time: 1, opcode: 1, data: JSON.stringify({ auth: S.webSocketMessage }) }];
  e6._custom = { authToken: S.customField, note: 'kept' };

  const h = har(e0, e1, e2, e3, e4, e5, e6);
  h.log.pages = [
    { startedDateTime: '2026-11-24T18:47:45.000Z', id: 'page_1', title: `https://app.example.com/home?session=${S.pageTitleSession}`, pageTimings: {} },
  ];
  return h;
}

/** An analysis of the corpus, quoting secrets where the analyser might: URLs, failed parameters, evidence, snippets. */
export function corpusReport(): AnalysisReport {
  return report(
    exchange({
      id: 'x0',
      url: ACTUAL_URL,
      origin: EVIDENCE.origin,
      preflightEntry: 0,
      actualEntry: 1,
      corsError: 'AllowOriginMismatch',
      failedParameter: `${EVIDENCE.origin}?state=${S.oauthState}`,
      allFailures: [failure({ corsError: 'AllowOriginMismatch', stage: 'actual', entry: 1, failedParameter: S.customHeaderJwt })],
      checks: [
        check({ stage: 'preflight', header: 'Access-Control-Allow-Origin', status: 'ok', actual: EVIDENCE.allowOrigin }),
        check({ stage: 'preflight', header: 'Access-Control-Allow-Headers', status: 'ok', actual: EVIDENCE.allowHeaders }),
        check({ stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'missing', actual: null }),
        check({ stage: 'actual', header: 'Referer', status: 'not-needed', actual: `https://app.example.com/account#access_token=${S.accessTokenFragment}` }),
      ],
      hiddenStatus: { status: 403, statusText: 'Forbidden', stage: 'actual', sentence: `The server answered 403 Forbidden to ${ACTUAL_URL}.` },
      summary: `Blocked: ${ACTUAL_URL} answered 403 without Access-Control-Allow-Origin.`,
      hints: [
        hint({
          evidence: [`request sent X-Api-Key: ${S.apiKey}`, `Authorization: Bearer ${S.bearer}`, `cookie session=${S.cookieSession}`],
          fixes: [{ toolchain: 'cli', language: 'sh', title: 'Reproduce', snippet: `curl -H 'x-api-key: ${S.apiKey}' '${ACTUAL_URL}'` }],
        }),
      ],
    }),
    exchange({
      id: 'x2',
      url: PRESIGNED_URL,
      method: 'GET',
      preflightEntry: null,
      actualEntry: 2,
      corsError: 'MissingAllowOriginHeader',
      allFailures: [failure({ corsError: 'MissingAllowOriginHeader', stage: 'actual', entry: 2 })],
      summary: `Blocked: S3 denied ${PRESIGNED_URL} (token ${S.amzSecurityTokenQuery}).`,
    }),
    exchange({ id: 'x3', url: 'https://auth.example.com/oauth2/token', method: 'POST', preflightEntry: null, actualEntry: 3, verdict: 'allowed' }),
    exchange({ id: 'x5', url: `${GW}/prod/signed`, method: 'GET', preflightEntry: null, actualEntry: 5, verdict: 'allowed' }),
  );
}
