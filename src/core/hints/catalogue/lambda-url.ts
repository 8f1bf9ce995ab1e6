// Lambda function URLs (catalogue §2.3: LURL-01 … LURL-04).
import { fix, fixes, shVar } from '../fixes/common';
import { fxLambda, removeCorsFromCode } from '../fixes/lambda';
import { fxFunctionUrlCors } from '../fixes/platform';
import { getDecodeSplit } from '../../fetch/headers';
import { bodyIncludes } from '../view';
import { DOCS } from './docs';
import { actualWithoutAcao, failingAt, fingerprintEvidence, fp, hasError, hasService, hidden, rejectedPreflight } from './rules';
import type { Pitfall } from './types';
import { isOkStatus } from '../../fetch/status';

const URL: ['lambda-url'] = ['lambda-url'];

export const LURL01: Pitfall = {
  id: 'LURL-01',
  section: 'Lambda function URLs',
  title: 'Let one layer own CORS: the function URL configuration or the function code',
  harConfidence: 'certain (duplicate) / likely (cause)',
  rule: 'A function URL response (host *.lambda-url.*.on.aws or its 403 body) with two Access-Control-Allow-Origin header lines or a comma-joined value (MultipleAllowOriginValues).',
  confirm: '`aws lambda get-function-url-config --function-name <fn>` shows Cors, and the code sets the header too.',
  needs: URL,
  detect: (ctx) => {
    if (!hasService(ctx, URL)) return null;
    for (const r of [ctx.actual, ctx.preflight]) {
      if (!r?.answered || !fp(ctx, r.stage, URL)) continue;
      const lines = r.headerCount('access-control-allow-origin');
      const value = r.header('access-control-allow-origin') ?? '';
      if (lines > 1 || (hasError(ctx, 'MultipleAllowOriginValues', 'PreflightMultipleAllowOriginValues') && value.includes(',')))
        return {
          confidence: 'likely',
          evidence: [`Access-Control-Allow-Origin arrives ${lines > 1 ? `${lines} times` : 'comma-joined'}: '${value}' — only one value is allowed.`, 'The function URL adds its configured CORS headers to every response, and the function adds its own.', ...fingerprintEvidence(fp(ctx, r.stage, URL), 1)],
        };
    }
    return null;
  },
  explanation: () => 'Lambda adds the URL\'s configured CORS headers to all responses; in practice responses then carry both the configured Access-Control-Allow-Origin and the one your code (Powertools CORSConfig, Express cors(), hand-written headers) sets.',
  fixes: (f) => fixes(
    removeCorsFromCode('Keep the function URL CORS configuration and delete CORS from the code (Powertools: drop cors=CORSConfig(...); Express: remove app.use(cors())).'),
    fxFunctionUrlCors(f),
    [fix('cli', 'Or: remove the URL\'s CORS configuration and keep the code\'s', `${shVar('FUNCTION', f.functionName, '', 'the function behind the URL')}\naws lambda update-function-url-config --function-name "$FUNCTION" --cors '{}'`)],
  ),
  docs: [DOCS.furlCors, DOCS.furlCli],
};

export const LURL02: Pitfall = {
  id: 'LURL-02',
  section: 'Lambda function URLs',
  title: 'Configure CORS on the function URL',
  harConfidence: 'likely',
  rule: 'A function URL preflight that failed: non-2xx from your code, 2xx without Access-Control-Allow-Origin, or 403 AccessDeniedException (AWS_IAM auth, preflights are unsigned) — likely; an actual response without Access-Control-Allow-Origin from a function URL (possible: no CORS config, or the origin not in AllowOrigins).',
  confirm: '`aws lambda get-function-url-config --function-name <fn>` has no Cors.',
  needs: URL,
  detect: (ctx) => {
    const p = rejectedPreflight(ctx) ?? failingAt(ctx, 'preflight');
    if (p && fp(ctx, 'preflight', URL)) {
      if (p.errorType === 'AccessDeniedException')
        return { confidence: 'likely', evidence: [hidden(p), 'Preflights are unsigned: an AWS_IAM function URL can only be preflighted when its CORS configuration answers OPTIONS.'] };
      if (p.status < 200 || p.status > 299 || p.header('access-control-allow-origin') === null)
        return { confidence: 'likely', evidence: [isOkStatus(p.status) ? `The preflight was answered ${p.status} without Access-Control-Allow-Origin.` : hidden(p), 'Without a CORS configuration the preflight goes to your function, which answered it without CORS headers.'] };
    }
    const a = actualWithoutAcao(ctx);
    const f = fp(ctx, 'actual', URL);
    if (a && f && !f.gatewayGenerated)
      return { confidence: 'possible', evidence: [`The function URL answered ${a.status} without Access-Control-Allow-Origin: it has no CORS configuration (and the code sets none), or ${ctx.origin ?? 'the origin'} is not in AllowOrigins.`] };
    return null;
  },
  explanation: () => 'Only a function URL CORS configuration answers preflights without invoking the function, and it is mandatory for AWS_IAM URLs (browsers cannot sign a preflight). For NONE URLs you can instead answer OPTIONS in code.',
  fixes: (f) => fixes(fxFunctionUrlCors(f), fxLambda(f, { answerOptions: true }).map((x) => ({ ...x, title: `${x.title} — only for an auth NONE URL without CORS config` }))),
  docs: [DOCS.furlCors, DOCS.furlAuth],
};

