// API Gateway REST APIs, part 2: the actual response (catalogue §2.1: APIGW-R03, R04, R05 with its
// gateway-error sub-cases, R06, R08, R14, R15).
import type { HintFix } from '../../types';
import { fix, fixes, notApplicable } from '../fixes/common';
import { fxCloudFront } from '../fixes/cloudfront';
import { fxLambda } from '../fixes/lambda';
import { fxGatewayResponses, restVars } from '../fixes/rest';
import type { FillValues } from '../fill';
import type { HintContext } from '../context';
import { type ResponseView, messageIs } from '../view';
import { DOCS } from './docs';
import { REST, actualWithoutAcao, cloudFrontInFront, confirmLine, fingerprintEvidence, fp, hidden, noAcaoEvidence } from './rules';
import type { Pitfall } from './types';

/** The REST fingerprint of the failing actual response, and whether API Gateway generated it. */
function restActual(ctx: HintContext) {
  const r = actualWithoutAcao(ctx);
  const f = fp(ctx, 'actual', REST);
  return r && f ? { r, f, generated: f.gatewayGenerated === true } : null;
}

// ---- APIGW-R05 sub-cases (catalogue table in §2.1) ------------------------------------------------
interface SubCase {
  readonly id: string;
  readonly name: string;
  /** The gateway response type to customise (besides DEFAULT_4XX/DEFAULT_5XX). */
  readonly type: string;
  readonly match: (r: ResponseView) => boolean;
  readonly cause: (r: ResponseView) => string;
}

const hasKey = (r: ResponseView) => r.requestHeader('x-api-key') !== null;
const hasAuth = (r: ResponseView) => r.requestHeader('authorization') !== null;

