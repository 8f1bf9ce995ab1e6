// A streamed Markdown report keeps, of an exchange with no section, only MARKDOWN_ROW_FIELDS (src/cli/report-stream.ts):
// its row must read nothing else.
import { describe, expect, test } from 'vitest';
import { MARKDOWN_ROW_FIELDS, createMarkdownWriter, hasMarkdownSection } from '../../../src/core/report';
import type { ExchangeReport } from '../../../src/core/types';
import { corpusReport } from '../redact/corpus';
import { exchange } from './report-factory';

const rowFields = (x: ExchangeReport): ExchangeReport =>
  Object.fromEntries(Object.keys(x).filter((k) => MARKDOWN_ROW_FIELDS.has(k)).map((k) => [k, (x as unknown as Record<string, unknown>)[k]])) as unknown as ExchangeReport;

const writer = () => createMarkdownWriter({ scope: 'all', redaction: { secretsRedacted: true, bodiesDropped: true, total: 0, distinct: 0, bodies: 0, byKind: {} as never, items: [] } });

const rowOnlyExchanges: ExchangeReport[] = [
  ...corpusReport().exchanges,
  exchange({ verdict: 'allowed', hiddenStatus: { status: 503, statusText: 'Service Unavailable', stage: 'actual', sentence: 'hidden' } as never }),
  exchange({ verdict: 'unknown', unknownReason: 'no response headers' } as never),
  exchange({ verdict: 'unknown' } as never),
  exchange({ kind: 'not-cors', verdict: 'allowed', notCorsReason: 'same origin' } as never),
  exchange({ verdict: 'allowed', corsError: 'PreflightInvalidStatus', failedParameter: '404' } as never),
].filter((x) => !hasMarkdownSection(x));

describe('Markdown rows of exchanges without a section', () => {
  test('there are such exchanges of every kind of row', () => {
    expect(rowOnlyExchanges.map((x) => x.verdict)).toEqual(expect.arrayContaining(['allowed', 'unknown']));
  });

  test.each(rowOnlyExchanges.map((x, i) => [i, x] as const))('exchange %i: its row fields alone give the same row and no section', (_i, x) => {
    const w = writer();
    expect(w.row(rowFields(x), 7)).toBe(w.row(x, 7));
    expect(w.section(rowFields(x), 7, () => undefined)).toEqual([]);
  });

  test('a blocked exchange has a section', () => {
    expect(hasMarkdownSection(exchange({ verdict: 'blocked' }))).toBe(true);
  });
});
