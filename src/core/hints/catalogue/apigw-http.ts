// API Gateway HTTP APIs (catalogue §2.2: APIGW-H01 … H05).
import { isCorsNonWildcardRequestHeaderName } from '../../fetch/safelist';
import { fix, fixes, notApplicable } from '../fixes/common';
import { fxLambda, removeCorsFromCode } from '../fixes/lambda';
import { fxHttpApiCors } from '../fixes/platform';
import { shVar } from '../fixes/common';
import type { HintContext } from '../context';
import type { FillValues } from '../fill';
import { DOCS } from './docs';
import { HTTP_API, actualWithoutAcao, authHeaderEvidence, failingAt, fingerprintEvidence, fp, hasError, hidden, noAcaoEvidence, rejectedPreflight } from './rules';
import type { Pitfall } from './types';
import { isOkStatus } from '../../fetch/status';

/** The HTTP API answered the preflight itself: 2xx, no trace of a backend — a CORS configuration exists. */
function apiAnsweredPreflight(ctx: HintContext): boolean {
  const p = ctx.preflight;
  return !!p?.answered && isOkStatus(p.status) && !p.traced && !!fp(ctx, 'preflight', HTTP_API);
}

function optionsRoute(f: FillValues, authorizer: boolean) {
  const none = authorizer ? ' --authorization-type NONE' : '';
  return [
    fix('console', 'Add an OPTIONS /{proxy+} route', `API Gateway console → your HTTP API → Routes → Create → OPTIONS /{proxy+}${authorizer ? ' (no authorizer attached)' : ''} → attach an integration that returns 204.\nWith a CORS configuration, API Gateway adds the CORS headers to that answer.`),
    fix('cli', 'create-route OPTIONS /{proxy+}', `${shVar('API_ID', f.apiId, 'from the URL', 'aws apigatewayv2 get-apis')}\nINTEGRATION_ID=$(aws apigatewayv2 get-integrations --api-id "$API_ID" --query 'Items[0].IntegrationId' --output text)\naws apigatewayv2 create-route --api-id "$API_ID" --route-key 'OPTIONS /{proxy+}'${none} --target "integrations/$INTEGRATION_ID"`),
    fix('sam', 'An OPTIONS event without authorizer', `Resources:\n  PreflightFunction:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs20.x\n      Handler: index.handler\n      InlineCode: "exports.handler = async () => ({ statusCode: 204 });"\n      Events:\n        Preflight:\n          Type: HttpApi\n          Properties:\n            Path: /{proxy+}\n            Method: OPTIONS${authorizer ? '\n            Auth:\n              Authorizer: NONE' : ''}`),
    fix('cdk', 'addRoutes OPTIONS /{proxy+}', `import { HttpMethod, HttpNoneAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';\n\nhttpApi.addRoutes({\n  path: '/{proxy+}',\n  methods: [HttpMethod.OPTIONS],\n  integration: preflightIntegration,${authorizer ? '\n  authorizer: new HttpNoneAuthorizer(),' : ''}\n});`),
    fix('serverless', 'httpApi OPTIONS event', `functions:\n  preflight:\n    handler: preflight.handler\n    events:\n      - httpApi:\n          method: OPTIONS\n          path: /{proxy+}`),
    fix('terraform', 'aws_apigatewayv2_route OPTIONS /{proxy+}', `resource "aws_apigatewayv2_route" "preflight" {\n  api_id             = aws_apigatewayv2_api.http.id\n  route_key          = "OPTIONS /{proxy+}"\n  authorization_type = "NONE"\n  target             = "integrations/\${aws_apigatewayv2_integration.preflight.id}"\n}`),
  ];
}

