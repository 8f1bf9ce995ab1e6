// cors-lens: the analysis core on a HAR file, for CI and for support teams who receive HARs.
import { VERSION, type AnalysisReport } from '../core';
import { openInput, InputError } from './read-input';
import { HELP } from './help';
import { runStreamed, type StreamFormat } from './stream-command';
import { EXIT, parse, UsageError, type Io } from './command';
import { failOnMatches, parseFailOn } from './fail-on';

export { EXIT, UsageError, type Io } from './command';

const ANALYZE_FORMATS: readonly string[] = ['text', 'json', 'ndjson', 'markdown'];

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
    schema: { type: 'string' },
    'only-blocked': { type: 'boolean', default: false },
    'fail-on': { type: 'string', default: 'never' },
    'ignore-browser-signals': { type: 'boolean', default: false },
    'no-hints': { type: 'boolean', default: false },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
  });
  const format = values.format as string;
  if (!ANALYZE_FORMATS.includes(format)) throw new UsageError(`--format must be text, json, ndjson or markdown (got '${format}')`);
  const schema = values.schema as string | undefined;
  if (schema !== undefined && format !== 'json') throw new UsageError('--schema goes with --format json');
  if (schema !== undefined && schema !== '1' && schema !== '2') throw new UsageError(`--schema must be 1 or 2 (got '${schema}')`);
  const failOn = parseFailOn(values['fail-on'] as string);
  if ('error' in failOn) throw new UsageError(failOn.error);
  if (positionals.length !== 1) throw new UsageError('analyze takes exactly one HAR file (or - for standard input)');

  const onlyBlocked = values['only-blocked'] as boolean;
  const analyzeOptions = { ignoreBrowserSignals: values['ignore-browser-signals'] as boolean, hints: !values['no-hints'] };
  const color = values['no-color'] ? false : ((values.color as boolean | undefined) ?? (Boolean(io.stdout.isTTY) && !process.env.NO_COLOR));
  const exitFor = (counts: AnalysisReport['counts'], findings: AnalysisReport['findings'] = []) => (failOnMatches(failOn, counts, findings) ? EXIT.failOn : EXIT.ok);

  if (format !== 'markdown') {
    if (schema === '1') io.stderr.write('cors-lens: --schema 1 writes the version 1 report, kept for this release only; see docs/report-schema.md to read version 2.\n');
    const input = await openInput(positionals[0], io.stdin);
    const streamed = await runStreamed(input, { format: format as StreamFormat, schema: schema === '1' ? 1 : 2, onlyBlocked, color, analyze: analyzeOptions }, io);
    return streamed.partial ? EXIT.input : exitFor(streamed.counts, streamed.findings);
  }

  // Markdown redacts across the whole HAR and quotes the blocked requests' headers: it streams too, through the
  // report's redacting renderer (src/cli/report-stream.ts).
  const input = await openInput(positionals[0], io.stdin);
  const { streamReport, stdoutSink } = await import('./report-stream');
  const { report } = await streamReport(input, { format: 'markdown', scope: 'all', keepSecrets: false, keepBodies: false, onlyBlocked, analyze: analyzeOptions }, io, () => stdoutSink(io), {
    onProblems(batch) {
      for (const p of batch) io.stderr.write(`cors-lens: ${input.name}: entry ${p.entry}${p.field ? `, ${p.field}` : ''}: ${p.message}\n`);
    },
    ready(whole) {
      if (whole.input.skipped > 0) io.stderr.write(`cors-lens: ${input.name}: ${whole.input.skipped} of ${whole.input.entries} entries skipped; the others were analysed.\n`);
    },
  });
  return exitFor(report.counts, report.findings);
}
