// Which logs each fingerprinted service writes (SOURCES_BY_SERVICE), and how to reach each log
// (LOG_SOURCES): where it lives, the commands filled from the capture, and placeholders said aloud.
// Log group names: API-Gateway-Execution-Logs_{rest-api-id}/{stage_name} (API Gateway developer guide,
// "Execution logging for REST APIs"), /aws/lambda/<function>, /aws/appsync/apis/<api id>; access logs and
// WAF/CloudFront deliveries go where the stage or distribution says, so a lookup command finds them.
import type { AwsService } from '../fingerprint';
import { type GroupRef, cloudWatchSnippets, consoleBase, insightsQuery, iso, namedGroup, regionFlag, sq, xrayTraceUrl } from './commands';
import type { LogsContext } from './context';
import type { LogSnippet, LogSourceId } from './types';

export const SOURCES_BY_SERVICE = {
  'apigw-rest': ['apigw-rest-execution', 'apigw-rest-access', 'lambda', 'xray'],
  'apigw-http': ['apigw-http-access', 'lambda', 'xray'],
  apigw: ['apigw-rest-execution', 'apigw-http-access', 'lambda'],
  'lambda-url': ['lambda', 'xray'],
  cloudfront: ['cloudfront'],
  's3-rest': ['s3-server-access'],
  's3-website': ['s3-server-access'],
  appsync: ['appsync', 'xray'],
  'cognito-idp': ['cloudtrail'],
  'cognito-hosted-ui': ['cloudtrail'],
  'cognito-identity': ['cloudtrail'],
  alb: ['alb-access'],
  waf: ['waf'],
  'amplify-hosting': ['amplify-access'],
  aws: ['xray'],
} as const satisfies Record<AwsService, readonly LogSourceId[]>;

export interface SourceBuild {
  readonly title: string;
  readonly where: string;
  readonly notes: readonly string[];
  readonly snippets: readonly LogSnippet[];
}

interface LogSource {
  /** Whether the capture gives this source anything to search with (X-Ray needs a trace id). */
  readonly applies: (c: LogsContext) => boolean;
  readonly build: (c: LogsContext) => SourceBuild;
}

const always = () => true;
const placeholderNote = (what: string, v: { value: string; known: boolean }, how: string) => (v.known ? [] : [`The ${what} is not in the capture: replace ${v.value} (${how}).`]);
const requestIdNote = (c: LogsContext, id: string | undefined, header: string) => (id ? [] : [`No ${header} in the capture: the commands search the ${iso(c.startMs)}–${iso(c.endMs)} window only.`]);

function restExecution(c: LogsContext): SourceBuild {
  const group = `API-Gateway-Execution-Logs_${c.apiId.value}/${c.restStage.value}`;
  const r = regionFlag(c);
  const stageArgs = `--rest-api-id ${sq(c.apiId.value)} --stage-name ${sq(c.restStage.value)}`;
  return {
    title: `API Gateway REST execution log (stage ${c.restStage.value})`,
    where: `CloudWatch Logs group ${group}`,
    notes: [
      'Execution logging is off unless someone turned it on for the stage: turn it on, reproduce the request, read the log, turn it off again (INFO logs every request; dataTrace would also log bodies).',
      ...placeholderNote('API id', c.apiId, 'aws apigateway get-base-path-mappings --domain-name <your domain>'),
      ...placeholderNote('stage', c.restStage, 'the base path mapping of your custom domain names it'),
      ...requestIdNote(c, c.ids.requestId, 'x-amzn-RequestId'),
    ],
    snippets: [
      ...cloudWatchSnippets(c, namedGroup(group), c.ids.requestId ?? null),
      {
        kind: 'enable',
        language: 'sh',
        title: 'Turn execution logging on for this stage only',
        text: `# Once per account and region, API Gateway needs a role to write to CloudWatch Logs:\naws apigateway get-account${r} --query cloudwatchRoleArn --output text\n# (if that prints None: aws apigateway update-account --patch-operations op=replace,path=/cloudwatchRoleArn,value=<role ARN with AmazonAPIGatewayPushToCloudWatchLogs>)\naws apigateway update-stage${r} ${stageArgs} \\\n  --patch-operations 'op=replace,path=/*/*/logging/loglevel,value=INFO'\n`,
      },
      { kind: 'disable', language: 'sh', title: 'Turn it off again', text: `aws apigateway update-stage${r} ${stageArgs} \\\n  --patch-operations 'op=replace,path=/*/*/logging/loglevel,value=OFF'\n` },
    ],
  };
}

