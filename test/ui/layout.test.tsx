// The panel at any size: columns that hide by priority (the verdict never), a splitter remembered in storage,
// a narrow panel that shows the detail over the list with a back control, a toolbar that never wraps.
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { fitColumns } from '../../src/ui/components/RequestList';
import { SETTINGS } from '../../src/ui/connect';
import { mountPanel, type MountedPanel } from '../../src/ui/mount';
import { createManualSource, createMemoryStorage } from '../../src/ui/source';
import { readLayout } from '../../src/ui/store';
import { createFakeAnalyzer, report } from './support/fake-analyzer';

let mounted: MountedPanel | null = null;
let restoreWidth: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  restoreWidth?.();
  restoreWidth = null;
  document.body.innerHTML = '';
});

/** happy-dom lays nothing out: every element reports `width` px wide. */
function pretendWidth(width: number) {
  const own = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  restoreWidth = () => {
    if (own) Object.defineProperty(HTMLElement.prototype, 'clientWidth', own);
    else delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  };
}

function setup(width: number, stored: Record<string, unknown> = {}) {
  pretendWidth(width);
  const source = createManualSource('Test');
  const storage = createMemoryStorage(stored);
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    mounted = mountPanel(root, { source, storage, theme: { current: () => 'light' } }, { analyzer: createFakeAnalyzer(), batchMs: 0 });
  });
  act(() =>
    source.push([
      { report: report({ id: 'x1', verdict: 'blocked', corsError: 'MissingAllowOriginHeader', url: 'https://abc.execute-api.us-east-1.amazonaws.com/prod/items?id=1' }) },
      { report: report({ id: 'x2' }) },
    ]),
  );
  return { root, storage };
}
const tick = (ms = 0) => act(() => new Promise((r) => setTimeout(r, ms)));

describe('columns by priority', () => {
  test('all columns when there is room', () => {
    expect([...fitColumns(1200, {}).shown]).toEqual(['name', 'method', 'status', 'verdict', 'preflight', 'time']);
  });
  test('Time goes first, then Preflight; the verdict shrinks before Method and Status go', () => {
    expect([...fitColumns(700, {}).shown]).toEqual(['name', 'method', 'status', 'verdict', 'preflight']);
    expect([...fitColumns(600, {}).shown]).toEqual(['name', 'method', 'status', 'verdict']);
    const at500 = fitColumns(500, {});
    expect([...at500.shown]).toEqual(['name', 'method', 'status', 'verdict']);
    expect(at500.widths.verdict).toBe(186);
    expect([...fitColumns(330, {}).shown]).toEqual(['name', 'verdict']);
  });
  test('the verdict never hides, however narrow', () => {
    const tiny = fitColumns(200, {});
    expect(tiny.shown.has('verdict')).toBe(true);
    expect(tiny.widths.verdict).toBe(96);
  });
  test('a width the user dragged a column to is kept', () => {
    expect(fitColumns(1200, { time: 140 }).widths.time).toBe(140);
  });
  test('a stored layout is read defensively', () => {
    expect(readLayout({ listWidth: 480.4, columns: { time: 130, name: 'x', verdict: -5 } })).toEqual({ listWidth: 480, columns: { time: 130 } });
    expect(readLayout('garbage')).toEqual({ listWidth: null, columns: {} });
  });
});

