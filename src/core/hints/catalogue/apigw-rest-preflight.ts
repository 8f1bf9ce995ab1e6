// API Gateway REST APIs, part 1: the preflight and the request's address (catalogue §2.1:
// APIGW-R01, R02, R07, R09, R10, R11, R12, R13).
import { fixes, notApplicable } from '../fixes/common';
import { fxLambda } from '../fixes/lambda';
import { fxGatewayResponses, fxRestDeploy, fxRestPreflight, restVars } from '../fixes/rest';
import { fix } from '../fixes/common';
import { EXECUTE_API_HOST } from '../fingerprint';
import { messageIs } from '../view';
import { DOCS } from './docs';
import { REST, authHeaderEvidence, failingAt, fingerprintEvidence, fp, hasError, hasService, hidden, rejectedPreflight } from './rules';
import type { Pitfall } from './types';
import { isOkStatus } from '../../fetch/status';

const LAMBDA_NA = 'Nothing in the function runs for this request: fix it on the API.';
const isMissingToken = (r: { errorType: string | null }) => r.errorType === 'MissingAuthenticationTokenException';

export const R01: Pitfall = {
  id: 'APIGW-R01',
  section: 'API Gateway REST APIs',
  title: 'Redeploy the REST API stage after enabling CORS',
  harConfidence: 'possible — identical HAR to APIGW-R02',
  rule: 'Preflight answered 403 with x-amzn-ErrorType MissingAuthenticationTokenException (or body "Missing Authentication Token") by a REST API: offered as "also check" next to APIGW-R02.',
  confirm: '`aws apigateway get-method --http-method OPTIONS` succeeds while `aws apigateway get-export --stage-name <stage> --export-type oas30` lacks the options operation; or the stage deploymentId/lastUpdatedDate predates the CORS change.',
  needs: REST,
  detect: (ctx) => {
    const r = rejectedPreflight(ctx);
    if (!r || !fp(ctx, 'preflight', REST) || !(isMissingToken(r) || messageIs(r, 'Missing Authentication Token'))) return null;
    return { confidence: 'possible', evidence: [hidden(r), 'If CORS was enabled in the console, the change may not be deployed to the stage yet.'] };
  },
  explanation: () => 'Console edits change the API\'s working copy only; the stage serves the last deployment. An OPTIONS method that exists in the console but was never deployed answers exactly like a missing one.',
  fixes: (f) => fxRestDeploy(f).concat(notApplicable('lambda-node', LAMBDA_NA), notApplicable('lambda-python', LAMBDA_NA)),
  docs: [DOCS.restCorsConsole, DOCS.corsErrorsKc],
};

export const R02: Pitfall = {
  id: 'APIGW-R02',
  section: 'API Gateway REST APIs',
  title: 'Add an OPTIONS method to the REST API resource',
  harConfidence: 'likely',
  rule: 'Preflight rejected with 403 and x-amzn-ErrorType MissingAuthenticationTokenException (or body "Missing Authentication Token"), answered by API Gateway REST (x-amz-apigw-id or an execute-api host).',
  confirm: '`aws apigateway get-resources --rest-api-id <id> --embed methods` shows no OPTIONS on that resource.',
  needs: REST,
  detect: (ctx) => {
    const r = rejectedPreflight(ctx);
    const f = fp(ctx, 'preflight', REST);
    if (!r || !f || !(isMissingToken(r) || messageIs(r, 'Missing Authentication Token'))) return null;
    return {
      confidence: 'likely',
      evidence: [hidden(r), ...fingerprintEvidence(f), `No OPTIONS method answers ${r.path} on the deployed stage (REST APIs only answer OPTIONS where an OPTIONS or ANY method exists).`],
    };
  },
  explanation: () =>
    'A REST API answers a preflight only when the called resource has an OPTIONS (or ANY) method in the deployed stage; otherwise API Gateway returns 403 "Missing Authentication Token" without CORS headers. "Enable CORS" is per resource and not recursive: /items does not cover /items/{id}.',
  fixes: (f) => fixes(fxRestPreflight(f), fxLambda(f, { answerOptions: true }).map((x) => ({ ...x, title: `${x.title} — only with an ANY/{proxy+} method without authorizer` }))),
  docs: [DOCS.restCors, DOCS.restCorsConsole, DOCS.corsErrorsKc],
};

