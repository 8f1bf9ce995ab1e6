// AppSync, Cognito, ALB, WAF and Amplify (catalogue §2.7–§2.11).
import { fix, fixes, notApplicable, pageFix } from '../fixes/common';
import { fxCloudFront } from '../fixes/cloudfront';
import { fxLambda } from '../fixes/lambda';
import { fxGatewayResponses } from '../fixes/rest';
import { COGNITO_HOSTED_UI_HOST } from '../fingerprint';
import type { ResponseView } from '../view';
import { DOCS } from './docs';
import { REST, actualWithoutAcao, failingAt, fp, hasError, hasService, hidden, noAcaoEvidence } from './rules';
import type { Pitfall } from './types';

const omitCredentials = (what: string) => [
  pageFix(`Call ${what} without credentials (in the page)`, "// send auth in a header, not cookies\nconst res = await fetch(url, { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json', Authorization: token }, body });"),
];

export const APPSYNC01: Pitfall = {
  id: 'APPSYNC-01',
  section: 'AWS AppSync',
  title: 'Call AppSync without credentials: its CORS answer is fixed at *',
  harConfidence: 'likely',
  rule: 'A blocked exchange whose response carries the AppSync fingerprint (appsync-api host, x-amzn-appsync-tokensconsumed, AppSync\'s expose-headers list).',
  confirm: "The client's credentials setting and the endpoint URL (…/graphql).",
  needs: ['appsync'],
  detect: (ctx) => {
    const r = ctx.failing ?? ctx.actual ?? ctx.preflight;
    if (!r || !ctx.blocked || !ctx.at(r.stage, 'appsync')) return null;
    return {
      confidence: 'likely',
      evidence: [
        ...(hasError(ctx, 'WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed', 'InvalidAllowCredentials') ? ['AppSync answers Access-Control-Allow-Origin: * — and this request was sent with credentials.'] : []),
        ...(r.answered && !/\/(graphql|event)\b/.test(r.path) ? [`The path ${r.path} is not /graphql or /event.`] : []),
        ...(r.answered && r.status >= 400 ? [hidden(r)] : []),
        'AppSync has no configurable CORS: it always answers *.',
      ],
    };
  },
  explanation: () => 'AppSync always answers CORS with * and has no origin allowlist. Send auth in Authorization / x-api-key headers with credentials omitted, use the right endpoint, and put CloudFront with a response headers policy in front if you need an allowlist.',
  fixes: (f) => fixes(omitCredentials('AppSync'), fxCloudFront(f, 'response-policy').filter((x) => x.toolchain === 'cdk' || x.toolchain === 'terraform')),
  docs: [DOCS.mdnCors],
};

const NAVIGATION = /^\/(oauth2\/authorize|login|logout|signup|oauth2\/idpresponse)\b/;

export const COG01: Pitfall = {
  id: 'COG-01',
  section: 'Amazon Cognito',
  title: "Navigate to Cognito's hosted UI instead of fetching it",
  harConfidence: 'likely',
  rule: 'A blocked fetch/XHR to a Cognito hosted-UI domain (*.auth.<region>.amazoncognito.com) on a navigation endpoint (/oauth2/authorize, /login, /logout), or a Cognito JSON API call (X-Amz-Target: AWSCognitoIdentityProviderService.*) sent to the hosted-UI domain.',
  confirm: 'The Amplify / OIDC client configuration (userPoolEndpoint, redirect flow).',
  detect: (ctx) => {
    const r = ctx.actual ?? ctx.preflight;
    if (!r || !ctx.blocked || !COGNITO_HOSTED_UI_HOST.test(r.host)) return null;
    const target = r.requestHeader('x-amz-target') ?? (ctx.requestedHeaders.includes('x-amz-target') ? 'X-Amz-Target' : null);
    if (NAVIGATION.test(r.path)) return { confidence: 'likely', evidence: [`${r.entry.method} ${r.path} on ${r.host} is a browser navigation endpoint, called here with ${r.entry.resourceType ?? 'fetch/XHR'}.`] };
    if (target) return { confidence: 'likely', evidence: [`A Cognito API call (${target}) went to the hosted-UI domain ${r.host} instead of cognito-idp.<region>.amazonaws.com.`] };
    return null;
  },
  explanation: () => '/oauth2/authorize, /login and /logout are pages for top-level navigation; Cognito answers every request with Access-Control-Allow-Origin: * and supports no custom CORS policy. SDK calls belong on cognito-idp.<region>.amazonaws.com.',
  fixes: () => [
    pageFix('Navigate instead of fetching (in the page)', "window.location.assign(authorizeUrl);   // not fetch(authorizeUrl)\n// Amplify: leave userPoolEndpoint unset so SDK calls go to cognito-idp.<region>.amazonaws.com"),
    notApplicable('lambda-node', 'Fix the page: Cognito\'s hosted UI is navigated to, not fetched.'),
  ],
  docs: [DOCS.cognitoHostedUi],
};

