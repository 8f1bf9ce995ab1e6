// API Gateway REST API fix blocks (catalogue §2.0): FX-REST-DEPLOY, FX-REST-PREFLIGHT, FX-GWR.
// Header values inside REST mappings are mapping expressions: literals need inner single quotes.
import type { HintFix } from '../../types';
import { type FillValues, quoted } from '../fill';
import { memoFixes } from '../memo';
import { fix, identifierFromPath, list, notApplicable, shVar } from './common';

export function restVars(f: FillValues): string {
  return [
    shVar('API_ID', f.apiId, 'from the URL', 'aws apigateway get-rest-apis'),
    shVar('STAGE', f.stage, 'first path segment of the URL', 'aws apigateway get-stages --rest-api-id "$API_ID"'),
  ].join('\n');
}

function resourceIdLine(f: FillValues): string {
  return [
    `# The resource the browser called (${f.resourcePath}); use its template path if it has parameters, e.g. /items/{id}`,
    `RESOURCE_ID=$(aws apigateway get-resources --rest-api-id "$API_ID" --query "items[?path=='${f.resourcePath.replace(/"/g, '')}'].id" --output text)`,
  ].join('\n');
}

export const tfResource = (f: FillValues) => identifierFromPath(f.resourcePath);

const preflightHeaders = (f: FillValues) => ({
  origin: quoted(f.origin.value),
  methods: quoted(f.allowMethods.join(',')),
  headers: quoted(f.allowHeaders.join(',')),
});

// ---- FX-REST-DEPLOY -------------------------------------------------------------------------------
export const fxRestDeploy = memoFixes(['apiId', 'stage', 'resourcePath'], function fxRestDeploy(f: FillValues): HintFix[] {
  return [
    fix('console', 'Deploy the API to the stage', `API Gateway console → APIs → your API → Deploy API → Stage: ${f.stage.value} → Deploy.\nConsole changes are live only after a deployment.`),
    fix('cli', 'Create a deployment', `${restVars(f)}\naws apigateway create-deployment --rest-api-id "$API_ID" --stage-name "$STAGE" --description "cors fix"`),
    fix('sam', 'Always redeploy the API', `
Resources:
  Api:
    Type: AWS::Serverless::Api
    Properties:
      StageName: ${f.stage.value}
      AlwaysDeploy: true   # a new AWS::ApiGateway::Deployment on every sam deploy`),
    fix('cdk', 'Make the deployment change with the CORS settings', `
// RestApi replaces its Deployment when methods/resources change; gateway responses joined that hash in
// aws-cdk PR #11068 — upgrade, or force a new deployment:
api.latestDeployment?.addToLogicalId(Date.now().toString());`),
    fix('serverless', 'Redeploy', `
# Every \`serverless deploy\` creates a new API Gateway deployment; port console-only changes into serverless.yml first.
provider:
  name: aws
  stage: ${f.stage.value}`),
    fix('terraform', 'Redeploy when the CORS resources change', `
resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_method.${tfResource(f)}_options,
      aws_api_gateway_integration.${tfResource(f)}_options,
      aws_api_gateway_integration_response.${tfResource(f)}_options,
      aws_api_gateway_gateway_response.default_4xx,
      aws_api_gateway_gateway_response.default_5xx,
    ]))
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "${identifierFromPath(f.stage.value, 'prod')}" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "${f.stage.value}"
}`),
  ];
});

