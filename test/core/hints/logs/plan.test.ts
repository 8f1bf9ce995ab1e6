// "Find it in the logs" (issue 19): for each AWS service, the log plan of a blocked exchange names the
// right logs and fills them from the capture — ids, API id, stage, region, time — with placeholders said aloud.
import { describe, expect, test } from 'vitest';
import { findInLogs, type LogSourcePlan, type LogsPlan } from '../../../../src/core/hints/logs';
import { CASES, CF_ID, EXTENDED_ID, FURL_REQUEST_ID, HTTP_API_ID, REQUEST_ID, S3_REQUEST_ID, TRACE_ID, exchangeOf } from './cases';
import { CUSTOM, PAGE, REST_URL, entry, req } from '../support';

function planOf(name: string): LogsPlan {
  const c = CASES.find((x) => x.name.startsWith(name));
  if (!c) throw new Error(name);
  const plan = findInLogs(c.exchange());
  if (!plan) throw new Error(`no plan for ${name}`);
  return plan;
}
const source = (plan: LogsPlan, id: string): LogSourcePlan => {
  const s = plan.sources.find((x) => x.source === id);
  if (!s) throw new Error(`no ${id} in ${plan.sources.map((x) => x.source).join(', ')}`);
  return s;
};
const snippet = (s: LogSourcePlan, kind: string) => s.snippets.find((x) => x.kind === kind)?.text ?? '';
const T = Date.parse('2026-11-24T18:47:46.005Z');