export const R05_SUBCASES: readonly SubCase[] = [
  { id: 'R05a', name: 'Cognito authorizer: token expired', type: 'UNAUTHORIZED', match: (r) => r.status === 401 && messageIs(r, 'The incoming token has expired'), cause: () => 'The Cognito user pool authorizer rejected an expired token: refresh the token before calling.' },
  { id: 'R05a/R05b', name: 'authorizer rejected the request (401)', type: 'UNAUTHORIZED', match: (r) => r.status === 401, cause: (r) => (hasAuth(r) ? 'The Cognito or Lambda authorizer rejected the token: wrong token type (access vs ID token), missing scopes, wrong audience, or an expired token.' : 'The request carried no Authorization header, so the authorizer\'s identity source was missing and API Gateway answered 401 without calling it.') },
  { id: 'R05g', name: 'resource policy / IAM denied the call', type: 'ACCESS_DENIED', match: (r) => r.status === 403 && /execute-api:Invoke|User: anonymous/i.test(r.body.message ?? ''), cause: () => 'The API\'s resource policy (IP/VPC conditions) or IAM auth denied the call.' },
  { id: 'R05b', name: 'Lambda authorizer denied the call', type: 'ACCESS_DENIED', match: (r) => r.status === 403 && (r.errorType === 'AccessDeniedException' || /not authorized to access this resource/i.test(r.body.message ?? '')), cause: (r) => (/explicit deny/i.test(r.body.message ?? '') ? 'The Lambda authorizer returned an explicit Deny policy.' : 'The Lambda authorizer\'s policy does not allow this method/path — with authorizer caching, a policy cached for another path (see APIGW-R08).') },
  { id: 'R05c', name: 'wrong path, method or stage (Missing Authentication Token)', type: 'MISSING_AUTHENTICATION_TOKEN', match: (r) => r.status === 403 && (r.errorType === 'MissingAuthenticationTokenException' || messageIs(r, 'Missing Authentication Token')), cause: (r) => `No ${r.entry.method} method exists at ${r.path} in the deployed stage: a typo, a wrong HTTP method, a missing stage segment, a path without its leading "/" (Amplify), or a resource not deployed yet.` },
  { id: 'R05c', name: 'Bearer token sent to a missing or IAM-authorised route', type: 'DEFAULT_4XX', match: (r) => r.status === 403 && r.errorType === 'IncompleteSignatureException', cause: () => 'API Gateway parsed the Authorization header as a SigV4 signature: the route does not exist (so it fell to IAM parsing) or uses AWS_IAM auth.' },
  { id: 'R05d/R05e', name: 'API key missing or invalid, or AWS WAF blocked it', type: 'INVALID_API_KEY', match: (r) => r.status === 403 && (r.errorType === 'ForbiddenException' || messageIs(r, 'Forbidden')), cause: (r) => (hasKey(r) ? 'The x-api-key sent is not valid for this stage\'s usage plan — or AWS WAF blocked the request (WAF_FILTERED answers the same way).' : 'The method requires an API key and the request sent no x-api-key — or AWS WAF blocked the request (WAF_FILTERED answers the same way), or the URL lacks the stage.') },
  { id: 'R05f', name: 'usage-plan quota exceeded', type: 'QUOTA_EXCEEDED', match: (r) => r.status === 429 && (r.errorType === 'LimitExceededException' || messageIs(r, 'Limit Exceeded')), cause: () => 'The usage plan quota for this API key is used up.' },
  { id: 'R05f', name: 'throttled', type: 'THROTTLED', match: (r) => r.status === 429, cause: () => 'Stage, method, account or usage-plan throttling limits were exceeded (no Retry-After is sent).' },
  { id: 'R05h', name: 'unsupported media type', type: 'UNSUPPORTED_MEDIA_TYPE', match: (r) => r.status === 415, cause: () => 'UNSUPPORTED_MEDIA_TYPE: passthrough behaviour NEVER and no mapping template for this Content-Type.' },
  { id: 'R05h', name: 'request validation failed', type: 'BAD_REQUEST_BODY', match: (r) => r.status === 400, cause: () => 'A request validator rejected the body or parameters (BAD_REQUEST_BODY / BAD_REQUEST_PARAMETERS).' },
  { id: 'R05i', name: 'Lambda proxy response malformed or function crashed', type: 'DEFAULT_5XX', match: (r) => r.status === 502, cause: (r) => `The function ${r.traced ? 'ran (X-Amzn-Trace-Id present) but ' : ''}returned something other than {statusCode, headers, body-as-string}, threw, or exceeded the 6 MB payload.` },
  { id: 'R05j', name: 'integration or authorizer configuration error', type: 'DEFAULT_5XX', match: (r) => r.status === 500, cause: (r) => `API_CONFIGURATION_ERROR / AUTHORIZER_FAILURE: ${r.traced ? 'a mapping or conversion failed' : 'the integration never ran (no X-Amzn-Trace-Id) — a missing lambda:InvokeFunction permission, an unresolved stage variable, or an authorizer crash'} (APIGW-R15).` },
  { id: 'R05k', name: 'integration unreachable', type: 'INTEGRATION_FAILURE', match: (r) => r.status === 504 && messageIs(r, 'Network error communicating with endpoint'), cause: () => 'INTEGRATION_FAILURE: the HTTP / VPC-link backend was unreachable.' },
  { id: 'R05k', name: 'integration timed out', type: 'INTEGRATION_TIMEOUT', match: (r) => r.status === 504, cause: (r) => `INTEGRATION_TIMEOUT: the backend took longer than the integration timeout (29 s by default)${r.entry.durationMs > 0 ? `; this request took ${(r.entry.durationMs / 1000).toFixed(1)} s` : ''}.` },
  { id: 'R05', name: 'gateway error', type: 'DEFAULT_4XX', match: (r) => r.status >= 400 && r.status < 500, cause: () => 'API Gateway answered with a 4XX gateway response.' },
  { id: 'R05', name: 'gateway error', type: 'DEFAULT_5XX', match: (r) => r.status >= 500, cause: () => 'API Gateway answered with a 5XX gateway response.' },
];