export const COG02: Pitfall = {
  id: 'COG-02',
  section: 'Amazon Cognito',
  title: "Use the user pool's issuer for OIDC discovery, and omit credentials on /oauth2/token",
  harConfidence: 'likely',
  rule: 'A blocked call to a Cognito hosted-UI domain for /.well-known/* (the issuer is cognito-idp.<region>.amazonaws.com/<poolId>), or to /oauth2/token with Origin: null or credentials against *.',
  confirm: "The OIDC client's issuer setting.",
  detect: (ctx) => {
    const r = ctx.actual ?? ctx.preflight;
    if (!r || !ctx.blocked || !COGNITO_HOSTED_UI_HOST.test(r.host)) return null;
    if (r.path.startsWith('/.well-known/')) return { confidence: 'likely', evidence: [`Discovery at ${r.host}${r.path}: the hosted-UI domain is not the issuer.`] };
    if (r.path.startsWith('/oauth2/token') && (ctx.origin === 'null' || hasError(ctx, 'WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed')))
      return { confidence: 'likely', evidence: [ctx.origin === 'null' ? 'The page sent Origin: null (file:// or an app shell): serve it from http(s).' : 'Credentials sent to /oauth2/token, which answers Access-Control-Allow-Origin: *.'] };
    return null;
  },
  explanation: () => 'The issuer and its discovery document live at https://cognito-idp.<region>.amazonaws.com/<userPoolId>; the token endpoint is on the hosted-UI domain and answers *, so call it with credentials omitted.',
  fixes: () => [pageFix('Issuer and token call (in the page)', "// OIDC client configuration\nconst issuer = 'https://cognito-idp.REGION.amazonaws.com/USER_POOL_ID';\n// token exchange\nawait fetch(tokenUrl, { method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });")],
  docs: [DOCS.cognitoHostedUi],
};

const ALB: ['alb'] = ['alb'];
const albGenerated = (ctx: Parameters<Pitfall['detect']>[0], r: ResponseView) => ctx.at(r.stage, 'alb')?.gatewayGenerated === true;

export const ALB01: Pitfall = {
  id: 'ALB-01',
  section: 'Application Load Balancer',
  title: 'Add CORS in the ALB target: ALB-generated responses carry none',
  harConfidence: 'likely',
  rule: 'A response without Access-Control-Allow-Origin generated by the ALB (Server: awselb/2.0, HTML 4xx/5xx) — likely; a response through an ALB (AWSALB cookies) from a target that sent no CORS headers — possible.',
  confirm: 'Target health, listener actions.',
  needs: ALB,
  detect: (ctx) => {
    const r = actualWithoutAcao(ctx) ?? failingAt(ctx, 'preflight');
    if (!r || !ctx.at(r.stage, 'alb') || r.header('access-control-allow-origin') !== null) return null;
    if (albGenerated(ctx, r) && r.status >= 400 && !(r.stage === 'preflight' && r.status === 401)) return { confidence: 'likely', evidence: [hidden(r), `Server: ${r.header('server')} — the load balancer answered, not your target.`] };
    if (!albGenerated(ctx, r) && r.stage === 'actual') return { confidence: 'possible', evidence: [noAcaoEvidence(r), 'The target behind the ALB sent no CORS headers (ALB has no CORS feature).'] };
    return null;
  },
  explanation: () => 'ALB has no CORS feature: targets must send the headers, and the ALB\'s own error pages (502/503/504, fixed responses) carry none. Fix target health/timeouts, or put CloudFront with a response headers policy in front.',
  fixes: (f) => fixes(fxLambda(f, { answerOptions: true }), fxCloudFront(f, 'response-policy').filter((x) => x.toolchain === 'cdk' || x.toolchain === 'terraform')),
  docs: [DOCS.mdnCors],
};