export const LURL03: Pitfall = {
  id: 'LURL-03',
  section: 'Lambda function URLs',
  title: "Fix the function URL's CORS values (one header per item, no OPTIONS method)",
  harConfidence: 'possible (likely for the comma-joined header case)',
  rule: 'A function URL preflight answered 2xx that refused a requested header or method: offered as "also check" (a comma-joined AllowHeaders item, OPTIONS in AllowMethods, MaxAge unset).',
  confirm: '`aws lambda get-function-url-config --function-name <fn>` (AllowHeaders items, AllowMethods).',
  needs: URL,
  detect: (ctx) => {
    const p = failingAt(ctx, 'preflight');
    if (!p || !fp(ctx, 'preflight', URL) || p.status < 200 || p.status > 299 || !hasError(ctx, 'HeaderDisallowedByPreflightResponse', 'MethodDisallowedByPreflightResponse')) return null;
    const allow = p.header('access-control-allow-headers') ?? '';
    const items = getDecodeSplit(allow).map((h) => h.toLowerCase());
    const joined = ctx.refusedHeaders.filter((h) => items.some((i) => i.includes(h) && i !== h));
    return {
      confidence: 'possible',
      evidence: [
        `Refused: ${ctx.refusedMethod ?? ctx.refusedHeaders.join(', ')}; Access-Control-Allow-Headers: ${allow || '(absent)'}; Access-Control-Allow-Methods: ${p.header('access-control-allow-methods') ?? '(absent)'}.`,
        ...(joined.length ? [`${joined.join(', ')} appears inside a larger item: one AllowHeaders entry may hold "a,b" as a single name.`] : []),
        ...(p.header('access-control-max-age') === null ? ['No Access-Control-Max-Age: MaxAge is 0, so every request is preflighted.'] : []),
      ],
    };
  },
  explanation: () => 'AllowHeaders/ExposeHeaders are arrays of single header names: "content-type,authorization" typed in one console field is one (non-matching) name. AllowMethods items are at most 6 characters, so OPTIONS is rejected at deploy time. MaxAge defaults to 0.',
  fixes: (f) => fxFunctionUrlCors(f),
  docs: [DOCS.furlCors],
};

export const LURL04: Pitfall = {
  id: 'LURL-04',
  section: 'Lambda function URLs',
  title: "Grant the function URL's invoke permissions",
  harConfidence: 'certain (auth layer)',
  rule: '403 with x-amzn-ErrorType AccessDeniedException from a function URL (its host, or the body "Forbidden. For troubleshooting Function URL authorization issues…", also behind CloudFront): certain with the host or body, likely otherwise.',
  confirm: '`aws lambda get-policy --function-name <fn>`; the CloudFront OAC configuration.',
  needs: URL,
  detect: (ctx) => {
    const r = ctx.failing;
    if (!r?.answered || r.status !== 403 || r.errorType !== 'AccessDeniedException' || !fp(ctx, r.stage, URL)) return null;
    const viaCloudFront = !!ctx.at(r.stage, 'cloudfront');
    return {
      confidence: bodyIncludes(r, 'Function URL') || /lambda-url/.test(r.host) ? 'certain' : 'likely',
      evidence: [hidden(r), 'The function URL\'s auth layer rejected the call: the function never ran.', ...(viaCloudFront ? ['Through CloudFront: with origin access control, cloudfront.amazonaws.com needs lambda:InvokeFunctionUrl and lambda:InvokeFunction.'] : [])],
    };
  },
  explanation: () => 'NONE URLs still need a resource-based policy granting public lambda:InvokeFunctionUrl (the console adds it; CLI/SDK creation does not), and URLs created since October 2025 also need lambda:InvokeFunction. CloudFront OAC in front of an AWS_IAM URL needs both grants for cloudfront.amazonaws.com.',
  fixes: (f) => [
    fix('console', 'Add the public invoke permission', `Lambda console → ${f.functionName.value} → Configuration → Permissions → Resource-based policy statements → Add permissions → Function URL → Auth type NONE (adds lambda:InvokeFunctionUrl for "*"); add lambda:InvokeFunction as described in "Control access to function URLs".`),
    fix('cli', 'add-permission for the function URL', `${shVar('FUNCTION', f.functionName, '', 'the function behind the URL')}\naws lambda add-permission --function-name "$FUNCTION" --statement-id FunctionURLAllowPublicAccess \\\n  --action lambda:InvokeFunctionUrl --principal '*' --function-url-auth-type NONE\naws lambda get-policy --function-name "$FUNCTION"`),
    fix('sam', 'AuthType NONE on the function URL', 'Resources:\n  Function:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionUrlConfig:\n        AuthType: NONE   # SAM adds the public lambda:InvokeFunctionUrl permission'),
    fix('cdk', 'Permission for CloudFront OAC', `import * as iam from 'aws-cdk-lib/aws-iam';\n\nfn.addPermission('CloudFrontInvoke', {\n  action: 'lambda:InvokeFunction',\n  principal: new iam.ServicePrincipal('cloudfront.amazonaws.com'),\n  sourceArn: \`arn:aws:cloudfront::\${this.account}:distribution/\${distribution.distributionId}\`,\n});`),
    fix('serverless', 'url: true (public URL)', 'functions:\n  api:\n    handler: index.handler\n    url: true   # authorizer none: the framework adds the public permission'),
    fix('terraform', 'aws_lambda_permission for the URL', `resource "aws_lambda_permission" "url" {\n  statement_id           = "FunctionURLAllowPublicAccess"\n  action                 = "lambda:InvokeFunctionUrl"\n  function_name          = aws_lambda_function.fn.function_name\n  principal              = "*"\n  function_url_auth_type = "NONE"\n}`),
  ],
  docs: [DOCS.furlAuth],
};