/** `GROUP=$(…get-stage… | the log group name out of the ARN)`. */
function accessLogGroup(c: LogsContext, lookup: string, filter: string): GroupRef {
  return {
    name: filter,
    shell: '"$GROUP"',
    setup: [`GROUP=$(${lookup} --output text | sed -e 's/^arn:[^:]*:logs:[^:]*:[^:]*:log-group://' -e 's/:\\*$//')`, 'echo "access log group: $GROUP"   # None: access logging is off for this stage'],
  };
}

function restAccess(c: LogsContext): SourceBuild {
  const lookup = `aws apigateway get-stage${regionFlag(c)} --rest-api-id ${sq(c.apiId.value)} --stage-name ${sq(c.restStage.value)} --query accessLogSettings.destinationArn`;
  return {
    title: `API Gateway REST access log (stage ${c.restStage.value})`,
    where: 'The CloudWatch Logs group named in the stage\'s access log settings (the commands look it up)',
    notes: [...placeholderNote('API id', c.apiId, 'aws apigateway get-base-path-mappings --domain-name <your domain>'), ...requestIdNote(c, c.ids.requestId, 'x-amzn-RequestId')],
    snippets: cloudWatchSnippets(c, accessLogGroup(c, lookup, c.apiId.value), c.ids.requestId ?? null),
  };
}

function httpAccess(c: LogsContext): SourceBuild {
  const stage = '$default';
  const r = regionFlag(c);
  const lookup = `aws apigatewayv2 get-stage${r} --api-id ${sq(c.apiId.value)} --stage-name ${sq(stage)} --query AccessLogSettings.DestinationArn`;
  const format = '{"requestId":"$context.requestId","routeKey":"$context.routeKey","status":"$context.status","error":"$context.error.message","integrationError":"$context.integrationErrorMessage","authorizerError":"$context.authorizer.error"}';
  const settings = JSON.stringify({ DestinationArn: `arn:aws:logs:${c.region.value}:YOUR_ACCOUNT_ID:log-group:/aws/http-api/${c.apiId.value}`, Format: format });
  return {
    title: 'API Gateway HTTP API access log',
    where: 'The CloudWatch Logs group named in the stage\'s access log settings (the commands look it up)',
    notes: [
      'Access logging is off unless configured: the enable command below sends it to /aws/http-api/<api id> (create that log group first); the stage is assumed to be $default — a named stage is the first segment of the URL path.',
      ...placeholderNote('API id', c.apiId, 'aws apigatewayv2 get-domain-names / get-api-mappings for your domain'),
      ...requestIdNote(c, c.ids.httpApiRequestId, 'apigw-requestid'),
    ],
    snippets: [
      ...cloudWatchSnippets(c, accessLogGroup(c, lookup, c.apiId.value), c.ids.httpApiRequestId ?? null),
      { kind: 'enable', language: 'sh', title: 'Turn access logging on (with the error fields)', text: `aws logs create-log-group${r} --log-group-name ${sq(`/aws/http-api/${c.apiId.value}`)}\naws apigatewayv2 update-stage${r} --api-id ${sq(c.apiId.value)} --stage-name ${sq(stage)} \\\n  --access-log-settings ${sq(settings)}\n` },
      { kind: 'disable', language: 'sh', title: 'Turn it off again', text: `aws apigatewayv2 delete-access-log-settings${r} --api-id ${sq(c.apiId.value)} --stage-name ${sq(stage)}\n` },
    ],
  };
}

