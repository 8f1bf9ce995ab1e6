// CloudFront (catalogue §2.5: CF-01 … CF-07).
import type { HintContext } from '../context';
import type { AwsService } from '../fingerprint';
import { fix, fixes, notApplicable } from '../fixes/common';
import { fxCloudFront } from '../fixes/cloudfront';
import { fxLambda } from '../fixes/lambda';
import { type ResponseView, bodyIncludes } from '../view';
import { DOCS } from './docs';
import { failingAt, hasError, hidden, noAcaoEvidence, xCache } from './rules';
import type { Pitfall } from './types';

const ORIGINS = ['apigw-rest', 'apigw-http', 'apigw', 'lambda-url', 's3-rest', 's3-website', 'appsync', 'alb', 'aws'] as const;

const VIA_CLOUDFRONT: AwsService[] = ['cloudfront', 'amplify-hosting'];

/** The failing response came through CloudFront. */
function viaCloudFront(ctx: HintContext): ResponseView | null {
  const r = failingAt(ctx, ctx.failedStage ?? 'actual');
  return r && ctx.at(r.stage, ...VIA_CLOUDFRONT) ? r : null;
}

/** CloudFront generated the response itself (no origin answered). */
function edgeGenerated(ctx: HintContext, r: ResponseView): boolean {
  return ctx.at(r.stage, 'cloudfront')?.gatewayGenerated === true && !ctx.at(r.stage, ...ORIGINS);
}

const s3Origin = (ctx: HintContext, r: ResponseView) => !!ctx.at(r.stage, 's3-rest', 's3-website');

export const CF01: Pitfall = {
  id: 'CF-01',
  section: 'CloudFront',
  title: 'Allow OPTIONS (and the write methods) on the CloudFront behavior',
  harConfidence: 'certain',
  rule: 'CloudFront-generated 403 whose HTML says "This distribution is not configured to allow the HTTP request method…" (certain); a CloudFront-generated 403 to OPTIONS with no origin markers and no body captured (possible).',
  confirm: 'The behavior\'s AllowedMethods.',
  needs: VIA_CLOUDFRONT,
  detect: (ctx) => {
    const r = viaCloudFront(ctx);
    if (!r || r.status !== 403) return null;
    if (bodyIncludes(r, 'not configured to allow the HTTP request method')) return { confidence: 'certain', evidence: [hidden(r), 'CloudFront: "This distribution is not configured to allow the HTTP request method that was used for this request."'] };
    if (r.stage === 'preflight' && edgeGenerated(ctx, r) && r.body.text === null) return { confidence: 'possible', evidence: [hidden(r), `CloudFront answered the OPTIONS itself (${xCache(r) || 'Server: CloudFront'}); the body, not captured, would name the reason.`] };
    return null;
  },
  explanation: () => 'A behavior allows GET and HEAD by default; OPTIONS (preflights) and POST/PUT/PATCH/DELETE are answered by CloudFront with a 403 page that has no CORS headers.',
  fixes: (f, ctx) => fxCloudFront(f, 'methods', { s3Origin: !!ctx.failing && s3Origin(ctx, ctx.failing) }),
  docs: [DOCS.cfResponsePolicy],
};

export const CF02: Pitfall = {
  id: 'CF-02',
  section: 'CloudFront',
  title: 'Forward Origin and Access-Control-Request-* from CloudFront to the origin',
  harConfidence: 'possible',
  rule: 'A response without Access-Control-Allow-Origin that came through CloudFront from an origin that answered (Server: AmazonS3, x-amz-apigw-id, x-amzn-RequestId…) and carries no Vary: Origin: offered as "also check".',
  confirm: 'The behavior\'s cache policy / origin request policy ids; a direct call to the origin returns ACAO.',
  needs: VIA_CLOUDFRONT,
  detect: (ctx) => {
    const r = viaCloudFront(ctx);
    if (!r || r.header('access-control-allow-origin') !== null || edgeGenerated(ctx, r) || !ctx.at(r.stage, ...ORIGINS)) return null;
    if (ctx.at(r.stage, 'apigw-rest', 'apigw-http', 'lambda-url')?.gatewayGenerated) return null;
    if ((r.header('vary') ?? '').toLowerCase().includes('origin')) return null;
    return { confidence: 'possible', evidence: [`${noAcaoEvidence(r)} The origin answered through CloudFront without Vary: Origin — it may never have seen the Origin header.`] };
  },
  explanation: () => 'S3 (and most backends) only send CORS headers when the request has Origin; CloudFront forwards only the headers its cache policy or origin request policy names.',
  fixes: (f, ctx) => fxCloudFront(f, 'forward-origin', { s3Origin: !!ctx.failing && s3Origin(ctx, ctx.failing) }),
  docs: [DOCS.cfResponsePolicy, DOCS.s3CorsTroubleshooting],
};

