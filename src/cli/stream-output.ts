// The incremental writer of `analyze --format json --schema 1` (kept for one release; docs/report-schema.md):
// the version 1 document with `exchanges` streamed and `input`, `problems` and `counts` after it — JSON readers do
// not care about key order. Version 2 and NDJSON are written by the core (src/core/report/json-v2.ts).
import { REPORT_SCHEMA_VERSION, VERSION, type AnalysisReport, type ExchangeReport } from '../core';

interface StreamWriter {
  /** Text for a batch of settled exchanges ('' when none of them is shown). */
  exchanges(batch: readonly ExchangeReport[]): string;
  /** The closing text, from the finished report (whose `exchanges` is empty: they were written already). */
  end(report: Pick<AnalysisReport, 'input' | 'problems' | 'counts' | 'apis' | 'findings'>): string;
}

/** Writes every exchange it is given (the caller leaves out what `--only-blocked` hides). */
export function createJsonWriter(): StreamWriter {
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
        out += `${first ? '\n' : ',\n'}    ${indent(JSON.stringify(x, null, 2), '    ')}`;
        first = false;
      }
      return out === '' ? '' : open() + out;
    },
    end(report) {
      const rest = (['input', 'problems', 'counts', ...(report.apis ? (['apis', 'findings'] as const) : [])] as const).map((k) => `  "${k}": ${indent(JSON.stringify(report[k], null, 2), '  ')}`);
      return `${open()}${first ? '' : '\n  '}],\n${rest.join(',\n')}\n}\n`;
    },
  };
}

/** JSON.stringify never leaves a raw newline inside a string, so re-indenting line starts is safe. */
function indent(json: string, by: string): string {
  return json.replaceAll('\n', `\n${by}`);
}
