// Issue 19, proof: every generated command and query is valid. Shell snippets pass `bash -n`, and then run
// in bash with a stub `aws` that records each call, so every AWS CLI call is checked as the CLI would read
// it: known subcommand, known options, required options present, values of the right shape (epoch ms for
// filter-log-events, epoch seconds for start-query, ISO 8601 for tail --since, JSON for access-log settings).
// Logs Insights queries pass the checker in insights-grammar.ts; console links parse as https URLs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { findInLogs, type LogSnippet } from '../../../../src/core/hints/logs';
import { CASES } from './cases';
import { checkInsightsQuery } from './insights-grammar';

const ALL: Array<{ where: string; snippet: LogSnippet }> = CASES.flatMap((c) =>
  (findInLogs(c.exchange())?.sources ?? []).flatMap((s) => s.snippets.map((snippet) => ({ where: `${c.name} / ${s.source} / ${snippet.title}`, snippet }))),
);
const of = (language: LogSnippet['language']) => ALL.filter((x) => x.snippet.language === language).map((x) => [x.where, x.snippet.text] as const);

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-logs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Spec = { readonly options: readonly string[]; readonly required?: readonly string[]; readonly flags?: readonly string[]; readonly positional?: number };
const COMMON = ['--region', '--query', '--output'];
const AWS_CLI: Record<string, Spec> = {
  'logs filter-log-events': { options: [...COMMON, '--log-group-name', '--start-time', '--end-time', '--filter-pattern'], required: ['--log-group-name', '--start-time', '--end-time'] },
  'logs tail': { options: ['--region', '--since', '--format', '--filter-pattern'], required: ['--since'], positional: 1 },
  'logs start-query': { options: [...COMMON, '--log-group-name', '--start-time', '--end-time', '--query-string'], required: ['--log-group-name', '--start-time', '--end-time', '--query-string'] },
  'logs get-query-results': { options: ['--region', '--query-id'], required: ['--query-id'] },
  'logs create-log-group': { options: ['--region', '--log-group-name'], required: ['--log-group-name'] },
  'apigateway get-account': { options: COMMON },
  'apigateway update-stage': { options: ['--region', '--rest-api-id', '--stage-name', '--patch-operations'], required: ['--rest-api-id', '--stage-name', '--patch-operations'] },
  'apigateway get-stage': { options: [...COMMON, '--rest-api-id', '--stage-name'], required: ['--rest-api-id', '--stage-name'] },
  'apigateway get-resources': { options: [...COMMON, '--rest-api-id'], required: ['--rest-api-id'] },
  'apigateway get-integration': { options: [...COMMON, '--rest-api-id', '--resource-id', '--http-method'], required: ['--rest-api-id', '--resource-id', '--http-method'] },
  'apigatewayv2 get-stage': { options: [...COMMON, '--api-id', '--stage-name'], required: ['--api-id', '--stage-name'] },
  'apigatewayv2 update-stage': { options: ['--region', '--api-id', '--stage-name', '--access-log-settings'], required: ['--api-id', '--stage-name'] },
  'apigatewayv2 delete-access-log-settings': { options: ['--region', '--api-id', '--stage-name'], required: ['--api-id', '--stage-name'] },
  'apigatewayv2 get-integrations': { options: [...COMMON, '--api-id'], required: ['--api-id'] },
  'lambda list-functions': { options: COMMON },
  'lambda get-function-url-config': { options: [...COMMON, '--function-name'], required: ['--function-name'] },
  'xray batch-get-traces': { options: ['--region', '--trace-ids'], required: ['--trace-ids'] },
  's3 cp': { options: ['--exclude', '--include'], flags: ['--recursive'], positional: 2 },
  's3api get-bucket-logging': { options: ['--bucket'], required: ['--bucket'] },
  'appsync list-graphql-apis': { options: COMMON },
  'cloudtrail lookup-events': { options: [...COMMON, '--lookup-attributes', '--start-time', '--end-time'], required: ['--start-time', '--end-time'] },
  'elbv2 describe-load-balancer-attributes': { options: [...COMMON, '--load-balancer-arn'], required: ['--load-balancer-arn'] },
  'amplify generate-access-logs': { options: [...COMMON, '--app-id', '--domain-name', '--start-time', '--end-time'], required: ['--app-id', '--domain-name', '--start-time', '--end-time'] },
};

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const VALUE_SHAPES: Record<string, (v: string, cmd: string) => boolean> = {
  '--region': (v) => /^[a-z]{2}(-[a-z]+)+-\d$/.test(v),
  '--start-time': (v, cmd) => (cmd === 'logs filter-log-events' ? /^\d{13}$/ : cmd === 'logs start-query' ? /^\d{10}$/ : ISO).test(v),
  '--end-time': (v, cmd) => (cmd === 'logs filter-log-events' ? /^\d{13}$/ : cmd === 'logs start-query' ? /^\d{10}$/ : ISO).test(v),
  '--since': (v) => ISO.test(v),
  '--output': (v) => v === 'text' || v === 'json',
  '--format': (v) => ['short', 'detailed', 'json'].includes(v),
  '--filter-pattern': (v) => /^"[A-Za-z0-9+/=_-]+"$/.test(v),
  '--patch-operations': (v) => /^op=replace,path=\/[^,]+,value=[^,]+$/.test(v),
  '--access-log-settings': (v) => {
    const j = JSON.parse(v) as { DestinationArn: string; Format: string };
    return /^arn:aws:logs:[^:]+:[^:]+:log-group:\/aws\/http-api\/[a-z0-9_]+$/i.test(j.DestinationArn) && j.Format.includes('$context.requestId');
  },
  '--query-string': (v) => checkInsightsQuery(v).length === 0,
  '--query': (v) => balanced(v),
  '--lookup-attributes': (v) => /^AttributeKey=EventSource,AttributeValue=[a-z.-]+$/.test(v),
  '--trace-ids': (v) => /^1-[0-9a-f]{8}-[0-9a-f]{24}$/.test(v),
};

