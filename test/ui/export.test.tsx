// Export from the panel: the store's raw entries line up with the analysis (after clear and trim too), the
// dialog previews what will be removed, keeping secrets is an explicit opt-out, and Download / Copy hand on
// exactly what the core's renderReport makes (the CLI's code).
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { analyzeHar, renderReport } from '../../src/core';
import { panelHar, panelReport, renderExport } from '../../src/ui/export/panel-report';
import { applyClear, applySelect } from '../../src/ui/store';
import { API, PAGE, entry } from '../support/har-builder';
import { validateHar } from '../core/report/har-validator';
import { SECRET, demoEntries, mountLive, verdicts, waitFor, type Mounted } from './import-export-support';

let m: Mounted | null = null;
afterEach(() => {
  m?.panel.unmount();
  m = null;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const urlOf = (raw: unknown) => (raw as { request: { url: string } }).request.url;

describe('raw entries line up with the analysis', () => {
  test('entry i of the analysis is raw[i], after a clear and after the cap trims the oldest', () => {
    m = mountLive({ maxEntries: 10, trimTo: 6 });
    const store = m.panel.store;
    m.push(...demoEntries());
    act(() => applyClear(store));
    const many = Array.from({ length: 12 }, (_, i) =>
      entry({ url: `${API}/n${i}`, requestHeaders: { Origin: PAGE }, status: 200, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null, started: i }),
    );
    m.push(...many.slice(0, 8));
    m.push(...many.slice(8));
    expect(store.dropped.value).toBe(6);
    expect(store.raw).toHaveLength(6);
    store.raw.forEach((raw, i) => expect(store.analyzer.entry(i)?.url).toBe(urlOf(raw)));
    for (const x of store.exchanges.value) expect(urlOf(store.raw[x.actualEntry!])).toBe(x.url);
    expect(store.exchanges.value[0]!.id).toBe('x0');
  });

  test('the exported HAR re-analyses to the same verdicts, and validates as HAR 1.2', () => {
    m = mountLive();
    m.push(...demoEntries());
    const out = renderExport(m.panel.store, { format: 'har', scope: 'all', keepSecrets: false, keepBodies: false });
    const har = JSON.parse(out.text);
    expect(validateHar(har)).toEqual([]);
    const again = analyzeHar(har);
    expect(again.exchanges.map((x) => [x.method, x.url.replace(/X-Amz-Signature=[^&]+/, 'X-Amz-Signature=…'), x.verdict, x.corsError])).toEqual(
      verdicts(m.panel).map(([method, url, v, e]) => [method, url.replace(/X-Amz-Signature=[^&]+/, 'X-Amz-Signature=…'), v, e]),
    );
    expect(har.log.entries[0]._corsLens).toMatchObject({ exchangeId: 'x0', verdict: 'blocked', corsError: 'MissingAllowOriginHeader' });
  });

  test('the panel renders what the CLI would: same report, same text', () => {
    m = mountLive();
    const entries = demoEntries();
    m.push(...entries);
    const cli = renderReport(analyzeHar({ log: { version: '1.2', creator: { name: 'CORS Lens', version: '0' }, pages: [], entries } }), { log: { entries } }, { format: 'markdown', scope: 'blocked' });
    const panel = renderReport(panelReport(m.panel.store), panelHar(m.panel.store), { format: 'markdown', scope: 'blocked' });
    const body = (t: string) => t.split('\n').filter((l) => !/^_?Generated|cors-lens \d/.test(l)).join('\n');
    expect(body(panel.text)).toBe(body(cli.text));
  });

  test('the JSON export is the CLI\'s report schema 2, redacted: the same document as `cors-lens report --format json`', () => {
    m = mountLive();
    const entries = demoEntries();
    m.push(...entries);
    const out = renderExport(m.panel.store, { format: 'json', scope: 'all', keepSecrets: false, keepBodies: false });
    expect(out.fileName).toMatch(/-all\.json$/);
    expect(out.mimeType).toBe('application/json');
    expect(out.text).not.toContain(SECRET);
    const doc = JSON.parse(out.text);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.tables.hints.length).toBeGreaterThan(0);
    const harText = { log: { version: '1.2', creator: { name: 'CORS Lens', version: '0' }, pages: [], entries } };
    const cli = JSON.parse(renderReport(analyzeHar(harText), harText, { format: 'json' }).text);
    // The input's creator is the one thing the live panel does not know (it sees entries, not the log around them).
    expect({ ...doc, input: { ...doc.input, creator: null } }).toEqual({ ...cli, input: { ...cli.input, creator: null } });
  });

  test('live entries pointing at a page the panel never saw lose the dangling pageref (HAR stays valid)', () => {
    m = mountLive();
    m.push({ ...demoEntries()[0], pageref: 'page_3' });
    const har = JSON.parse(renderExport(m.panel.store, { format: 'har', scope: 'all', keepSecrets: false, keepBodies: false }).text);
    expect(har.log.entries[0].pageref).toBeUndefined();
    expect(validateHar(har)).toEqual([]);
  });
});

describe('the export dialog', () => {
  let downloads: Array<{ name: string; text: string; type: string }>;
  let clipboard: string[];
  beforeEach(() => {
    downloads = [];
    clipboard = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, b as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href)!;
      void blob.text().then((text) => downloads.push({ name: this.download, text, type: blob.type }));
    });
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void clipboard.push(t) } });
  });

  // The dialog's module is loaded when it is opened (LazyExportDialog): wait for it.
  const dialogOf = (root: HTMLElement) => waitFor(() => root.querySelector<HTMLElement>('[role=dialog]'), 'the export dialog');
  const open = async () => {
    m = mountLive();
    m.push(...demoEntries());
    act(() => m!.root.querySelector<HTMLButtonElement>('.tool.export')!.click());
    return dialogOf(m.root);
  };
  const click = (el: Element | null) => act(() => (el as HTMLElement).click());
  const check = (dialog: HTMLElement, name: string, on: boolean) =>
    act(() => {
      const box = dialog.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
      box.checked = on;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });

  test('opens from the toolbar with secrets and bodies redacted by default, and previews what goes', async () => {
    const dialog = await open();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.querySelector<HTMLInputElement>('input[name=keepSecrets]')!.checked).toBe(false);
    expect(dialog.querySelector<HTMLInputElement>('input[name=keepBodies]')!.checked).toBe(false);
    expect(dialog.querySelector('.warning')).toBeNull();
    // The blocked exchange holds every secret; "blocked" is the default scope when something is blocked.
    expect(dialog.querySelector<HTMLInputElement>('input[name=scope]:checked')!.value).toBe('blocked');
    const items = await waitFor(() => {
      const li = [...dialog.querySelectorAll('.redaction-preview li[data-kind]')];
      return li.length ? li.map((l) => [l.getAttribute('data-kind'), l.getAttribute('data-name')]) : null;
    }, 'the preview');
    expect(items).toEqual(expect.arrayContaining([['header', 'Authorization'], ['header', 'X-Api-Key'], ['query-param', 'X-Amz-Signature']]));
    expect(items.some(([k]) => k === 'cookie')).toBe(true);
    expect(dialog.querySelector('.redaction-preview .total')!.textContent).toMatch(/\d+ values replaced/);
    expect(dialog.querySelector('.redaction-preview .bodies')!.textContent).toMatch(/1 body dropped/);
  });

  test('Download saves the annotated HAR with no secret in it', async () => {
    const dialog = await open();
    click(dialog.querySelector('button.download'));
    const file = await waitFor(() => downloads[0], 'the download');
    expect(file.name).toMatch(/^cors-lens-\d{4}-\d\d-\d\dT\d\d-\d\d-blocked\.har$/);
    expect(file.type).toMatch(/^application\/json/);
    for (const secret of Object.values(SECRET)) expect(file.text).not.toContain(secret);
    expect(file.text).toContain('[redacted:');
    expect(JSON.parse(file.text).log.entries[0]._corsLens.corsError).toBe('MissingAllowOriginHeader');
    expect(dialog.querySelector('.outcome.ok')!.textContent).toContain(file.name);
  });

  test('keeping secrets is an explicit opt-out, with a warning, and then nothing is removed', async () => {
    const dialog = await open();
    check(dialog, 'keepSecrets', true);
    expect(dialog.querySelector('.warning[role=alert]')!.textContent).toMatch(/Secrets will be KEPT/);
    await waitFor(() => dialog.querySelector('.redaction-preview .kept'), 'the kept preview');
    check(dialog, 'keepBodies', true);
    click(dialog.querySelector('button.download'));
    const file = await waitFor(() => downloads[0], 'the download');
    expect(file.text).toContain(SECRET.bearer);
    expect(file.text).toContain('Forbidden');
  });

  test('Markdown and HTML, scoped to the selected exchange; Copy puts the Markdown on the clipboard', async () => {
    m = mountLive();
    m.push(...demoEntries());
    const put = m.panel.store.exchanges.value.find((x) => x.method === 'PUT')!;
    act(() => applySelect(m!.panel.store, put.id));
    act(() => m!.root.querySelector<HTMLButtonElement>('.tool.export')!.click());
    const dialog = await dialogOf(m.root);
    expect(dialog.querySelector<HTMLInputElement>('input[name=scope]:checked')!.value).toBe('selected');
    act(() => {
      const select = dialog.querySelector<HTMLSelectElement>('select[name=format]')!;
      select.value = 'markdown';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(dialog.querySelector('button.copy-report')!.textContent).toBe('Copy Markdown');
    click(dialog.querySelector('button.copy-report'));
    const md = await waitFor(() => clipboard[0], 'the clipboard');
    expect(md).toContain('| # | Method | URL | Verdict |');
    expect(md).toContain(`${API}/put`);
    expect(md).not.toContain('/private');
    expect(dialog.querySelector('.outcome.ok')!.textContent).toMatch(/Copied/);

    act(() => {
      const select = dialog.querySelector<HTMLSelectElement>('select[name=format]')!;
      select.value = 'html';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click(dialog.querySelector('button.download'));
    const html = await waitFor(() => downloads[0], 'the HTML download');
    expect(html.name).toMatch(new RegExp(`-${put.id}\\.html$`));
    expect(html.text).toContain('Content-Security-Policy');
    expect(html.text).not.toMatch(/<script/i);
  });

  test('when downloads are impossible the report goes to the clipboard, and the dialog says so', async () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      throw new Error('blocked');
    });
    const dialog = await open();
    await act(async () => {
      (dialog.querySelector('button.download') as HTMLElement).click();
    }).catch(() => undefined);
    // createObjectURL throwing is caught by downloadText's caller path: the copy fallback runs.
    const copied = await waitFor(() => clipboard[0], 'the clipboard fallback');
    expect(JSON.parse(copied).log.entries.length).toBeGreaterThan(0);
    expect(dialog.querySelector('.outcome.warn')!.textContent).toMatch(/copied to the clipboard instead/);
  });

  test('Escape closes the dialog without closing the detail behind it, and focus returns to Export', async () => {
    m = mountLive();
    m.push(...demoEntries());
    act(() => applySelect(m!.panel.store, 'x0'));
    act(() => m!.root.querySelector<HTMLButtonElement>('.tool.export')!.click());
    const dialog = await dialogOf(m.root);
    act(() => {
      dialog.querySelector('select')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(m.root.querySelector('[role=dialog]')).toBeNull();
    expect(m.panel.store.selectedId.value).toBe('x0');
    expect(document.activeElement?.classList.contains('export')).toBe(true);
  });
});

describe('the export dialog sizes the Markdown for an issue (issue 12, item 7)', () => {
  const select = (dialog: HTMLElement, name: string, value: string) =>
    act(() => {
      const el = dialog.querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });

  test('shows the size, uses the picked toolchain, and names no repository path', async () => {
    m = mountLive();
    m.push(...demoEntries());
    act(() => {
      m!.panel.store.toolchain.value = 'terraform';
    });
    act(() => m!.root.querySelector<HTMLButtonElement>('.tool.export')!.click());
    const dialog = await waitFor(() => m!.root.querySelector<HTMLElement>('.export-dialog'), 'the dialog');
    expect(dialog.textContent).not.toMatch(/docs\/|report-formats/);
    select(dialog, 'format', 'markdown');
    expect(dialog.querySelector<HTMLSelectElement>('select[name=toolchain]')!.value).toBe('terraform');
    const chars = await waitFor(() => dialog.querySelector('.export-size[data-chars]')?.getAttribute('data-chars'), 'the size');
    const expected = renderExport(m.panel.store, { format: 'markdown', scope: 'blocked', keepSecrets: false, keepBodies: false, toolchain: 'terraform' }).text;
    expect(Number(chars)).toBe([...expected].length);
    expect(dialog.querySelector('.export-size')!.textContent).toMatch(/characters \(a GitHub issue takes up to 65,536\)/);
    expect(expected).toContain("> Fixes: terraform");

    select(dialog, 'toolchain', 'all');
    const all = await waitFor(() => {
      const v = Number(dialog.querySelector('.export-size[data-chars]')?.getAttribute('data-chars'));
      return v > Number(chars) ? v : null;
    }, 'the size with every toolchain');
    expect(all).toBeGreaterThan(Number(chars));
    select(dialog, 'format', 'html');
    expect(dialog.querySelector('select[name=toolchain]')).toBeNull();
  });
});