// ---- FX-REST-PREFLIGHT ----------------------------------------------------------------------------
export const fxRestPreflight = memoFixes(['origin', 'method', 'allowMethods', 'allowHeaders', 'credentials', 'apiId', 'stage', 'resourcePath'], function fxRestPreflight(f: FillValues): HintFix[] {
  const h = preflightHeaders(f);
  const r = tfResource(f);
  const methodResponse = JSON.stringify({
    'method.response.header.Access-Control-Allow-Origin': false,
    'method.response.header.Access-Control-Allow-Methods': false,
    'method.response.header.Access-Control-Allow-Headers': false,
    ...(f.credentials ? { 'method.response.header.Access-Control-Allow-Credentials': false } : {}),
  }, null, 2);
  const integrationResponse = JSON.stringify({
    'method.response.header.Access-Control-Allow-Origin': h.origin,
    'method.response.header.Access-Control-Allow-Methods': h.methods,
    'method.response.header.Access-Control-Allow-Headers': h.headers,
    ...(f.credentials ? { 'method.response.header.Access-Control-Allow-Credentials': "'true'" } : {}),
  }, null, 2);
  return [
    fix('console', 'Enable CORS on the resource', `
API Gateway console → your REST API → Resources → ${f.resourcePath} → Enable CORS:
  • Gateway responses: tick Default 4XX and Default 5XX
  • Methods: tick OPTIONS and ${f.method}
  • Access-Control-Allow-Methods: ${f.allowMethods.join(',')}
  • Access-Control-Allow-Headers: ${f.allowHeaders.join(',')}
  • Access-Control-Allow-Origin: ${f.origin.value}${f.credentials ? '\n  • Access-Control-Allow-Credentials: on' : ''}
→ Save, then Deploy API → stage ${f.stage.value}.
Enable CORS is not recursive: child resources need their own OPTIONS method.`),
    fix('cli', 'Add a MOCK OPTIONS method that answers the preflight', `
${restVars(f)}
${resourceIdLine(f)}
aws apigateway put-method --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method OPTIONS \\
  --authorization-type NONE --no-api-key-required
aws apigateway put-integration --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method OPTIONS \\
  --type MOCK --request-templates '{"application/json":"{\\"statusCode\\": 200}"}'
cat > method-response.json <<'JSON'
${methodResponse}
JSON
cat > integration-response.json <<'JSON'
${integrationResponse}
JSON
# the method response must exist before the integration response
aws apigateway put-method-response --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method OPTIONS \\
  --status-code 200 --response-parameters file://method-response.json
aws apigateway put-integration-response --rest-api-id "$API_ID" --resource-id "$RESOURCE_ID" --http-method OPTIONS \\
  --status-code 200 --response-parameters file://integration-response.json
aws apigateway create-deployment --rest-api-id "$API_ID" --stage-name "$STAGE"`),
    fix('sam', 'Cors on the AWS::Serverless::Api (inline definition only)', `
Globals:
  Api:
    Cors:
      AllowOrigin: "${h.origin}"   # one origin, inner single quotes
      AllowMethods: "${h.methods}"
      AllowHeaders: "${h.headers}"
      MaxAge: "'600'"${f.credentials ? '\n      AllowCredentials: true' : ''}`),
    fix('cdk', 'defaultCorsPreflightOptions on the RestApi', `
import { Duration } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';

const api = new apigw.RestApi(this, 'Api', {
  defaultCorsPreflightOptions: {          // an OPTIONS method on every resource of the tree
    allowOrigins: ${list([f.origin.value])},
    allowMethods: ${list(f.allowMethods)},
    allowHeaders: ${list(f.allowHeaders)},${f.credentials ? '\n    allowCredentials: true,' : ''}
    maxAge: Duration.minutes(10),
  },
});`),
    fix('serverless', 'cors on the http event', `
functions:
  api:
    handler: handler.main
    events:
      - http:
          path: ${f.resourcePath.replace(/^\//, '') || '/'}
          method: ${f.method.toLowerCase()}
          cors:
            origin: ${JSON.stringify(f.origin.value)}
            headers: ${list(f.allowHeaders)}${f.credentials ? '\n            allowCredentials: true' : ''}
            maxAge: 600`),
    fix('terraform', 'OPTIONS method, MOCK integration and the CORS response headers', `
resource "aws_api_gateway_method" "${r}_options" {
  rest_api_id      = aws_api_gateway_rest_api.api.id
  resource_id      = aws_api_gateway_resource.${r}.id
  http_method      = "OPTIONS"
  authorization    = "NONE"
  api_key_required = false
}

resource "aws_api_gateway_integration" "${r}_options" {
  rest_api_id       = aws_api_gateway_rest_api.api.id
  resource_id       = aws_api_gateway_resource.${r}.id
  http_method       = aws_api_gateway_method.${r}_options.http_method
  type              = "MOCK"
  request_templates = { "application/json" = "{\\"statusCode\\": 200}" }
}

resource "aws_api_gateway_method_response" "${r}_options_200" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.${r}.id
  http_method = aws_api_gateway_method.${r}_options.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin"  = true
    "method.response.header.Access-Control-Allow-Methods" = true
    "method.response.header.Access-Control-Allow-Headers" = true${f.credentials ? '\n    "method.response.header.Access-Control-Allow-Credentials" = true' : ''}
  }
}

resource "aws_api_gateway_integration_response" "${r}_options" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  resource_id = aws_api_gateway_resource.${r}.id
  http_method = aws_api_gateway_method.${r}_options.http_method
  status_code = aws_api_gateway_method_response.${r}_options_200.status_code
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin"  = "${h.origin}"
    "method.response.header.Access-Control-Allow-Methods" = "${h.methods}"
    "method.response.header.Access-Control-Allow-Headers" = "${h.headers}"${f.credentials ? `\n    "method.response.header.Access-Control-Allow-Credentials" = "'true'"` : ''}
  }
  depends_on = [aws_api_gateway_integration.${r}_options]
}
# then add these resources to the aws_api_gateway_deployment triggers (FX-REST-DEPLOY)`),
  ];
});