export const R07: Pitfall = {
  id: 'APIGW-R07',
  section: 'API Gateway REST APIs',
  title: 'Remove the authorizer and API key requirement from the OPTIONS method',
  harConfidence: 'likely',
  rule: 'Preflight rejected by API Gateway REST with 401 UnauthorizedException, or 403 ForbiddenException / AccessDeniedException (likely); 403 MissingAuthenticationTokenException (IAM auth on OPTIONS) is offered as possible.',
  confirm: '`aws apigateway get-method --http-method OPTIONS` → authorizationType, apiKeyRequired.',
  needs: REST,
  detect: (ctx) => {
    const r = rejectedPreflight(ctx);
    const f = fp(ctx, 'preflight', REST);
    if (!r || !f) return null;
    const auth = authHeaderEvidence(ctx);
    const base = [hidden(r), 'Browsers never send Authorization, cookies or x-api-key on a preflight.', ...(auth ? [auth] : [])];
    if (r.status === 401 || (r.status === 403 && (r.errorType === 'ForbiddenException' || r.errorType === 'AccessDeniedException' || messageIs(r, 'Forbidden', 'Unauthorized'))))
      return { confidence: 'likely', evidence: [...base, ...fingerprintEvidence(f, 1)] };
    if (r.status === 403 && isMissingToken(r)) return { confidence: 'possible', evidence: [...base, 'An OPTIONS method with AWS_IAM authorization answers unsigned preflights like this too.'] };
    return null;
  },
  explanation: () =>
    'The OPTIONS method inherited the API\'s auth: SAM adds the DefaultAuthorizer and ApiKeyRequired to CORS preflights unless told not to, older CDK applied defaultMethodOptions to the generated OPTIONS, an OpenAPI global `security` covers OPTIONS, or an ANY /{proxy+} method with an authorizer catches the preflight.',
  fixes: (f) => [
    fix('console', 'OPTIONS → Method request → Authorization NONE', `API Gateway console → Resources → ${f.resourcePath} → OPTIONS → Method request → Edit:\n  • Authorization: NONE\n  • API key required: off\n→ Save, then Deploy API → stage ${f.stage.value}.\nIf only ANY catches OPTIONS, add an explicit OPTIONS method (Enable CORS).`),
    fix('cli', 'update-method on OPTIONS, then deploy', `${restVars(f)}\nRESOURCE_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" --query "items[?path=='${f.resourcePath}'].id" --output text)\naws apigateway update-method --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method OPTIONS \\\n  --patch-operations op=replace,path=/authorizationType,value=NONE op=replace,path=/apiKeyRequired,value=false\naws apigateway create-deployment --rest-api-id "$API_ID" --stage-name "$STAGE"`),
    fix('sam', 'Keep the default authorizer off the CORS preflight', `Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: ${f.stage.value}\n      Cors:\n        AllowOrigin: "'${f.origin.value}'"\n        AllowHeaders: "'${f.allowHeaders.join(',')}'"\n      Auth:\n        DefaultAuthorizer: MyAuthorizer\n        AddDefaultAuthorizerToCorsPreflight: false\n        AddApiKeyRequiredToCorsPreflight: false`),
    fix('cdk', 'OPTIONS without authorizer', `import * as apigw from 'aws-cdk-lib/aws-apigateway';\n\n// Recent aws-cdk-lib (PR #22402) generates OPTIONS with authorizationType NONE; for a hand-made OPTIONS:\nresource.addMethod('OPTIONS', preflightIntegration, {\n  authorizationType: apigw.AuthorizationType.NONE,\n  apiKeyRequired: false,\n});`),
    fix('serverless', 'Let `cors:` create the OPTIONS method (no authorizer on it)', `functions:\n  api:\n    handler: handler.main\n    events:\n      - http:\n          path: ${f.resourcePath.replace(/^\//, '') || '/'}\n          method: ${f.method.toLowerCase()}\n          authorizer: myAuthorizer        # stays on ${f.method}\n          cors:\n            origin: ${JSON.stringify(f.origin.value)}\n            headers: ${JSON.stringify(f.allowHeaders)}\n# do not add a hand-written OPTIONS event with an authorizer`),
    fix('terraform', 'OPTIONS method with authorization NONE', `resource "aws_api_gateway_method" "options" {\n  rest_api_id      = aws_api_gateway_rest_api.api.id\n  resource_id      = aws_api_gateway_resource.this.id\n  http_method      = "OPTIONS"\n  authorization    = "NONE"\n  api_key_required = false\n}`),
    notApplicable('lambda-node', 'The authorizer runs before the function, even when ANY routes OPTIONS to it: add an explicit OPTIONS method on the API.'),
    notApplicable('lambda-python', 'The authorizer runs before the function, even when ANY routes OPTIONS to it: add an explicit OPTIONS method on the API.'),
  ],
  docs: [DOCS.restCors, DOCS.corsErrorsKc],
};

