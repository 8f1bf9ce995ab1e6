// Cases the property tests found, kept as plain tests so they stay fixed whatever the generators become.
import { describe, expect, test } from 'vitest';
import { analyzeHar, renderReport } from '../../src/core';
import { API, PAGE } from './arbitraries';

const harOf = (...entries: unknown[]) => ({ log: { version: '1.2', creator: { name: 'fuzz', version: '0' }, entries } });
const blocked = (url: string, extra: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-11-24T18:00:00.000Z', time: 1,
  request: { method: 'GET', url, headers: [{ name: 'Origin', value: PAGE }] },
  response: { status: 403, headers: [{ name: 'Server', value: 'AmazonS3' }], content: { size: 0, mimeType: '' }, redirectURL: '', _error: 'net::ERR_FAILED' },
  _resourceType: 'fetch', ...extra,
});

describe('found by test/fuzz', () => {
  test('a header whose name or value is an object without a usable toString is exported as empty text', () => {
    const entry = blocked(`${API}/a`);
    (entry.response.headers as unknown[]).push({ name: Object.create(null), value: { toString: 1 } });
    const har = harOf(entry);
    const report = analyzeHar(har);
    for (const format of ['har', 'markdown', 'html', 'json'] as const) expect(() => renderReport(report, har, { format })).not.toThrow();
  });
  test.each(['-1e300', '1e300', 'Infinity'])('an S3 presigned URL with X-Amz-Expires=%s is analysed (no date out of range)', (expires) => {
    const url = `https://bucket.s3.us-east-1.amazonaws.com/k?X-Amz-Date=20261124T180000Z&X-Amz-Expires=${expires}&X-Amz-Signature=abcdef0123`;
    const [x] = analyzeHar(harOf(blocked(url))).exchanges;
    expect(x.verdict).toBe('blocked');
    expect(x.hints.map((h) => h.id)).toContain('S3-03');
  });
});
