// `cors-lens report` (Markdown, HTML, JSON, annotated HAR) and `analyze --format markdown` on a HAR of any size
// (issue 15): one pass over the stream, no whole-file string or object, the output the whole-file renderer gave.
//
// Redaction spans the whole file: a token first seen in entry 40's header is also masked in entry 3's URL and in
// every sentence of the report. So, as the file streams past, each entry goes through the redactor's first pass
// (which learns the secrets) and into a spill, and each settled exchange into another. Once the file is read,
// every secret is known: the spilled entries get the last pass (secrets learnt after them), then the exchanges are
// redacted and rendered one at a time. The report's head (counts, redaction summary, APIs) is known last, so the
// rendered rows and sections wait in spills and are copied out after it. Memory: the analyser's time window, the
// API view, and the raw headers of the entries the report quotes (Markdown: blocked exchanges'; HTML: CORS ones').
import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { buildReport, countExchange, emptyCounts, flatFindings, type AnalysisReport, type AnalyzeOptions, type ExchangeReport, type InputProblem, type ReportCounts, type Toolchain } from '../core';
import {
  annotateEntry,
  annotatedLog,
  createEntryRoles,
  createHtmlWriter,
  createJsonV2Writer,
  createMarkdownWriter,
  hasMarkdownSection,
  MARKDOWN_ROW_FIELDS,
  createRedactor,
  entriesOfExchange,
  inScope,
  keptEntries,
  pagerefOf,
  redactEntry,
  redactEntryLate,
  redactExchange,
  redactLogField,
  redactLogLate,
  redactReportField,
  scopeApis,
  type RedactionSummary,
  type ReportFormat,
  type ReportScope,
} from '../core/report';
import type { Io } from './command';
import { createProgress } from './progress';
import { InputError, type StreamedInput } from './read-input';
import { analyzeStream } from './stream-analyze';
import { HarFileReader } from './stream-har';
import { createKeyedSpill, createRecordSpill, createSpillFolder, createTextSpill, type SpillFolder } from './spill';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface StreamReportOptions {
  readonly format: ReportFormat;
  readonly scope: ReportScope;
  readonly keepSecrets: boolean;
  readonly keepBodies: boolean;
  readonly toolchain?: Toolchain | 'all';
  /** `analyze --format markdown --only-blocked`: only blocked exchanges are shown (and counted). */
  readonly onlyBlocked?: boolean;
  readonly analyze?: AnalyzeOptions;
  /** Bytes of spilled text kept in memory before a temporary file takes the rest (tests make it small). */
  readonly spillInMemory?: number;
}

export interface StreamReportHooks {
  /** Per-entry problems as they are found (`analyze` prints them; `report` does not). */
  onProblems?(batch: readonly InputProblem[]): void;
  /**
   * The file was read and analysed: the whole report without its exchanges (`counts` and `findings` of every
   * exchange) and how many the scope shows. May throw (an unknown `exchange:<id>`) before anything is written.
   */
  ready?(report: AnalysisReport, shown: number): void;
}

export interface StreamReportResult {
  readonly report: AnalysisReport;
  readonly redaction: RedactionSummary;
}

/** Where the report goes: opened only once the file was read and analysed (a failed run leaves no file). */
export interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export function stdoutSink(io: Io): Sink {
  return {
    async write(text) {
      if (text !== '' && !io.stdout.write(text)) await once(io.stdout, 'drain');
    },
    async close() {},
  };
}

/** A file written as the report is (`report -o`). */
export function fileSink(path: string): Sink {
  const fd = openSync(path, 'w');
  return {
    async write(text) {
      const bytes = Buffer.from(text, 'utf8');
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off);
    },
    async close() {
      closeSync(fd);
    },
  };
}

