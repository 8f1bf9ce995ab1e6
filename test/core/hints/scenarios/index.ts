// Every pitfall scenario, by service. Adding a pitfall is adding a catalogue entry and a scenario here.
import { HTTP_API_SCENARIOS, LAMBDA_URL_SCENARIOS } from './apigw-http-lambda-url';
import { REST_SCENARIOS } from './apigw-rest';
import { CLOUDFRONT_SCENARIOS, S3_SCENARIOS } from './cloudfront-s3';
import { CROSS_CUTTING_SCENARIOS, SERVICE_SCENARIOS } from './cross-cutting-services';
import type { Scenario } from './types';

export const ALL_SCENARIOS: readonly Scenario[] = [
  ...REST_SCENARIOS,
  ...HTTP_API_SCENARIOS,
  ...LAMBDA_URL_SCENARIOS,
  ...CROSS_CUTTING_SCENARIOS,
  ...CLOUDFRONT_SCENARIOS,
  ...S3_SCENARIOS,
  ...SERVICE_SCENARIOS,
];
export type { Scenario };