export const CF03: Pitfall = {
  id: 'CF-03',
  section: 'CloudFront',
  title: "Add Origin to CloudFront's cache key",
  harConfidence: 'likely (with X-Cache: Hit)',
  rule: 'A cached CloudFront answer (X-Cache: Hit/RefreshHit from cloudfront) with Access-Control-Allow-Origin missing or naming another origin.',
  confirm: 'The cache policy\'s headers; an invalidation makes it work for a while.',
  needs: VIA_CLOUDFRONT,
  detect: (ctx) => {
    const r = viaCloudFront(ctx);
    if (!r || !/^(Hit|RefreshHit) from cloudfront/i.test(xCache(r))) return null;
    const acao = r.header('access-control-allow-origin');
    if (acao !== null && !hasError(ctx, 'AllowOriginMismatch', 'PreflightAllowOriginMismatch')) return null;
    return { confidence: 'likely', evidence: [`X-Cache: ${xCache(r)}${r.header('age') ? `, Age: ${r.header('age')}` : ''} — a cached copy.`, acao === null ? 'It has no Access-Control-Allow-Origin: it was cached from a request without Origin.' : `Access-Control-Allow-Origin: ${acao} — cached for another origin than ${ctx.origin}.`, `Vary: ${r.header('vary') ?? '(absent)'}`] };
  },
  explanation: () => 'Origin is not part of CloudFront\'s cache key unless the cache policy names it (origin request policy headers are forwarded but not keyed, and CloudFront drops unrelated Vary values), so one origin\'s answer — or a no-Origin answer — is served to everyone.',
  fixes: (f, ctx) => fxCloudFront(f, 'cache-key', { s3Origin: !!ctx.failing && s3Origin(ctx, ctx.failing) }),
  docs: [DOCS.cfResponsePolicy, DOCS.s3CorsTroubleshooting],
};

export const CF04: Pitfall = {
  id: 'CF-04',
  section: 'CloudFront',
  title: 'Check what the response headers policy can and cannot change',
  harConfidence: 'possible',
  rule: 'Through CloudFront: a non-2xx preflight that nevertheless carries Access-Control-Allow-Origin (the policy adds headers, not a status), or an Access-Control-Allow-Origin for another origin: offered as "also check".',
  confirm: 'The policy\'s OriginOverride, origin list and credentials setting.',
  needs: VIA_CLOUDFRONT,
  detect: (ctx) => {
    const r = viaCloudFront(ctx);
    if (!r) return null;
    if (r.stage === 'preflight' && (r.status < 200 || r.status > 299) && r.header('access-control-allow-origin') !== null)
      return { confidence: 'possible', evidence: [hidden(r), 'The preflight carries Access-Control-Allow-Origin yet failed on its status: a response headers policy adds headers but cannot turn the origin\'s error into a 2xx.'] };
    if (hasError(ctx, 'AllowOriginMismatch', 'PreflightAllowOriginMismatch', 'MultipleAllowOriginValues'))
      return { confidence: 'possible', evidence: [`Access-Control-Allow-Origin: ${r.header('access-control-allow-origin')} through CloudFront: with OriginOverride off, the origin's own (wrong) value wins.`] };
    return null;
  },
  explanation: () => 'A response headers policy adds CORS headers only to CORS requests; it does not change the status; managed SimpleCORS / CORS-With-Preflight policies never override the origin\'s headers (OriginOverride off); origin wildcards work only as the left-most label.',
  fixes: (f) => fxCloudFront(f, 'response-policy'),
  docs: [DOCS.cfResponsePolicy],
};

export const CF05: Pitfall = {
  id: 'CF-05',
  section: 'CloudFront',
  title: 'Stop the SPA error page from replacing API responses',
  harConfidence: 'likely',
  rule: 'A fetch/XHR through CloudFront answered with text/html (the SPA\'s index.html) without Access-Control-Allow-Origin, with X-Cache: Error from cloudfront or on an /api path.',
  confirm: 'The distribution\'s CustomErrorResponses (403/404 → /index.html).',
  needs: VIA_CLOUDFRONT,
  detect: (ctx) => {
    const r = viaCloudFront(ctx);
    if (!r || r.stage !== 'actual' || r.header('access-control-allow-origin') !== null) return null;
    // CloudFront's own error pages (Server: CloudFront) are CF-07, not the SPA's index.html from the origin.
    if (/^cloudfront$/i.test(r.header('server') ?? '')) return null;
    const html = /text\/html/i.test(r.header('content-type') ?? r.entry.responseMimeType ?? '');
    if (!html || !(/^Error from cloudfront/i.test(xCache(r)) || /^\/api(\/|$)/.test(r.path))) return null;
    return { confidence: 'likely', evidence: [`${r.entry.method} ${r.path} came back ${r.status} text/html (${xCache(r) || 'via CloudFront'}) — the SPA's error page, not the API's answer.`] };
  },
  explanation: () => 'Custom error responses (403/404 → /index.html, 200) apply to every behavior, so the API\'s own 403/404 is replaced by the SPA page — which carries no CORS headers.',
  fixes: () => [
    fix('console', 'Remove the distribution-wide error rewrite', 'CloudFront console → your distribution → Error pages → delete the 403/404 → /index.html entries; do SPA routing with a CloudFront Function on the default (S3) behavior only.'),
    fix('cli', 'No custom error responses', 'aws cloudfront get-distribution-config --id YOUR_DISTRIBUTION_ID > dist.json\n# set DistributionConfig.CustomErrorResponses to {"Quantity": 0} and update-distribution with the ETag'),
    fix('cdk', 'SPA routing with a CloudFront Function on the default behavior', "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';\n\nconst spaRouting = new cloudfront.Function(this, 'SpaRouting', {\n  code: cloudfront.FunctionCode.fromInline(\"function handler(event) { var r = event.request; if (r.uri.indexOf('.') === -1) { r.uri = '/index.html'; } return r; }\"),\n});\n// remove errorResponses from the Distribution, and on defaultBehavior:\n//   functionAssociations: [{ function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }]"),
    fix('terraform', 'function_association on the default behavior only', '# remove the custom_error_response blocks from aws_cloudfront_distribution, then in default_cache_behavior:\n#   function_association {\n#     event_type   = "viewer-request"\n#     function_arn = aws_cloudfront_function.spa_routing.arn\n#   }'),
    notApplicable('lambda-node', 'CloudFront replaced your API\'s response: fix the distribution.'),
    notApplicable('lambda-python', 'CloudFront replaced your API\'s response: fix the distribution.'),
  ],
  docs: [DOCS.cfErrorPages],
};

