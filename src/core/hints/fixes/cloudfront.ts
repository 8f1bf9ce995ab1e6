// FX-CF (catalogue §2.0): CloudFront behavior methods, cache / origin-request policies and a response
// headers policy. `focus` picks which lever the pitfall needs; the snippets always show the full
// behavior so the user sees the other levers in context.
import type { HintFix } from '../../types';
import type { FillValues } from '../fill';
import { memoFixes } from '../memo';
import { fix, list, notApplicable } from './common';

export type CloudFrontFocus = 'methods' | 'forward-origin' | 'cache-key' | 'response-policy' | 'host-header';

// Managed policy ids (catalogue §2.0 FX-CF).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CORS_S3_ORIGIN = '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf';
const ALL_VIEWER_EXCEPT_HOST = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const WHAT: Record<CloudFrontFocus, string> = {
  methods: 'Allow OPTIONS and the write methods on the behavior',
  'forward-origin': 'Forward Origin and Access-Control-Request-* to the origin',
  'cache-key': 'Put Origin (and Access-Control-Request-*) in the cache key',
  'response-policy': 'Let a response headers policy add the CORS headers (OriginOverride on)',
  'host-header': 'Forward every viewer header except Host (AllViewerExceptHostHeader)',
};

export const fxCloudFront = memoFixes(['origin', 'allowMethods', 'allowHeaders', 'credentials', 'resourcePath'], function fxCloudFront(f: FillValues, focus: CloudFrontFocus, opts: { s3Origin?: boolean } = {}): HintFix[] {
  const originPolicy = focus === 'host-header' || !opts.s3Origin ? ALL_VIEWER_EXCEPT_HOST : CORS_S3_ORIGIN;
  const originPolicyName = originPolicy === CORS_S3_ORIGIN ? 'CORS-S3Origin' : 'AllViewerExceptHostHeader';
  const methods = f.allowMethods.filter((m) => m !== 'OPTIONS');
  const rhpConfig = {
    Name: 'spa-api-cors',
    CorsConfig: {
      AccessControlAllowOrigins: { Quantity: 1, Items: [f.origin.value] },
      AccessControlAllowHeaders: { Quantity: f.allowHeaders.length, Items: f.allowHeaders.map((h) => h.toLowerCase()) },
      AccessControlAllowMethods: { Quantity: methods.length + 1, Items: [...methods, 'OPTIONS'] },
      AccessControlAllowCredentials: f.credentials,
      AccessControlMaxAgeSec: 600,
      OriginOverride: true,
    },
  };
  const cacheKey = focus === 'cache-key';
  return [
    fix('console', WHAT[focus], `
CloudFront console → your distribution → Behaviors → the behavior for ${f.resourcePath} → Edit:
  • Allowed HTTP methods: GET, HEAD, OPTIONS, PUT, POST, PATCH, DELETE${focus === 'methods' ? '   ← the fix' : ''}
  • Cache policy: ${cacheKey ? 'a custom policy whose cache key includes the headers Origin, Access-Control-Request-Method, Access-Control-Request-Headers   ← the fix' : 'CachingDisabled (for APIs)'}
  • Origin request policy: ${originPolicyName}${focus === 'forward-origin' || focus === 'host-header' ? '   ← the fix' : ''}
  • Response headers policy: a custom policy with CORS → origin ${f.origin.value}, origin override on${focus === 'response-policy' ? '   ← the fix' : ''}
→ Save, then Invalidations → Create → /*`),
    fix('cli', WHAT[focus], `
DIST=YOUR_DISTRIBUTION_ID   # not in the HAR: aws cloudfront list-distributions
aws cloudfront create-response-headers-policy --response-headers-policy-config '${JSON.stringify(rhpConfig)}'
aws cloudfront get-distribution-config --id "$DIST" > dist.json
# edit DistributionConfig in dist.json: the behavior's AllowedMethods, CachePolicyId, OriginRequestPolicyId (${originPolicy})
# and ResponseHeadersPolicyId; then pass the ETag from dist.json as --if-match
ETAG=$(jq -r .ETag dist.json)
jq .DistributionConfig dist.json > config-only.json
aws cloudfront update-distribution --id "$DIST" --if-match "$ETAG" --distribution-config file://config-only.json
aws cloudfront create-invalidation --distribution-id "$DIST" --paths "/*"`),
    ...(['sam', 'serverless'] as const).map((t) => fix(t, WHAT[focus], `
${t === 'serverless' ? 'resources:\n  Resources:' : 'Resources:'}
${indent(t === 'serverless' ? 4 : 2, cfnYaml(f, methods, originPolicy, cacheKey))}`)),
    fix('cdk', WHAT[focus], `
import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';

const corsPolicy = new cloudfront.ResponseHeadersPolicy(this, 'Cors', {
  corsBehavior: {
    accessControlAllowCredentials: ${f.credentials},
    accessControlAllowHeaders: ${list(f.allowHeaders.map((h) => h.toLowerCase()))},
    accessControlAllowMethods: ${list([...methods, 'OPTIONS'])},
    accessControlAllowOrigins: ${list([f.origin.value])},
    accessControlMaxAge: Duration.minutes(10),
    originOverride: true,
  },
});
${cacheKey ? `const corsAwareCache = new cloudfront.CachePolicy(this, 'CorsAwareCache', {
  headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers'),
});
` : ''}distribution.addBehavior(${JSON.stringify(behaviorPattern(f))}, origin, {
  allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
  cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS,
  cachePolicy: ${cacheKey ? 'corsAwareCache' : 'cloudfront.CachePolicy.CACHING_DISABLED'},
  originRequestPolicy: cloudfront.OriginRequestPolicy.${originPolicy === CORS_S3_ORIGIN ? 'CORS_S3_ORIGIN' : 'ALL_VIEWER_EXCEPT_HOST_HEADER'},
  responseHeadersPolicy: corsPolicy,
});`),
    fix('terraform', WHAT[focus], `
resource "aws_cloudfront_response_headers_policy" "cors" {
  name = "spa-api-cors"
  cors_config {
    access_control_allow_credentials = ${f.credentials}
    access_control_allow_headers {
      items = ${list(f.allowHeaders.map((h) => h.toLowerCase()))}
    }
    access_control_allow_methods {
      items = ${list([...methods, 'OPTIONS'])}
    }
    access_control_allow_origins {
      items = ${list([f.origin.value])}
    }
    access_control_max_age_sec = 600
    origin_override            = true
  }
}
${cacheKey ? `
resource "aws_cloudfront_cache_policy" "cors_aware" {
  name = "cors-aware"
  parameters_in_cache_key_and_forwarded_to_origin {
    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"]
      }
    }
    cookies_config {
      cookie_behavior = "none"
    }
    query_strings_config {
      query_string_behavior = "all"
    }
  }
}
` : ''}
# in aws_cloudfront_distribution, the behavior for ${behaviorPattern(f)}:
#   ordered_cache_behavior {
#     path_pattern               = "${behaviorPattern(f)}"
#     allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
#     cached_methods             = ["GET", "HEAD", "OPTIONS"]
#     cache_policy_id            = ${cacheKey ? 'aws_cloudfront_cache_policy.cors_aware.id' : `"${CACHING_DISABLED}"`}
#     origin_request_policy_id   = "${originPolicy}"   # ${originPolicyName}
#     response_headers_policy_id = aws_cloudfront_response_headers_policy.cors.id
#     target_origin_id           = "api"
#     viewer_protocol_policy     = "https-only"
#   }`),
    notApplicable('lambda-node', 'CloudFront decides this before your code runs: change the distribution (pick the Console, CLI, CDK or Terraform tab).'),
    notApplicable('lambda-python', 'CloudFront decides this before your code runs: change the distribution (pick the Console, CLI, CDK or Terraform tab).'),
  ];
});

