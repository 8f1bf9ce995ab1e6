// `cors-lens probe` options: parsed and checked here, so the command reads like the flow it runs.
import { parseArgs } from 'node:util';
import { UsageError } from '../command';
import { CHROME_USER_AGENT, isForbiddenMethod, type FetchSpec } from './plan';

/** The fetch() the probe replays (without --from: url and origin are given), plus how to run and report it. */
export interface ProbeOptions extends Omit<FetchSpec, 'url' | 'origin'> {
  readonly url: string | null;
  readonly origin: string | null;
  readonly format: 'text' | 'json' | 'markdown';
  readonly failOn: 'blocked' | 'unknown' | 'never' | string;
  readonly timeoutMs: number;
  readonly sendActual: boolean;
  readonly yes: boolean;
  readonly dryRun: boolean;
  readonly budget: number;
  readonly delayMs: number;
  readonly insecure: boolean;
  readonly hints: boolean;
  readonly color: boolean | undefined;
  readonly scan: boolean;
  readonly from: string | null;
  readonly exchange: string | null;
  readonly blocked: boolean;
}

export function parseProbeOptions(args: readonly string[]): ProbeOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        origin: { type: 'string' },
        method: { type: 'string', short: 'X', default: 'GET' },
        header: { type: 'string', short: 'H', multiple: true, default: [] },
        credentials: { type: 'boolean', default: false },
        'body-type': { type: 'string' },
        data: { type: 'string', short: 'd' },
        cookie: { type: 'string' },
        'user-agent': { type: 'string', default: CHROME_USER_AGENT },
        format: { type: 'string', short: 'f', default: 'text' },
        'fail-on': { type: 'string', default: 'never' },
        timeout: { type: 'string', default: '10000' },
        'send-actual': { type: 'boolean', default: false },
        yes: { type: 'boolean', short: 'y', default: false },
        'dry-run': { type: 'boolean', default: false },
        budget: { type: 'string' },
        delay: { type: 'string' },
        insecure: { type: 'boolean', default: false },
        'no-hints': { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        scan: { type: 'boolean', default: false },
        from: { type: 'string' },
        exchange: { type: 'string' },
        blocked: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const v = parsed.values;
  const from = v.from ?? null;
  const url = parsed.positionals[0] ?? null;
  if (parsed.positionals.length > 1) throw new UsageError('probe takes one URL');
  if (from === null && url === null) throw new UsageError('probe needs a URL (or --from <file.har>)');
  if (from !== null && url !== null) throw new UsageError('probe takes a URL or --from <file.har>, not both');
  if (from === null && v.origin === undefined) throw new UsageError('probe needs --origin <page origin>, e.g. --origin https://app.example.com');
  if (url !== null && !/^https?:\/\//i.test(url)) throw new UsageError(`probe: '${url}' is not an http(s) URL`);
  const origin = v.origin ?? null;
  if (origin !== null && origin !== 'null') {
    let parsedOrigin: URL;
    try { parsedOrigin = new URL(origin); } catch { throw new UsageError(`--origin must be an origin such as https://app.example.com (got '${origin}')`); }
    if (parsedOrigin.origin !== origin.replace(/\/$/, '')) throw new UsageError(`--origin must be scheme://host[:port] only (got '${origin}'; did you mean '${parsedOrigin.origin}'?)`);
  }
  const method = v.method;
  if (isForbiddenMethod(method)) throw new UsageError(`fetch() refuses the method ${method} (a forbidden method)`);
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) throw new UsageError(`--method '${method}' is not an HTTP method token`);
  const headers: Array<readonly [string, string]> = v.header.map((h) => {
    const colon = h.indexOf(':');
    const name = (colon < 0 ? h : h.slice(0, colon)).trim();
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) throw new UsageError(`--header '${h}': '${name}' is not a header name`);
    return [name, colon < 0 ? '' : h.slice(colon + 1).trim()];
  });
  if (v['body-type'] !== undefined) headers.push(['Content-Type', v['body-type']]);
  const format = v.format;
  if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json or markdown (got '${format}')`);
  const failOn = v['fail-on'];
  if (!['never', 'blocked', 'unknown'].includes(failOn) && !(v.scan && /^(SEC|BP)-[A-Z-]*$/.test(failOn)))
    throw new UsageError(`--fail-on must be blocked, unknown or never${v.scan ? ', or a finding id or prefix (SEC-, SEC-NULL-ORIGIN)' : ''} (got '${failOn}')`);
  const number = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number (got '${raw}')`);
    return n;
  };
  if (v.exchange !== undefined && from === null) throw new UsageError('--exchange goes with --from <file.har>');
  if (v.scan && from !== null) throw new UsageError('--scan probes one URL; it does not go with --from');
  return {
    url, origin, method, headers,
    credentials: v.credentials ? 'include' : 'same-origin',
    body: v.data ?? null,
    cookie: v.cookie ?? null,
    userAgent: v['user-agent'],
    format: format as ProbeOptions['format'],
    failOn,
    timeoutMs: number('timeout', v.timeout, 10_000),
    sendActual: v['send-actual'],
    yes: v.yes,
    dryRun: v['dry-run'],
    budget: number('budget', v.budget, v.scan ? 80 : 30),
    delayMs: number('delay', v.delay, v.scan ? 200 : 0),
    insecure: v.insecure,
    hints: !v['no-hints'],
    color: v['no-color'] ? false : v.color,
    scan: v.scan,
    from,
    exchange: v.exchange ?? null,
    blocked: v.blocked,
  };
}

/** The fetch() a page would make, from the command line. */
export function fetchSpecOf(options: ProbeOptions, url: string): FetchSpec {
  return { url, origin: options.origin!, method: options.method, headers: options.headers, credentials: options.credentials, body: options.body, cookie: options.cookie, userAgent: options.userAgent };
}
