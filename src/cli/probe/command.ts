// cors-lens probe <url> --origin <origin> [...] | --from <file.har> | --scan
// Checks an endpoint as Chromium would (docs/probe.md): the same requests on the wire, the same core on the answer.
import { EXIT, type Io } from '../command';
import { fetchSpecOf, parseProbeOptions, type ProbeOptions } from './options';
import { authorHeaderList, isSafeMethod, preflightFor, type FetchSpec } from './plan';
import { BudgetExceeded, createSender, type Sender } from './sender';
import { probeFetch } from './exchange';
import { renderProbe } from './render';
import { confirmUnsafe } from './confirm';

export async function probeCommand(args: readonly string[], io: Io): Promise<number> {
  const options = parseProbeOptions(args);
  const color = options.color ?? (Boolean(io.stdout.isTTY) && !process.env.NO_COLOR);
  const sender = createSender({
    budget: options.budget, delayMs: options.delayMs, timeoutMs: options.timeoutMs, dryRun: options.dryRun, insecure: options.insecure,
    announce: (line) => (options.dryRun ? io.stdout : io.stderr).write(`${line}\n`),
  });
  try {
    if (options.from !== null) {
      const { replayCommand } = await import('./replay');
      return await replayCommand(options, sender, io, color);
    }
    if (options.scan) {
      const { scanCommand } = await import('./scan');
      return await scanCommand(options, sender, io, color);
    }
    return await probeOne(options, sender, io, color);
  } catch (err) {
    if (err instanceof BudgetExceeded) {
      io.stderr.write(`cors-lens: probe stopped: ${err.message}\n`);
      return EXIT.input;
    }
    throw err;
  }
}

/** One line, before anything is sent, saying what will go to whom (and what will not). */
export function announcePlan(spec: FetchSpec, sendActual: boolean, io: Io, dryRun: boolean): void {
  const pf = preflightFor(spec);
  const { dropped } = authorHeaderList(spec.headers);
  if (dropped.length) io.stderr.write(`cors-lens: fetch() never sends ${dropped.join(', ')} (forbidden request headers): left out.\n`);
  const parts = [
    ...(pf.needed ? ['an OPTIONS preflight (no cookie)'] : []),
    ...(sendActual || isSafeMethod(spec.method) ? [`the ${spec.method} request${spec.body !== null ? ' with its body' : ''} (${spec.credentials === 'include' && spec.cookie !== null ? 'with the --cookie value' : 'no cookie'})`] : []),
  ];
  const held = !sendActual && !isSafeMethod(spec.method) ? ` The ${spec.method} itself is not sent (--send-actual sends it).` : '';
  io.stderr.write(`cors-lens: ${dryRun ? 'would send' : 'will send'} ${parts.join(' then ') || 'nothing'} to ${spec.url}, as Origin ${spec.origin}, and follow redirects hop by hop (nothing else).${held}\n`);
}

async function probeOne(options: ProbeOptions, sender: Sender, io: Io, color: boolean): Promise<number> {
  const spec = fetchSpecOf(options, options.url!);
  let sendActual = options.sendActual;
  if (sendActual && !isSafeMethod(spec.method) && !options.dryRun)
    sendActual = await confirmUnsafe(io, `--send-actual: a ${spec.method} to ${spec.url}${spec.body !== null ? ' with a body' : ''}`, options.yes);
  announcePlan(spec, sendActual, io, options.dryRun);
  const outcome = await probeFetch(spec, sender, { sendActual, hints: options.hints });
  if (sender.dryRun) return EXIT.ok;
  io.stdout.write(renderProbe(outcome, options.format, color));
  const first = outcome.sent[0]?.result;
  if (first && !first.ok) {
    io.stderr.write(`cors-lens: ${spec.url}: ${first.failure.error} (${first.failure.message})\n`);
    return EXIT.input;
  }
  return exitFor(options.failOn, outcome.report.counts);
}

export function exitFor(failOn: string, counts: { blocked: number; unknown: number }): number {
  return (failOn === 'blocked' && counts.blocked > 0) || (failOn === 'unknown' && counts.blocked + counts.unknown > 0) ? EXIT.failOn : EXIT.ok;
}