export const R09: Pitfall = {
  id: 'APIGW-R09',
  section: 'API Gateway REST APIs',
  title: 'Allow the refused headers and method in the REST API preflight response',
  harConfidence: 'certain',
  rule: 'Preflight answered 2xx by API Gateway REST and the browser refused a requested header (HeaderDisallowedByPreflightResponse) or the method (MethodDisallowedByPreflightResponse): compare Access-Control-Request-Headers/-Method with Access-Control-Allow-Headers/-Methods, case-insensitively.',
  confirm: '—',
  needs: REST,
  detect: (ctx) => {
    const r = failingAt(ctx, 'preflight');
    const f = fp(ctx, 'preflight', REST);
    if (!r || !f || r.status < 200 || r.status > 299 || !hasError(ctx, 'HeaderDisallowedByPreflightResponse', 'MethodDisallowedByPreflightResponse')) return null;
    const allowHeaders = r.header('access-control-allow-headers');
    const consoleDefault = /^content-type,x-amz-date,authorization,x-api-key,x-amz-security-token(,x-amz-user-agent)?$/i.test((allowHeaders ?? '').replace(/\s/g, ''));
    return {
      confidence: f.service === 'apigw-rest' ? 'certain' : 'likely',
      evidence: [
        ...(ctx.refusedHeaders.length ? [`Refused request header${ctx.refusedHeaders.length > 1 ? 's' : ''}: ${ctx.refusedHeaders.join(', ')}; Access-Control-Allow-Headers: ${allowHeaders ?? '(absent)'}`] : []),
        ...(ctx.refusedMethod ? [`Refused method ${ctx.refusedMethod}; Access-Control-Allow-Methods: ${r.header('access-control-allow-methods') ?? '(absent)'}`] : []),
        ...(consoleDefault ? ["That Allow-Headers list is the console's / CDK's default, chosen when CORS was enabled."] : []),
        ...fingerprintEvidence(f, 1),
      ],
    };
  },
  explanation: () => 'The OPTIONS integration response returns static allow-lists chosen at "Enable CORS" time. Headers added later by the front end (tracing, SDKs, custom auth) are refused until they are listed. Avoid `*` when the request carries Authorization or credentials (X-03).',
  fixes: (f) => fixes(fxRestPreflight(f), fxLambda(f, { answerOptions: true }).map((x) => ({ ...x, title: `${x.title} — if the function answers OPTIONS` }))),
  docs: [DOCS.restCors, DOCS.restCorsConsole],
};