export const H01: Pitfall = {
  id: 'APIGW-H01',
  section: 'API Gateway HTTP APIs',
  title: "Add the origin, headers and methods to the HTTP API's CORS configuration",
  harConfidence: 'likely',
  rule: 'HTTP API (apigw-requestid): a 2xx preflight without Access-Control-Allow-Origin or with a refused header/method, an Access-Control-Allow-Origin for another origin, or an actual response without it after the API itself answered the preflight (likely); an actual response without it and no preflight to show a CORS configuration (possible).',
  confirm: '`aws apigatewayv2 get-api --api-id <id> --query CorsConfiguration`.',
  needs: HTTP_API,
  detect: (ctx) => {
    const p = failingAt(ctx, 'preflight');
    if (p && fp(ctx, 'preflight', HTTP_API) && isOkStatus(p.status)) {
      if (p.header('access-control-allow-origin') === null)
        return { confidence: 'likely', evidence: [`The HTTP API answered the preflight ${p.status} without Access-Control-Allow-Origin: the origin ${ctx.origin ?? ''} is not (exactly) in allowOrigins.`, ...fingerprintEvidence(fp(ctx, 'preflight', HTTP_API), 1)] };
      if (hasError(ctx, 'HeaderDisallowedByPreflightResponse', 'MethodDisallowedByPreflightResponse'))
        return { confidence: 'likely', evidence: [`The HTTP API's preflight answer refused ${ctx.refusedMethod ? `method ${ctx.refusedMethod}` : `header${ctx.refusedHeaders.length > 1 ? 's' : ''} ${ctx.refusedHeaders.join(', ')}`}: allowHeaders/allowMethods of the CORS configuration lack ${ctx.refusedMethod ? 'it' : 'them'}.`, `Access-Control-Allow-Headers: ${p.header('access-control-allow-headers') ?? '(absent)'}`] };
    }
    const mismatch = failingAt(ctx, ctx.failedStage ?? 'actual');
    if (mismatch && fp(ctx, mismatch.stage, HTTP_API) && hasError(ctx, 'AllowOriginMismatch', 'PreflightAllowOriginMismatch'))
      return { confidence: 'likely', evidence: [`Access-Control-Allow-Origin: ${mismatch.header('access-control-allow-origin')} while the page's origin is ${ctx.origin}: add it to allowOrigins.`] };
    const a = actualWithoutAcao(ctx);
    const f = fp(ctx, 'actual', HTTP_API);
    if (a && f && !f.gatewayGenerated) {
      const configured = apiAnsweredPreflight(ctx);
      return {
        confidence: configured ? 'likely' : 'possible',
        evidence: [noAcaoEvidence(a), configured ? 'The API answered the preflight itself (2xx, no X-Amzn-Trace-Id): a CORS configuration exists, and it ignores the headers your backend sends.' : 'If the HTTP API has a CORS configuration, the headers your function sets are dropped and the origin must be in allowOrigins.'],
      };
    }
    return null;
  },
  explanation: () => 'When an HTTP API has a CORS configuration, API Gateway answers preflights itself, adds the configured headers to responses and ignores CORS headers from the backend. Origins match exactly (scheme, host, port); CORS headers are only returned when the request has Origin (and, for OPTIONS, Access-Control-Request-Method).',
  fixes: (f) => fixes(fxHttpApiCors(f), removeCorsFromCode('HTTP API CORS configuration owns the headers; the function\'s are ignored.')),
  docs: [DOCS.httpApiCors, DOCS.openApiCors],
};

export const H02: Pitfall = {
  id: 'APIGW-H02',
  section: 'API Gateway HTTP APIs',
  title: 'Configure CORS on the HTTP API: nothing answers OPTIONS',
  harConfidence: 'likely',
  rule: 'Preflight answered 404 by an HTTP API (apigw-requestid; body {"message":"Not Found"} when captured) — no CORS configuration and no OPTIONS route (likely); a preflight that reached your function (X-Amzn-Trace-Id) without CORS headers (possible).',
  confirm: '`aws apigatewayv2 get-api` (CorsConfiguration empty), `aws apigatewayv2 get-routes`.',
  needs: HTTP_API,
  detect: (ctx) => {
    const r = rejectedPreflight(ctx) ?? failingAt(ctx, 'preflight');
    const f = fp(ctx, 'preflight', HTTP_API);
    if (!r || !f) return null;
    if (r.status === 404) return { confidence: 'likely', evidence: [hidden(r), 'No route matched OPTIONS and the API has no CORS configuration to answer it.', ...fingerprintEvidence(f, 1)] };
    if (r.traced && r.header('access-control-allow-origin') === null) return { confidence: 'possible', evidence: [`The preflight reached your function (X-Amzn-Trace-Id) and it answered ${r.status} without CORS headers.`] };
    return null;
  },
  explanation: () => 'Without a CORS configuration an HTTP API does not answer preflights; routes match by method, so OPTIONS finds no route (404) unless an OPTIONS or ANY route sends it to your code.',
  fixes: (f) => fixes(fxHttpApiCors(f), optionsRoute(f, false).filter((x) => x.toolchain === 'cli'), fxLambda(f, { answerOptions: true }).map((x) => ({ ...x, title: `${x.title} — only if you route OPTIONS to the function instead` }))),
  docs: [DOCS.httpApiCors],
};