export const ALB02: Pitfall = {
  id: 'ALB-02',
  section: 'Application Load Balancer',
  title: 'Exempt preflights and API paths from the ALB authenticate action',
  harConfidence: 'likely',
  rule: 'Server: awselb/2.0 answering with a 3xx to an OAuth authorize endpoint (Cognito or OIDC IdP), or 401 to a preflight.',
  confirm: 'The listener rules (authenticate-cognito / authenticate-oidc).',
  needs: ALB,
  detect: (ctx) => {
    if (!hasService(ctx, ALB)) return null;
    const r = [ctx.failing, ctx.preflight, ctx.actual].find((x) => x?.answered && ctx.at(x.stage, 'alb'));
    if (!r || !ctx.blocked || !/^awselb/.test(r.header('server') ?? '')) return null;
    const location = r.header('location') ?? '';
    if (r.status >= 300 && r.status < 400 && /oauth2\/authorize|amazoncognito\.com|\/authorize\b/.test(location)) return { confidence: 'likely', evidence: [`The ALB redirected to the identity provider: ${r.status} → ${location.split('?')[0]}`, 'Preflights and XHR carry no AWSELBAuthSessionCookie, so the authenticate action redirects them.'] };
    if (r.stage === 'preflight' && r.status === 401) return { confidence: 'likely', evidence: [hidden(r), 'OnUnauthenticatedRequest=deny answered the credential-less preflight.'] };
    return null;
  },
  explanation: () => 'Preflights carry no AWSELBAuthSessionCookie-*, so an authenticate action redirects or denies them before the target can answer CORS. Give API paths (or at least OPTIONS) a rule without the authenticate action and validate tokens in the app.',
  fixes: () => [
    fix('cli', 'A higher-priority rule forwarding OPTIONS to the target', 'LISTENER_ARN=YOUR_LISTENER_ARN   # not in the HAR: aws elbv2 describe-listeners --load-balancer-arn ...\nTARGET_GROUP_ARN=YOUR_TARGET_GROUP_ARN\naws elbv2 create-rule --listener-arn "$LISTENER_ARN" --priority 1 \\\n  --conditions \'Field=http-request-method,HttpRequestMethodConfig={Values=[OPTIONS]}\' \\\n  --actions "Type=forward,TargetGroupArn=$TARGET_GROUP_ARN"'),
    fix('cdk', 'ListenerCondition.httpRequestMethods', "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\n\nlistener.addAction('Preflight', {\n  priority: 1,\n  conditions: [elbv2.ListenerCondition.httpRequestMethods(['OPTIONS'])],\n  action: elbv2.ListenerAction.forward([targetGroup]),\n});"),
    fix('terraform', 'aws_lb_listener_rule for OPTIONS', 'resource "aws_lb_listener_rule" "preflight" {\n  listener_arn = aws_lb_listener.https.arn\n  priority     = 1\n  action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.app.arn\n  }\n  condition {\n    http_request_method {\n      values = ["OPTIONS"]\n    }\n  }\n}'),
  ],
  docs: [DOCS.albAuth],
};

export const WAF01: Pitfall = {
  id: 'WAF-01',
  section: 'AWS WAF',
  title: 'Let the preflight through AWS WAF, and add CORS headers to its block response',
  harConfidence: 'likely (CloudFront) / possible (API Gateway)',
  rule: 'CloudFront 403 "Request blocked." (likely); API Gateway REST 403 ForbiddenException or an ALB-generated 403 (possible — the same answer as a missing API key).',
  confirm: 'WAF sampled requests / logs for the web ACL.',
  needs: ['waf', ...REST, 'alb'],
  detect: (ctx) => {
    const r = failingAt(ctx, ctx.failedStage ?? 'actual');
    if (!r || r.status !== 403) return null;
    if (ctx.at(r.stage, 'waf')) return { confidence: 'likely', evidence: [hidden(r), 'CloudFront\'s "Request blocked." page: an AWS WAF web ACL on the distribution blocked it.'] };
    if ((fp(ctx, r.stage, REST) && r.errorType === 'ForbiddenException') || (ctx.at(r.stage, 'alb')?.gatewayGenerated))
      return { confidence: 'possible', evidence: [hidden(r), 'A WAF block (WAF_FILTERED) answers exactly like this; it often correlates with body size (SizeRestrictions_BODY) or request rate.'] };
    return null;
  },
  explanation: () => 'WAF evaluates before the service\'s CORS logic and its default block has no CORS headers; for REST APIs a WAF custom response takes precedence over gateway responses. Scope the rule (e.g. count SizeRestrictions_BODY on upload paths, exclude OPTIONS from rate rules) and give block actions a custom response with Access-Control-Allow-Origin.',
  fixes: (f) => [
    fix('console', 'Custom block response with CORS headers', `WAF console → Web ACLs → your ACL → the blocking rule → Action: Block → Custom response: code 403, header Access-Control-Allow-Origin = ${f.origin.value}; for preflights, add a rule that allows OPTIONS before the rate/size rules.`),
    fix('terraform', 'block action with a custom response', `# inside the aws_wafv2_web_acl rule:\n#   action {\n#     block {\n#       custom_response {\n#         response_code = 403\n#         response_header {\n#           name  = "Access-Control-Allow-Origin"\n#           value = "${f.origin.value}"\n#         }\n#       }\n#     }\n#   }`),
    ...fxGatewayResponses(f, ['WAF_FILTERED']).filter((x) => x.toolchain === 'cli'),
  ],
  docs: [DOCS.gatewayResponses],
};

