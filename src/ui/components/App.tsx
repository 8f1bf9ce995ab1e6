// The CORS panel: toolbar, notices, the request list and the detail of the selected exchange.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ExchangeReport } from '../../core/analysis';
import { useStore } from '../context';
import { dragHasFiles, firstFile, startImport } from '../import/start-import';
import { strings } from '../strings';
import { reportStrings } from '../strings-reports';
import { searchableHints } from '../filter';
import { loadHintEngine } from '../lazy-hints';
import { needsHints } from '../../core/analysis';
import { applySelect, entryOf } from '../store';
import { Detail } from './Detail';
import { ImportBanner } from './ImportBanner';
import { LazyExportDialog } from './LazyExportDialog';
import { LazyApisView, ViewSwitch } from './LazyApisView';
import { RequestList } from './RequestList';
import { Toolbar } from './Toolbar';

function ProblemsRow() {
  const store = useStore();
  const [open, setOpen] = useState(false);
  const problems = store.problems.value;
  if (problems.length === 0) return null;
  return (
    <div class="notice problems" role="status">
      <button type="button" class="link" aria-expanded={open} title={strings.problems.toggleTitle} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {strings.problems.row(problems.length)}
      </button>
      {open && (
        <ul>
          {problems.map((p, i) => (
            <li key={i} class={`problem ${p.severity}`}>
              <span class="mono">{strings.problems.where(p.entry, p.field)}</span>: {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function EmptyState() {
  const store = useStore();
  const e = strings.empty;
  if (store.exchanges.value.length > 0) {
    return (
      <div class="empty" role="status">
        <p>{e.noMatch}</p>
        <button
          type="button"
          class="link"
          onClick={() => {
            store.filterText.value = '';
            store.quickFilter.value = 'all';
          }}
        >
          {e.showEverything}
        </button>
      </div>
    );
  }
  return (
    <div class="empty" role="status">
      <p class="empty-title">{e.title}</p>
      <p>{store.recording.value ? e.recording : e.paused}</p>
    </div>
  );
}

/** Below this panel width the detail is shown over the list (with a back control), not beside it. */
export const NARROW_WIDTH = 700;
/** Below this width the toolbar's secondary controls go into its "More" menu: the toolbar never wraps. */
export const COMPACT_TOOLBAR_WIDTH = 960;
const LIST_MIN = 220;
const DETAIL_MIN = 320;

/** The width of an element, kept up to date (0 before layout, and in tests without layout). */
function useWidth(ref: { current: HTMLElement | null }): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return width;
}

/** The filter also matches AWS services and pitfalls: load the hint engine once the filter is used. */
function useSearchableHints(): void {
  const store = useStore();
  const used = store.filterText.value.trim() !== '';
  useEffect(() => {
    if (!used || store.searchExtra.value || !store.hintsOnDemand) return;
    let live = true;
    loadHintEngine().then(
      (engine) => {
        if (!live) return;
        const texts = new WeakMap<ExchangeReport, string>();
        store.searchExtra.value = (x) => {
          let text = texts.get(x);
          if (text === undefined) {
            text = needsHints(x) ? searchableHints(engine.withHints(x, (i) => entryOf(store, i))) : '';
            texts.set(x, text);
          }
          return text;
        };
      },
      () => undefined, // without the engine the filter still matches everything else
    );
    return () => {
      live = false;
    };
  }, [used, store]);
}

/** The splitter between the list and the detail: drag it, or focus it and press ←/→. */
function Splitter({ mainRef }: { mainRef: { current: HTMLElement | null } }) {
  const store = useStore();
  const set = (w: number) => {
    const total = mainRef.current?.clientWidth ?? 0;
    const max = total > 0 ? Math.max(LIST_MIN, total - DETAIL_MIN) : w;
    store.layout.value = { ...store.layout.value, listWidth: Math.round(Math.max(LIST_MIN, Math.min(max, w))) };
  };
  const current = () => mainRef.current?.querySelector<HTMLElement>('.list-pane')?.getBoundingClientRect().width ?? LIST_MIN;
  const onPointerDown = (e: PointerEvent) => {
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture?.(e.pointerId);
    const x0 = e.clientX;
    const w0 = current();
    const move = (m: PointerEvent) => set(w0 + m.clientX - x0);
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      handle.classList.remove('dragging');
    };
    handle.classList.add('dragging');
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  // The list's share of the width, in percent (the default share until the user moves the splitter).
  const total = mainRef.current?.clientWidth ?? 0;
  const listWidth = store.layout.value.listWidth;
  const percent = listWidth && total > 0 ? Math.round((listWidth / total) * 100) : 40;
  return (
    <div
      class="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label={strings.detail.splitter}
      title={strings.detail.splitter}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={(e) => {
        const step = e.key === 'ArrowLeft' ? -20 : e.key === 'ArrowRight' ? 20 : 0;
        if (!step) return;
        e.preventDefault();
        e.stopPropagation();
        set(current() + step);
      }}
    />
  );
}

/** Keys the panel handles itself; they are stopped so that DevTools never acts on them too (Escape opens its Console drawer). */
function stop(e: KeyboardEvent): void {
  e.preventDefault();
  e.stopPropagation();
}

export function App({ sourceLabel }: { sourceLabel: string }) {
  const store = useStore();
  const filterRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const [exporting, setExporting] = useState(false);
  const [dropping, setDropping] = useState(false);
  /** Narrow panel: the detail is shown over the list once a row is opened (click, Enter), until Back. */
  const [overlay, setOverlay] = useState(false);
  const width = useWidth(rootRef);
  const narrow = width > 0 && width < NARROW_WIDTH;
  const compact = width > 0 && width < COMPACT_TOOLBAR_WIDTH;
  const [apisView, setApisView] = useState(false);
  const theme = store.theme.value;
  const selected = store.selected.value;
  const showDetail = !!selected && (!narrow || overlay);
  useSearchableHints();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const focusList = () => rootRef.current?.querySelector<HTMLElement>('.list')?.focus();
  const focusDetail = () => requestAnimationFrame(() => rootRef.current?.querySelector<HTMLElement>('.detail')?.focus());
  const back = () => {
    setOverlay(false);
    requestAnimationFrame(focusList);
  };
  const close = () => {
    setOverlay(false);
    applySelect(store, null);
    focusList();
  };

  const state = useRef({ narrow, overlay, showDetail });
  state.current = { narrow, overlay, showDetail };
  // The panel's global keys. DevTools injects a keydown listener on this document (its extension API) that
  // forwards Escape, Ctrl+F and others to DevTools itself — Escape then opens the Console drawer, which takes
  // every later keystroke. It is registered before any of ours, so the keys the panel handles are taken in the
  // capture phase on window, before the event reaches the document, and stopped there.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      // The export dialog and the menus handle their own keys (and stop them).
      if (target?.closest?.('.export-dialog, .menu')) return;
      if (e.key === 'Escape' && target?.closest?.('.more-wrap') && document.querySelector('.more-menu')) return;
      if ((e.key === 'f' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        stop(e);
        filterRef.current?.focus();
        filterRef.current?.select();
      } else if (e.key === 'Escape') {
        stop(e);
        if (target === filterRef.current) focusList();
        else if (state.current.narrow && state.current.overlay) back();
        else if (store.selectedId.value) close();
        else focusList();
      } else if (e.key === 'Enter' && target === filterRef.current) {
        stop(e);
        focusList();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store]);

  const openDetail = () => {
    if (state.current.narrow) setOverlay(true);
    focusDetail();
  };
  const onActivate = () => {
    if (state.current.narrow) {
      setOverlay(true);
      focusDetail();
    }
  };
  const rows = store.visible.value;
  const imported = store.imported.value;
  // Drag-and-drop import: a file dragged over the panel shows a drop target; dropping it imports it.
  const onDragOver = (e: DragEvent) => {
    if (!dragHasFiles(e.dataTransfer?.types)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    if (!dropping) setDropping(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (e.currentTarget === e.target || !(e.currentTarget as Node).contains(e.relatedTarget as Node | null)) setDropping(false);
  };
  const onDrop = (e: DragEvent) => {
    setDropping(false);
    const file = firstFile(e.dataTransfer?.files);
    if (!file) return;
    e.preventDefault();
    startImport(store, file);
  };
  return (
    <div
      class={`app ${showDetail ? 'with-detail' : ''} ${narrow ? 'narrow' : ''} ${imported ? 'imported' : ''}`}
      ref={rootRef}
      data-theme={theme}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <Toolbar filterRef={filterRef} onExport={() => setExporting(true)} compact={compact} />
      <ImportBanner />
      {store.dropped.value > 0 && (
        <div class="notice dropped" role="status">{strings.dropped(store.dropped.value, store.maxEntries)}</div>
      )}
      <ProblemsRow />
      <main class="main" ref={mainRef}>
        <div
          class="list-pane"
          hidden={narrow && showDetail}
          style={showDetail && !narrow && store.layout.value.listWidth ? { flexBasis: `${store.layout.value.listWidth}px` } : undefined}
        >
          <ViewSwitch apis={apisView} onChange={setApisView} />
          {apisView ? <LazyApisView /> : rows.length === 0 ? <EmptyState /> : <RequestList onOpen={openDetail} onActivate={onActivate} />}
        </div>
        {showDetail && !narrow && <Splitter mainRef={mainRef} />}
        {showDetail && selected && <Detail report={selected} onClose={close} onBack={narrow ? back : undefined} />}
      </main>
      <div class="statusbar" role="status" aria-live="polite">
        <span class="counts">{strings.status.counts(rows.length, store.exchanges.value.length, store.blockedCount.value)}</span>
        <span class="source">
          {imported
            ? reportStrings.import.statusLabel(imported.fileName)
            : `${sourceLabel} · ${store.recording.value ? strings.status.recording : strings.status.paused}`}
        </span>
      </div>
      {dropping && (
        <div class="drop-target" aria-hidden="true">
          <p>{reportStrings.import.dropHint}</p>
        </div>
      )}
      {exporting && (
        <LazyExportDialog
          onClose={() => {
            setExporting(false);
            rootRef.current?.querySelector<HTMLElement>(compact ? '.tool.more' : '.tool.export')?.focus();
          }}
        />
      )}
    </div>
  );
}
