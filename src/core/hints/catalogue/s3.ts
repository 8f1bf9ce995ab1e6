// Amazon S3 (catalogue §2.6: S3-01 … S3-04).
import type { HintContext } from '../context';
import { fix, fixes, notApplicable } from '../fixes/common';
import { fxS3Cors } from '../fixes/platform';
import type { ResponseView } from '../view';
import type { Detection } from './types';
import { DOCS } from './docs';
import { failingAt, hasError, hasService, hidden, noAcaoEvidence } from './rules';
import type { Pitfall } from './types';

const S3 = ['s3-rest', 's3-website'] as const;

function s3Failing(ctx: HintContext): ResponseView | null {
  const r = failingAt(ctx, ctx.failedStage ?? 'actual');
  return r && ctx.at(r.stage, ...S3) ? r : null;
}

const notEnabled = (r: ResponseView) => /CORS is not enabled for this bucket/i.test(r.body.xmlMessage ?? r.body.text ?? '');
const notAllowed = (r: ResponseView) => /This CORS request is not allowed/i.test(r.body.xmlMessage ?? r.body.text ?? '');
const varyOrigin = (r: ResponseView) => (r.header('vary') ?? '').toLowerCase().includes('origin');

export const S301: Pitfall = {
  id: 'S3-01',
  section: 'Amazon S3',
  title: 'Add a CORS configuration to the bucket',
  harConfidence: 'certain',
  rule: 'S3 answered 403 AccessForbidden "CORSResponse: CORS is not enabled for this bucket." (certain); a direct S3 answer without Access-Control-Allow-Origin and without Vary: Origin (likely); an S3 403 preflight whose body was not captured (possible).',
  confirm: '`aws s3api get-bucket-cors --bucket <bucket>` → NoSuchCORSConfiguration.',
  needs: S3,
  detect: (ctx) => {
    const r = s3Failing(ctx);
    if (!r) return null;
    if (notEnabled(r)) return { confidence: 'certain', evidence: [hidden(r), `S3: "${r.body.xmlMessage ?? 'CORS is not enabled for this bucket.'}"`] };
    if (ctx.at(r.stage, 'cloudfront')) return null; // CF-02 covers the CloudFront case
    if (r.stage === 'actual' && r.header('access-control-allow-origin') === null && !varyOrigin(r) && r.status < 300)
      return { confidence: 'likely', evidence: [noAcaoEvidence(r), 'No Vary: Origin either: S3 sends it whenever the bucket has CORS rules, so the bucket has none.'] };
    if (r.stage === 'preflight' && r.status === 403 && r.body.text === null) return { confidence: 'possible', evidence: [hidden(r), 'Without the body the HAR cannot tell "CORS is not enabled" from "not allowed" (S3-02).'] };
    return null;
  },
  explanation: () => 'A bucket without a CORS configuration answers preflights with 403 and sends no CORS headers on GETs — fonts, fetch() of JSON, <img crossorigin>, uploads all fail. Preflights need no authentication and behave the same for private and public buckets.',
  fixes: (f) => fixes(fxS3Cors(f), [notApplicable('lambda-node', 'S3 answers directly: configure the bucket.'), notApplicable('lambda-python', 'S3 answers directly: configure the bucket.')]),
  docs: [DOCS.s3Cors, DOCS.s3CorsTroubleshooting],
};

