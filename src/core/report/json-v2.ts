// The JSON report, schema version 2 (docs/report-schema.md): what repeats is written once. Sentences, spec
// references, checklist rows, failures, preflight reasons, fix blocks and hints go to tables, and exchanges refer
// to them by id (the row's index in its table). A v2 reader gets back every field of version 1 (`expandReportV2`).
//
// Two layouts, one encoder: the JSON document (`createJsonV2Writer`: exchanges one per line as they settle, the
// tables after them) and NDJSON (`createNdjsonWriter`: one object per line, each table row on its own line before
// the first line that refers to it). Both stream: the encoder keeps the distinct table rows, not the exchanges.
import type { ApiReport, ConsolidatedFix } from '../api/types';
import type { Finding } from '../findings/catalogue';
import type { AnalysisReport, CheckRow, ExchangeReport, Failure, Hint, HintFix, InputProblem, PreflightReason, SpecStep } from '../types';
import { VERSION } from '../version';

export const REPORT_V2_SCHEMA_VERSION = 2;

/** An index into `tables.texts`. */
type TextRef = number;

export interface CheckRowV2 extends Omit<CheckRow, 'spec' | 'note'> {
  /** Index into `tables.specs`. */
  readonly spec: number;
  readonly note?: TextRef;
}

export interface FailureV2 extends Omit<Failure, 'entry' | 'spec' | 'message' | 'note'> {
  readonly spec: number;
  readonly message: TextRef;
  readonly note?: TextRef;
}

export interface PreflightReasonV2 extends Omit<PreflightReason, 'unsafeHeaders' | 'avoid'> {
  readonly unsafeHeaders: ReadonlyArray<{ readonly name: string; readonly why: PreflightReason['unsafeHeaders'][number]['why']; readonly detail: TextRef }>;
  readonly avoid: readonly TextRef[];
}

export interface HintV2 extends Omit<Hint, 'explanation' | 'fixes'> {
  readonly explanation: TextRef;
  /** Indexes into `tables.fixes`. */
  readonly fixes: readonly number[];
}

export interface ReportTablesV2 {
  readonly texts: string[];
  readonly specs: SpecStep[];
  readonly checks: CheckRowV2[];
  readonly failures: FailureV2[];
  readonly preflightReasons: PreflightReasonV2[];
  readonly fixes: HintFix[];
  readonly hints: HintV2[];
}
export type TableName = keyof ReportTablesV2;
/** Table order in the document and in NDJSON: a table's rows only refer to tables before it. */
export const TABLE_NAMES: readonly TableName[] = ['texts', 'specs', 'checks', 'failures', 'preflightReasons', 'fixes', 'hints'];

export interface ExchangeV2
  extends Omit<ExchangeReport, 'notCorsReason' | 'pairing' | 'unknownReason' | 'allFailures' | 'hiddenStatus' | 'preflightReason' | 'checks' | 'summary' | 'hints'> {
  readonly notCorsReason: TextRef | null;
  readonly pairing: Omit<ExchangeReport['pairing'], 'detail'> & { readonly detail: TextRef };
  readonly unknownReason: TextRef | null;
  /** Each failure in `tables.failures`, with the entry whose headers fail (the one field that is the exchange's own). */
  readonly allFailures: ReadonlyArray<{ readonly failure: number; readonly entry: number | null }>;
  readonly hiddenStatus: (Omit<NonNullable<ExchangeReport['hiddenStatus']>, 'sentence'> & { readonly sentence: TextRef }) | null;
  readonly preflightReason: number | null;
  readonly checks: readonly number[];
  readonly summary: TextRef;
  readonly hints: readonly number[];
}

export interface ConsolidatedFixV2 extends Omit<ConsolidatedFix, 'fixes'> {
  readonly fixes: readonly number[];
}
export interface ApiReportV2 extends Omit<ApiReport, 'fixes'> {
  readonly fixes: readonly ConsolidatedFixV2[];
}

export interface AnalysisReportV2 {
  readonly schemaVersion: typeof REPORT_V2_SCHEMA_VERSION;
  readonly tool: AnalysisReport['tool'];
  readonly exchanges: readonly ExchangeV2[];
  readonly apis?: readonly ApiReportV2[];
  readonly findings?: readonly Finding[];
  readonly tables: ReportTablesV2;
  readonly input: AnalysisReport['input'];
  readonly problems: readonly InputProblem[];
  readonly counts: AnalysisReport['counts'];
}

export interface TableRow {
  readonly table: TableName;
  readonly id: number;
  readonly value: unknown;
}