export function r05SubCase(r: ResponseView): SubCase | undefined {
  return R05_SUBCASES.find((s) => s.match(r));
}

export const R05: Pitfall = {
  id: 'APIGW-R05',
  section: 'API Gateway REST APIs',
  title: 'Return CORS headers from API Gateway error responses',
  harConfidence: 'certain (gateway-generated, no CORS); likely (sub-cause)',
  rule: 'Actual response without Access-Control-Allow-Origin, from API Gateway REST (x-amz-apigw-id / x-amzn-Remapped-* / execute-api host), generated by the gateway: x-amzn-ErrorType without X-Amzn-Trace-Id, a default {"message": …} body, or a 5xx gateway status. The status, x-amzn-ErrorType and body pick the sub-case (R05a–R05k) and the gateway response type. 413 goes to APIGW-R06.',
  confirm: '`aws apigateway get-gateway-responses --rest-api-id <id>` (DEFAULT_4XX/DEFAULT_5XX responseParameters); execution logs "Gateway response type: … with status code: …".',
  needs: REST,
  detect: (ctx) => {
    const a = restActual(ctx);
    if (!a || !a.generated || a.r.status < 400 || a.r.status === 413) return null;
    const sub = r05SubCase(a.r)!;
    return {
      confidence: a.f.service === 'apigw-rest' ? 'certain' : 'likely',
      variant: `${sub.id} ${sub.type}`,
      title: `Return CORS headers from API Gateway error responses (${a.r.status} ${a.r.errorType ?? sub.name})`,
      evidence: [hidden(a.r), `${sub.id} — ${sub.name}: ${sub.cause(a.r)}`, noAcaoEvidence(a.r), `Gateway response type: ${sub.type}.`, ...a.f.evidence.filter((e) => /x-amz-apigw-id|remapped|execute-api|generated/.test(e)).slice(0, 2)],
    };
  },
  explanation: (_ctx, d) =>
    `Gateway responses bypass the integration, so neither your function nor integration-response mappings run, and their defaults carry no CORS headers: the browser hides the real status behind a CORS error. Add CORS headers to DEFAULT_4XX and DEFAULT_5XX (or the specific type), redeploy, then fix the underlying error — the headers only let the page see it.${d.variant?.startsWith('R05d/R05e') ? ' If AWS WAF blocks the request, its custom response takes precedence over gateway responses: add the CORS headers in the WAF rule\'s custom response (WAF-01).' : ''}`,
  fixes: (f, _ctx, d) => {
    const [id, type] = (d.variant ?? '').split(' ');
    const types = [...new Set(['DEFAULT_4XX', 'DEFAULT_5XX', ...(type && !type.startsWith('DEFAULT') ? [type] : [])])];
    const gwr = fxGatewayResponses(f, types);
    return id === 'R05i' ? fixes(gwr.filter((x) => !x.toolchain.startsWith('lambda')), fxLambda(f, { answerOptions: false })) : gwr;
  },
  docs: [DOCS.gatewayResponses, DOCS.corsErrorsKc, DOCS.restCors],
};