// ---- FX-GWR ---------------------------------------------------------------------------------------
/** CORS headers on gateway-generated errors. `types` are the response types to customise (DEFAULT_4XX/5XX by default). */
export const fxGatewayResponses = memoFixes(['origin', 'allowHeaders', 'credentials', 'apiId', 'stage'], function fxGatewayResponses(f: FillValues, types: readonly string[] = ['DEFAULT_4XX', 'DEFAULT_5XX']): HintFix[] {
  const origin = quoted(f.origin.value);
  const headers = quoted(f.allowHeaders.join(','));
  const params: Record<string, string> = {
    'gatewayresponse.header.Access-Control-Allow-Origin': origin,
    'gatewayresponse.header.Access-Control-Allow-Headers': headers,
    'gatewayresponse.header.Vary': "'Origin'",
    ...(f.credentials ? { 'gatewayresponse.header.Access-Control-Allow-Credentials': "'true'" } : {}),
  };
  const yamlHeaders = (indent: string) =>
    [`Access-Control-Allow-Origin: "${origin}"`, `Access-Control-Allow-Headers: "${headers}"`, `Vary: "'Origin'"`, ...(f.credentials ? [`Access-Control-Allow-Credentials: "'true'"`] : [])]
      .map((l) => indent + l).join('\n');
  const cfnName = (t: string) => `GatewayResponse${t.toLowerCase().replace(/(^|_)([a-z0-9])/g, (_m, _u, c: string) => c.toUpperCase())}`;
  const tfName = (t: string) => t.toLowerCase();
  const cdkType = (t: string) => `apigw.ResponseType.${t}`;
  return [
    fix('console', 'Add CORS headers to the gateway responses', `
API Gateway console → your REST API → Gateway responses → ${types.map((t) => t.replace(/_/g, ' ')).join(', ')} → Edit → Response headers:
  • Access-Control-Allow-Origin = ${origin}
  • Access-Control-Allow-Headers = ${headers}
  • Vary = 'Origin'${f.credentials ? "\n  • Access-Control-Allow-Credentials = 'true'" : ''}
→ Save each, then Deploy API → stage ${f.stage.value}. (Values keep their inner single quotes.)`),
    fix('cli', 'put-gateway-response for each type, then deploy', `
${restVars(f)}
cat > gwr.json <<'JSON'
${JSON.stringify(params, null, 2)}
JSON
for t in ${types.join(' ')}; do
  aws apigateway put-gateway-response --rest-api-id "$API_ID" --response-type "$t" --response-parameters file://gwr.json
done
aws apigateway create-deployment --rest-api-id "$API_ID" --stage-name "$STAGE"`),
    fix('sam', 'GatewayResponses on the AWS::Serverless::Api', `
Globals:
  Api:
    GatewayResponses:
${types.map((t) => `      ${t}:\n        ResponseParameters:\n          Headers:\n${yamlHeaders('            ')}`).join('\n')}`),
    fix('cdk', 'addGatewayResponse for each type', `
import * as apigw from 'aws-cdk-lib/aws-apigateway';

for (const [id, type] of [${types.map((t) => `['${cfnName(t)}', ${cdkType(t)}]`).join(', ')}] as const) {
  api.addGatewayResponse(id, {
    type,
    responseHeaders: {                    // values need inner single quotes
      'Access-Control-Allow-Origin': "${origin}",
      'Access-Control-Allow-Headers': "${headers}",
      'Vary': "'Origin'",${f.credentials ? `\n      'Access-Control-Allow-Credentials': "'true'",` : ''}
    },
  });
}`),
    fix('serverless', 'AWS::ApiGateway::GatewayResponse resources', `
resources:
  Resources:
${types.map((t) => `    ${cfnName(t)}:
      Type: AWS::ApiGateway::GatewayResponse
      Properties:
        ResponseType: ${t}
        RestApiId:
          Ref: ApiGatewayRestApi
        ResponseParameters:
${Object.entries(params).map(([k, v]) => `          ${k}: "${v}"`).join('\n')}`).join('\n')}`),
    fix('terraform', 'aws_api_gateway_gateway_response for each type', `
${types.map((t) => `resource "aws_api_gateway_gateway_response" "${tfName(t)}" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  response_type = "${t}"
  response_parameters = {
${Object.entries(params).map(([k, v]) => `    "${k}" = "${v}"`).join('\n')}
  }
}`).join('\n\n')}
# add these to the aws_api_gateway_deployment triggers so the stage is redeployed`),
    notApplicable('lambda-node', 'Gateway responses never reach your function: fix this on the API (pick the Console, CLI, SAM, CDK, Serverless or Terraform tab).'),
    notApplicable('lambda-python', 'Gateway responses never reach your function: fix this on the API (pick the Console, CLI, SAM, CDK, Serverless or Terraform tab).'),
  ];
});