/** How to find the function behind what the capture shows. */
function findFunction(c: LogsContext): string {
  const r = regionFlag(c);
  if (c.services.has('lambda-url'))
    return `# the function behind https://${c.host}/ (a function URL does not name its function):\nfor f in $(aws lambda list-functions${r} --query 'Functions[].FunctionName' --output text); do\n  aws lambda get-function-url-config${r} --function-name "$f" --query FunctionUrl --output text 2>/dev/null | grep -q ${sq(c.functionUrlId.value)} && echo "$f"\ndone\n`;
  if (c.services.has('apigw-http')) return `# the integrations of the HTTP API (the function name is in the URI):\naws apigatewayv2 get-integrations${r} --api-id ${sq(c.apiId.value)} --query 'Items[].IntegrationUri' --output text\n`;
  // The URL path is not copied into the command (a path can carry a token): the resources are listed instead.
  return `# the resources of the REST API: pick the one ${c.method} was called on, then read its integration (the function name is in the URI):\naws apigateway get-resources${r} --rest-api-id ${sq(c.apiId.value)} --query 'items[].[id,path]' --output text\nRESOURCE_ID=YOUR_RESOURCE_ID   # from the list above\naws apigateway get-integration${r} --rest-api-id ${sq(c.apiId.value)} --resource-id "$RESOURCE_ID" --http-method ${sq(c.method)} --query uri --output text\n`;
}

function lambda(c: LogsContext): SourceBuild {
  const group = '/aws/lambda/YOUR_FUNCTION_NAME';
  // A function URL's x-amzn-RequestId is the invocation's request id (START RequestId: …); behind API Gateway
  // the function only logs the API's ids if it chooses to, and the X-Ray trace id with active tracing.
  const term = c.services.has('lambda-url') ? (c.ids.requestId ?? null) : (c.ids.traceId ?? null);
  return {
    title: 'Lambda function log',
    where: `CloudWatch Logs group ${group}`,
    notes: [
      'The function name is not in the capture: replace YOUR_FUNCTION_NAME (the first command finds it).',
      ...(c.services.has('lambda-url') ? [] : term ? ['Searched by the X-Ray trace id: it is in the REPORT line when active tracing is on.'] : [`Searched by time only${c.ids.requestId ? `; if your function logs event.requestContext.requestId, search for ${c.ids.requestId}` : ''}.`]),
    ],
    snippets: [{ kind: 'find', language: 'sh', title: 'Find the function', text: findFunction(c) }, ...cloudWatchSnippets(c, namedGroup(group), term)],
  };
}

function xray(c: LogsContext): SourceBuild {
  const trace = c.ids.traceId!;
  const r = regionFlag(c);
  return {
    title: 'AWS X-Ray trace',
    where: `Trace ${trace}`,
    notes: ['Only sampled requests are traced (Sampled=1 in X-Amzn-Trace-Id); an unsampled trace id finds nothing.'],
    snippets: [
      { kind: 'fetch', language: 'sh', title: 'Get the trace (AWS CLI)', text: `aws xray batch-get-traces${r} --trace-ids ${sq(trace)}\n` },
      { kind: 'insights', language: 'logs-insights', title: 'Logs Insights query (run it on the function\'s log group)', text: `${insightsQuery(trace)}\n` },
      { kind: 'console', language: 'url', title: 'Open the trace in the CloudWatch console', text: `${xrayTraceUrl(c, trace)}\n` },
    ],
  };
}