export const R03: Pitfall = {
  id: 'APIGW-R03',
  section: 'API Gateway REST APIs',
  title: 'Return CORS headers from the Lambda proxy integration',
  harConfidence: 'likely',
  rule: 'Actual response from API Gateway REST without Access-Control-Allow-Origin, not gateway-generated, with X-Amzn-Trace-Id (the backend ran) — likely; stronger when the captured preflight passed with ACAO. Without X-Amzn-Trace-Id: possible.',
  confirm: '`aws apigateway get-integration --http-method <M>` shows "type": "AWS_PROXY"; the function\'s CloudWatch logs show the invocation.',
  needs: REST,
  detect: (ctx) => {
    const a = restActual(ctx);
    if (!a || a.generated || a.r.status === 413) return null;
    const preflightOk = ctx.preflight?.answered && ctx.preflight.status < 300 && ctx.preflight.header('access-control-allow-origin') !== null;
    return {
      confidence: a.r.traced ? 'likely' : 'possible',
      evidence: [
        `${noAcaoEvidence(a.r)} The ${a.r.status} came from your backend, not from API Gateway${a.r.traced ? ' (X-Amzn-Trace-Id present, no gateway error type)' : ''}.`,
        ...(preflightOk ? ['The preflight passed with Access-Control-Allow-Origin: the gateway part is fine.'] : []),
        ...(a.r.status >= 400 ? [`Only the ${a.r.status} error path may lack the headers (a catch block or framework error handler).`] : []),
        ...fingerprintEvidence(a.f, 1),
        ...(a.r.traced ? [] : [confirmLine('the integration type is AWS_PROXY and the function logs show this invocation.')]),
      ],
    };
  },
  explanation: () => 'With a proxy integration there is no integration response: your function must return Access-Control-Allow-Origin itself, on every response — success, 4xx, 5xx and catch blocks. "Enable CORS", SAM Cors, CDK defaultCorsPreflightOptions and Serverless cors: only create the OPTIONS method.',
  fixes: (f) => fixes(
    fxLambda(f, { answerOptions: false }),
    (['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform'] as const).map((t) => notApplicable(t, 'Nothing on a REST API adds headers to a Lambda proxy response: fix the function (Lambda tabs), or move to an HTTP API with a CORS configuration, or put CloudFront with a response headers policy in front.')),
  ),
  docs: [DOCS.restCors, DOCS.corsErrorsKc],
};

export const R04: Pitfall = {
  id: 'APIGW-R04',
  section: 'API Gateway REST APIs',
  title: 'Map Access-Control-Allow-Origin on every integration response status',
  harConfidence: 'possible',
  rule: 'Actual non-2xx response from API Gateway REST without Access-Control-Allow-Origin, not gateway-generated (a non-proxy integration\'s error response): offered as "also check".',
  confirm: '`aws apigateway get-integration-response --status-code <status>` lacks the header mapping.',
  needs: REST,
  detect: (ctx) => {
    const a = restActual(ctx);
    if (!a || a.generated || a.r.status < 300 || a.r.status === 413) return null;
    return { confidence: 'possible', evidence: [`${noAcaoEvidence(a.r)} With a non-proxy integration (Lambda custom, HTTP, AWS service, MOCK), "Enable CORS" maps it on the 200 response only, not on ${a.r.status}.`, confirmLine(`get-integration-response --status-code ${a.r.status} has no method.response.header.Access-Control-Allow-Origin.`)] };
  },
  explanation: () => '"Enable CORS" adds Access-Control-Allow-Origin to the 200 method/integration response only; error statuses chosen by selection patterns need their own header mapping.',
  fixes: (f, ctx) => {
    const status = String(ctx.actual?.status ?? 500);
    return [
      fix('console', 'Add the header to the error method response', `Resources → ${f.resourcePath} → ${f.method} → Method response → ${status} → add header Access-Control-Allow-Origin;\nIntegration response → ${status} → Header mappings → Access-Control-Allow-Origin = '${f.origin.value}' → Save → Deploy API.`),
      fix('cli', `Method + integration response for ${status}`, `${restVars(f)}\nRESOURCE_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" --query "items[?path=='${f.resourcePath}'].id" --output text)\naws apigateway put-method-response --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method ${f.method} \\\n  --status-code ${status} --response-parameters method.response.header.Access-Control-Allow-Origin=false\ncat > ir.json <<'JSON'\n${JSON.stringify({ 'method.response.header.Access-Control-Allow-Origin': `'${f.origin.value}'` })}\nJSON\naws apigateway put-integration-response --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method ${f.method} \\\n  --status-code ${status} --selection-pattern '.*Error.*' --response-parameters file://ir.json\naws apigateway create-deployment --rest-api-id "$API_ID" --stage-name "$STAGE"`),
      fix('cdk', 'integrationResponses and methodResponses per status', `import * as apigw from 'aws-cdk-lib/aws-apigateway';\n\nresource.addMethod('${f.method}', new apigw.LambdaIntegration(fn, {\n  proxy: false,\n  integrationResponses: [\n    { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'${f.origin.value}'" } },\n    { statusCode: '${status}', selectionPattern: '.*Error.*', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'${f.origin.value}'" } },\n  ],\n}), {\n  methodResponses: [\n    { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },\n    { statusCode: '${status}', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },\n  ],\n});`),
      fix('terraform', `Method + integration response for ${status}`, `resource "aws_api_gateway_method_response" "r${status}" {\n  rest_api_id = aws_api_gateway_rest_api.api.id\n  resource_id = aws_api_gateway_resource.this.id\n  http_method = "${f.method}"\n  status_code = "${status}"\n  response_parameters = {\n    "method.response.header.Access-Control-Allow-Origin" = true\n  }\n}\n\nresource "aws_api_gateway_integration_response" "r${status}" {\n  rest_api_id       = aws_api_gateway_rest_api.api.id\n  resource_id       = aws_api_gateway_resource.this.id\n  http_method       = "${f.method}"\n  status_code       = aws_api_gateway_method_response.r${status}.status_code\n  selection_pattern = ".*Error.*"\n  response_parameters = {\n    "method.response.header.Access-Control-Allow-Origin" = "'${f.origin.value}'"\n  }\n}`),
      notApplicable('lambda-node', 'With a non-proxy integration the gateway maps the function\'s output: add the header mapping on the API.'),
      notApplicable('lambda-python', 'With a non-proxy integration the gateway maps the function\'s output: add the header mapping on the API.'),
    ];
  },
  docs: [DOCS.restCors, DOCS.restCorsConsole],
};