export const S302: Pitfall = {
  id: 'S3-02',
  section: 'Amazon S3',
  title: "Add the origin, method and headers to the bucket's CORS rule",
  harConfidence: 'certain (no rule matched) / likely (which element)',
  rule: 'S3 answered 403 "CORSResponse: This CORS request is not allowed…" (certain); an S3 403 preflight without a captured body, an S3 answer with Vary: Origin but no Access-Control-Allow-Origin, or a 2xx S3 preflight that refused a requested header or the method (likely: the rules do not cover it). Evidence lists Origin, Access-Control-Request-Method and -Headers to diff against the rules.',
  confirm: '`aws s3api get-bucket-cors --bucket <bucket>`.',
  needs: S3,
  detect: (ctx) => {
    const r = s3Failing(ctx);
    if (!r) return null;
    const asked = `Origin ${ctx.origin ?? '(none)'}, method ${ctx.method}${ctx.requestedHeaders.length ? `, headers ${ctx.requestedHeaders.join(', ')}` : ''}`;
    if (notAllowed(r)) return { confidence: 'certain', evidence: [hidden(r), `No CORS rule matched: ${asked}.`] };
    if (r.stage === 'preflight' && r.status === 403 && r.body.text === null) return { confidence: 'likely', evidence: [hidden(r), `S3 refuses a preflight with 403 when no CORS rule matches ${asked} (or there are no rules, S3-01).`] };
    if (r.stage === 'actual' && r.header('access-control-allow-origin') === null && varyOrigin(r) && !ctx.at(r.stage, 'cloudfront')) return { confidence: 'likely', evidence: [noAcaoEvidence(r), `Vary: ${r.header('vary')} shows the bucket has CORS rules, but none matched ${asked}.`] };
    // A 2xx preflight that still refuses a header or the method: the matched rule's AllowedHeaders / AllowedMethods lack it.
    if (r.stage === 'preflight' && r.status >= 200 && r.status < 300 && hasError(ctx, 'HeaderDisallowedByPreflightResponse', 'MethodDisallowedByPreflightResponse'))
      return { confidence: 'likely', evidence: [`S3 answered the preflight ${r.status} but refused ${ctx.refusedMethod ? `method ${ctx.refusedMethod}` : `header${ctx.refusedHeaders.length > 1 ? 's' : ''} ${ctx.refusedHeaders.join(', ')}`}: Access-Control-Allow-Methods: ${r.header('access-control-allow-methods') ?? '(absent)'}; Access-Control-Allow-Headers: ${r.header('access-control-allow-headers') ?? '(absent)'}.`, `The rule that matched ${asked} does not list ${ctx.refusedMethod ? 'that method' : 'them'}.`] };
    return null;
  },
  explanation: () => 'The first rule whose AllowedOrigins, AllowedMethods (GET, PUT, POST, DELETE, HEAD — never OPTIONS) and AllowedHeaders all match wins; origins match exactly. SDK uploads send headers such as content-type, x-amz-acl, x-amz-checksum-*, amz-sdk-invocation-id; multipart uploads need ExposeHeaders ETag.',
  fixes: (f) => fxS3Cors(f),
  docs: [DOCS.s3Cors, DOCS.s3CorsTroubleshooting],
};

/** SigV4 presigned query: X-Amz-Date (yyyyMMddTHHmmssZ) + X-Amz-Expires seconds. */
function presignExpiry(r: ResponseView): number | null {
  const date = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(r.query.get('X-Amz-Date') ?? '');
  const expires = Number(r.query.get('X-Amz-Expires'));
  if (!date || !Number.isFinite(expires)) return null;
  const [, y, mo, d, h, mi, s] = date;
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) + expires * 1000;
}

/**
 * A presigned POST (createPresignedPost / generate_presigned_post): a multipart/form-data POST to the bucket, a simple
 * request, so no preflight; the answer without Access-Control-Allow-Origin means no CORS rule allows POST from the page.
 */
function presignedPost(ctx: HintContext): Detection | null {
  const a = ctx.failing;
  if (!a?.answered || a.stage !== 'actual' || !ctx.blocked || ctx.method !== 'POST' || !ctx.at('actual', ...S3) || a.header('access-control-allow-origin') !== null) return null;
  if (!/^multipart\/form-data/i.test(a.requestHeader('content-type') ?? '')) return null;
  return {
    confidence: 'likely',
    evidence: [
      `A form upload (POST multipart/form-data) to ${a.host}${a.path}: a presigned POST.`,
      a.status >= 300 ? hidden(a) : `S3 accepted it (${a.status}), but without Access-Control-Allow-Origin the page cannot read the result.`,
      'The bucket\'s CORS rule must allow POST from this origin (AllowedMethods POST); the form fields must match the policy the server signed.',
    ],
  };
}