function cloudfront(c: LogsContext): SourceBuild {
  const id = c.ids.cloudFrontId ?? null;
  const hour = iso(c.atMs).slice(0, 13).replace('T', '-');
  const group = 'YOUR_CLOUDFRONT_LOG_GROUP';
  const cw = cloudWatchSnippets({ ...c, region: { value: 'us-east-1', known: true } }, namedGroup(group), id);
  return {
    title: 'CloudFront access log',
    where: 'The bucket (legacy standard logging) or the CloudWatch Logs group your distribution delivers to',
    notes: [
      'Standard logging is off unless configured; the distribution id, log bucket / prefix and log group are not in the capture: replace the YOUR_* values (aws cloudfront list-distributions names the distributions).',
      ...(id ? [`X-Amz-Cf-Id ${id} is x-edge-request-id in the log; real-time logs (Kinesis) carry it too.`] : []),
    ],
    snippets: [
      { kind: 'fetch', language: 'sh', title: 'Legacy standard logs in S3: fetch the hour and search it', text: `aws s3 cp s3://YOUR_LOG_BUCKET/YOUR_PREFIX/ . --recursive --exclude '*' --include ${sq(`YOUR_DISTRIBUTION_ID.${hour}.*`)}\nzcat YOUR_DISTRIBUTION_ID.${hour}.*.gz | grep -F ${sq(id ?? `\t${c.method}\t`)}\n` },
      ...cw.filter((s) => s.kind !== 'tail'),
    ],
  };
}

function s3(c: LogsContext): SourceBuild {
  // Log objects are named <prefix>YYYY-mm-DD-HH-MM-SS-<unique>.
  const hour = iso(c.atMs).slice(0, 13).replace('T', '-');
  return {
    title: 'S3 server access log',
    where: `The target bucket of ${c.bucket.value}'s server access logging`,
    notes: [
      'Server access logging is off unless configured, and delivery takes minutes to hours.',
      ...placeholderNote('bucket', c.bucket, 'the bucket in the request URL'),
      ...(c.ids.s3RequestId ? [] : ['No x-amz-request-id in the capture: the search matches the operation in that hour instead.']),
    ],
    snippets: [
      { kind: 'find', language: 'sh', title: 'Where the bucket logs to', text: `aws s3api get-bucket-logging --bucket ${sq(c.bucket.value)}\n` },
      { kind: 'fetch', language: 'sh', title: 'Fetch that hour\'s logs and search them', text: `aws s3 cp s3://YOUR_LOG_BUCKET/YOUR_PREFIX/ . --recursive --exclude '*' --include ${sq(`${hour}-*`)}\ngrep -F ${sq(c.ids.s3RequestId ?? (c.method === 'OPTIONS' ? 'REST.OPTIONS.PREFLIGHT' : `REST.${c.method}.`))} ${hour}-*\n` },
    ],
  };
}

function appsync(c: LogsContext): SourceBuild {
  const group = '/aws/appsync/apis/YOUR_APPSYNC_API_ID';
  const r = regionFlag(c);
  return {
    title: 'AppSync request log',
    where: `CloudWatch Logs group ${group}`,
    notes: ['The AppSync API id is not the host name: replace YOUR_APPSYNC_API_ID (the first command finds it); logging is off unless the API has a log configuration.'],
    snippets: [{ kind: 'find', language: 'sh', title: 'Find the API id', text: `aws appsync list-graphql-apis${r} --query ${sq(`graphqlApis[?contains(uris.GRAPHQL, '${c.host}')].apiId`)} --output text\n` }, ...cloudWatchSnippets(c, namedGroup(group), c.ids.requestId ?? null)],
  };
}

function waf(c: LogsContext): SourceBuild {
  const group = 'aws-waf-logs-YOUR_SUFFIX';
  const query = 'fields @timestamp, action, terminatingRuleId, httpRequest.httpMethod, httpRequest.uri\n| filter action = "BLOCK"\n| sort @timestamp asc\n| limit 200';
  const viaCloudFront = c.services.has('cloudfront');
  return {
    title: 'AWS WAF log',
    where: `CloudWatch Logs group ${group} (WAF log groups must start with aws-waf-logs-)`,
    notes: ['WAF logging is off unless configured on the web ACL: replace YOUR_SUFFIX with your group\'s name.', ...(viaCloudFront ? ['For a web ACL on CloudFront the log group is in us-east-1.'] : [])],
    snippets: cloudWatchSnippets(viaCloudFront ? { ...c, region: { value: 'us-east-1', known: true } } : c, namedGroup(group), null, query).filter((s) => s.kind !== 'tail'),
  };
}

