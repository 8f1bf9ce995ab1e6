// Builders for the snippets: AWS CLI (bash), CloudWatch Logs Insights queries and console links.
// Every filled value is either checked against AWS's own id shapes (ids.ts, context.ts) or an
// UPPER_CASE placeholder, and still goes through sq() so the shell never reads it as syntax.
import type { LogsContext } from './context';
import type { LogSnippet } from './types';

/** A bash word that is exactly `value` (single quotes; a `'` inside becomes `'\''`). */
export function sq(value: string): string {
  return /^[A-Za-z0-9_./:@=+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** ` --region us-east-1`, or nothing when the capture does not say (the CLI's default region applies). */
export function regionFlag(c: LogsContext): string {
  return c.region.known ? ` --region ${c.region.value}` : '';
}

/** `2026-12-03T17:35:12Z` (whole seconds: what `aws logs tail --since` and CloudTrail take). */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A CloudWatch Logs group: its name as shown (may hold a placeholder), the shell word for it, and lines that find it first. */
export interface GroupRef {
  readonly name: string;
  readonly shell: string;
  readonly setup: readonly string[];
}

export function namedGroup(name: string): GroupRef {
  return { name, shell: sq(name), setup: [] };
}

/** `"a1b2…"`: a filter-pattern term that matches the id exactly (ids hold no quotes: ids.ts). */
export function filterTerm(id: string): string {
  return `"${id}"`;
}

export function insightsQuery(term: string | null, fields = '@timestamp, @logStream, @message'): string {
  return [`fields ${fields}`, ...(term ? [`| filter @message like "${term}"`] : []), '| sort @timestamp asc', '| limit 200'].join('\n');
}

/** The usual four ways into one CloudWatch Logs group: filter-log-events, tail, Logs Insights (query and CLI), console. */
export function cloudWatchSnippets(c: LogsContext, group: GroupRef, term: string | null, query = insightsQuery(term)): LogSnippet[] {
  const r = regionFlag(c);
  const pattern = term ? ` --filter-pattern ${sq(filterTerm(term))}` : '';
  const setup = group.setup.length ? `${group.setup.join('\n')}\n` : '';
  const seconds = (ms: number) => Math.floor(ms / 1000);
  return [
    { kind: 'filter', language: 'sh', title: 'Search the log group (AWS CLI)', text: `${setup}aws logs filter-log-events${r} --log-group-name ${group.shell} \\\n  --start-time ${c.startMs} --end-time ${c.endMs}${pattern} \\\n  --query 'events[].[timestamp,message]' --output text\n` },
    { kind: 'tail', language: 'sh', title: 'Tail it from just before the request', text: `${setup}aws logs tail ${group.shell}${r} --since ${iso(c.startMs)} --format short${pattern}\n` },
    { kind: 'insights', language: 'logs-insights', title: `Logs Insights query (on ${group.name}, ${iso(c.startMs)} to ${iso(c.endMs)})`, text: `${query}\n` },
    {
      kind: 'insights-cli',
      language: 'sh',
      title: 'The same query from the CLI',
      text: `${setup}QUERY_ID=$(aws logs start-query${r} --log-group-name ${group.shell} \\\n  --start-time ${seconds(c.startMs)} --end-time ${seconds(c.endMs) + 1} \\\n  --query-string ${sq(query.replace(/\n/g, ' '))} \\\n  --query queryId --output text)\nsleep 5\naws logs get-query-results${r} --query-id "$QUERY_ID"\n`,
    },
    { kind: 'console', language: 'url', title: 'Open it in the CloudWatch console', text: `${logGroupUrl(c, group, term)}\n` },
  ];
}

/** The console's fragment encoding: the log group URI-encoded twice, `%` written as `$`. */
function consoleEscape(s: string): string {
  return encodeURIComponent(s).replace(/%/g, '$');
}

export function consoleBase(c: LogsContext, service = 'cloudwatch'): string {
  return c.region.known ? `https://${c.region.value}.console.aws.amazon.com/${service}/home?region=${c.region.value}` : `https://console.aws.amazon.com/${service}/home`;
}

export function logGroupUrl(c: LogsContext, group: GroupRef, term: string | null): string {
  const base = consoleBase(c);
  // A group only a lookup can name: the list of groups, filtered by what the capture does know.
  if (group.setup.length) return `${base}#logsV2:log-groups${consoleEscape(`?logGroupNameFilter=${encodeURIComponent(group.name)}`)}`;
  const query = `?${term ? `filterPattern=${encodeURIComponent(filterTerm(term))}&` : ''}start=${c.startMs}&end=${c.endMs}`;
  return `${base}#logsV2:log-groups/log-group/${consoleEscape(encodeURIComponent(group.name))}/log-events${consoleEscape(query)}`;
}

export function xrayTraceUrl(c: LogsContext, traceId: string): string {
  return `${consoleBase(c)}#xray:traces/${traceId}`;
}
