// Cross-cutting CORS semantics on any AWS origin (catalogue §2.4: X-01 … X-08). Each applies only
// when the response was fingerprinted as AWS; the same failure on other servers gets a generic hint.
import { isCorsNonWildcardRequestHeaderName } from '../../fetch/safelist';
import { statusLine } from '../../fetch/status';
import type { HintContext } from '../context';
import { fix, fixes, notApplicable, pageFix } from '../fixes/common';
import { ownerFixes } from '../fixes/owner';
import type { ResponseView } from '../view';
import { DOCS } from './docs';
import { failingAt, fingerprintedAt, hasError } from './rules';
import type { Pitfall } from './types';
import { serviceName } from '../service-names';

/** The failing response, when an AWS service answered it. */
function awsFailing(ctx: HintContext): ResponseView | null {
  const r = failingAt(ctx, ctx.failedStage ?? 'actual');
  return r && fingerprintedAt(ctx, r.stage) ? r : null;
}

/** Two origins that differ only by a trailing slash, scheme, port or case. */
export function nearMiss(acao: string, origin: string): string | null {
  const a = acao.trim();
  // The same origin, or *, is no near miss (and needs no URL parsing to say so).
  if (a === origin || a === '*') return null;
  if (trimEnd(a, '/') === origin && a !== origin) return 'a trailing slash';
  if (a.toLowerCase() === origin.toLowerCase() && a !== origin) return 'letter case';
  try {
    const x = new URL(a);
    const y = new URL(origin);
    if (x.hostname === y.hostname && x.protocol !== y.protocol) return `the scheme (${x.protocol.slice(0, -1)} vs ${y.protocol.slice(0, -1)})`;
    if (x.hostname === y.hostname && x.port !== y.port) return `the port (${x.port || 'default'} vs ${y.port || 'default'})`;
  } catch {
    return null;
  }
  return null;
}

const acaoOf = (r: ResponseView) => r.header('access-control-allow-origin') ?? '';

export const X01: Pitfall = {
  id: 'X-01',
  section: 'Cross-cutting (any AWS origin)',
  title: "Echo the request's origin from an allowlist (with Vary: Origin)",
  harConfidence: 'certain',
  rule: 'AWS response whose Access-Control-Allow-Origin names another origin (not a near miss, see X-04), or holds a list (comma or space separated) — compare Origin with ACAO.',
  confirm: '—',
  detect: (ctx) => {
    const r = awsFailing(ctx);
    if (!r || !ctx.origin) return null;
    const acao = acaoOf(r);
    if (hasError(ctx, 'AllowOriginMismatch', 'PreflightAllowOriginMismatch') && !nearMiss(acao, ctx.origin) && ctx.origin !== 'null')
      return { confidence: 'certain', evidence: [`Access-Control-Allow-Origin: ${acao}, but the page's origin is ${ctx.origin}: the server returns one fixed origin.`, ...(r.header('vary')?.toLowerCase().includes('origin') ? [] : ['No Vary: Origin: caches may serve one origin\'s answer to another.'])] };
    if (r.headerCount('access-control-allow-origin') === 1 && /[, ]/.test(acao.trim()) && hasError(ctx, 'MultipleAllowOriginValues', 'PreflightMultipleAllowOriginValues', 'InvalidAllowOriginValue', 'PreflightInvalidAllowOriginValue'))
      return { confidence: 'certain', evidence: [`Access-Control-Allow-Origin: ${acao} — a list of origins; the header holds exactly one origin or *.`] };
    return null;
  },
  explanation: () => 'Access-Control-Allow-Origin holds exactly one origin or *. To serve several front ends, keep an allowlist on the server, echo the request\'s Origin when it is listed, and add Vary: Origin. REST console/SAM take one static origin; CDK and Serverless emulate lists on OPTIONS only — actual Lambda proxy responses still need code.',
  fixes: (f, ctx) => ownerFixes(ctx, f, ctx.failedStage),
  docs: [DOCS.mdnCors, DOCS.restCors],
};

