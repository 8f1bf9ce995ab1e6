// The JSON report, schema version 2 (docs/report-schema.md): what repeats is in tables and written once, nothing of
// version 1 is lost (a v2 reader rebuilds it), and NDJSON defines every table row before the line that uses it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHar, type AnalysisReport } from '../../../src/core';
import { TABLE_NAMES, createNdjsonWriter, expandReportV2, readNdjsonV2, reportToJsonV2, type AnalysisReportV2 } from '../../../src/core/report';
import { API, PAGE, entry, har, preflight } from '../../support/har-builder';
import { createV2Encoder } from '../../../src/core/report/json-v2';

const AWS = 'test/fixtures/aws';
const awsReports = readdirSync(AWS)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, analyzeHar(JSON.parse(readFileSync(`${AWS}/${f}`, 'utf8')).har)] as const);
/** A report as a version 1 reader got it: through JSON. */
const asJson = (r: AnalysisReport) => JSON.parse(JSON.stringify(r));
const ndjson = (r: AnalysisReport) => {
  const w = createNdjsonWriter();
  return (w.exchanges(r.exchanges) + w.end(r)).split('\n').filter(Boolean);
};

/** `n` blocked PUTs to one route, each with its preflight: the same failure, checklist and hints every time. */
function blockedRun(n: number): AnalysisReport {
  const entries = [];
  for (let i = 0; i < n; i++) {
    const url = `${API}/items/${i}`;
    entries.push(preflight(url, 'PUT', { headers: {} }, { requestHeaders: 'content-type', started: i * 1000 }));
    entries.push(entry({ method: 'PUT', url, started: i * 1000 + 1, requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' }, status: 0, resourceType: 'fetch', error: 'net::ERR_FAILED' }));
  }
  return analyzeHar(JSON.stringify(har(...entries)));
}

describe('version 2 keeps everything version 1 had', () => {
  test.each(awsReports)('%s: expanding the document gives the version 1 report back', (_, report) => {
    const doc = JSON.parse(reportToJsonV2(report)) as AnalysisReportV2;
    expect(doc.schemaVersion).toBe(2);
    expect(asJson(expandReportV2(doc))).toEqual(asJson(report));
  });

  test.each(awsReports.slice(0, 20))('%s: NDJSON reads back to the same document', (_, report) => {
    expect(readNdjsonV2(ndjson(report))).toEqual(JSON.parse(reportToJsonV2(report)));
  });
});

describe('what repeats is written once', () => {
  test('ten times the same blocked request: the tables do not grow, and each exchange is a small fraction of version 1', () => {
    const one = JSON.parse(reportToJsonV2(blockedRun(1))) as AnalysisReportV2;
    const ten = JSON.parse(reportToJsonV2(blockedRun(10))) as AnalysisReportV2;
    expect(ten.counts.blocked).toBe(10);
    expect(ten.exchanges[0].hints.length).toBeGreaterThan(0);
    // Only the summary and pairing sentences can name the request (its URL), nothing else grows.
    for (const t of TABLE_NAMES.filter((t) => t !== 'texts')) expect([t, ten.tables[t].length]).toEqual([t, one.tables[t].length]);
    const v1PerExchange = JSON.stringify(blockedRun(10).exchanges[1]).length;
    const v2PerExchange = JSON.stringify(ten.exchanges[1]).length;
    expect(v2PerExchange * 4).toBeLessThan(v1PerExchange);
  });

  test('a shared object (the same fix block or spec step in many exchanges) and an equal copy of it are one row', () => {
    const report = blockedRun(3);
    const x = report.exchanges.find((e) => e.verdict === 'blocked' && e.hints.length > 0)!;
    const encoder = createV2Encoder();
    const first = encoder.exchange(x);
    const again = encoder.exchange(x);
    const copy = encoder.exchange(JSON.parse(JSON.stringify(x)));
    expect(again).toEqual(first);
    expect(copy).toEqual(first);
    for (const t of TABLE_NAMES) expect(new Set(encoder.tables[t].map((r) => JSON.stringify(r))).size).toBe(encoder.tables[t].length);
    expect(encoder.tables.hints).toHaveLength(x.hints.length);
  });

  test('no table row is written twice', () => {
    for (const [, report] of awsReports) {
      const doc = JSON.parse(reportToJsonV2(report)) as AnalysisReportV2;
      for (const t of TABLE_NAMES) {
        const rows = doc.tables[t].map((r) => JSON.stringify(r));
        expect(new Set(rows).size).toBe(rows.length);
      }
    }
  });

  test('every reference points at a row that exists', () => {
    for (const [, report] of awsReports) {
      const doc = JSON.parse(reportToJsonV2(report)) as AnalysisReportV2;
      const { tables: t } = doc;
      for (const x of doc.exchanges) {
        expect(t.texts[x.summary]).toBeTypeOf('string');
        for (const c of x.checks) expect(t.specs[t.checks[c].spec]).toBeDefined();
        for (const f of x.allFailures) expect(t.texts[t.failures[f.failure].message]).toBeTypeOf('string');
        for (const h of x.hints) for (const f of t.hints[h].fixes) expect(t.fixes[f].snippet).toBeTypeOf('string');
      }
    }
  });
});

describe('NDJSON', () => {
  test('one object per line: a header, each table row before its first use, exchanges, APIs, an end line', () => {
    const [, report] = awsReports.find(([, r]) => r.counts.blocked > 0 && (r.apis?.length ?? 0) > 0)!;
    const lines = ndjson(report).map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'header', schemaVersion: 2 });
    expect(lines.at(-1)).toMatchObject({ type: 'end', counts: report.counts });
    const seen = new Map<string, Set<number>>(TABLE_NAMES.map((t) => [t, new Set()]));
    const has = (t: string, id: number) => expect(seen.get(t)!.has(id), `${t}[${id}]`).toBe(true);
    for (const line of lines) {
      if (line.type === 'table') {
        // A row refers only to rows of earlier tables, already defined.
        const v = line.value;
        if (line.table === 'checks') has('specs', v.spec);
        if (line.table === 'failures') has('texts', v.message);
        if (line.table === 'hints') for (const f of v.fixes) has('fixes', f);
        seen.get(line.table)!.add(line.id);
      } else if (line.type === 'exchange') {
        const x = line.value;
        has('texts', x.summary);
        has('texts', x.pairing.detail);
        for (const c of x.checks) has('checks', c);
        for (const f of x.allFailures) has('failures', f.failure);
        for (const h of x.hints) has('hints', h);
        if (x.preflightReason !== null) has('preflightReasons', x.preflightReason);
      } else if (line.type === 'api') for (const fix of line.value.fixes) for (const f of fix.fixes) has('fixes', f);
    }
    expect(lines.filter((l) => l.type === 'exchange')).toHaveLength(report.exchanges.length);
  });
});