export const R06: Pitfall = {
  id: 'APIGW-R06',
  section: 'API Gateway REST APIs',
  title: 'Upload large bodies directly to S3: API Gateway\'s 413 cannot carry CORS headers',
  harConfidence: 'certain',
  rule: 'Status 413 without Access-Control-Allow-Origin from API Gateway (x-amz-apigw-id / execute-api host) and/or the body "HTTP content length exceeded 10485760 bytes." — certain with both, likely with one.',
  confirm: 'The request size in the HAR (Content-Length > 10 MB).',
  detect: (ctx) => {
    const r = actualWithoutAcao(ctx);
    if (!r || r.status !== 413) return null;
    const gw = fp(ctx, 'actual', REST);
    const body = /HTTP content length exceeded/i.test(r.body.text ?? '');
    if (!gw && !body) return null;
    const size = r.requestHeader('content-length');
    return {
      confidence: gw && body ? 'certain' : 'likely',
      evidence: [hidden(r), ...(body ? [`Body: ${r.body.text!.trim()}`] : []), ...(size ? [`Request Content-Length: ${size} bytes (REST API payload limit: 10 MB).`] : []), 'REQUEST_TOO_LARGE cannot be customised: no gateway response setting adds CORS headers to it.'],
    };
  },
  explanation: () => 'REST APIs reject bodies over 10 MB with a 413 that cannot be customised, so it never carries CORS headers. Send large files straight to S3 with a presigned URL (S3-03) and pass only the object key to the API.',
  fixes: (f) => {
    const why = 'No API Gateway setting fixes this response. Presign an S3 upload instead (Lambda tabs), and give the bucket a CORS rule for PUT (S3-01).';
    return [
      ...(['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform'] as const).map((t) => notApplicable(t, why)),
      fix('lambda-node', 'Hand out a presigned S3 PUT URL instead', `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nimport { getSignedUrl } from '@aws-sdk/s3-request-presigner';\n\nconst s3 = new S3Client({ region: process.env.AWS_REGION });\n\nexport const handler = async (event) => {\n  const { key, contentType } = JSON.parse(event.body ?? '{}');\n  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: process.env.BUCKET, Key: key, ContentType: contentType }), { expiresIn: 300 });\n  return { statusCode: 200, headers: { 'Access-Control-Allow-Origin': ${JSON.stringify(f.origin.value)}, Vary: 'Origin' }, body: JSON.stringify({ url }) };\n};`),
      fix('lambda-python', 'Hand out a presigned S3 PUT URL instead', `import json\nimport os\n\nimport boto3\n\ns3 = boto3.client("s3")\n\n\ndef handler(event, context):\n    body = json.loads(event.get("body") or "{}")\n    url = s3.generate_presigned_url("put_object", Params={"Bucket": os.environ["BUCKET"], "Key": body["key"], "ContentType": body["contentType"]}, ExpiresIn=300)\n    return {"statusCode": 200, "headers": {"Access-Control-Allow-Origin": ${JSON.stringify(f.origin.value)}, "Vary": "Origin"}, "body": json.dumps({"url": url})}`),
    ];
  },
  docs: [DOCS.knownIssues, DOCS.gatewayResponses],
};

