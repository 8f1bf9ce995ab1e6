// Documentation links used by the catalogue (catalogue §4), one constant per page.
import type { DocLink } from './types';

// Every hint that cites a page shares its link object: frozen.
const d = (title: string, url: string): DocLink => Object.freeze({ title, url });

export const DOCS = {
  restCors: d('API Gateway: CORS for REST APIs', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html'),
  restCorsConsole: d('API Gateway: enable CORS with the console', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors-console.html'),
  gatewayResponses: d('API Gateway: gateway response types', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html'),
  knownIssues: d('API Gateway: known issues', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-known-issues.html'),
  corsErrorsKc: d('re:Post: troubleshoot CORS errors from API Gateway', 'https://repost.aws/knowledge-center/api-gateway-cors-errors'),
  authorizer403Kc: d('re:Post: 403 from a Lambda authorizer', 'https://repost.aws/knowledge-center/api-gateway-403-error-lambda-authorizer'),
  authErrorsKc: d('re:Post: API Gateway Lambda authorizer errors', 'https://aws.amazon.com/premiumsupport/knowledge-center/api-gateway-lambda-authorization-errors/'),
  httpApiCors: d('API Gateway: CORS for HTTP APIs', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-cors.html'),
  openApiCors: d('API Gateway: x-amazon-apigateway-cors', 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-cors-configuration.html'),
  furlAuth: d('Lambda: control access to function URLs', 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html'),
  furlCors: d('Lambda API: Cors (function URL)', 'https://docs.aws.amazon.com/lambda/latest/dg/API_Cors.html'),
  furlCli: d('AWS CLI: create-function-url-config', 'https://docs.aws.amazon.com/cli/latest/reference/lambda/create-function-url-config.html'),
  cfResponsePolicy: d('CloudFront: ResponseHeadersPolicyCorsConfig', 'https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ResponseHeadersPolicyCorsConfig.html'),
  cfErrorPages: d('CloudFront: custom error responses', 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-error-pages-response-code.html'),
  s3Cors: d('S3: using CORS', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html'),
  s3CorsTroubleshooting: d('S3: troubleshooting CORS', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors-troubleshooting.html'),
  s3Website: d('S3: website endpoints', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html'),
  cognitoHostedUi: d('Cognito: hosted UI and CORS', 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-integration.html'),
  albAuth: d('ALB: authenticate users', 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html'),
  fetchCors: d('Fetch Standard: CORS protocol', 'https://fetch.spec.whatwg.org/#http-cors-protocol'),
  mdnCors: d('MDN: Cross-Origin Resource Sharing', 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS'),
} as const;