export const H03: Pitfall = {
  id: 'APIGW-H03',
  section: 'API Gateway HTTP APIs',
  title: 'Add an unauthenticated OPTIONS route ahead of the authorized $default / ANY route',
  harConfidence: 'likely',
  rule: 'Preflight answered 401 or 403 by an HTTP API (apigw-requestid), e.g. {"message":"Unauthorized"} with WWW-Authenticate: Bearer (JWT authorizer).',
  confirm: '`aws apigatewayv2 get-routes --api-id <id>` (route keys and AuthorizationType).',
  needs: HTTP_API,
  detect: (ctx) => {
    const r = rejectedPreflight(ctx);
    const f = fp(ctx, 'preflight', HTTP_API);
    if (!r || !f || (r.status !== 401 && r.status !== 403)) return null;
    const auth = authHeaderEvidence(ctx);
    const www = r.header('www-authenticate');
    return { confidence: 'likely', evidence: [hidden(r), ...(www ? [`WWW-Authenticate: ${www}`] : []), 'The $default or ANY /{proxy+} route caught the preflight and ran its authorizer; preflights carry no credentials.', ...(auth ? [auth] : [])] };
  },
  explanation: () => 'The $default route (and ANY /{proxy+}) catches every method that has no explicit route — including OPTIONS — so its authorizer runs on the preflight. An explicit OPTIONS /{proxy+} route without authorizer has priority; with a CORS configuration API Gateway adds the headers to its 2xx answer.',
  fixes: (f) => fixes(optionsRoute(f, true), [notApplicable('lambda-node', 'The authorizer runs before any function: add the unauthenticated OPTIONS route on the API.'), notApplicable('lambda-python', 'The authorizer runs before any function: add the unauthenticated OPTIONS route on the API.')]),
  docs: [DOCS.httpApiCors],
};

export const H04: Pitfall = {
  id: 'APIGW-H04',
  section: 'API Gateway HTTP APIs',
  title: 'Use explicit origins with AllowCredentials on the HTTP API',
  harConfidence: 'certain (runtime symptom)',
  rule: 'HTTP API response with Access-Control-Allow-Origin: * to a credentialed request (WildcardOriginNotAllowed / PreflightWildcardOriginNotAllowed), or Access-Control-Allow-Headers: * while Authorization was refused.',
  confirm: 'CorsConfiguration (AllowOrigins, AllowCredentials); deploy errors "allow-credentials is not supported if \'allow-origin\' is *".',
  needs: HTTP_API,
  detect: (ctx) => {
    const r = failingAt(ctx, ctx.failedStage ?? 'actual');
    if (!r || !fp(ctx, r.stage, HTTP_API)) return null;
    if (hasError(ctx, 'WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed'))
      return { confidence: 'certain', evidence: ['Access-Control-Allow-Origin: * on a request sent with credentials.', `Credentials: ${ctx.exchange.credentials.value} (from ${ctx.exchange.credentials.from}).`] };
    if (r.header('access-control-allow-headers')?.trim() === '*' && ctx.refusedHeaders.some(isCorsNonWildcardRequestHeaderName))
      return { confidence: 'certain', evidence: ['Access-Control-Allow-Headers: * does not cover Authorization: list it in allowHeaders.'] };
    return null;
  },
  explanation: () => 'HTTP APIs refuse allowCredentials with allowOrigins ["*"] at deploy time, so teams fall back to * without credentials — which the browser rejects for cookie-based requests. List the origins explicitly and turn AllowCredentials on; list authorization explicitly in allowHeaders.',
  fixes: (f) => fxHttpApiCors({ ...f, credentials: true }),
  docs: [DOCS.httpApiCors],
};

export const H05: Pitfall = {
  id: 'APIGW-H05',
  section: 'API Gateway HTTP APIs',
  title: "Let the HTTP API's CORS configuration cover its own error responses",
  harConfidence: 'likely',
  rule: 'Actual response generated by an HTTP API (default {"message": …} body, x-amzn-ErrorType, JWT WWW-Authenticate, 503) without Access-Control-Allow-Origin (likely; possible when the API evidently has a CORS configuration).',
  confirm: '`aws apigatewayv2 get-api` CorsConfiguration absent; access logs with $context.integrationErrorMessage.',
  needs: HTTP_API,
  detect: (ctx) => {
    const a = actualWithoutAcao(ctx);
    const f = fp(ctx, 'actual', HTTP_API);
    if (!a || !f?.gatewayGenerated || a.status < 400) return null;
    const configured = apiAnsweredPreflight(ctx);
    return { confidence: configured ? 'possible' : 'likely', evidence: [hidden(a), ...f.evidence.filter((e) => e.startsWith('generated')), configured ? 'The API answered the preflight itself, so it has a CORS configuration; check whether it covers this error type.' : 'HTTP APIs have no gateway-response customisation: only the API\'s CORS configuration adds headers to its own errors.'] };
  },
  explanation: () => 'When the backend owns CORS, API Gateway\'s own 401/403/404/429/500/503 answers carry no CORS headers, and HTTP APIs cannot customise them. Move CORS to the API\'s configuration, then fix the real error (JWT audience/issuer, Lambda errors, timeouts under 30 s).',
  fixes: (f) => fixes(fxHttpApiCors(f), removeCorsFromCode('Move CORS to the HTTP API configuration; remove it from the function.')),
  docs: [DOCS.httpApiCors],
};