export const CF06: Pitfall = {
  id: 'CF-06',
  section: 'CloudFront',
  title: "Don't forward the viewer's Host header to API Gateway or function URL origins",
  harConfidence: 'possible',
  rule: 'Through CloudFront: 403 ForbiddenException from API Gateway, or a function URL 403: offered as "also check".',
  confirm: 'The behavior\'s origin request policy (AllViewer or legacy "forward all headers").',
  needs: VIA_CLOUDFRONT,
  detect: (ctx) => {
    const r = viaCloudFront(ctx);
    if (!r || r.status !== 403) return null;
    if ((ctx.at(r.stage, 'apigw-rest', 'apigw-http', 'apigw') && r.errorType === 'ForbiddenException') || (ctx.at(r.stage, 'lambda-url') && r.errorType === 'AccessDeniedException'))
      return { confidence: 'possible', evidence: [hidden(r), 'If the origin request policy forwards the viewer Host header, API Gateway and function URLs reject the request.'] };
    return null;
  },
  explanation: () => 'API Gateway and function URL origins expect Host to be their own domain name, not the distribution\'s; the AllViewer policy (or "forward all headers") breaks them.',
  fixes: (f) => fxCloudFront(f, 'host-header'),
  docs: [DOCS.cfResponsePolicy],
};

export const CF07: Pitfall = {
  id: 'CF-07',
  section: 'CloudFront',
  title: 'Add CORS headers to CloudFront-generated errors',
  harConfidence: 'certain (generated) / likely (reason)',
  rule: 'A response without Access-Control-Allow-Origin generated by CloudFront itself (Server: CloudFront or X-Cache: Error/LambdaGeneratedResponse/FunctionGeneratedResponse from cloudfront, no origin markers); the HTML names the reason (WAF "Request blocked.", geo block, "Bad request.", 502/504 origin failure).',
  confirm: 'WAF / geo restriction / alternate domain settings, origin health.',
  needs: VIA_CLOUDFRONT,
  detect: (ctx) => {
    const r = viaCloudFront(ctx);
    if (!r || r.header('access-control-allow-origin') !== null || !edgeGenerated(ctx, r) || (r.status >= 200 && r.status < 400 && !/Generated/i.test(xCache(r)))) return null;
    if (bodyIncludes(r, 'not configured to allow the HTTP request method')) return null; // CF-01
    const reason = bodyIncludes(r, 'Request blocked.') ? 'AWS WAF blocked it (WAF-01)'
      : bodyIncludes(r, 'block access from your country') ? 'geo restriction'
      : bodyIncludes(r, 'Bad request.') ? 'a bad request, e.g. the host is not an alternate domain name of the distribution'
      : /Generated/i.test(xCache(r)) ? 'an edge function generated the response'
      : r.status === 502 || r.status === 504 ? 'the origin failed (connection, TLS or timeout)' : null;
    return { confidence: 'certain', evidence: [hidden(r), `CloudFront generated it (${xCache(r) || `Server: ${r.header('server')}`})${reason ? `: ${reason}` : ''}.`, noAcaoEvidence(r)] };
  },
  explanation: () => 'Answers CloudFront makes itself — WAF blocks, geo blocks, origin failures, Lambda@Edge / CloudFront Functions responses — do not pass through your origin, so they carry no CORS headers unless added there.',
  fixes: (f) => fixes(fxCloudFront(f, 'response-policy').filter((x) => !x.toolchain.startsWith('lambda')), fxLambda(f, { answerOptions: false }).map((x) => ({ ...x, title: 'In a Lambda@Edge / edge function that generates responses, add the same headers' }))),
  docs: [DOCS.cfResponsePolicy],
};
