// What the panel does when a module it loads on demand cannot be loaded (an extension updated under an open
// DevTools, a broken build): it says so where the module was wanted, and keeps running.
import { afterEach, expect, test, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { applySelect } from '../../src/ui/store';
import { demoEntries, mountLive, waitFor, type Mounted } from './import-export-support';

vi.mock('../../src/ui/hint-engine', () => {
  throw new Error('hint-engine.js: failed to fetch');
});
vi.mock('../../src/ui/components/ExportDialog', () => {
  throw new Error('ExportDialog.js: failed to fetch');
});
vi.mock('../../src/ui/import/har-file-source', () => {
  throw new Error('har-file-source.js: failed to fetch');
});

let m: Mounted | null = null;
afterEach(() => {
  m?.panel.unmount();
  m = null;
  document.body.innerHTML = '';
});

test('the hint engine: an error line in the detail, the rest of the detail shown', async () => {
  m = mountLive({ hintsOnDemand: true });
  m.push(...demoEntries());
  act(() => applySelect(m!.panel.store, 'x0'));
  const error = await waitFor(() => m!.root.querySelector('.detail .hints .hints-error'), 'the error line');
  expect(error.getAttribute('role')).toBe('alert');
  expect(error.textContent).toMatch(/^The fixes could not be loaded: .+/);
  expect(m.root.querySelector('.detail .summary-sentence')!.textContent).not.toBe('');
  expect(m.root.querySelector('.detail [data-curl=actual]')).not.toBeNull();
  // The panel keeps working: another row, the list.
  act(() => applySelect(m!.panel.store, 'x1'));
  expect(m.root.querySelector('.detail')!.getAttribute('data-exchange-id')).toBe('x1');
  expect(m.root.querySelectorAll('.rows [role=row]').length).toBe(2);
});

test('the export dialog: an error line and a Close button', async () => {
  m = mountLive();
  m.push(...demoEntries());
  act(() => m!.root.querySelector<HTMLButtonElement>('.tool.export')!.click());
  expect(m.root.querySelector('.export-loading .busy')!.textContent).toBe('Loading the export…');
  const error = await waitFor(() => m!.root.querySelector('.export-loading .outcome.error'), 'the error line');
  expect(error.textContent).toMatch(/^The export could not be loaded: .+/);
  expect(m.root.querySelector('[role=dialog]')).toBeNull();
  act(() => m!.root.querySelector<HTMLButtonElement>('.export-loading button.close')!.click());
  expect(m.root.querySelector('.export-backdrop')).toBeNull();
  expect(m.root.querySelectorAll('.rows [role=row]').length).toBe(2);
});

test('an import: the banner says the file could not be read, and live capture is one click away', async () => {
  m = mountLive();
  m.push(...demoEntries());
  const input = m.root.querySelector<HTMLInputElement>('input[type=file].import-file')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File(['{"log":{"entries":[]}}'], 'capture.har')] });
  act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  const banner = await waitFor(() => m!.root.querySelector('.import-banner[data-status=failed]'), 'the failed import');
  expect(banner.querySelector('.import-error')!.textContent).toMatch(/^Could not read the whole file: the importer could not be loaded \(.+\)\./);
  act(() => m!.root.querySelector<HTMLElement>('.back-to-live')!.click());
  expect(m.root.querySelector('.import-banner')).toBeNull();
});
