// Fix blocks for platforms with a built-in CORS configuration (catalogue §2.0):
// FX-HTTPAPI-CORS (API Gateway HTTP API), FX-FURL-CORS (Lambda function URL), FX-S3-CORS (bucket).
import type { HintFix } from '../../types';
import type { FillValues } from '../fill';
import { memoFixes } from '../memo';
import { fix, list, shVar } from './common';

const noOptions = (methods: readonly string[]) => methods.filter((m) => m !== 'OPTIONS');

// ---- FX-HTTPAPI-CORS ------------------------------------------------------------------------------
export const fxHttpApiCors = memoFixes(['origin', 'allowMethods', 'allowHeaders', 'credentials', 'apiId'], function fxHttpApiCors(f: FillValues): HintFix[] {
  const methods = noOptions(f.allowMethods);
  const headers = f.allowHeaders.map((h) => h.toLowerCase());
  const config = JSON.stringify({ AllowOrigins: [f.origin.value], AllowMethods: methods, AllowHeaders: headers, AllowCredentials: f.credentials, MaxAge: 600 });
  return [
    fix('console', 'Configure CORS on the HTTP API', `
API Gateway console → your HTTP API → CORS → Configure:
  • Access-Control-Allow-Origin: ${f.origin.value}  (choose Add after each value)
  • Access-Control-Allow-Headers: ${headers.join(', ')}
  • Access-Control-Allow-Methods: ${methods.join(', ')}
  • Access-Control-Max-Age: 600${f.credentials ? '\n  • Access-Control-Allow-Credentials: Yes' : ''}
→ Save. (HTTP APIs deploy automatically with the $default stage's auto-deploy.)`),
    fix('cli', 'update-api --cors-configuration', `
${shVar('API_ID', f.apiId, 'from the URL', 'aws apigatewayv2 get-apis')}
aws apigatewayv2 update-api --api-id "$API_ID" --cors-configuration '${config}'`),
    fix('sam', 'CorsConfiguration on the AWS::Serverless::HttpApi', `
Globals:
  HttpApi:
    CorsConfiguration:
      AllowOrigins: ${list([f.origin.value])}
      AllowHeaders: ${list(headers)}
      AllowMethods: ${list(methods)}
      AllowCredentials: ${f.credentials}
      MaxAge: 600`),
    fix('cdk', 'corsPreflight on the HttpApi', `
import { Duration } from 'aws-cdk-lib';
import { HttpApi, CorsHttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';

new HttpApi(this, 'HttpApi', {
  corsPreflight: {
    allowOrigins: ${list([f.origin.value])},
    allowMethods: [${methods.map((m) => `CorsHttpMethod.${m}`).join(', ')}],
    allowHeaders: ${list(headers)},
    allowCredentials: ${f.credentials},
    maxAge: Duration.minutes(10),
  },
});`),
    fix('serverless', 'provider.httpApi.cors', `
provider:
  name: aws
  httpApi:
    cors:
      allowedOrigins: ${list([f.origin.value])}
      allowedHeaders: ${list(f.allowHeaders)}
      allowedMethods: ${list(methods)}
      allowCredentials: ${f.credentials}
      maxAge: 600`),
    fix('terraform', 'cors_configuration on aws_apigatewayv2_api', `
resource "aws_apigatewayv2_api" "http" {
  name          = "api"
  protocol_type = "HTTP"
  cors_configuration {
    allow_origins     = ${list([f.origin.value])}
    allow_methods     = ${list(methods)}
    allow_headers     = ${list(headers)}
    allow_credentials = ${f.credentials}
    max_age           = 600
  }
}`),
  ];
});

