// cors-lens probe --from <file.har> [--exchange <id> | --blocked]: sends the captured requests again, as Chromium
// would (origin, method, the page's own headers, credentials mode; bodies only with --send-actual), and says per
// exchange what changed. Secrets of the HAR are sent (the server needs them) but never printed: every line
// out goes through the redactor that the reports use (src/core/redact), primed with the whole HAR.
import { analyzeHar, authorHeaders, getHeader, readHar, type ExchangeReport, type ObservedEntry } from '../../core';
import { createHarTextRedactor, mapStrings } from '../../core/report';
import { EXIT, UsageError, type Io } from '../command';
import { InputError, readInput } from '../read-input';
import { probeFetch, type ProbeOutcome } from './exchange';
import type { ProbeOptions } from './options';
import { isSafeMethod, type FetchSpec } from './plan';
import { requestLines } from './render';
import { createSender, type Sender } from './sender';
import { confirmUnsafe } from './confirm';

export interface VerdictLine {
  readonly verdict: ExchangeReport['verdict'];
  readonly corsError: string | null;
  readonly failedParameter: string | null;
}

export interface ReplayResult {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly origin: string;
  readonly before: VerdictLine;
  readonly after: VerdictLine;
  readonly change: 'fixed' | 'still-blocked' | 'now-blocked' | 'still-allowed' | 'unknown';
  readonly sentence: string;
  readonly outcome: ProbeOutcome;
}

const line = (x: ExchangeReport | null): VerdictLine => ({ verdict: x?.verdict ?? 'unknown', corsError: x?.corsError ?? null, failedParameter: x?.failedParameter ?? null });
const named = (v: VerdictLine) => (v.verdict === 'blocked' ? `${v.corsError}${v.failedParameter ? ` (${v.failedParameter})` : ''}` : v.verdict);

/** "was MissingAllowOriginHeader, now allowed" and the like. */
export function compareVerdicts(before: VerdictLine, after: VerdictLine, unknownReason: string | null): Pick<ReplayResult, 'change' | 'sentence'> {
  if (after.verdict === 'allowed') return before.verdict === 'blocked' ? { change: 'fixed', sentence: `was ${named(before)}, now allowed` } : { change: 'still-allowed', sentence: 'allowed, as before' };
  if (after.verdict === 'blocked')
    return before.verdict === 'blocked'
      ? { change: 'still-blocked', sentence: `still blocked: ${named(after)}${before.corsError !== after.corsError ? ` (was ${named(before)})` : ''}` }
      : { change: 'now-blocked', sentence: `now blocked: ${named(after)} (was ${before.verdict})` };
  return { change: 'unknown', sentence: `was ${named(before)}, now unknown: ${unknownReason ?? 'no verdict'}` };
}

/** What the page asked for, from the captured entries: the page's own headers only (no Cookie, no browser headers). */
export function fetchSpecFromCapture(x: ExchangeReport, actual: ObservedEntry | null, preflight: ObservedEntry | null, options: ProbeOptions, withBody: boolean): FetchSpec {
  let headers: Array<readonly [string, string]>;
  if (actual) headers = authorHeaders(actual.requestHeaders).map(([n, v]) => [n, v] as const);
  else {
    // Only the preflight was captured: its Access-Control-Request-Headers names the headers (their values are unknown).
    const acrh = preflight ? getHeader(preflight.requestHeaders, 'access-control-request-headers') : null;
    headers = (acrh ?? '').split(',').map((h) => h.trim()).filter(Boolean).map((n) => [n, ''] as const);
  }
  return {
    url: x.url, origin: x.origin ?? 'null', method: x.method, headers,
    credentials: x.credentials.value === 'include' ? 'include' : 'same-origin',
    body: withBody ? (actual?.requestBody ?? null) : null,
    cookie: options.cookie, userAgent: options.userAgent,
  };
}