/** JMESPath expressions: brackets, parentheses and quotes balanced. */
function balanced(expr: string): boolean {
  const stack: string[] = [];
  let quote: string | null = null;
  for (const ch of expr) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '`' || ch === '"') quote = ch;
    else if (ch === '[' || ch === '(') stack.push(ch);
    else if (ch === ']' && stack.pop() !== '[') return false;
    else if (ch === ')' && stack.pop() !== '(') return false;
  }
  return quote === null && stack.length === 0;
}

/** Problems with one recorded `aws …` call (argv after `aws`). */
function checkAwsCall(argv: readonly string[]): string[] {
  const cmd = `${argv[0]} ${argv[1]}`;
  const spec = AWS_CLI[cmd];
  if (!spec) return [`unknown aws command: ${cmd}`];
  const problems: string[] = [];
  const seen = new Set<string>();
  const positional: string[] = [];
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    if (spec.flags?.includes(a)) continue;
    if (!spec.options.includes(a)) problems.push(`${cmd}: unknown option ${a}`);
    if (seen.has(a) && !['--exclude', '--include'].includes(a)) problems.push(`${cmd}: ${a} twice`);
    seen.add(a);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) problems.push(`${cmd}: ${a} has no value`);
    else if (VALUE_SHAPES[a] && !VALUE_SHAPES[a](value, cmd)) problems.push(`${cmd}: bad ${a} ${JSON.stringify(value)}`);
  }
  for (const r of spec.required ?? []) if (!seen.has(r)) problems.push(`${cmd}: missing ${r}`);
  if (positional.length !== (spec.positional ?? 0)) problems.push(`${cmd}: ${positional.length} positional arguments`);
  return problems;
}

const PRELUDE = `aws() { printf '%s\\037' "$@" >> "$AWS_LOG"; printf '\\036' >> "$AWS_LOG"; echo stub; }\nsleep() { :; }\nzcat() { :; }\ncurl() { :; }\n`;

function runWithStubAws(text: string, n: number): string[][] {
  const file = join(dir, `s${n}.sh`);
  const log = join(dir, `s${n}.log`);
  writeFileSync(file, text);
  writeFileSync(log, '');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-c', `${PRELUDE}. "$1"`, 'bash', file], { cwd: dir, env: { PATH: process.env.PATH, AWS_LOG: log }, encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  return readFileSync(log, 'utf8').split('\x1e').filter(Boolean).map((call) => call.split('\x1f').slice(0, -1));
}

describe('log snippets are valid', () => {
  test('the service cases produce snippets of every kind', () => {
    expect(ALL.length).toBeGreaterThan(60);
    const kinds = new Set(ALL.map((x) => x.snippet.kind));
    expect([...kinds].sort()).toEqual(['console', 'disable', 'enable', 'fetch', 'filter', 'find', 'insights', 'insights-cli', 'tail']);
  });

  let n = 0;
  test.each(of('sh'))('bash -n, then every aws call as the CLI reads it: %s', (_where, text) => {
    const file = join(dir, `n${++n}.sh`);
    writeFileSync(file, text);
    const syntax = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
    expect(syntax.stderr).toBe('');
    expect(syntax.status).toBe(0);
    const calls = runWithStubAws(text, n);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(checkAwsCall(call)).toEqual([]);
    // Placeholders are visible words, never empty shell expansions.
    expect(text).not.toMatch(/\bundefined\b|(?<!\/dev\/)\bnull\b|\bNaN\b|\[object/);
  });

  test.each(of('logs-insights'))('Logs Insights query conforms: %s', (_where, text) => {
    expect(checkInsightsQuery(text)).toEqual([]);
  });

  test.each(of('url'))('console link is one https URL on the AWS console: %s', (_where, text) => {
    expect(text.trim()).not.toMatch(/\s/);
    const u = new URL(text.trim());
    expect(u.protocol).toBe('https:');
    expect(u.hostname).toMatch(/^([a-z]{2}(-[a-z]+)+-\d\.)?console\.aws\.amazon\.com$/);
    const region = /^([a-z0-9-]+)\.console/.exec(u.hostname)?.[1];
    if (region) expect(u.searchParams.get('region')).toBe(region);
    // The console's fragment escapes with `$`: nothing in it needs URL-encoding again.
    expect(u.hash).toBe(encodeURI(decodeURI(u.hash)));
  });

  test('the checkers reject what they should', () => {
    expect(checkInsightsQuery('fields @message | filter @message like "a" | sort @timestamp up')).toEqual(['bad sort: @timestamp up']);
    expect(checkInsightsQuery('fields @message | filter @message like "a')).toEqual(['unterminated string literal']);
    expect(checkAwsCall(['logs', 'filter-log-events', '--log-group-name', 'g', '--start-time', '1764000000', '--end-time', '1764000000000'])).toEqual(['logs filter-log-events: bad --start-time "1764000000"']);
    expect(checkAwsCall(['logs', 'tail', 'g', '--since', '5m', '--bogus', 'x'])).toEqual(['logs tail: bad --since "5m"', 'logs tail: unknown option --bogus']);
  });
});