// ---- FX-FURL-CORS ---------------------------------------------------------------------------------
export const fxFunctionUrlCors = memoFixes(['origin', 'allowMethods', 'allowHeaders', 'credentials', 'functionName'], function fxFunctionUrlCors(f: FillValues): HintFix[] {
  // AllowMethods items are at most 6 characters: OPTIONS is rejected (Lambda answers preflights itself).
  const methods = noOptions(f.allowMethods);
  const headers = f.allowHeaders.map((h) => h.toLowerCase());
  const config = JSON.stringify({ AllowOrigins: [f.origin.value], AllowMethods: methods, AllowHeaders: headers, AllowCredentials: f.credentials, MaxAge: 300 });
  return [
    fix('console', "Configure CORS on the function URL", `
Lambda console → ${f.functionName.value} → Configuration → Function URL → Edit → Configure cross-origin resource sharing (CORS):
  • Allow origin: ${f.origin.value}
  • Allow headers: ${headers.join(', ')}  (one header per field — "a,b" in one field is a single header name)
  • Allow methods: ${methods.join(', ')}  (not OPTIONS)
  • Max age: 300${f.credentials ? '\n  • Allow credentials: on' : ''}
→ Save.`),
    fix('cli', 'update-function-url-config --cors', `
${shVar('FUNCTION', f.functionName, '', 'the function behind the URL (aws lambda list-function-url-configs --function-name ...)')}
aws lambda update-function-url-config --function-name "$FUNCTION" --cors '${config}'`),
    fix('sam', 'FunctionUrlConfig.Cors', `
Resources:
  Function:
    Type: AWS::Serverless::Function
    Properties:
      FunctionUrlConfig:
        AuthType: NONE
        Cors:
          AllowOrigins: ${list([f.origin.value])}
          AllowMethods: ${list(methods)}
          AllowHeaders: ${list(headers)}
          AllowCredentials: ${f.credentials}
          MaxAge: 300`),
    fix('cdk', 'addFunctionUrl({ cors })', `
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

fn.addFunctionUrl({
  authType: lambda.FunctionUrlAuthType.NONE,
  cors: {
    allowedOrigins: ${list([f.origin.value])},
    allowedMethods: [${methods.map((m) => `lambda.HttpMethod.${m}`).join(', ')}],   // not OPTIONS
    allowedHeaders: ${list(headers)},
    allowCredentials: ${f.credentials},
    maxAge: Duration.minutes(5),
  },
});`),
    fix('serverless', 'url.cors on the function', `
functions:
  api:
    handler: index.handler
    url:
      cors:
        allowedOrigins: ${list([f.origin.value])}
        allowedHeaders: ${list(f.allowHeaders)}
        allowedMethods: ${list(methods)}
        allowCredentials: ${f.credentials}
        maxAge: 300`),
    fix('terraform', 'cors block on aws_lambda_function_url', `
resource "aws_lambda_function_url" "this" {
  function_name      = aws_lambda_function.fn.function_name
  authorization_type = "NONE"
  cors {
    allow_origins     = ${list([f.origin.value])}
    allow_methods     = ${list(methods)}
    allow_headers     = ${list(headers)}
    allow_credentials = ${f.credentials}
    max_age           = 300
  }
}`),
  ];
});

// ---- FX-S3-CORS -----------------------------------------------------------------------------------
export const fxS3Cors = memoFixes(['origin', 'method', 'bucket'], function fxS3Cors(f: FillValues): HintFix[] {
  const methods = [...new Set(['GET', 'HEAD', ...(['PUT', 'POST', 'DELETE'].includes(f.method) ? [f.method] : ['PUT', 'POST'])])];
  const rule = { AllowedOrigins: [f.origin.value], AllowedMethods: methods, AllowedHeaders: ['*'], ExposeHeaders: ['ETag', 'x-amz-request-id'], MaxAgeSeconds: 3000 };
  return [
    fix('console', 'Bucket → Permissions → CORS (JSON)', `
S3 console → ${f.bucket.value} → Permissions → Cross-origin resource sharing (CORS) → Edit → paste:
${JSON.stringify([rule], null, 2)}
→ Save changes.`),
    fix('cli', 'put-bucket-cors (replaces the whole configuration)', `
${shVar('BUCKET', f.bucket, 'from the URL', 'the bucket name')}
cat > cors.json <<'JSON'
${JSON.stringify({ CORSRules: [rule] }, null, 2)}
JSON
aws s3api put-bucket-cors --bucket "$BUCKET" --cors-configuration file://cors.json
aws s3api get-bucket-cors --bucket "$BUCKET"`),
    fix('sam', 'CorsConfiguration on AWS::S3::Bucket', `
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      CorsConfiguration:
        CorsRules:
          - AllowedOrigins: ${list([f.origin.value])}
            AllowedMethods: ${list(methods)}
            AllowedHeaders: ["*"]
            ExposedHeaders: ["ETag"]
            MaxAge: 3000`),
    fix('cdk', 'cors on the Bucket', `
import * as s3 from 'aws-cdk-lib/aws-s3';

new s3.Bucket(this, 'Bucket', {
  cors: [{
    allowedOrigins: ${list([f.origin.value])},
    allowedMethods: [${methods.map((m) => `s3.HttpMethods.${m}`).join(', ')}],
    allowedHeaders: ['*'],
    exposedHeaders: ['ETag'],
    maxAge: 3000,
  }],
});`),
    fix('serverless', 'CloudFormation under resources', `
resources:
  Resources:
    Bucket:
      Type: AWS::S3::Bucket
      Properties:
        CorsConfiguration:
          CorsRules:
            - AllowedOrigins: ${list([f.origin.value])}
              AllowedMethods: ${list(methods)}
              AllowedHeaders: ["*"]
              ExposedHeaders: ["ETag"]
              MaxAge: 3000`),
    fix('terraform', 'aws_s3_bucket_cors_configuration (one per bucket)', `
resource "aws_s3_bucket_cors_configuration" "this" {
  bucket = ${f.bucket.known ? JSON.stringify(f.bucket.value) : 'aws_s3_bucket.b.id'}
  cors_rule {
    allowed_origins = ${list([f.origin.value])}
    allowed_methods = ${list(methods)}
    allowed_headers = ["*"]
    expose_headers  = ["ETag"]
    max_age_seconds = 3000
  }
}`),
  ];
});
