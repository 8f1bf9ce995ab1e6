// The CORS panel: toolbar, notices, the request list and the detail of the selected exchange.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../context';
import { strings } from '../strings';
import { applySelect } from '../store';
import { Detail } from './Detail';
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
  const theme = store.theme.value;
  const selected = store.selected.value;

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
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
  return (
    <div class={`app ${selected ? 'with-detail' : ''}`} ref={rootRef} data-theme={theme}>
      <Toolbar filterRef={filterRef} />
      {store.dropped.value > 0 && (
        <div class="notice dropped" role="status">{strings.dropped(store.dropped.value, store.maxEntries)}</div>
      )}
      <ProblemsRow />
      <main class="main">
        <div class="list-pane">{rows.length === 0 ? <EmptyState /> : <RequestList onOpen={openDetail} />}</div>
        {selected && <Detail report={selected} onClose={() => applySelect(store, null)} />}
      </main>
      <div class="statusbar" role="status" aria-live="polite">
        <span class="counts">{strings.status.counts(rows.length, store.exchanges.value.length, store.blockedCount.value)}</span>
        <span class="source">
          {sourceLabel} · {store.recording.value ? strings.status.recording : strings.status.paused}
        </span>
      </div>
    </div>
  );
}