/**
 * Interns table rows. Each row is keyed by its JSON text (after its own references are resolved), so the same
 * value always gets the same id; `takeNew()` hands over the rows added since the last call, in table order.
 */
export function createV2Encoder() {
  const tables: ReportTablesV2 = { texts: [], specs: [], checks: [], failures: [], preflightReasons: [], fixes: [], hints: [] };
  const ids = new Map<TableName, Map<string, number>>(TABLE_NAMES.map((t) => [t, new Map()]));
  let fresh: TableRow[] = [];

  function intern<K extends TableName>(table: K, value: ReportTablesV2[K][number]): number {
    const key = typeof value === 'string' ? value : JSON.stringify(value);
    const known = ids.get(table)!;
    const id = known.get(key);
    if (id !== undefined) return id;
    const next = (tables[table] as unknown[]).push(value) - 1;
    known.set(key, next);
    fresh.push({ table, id: next, value });
    return next;
  }
  // The core hands the same objects to many exchanges (spec steps, memoised fix blocks and hints): an object met
  // before has its row's id already, without the row being built and serialised again to find it.
  const byObject = new Map<TableName, WeakMap<object, number>>(TABLE_NAMES.map((t) => [t, new WeakMap()]));
  function internObject<K extends TableName>(table: K, source: object, row: () => ReportTablesV2[K][number]): number {
    const known = byObject.get(table)!;
    let id = known.get(source);
    if (id === undefined) known.set(source, (id = intern(table, row())));
    return id;
  }
  const text = (s: string): TextRef => intern('texts', s);
  const textOrNull = (s: string | null): TextRef | null => (s === null ? null : text(s));
  const spec = (s: SpecStep): number => internObject('specs', s, () => ({ id: s.id, url: s.url }));
  const fix = (f: HintFix): number =>
    internObject('fixes', f, () => ({ toolchain: f.toolchain, language: f.language, title: f.title, snippet: f.snippet, ...(f.copy === false ? { copy: false as const } : {}) }));

  function check(r: CheckRow): number {
    return internObject('checks', r, () => ({
      stage: r.stage,
      header: r.header,
      status: r.status,
      expected: r.expected,
      actual: r.actual,
      spec: spec(r.spec),
      ...(r.corsError !== undefined ? { corsError: r.corsError } : {}),
      ...(r.note !== undefined ? { note: text(r.note) } : {}),
    }));
  }
  function failure(f: Failure): number {
    return internObject('failures', f, () => ({
      corsError: f.corsError,
      failedParameter: f.failedParameter,
      stage: f.stage,
      spec: spec(f.spec),
      message: text(f.message),
      firefoxReason: f.firefoxReason,
      ...(f.note !== undefined ? { note: text(f.note) } : {}),
    }));
  }
  function preflightReason(p: PreflightReason): number {
    return internObject('preflightReasons', p, () => ({
      needed: p.needed,
      methodSafelisted: p.methodSafelisted,
      unsafeHeaders: p.unsafeHeaders.map((h) => ({ name: h.name, why: h.why, detail: text(h.detail) })),
      source: p.source,
      avoid: p.avoid.map(text),
    }));
  }
  function hint(h: Hint): number {
    return internObject('hints', h, () => ({ id: h.id, title: h.title, confidence: h.confidence, evidence: h.evidence, explanation: text(h.explanation), fixes: h.fixes.map(fix), docs: h.docs }));
  }

  return {
    tables,
    /** The exchange with its shared parts replaced by table ids. Reads every field by name (a getter reads the same). */
    exchange(x: ExchangeReport): ExchangeV2 {
      const { pairing, hiddenStatus } = x;
      return {
        id: x.id,
        url: x.url,
        method: x.method,
        origin: x.origin,
        originFrom: x.originFrom,
        kind: x.kind,
        notCorsReason: textOrNull(x.notCorsReason),
        actualEntry: x.actualEntry,
        preflightEntry: x.preflightEntry,
        redirectedFrom: x.redirectedFrom,
        pairing: { method: pairing.method, detail: text(pairing.detail), ...(pairing.cachedBy !== undefined ? { cachedBy: pairing.cachedBy } : {}) },
        startedMs: x.startedMs,
        verdict: x.verdict,
        unknownReason: textOrNull(x.unknownReason),
        corsError: x.corsError,
        failedParameter: x.failedParameter,
        allFailures: x.allFailures.map((f) => ({ failure: failure(f), entry: f.entry })),
        firefoxReason: x.firefoxReason,
        pageStatus: x.pageStatus,
        serverStatus: x.serverStatus,
        hiddenStatus: hiddenStatus && { status: hiddenStatus.status, statusText: hiddenStatus.statusText, stage: hiddenStatus.stage, sentence: text(hiddenStatus.sentence) },
        preflightReason: x.preflightReason && preflightReason(x.preflightReason),
        credentials: x.credentials,
        checks: x.checks.map(check),
        browser: x.browser,
        summary: text(x.summary),
        fingerprints: x.fingerprints,
        hints: x.hints.map(hint),
      };
    },
    /** An API with its consolidated fixes' fix blocks in `tables.fixes` (the same blocks as the hints'). */
    api(a: ApiReport): ApiReportV2 {
      return { ...a, fixes: a.fixes.map((f) => ({ ...f, fixes: f.fixes.map(fix) })) };
    },
    takeNew(): TableRow[] {
      const out = fresh;
      fresh = [];
      // Interning a row interns what it refers to first, so insertion order already puts those rows first.
      return out;
    },
  };
}