export const R10: Pitfall = {
  id: 'APIGW-R10',
  section: 'API Gateway REST APIs',
  title: 'Set CONVERT_TO_TEXT on the OPTIONS MOCK integration (binary media type */*)',
  harConfidence: 'possible',
  rule: 'Preflight answered 500 by API Gateway REST (x-amz-apigw-id), body {"message": "Internal server error"} when captured: offered as "also check".',
  confirm: '`aws apigateway get-rest-api` → binaryMediaTypes contains */*; execution log "Unable to transform request".',
  needs: REST,
  detect: (ctx) => {
    const r = rejectedPreflight(ctx);
    if (!r || r.status !== 500 || !fp(ctx, 'preflight', REST)) return null;
    return { confidence: 'possible', evidence: [hidden(r), 'A MOCK OPTIONS integration fails like this when */* is registered as a binary media type.'] };
  },
  explanation: () => 'With */* registered as binary, API Gateway treats the MOCK request as binary and cannot apply the {"statusCode": 200} request template (API_CONFIGURATION_ERROR → 500).',
  fixes: (f) => [
    fix('console', 'Not in the console', 'The console does not expose contentHandling on MOCK integrations: use the CLI tab, or register specific binary media types (image/png, application/pdf) instead of */* under API settings.'),
    fix('cli', 'contentHandling CONVERT_TO_TEXT on the OPTIONS integration', `${restVars(f)}\nRESOURCE_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" --query "items[?path=='${f.resourcePath}'].id" --output text)\naws apigateway update-integration --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method OPTIONS \\\n  --patch-operations op=replace,path=/contentHandling,value=CONVERT_TO_TEXT\naws apigateway create-deployment --rest-api-id "$API_ID" --stage-name "$STAGE"`),
    fix('sam', 'Narrow BinaryMediaTypes', `Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: ${f.stage.value}\n      BinaryMediaTypes:\n        - image~1png        # specific types, not */*\n        - application~1pdf`),
    fix('cdk', 'MockIntegration with CONVERT_TO_TEXT', `import * as apigw from 'aws-cdk-lib/aws-apigateway';\n\nresource.addMethod('OPTIONS', new apigw.MockIntegration({\n  contentHandling: apigw.ContentHandling.CONVERT_TO_TEXT,\n  requestTemplates: { 'application/json': '{"statusCode": 200}' },\n  integrationResponses: [{ statusCode: '204', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'${f.origin.value}'" } }],\n}), { methodResponses: [{ statusCode: '204', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } }] });`),
    fix('serverless', 'Narrow binaryMediaTypes', `provider:\n  name: aws\n  apiGateway:\n    binaryMediaTypes:\n      - image/png\n      - application/pdf`),
    fix('terraform', 'content_handling on the OPTIONS integration', `resource "aws_api_gateway_integration" "options" {\n  rest_api_id       = aws_api_gateway_rest_api.api.id\n  resource_id       = aws_api_gateway_resource.this.id\n  http_method       = "OPTIONS"\n  type              = "MOCK"\n  content_handling  = "CONVERT_TO_TEXT"\n  request_templates = { "application/json" = "{\\"statusCode\\": 200}" }\n}`),
    notApplicable('lambda-node', LAMBDA_NA),
    notApplicable('lambda-python', LAMBDA_NA),
  ],
  docs: [DOCS.restCors, DOCS.knownIssues],
};

export const R11: Pitfall = {
  id: 'APIGW-R11',
  section: 'API Gateway REST APIs',
  title: 'Check that the CORS mapping is quoted, ordered and deployed',
  harConfidence: 'possible',
  rule: 'API Gateway REST response whose Access-Control-Allow-Origin is literally a mapping expression (method.request.header.Origin) or keeps its single quotes, or a 2xx REST preflight with no Access-Control-Allow-Origin at all: offered as "also check".',
  confirm: '`get-gateway-responses`, `get-integration-response`, deployment history, IaC deploy errors ("Invalid mapping expression specified").',
  needs: REST,
  detect: (ctx) => {
    if (!hasService(ctx, REST)) return null;
    for (const r of [ctx.preflight, ctx.actual]) {
      if (!r?.answered || !fp(ctx, r.stage, REST)) continue;
      const acao = r.header('access-control-allow-origin');
      if (acao !== null && (/method\.request|context\./.test(acao) || /^'.*'$/.test(acao.trim())))
        return { confidence: 'possible', evidence: [`Access-Control-Allow-Origin: ${acao} — a mapping value that was quoted or unquoted the wrong way.`] };
    }
    const p = failingAt(ctx, 'preflight');
    if (p && isOkStatus(p.status) && fp(ctx, 'preflight', REST) && p.header('access-control-allow-origin') === null)
      return { confidence: 'possible', evidence: [`The REST API answered the preflight ${p.status} but without Access-Control-Allow-Origin: the OPTIONS mapping did not land (quoting, ordering or no redeploy).`] };
    return null;
  },
  explanation: () => 'A literal needs inner single quotes ("\'https://app.example.com\'"); an unquoted value is a mapping expression and an invalid one fails the deploy, so the change never lands. Quoting method.request.header.Origin returns it literally. The integration response must be created after the method response, and every change needs a new deployment.',
  fixes: (f) => fixes(fxGatewayResponses(f).filter((x) => !x.toolchain.startsWith('lambda')), fxRestDeploy(f)),
  docs: [DOCS.gatewayResponses, DOCS.restCors],
};