export const X02: Pitfall = {
  id: 'X-02',
  section: 'Cross-cutting (any AWS origin)',
  title: 'Answer credentialed requests with a concrete origin and Access-Control-Allow-Credentials: true',
  harConfidence: 'likely',
  rule: 'AWS response to a request judged credentialed (cookies / credentials mode include) with Access-Control-Allow-Origin: * (WildcardOriginNotAllowed) or without Access-Control-Allow-Credentials: true (InvalidAllowCredentials).',
  confirm: "The front end's credentials / withCredentials setting (a HAR does not record the credentials mode).",
  detect: (ctx) => {
    const r = awsFailing(ctx);
    if (!r) return null;
    const wildcard = hasError(ctx, 'WildcardOriginNotAllowed', 'PreflightWildcardOriginNotAllowed');
    const acac = hasError(ctx, 'InvalidAllowCredentials', 'PreflightInvalidAllowCredentials');
    // AppSync and Cognito always answer *: their own pitfalls (APPSYNC-01, COG-*) say so.
    if ((!wildcard && !acac) || ctx.at(r.stage, 'appsync', 'cognito-hosted-ui', 'cognito-idp', 'cognito-identity')) return null;
    return {
      confidence: 'likely',
      evidence: [
        wildcard ? 'Access-Control-Allow-Origin: * on a credentialed request.' : `Access-Control-Allow-Credentials: ${r.header('access-control-allow-credentials') ?? '(absent)'} — must be exactly true.`,
        `Credentials mode: ${ctx.exchange.credentials.value} (from ${ctx.exchange.credentials.from}).`,
      ],
    };
  },
  explanation: () => 'Browsers reject * and a missing Access-Control-Allow-Credentials for credentialed requests. The owning layer must send the concrete origin and the string "true" (also on gateway responses) — or the front end stops sending credentials (credentials: "omit") when it authenticates with a bearer token.',
  fixes: (f, ctx) => fixes(ownerFixes(ctx, { ...f, credentials: true }, ctx.failedStage), [pageFix('Or stop sending credentials from the page', "const res = await fetch(url, { credentials: 'omit' });   // or xhr.withCredentials = false, when auth uses a bearer token")]),
  docs: [DOCS.mdnCors, DOCS.fetchCors],
};

export const X03: Pitfall = {
  id: 'X-03',
  section: 'Cross-cutting (any AWS origin)',
  title: 'List Authorization explicitly: the * wildcard does not cover it',
  harConfidence: 'certain',
  rule: 'AWS preflight response with Access-Control-Allow-Headers: * while the browser refused Authorization, or a * Allow-Headers/Allow-Methods on a credentialed request that was refused.',
  confirm: '—',
  detect: (ctx) => {
    const r = failingAt(ctx, 'preflight');
    if (!r || !fingerprintedAt(ctx, 'preflight') || !hasError(ctx, 'HeaderDisallowedByPreflightResponse', 'MethodDisallowedByPreflightResponse')) return null;
    const allowHeaders = (r.header('access-control-allow-headers') ?? '').split(',').map((s) => s.trim());
    const allowMethods = (r.header('access-control-allow-methods') ?? '').split(',').map((s) => s.trim());
    if (allowHeaders.includes('*') && ctx.refusedHeaders.some(isCorsNonWildcardRequestHeaderName))
      return { confidence: 'certain', evidence: ['Access-Control-Allow-Headers: * and the browser refused authorization: Authorization is never covered by the wildcard.'] };
    if (ctx.credentialsInclude && (allowHeaders.includes('*') || allowMethods.includes('*')))
      return { confidence: 'certain', evidence: [`A * in Access-Control-Allow-${allowHeaders.includes('*') ? 'Headers' : 'Methods'} is a literal name for credentialed requests, not a wildcard.`] };
    return null;
  },
  explanation: () => 'Per the Fetch standard, * in Allow-Headers/Allow-Methods/Expose-Headers only works for requests without credentials, and Authorization is never covered by it — list it (and your custom headers) explicitly.',
  fixes: (f, ctx) => ownerFixes(ctx, f, 'preflight'),
  docs: [DOCS.fetchCors, DOCS.mdnCors],
};

export const X04: Pitfall = {
  id: 'X-04',
  section: 'Cross-cutting (any AWS origin)',
  title: 'Configure the origin exactly as the browser sends it',
  harConfidence: 'certain (near-miss value) / likely (Origin: null)',
  rule: 'AWS response whose Access-Control-Allow-Origin differs from Origin only by a trailing slash, scheme, port or case (certain); a request with Origin: null (likely).',
  confirm: 'The configured origin list.',
  detect: (ctx) => {
    const r = awsFailing(ctx);
    if (!r || !ctx.origin) return null;
    if (ctx.origin === 'null') return { confidence: 'likely', evidence: ["The request's Origin is null (file://, a sandboxed iframe, or a redirect across origins): no allowlist should contain null — serve the page from http(s)."] };
    const acao = acaoOf(r);
    const miss = acao ? nearMiss(acao, ctx.origin) : null;
    return miss ? { confidence: 'certain', evidence: [`Access-Control-Allow-Origin: ${acao} vs Origin: ${ctx.origin} — they differ by ${miss}.`] } : null;
  },
  explanation: () => 'Origins match exactly on scheme, host and port, with no path and no trailing slash. Normalise the configured origins in whichever layer owns CORS.',
  fixes: (f, ctx) => ownerFixes(ctx, f, ctx.failedStage),
  docs: [DOCS.mdnCors, DOCS.s3Cors],
};