export const R08: Pitfall = {
  id: 'APIGW-R08',
  section: 'API Gateway REST APIs',
  title: 'Scope the cached authorizer policy to the whole API',
  harConfidence: 'possible',
  rule: 'Actual 403 AccessDeniedException "User is not authorized to access this resource" (no explicit deny) from API Gateway REST: offered as "also check" (a policy cached for another path).',
  confirm: 'The authorizer\'s returned policy (Resource = event.methodArn) and its TTL; an earlier success with the same token in the HAR.',
  needs: REST,
  detect: (ctx) => {
    const a = restActual(ctx);
    if (!a || a.r.status !== 403 || !(a.r.errorType === 'AccessDeniedException' || /not authorized to access this resource/i.test(a.r.body.message ?? '')) || /explicit deny|execute-api:Invoke/i.test(a.r.body.message ?? '')) return null;
    return { confidence: 'possible', evidence: [hidden(a.r), 'If the same token worked on another path moments earlier, the authorizer cached a policy for that one method ARN.', confirmLine('the authorizer returns Resource: event.methodArn with result caching on.')] };
  },
  explanation: () => 'With authorizer result caching, a policy whose Resource is the one event.methodArn is reused for other paths and methods within the TTL and denies them.',
  fixes: (f) => [
    fix('console', 'Set the authorizer TTL to 0 (or widen the policy)', 'API Gateway console → your API → Authorizers → your authorizer → Authorization caching: off (TTL 0) → Save → Deploy API.'),
    fix('cli', 'authorizerResultTtlInSeconds = 0', `${restVars(f)}\nAUTHORIZER_ID=$(aws apigateway get-authorizers --rest-api-id "$API_ID" --query 'items[0].id' --output text)\naws apigateway update-authorizer --rest-api-id "$API_ID" --authorizer-id "$AUTHORIZER_ID" \\\n  --patch-operations op=replace,path=/authorizerResultTtlInSeconds,value=0\naws apigateway create-deployment --rest-api-id "$API_ID" --stage-name "$STAGE"`),
    fix('sam', 'ReauthorizeEvery: 0', `Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: ${f.stage.value}\n      Auth:\n        Authorizers:\n          MyAuthorizer:\n            FunctionArn: YOUR_AUTHORIZER_ARN\n            Identity:\n              ReauthorizeEvery: 0`),
    fix('cdk', 'resultsCacheTtl 0', `import { Duration } from 'aws-cdk-lib';\nimport * as apigw from 'aws-cdk-lib/aws-apigateway';\n\nnew apigw.TokenAuthorizer(this, 'Authorizer', { handler: authorizerFn, resultsCacheTtl: Duration.seconds(0) });`),
    fix('serverless', 'resultTtlInSeconds: 0', `functions:\n  api:\n    handler: handler.main\n    events:\n      - http:\n          path: ${f.resourcePath.replace(/^\//, '') || '/'}\n          method: ${f.method.toLowerCase()}\n          authorizer:\n            name: authorizer\n            resultTtlInSeconds: 0`),
    fix('terraform', 'authorizer_result_ttl_in_seconds = 0', `resource "aws_api_gateway_authorizer" "this" {\n  name                             = "authorizer"\n  rest_api_id                      = aws_api_gateway_rest_api.api.id\n  authorizer_uri                   = aws_lambda_function.authorizer.invoke_arn\n  authorizer_result_ttl_in_seconds = 0\n}`),
    fix('lambda-node', 'Return a policy for the whole API', `export const handler = async (event) => {\n  const sub = await verify(event.authorizationToken);\n  const [arnBase, stage] = event.methodArn.split('/');   // "arn:aws:execute-api:region:account:apiId", "stage"\n  const resource = \`\${arnBase}/\${stage}/*/*\`;\n  return { principalId: sub, policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resource }] } };\n};\n\nasync function verify(token) {\n  return token ? 'user' : 'anonymous';   // your token check\n}`),
    fix('lambda-python', 'Return a policy for the whole API', `def verify(token):\n    return "user" if token else "anonymous"  # your token check\n\n\ndef handler(event, context):\n    sub = verify(event.get("authorizationToken"))\n    arn_base, stage = event["methodArn"].split("/")[:2]\n    resource = f"{arn_base}/{stage}/*/*"\n    return {"principalId": sub, "policyDocument": {"Version": "2012-10-17", "Statement": [\n        {"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": resource}]}}`),
  ],
  docs: [DOCS.authorizer403Kc, DOCS.authErrorsKc],
};