const COMMON_STAGES = /^(prod|production|dev|development|stage|staging|test|testing|qa|uat|v\d+|api|live|beta|alpha|sandbox|default|main|demo|preprod|\$default)$/i;

export const R12: Pitfall = {
  id: 'APIGW-R12',
  section: 'API Gateway REST APIs',
  title: 'Call the API with its stage, base path and host',
  harConfidence: 'likely (no-stage URL) / possible',
  rule: '403 ForbiddenException from an execute-api host whose first path segment does not look like a stage name (likely — API Gateway read it as the stage); 403 Forbidden/MissingAuthenticationToken on a custom domain, or a bare execute-api path otherwise (possible).',
  confirm: '`aws apigateway get-stages --rest-api-id <id>`, `aws apigateway get-base-path-mappings --domain-name <domain>`.',
  needs: REST,
  detect: (ctx) => {
    const r = failingAt(ctx, ctx.failedStage ?? 'actual');
    if (!r || r.status !== 403 || !fp(ctx, r.stage, REST)) return null;
    const first = r.path.split('/').filter(Boolean)[0];
    const onExecuteApi = EXECUTE_API_HOST.test(r.host);
    if (onExecuteApi && (r.errorType === 'ForbiddenException' || messageIs(r, 'Forbidden'))) {
      const stageLike = first !== undefined && COMMON_STAGES.test(first);
      return {
        confidence: stageLike ? 'possible' : 'likely',
        evidence: [hidden(r), first === undefined ? 'The URL has no stage segment.' : `API Gateway reads the first path segment "${first}" as the stage name${stageLike ? '' : ', and it does not look like one'}.`],
      };
    }
    if (r.errorType === 'MissingAuthenticationTokenException' || r.errorType === 'ForbiddenException')
      return { confidence: 'possible', evidence: [hidden(r), onExecuteApi ? `Check the stage "${first ?? ''}" and the path ${r.path} against the deployed API.` : `On the custom domain ${r.host}, check the base path mapping for ${r.path} (a stage in the path twice, or an unmapped base path).`] };
    return null;
  },
  explanation: () => 'The first path segment of an execute-api URL is the stage; a custom domain maps base paths to stages instead. A missing stage, a stage in the path twice (/prod/prod/...), an unmapped base path or a disabled execute-api endpoint make API Gateway answer 403 before anything that could add CORS headers.',
  fixes: (f) => [
    fix('console', 'Check the URL, or map the base path', `Check the base URL the app uses: https://${f.apiId.value}.execute-api.${f.region.value}.amazonaws.com/${f.stage.value}${f.resourcePath}\nFor a custom domain: API Gateway console → Custom domain names → your domain → API mappings → map the path to stage ${f.stage.value}.`),
    fix('cli', 'List stages and mappings', `${restVars(f)}\naws apigateway get-stages --rest-api-id "$API_ID" --query 'item[].stageName'\n# custom domain: map a base path to the stage\naws apigateway create-base-path-mapping --domain-name ${f.host.includes('execute-api') ? 'api.example.com' : f.host} --rest-api-id "$API_ID" --stage "$STAGE" --base-path v1`),
    fix('sam', 'Domain with a base path', `Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: ${f.stage.value}\n      Domain:\n        DomainName: ${f.host.includes('execute-api') ? 'api.example.com' : f.host}\n        CertificateArn: YOUR_CERTIFICATE_ARN\n        BasePath: [v1]`),
    fix('cdk', 'addBasePathMapping', `domain.addBasePathMapping(api, { basePath: 'v1', stage: api.deploymentStage });`),
    fix('serverless', 'serverless-domain-manager', `plugins:\n  - serverless-domain-manager\ncustom:\n  customDomain:\n    domainName: ${f.host.includes('execute-api') ? 'api.example.com' : f.host}\n    basePath: v1\n    stage: ${f.stage.value}`),
    fix('terraform', 'aws_api_gateway_base_path_mapping', `resource "aws_api_gateway_base_path_mapping" "v1" {\n  api_id      = aws_api_gateway_rest_api.api.id\n  stage_name  = "${f.stage.value}"\n  domain_name = aws_api_gateway_domain_name.api.domain_name\n  base_path   = "v1"\n}`),
    notApplicable('lambda-node', 'The request never reached the function: fix the URL or the mapping.'),
    notApplicable('lambda-python', 'The request never reached the function: fix the URL or the mapping.'),
  ],
  docs: [DOCS.corsErrorsKc, DOCS.gatewayResponses],
};

