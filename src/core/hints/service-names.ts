// The AWS services the fingerprints recognise, in the words users search for and read (one table for the panel's
// filter, hint evidence and reports).
import type { AwsService } from './fingerprint';

export const SERVICE_NAME: Record<AwsService, string> = {
  'apigw-rest': 'API Gateway REST API',
  'apigw-http': 'API Gateway HTTP API',
  apigw: 'API Gateway',
  'lambda-url': 'Lambda function URL',
  cloudfront: 'CloudFront',
  's3-rest': 'S3',
  's3-website': 'S3 website',
  appsync: 'AppSync',
  'cognito-idp': 'Cognito user pools',
  'cognito-identity': 'Cognito identity pools',
  'cognito-hosted-ui': 'Cognito hosted UI',
  'amplify-hosting': 'Amplify Hosting',
  alb: 'Application Load Balancer',
  waf: 'AWS WAF',
  aws: 'an AWS service',
};

/** A service id as users say it (an id the table does not know is shown as it is). */
export function serviceName(service: string): string {
  return (SERVICE_NAME as Record<string, string>)[service] ?? service;
}
