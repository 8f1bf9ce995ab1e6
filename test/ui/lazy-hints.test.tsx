// Hints on demand, as the extension panel runs: its analyser has no hint engine (createAnalyzer({ hints: false }));
// the detail loads the engine when it shows an exchange that can have hints, and exports compute the hints of what
// they carry — the same hints an analyser with the engine (and `cors-lens analyze`) gives.
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { analyzeHar, renderReport } from '../../src/core';
import { panelHar, panelReport, renderExport } from '../../src/ui/export/panel-report';
import { applySelect } from '../../src/ui/store';
import { PAGE, entry, har } from '../support/har-builder';
import { demoEntries, mountLive, waitFor, type Mounted } from './import-export-support';

let m: Mounted | null = null;
afterEach(() => {
  m?.panel.unmount();
  m = null;
  document.body.innerHTML = '';
});

/** API Gateway's own 403 without CORS headers (APIGW-R05), after the demo's three exchanges. */
function entries(): Array<Record<string, unknown>> {
  return [
    ...demoEntries(),
    entry({
      url: 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items',
      requestHeaders: { Origin: PAGE },
      status: 403,
      resourceType: 'fetch',
      error: 'net::ERR_FAILED',
      started: 30,
      responseHeaders: { 'Content-Type': 'application/json', 'x-amzn-RequestId': '9f1c-11', 'x-amzn-ErrorType': 'ForbiddenException', 'x-amz-apigw-id': 'Ab1=' },
      body: '{"message":"Forbidden"}',
    }),
  ];
}

const ids = (hints: ReadonlyArray<{ id: string }>) => hints.map((h) => h.id);
const shownHints = (root: HTMLElement) => [...root.querySelectorAll('.detail .hint')].map((h) => h.getAttribute('data-hint-id'));

describe('the detail, with hints on demand', () => {
  test('shows "Loading fixes…", then the hints the core gives, and leaves the store’s exchange as it was', async () => {
    m = mountLive({ hintsOnDemand: true });
    m.push(...entries());
    const store = m.panel.store;
    const gateway = store.exchanges.value.find((x) => x.url.includes('execute-api'))!;
    expect(gateway).toMatchObject({ verdict: 'blocked', hints: [], fingerprints: [] });
    const expected = analyzeHar(har(...entries())).exchanges.find((x) => x.id === gateway.id)!;
    expect(ids(expected.hints)).toContain('APIGW-R05');

    act(() => applySelect(store, gateway.id));
    // The first exchange with hints loads the engine: the section says so meanwhile.
    expect(m.root.querySelector('.detail .hints .hints-loading')!.textContent).toBe('Loading fixes…');
    expect(m.root.querySelector('.detail .hints')!.getAttribute('aria-busy')).toBe('true');
    const shown = await waitFor(() => (shownHints(m!.root).length ? shownHints(m!.root) : null), 'the hints');
    expect(shown).toEqual(ids(expected.hints));
    expect(m.root.querySelector('.hints-loading')).toBeNull();
    // Fixes per toolchain come along: the picker offers the AWS toolchains of the first hint.
    expect(m.root.querySelector('.detail .hints select')).not.toBeNull();
    expect(m.root.querySelectorAll('.detail .fix').length).toBeGreaterThan(0);
    // The store's exchange is not changed (hints are computed on a copy).
    expect(store.exchanges.value.find((x) => x.id === gateway.id)).toBe(gateway);
    expect(gateway.hints).toEqual([]);

    // Once loaded, the next exchange's hints are there at once, without a loading state.
    const other = store.exchanges.value.find((x) => x.id === 'x0')!;
    act(() => applySelect(store, other.id));
    expect(m.root.querySelector('.hints-loading')).toBeNull();
    expect(shownHints(m.root)).toEqual(ids(analyzeHar(har(...entries())).exchanges.find((x) => x.id === 'x0')!.hints));
    expect(shownHints(m.root).length).toBeGreaterThan(0);
  });

  test('an allowed exchange needs no hint engine: no loading state, "Nothing to fix"', () => {
    m = mountLive({ hintsOnDemand: true });
    m.push(...entries());
    const put = m.panel.store.exchanges.value.find((x) => x.method === 'PUT')!;
    act(() => applySelect(m!.panel.store, put.id));
    expect(m.root.querySelector('.hints-loading')).toBeNull();
    expect(m.root.querySelector('.detail .hints')).toBeNull();
    expect(m.root.querySelector('.detail [data-answer=nothing-to-fix]')!.textContent).toContain('Nothing to fix');
  });
});

describe('exports, with hints on demand', () => {
  test('the report is the one analyzeHar makes of the exported entries: same verdicts, same hints', () => {
    m = mountLive({ hintsOnDemand: true });
    m.push(...entries());
    const store = m.panel.store;
    expect(store.exchanges.value.every((x) => x.hints.length === 0)).toBe(true);
    const report = panelReport(store);
    const again = analyzeHar(panelHar(store));
    expect(report.exchanges).toEqual(again.exchanges);
    expect(report.exchanges.filter((x) => x.verdict === 'blocked').every((x) => x.hints.length > 0)).toBe(true);
    // Still the store's own exchanges, untouched.
    expect(store.exchanges.value.every((x) => x.hints.length === 0)).toBe(true);
  });

  test('the annotated HAR and the Markdown carry the hints, as the CLI writes them', () => {
    m = mountLive({ hintsOnDemand: true });
    const all = entries();
    m.push(...all);
    const cli = analyzeHar(har(...all));
    const out = JSON.parse(renderExport(m.panel.store, { format: 'har', scope: 'blocked', keepSecrets: false, keepBodies: false }).text);
    const annotated = (out.log.entries as Array<{ _corsLens?: { exchangeId: string; role: string; hints: Array<{ id: string }> } }>)
      .map((e) => e._corsLens)
      .filter((a) => a?.role === 'actual');
    expect(annotated.length).toBe(2);
    for (const a of annotated) expect(ids(a!.hints)).toEqual(ids(cli.exchanges.find((x) => x.id === a!.exchangeId)!.hints));
    expect(annotated.some((a) => ids(a!.hints).includes('APIGW-R05'))).toBe(true);

    const markdown = renderExport(m.panel.store, { format: 'markdown', scope: 'blocked', keepSecrets: false, keepBodies: false }).text;
    const expected = renderReport(cli, har(...all), { format: 'markdown', scope: 'blocked' }).text;
    const body = (t: string) => t.split('\n').filter((l) => !/^_?Generated|cors-lens \d/.test(l)).join('\n');
    expect(body(markdown)).toBe(body(expected));
    expect(markdown).toContain('APIGW-R05');
  });

  test('the selected exchange alone: its hints are exported', () => {
    m = mountLive({ hintsOnDemand: true });
    m.push(...entries());
    const gateway = m.panel.store.exchanges.value.find((x) => x.url.includes('execute-api'))!;
    act(() => applySelect(m!.panel.store, gateway.id));
    const out = JSON.parse(renderExport(m.panel.store, { format: 'har', scope: 'selected', keepSecrets: false, keepBodies: false }).text);
    expect(out.log.entries).toHaveLength(1);
    expect(ids(out.log.entries[0]._corsLens.hints)).toContain('APIGW-R05');
  });
});