export const R13: Pitfall = {
  id: 'APIGW-R13',
  section: 'API Gateway REST APIs',
  title: 'Reach the private REST API through its VPC endpoint',
  harConfidence: 'possible',
  rule: 'A private-API host (`{id}-vpce-….execute-api…` or `….vpce.amazonaws.com`), an `x-apigw-api-id` request header, a resource-policy denial ("…is not authorized to perform: execute-api:Invoke…"), or a network error on an execute-api host: offered as "also check".',
  confirm: 'nslookup of the API host from the client network; `aws apigateway get-rest-api` → endpointConfiguration.types, resource policy.',
  detect: (ctx) => {
    const r = ctx.failing ?? ctx.actual ?? ctx.preflight;
    if (!r || !ctx.blocked) return null;
    const evidence: string[] = [];
    if (/-vpce-|\.vpce\.amazonaws\.com$/.test(r.host)) evidence.push(`Host ${r.host} is a private API endpoint.`);
    if (ctx.requestedHeaders.includes('x-apigw-api-id') || r.requestHeader('x-apigw-api-id')) evidence.push('The request sends x-apigw-api-id (endpoint-specific private DNS); it must be in Access-Control-Allow-Headers.');
    if (r.answered && /execute-api:Invoke/.test(r.body.message ?? '')) evidence.push(hidden(r));
    if (!r.answered && EXECUTE_API_HOST.test(r.host) && ctx.exchange.browser.kind === 'network-error') evidence.push(`The request to ${r.host} failed at the network level (${ctx.exchange.browser.error ?? 'no response'}).`);
    return evidence.length ? { confidence: 'possible', evidence } : null;
  },
  explanation: () => 'A private REST API answers only through an interface VPC endpoint, and a resource policy decides who may invoke it. From outside the VPC (or with private DNS sending public API calls to the endpoint) the browser sees 403 or a DNS failure — without CORS headers.',
  fixes: (f) => [
    fix('console', 'Check the endpoint and resource policy', 'API Gateway console → your API → API settings → Endpoint type, and Resource policy. Browsers must reach the API through the VPC endpoint (private DNS, or the https://{rest-api-id}-{vpce-id}.execute-api.{region}.amazonaws.com alias).'),
    fix('cli', 'Associate the VPC endpoint', `${restVars(f)}\naws apigateway update-rest-api --rest-api-id "$API_ID" --patch-operations op=add,path=/endpointConfiguration/vpcEndpointIds,value=YOUR_VPCE_ID\naws apigateway get-rest-api --rest-api-id "$API_ID" --query '{types: endpointConfiguration.types, policy: policy}'`),
    fix('cdk', 'Private endpoint with the VPC endpoint', `import * as apigw from 'aws-cdk-lib/aws-apigateway';\n\nconst api = new apigw.RestApi(this, 'Api', {\n  endpointConfiguration: { types: [apigw.EndpointType.PRIVATE], vpcEndpoints: [vpce] },\n});`),
    fix('terraform', 'endpoint_configuration', `resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n  endpoint_configuration {\n    types            = ["PRIVATE"]\n    vpc_endpoint_ids = [aws_vpc_endpoint.execute_api.id]\n  }\n}`),
  ],
  docs: [DOCS.corsErrorsKc],
};
