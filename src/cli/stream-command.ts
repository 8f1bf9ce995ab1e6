// `cors-lens analyze` on a HAR too big to hold (or one JSON.parse rejected): streams it through the core,
// writes exchanges as they settle, and still reports the entries before a cut or a syntax error.
import { once } from 'node:events';
import { buildReport, type AnalysisReport, type AnalyzeOptions } from '../core';
import type { Io } from './command';
import { InputError, type StreamedInput } from './read-input';
import { analyzeStream, SETTLE_WINDOW_MS } from './stream-analyze';
import { createJsonWriter, createTextWriter, type StreamWriter } from './stream-output';

export interface StreamCommandOptions {
  readonly format: 'text' | 'json';
  readonly onlyBlocked: boolean;
  readonly color: boolean;
  readonly analyze: AnalyzeOptions;
  /** When nothing at all could be read, say this (the whole-file reader's message) instead. */
  readonly nothingReadMessage?: string;
}

export interface StreamCommandResult {
  readonly counts: AnalysisReport['counts'];
  /** The file could only be read in part (a cut, or invalid JSON after some entries). */
  readonly partial: boolean;
}

export async function runStreamed(input: StreamedInput, opts: StreamCommandOptions, io: Io): Promise<StreamCommandResult> {
  const writer: StreamWriter = opts.format === 'json' ? createJsonWriter(opts) : createTextWriter({ name: input.name, color: opts.color, onlyBlocked: opts.onlyBlocked });
  const write = async (text: string) => {
    if (text !== '' && !io.stdout.write(text)) await once(io.stdout, 'drain');
  };
  const result = await analyzeStream(input.chunks, opts.analyze, {
    onExchanges: (batch) => write(writer.exchanges(batch)),
    onProblems(batch) {
      for (const p of batch) io.stderr.write(`cors-lens: ${input.name}: entry ${p.entry}${p.field ? `, ${p.field}` : ''}: ${p.message}\n`);
    },
  });
  const { fatal } = result.input;
  if (fatal && result.input.total === 0) throw new InputError(`${input.name}: ${opts.nothingReadMessage ?? fatal.message}`);

  const read = { flavour: result.input.flavour, entries: result.input.total, skipped: result.skipped, creator: result.input.creator };
  const report = buildReport([], fatal ? [...result.problems, fatal] : result.problems, read, result.counts);
  await write(writer.end(report));
  const say = (line: string) => io.stderr.write(`cors-lens: ${input.name}: ${line}\n`);
  if (result.problemCount > result.problems.length) say(`${result.problemCount} problems; the first ${result.problems.length} are in the report.`);
  if (result.skipped > 0) say(`${result.skipped} of ${result.input.total} entries skipped; the others were analysed.`);
  if (result.late > 0)
    say(`${result.late} entries are listed more than ${SETTLE_WINDOW_MS / 1000} s out of start-time order; they were paired only with entries still in memory.`);
  if (fatal) say(`${fatal.message}; the ${result.input.total} entries before it were analysed.`);
  return { counts: result.counts, partial: fatal !== null };
}
