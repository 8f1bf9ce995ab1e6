// The CORS panel: toolbar, notices, the request list and the detail of the selected exchange.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../context';
import { dragHasFiles, firstFile, startImport } from '../import/start-import';
import { strings } from '../strings';
import { reportStrings } from '../strings-reports';
import { applySelect } from '../store';
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

export function App({ sourceLabel }: { sourceLabel: string }) {
  const store = useStore();
  const filterRef = useRef<HTMLInputElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const [exporting, setExporting] = useState(false);
  const [dropping, setDropping] = useState(false);
  const [apisView, setApisView] = useState(false);
  const theme = store.theme.value;
  const selected = store.selected.value;

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (target?.closest?.('.export-dialog')) return; // the dialog handles its own keys
      if ((e.key === 'f' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      } else if (e.key === 'Escape') {
        if (target === filterRef.current) rootRef.current?.querySelector<HTMLElement>('.list')?.focus();
        else if (store.selectedId.value) {
          applySelect(store, null);
          rootRef.current?.querySelector<HTMLElement>('.list')?.focus();
        }
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

  const openDetail = () => rootRef.current?.querySelector<HTMLElement>('.detail')?.focus();
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
      class={`app ${selected ? 'with-detail' : ''} ${imported ? 'imported' : ''}`}
      ref={rootRef}
      data-theme={theme}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <Toolbar filterRef={filterRef} onExport={() => setExporting(true)} />
      <ImportBanner />
      {store.dropped.value > 0 && (
        <div class="notice dropped" role="status">{strings.dropped(store.dropped.value, store.maxEntries)}</div>
      )}
      <ProblemsRow />
      <main class="main">
        <div class="list-pane">
          <ViewSwitch apis={apisView} onChange={setApisView} />
          {apisView ? <LazyApisView /> : rows.length === 0 ? <EmptyState /> : <RequestList onOpen={openDetail} />}
        </div>
        {selected && <Detail report={selected} onClose={() => applySelect(store, null)} />}
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
            rootRef.current?.querySelector<HTMLElement>('.tool.export')?.focus();
          }}
        />
      )}
    </div>
  );
}