function behaviorPattern(f: FillValues): string {
  const first = f.resourcePath.split('/').filter(Boolean)[0];
  return first ? `/${first}/*` : '/*';
}

const indent = (n: number, s: string) => s.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');

function cfnYaml(f: FillValues, methods: readonly string[], originPolicy: string, cacheKey: boolean): string {
  return `CorsPolicy:
  Type: AWS::CloudFront::ResponseHeadersPolicy
  Properties:
    ResponseHeadersPolicyConfig:
      Name: spa-api-cors
      CorsConfig:
        AccessControlAllowCredentials: ${f.credentials}
        AccessControlAllowHeaders:
          Items: ${list(f.allowHeaders.map((h) => h.toLowerCase()))}
        AccessControlAllowMethods:
          Items: ${list([...methods, 'OPTIONS'])}
        AccessControlAllowOrigins:
          Items: ${list([f.origin.value])}
        AccessControlMaxAgeSec: 600
        OriginOverride: true
# and in the AWS::CloudFront::Distribution behavior for ${behaviorPattern(f)}:
#   AllowedMethods: [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]
#   CachedMethods: [GET, HEAD, OPTIONS]
#   CachePolicyId: ${cacheKey ? 'a policy with Origin, Access-Control-Request-Method, Access-Control-Request-Headers in HeadersConfig' : CACHING_DISABLED}
#   OriginRequestPolicyId: ${originPolicy}
#   ResponseHeadersPolicyId: !Ref CorsPolicy`;
}
