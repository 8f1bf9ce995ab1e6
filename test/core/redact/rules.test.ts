import { describe, expect, test } from 'vitest';
import { isCorsEvidenceHeader, isSecretFieldName, isSecretHeaderName, isSecretParamName } from '../../../src/core/redact';

describe('which headers are secret', () => {
  test.each([
    'authorization', 'proxy-authorization', 'x-api-key', 'x-amz-security-token', 'x-auth-token', 'x-csrf-token', 'x-xsrf-token',
    'x-amzn-oidc-data', 'x-amzn-oidc-accesstoken', 'x-goog-api-key', 'ocp-apim-subscription-key', 'x-upstream-token',
    'x-client-secret', 'x-session-id', 'x-amzn-remapped-authorization', 'x-my-apikey', 'x-hub-signature-256', 'x-jwt-assertion',
  ])('%s is redacted', (name) => expect(isSecretHeaderName(name)).toBe(true));

  test.each([
    'origin', 'vary', 'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-headers',
    'access-control-request-headers', 'access-control-expose-headers', 'www-authenticate', 'proxy-authenticate', 'content-type',
    'x-amzn-requestid', 'x-amzn-errortype', 'x-amz-cf-id', 'x-amz-apigw-id', 'x-amz-date', 'x-amz-content-sha256', 'referer',
    'location', 'host', ':authority', 'sec-fetch-mode', 'sec-websocket-key', 'x-author', 'x-authority',
  ])('%s stays readable', (name) => expect(isSecretHeaderName(name)).toBe(false));

  test('every Access-Control-* header is CORS evidence', () => {
    for (const n of ['access-control-allow-origin', 'access-control-max-age', 'access-control-allow-private-network']) {
      expect(isCorsEvidenceHeader(n)).toBe(true);
    }
  });
});

describe('which URL and form parameters are secret', () => {
  test.each([
    'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token', 'AWSAccessKeyId', 'Signature', 'x-goog-signature', 'sig',
    'access_token', 'id_token', 'refresh_token', 'code', 'state', 'nonce', 'client_secret', 'client_assertion', 'code_verifier',
    'password', 'SAMLResponse', 'RelayState', 'api_key', 'apikey', 'key', 'token', 'jsessionid', 'oauth_signature', 'my_session',
  ])('%s is redacted', (name) => expect(isSecretParamName(name)).toBe(true));

  test.each(['X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Algorithm', 'X-Amz-SignedHeaders', 'Key-Pair-Id', 'Expires', 'Policy',
    'code_challenge', 'code_challenge_method', 'redirect_uri', 'response_type', 'grant_type', 'scope', 'view', 'client_id', 'token_type', 'token_type_hint'])(
    '%s stays readable',
    (name) => expect(isSecretParamName(name)).toBe(false),
  );
});

describe('which JSON / custom fields are secret', () => {
  test.each(['authToken', 'password', 'client_secret', 'sessionId', 'apiKey', 'cookie'])('%s is redacted', (n) =>
    expect(isSecretFieldName(n)).toBe(true),
  );
  test.each(['code', 'state', 'key', 'message', 'url', 'requestId', 'type'])('%s stays readable', (n) => expect(isSecretFieldName(n)).toBe(false));
});
