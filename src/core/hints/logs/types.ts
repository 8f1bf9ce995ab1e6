// "Find it in the logs": the log sources each AWS service writes, and the plan built for one exchange.
/** Every log CORS Lens can point at (a closed union: the tables in sources.ts and shows.ts are keyed by it). */
export const LOG_SOURCE_IDS = [
  'apigw-rest-execution', 'apigw-rest-access', 'apigw-http-access', 'lambda', 'xray', 'cloudfront',
  's3-server-access', 'appsync', 'waf', 'alb-access', 'cloudtrail', 'amplify-access',
] as const;
export type LogSourceId = (typeof LOG_SOURCE_IDS)[number];

/**
 * What a snippet is: an AWS CLI search (`filter-log-events`), a tail, a Logs Insights query (and the same
 * query run from the CLI), a console link, a lookup for a value the capture does not carry, or the
 * commands that turn a log on and off again.
 */
export type LogSnippetKind = 'filter' | 'tail' | 'insights' | 'insights-cli' | 'console' | 'find' | 'fetch' | 'enable' | 'disable';

/** `sh`: a bash script; `logs-insights`: a CloudWatch Logs Insights query; `url`: one https URL. */
export type LogSnippetLanguage = 'sh' | 'logs-insights' | 'url';

export interface LogSnippet {
  readonly kind: LogSnippetKind;
  readonly language: LogSnippetLanguage;
  readonly title: string;
  readonly text: string;
}

export interface LogSourcePlan {
  readonly source: LogSourceId;
  readonly title: string;
  /** Where the log lives, e.g. the CloudWatch Logs group name. */
  readonly where: string;
  /** What this log shows for this exchange's pitfall. */
  readonly shows: string;
  /** Placeholders to fill (and how), and whether the log is usually off. */
  readonly notes: readonly string[];
  readonly snippets: readonly LogSnippet[];
}

export interface LogsPlan {
  /** `OPTIONS https://… at 2026-12-03T17:40:12.345Z (UTC)`. */
  readonly request: string;
  /** The ids the commands search for, as AWS names them. */
  readonly ids: ReadonlyArray<{ readonly label: string; readonly value: string }>;
  /** The window searched: five minutes either side of the request. */
  readonly window: { readonly startMs: number; readonly endMs: number };
  readonly region: { readonly value: string; readonly known: boolean };
  readonly sources: readonly LogSourcePlan[];
}