/** Writes the report of `input` to the sink `open` makes once the report is ready to be written. */
export async function streamReport(input: StreamedInput, opts: StreamReportOptions, io: Io, open: () => Sink, hooks: StreamReportHooks = {}): Promise<StreamReportResult> {
  const folder = createSpillFolder();
  const progress = createProgress(io.stderr as Io['stderr'] & { isTTY?: boolean }, input.bytes);
  // The spills hold exchanges and entries before the last redaction pass: Ctrl-C or a kill must not leave them
  // behind (an exit on a signal skips `finally`).
  const onSignal = (signal: NodeJS.Signals) => {
    folder.dispose();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const read = await readAndAnalyse(input, opts, folder, hooks, progress);
    progress.clear();
    hooks.ready?.(read.report, read.shown.count);
    const sink = open();
    try {
      const redaction = await render(read, opts, folder, (text) => sink.write(text));
      return { report: read.report, redaction };
    } finally {
      await sink.close();
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.clear();
    folder.dispose();
  }
}

interface Read {
  readonly report: AnalysisReport;
  readonly redactor: ReturnType<typeof createRedactor>;
  /** `log` with each field but `entries` through the redactor's first pass, in the file's key order. */
  readonly log: Json;
  readonly entries: ReturnType<typeof createRecordSpill>;
  /** The exchanges shown, v8-serialised in report order. */
  readonly shown: ReturnType<typeof createRecordSpill>;
  readonly counts: ReportCounts;
  /** The ids of the exchanges shown, for a scope narrower than `all` (its API view is cut to them). */
  readonly ids: Set<string>;
  readonly anyBlocked: boolean;
  /** The entries the scope carries (sorted); null for all. */
  readonly inScope: number[] | null;
  /** The entries whose raw headers the report quotes. */
  readonly quoted: Set<number>;
}

async function readAndAnalyse(input: StreamedInput, opts: StreamReportOptions, folder: SpillFolder, hooks: StreamReportHooks, progress: ReturnType<typeof createProgress>): Promise<Read> {
  const redactor = createRedactor({ keepSecrets: opts.keepSecrets, keepBodies: opts.keepBodies });
  const entries = createRecordSpill(folder, 'entries', opts.spillInMemory);
  const shown = createRecordSpill(folder, 'exchanges', opts.spillInMemory);
  // `log`'s fields go through the redactor as they are read, in file order with the entries (the whole-file
  // redactor walks `log` in key order): a page title's token gets the placeholder number it got there.
  const early = new Map<string, unknown>();
  const field = ([key, value]: readonly [string, unknown]) => {
    if (key !== 'entries' && !early.has(key)) early.set(key, redactLogField(value, redactor));
  };
  let root: unknown;
  let index = 0;
  const reader = new HarFileReader({
    // Every body whole: the redactor counts (and, with --keep-bodies, scans) what the whole-file reader saw.
    bodies: { limit: Infinity, mode: 'truncate' },
    envelope: true,
    onRaw(chunk) {
      const fields = chunk.fields ?? [];
      // Fields listed before `entries` were read before this chunk's entries; those after it, after them.
      const split = fields.findIndex(([key]) => key === 'entries');
      fields.slice(0, split === -1 ? fields.length : split).forEach(field);
      for (const raw of chunk.entries) entries.add(Buffer.from(JSON.stringify(redactEntry(raw, index++, redactor)), 'utf8'));
      if (split !== -1) fields.slice(split + 1).forEach(field);
      if (chunk.root !== undefined) root = chunk.root;
    },
  });

  const counts = emptyCounts();
  const ids = new Set<string>();
  const scoped = new Set<number>();
  const quoted = new Set<number>();
  let anyBlocked = false;
  const show = (x: ExchangeReport) => (opts.onlyBlocked ? x.verdict === 'blocked' : inScope(x, opts.scope));
  const quotes = (x: ExchangeReport) => (opts.format === 'markdown' ? x.verdict === 'blocked' : opts.format === 'html' && x.kind === 'cors');
  const result = await analyzeStream(
    input.chunks,
    opts.analyze ?? {},
    {
      onExchanges(batch) {
        for (const x of batch) {
          if (!show(x)) continue;
          countExchange(counts, x);
          if (opts.scope !== 'all') ids.add(x.id);
          if (x.verdict === 'blocked') anyBlocked = true;
          if (opts.scope !== 'all') for (const i of entriesOfExchange(x)) scoped.add(i);
          if (quotes(x)) for (const i of [x.preflightEntry, x.actualEntry]) if (i !== null) quoted.add(i);
          shown.add(serialize(opts.format === 'markdown' && !hasMarkdownSection(x) ? rowOnly(x) : x));
        }
      },
      onProblems(batch) {
        progress.clear();
        hooks.onProblems?.(batch);
      },
      onProgress: (bytes, n) => progress.update(bytes, n),
    },
    reader,
  );
  const { fatal } = result.input;
  if (fatal) throw new InputError(`${input.name}: ${fatal.message}`);

  const envelope = buildReport([], result.problems, { flavour: result.input.flavour, entries: result.input.total, skipped: result.skipped, creator: result.input.creator }, result.counts);
  const report: AnalysisReport = result.apis ? { ...envelope, apis: result.apis, findings: flatFindings(result.apis) } : envelope;

  // The first pass on what surrounds the entries, in key order (fields beside `log` only count in the summary).
  const rootObject = isObject(root) ? root : {};
  const rawLog = isObject(rootObject.log) ? rootObject.log : {};
  for (const [key, value] of Object.entries(rootObject)) if (key !== 'log') redactLogField(value, redactor);
  const log: Json = {};
  for (const [key, value] of Object.entries(rawLog)) log[key] = key === 'entries' ? [] : early.has(key) ? early.get(key) : redactLogField(value, redactor);
  return { report, redactor, log, entries, shown, counts, ids, anyBlocked, inScope: opts.scope === 'all' ? null : [...scoped].sort((a, b) => a - b), quoted };
}

/**
 * An exchange the Markdown report gives only a row: the fields the row reads, in `x`'s key order (`Object.keys`
 * reads no lazy field). Its explanation, checklist and hints are not computed, spilled nor redacted.
 */
function rowOnly(x: ExchangeReport): ExchangeReport {
  const out: Json = {};
  for (const key of Object.keys(x)) if (MARKDOWN_ROW_FIELDS.has(key)) out[key] = (x as unknown as Json)[key];
  return out as unknown as ExchangeReport;
}

/** The raw parts of an entry the Markdown and HTML reports quote: request and status lines, headers. */
function quotedParts(entry: unknown): unknown {
  if (!isObject(entry)) return entry;
  const pick = (m: unknown) => (isObject(m) ? { method: m.method, url: m.url, httpVersion: m.httpVersion, status: m.status, statusText: m.statusText, headers: m.headers } : m);
  return { request: pick(entry.request), response: pick(entry.response) };
}

const decodeEntry = (record: Uint8Array): unknown => JSON.parse(Buffer.from(record.buffer, record.byteOffset, record.byteLength).toString('utf8'));

async function render(read: Read, opts: StreamReportOptions, folder: SpillFolder, write: (text: string) => Promise<void>): Promise<RedactionSummary> {
  const r = read.redactor;
  // The last pass over every entry, in file order (it counts what it replaces), then over `log`'s other fields.
  // The blocked requests' quoted headers, read back when their exchange is rendered (a keyed spill: they grow with the file).
  const quoted = createKeyedSpill(folder, 'quoted', opts.spillInMemory);
  const kept = opts.format === 'har' ? keptEntries(read.inScope, read.entries.count) : null;
  const keptSet = kept && read.inScope ? new Set(read.inScope) : null;
  const late = opts.format === 'har' ? createRecordSpill(folder, 'late', opts.spillInMemory) : null;
  const pagerefs = new Set<string | null>();
  let i = 0;
  for (const record of read.entries.records()) {
    const entry = decodeEntry(record);
    redactEntryLate(entry, i, r);
    if (read.quoted.has(i)) quoted.set(i, JSON.stringify(quotedParts(entry)) ?? 'null');
    if (late && (keptSet === null || keptSet.has(i))) {
      pagerefs.add(pagerefOf(entry));
      late.add(Buffer.from(JSON.stringify(entry), 'utf8'));
    }
    i++;
  }
  redactLogLate(read.log, r);

  // The report, field by field in its key order, scoped; its exchanges come back from the spill one by one.
  const scoped: AnalysisReport = { ...read.report, exchanges: [], counts: read.counts, ...scopeApis(read.report, opts.scope, read.ids) };
  const entryAt = (n: number): unknown => {
    const text = quoted.get(n);
    return text === undefined ? undefined : (JSON.parse(text) as unknown);
  };
  let summary: RedactionSummary | null = null;
  const redaction = () => summary ?? (summary = r.summary(read.inScope ?? undefined));
  const fields: Json = {};
  const each = async (onExchange: (x: ExchangeReport, n: number) => void | Promise<void>): Promise<AnalysisReport> => {
    r.at('report');
    for (const [key, value] of Object.entries(scoped)) {
      if (key !== 'exchanges') {
        fields[key] = redactReportField(key, value, r);
        continue;
      }
      let n = 0;
      for (const record of read.shown.records()) await onExchange(redactExchange(deserialize(record) as ExchangeReport, r), ++n);
    }
    r.at(null);
    return { ...scoped, ...fields } as AnalysisReport;
  };
  const shownCount = read.shown.count;

  if (opts.format === 'json') {
    // JSON has no head that waits for the end: it is written as the exchanges are redacted, a batch at a time.
    const writer = createJsonV2Writer();
    const batch: ExchangeReport[] = [];
    const report = await each(async (x) => {
      batch.push(x);
      if (batch.length >= 500) await write(writer.exchanges(batch.splice(0)));
    });
    if (batch.length > 0) await write(writer.exchanges(batch.splice(0)));
    await write(writer.end(report));
    return redaction();
  }

  if (opts.format === 'markdown') {
    const w = createMarkdownWriter({ scope: opts.scope, get redaction() { return redaction(); }, ...(opts.toolchain ? { toolchain: opts.toolchain } : {}) });
    const rows = createTextSpill(folder, 'rows', opts.spillInMemory);
    const sections = createTextSpill(folder, 'sections', opts.spillInMemory);
    let lastSection: string | null = null;
    const report = await each((x, n) => {
      rows.write(`\n${w.row(x, n)}`);
      for (const line of w.section(x, n, entryAt)) {
        sections.write(`\n${line}`);
        lastSection = line;
      }
    });
    // The lines are joined with newlines, as renderMarkdown joins them, and the text ends with one.
    const head = w.head(report, { exchanges: shownCount, anyBlocked: read.anyBlocked });
    const tail = w.tail(report);
    await write(head.join('\n'));
    await rows.copyTo(write);
    if (shownCount > 0) await write('\n');
    await sections.copyTo(write);
    if (tail.length > 0) await write(`\n${tail.join('\n')}`);
    const last = tail.length > 0 ? tail[tail.length - 1] : lastSection !== null ? lastSection : shownCount > 0 ? '' : head[head.length - 1];
    if (last !== '') await write('\n');
    return redaction();
  }

  if (opts.format === 'html') {
    const detailIds = new Set<string>();
    const rows = createTextSpill(folder, 'rows', opts.spillInMemory);
    const sections = createTextSpill(folder, 'sections', opts.spillInMemory);
    // The rows link to the sections of CORS exchanges: their ids are those of the exchanges with a section.
    const w = createHtmlWriter({ scope: opts.scope, get redaction() { return redaction(); } }, detailIds);
    let rowsWritten = 0;
    let sectionsWritten = 0;
    const report = await each((x) => {
      if (x.kind === 'cors') {
        detailIds.add(x.id);
        sections.write(`${sectionsWritten++ === 0 ? '' : '\n'}${w.section(x, entryAt)}`);
      }
      rows.write(`${rowsWritten++ === 0 ? '' : '\n'}${w.row(x)}`);
    });
    await write(w.head(report, shownCount));
    await rows.copyTo(write);
    await write(w.afterRows(shownCount));
    await sections.copyTo(write);
    await write(w.tail(report));
    return redaction();
  }

  // The annotated HAR: JSON.stringify(annotateHar(...), null, 2) written field by field, entries one by one.
  // Each entry carries the analysis of the first exchange naming it (kept as JSON text until the entry is written,
  // in a keyed spill: held in memory, they grew with the file, and the 1.1 GB HAR's annotated copy peaked at 990 MB).
  const annotations = createKeyedSpill(folder, 'annotations', opts.spillInMemory);
  const report = await each((x) => {
    const roles = createEntryRoles();
    roles.add(x);
    for (const source of [x.actualEntry, x.preflightEntry]) {
      if (source === null || annotations.has(source) || kept!.remap(source) === null) continue;
      annotations.set(source, JSON.stringify((annotateEntry({}, source, roles, kept!.remap) as Json)._corsLens));
    }
  });
  const logOut = annotatedLog(read.log, report, { entries: read.inScope, scope: opts.scope, redaction: redaction() }, [], pagerefs);
  await write('{\n  "log": {');
  let first = true;
  for (const [key, value] of Object.entries(logOut)) {
    await write(`${first ? '' : ','}\n    ${JSON.stringify(key)}: `);
    first = false;
    if (key !== 'entries') {
      await write(indent(JSON.stringify(value, null, 2), '    '));
      continue;
    }
    let n = 0;
    let text = '';
    for (const record of late!.records()) {
      const source = kept!.sources[n];
      const entry = decodeEntry(record);
      const annotation = annotations.get(source);
      const out = annotation !== undefined && isObject(entry) ? { ...entry, _corsLens: JSON.parse(annotation) as unknown } : entry;
      text += `${n++ === 0 ? '[\n      ' : ',\n      '}${indent(JSON.stringify(out, null, 2), '      ')}`;
      if (text.length >= 1024 * 1024) {
        await write(text);
        text = '';
      }
    }
    await write(n === 0 ? '[]' : `${text}\n    ]`);
  }
  annotations.close();
  await write(first ? '}\n}\n' : '\n  }\n}\n');
  return redaction();
}

/** JSON.stringify never leaves a raw newline inside a string, so re-indenting line starts is safe. */
function indent(json: string, by: string): string {
  return json.replaceAll('\n', `\n${by}`);
}