export const AMP01: Pitfall = {
  id: 'AMP-01',
  section: 'AWS Amplify',
  title: "Return CORS headers from the Amplify REST API's function and gateway responses",
  harConfidence: 'likely (as APIGW-R03/R05)',
  rule: 'The page is served from *.amplifyapp.com and an API Gateway REST answer lacks Access-Control-Allow-Origin (the patterns of APIGW-R03 / APIGW-R05).',
  confirm: 'The Amplify function code; `amplify override api`.',
  needs: REST,
  detect: (ctx) => {
    const a = actualWithoutAcao(ctx);
    if (!a || !fp(ctx, 'actual', REST) || !/\.amplifyapp\.com$/.test(hostOf(ctx.origin))) return null;
    return { confidence: 'likely', evidence: [`The page (${ctx.origin}) is an Amplify Hosting app calling an API Gateway REST API.`, noAcaoEvidence(a), ...(a.status >= 500 ? ['Uncaught exceptions in the generated Express function end as 502 without headers.'] : []), ...(a.errorType === 'MissingAuthenticationTokenException' ? ['Check API paths start with "/" (API.get(\'api\', \'/items\')).'] : [])] };
  },
  explanation: () => 'Amplify\'s Hello-World Lambda template returns no CORS headers, uncaught errors in the Express template return 502 without them, and older generated APIs have no CORS gateway responses. Keep the generated CORS middleware, add an error handler that sets the headers too, and add DEFAULT_4XX/5XX gateway responses (amplify override api / CDK).',
  fixes: (f) => fixes(fxLambda(f, { answerOptions: false }), fxGatewayResponses(f).filter((x) => x.toolchain === 'cdk' || x.toolchain === 'cli')),
  docs: [DOCS.gatewayResponses],
};

export const AMP02: Pitfall = {
  id: 'AMP-02',
  section: 'AWS Amplify',
  title: 'Exclude API paths from the Amplify Hosting rewrite',
  harConfidence: 'possible',
  rule: 'A blocked fetch to an Amplify Hosting host answered with text/html (index.html) on an /api path: offered as "also check".',
  confirm: 'Amplify rewrite rules, customHttp.yml.',
  needs: ['amplify-hosting'],
  detect: (ctx) => {
    const r = failingAt(ctx, 'actual');
    if (!r || !ctx.at('actual', 'amplify-hosting') || !/text\/html/i.test(r.header('content-type') ?? r.entry.responseMimeType ?? '')) return null;
    return { confidence: 'possible', evidence: [`${r.path} on ${r.host} answered text/html — the SPA rewrite may have sent the API path to /index.html.`] };
  },
  explanation: () => 'An SPA rewrite rule that matches /api/* serves index.html (no CORS headers) instead of the API; static assets need Access-Control-Allow-Origin via customHttp.yml when other origins load them.',
  fixes: (f) => [fix('console', 'Rewrite rule that skips /api', `Amplify console → App settings → Rewrites and redirects: make the SPA rule's source exclude API paths, e.g. </^((?!api/).)*$/> → /index.html (200); for assets add to customHttp.yml:\ncustomHeaders:\n  - pattern: '**/*'\n    headers:\n      - key: Access-Control-Allow-Origin\n        value: '${f.origin.value}'`)],
  docs: [DOCS.mdnCors],
};

function hostOf(origin: string | null): string {
  try {
    return origin ? new URL(origin).hostname : '';
  } catch {
    return '';
  }
}