/** The first of the headers a second layer duplicates that arrives more than once. */
function duplicated(r: ResponseView): string | undefined {
  for (const h of ['access-control-allow-origin', 'access-control-allow-credentials']) if (r.headerCount(h) > 1) return h;
  return undefined;
}

export const X05: Pitfall = {
  id: 'X-05',
  section: 'Cross-cutting (any AWS origin)',
  title: 'Send CORS headers from one layer only',
  harConfidence: 'certain (duplicate) / possible (layers)',
  rule: 'AWS response (not a function URL, see LURL-01) with two Access-Control-Allow-Origin or Access-Control-Allow-Credentials header lines.',
  confirm: 'The CORS settings of each layer (CloudFront policy / edge function, gateway, code).',
  detect: (ctx) => {
    const r = ctx.failing;
    if (!r?.answered) return null;
    const dup = duplicated(r);
    if (!dup || ctx.at(r.stage, 'lambda-url') || !fingerprintedAt(ctx, r.stage)) return null;
    const layers = [...new Set(ctx.fingerprints.filter((f) => f.stage === r.stage).map((f) => serviceName(f.service)))];
    return { confidence: 'certain', evidence: [`${dup} arrives ${r.headerCount(dup)} times: '${r.header(dup)}'.`, `Services seen on this response: ${layers.join(', ')}.`] };
  },
  explanation: () => 'Two layers each add the header: a CloudFront Function or Lambda@Edge that appends instead of replacing, Lambda `headers` and `multiValueHeaders` with different values, Express cors() plus hand-set headers. Choose one layer; in CloudFront prefer a response headers policy with OriginOverride on.',
  fixes: (f, ctx) => fixes(ownerFixes(ctx, f, ctx.failedStage), [fix('console', 'Then remove the other layer\'s headers', 'Remove the CORS headers from every other layer: edge functions, framework middleware, and Lambda multiValueHeaders.')]),
  docs: [DOCS.cfResponsePolicy, DOCS.mdnCors],
};

const redirected = (r: ResponseView | null | undefined): r is ResponseView => !!r?.answered && r.status >= 300 && r.status < 400;

export const X06: Pitfall = {
  id: 'X-06',
  section: 'Cross-cutting (any AWS origin)',
  title: 'Call the final URL: CORS requests cannot follow this redirect',
  harConfidence: 'certain (redirect) / likely (source)',
  rule: 'An AWS answer with a 3xx status and Location (preflight: PreflightDisallowedRedirect); the source is named from Server / X-Cache / Location (CloudFront HTTP→HTTPS, ALB, S3 TemporaryRedirect, Cognito login).',
  confirm: 'Listener rules, viewer protocol policy, the bucket region.',
  detect: (ctx) => {
    if (!ctx.blocked || !(redirected(ctx.preflight) || redirected(ctx.actual))) return null;
    const r = [ctx.failing, ctx.preflight, ctx.actual].find((x) => redirected(x) && fingerprintedAt(ctx, x.stage));
    if (!r) return null;
    const location = r.header('location') ?? r.entry.redirectURL;
    const source = r.header('server') === 'CloudFront' || /Redirect from cloudfront/i.test(r.header('x-cache') ?? '') ? 'CloudFront (viewer protocol policy "Redirect HTTP to HTTPS" when the URL is http://)'
      : /^awselb/.test(r.header('server') ?? '') ? 'an ALB listener rule (redirect or authenticate action)'
      : r.body.xmlCode === 'TemporaryRedirect' || r.body.xmlCode === 'PermanentRedirect' || ctx.at(r.stage, 's3-rest') ? 'S3 (global or wrong regional endpoint)'
      : ctx.at(r.stage, 's3-website') ? 'the S3 website endpoint (folder URL without trailing slash, or a routing rule)'
      : /amazoncognito\.com/.test(location) ? 'a Cognito login redirect (ALB or Lambda@Edge authentication)' : 'the AWS endpoint';
    return { confidence: 'certain', evidence: [`${r.stage === 'preflight' ? 'The preflight' : 'The request'} was answered ${statusLine(r.status, r.entry.statusText)} → ${location || '(no Location)'}.`, `Source: ${source}.`] };
  },
  explanation: () => 'The Fetch standard forbids following redirects on a preflight, and a redirected CORS request needs CORS headers on every hop. Call the final URL directly: https, the bucket\'s regional endpoint, API paths excluded from login redirects and SPA rewrites.',
  fixes: (f) => [
    fix('console', 'Use the final URL', `Point the front end at the URL the redirect leads to (https://, the regional S3 endpoint https://${f.bucket.known ? f.bucket.value : 'BUCKET'}.s3.${f.region.value}.amazonaws.com, the API host without auth redirects).`),
    fix('cdk', 'HTTPS-only API behavior / deny instead of redirect', "import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';\nimport * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\n\nconst viewerProtocolPolicy = cloudfront.ViewerProtocolPolicy.HTTPS_ONLY;   // API behaviors: no HTTP→HTTPS redirect\nconst onUnauthenticatedRequest = elbv2.UnauthenticatedAction.DENY;        // API paths: 401, not a redirect to the IdP"),
    fix('terraform', 'https-only viewer policy for the API behavior', '# in the aws_cloudfront_distribution ordered_cache_behavior for the API path:\n#   viewer_protocol_policy = "https-only"'),
    notApplicable('lambda-node', 'The redirect happens before your code: change the URL the page calls.'),
    notApplicable('lambda-python', 'The redirect happens before your code: change the URL the page calls.'),
  ],
  docs: [DOCS.fetchCors, DOCS.s3Website],
};