type V2Encoder = ReturnType<typeof createV2Encoder>;

/** The report's closing fields, known once every exchange has been written. */
export type ReportEnd = Pick<AnalysisReport, 'input' | 'problems' | 'counts' | 'apis' | 'findings'>;

export interface ReportV2Writer {
  /** Text for a batch of exchanges ('' when there is nothing to write). */
  exchanges(batch: readonly ExchangeReport[]): string;
  /** The closing text. */
  end(report: ReportEnd): string;
}

const header = () => ({ schemaVersion: REPORT_V2_SCHEMA_VERSION, tool: { name: 'cors-lens' as const, version: VERSION } });

/**
 * The JSON document: `schemaVersion` and `tool`, `exchanges` one per line as they come, then `apis`, `findings`,
 * `tables`, `input`, `problems` and `counts` (their values are known only at the end; JSON has no key order).
 * Each exchange, API, table row and problem is one line of compact JSON: small, and still diffable and greppable.
 */
export function createJsonV2Writer(encoder: V2Encoder = createV2Encoder()): ReportV2Writer {
  let first = true;
  const { schemaVersion, tool } = header();
  const open = `{"schemaVersion":${schemaVersion},"tool":${JSON.stringify(tool)},\n"exchanges":[`;
  return {
    exchanges(batch) {
      if (batch.length === 0) return '';
      let out = first ? open : '';
      for (const x of batch) {
        out += `${first ? '\n' : ',\n'}${JSON.stringify(encoder.exchange(x))}`;
        first = false;
      }
      encoder.takeNew(); // the document writes its tables whole, at the end
      return out;
    },
    end(report) {
      const head = first ? open : '';
      const apis = report.apis?.map((a) => encoder.api(a));
      const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((i) => JSON.stringify(i)).join(',\n')}\n]`);
      const tables = TABLE_NAMES.map((t) => `"${t}":${list(encoder.tables[t])}`).join(',\n');
      const fields = [
        ...(apis ? [`"apis":${list(apis)}`, `"findings":${list(report.findings ?? [])}`] : []),
        `"tables":{\n${tables}\n}`,
        `"input":${JSON.stringify(report.input)}`,
        `"problems":${list(report.problems)}`,
        `"counts":${JSON.stringify(report.counts)}`,
      ];
      return `${head}${first ? '' : '\n'}],\n${fields.join(',\n')}\n}\n`;
    },
  };
}

/**
 * NDJSON: one object per line, `type` first. A `header` line; each table row as a `table` line before the first
 * line that refers to it; an `exchange` line per exchange; an `api` line per API; an `end` line with `input`,
 * `problems`, `counts` and `findings`. A reader that keeps the table rows it has seen can resolve every line as it
 * reads it.
 */
export function createNdjsonWriter(encoder: V2Encoder = createV2Encoder()): ReportV2Writer {
  let started = false;
  const open = () => {
    if (started) return '';
    started = true;
    return `${JSON.stringify({ type: 'header', ...header() })}\n`;
  };
  const rows = () => encoder.takeNew().map((r) => `${JSON.stringify({ type: 'table', table: r.table, id: r.id, value: r.value })}\n`).join('');
  return {
    exchanges(batch) {
      if (batch.length === 0) return '';
      let out = open();
      for (const x of batch) {
        const line = JSON.stringify({ type: 'exchange', value: encoder.exchange(x) });
        out += `${rows()}${line}\n`;
      }
      return out;
    },
    end(report) {
      let out = open();
      for (const a of report.apis ?? []) {
        const line = JSON.stringify({ type: 'api', value: encoder.api(a) });
        out += `${rows()}${line}\n`;
      }
      const end = { type: 'end', input: report.input, problems: report.problems, counts: report.counts, ...(report.findings ? { findings: report.findings } : {}) };
      return `${out}${JSON.stringify(end)}\n`;
    },
  };
}

/** The whole report as a version 2 JSON document (the panel's export and `cors-lens report --format json`). */
export function reportToJsonV2(report: AnalysisReport): string {
  const writer = createJsonV2Writer();
  return writer.exchanges(report.exchanges) + writer.end(report);
}

// ---- Reading version 2 -------------------------------------------------------------------------------------------

/** Reads NDJSON lines back into the version 2 document (the same document `--format json` writes). */
export function readNdjsonV2(lines: Iterable<string>): AnalysisReportV2 {
  const tables: ReportTablesV2 = { texts: [], specs: [], checks: [], failures: [], preflightReasons: [], fixes: [], hints: [] };
  const exchanges: ExchangeV2[] = [];
  const apis: ApiReportV2[] = [];
  let head: ReturnType<typeof header> | null = null;
  let end: (ReportEnd & { type: 'end' }) | null = null;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const o = JSON.parse(line) as { type: string; value?: unknown; table?: TableName; id?: number; schemaVersion?: number };
    if (o.type === 'header') head = o as unknown as ReturnType<typeof header>;
    else if (o.type === 'table') (tables[o.table!] as unknown[])[o.id!] = o.value;
    else if (o.type === 'exchange') exchanges.push(o.value as ExchangeV2);
    else if (o.type === 'api') apis.push(o.value as ApiReportV2);
    else if (o.type === 'end') end = o as unknown as ReportEnd & { type: 'end' };
  }
  if (!head || !end) throw new Error(`not a complete cors-lens NDJSON report (${head ? 'no end line' : 'no header line'})`);
  return {
    schemaVersion: REPORT_V2_SCHEMA_VERSION,
    tool: head.tool,
    exchanges,
    ...(end.findings ? { apis, findings: end.findings } : {}),
    tables,
    input: end.input,
    problems: end.problems,
    counts: end.counts,
  };
}

/**
 * A version 2 document back in version 1's shape: every table reference replaced by what it refers to. This is the
 * migration path for version 1 readers (docs/report-schema.md); `schemaVersion` says 1 in the result.
 */
export function expandReportV2(doc: AnalysisReportV2): AnalysisReport {
  const t = doc.tables;
  const text = (i: number): string => t.texts[i];
  const spec = (i: number): SpecStep => t.specs[i];
  const fix = (i: number): HintFix => t.fixes[i];
  const check = (i: number): CheckRow => {
    const { spec: s, note, ...rest } = t.checks[i];
    return { ...rest, spec: spec(s), ...(note !== undefined ? { note: text(note) } : {}) };
  };
  const hint = (i: number): Hint => {
    const h = t.hints[i];
    return { ...h, explanation: text(h.explanation), fixes: h.fixes.map(fix) };
  };
  const preflightReason = (i: number): PreflightReason => {
    const p = t.preflightReasons[i];
    return { ...p, unsafeHeaders: p.unsafeHeaders.map((h) => ({ ...h, detail: text(h.detail) })), avoid: p.avoid.map(text) };
  };
  const failure = ({ failure: i, entry }: ExchangeV2['allFailures'][number]): Failure => {
    const { corsError, failedParameter, stage, spec: s, message, firefoxReason, note } = t.failures[i];
    return { corsError, failedParameter, stage, entry, spec: spec(s), message: text(message), firefoxReason, ...(note !== undefined ? { note: text(note) } : {}) };
  };
  const exchange = (x: ExchangeV2): ExchangeReport => ({
    ...x,
    notCorsReason: x.notCorsReason === null ? null : text(x.notCorsReason),
    pairing: { ...x.pairing, detail: text(x.pairing.detail) },
    unknownReason: x.unknownReason === null ? null : text(x.unknownReason),
    allFailures: x.allFailures.map(failure),
    hiddenStatus: x.hiddenStatus && { ...x.hiddenStatus, sentence: text(x.hiddenStatus.sentence) },
    preflightReason: x.preflightReason === null ? null : preflightReason(x.preflightReason),
    checks: x.checks.map(check),
    summary: text(x.summary),
    hints: x.hints.map(hint),
  });
  const api = (a: ApiReportV2): ApiReport => ({ ...a, fixes: a.fixes.map((f) => ({ ...f, fixes: f.fixes.map(fix) })) });
  return {
    schemaVersion: 1,
    tool: doc.tool,
    input: doc.input,
    exchanges: doc.exchanges.map(exchange),
    problems: doc.problems,
    counts: doc.counts,
    ...(doc.apis ? { apis: doc.apis.map(api), findings: doc.findings ?? [] } : {}),
  };
}