export async function replayCommand(options: ProbeOptions, _sender: Sender, io: Io, color: boolean): Promise<number> {
  const input = await readInput(options.from!, io.stdin);
  const read = readHar(input.text);
  const before = analyzeHar(input.text, { hints: false });
  const fatal = before.problems.find((p) => p.entry === null && p.severity === 'error');
  if (fatal) throw new InputError(`${input.name}: ${fatal.message}`);
  // Primed with the whole HAR, so any of its secrets is recognised wherever it shows up later.
  const clean = createHarTextRedactor(JSON.parse(input.text));
  const sender = createSender({
    budget: options.budget, delayMs: options.delayMs, timeoutMs: options.timeoutMs, dryRun: options.dryRun, insecure: options.insecure,
    announce: (l) => (options.dryRun ? io.stdout : io.stderr).write(`${clean(l)}\n`),
  });

  const entries = new Map(read.entries.map((e) => [e.index, e]));
  let chosen = before.exchanges.filter((x) => x.kind === 'cors' && x.redirectedFrom === null);
  if (options.exchange !== null) {
    chosen = chosen.filter((x) => x.id === options.exchange);
    if (chosen.length === 0) throw new UsageError(`--exchange ${options.exchange}: no CORS exchange with that id in ${input.name} (ids are listed by 'cors-lens analyze')`);
  } else if (options.blocked) chosen = chosen.filter((x) => x.verdict === 'blocked');
  io.stderr.write(`cors-lens: replaying ${chosen.length} exchange${chosen.length === 1 ? '' : 's'} of ${input.name}: preflights, GET/HEAD requests${options.sendActual ? ', and the other requests (--send-actual)' : ''}; no cookie${options.cookie !== null ? ' except --cookie' : ''}; budget ${options.budget}.\n`);

  const results: ReplayResult[] = [];
  for (const x of chosen) {
    const actual = x.actualEntry !== null ? entries.get(x.actualEntry) ?? null : null;
    const preflight = x.preflightEntry !== null ? entries.get(x.preflightEntry) ?? null : null;
    let sendActual = options.sendActual;
    if (sendActual && !isSafeMethod(x.method) && !options.dryRun) sendActual = await confirmUnsafe(io, clean(`--send-actual: a ${x.method} to ${x.url}`), options.yes);
    const spec = fetchSpecFromCapture(x, actual, preflight, options, sendActual);
    const outcome = await probeFetch(spec, sender, { sendActual, hints: options.hints });
    if (sender.dryRun) continue;
    const b = line(x);
    const a = line(outcome.final);
    results.push({ id: x.id, method: x.method, url: x.url, origin: spec.origin, before: b, after: a, ...compareVerdicts(b, a, outcome.final?.unknownReason ?? outcome.stoppedBecause), outcome });
  }
  if (sender.dryRun) return EXIT.ok;

  if (options.format === 'json') {
    const json = results.map(({ outcome, ...r }) => ({ ...r, stoppedBecause: outcome.stoppedBecause, requests: requestLines(outcome).map((l) => l.trim()), after: { ...r.after, summary: outcome.final?.summary ?? null } }));
    io.stdout.write(`${JSON.stringify(mapStrings({ replay: json }, clean), null, 2)}\n`);
  } else {
    const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
    const out: string[] = [`Replay of ${input.name}: ${results.length} exchange${results.length === 1 ? '' : 's'}`];
    for (const r of results) {
      const mark = r.change === 'fixed' ? paint('32', '✔ fixed') : r.change === 'still-allowed' ? paint('32', '✔ allowed') : r.change === 'unknown' ? paint('33', '? unknown') : paint('31', '✖ blocked');
      out.push('', `${mark}  ${r.method} ${r.url}  from ${r.origin}  [${r.id}]`, `  ${r.sentence}`);
      if (r.outcome.final) out.push(`  ${r.outcome.final.summary}`);
      out.push(...requestLines(r.outcome));
    }
    const text = `${out.join('\n')}\n`;
    io.stdout.write(clean(options.format === 'markdown' ? text.replace(/^(✔|✖|\?)/gm, '- $1') : text));
  }
  const anyBlocked = results.some((r) => r.after.verdict === 'blocked');
  const anyUnknown = results.some((r) => r.after.verdict === 'unknown');
  return (options.failOn === 'blocked' && anyBlocked) || (options.failOn === 'unknown' && (anyBlocked || anyUnknown)) ? EXIT.failOn : EXIT.ok;
}
