// `cors-lens analyze`, text, JSON and NDJSON: streams the HAR through the core, whatever its size (issue 15: one
// path, no whole-file string or object), writes exchanges as they settle, and still reports the entries before a
// cut or a syntax error.
//
// The text report opens with its summary and API view, known only at the end: the exchange blocks wait in memory
// up to SPILL_IN_MEMORY bytes and in a temporary file beyond, and are copied out after the summary, so the output is
// the one the whole-file reader gave, in memory that does not grow with the file.
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport, flatFindings, type AnalysisReport, type AnalyzeOptions, type ExchangeReport } from '../core';
import { createJsonV2Writer, createNdjsonWriter, textBlocks, textHead, textTail, type ReportV2Writer } from '../core/report';
import type { Io } from './command';
import { createProgress } from './progress';
import { InputError, type StreamedInput } from './read-input';
import { analyzeStream, SETTLE_WINDOW_MS } from './stream-analyze';
import { createJsonWriter } from './stream-output';

export type StreamFormat = 'text' | 'json' | 'ndjson';

export interface StreamCommandOptions {
  readonly format: StreamFormat;
  /** JSON only: 2 (default) or 1 (the version 1 document, kept for one release). */
  readonly schema: 1 | 2;
  readonly onlyBlocked: boolean;
  readonly color: boolean;
  readonly analyze: AnalyzeOptions;
  /** Text: bytes of exchange blocks kept in memory before the rest goes to a temporary file (tests make it small). */
  readonly spillInMemory?: number;
}

export interface StreamCommandResult {
  readonly counts: AnalysisReport['counts'];
  /** The file could only be read in part (a cut, or invalid JSON after some entries). */
  readonly partial: boolean;
  readonly findings: NonNullable<AnalysisReport['findings']>;
}

/** Text blocks kept in memory (bytes) before they go to a temporary file: a small report never touches the disk, a big one holds no more than this. */
export const SPILL_IN_MEMORY = 2 * 1024 * 1024;

export async function runStreamed(input: StreamedInput, opts: StreamCommandOptions, io: Io): Promise<StreamCommandResult> {
  const progress = createProgress(io.stderr as Io['stderr'] & { isTTY?: boolean }, input.bytes);
  const write = async (text: string | Uint8Array) => {
    if (text.length === 0) return;
    // Only when stdout is the same terminal: erasing for a pipe or a file would make the line flicker.
    if (io.stdout.isTTY) progress.clear();
    if (!io.stdout.write(text)) await once(io.stdout, 'drain');
  };
  const shown = (batch: readonly ExchangeReport[]) => (opts.onlyBlocked ? batch.filter((x) => x.verdict === 'blocked') : batch);
  const out = opts.format === 'text' ? textOutput(opts, input.name, write) : documentOutput(opts, write);
  try {
    const result = await analyzeStream(input.chunks, opts.analyze, {
      onExchanges: (batch) => out.exchanges(shown(batch)),
      onProblems(batch) {
        progress.clear();
        for (const p of batch) io.stderr.write(`cors-lens: ${input.name}: entry ${p.entry}${p.field ? `, ${p.field}` : ''}: ${p.message}\n`);
      },
      onProgress: (bytes, entries) => progress.update(bytes, entries),
    });
    progress.clear();
    const { fatal } = result.input;
    if (fatal && result.input.total === 0) throw new InputError(`${input.name}: ${fatal.message}`);

    const read = { flavour: result.input.flavour, entries: result.input.total, skipped: result.skipped, creator: result.input.creator };
    const envelope = buildReport([], fatal ? [...result.problems, fatal] : result.problems, read, result.counts);
    const report: AnalysisReport = result.apis ? { ...envelope, apis: result.apis, findings: flatFindings(result.apis) } : envelope;
    await out.end(report);
    const say = (line: string) => io.stderr.write(`cors-lens: ${input.name}: ${line}\n`);
    if (result.problemCount > result.problems.length) say(`${result.problemCount} problems; the first ${result.problems.length} are in the report.`);
    if (result.skipped > 0) say(`${result.skipped} of ${result.input.total} entries skipped; the others were analysed.`);
    if (result.late > 0)
      say(`${result.late} entries are listed more than ${SETTLE_WINDOW_MS / 1000} s out of start-time order; they were paired only with entries still in memory.`);
    if (fatal) say(`${fatal.message}; the ${result.input.total} entries before it were analysed.`);
    return { counts: result.counts, partial: fatal !== null, findings: report.findings ?? [] };
  } finally {
    progress.clear();
    out.dispose();
  }
}

interface Output {
  exchanges(batch: readonly ExchangeReport[]): Promise<void>;
  end(report: AnalysisReport): Promise<void>;
  dispose(): void;
}

function documentOutput(opts: StreamCommandOptions, write: (text: string) => Promise<void>): Output {
  const writer: ReportV2Writer = opts.format === 'ndjson' ? createNdjsonWriter() : opts.schema === 1 ? createJsonWriter() : createJsonV2Writer();
  return {
    exchanges: (batch) => write(writer.exchanges(batch)),
    end: (report) => write(writer.end(report)),
    dispose() {},
  };
}

/** Text: summary first, blocks after; the blocks wait in a spill (memory, then a temporary file). */
function textOutput(opts: StreamCommandOptions, name: string, write: (text: string | Uint8Array) => Promise<void>): Output {
  const spill = createSpill(opts.spillInMemory ?? SPILL_IN_MEMORY);
  const textOpts = { name, color: opts.color, onlyBlocked: opts.onlyBlocked };
  return {
    exchanges: (batch) => spill.write(textBlocks(batch, opts.color)),
    async end(report) {
      await write(textHead(report, textOpts, spill.size > 0));
      await spill.copyTo(write);
      await write(textTail(report));
    },
    dispose: () => spill.dispose(),
  };
}

/**
 * The exchange blocks, encoded once: bytes in memory up to `inMemoryMax`, then in a temporary file, copied out as
 * bytes (never decoded and encoded again).
 */
function createSpill(inMemoryMax: number) {
  let memory: Buffer[] = [];
  let inMemory = 0;
  let size = 0;
  let dir: string | null = null;
  let file: WriteStream | null = null;
  return {
    get size() {
      return size;
    },
    async write(text: string) {
      if (text === '') return;
      const bytes = Buffer.from(text, 'utf8');
      size += bytes.byteLength;
      if (file === null && inMemory + bytes.byteLength <= inMemoryMax) {
        memory.push(bytes);
        inMemory += bytes.byteLength;
        return;
      }
      if (file === null) {
        dir = mkdtempSync(join(tmpdir(), 'cors-lens-'));
        file = createWriteStream(join(dir, 'blocks.txt'));
        for (const b of memory.splice(0)) file.write(b);
        inMemory = 0;
      }
      if (!file.write(bytes)) await once(file, 'drain');
    },
    async copyTo(write: (bytes: Uint8Array) => Promise<void>) {
      if (file === null) {
        for (const b of memory) await write(b);
        memory = [];
        return;
      }
      file.end();
      await once(file, 'finish');
      for await (const chunk of createReadStream(file.path, { highWaterMark: 1024 * 1024 })) await write(chunk as Buffer);
    },
    dispose() {
      file?.destroy();
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}