function alb(c: LogsContext): SourceBuild {
  const hour = iso(c.atMs).slice(0, 13).replace(/-/g, '');
  return {
    title: 'ALB access log',
    where: 'The S3 bucket set in the load balancer\'s access_logs.s3 attributes',
    notes: ['Access logging is off unless configured; the load balancer ARN and log bucket are not in the capture: replace the YOUR_* values.'],
    snippets: [
      { kind: 'find', language: 'sh', title: 'Where the load balancer logs to', text: `aws elbv2 describe-load-balancer-attributes${regionFlag(c)} --load-balancer-arn YOUR_LOAD_BALANCER_ARN \\\n  --query "Attributes[?starts_with(Key, 'access_logs.s3')]"\n` },
      { kind: 'fetch', language: 'sh', title: 'Fetch the logs of that hour and search them', text: `aws s3 cp s3://YOUR_LOG_BUCKET/YOUR_PREFIX/ . --recursive --exclude '*' --include ${sq(`*_${hour}*`)}\nzcat ./*_${hour}*.log.gz | grep -F ${sq(`"${c.method} `)}\n` },
    ],
  };
}

function cloudtrail(c: LogsContext): SourceBuild {
  return {
    title: 'CloudTrail (Cognito API calls)',
    where: 'CloudTrail event history (90 days, management events)',
    notes: [],
    snippets: [{ kind: 'filter', language: 'sh', title: 'Cognito events around the request', text: `aws cloudtrail lookup-events${regionFlag(c)} \\\n  --lookup-attributes AttributeKey=EventSource,AttributeValue=cognito-idp.amazonaws.com \\\n  --start-time ${iso(c.startMs)} --end-time ${iso(c.endMs)} \\\n  --query 'Events[].[EventTime,EventName,Username]' --output text\n` }],
  };
}

function amplify(c: LogsContext): SourceBuild {
  const domain = c.host.replace(/^[^.]+\./, '');
  return {
    title: 'Amplify Hosting access log',
    where: `Generated on demand for ${c.amplifyAppId.value}`,
    notes: placeholderNote('Amplify app id', c.amplifyAppId, 'aws amplify list-apps'),
    snippets: [
      { kind: 'fetch', language: 'sh', title: 'Generate the access log of that window and search it', text: `LOG_URL=$(aws amplify generate-access-logs${regionFlag(c)} --app-id ${sq(c.amplifyAppId.value)} --domain-name ${sq(domain || 'YOUR_DOMAIN')} \\\n  --start-time ${iso(c.startMs)} --end-time ${iso(c.endMs)} --query logUrl --output text)\ncurl -s "$LOG_URL" | grep -F ${sq(c.ids.cloudFrontId ?? `,${c.method},`)}\n` },
      { kind: 'console', language: 'url', title: 'Open the app in the Amplify console', text: `${consoleBase(c, 'amplify')}#/${c.amplifyAppId.value}\n` },
    ],
  };
}

export const LOG_SOURCES = {
  'apigw-rest-execution': { applies: always, build: restExecution },
  'apigw-rest-access': { applies: always, build: restAccess },
  'apigw-http-access': { applies: always, build: httpAccess },
  lambda: { applies: always, build: lambda },
  xray: { applies: (c) => c.ids.traceId !== undefined, build: xray },
  cloudfront: { applies: always, build: cloudfront },
  's3-server-access': { applies: always, build: s3 },
  appsync: { applies: always, build: appsync },
  waf: { applies: always, build: waf },
  'alb-access': { applies: always, build: alb },
  cloudtrail: { applies: always, build: cloudtrail },
  'amplify-access': { applies: always, build: amplify },
} as const satisfies Record<LogSourceId, LogSource>;
