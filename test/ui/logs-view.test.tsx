// "Find it in the logs" in the panel's detail: it comes with the hint engine (loaded on demand), filled from
// the capture, with a copy button per snippet; nothing for an exchange no AWS service answered.
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { analyzeHar } from '../../src/core';
import { logsPlan } from '../../src/ui/hint-engine';
import { applySelect } from '../../src/ui/store';
import { readHar } from '../../src/core/har/read';
import { har } from '../support/har-builder';
import { PAGE, entry } from '../support/har-builder';
import { demoEntries, mountLive, waitFor, type Mounted } from './import-export-support';

let m: Mounted | null = null;
afterEach(() => {
  m?.panel.unmount();
  m = null;
  document.body.innerHTML = '';
});

const gateway403 = entry({
  url: 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/prod/items',
  requestHeaders: { Origin: PAGE },
  status: 403,
  resourceType: 'fetch',
  error: 'net::ERR_FAILED',
  started: 30,
  responseHeaders: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'a1b2c3d4-5678-90ab-cdef-abc123456789', 'x-amzn-ErrorType': 'ForbiddenException', 'x-amz-apigw-id': 'auoHWG1eIAMEFcQ=' },
});

describe('logsPlan (the hint engine chunk)', () => {
  test('completes the panel analyser\'s exchange (no hints, no fingerprints) and plans from it', () => {
    const file = har(gateway403);
    const core = analyzeHar(file, { hints: false }).exchanges[0];
    expect(core.fingerprints).toEqual([]);
    const observed = readHar(file).entries;
    const plan = logsPlan(core, (i) => observed.find((e) => e.index === i));
    expect(plan?.sources.map((s) => s.source)).toEqual(['apigw-rest-execution', 'apigw-rest-access', 'lambda']);
  });
});

describe('LogsView', () => {
  for (const hintsOnDemand of [true, false]) {
    test(`shows the log sources of a blocked API Gateway answer, filled from the capture (hints on demand: ${hintsOnDemand})`, async () => {
      m = mountLive({ hintsOnDemand });
      m.push(...demoEntries(), gateway403);
      const x = m.panel.store.exchanges.value.find((e) => e.url.includes('execute-api'))!;
      act(() => applySelect(m!.panel.store, x.id));
      const section = await waitFor(() => m!.root.querySelector<HTMLElement>('.detail section.logs'), 'the logs section');
      expect(section.querySelector('h3')!.textContent).toBe('Find it in the logs');
      const sources = [...section.querySelectorAll('details.log-source')].map((d) => d.getAttribute('data-log-source'));
      expect(sources).toEqual(['apigw-rest-execution', 'apigw-rest-access', 'lambda']);
      const filter = section.querySelector('[data-log-source="apigw-rest-execution"] [data-log-snippet="filter"] pre')!.textContent!;
      expect(filter).toContain('--region eu-west-1 --log-group-name API-Gateway-Execution-Logs_abc123defg/prod');
      expect(filter).toContain('"a1b2c3d4-5678-90ab-cdef-abc123456789"');
      const link = section.querySelector<HTMLAnchorElement>('[data-log-snippet="console"] a')!;
      expect(link.href).toMatch(/^https:\/\/eu-west-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=eu-west-1#logsV2:/);
      expect(link.rel).toBe('noreferrer');
      expect(section.querySelectorAll('.log-snippet button.copy').length).toBeGreaterThan(5);
      // The hints section is unchanged by it: .fix counts only the fixes.
      expect(m.root.querySelectorAll('.detail section.logs .fix').length).toBe(0);
    });
  }

  test('nothing for an exchange no AWS service answered', async () => {
    m = mountLive({ hintsOnDemand: true });
    const plain = entry({ url: 'https://api.example.org/items', requestHeaders: { Origin: PAGE }, status: 200, resourceType: 'fetch', error: 'net::ERR_FAILED', started: 40, responseHeaders: { 'Content-Type': 'application/json' } });
    m.push(...demoEntries(), gateway403, plain);
    const gw = m.panel.store.exchanges.value.find((e) => e.url.includes('execute-api'))!;
    act(() => applySelect(m!.panel.store, gw.id));
    await waitFor(() => m!.root.querySelector('.detail section.logs'), 'the logs section');
    const other = m.panel.store.exchanges.value.find((e) => e.url.includes('api.example.org'))!;
    expect(other.verdict).toBe('blocked');
    act(() => applySelect(m!.panel.store, other.id));
    await waitFor(() => (m!.root.querySelector('.detail .hint') ? true : null), 'the generic hint');
    expect(m.root.querySelector('.detail section.logs')).toBeNull();
  });
});