export const R14: Pitfall = {
  id: 'APIGW-R14',
  section: 'API Gateway REST APIs',
  title: 'Use a regional endpoint behind your own CloudFront',
  harConfidence: 'possible',
  rule: 'A 403 ForbiddenException from API Gateway REST that came through CloudFront (Via / X-Amz-Cf-* headers): offered as "also check" (double distribution, forwarded Host).',
  confirm: '`aws apigateway get-rest-api` → endpointConfiguration; the distribution\'s origin and origin request policy.',
  needs: REST,
  detect: (ctx) => {
    const r = ctx.failing;
    if (!r?.answered || r.status !== 403 || r.errorType !== 'ForbiddenException' || !fp(ctx, r.stage, REST) || !cloudFrontInFront(ctx, r.stage)) return null;
    return { confidence: 'possible', evidence: [hidden(r), `Via: ${r.header('via') ?? '(CloudFront headers)'} — CloudFront in front of the REST API.`] };
  },
  explanation: () => 'Putting your own CloudFront in front of an edge-optimized API chains two distributions, and forwarding the viewer Host header makes API Gateway reject the request with 403.',
  fixes: (f) => fixes(fxCloudFront(f, 'host-header'), [
    fix('cli', 'Switch the API to REGIONAL', `${restVars(f)}\naws apigateway update-rest-api --rest-api-id "$API_ID" --patch-operations op=replace,path=/endpointConfiguration/types/EDGE,value=REGIONAL`),
  ]),
  docs: [DOCS.restCors],
};