describe('findInLogs: which logs, filled from the capture', () => {
  test('every service case gets a plan, origin logs before edge logs', () => {
    for (const c of CASES) expect(findInLogs(c.exchange()), c.name).not.toBeNull();
    const cf = planOf('waf on cloudfront');
    expect(cf.sources.map((s) => s.source)).toEqual(['cloudfront', 'waf']);
  });

  test('no plan when the request never reached AWS (the execute-api host did not resolve)', () => {
    const x = exchangeOf(entry({ method: 'GET', url: 'https://zzz999zzzz.execute-api.us-east-1.amazonaws.com/prod/items', started: 5, requestHeaders: { Origin: PAGE }, status: 0, resourceType: 'fetch', error: 'net::ERR_NAME_NOT_RESOLVED' }));
    expect(x.fingerprints.map((f) => f.service)).toEqual(['apigw']);
    expect(findInLogs(x)).toBeNull();
  });

  test('no plan for a non-AWS server, or an allowed exchange', () => {
    expect(findInLogs(exchangeOf(req('https://api.example.org/x', 'GET', 200, { 'Content-Type': 'application/json' })))).toBeNull();
    expect(findInLogs(exchangeOf(req(REST_URL, 'GET', 200, { 'Access-Control-Allow-Origin': PAGE, 'x-amzn-RequestId': REQUEST_ID, 'x-amz-apigw-id': EXTENDED_ID }, { blocked: false })))).toBeNull();
  });

  test('API Gateway REST: execution log group from API id and stage, the request id, a ±5 min window, on/off for one stage', () => {
    const plan = planOf('apigw-rest: gateway 401');
    expect(plan.sources.map((s) => s.source)).toEqual(['apigw-rest-execution', 'apigw-rest-access', 'lambda']);
    expect(plan.ids).toEqual([{ label: 'x-amzn-RequestId', value: REQUEST_ID }, { label: 'x-amz-apigw-id (extended request id)', value: EXTENDED_ID }]);
    expect(plan.region).toEqual({ value: 'us-east-1', known: true });
    expect(plan.window).toEqual({ startMs: T - 300_000, endMs: T + 300_000 });
    const exec = source(plan, 'apigw-rest-execution');
    expect(exec.where).toBe('CloudWatch Logs group API-Gateway-Execution-Logs_abc123defg/prod');
    expect(snippet(exec, 'filter')).toContain(`aws logs filter-log-events --region us-east-1 --log-group-name API-Gateway-Execution-Logs_abc123defg/prod \\\n  --start-time ${T - 300_000} --end-time ${T + 300_000} --filter-pattern '"${REQUEST_ID}"'`);
    expect(snippet(exec, 'tail')).toContain('aws logs tail API-Gateway-Execution-Logs_abc123defg/prod --region us-east-1 --since 2026-11-24T18:42:46Z');
    expect(snippet(exec, 'insights')).toContain(`| filter @message like "${REQUEST_ID}"`);
    expect(snippet(exec, 'insights-cli')).toContain(`--start-time ${Math.floor((T - 300_000) / 1000)} --end-time ${Math.floor((T + 300_000) / 1000) + 1}`);
    expect(snippet(exec, 'enable')).toContain("--rest-api-id abc123defg --stage-name prod \\\n  --patch-operations 'op=replace,path=/*/*/logging/loglevel,value=INFO'");
    expect(snippet(exec, 'disable')).toContain("'op=replace,path=/*/*/logging/loglevel,value=OFF'");
    expect(exec.notes[0]).toMatch(/off unless .* turn it off again/);
    expect(exec.shows).toMatch(/^The line "Gateway response type: <TYPE> with status code: 401"/);
    expect(snippet(source(plan, 'apigw-rest-access'), 'filter')).toContain('aws apigateway get-stage --region us-east-1 --rest-api-id abc123defg --stage-name prod --query accessLogSettings.destinationArn');
  });

  test('what each log shows follows the pitfall: R07 says the OPTIONS method ran the authorizer; the preflight is the request searched', () => {
    const plan = planOf('apigw-rest: preflight 401');
    expect(plan.request).toMatch(/^OPTIONS https:\/\/abc123defg/);
    expect(source(plan, 'apigw-rest-execution').shows).toMatch(/OPTIONS method ran the authorizer/);
    expect(source(plan, 'apigw-rest-access').shows).toMatch(/authorizer \(or API key\) ran on the preflight/);
  });

  test('REST Lambda proxy with X-Amzn-Trace-Id: the function log is searched by the trace id, and X-Ray gets the trace', () => {
    const plan = planOf('apigw-rest: Lambda proxy');
    const lambda = source(plan, 'lambda');
    expect(lambda.where).toBe('CloudWatch Logs group /aws/lambda/YOUR_FUNCTION_NAME');
    expect(lambda.notes[0]).toMatch(/function name is not in the capture: replace YOUR_FUNCTION_NAME/);
    expect(snippet(lambda, 'filter')).toContain(`--filter-pattern '"${TRACE_ID}"'`);
    expect(snippet(lambda, 'find')).toContain('aws apigateway get-resources --region us-east-1 --rest-api-id abc123defg');
    const xray = source(plan, 'xray');
    expect(snippet(xray, 'fetch')).toBe(`aws xray batch-get-traces --region us-east-1 --trace-ids ${TRACE_ID}\n`);
    expect(snippet(xray, 'console')).toBe(`https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#xray:traces/${TRACE_ID}\n`);
    expect(lambda.shows).toMatch(/REPORT line/);
  });

  test('custom domain: API id, stage and region are placeholders, and the plan says so', () => {
    const plan = planOf('apigw-rest: custom domain');
    expect(plan.region.known).toBe(false);
    const exec = source(plan, 'apigw-rest-execution');
    expect(exec.where).toBe('CloudWatch Logs group API-Gateway-Execution-Logs_YOUR_API_ID/YOUR_STAGE');
    expect(exec.notes.join(' ')).toMatch(/API id is not in the capture: replace YOUR_API_ID/);
    expect(exec.notes.join(' ')).toMatch(/stage is not in the capture: replace YOUR_STAGE/);
    expect(snippet(exec, 'filter')).not.toContain('--region');
    expect(snippet(exec, 'console')).toMatch(/^https:\/\/console\.aws\.amazon\.com\/cloudwatch\/home#logsV2:/);
    expect(CUSTOM).toContain('api.example.com');
  });

  test('HTTP API: access log by apigw-requestid, in the URL\'s region, with on/off', () => {
    const plan = planOf('apigw-http');
    expect(plan.sources.map((s) => s.source)).toEqual(['apigw-http-access', 'lambda']);
    const access = source(plan, 'apigw-http-access');
    expect(snippet(access, 'filter')).toContain("aws apigatewayv2 get-stage --region eu-west-1 --api-id h1t2p3a4p5 --stage-name '$default' --query AccessLogSettings.DestinationArn");
    expect(snippet(access, 'filter')).toContain(`--filter-pattern '"${HTTP_API_ID}"'`);
    expect(snippet(access, 'enable')).toContain('"DestinationArn":"arn:aws:logs:eu-west-1:YOUR_ACCOUNT_ID:log-group:/aws/http-api/h1t2p3a4p5"');
    expect(snippet(access, 'disable')).toBe("aws apigatewayv2 delete-access-log-settings --region eu-west-1 --api-id h1t2p3a4p5 --stage-name '$default'\n");
    expect(access.shows).toMatch(/\$context\.error\.message of API Gateway's own answer/);
  });

  test('Lambda function URL: the invocation id, the URL id to find the function, and "nothing at that time" for LURL-04', () => {
    const plan = planOf('lambda-url');
    const lambda = source(plan, 'lambda');
    expect(snippet(lambda, 'filter')).toContain(`--filter-pattern '"${FURL_REQUEST_ID}"'`);
    expect(snippet(lambda, 'find')).toContain('grep -q abcdefghijklmnopqrstuvwxyz012345');
    expect(lambda.shows).toMatch(/^Nothing at that time/);
  });

  test('CloudFront: X-Amz-Cf-Id as x-edge-request-id, the hour\'s S3 files, us-east-1', () => {
    const plan = planOf('cloudfront');
    const cf = source(plan, 'cloudfront');
    expect(snippet(cf, 'fetch')).toContain("--include 'YOUR_DISTRIBUTION_ID.2026-11-24-18.*'");
    expect(snippet(cf, 'fetch')).toContain(`grep -F ${CF_ID}`);
    expect(snippet(cf, 'filter')).toContain('--region us-east-1 --log-group-name YOUR_CLOUDFRONT_LOG_GROUP');
    expect(cf.shows).toMatch(/x-edge-result-type Hit/);
  });

  test('S3: the request id in the bucket\'s server access log', () => {
    const plan = planOf('s3-rest');
    const s = source(plan, 's3-server-access');
    expect(snippet(s, 'find')).toBe('aws s3api get-bucket-logging --bucket my-uploads\n');
    expect(snippet(s, 'fetch')).toContain(`grep -F ${S3_REQUEST_ID} 2026-11-24-18-*`);
    expect(s.shows).toMatch(/REST\.OPTIONS\.PREFLIGHT with status 403/);
  });

  test('AppSync, Cognito, ALB, WAF and Amplify each get their own log', () => {
    expect(planOf('appsync').sources.map((s) => s.source)).toEqual(['appsync']);
    expect(snippet(source(planOf('cognito-idp'), 'cloudtrail'), 'filter')).toContain('AttributeKey=EventSource,AttributeValue=cognito-idp.amazonaws.com');
    expect(source(planOf('alb'), 'alb-access').shows).toMatch(/elb_status_code 502/);
    expect(snippet(source(planOf('waf on cloudfront'), 'waf'), 'insights')).toContain('filter action = "BLOCK"');
    expect(snippet(source(planOf('amplify'), 'amplify-access'), 'fetch')).toContain('--app-id d1abc2def3ghij --domain-name d1abc2def3ghij.amplifyapp.com');
  });
});