export const X07: Pitfall = {
  id: 'X-07',
  section: 'Cross-cutting (any AWS origin)',
  title: 'Invalidate cached preflights after a fix',
  harConfidence: 'possible',
  rule: 'A blocked AWS exchange whose preflight came from CloudFront\'s cache (X-Cache: Hit from cloudfront on OPTIONS) or from the browser\'s preflight cache (pairing "preflight-cache"): offered as "also check".',
  confirm: 'Retest in a fresh browser profile; a CloudFront invalidation changes the answer.',
  detect: (ctx) => {
    if (!ctx.blocked || !ctx.isAws) return null;
    const p = ctx.preflight;
    if (p?.answered && /^(Hit|RefreshHit) from cloudfront/i.test(p.header('x-cache') ?? '')) return { confidence: 'possible', evidence: [`The preflight came from CloudFront's cache (X-Cache: ${p.header('x-cache')}${p.header('age') ? `, Age: ${p.header('age')}` : ''}).`] };
    if (ctx.exchange.pairing.method === 'preflight-cache') return { confidence: 'possible', evidence: ['No new preflight was sent: the browser reused a cached one (Access-Control-Max-Age).'] };
    return null;
  },
  explanation: () => 'Browsers cache preflights for Access-Control-Max-Age (Chromium caps it at 2 hours) and CloudFront caches OPTIONS when CachedMethods includes it, so a fix can look ineffective. Invalidate, keep Max-Age modest (300–600 s) while iterating, and test in a fresh profile.',
  fixes: () => [fix('cli', 'Invalidate CloudFront', 'DIST=YOUR_DISTRIBUTION_ID   # not in the HAR: aws cloudfront list-distributions\naws cloudfront create-invalidation --distribution-id "$DIST" --paths "/*"')],
  docs: [DOCS.cfResponsePolicy],
};

const NETWORK = /ERR_NAME_NOT_RESOLVED|ERR_CERT|ERR_BLOCKED_BY_CLIENT|ERR_CONNECTION|ERR_SSL|ERR_ADDRESS_UNREACHABLE|mixed.content/i;

export const X08: Pitfall = {
  id: 'X-08',
  section: 'Cross-cutting (any AWS origin)',
  title: 'Fix the network error: this is not a CORS failure',
  harConfidence: 'likely',
  rule: 'A request to an AWS host that got no response (status 0) with a network _error (DNS, TLS, blocked by client, connection) or an http:// URL from an https:// page (mixed content; S3 website endpoints are HTTP only).',
  confirm: 'The `_error` value and the URL scheme.',
  detect: (ctx) => {
    const r = ctx.actual ?? ctx.preflight;
    if (!r || r.answered || !ctx.isAws || ctx.exchange.verdict === 'allowed') return null;
    const error = r.entry.error ?? ctx.exchange.browser.error ?? '';
    const mixed = r.scheme === 'http' && (ctx.origin ?? '').startsWith('https:');
    if (!NETWORK.test(error) && !mixed) return null;
    return { confidence: 'likely', evidence: [mixed ? `Mixed content: an https page (${ctx.origin}) called http://${r.host}.` : `The browser reported ${error} for ${r.host}: the request never got an HTTP answer.`] };
  },
  explanation: () => 'Status 0 with a network error looks like CORS in the console but is DNS, TLS, mixed content or an extension blocking the request. S3 website endpoints are HTTP only; private API hosts resolve only inside the VPC.',
  fixes: (f) => [fix('console', 'Use an https endpoint that resolves', `Serve the endpoint over HTTPS (CloudFront in front of an S3 website or ALB; the S3 REST endpoint https://${f.bucket.known ? f.bucket.value : 'BUCKET'}.s3.${f.region.value}.amazonaws.com), and check DNS and the certificate for ${f.host}.`)],
  docs: [DOCS.s3Website],
};

/** `value` without trailing `char`s (an index scan: /\/+$/ is quadratic on a long inner run of slashes). */
function trimEnd(value: string, char: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === char) end--;
  return value.slice(0, end);
}
