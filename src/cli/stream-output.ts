// Incremental writers for `analyze` on a streamed HAR. Each returns the text to append; nothing is kept.
// Text: the exchange blocks as they settle, the summary line last (its counts are only known at the end).
// JSON: the same document as the whole-file path (docs/report-schema.md), with `exchanges` streamed and
// `input`, `problems` and `counts` after it — JSON readers do not care about key order.
import { buildReport, REPORT_SCHEMA_VERSION, VERSION, type AnalysisReport, type ExchangeReport } from '../core';
import { formatText } from '../core/report';

export interface StreamWriter {
  /** Text for a batch of settled exchanges ('' when none of them is shown). */
  exchanges(batch: readonly ExchangeReport[]): string;
  /** The closing text, from the finished report (whose `exchanges` is empty: they were written already). */
  end(report: AnalysisReport): string;
}

const show = (onlyBlocked: boolean) => (x: ExchangeReport) => (onlyBlocked ? x.verdict === 'blocked' : true);

export function createTextWriter(opts: { name: string; color: boolean; onlyBlocked: boolean }): StreamWriter {
  // counts.cors 1: formatText's "no CORS requests" line must not follow a batch of exchanges.
  const blank = buildReport([], [], { flavour: 'other', entries: 0, creator: null }, { cors: 1, allowed: 0, blocked: 0, unknown: 0, notCors: 0 });
  let started = false;
  const open = () => {
    if (started) return '';
    started = true;
    return `${opts.name}: read as a stream; the summary follows the exchanges.\n`;
  };
  return {
    exchanges(batch) {
      const shown = batch.filter((x) => x.kind !== 'not-cors' && show(opts.onlyBlocked)(x));
      if (shown.length === 0) return '';
      // formatText's first line is the summary; each block follows after a blank line.
      const text = formatText({ ...blank, exchanges: shown }, opts);
      return open() + text.slice(text.indexOf('\n') + 1);
    },
    end(report) {
      return started ? `\n${formatText(report, opts)}` : formatText(report, opts);
    },
  };
}

export function createJsonWriter(opts: { onlyBlocked: boolean }): StreamWriter {
  let started = false;
  let first = true;
  const open = () => {
    if (started) return '';
    started = true;
    return `{\n  "schemaVersion": ${REPORT_SCHEMA_VERSION},\n  "tool": ${indent(JSON.stringify({ name: 'cors-lens', version: VERSION }, null, 2), '  ')},\n  "exchanges": [`;
  };
  return {
    exchanges(batch) {
      let out = '';
      for (const x of batch) {
        if (!show(opts.onlyBlocked)(x)) continue;
        out += `${first ? '\n' : ',\n'}    ${indent(JSON.stringify(x, null, 2), '    ')}`;
        first = false;
      }
      return out === '' ? '' : open() + out;
    },
    end(report) {
      const rest = (['input', 'problems', 'counts'] as const).map((k) => `  "${k}": ${indent(JSON.stringify(report[k], null, 2), '  ')}`);
      return `${open()}${first ? '' : '\n  '}],\n${rest.join(',\n')}\n}\n`;
    },
  };
}

/** JSON.stringify never leaves a raw newline inside a string, so re-indenting line starts is safe. */
function indent(json: string, by: string): string {
  return json.replaceAll('\n', `\n${by}`);
}