export const R15: Pitfall = {
  id: 'APIGW-R15',
  section: 'API Gateway REST APIs',
  title: 'Fix the integration error hidden behind the CORS error',
  harConfidence: 'possible',
  rule: 'Gateway-generated 500/502/504 from API Gateway REST on the actual request: offered as "also check" — 500 without X-Amzn-Trace-Id (missing lambda:InvokeFunction permission, stage variable), 502 (malformed proxy output), 504 (timeout, with the HAR time).',
  confirm: 'Execution logs: "Invalid permissions on Lambda function", "Malformed Lambda proxy response", "Execution failed due to a timeout error"; `aws lambda get-policy`.',
  needs: REST,
  detect: (ctx) => {
    const a = restActual(ctx);
    if (!a || !a.generated || ![500, 502, 504].includes(a.r.status)) return null;
    const why = a.r.status === 500 ? (a.r.traced ? 'a mapping/conversion error' : 'no X-Amzn-Trace-Id: the function never ran — missing invoke permission or unresolved stage variable') : a.r.status === 502 ? 'the function returned a malformed proxy response or crashed' : `the integration timed out${a.r.entry.durationMs ? ` after ${(a.r.entry.durationMs / 1000).toFixed(1)} s` : ''}`;
    return { confidence: 'possible', evidence: [hidden(a.r), `Likely ${why}.`] };
  },
  explanation: () => 'The integration failed and API Gateway answered with a gateway response (APIGW-R05), so there are no CORS headers. Gateway responses with CORS headers make the error visible; the real fix is the permission, the proxy output or the timeout.',
  fixes: (f, ctx): HintFix[] => fixes(
    [
      fix('console', integrationConsoleTitle(ctx.actual?.status), integrationConsoleSteps(f, ctx.actual?.status)),
      fix('cli', 'Grant API Gateway permission to invoke the function', `${restVars(f)}\nREGION=${f.region.value}\nACCOUNT=$(aws sts get-caller-identity --query Account --output text)\naws lambda add-permission --function-name ${f.functionName.value} --statement-id apigw-invoke \\\n  --action lambda:InvokeFunction --principal apigateway.amazonaws.com \\\n  --source-arn "arn:aws:execute-api:$REGION:$ACCOUNT:$API_ID/*/*/*"`),
      fix('terraform', 'aws_lambda_permission for API Gateway', `resource "aws_lambda_permission" "apigw" {\n  statement_id  = "apigw-invoke"\n  action        = "lambda:InvokeFunction"\n  function_name = aws_lambda_function.fn.function_name\n  principal     = "apigateway.amazonaws.com"\n  source_arn    = "\${aws_api_gateway_rest_api.api.execution_arn}/*/*"\n}`),
    ],
    fxLambda(f, { answerOptions: false }),
  ),
  docs: [DOCS.gatewayResponses, DOCS.corsErrorsKc],
};

// The console steps of APIGW-R15 follow the status, like its evidence: 500 a missing invoke permission,
// 502 a crash or malformed proxy output, 504 a timeout.
function integrationConsoleTitle(status: number | undefined): string {
  return status === 500 ? 'Grant API Gateway permission to invoke the function'
    : status === 504 ? 'Find where the integration spends its time'
    : 'Find the crash or the malformed response in the function\'s logs';
}

function integrationConsoleSteps(f: FillValues, status: number | undefined): string {
  const logs = `API Gateway console → your API → Stages → ${f.stage.value} → Logs and tracing → turn on execution logs, call again, and read "Execution failed …" in CloudWatch.`;
  if (status === 500) return `Lambda console → ${f.functionName.value} → Configuration → Permissions → Resource-based policy statements → Add permissions:\nAWS service: API Gateway; Source ARN: arn:aws:execute-api:${f.region.value}:YOUR_ACCOUNT_ID:YOUR_API_ID/*/*/*; Action: lambda:InvokeFunction → Save.\n${logs}`;
  if (status === 504) return `${logs}\nREST APIs stop waiting after 29 s by default: make the work asynchronous, or raise the integration timeout (Resources → the method → Integration request → Edit → Timeout; above 29 s needs a quota increase for regional and private APIs).`;
  return `CloudWatch console → Log groups → /aws/lambda/${f.functionName.value} → the invocation at this request's time: an uncaught error, a timeout, or a return value that is not {statusCode, headers, body} with body a string.\n${logs}`;
}