describe('a wide panel', () => {
  test('the Name column shows path and query; the host beside it', () => {
    const { root } = setup(1200);
    const name = root.querySelector('[data-exchange-id=x1] .c-name')!;
    expect(name.querySelector('.name-path')!.textContent).toBe('/prod/items?id=1');
    expect(name.querySelector('.name-host')!.textContent).toBe('abc.execute-api.us-east-1.amazonaws.com');
  });

  test('the splitter moves with the keyboard and is remembered in storage', async () => {
    const { root, storage } = setup(1200);
    act(() => root.querySelector<HTMLElement>('[data-exchange-id=x1]')!.click());
    const splitter = root.querySelector<HTMLElement>('.splitter')!;
    expect(splitter.getAttribute('role')).toBe('separator');
    await tick(0); // settings loaded
    act(() => void splitter.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })));
    const width = mounted!.store.layout.value.listWidth;
    expect(width).not.toBeNull();
    expect(root.querySelector<HTMLElement>('.list-pane')!.style.flexBasis).toBe(`${width}px`);
    await tick(300);
    expect(await storage.get(SETTINGS.layout)).toEqual({ listWidth: width, columns: {} });
  });

  test('a remembered layout is applied at start', async () => {
    const { root } = setup(1200, { [SETTINGS.layout]: { listWidth: 640, columns: { status: 120 } } });
    await tick(0);
    act(() => root.querySelector<HTMLElement>('[data-exchange-id=x1]')!.click());
    expect(root.querySelector<HTMLElement>('.list-pane')!.style.flexBasis).toBe('640px');
    expect(root.querySelector<HTMLElement>('.list')!.style.getPropertyValue('--w-status')).toBe('120px');
  });

  test('the toolbar keeps every control in line (no More menu)', () => {
    const { root } = setup(1200);
    expect(root.querySelector('.toolbar')!.classList.contains('compact')).toBe(false);
  });
});

describe('a narrow panel (DevTools docked right)', () => {
  test('the detail opens over the list, with Back; Escape goes back too', () => {
    const { root } = setup(540);
    const row = root.querySelector<HTMLElement>('[data-exchange-id=x1]')!;
    act(() => row.click());
    expect(root.querySelector('.detail')).not.toBeNull();
    expect(root.querySelector<HTMLElement>('.list-pane')!.hidden).toBe(true);
    expect(root.querySelector('.splitter')).toBeNull();
    act(() => root.querySelector<HTMLElement>('.detail .back')!.click());
    expect(root.querySelector('.detail')).toBeNull();
    expect(root.querySelector<HTMLElement>('.list-pane')!.hidden).toBe(false);
    expect(root.querySelector('.row.selected')!.getAttribute('data-exchange-id')).toBe('x1');
    // Arrows move the selection in the list without covering it; Enter opens; Escape goes back.
    const grid = root.querySelector<HTMLElement>('[role=grid]')!;
    act(() => void grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    expect(root.querySelector('.detail')).toBeNull();
    act(() => void grid.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(root.querySelector('.detail')!.getAttribute('data-exchange-id')).toBe('x2');
    act(() => void root.querySelector('.detail')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })));
    expect(root.querySelector('.detail')).toBeNull();
  });

  test('the toolbar is compact: its secondary controls are in the More menu', () => {
    const { root } = setup(540);
    expect(root.querySelector('.toolbar')!.classList.contains('compact')).toBe(true);
    act(() => root.querySelector<HTMLElement>('.tool.more')!.click());
    const items = [...root.querySelectorAll('.more-menu [role^=menuitem]')].map((b) => [b.textContent, b.getAttribute('aria-checked')]);
    expect(items).toEqual([['Preserve log', 'false'], ['Newest first', 'false'], ['✓Group repeats', 'true'], ['Import HAR', null], ['Export', null]]);
    act(() => root.querySelector<HTMLElement>('.more-menu [role=menuitemcheckbox]:nth-child(2)')!.click());
    expect(mounted!.store.newestFirst.value).toBe(true);
    expect(root.querySelector('.more-menu [role=menuitemcheckbox]:nth-child(2)')!.getAttribute('aria-checked')).toBe('true');
  });
});

describe('resizable columns', () => {
  test('dragging a header edge sets the column width, remembered with the layout', () => {
    const { root } = setup(1200);
    const handle = root.querySelector<HTMLElement>('[role=columnheader].c-status .col-resizer')!;
    const at = (type: string, x: number) => new PointerEvent(type, { bubbles: true, clientX: x, pointerId: 1 });
    act(() => {
      handle.dispatchEvent(at('pointerdown', 300));
      handle.dispatchEvent(at('pointermove', 340));
      handle.dispatchEvent(at('pointerup', 340));
    });
    expect(mounted!.store.layout.value.columns.status).toBe(140);
    expect(root.querySelector<HTMLElement>('.list')!.style.getPropertyValue('--w-status')).toBe('140px');
    // The Name column takes the rest: it has no handle.
    expect(root.querySelector('[role=columnheader].c-name .col-resizer')).toBeNull();
  });
});