export const S303: Pitfall = {
  id: 'S3-03',
  section: 'Amazon S3',
  title: 'Presign the upload for exactly what the browser sends',
  harConfidence: 'likely (XML visible) / possible',
  rule: 'A blocked request to S3 with a SigV4 presigned query (X-Amz-Signature / X-Amz-Credential): SignatureDoesNotMatch, AccessDenied "Request has expired", a 301/307 region redirect, or a start time past X-Amz-Date + X-Amz-Expires (likely); otherwise possible, naming X-Amz-SignedHeaders. A presigned POST (multipart/form-data POST to the bucket) answered without Access-Control-Allow-Origin (likely).',
  confirm: 'The presigning code: ContentType, client region, expiry.',
  needs: S3,
  detect: (ctx) => {
    if (!hasService(ctx, S3)) return null;
    const form = presignedPost(ctx);
    if (form) return form;
    const r = [ctx.failing, ctx.actual, ctx.preflight].find((x) => x && ctx.at(x.stage, ...S3) && (x.query.has('X-Amz-Signature') || x.query.has('X-Amz-Credential')));
    if (!r || !ctx.blocked) return null;
    const expiry = presignExpiry(r);
    const signed = r.query.get('X-Amz-SignedHeaders') ?? 'host';
    if (r.answered && (r.body.xmlCode === 'SignatureDoesNotMatch' || /expired/i.test(r.body.xmlMessage ?? '') || ['TemporaryRedirect', 'PermanentRedirect', 'AuthorizationHeaderMalformed'].includes(r.body.xmlCode ?? '')))
      return { confidence: 'likely', evidence: [hidden(r), r.body.xmlCode === 'SignatureDoesNotMatch' ? `The browser sent a header the URL was not signed for (X-Amz-SignedHeaders=${signed}).` : r.body.xmlCode?.endsWith('Redirect') ? 'The URL was presigned for the global or wrong regional endpoint.' : 'The presigned URL had expired.'] };
    if (expiry !== null && r.entry.startedMs > expiry) return { confidence: 'likely', evidence: [`The URL expired at ${new Date(expiry).toISOString()} (X-Amz-Date + X-Amz-Expires); the request started at ${new Date(r.entry.startedMs).toISOString()}.`] };
    return { confidence: 'possible', evidence: [`A presigned S3 URL (X-Amz-SignedHeaders=${signed}); check the signed Content-Type, the region and the expiry.`] };
  },
  explanation: () => 'A SigV4 query signature covers the method, path, listed headers and expiry, and S3 CORS rules still apply to presigned requests. Presign with the Content-Type the browser will send, with a client in the bucket\'s region, and allow PUT/POST in the bucket\'s CORS rule.',
  fixes: (f) => fixes(fxS3Cors(f).filter((x) => ['cli', 'terraform', 'cdk'].includes(x.toolchain)), [
    fix('lambda-node', 'Presign with the Content-Type the browser sends', `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\nimport { getSignedUrl } from '@aws-sdk/s3-request-presigner';\n\nconst s3 = new S3Client({ region: ${JSON.stringify(f.region.value)} });   // the bucket's region\n\nexport async function presign(key, contentType) {\n  const cmd = new PutObjectCommand({ Bucket: ${JSON.stringify(f.bucket.value)}, Key: key, ContentType: contentType });\n  return getSignedUrl(s3, cmd, { expiresIn: 300 });   // the browser must send exactly this Content-Type\n}`),
    fix('lambda-python', 'Presign with the Content-Type the browser sends', `import boto3\n\ns3 = boto3.client("s3", region_name=${JSON.stringify(f.region.value)})  # the bucket's region\n\n\ndef presign(key, content_type):\n    return s3.generate_presigned_url(\n        "put_object",\n        Params={"Bucket": ${JSON.stringify(f.bucket.value)}, "Key": key, "ContentType": content_type},\n        ExpiresIn=300,\n    )`),
  ]),
  docs: [DOCS.s3Cors, DOCS.s3CorsTroubleshooting],
};

export const S304: Pitfall = {
  id: 'S3-04',
  section: 'Amazon S3',
  title: 'Use the S3 REST endpoint (or CloudFront), not the website endpoint',
  harConfidence: 'certain',
  rule: 'A blocked request to an S3 website endpoint host (*.s3-website[-.]<region>.amazonaws.com).',
  confirm: '—',
  needs: ['s3-website'],
  detect: (ctx) => {
    const r = ctx.failing ?? ctx.actual ?? ctx.preflight;
    if (!r || !ctx.blocked || !ctx.at(r.stage, 's3-website')) return null;
    return { confidence: 'certain', evidence: [`${r.host} is an S3 website endpoint: HTTP only, GET/HEAD only, HTML errors and redirects.`, ...(r.answered ? [hidden(r)] : [])] };
  },
  explanation: () => 'Website endpoints serve public content over HTTP only, support only GET/HEAD, answer errors with HTML and redirect folder paths — unsuitable for API-style access or uploads from an https page.',
  fixes: (f) => [
    fix('console', 'Use the REST endpoint', `Call https://${f.bucket.value}.s3.${f.region.value}.amazonaws.com/… (REST, HTTPS) — or put CloudFront (HTTPS) in front of the website endpoint — and keep the bucket's CORS rule.`),
    ...fxS3Cors(f).filter((x) => x.toolchain === 'cli'),
  ],
  docs: [DOCS.s3Website],
};
