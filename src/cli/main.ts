// cors-lens: the analysis core on a HAR file, for CI and for support teams who receive HARs.
import { analyzeHar, VERSION, type AnalysisReport } from '../core';
import { formatText } from '../core/report';
import { openInput, InputError, streamAboveBytes } from './read-input';
import { HELP } from './help';
import { runStreamed } from './stream-command';
import { EXIT, parse, UsageError, type Io } from './command';
import { failOnMatches, parseFailOn } from './fail-on';

export { EXIT, UsageError, type Io } from './command';

/** `--format markdown` needs the whole HAR as one string; V8 strings stop at ~512 MiB. */
const MARKDOWN_MAX_BYTES = 480 * 1024 * 1024;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  try {
    if (command === 'analyze') return await analyzeCommand(rest, io);
    if (command === 'report') {
      const { reportCommand } = await import('./report-command');
      return await reportCommand(rest, io);
    }
    if (command === 'probe') return await (await import('./probe/command')).probeCommand(rest, io);
    io.stderr.write(`cors-lens: unknown command '${command}'. Try 'cors-lens --help'.\n`);
    return EXIT.usage;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`cors-lens: ${err.message}\nTry 'cors-lens --help'.\n`);
      return EXIT.usage;
    }
    if (err instanceof InputError) {
      io.stderr.write(`cors-lens: ${err.message}\n`);
      return EXIT.input;
    }
    throw err;
  }
}

async function analyzeCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f', default: 'text' },
    'only-blocked': { type: 'boolean', default: false },
    'fail-on': { type: 'string', default: 'never' },
    'ignore-browser-signals': { type: 'boolean', default: false },
    'no-hints': { type: 'boolean', default: false },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const format = values.format as string;
  if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json or markdown (got '${format}')`);
  const failOn = parseFailOn(values['fail-on'] as string);
  if ('error' in failOn) throw new UsageError(failOn.error);
  if (positionals.length !== 1) throw new UsageError('analyze takes exactly one HAR file (or - for standard input)');

  const onlyBlocked = values['only-blocked'] as boolean;
  const analyzeOptions = { ignoreBrowserSignals: values['ignore-browser-signals'] as boolean, hints: !values['no-hints'] };
  const color = values['no-color'] ? false : ((values.color as boolean | undefined) ?? (Boolean(io.stdout.isTTY) && !process.env.NO_COLOR));
  const exitFor = (counts: AnalysisReport['counts'], findings: AnalysisReport['findings'] = []) => (failOnMatches(failOn, counts, findings) ? EXIT.failOn : EXIT.ok);

  // Markdown redacts across the whole HAR, so it always reads it whole (up to V8's longest string).
  const input = await openInput(positionals[0], io.stdin, { streamAbove: format === 'markdown' ? MARKDOWN_MAX_BYTES : streamAboveBytes() });
  if ('chunks' in input) {
    if (format === 'markdown') throw new InputError(`${input.name}: --format markdown reads the whole HAR, and this one is over ${MARKDOWN_MAX_BYTES >> 20} MiB; use --format text or json`);
    const streamed = await runStreamed(input, { format: format as 'text' | 'json', onlyBlocked, color, analyze: analyzeOptions }, io);
    return streamed.partial ? EXIT.input : exitFor(streamed.counts, streamed.findings);
  }
  const report = analyzeHar(input.text, analyzeOptions);
  const fatal = report.problems.find((p) => p.entry === null && p.severity === 'error');
  if (fatal && format !== 'markdown' && /not (complete )?JSON/.test(fatal.message)) {
    // JSON.parse gives up on the whole file; the stream reader keeps the entries before the damage.
    const text = input.text;
    const chunks = (async function* () { yield Buffer.from(text); })();
    const streamed = await runStreamed({ name: input.name, bytes: null, chunks }, { format: format as 'text' | 'json', onlyBlocked, color, analyze: analyzeOptions, nothingReadMessage: fatal.message }, io);
    return streamed.partial ? EXIT.input : exitFor(streamed.counts, streamed.findings);
  }
  if (fatal) throw new InputError(`${input.name}: ${fatal.message}`);
  for (const p of report.problems) io.stderr.write(`cors-lens: ${input.name}: entry ${p.entry}${p.field ? `, ${p.field}` : ''}: ${p.message}\n`);
  if (report.input.skipped > 0) io.stderr.write(`cors-lens: ${input.name}: ${report.input.skipped} of ${report.input.entries} entries skipped; the others were analysed.\n`);

  const shown: AnalysisReport = onlyBlocked ? { ...report, exchanges: report.exchanges.filter((x) => x.verdict === 'blocked') } : report;
  if (format === 'json') io.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else if (format === 'markdown') {
    const { renderMarkdownReport } = await import('./markdown-bridge');
    io.stdout.write(renderMarkdownReport(shown, input.text));
  } else io.stdout.write(formatText(shown, { name: input.name, color, onlyBlocked }));
  return exitFor(report.counts, report.findings);
}
