// The request list: a grid virtualised by fixed row height, so only the rows in view (plus a
// little overscan) are in the DOM whatever the number of exchanges. Columns like the Network panel's:
// a Name (path and query, host beside it), resizable by their header's edge, hidden by priority as
// the list narrows; the verdict never is.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { certaintyOf as coreCertaintyOf } from '../../core/analysis';
import type { ExchangeReport } from '../../core/analysis';
import { useStore } from '../context';
import { clockTime, hostOf, pathAndQuery, plainCorsError } from '../format';
import { strings } from '../strings';
import { applyMoveSelection, applySelect, type ColumnId, type ListRow } from '../store';
import { RowMenu, type MenuAt } from './RowMenu';

export const ROW_HEIGHT = 20;
const OVERSCAN = 10;
/** Rows rendered when the viewport height is unknown (no layout, e.g. in tests). */
const FALLBACK_ROWS = 60;

/** Default widths (px) of the fixed columns; Name takes the rest. */
export const DEFAULT_WIDTHS: Record<Exclude<ColumnId, 'name'>, number> = { method: 64, status: 100, verdict: 240, preflight: 92, time: 100 };
/** The Name column never gets narrower than this while another column can be hidden instead. */
const NAME_MIN = 150;
/** The verdict never hides; at worst it shrinks to this (its badge then ends in an ellipsis, whole in its tooltip). */
const VERDICT_MIN = 96;
/** Before Method and Status go, the verdict gives up width down to this (most names still fit). */
const VERDICT_SHRINK = 180;
/** Which column goes first when the list is too narrow; `verdict` = shrink the verdict to VERDICT_SHRINK. */
const HIDE_ORDER: ReadonlyArray<Exclude<ColumnId, 'name'>> = ['time', 'preflight', 'verdict', 'method', 'status'];

/** The columns shown in a list `width` px wide and their widths (Name: null, it takes the rest). */
export function fitColumns(width: number, chosen: Partial<Record<ColumnId, number>>): { shown: Set<ColumnId>; widths: Record<string, number> } {
  const widths: Record<string, number> = { ...DEFAULT_WIDTHS };
  for (const [id, w] of Object.entries(chosen)) if (id !== 'name' && w) widths[id] = w;
  const shown = new Set<ColumnId>(['name', 'method', 'status', 'verdict', 'preflight', 'time']);
  if (width <= 0) return { shown, widths };
  const used = () => [...shown].reduce((sum, id) => sum + (id === 'name' ? NAME_MIN : widths[id]!), 0);
  for (const id of HIDE_ORDER) {
    if (used() <= width) break;
    if (id === 'verdict') widths.verdict = Math.max(Math.min(widths.verdict!, VERDICT_SHRINK), widths.verdict! - (used() - width));
    else shown.delete(id);
  }
  if (used() > width) widths.verdict = Math.max(VERDICT_MIN, widths.verdict! - (used() - width));
  return { shown, widths };
}

export type Certainty = 'browser' | 'inferred' | '';

/** `inferred` when the verdict comes from the headers alone (no browser signal: Firefox, a plain HAR). */
export function certaintyOf(x: Pick<ExchangeReport, 'kind' | 'browser'>): Certainty {
  return coreCertaintyOf(x) ?? '';
}

export function verdictText(x: ExchangeReport): string {
  if (x.verdict === 'blocked' && x.corsError) return x.corsError;
  if (x.verdict === 'allowed' && certaintyOf(x) === 'inferred') return strings.certainty.wouldPass;
  return strings.verdict[x.verdict];
}

/** The verdict's tooltip: the plain sentence behind Chrome's name; for an inferred verdict, that it is inferred. */
export function verdictTitle(x: ExchangeReport): string | undefined {
  const inferred = certaintyOf(x) === 'inferred';
  if (x.verdict === 'blocked' && x.corsError) {
    const plain = plainCorsError(x.corsError, x.failedParameter);
    return inferred ? `${strings.certainty.blockedTitle(x.corsError, x.firefoxReason)}\n${plain}` : plain;
  }
  if (inferred && x.verdict === 'allowed') return strings.certainty.passTitle;
  return undefined;
}

/** The verdict badge; an inferred one is dashed and says "would", with Firefox's name beside it. */
export function VerdictBadge({ x, long = true }: { x: ExchangeReport; long?: boolean }) {
  const inferred = certaintyOf(x) === 'inferred';
  return (
    <>
      {inferred && x.verdict === 'blocked' && long && <span class="would">{strings.certainty.wouldBeBlocked}</span>}
      <span class={`badge ${x.verdict}${inferred ? ' inferred' : ''}`} title={verdictTitle(x)}>{verdictText(x)}</span>
      {inferred && x.verdict === 'blocked' && x.firefoxReason && (
        <span class="ff-reason" title={strings.certainty.firefoxTitle}>{x.firefoxReason}</span>
      )}
    </>
  );
}

interface RowProps {
  row: ListRow;
  index: number;
  selected: boolean;
  shown: Set<ColumnId>;
  onActivate: (id: string) => void;
  onMenu: (id: string, at: MenuAt) => void;
}

/** The count of a line of repeats, like the Console's (×N), its span in the tooltip. */
function RepeatCount({ row }: { row: ListRow }) {
  const l = strings.list;
  return (
    <span class="repeat" title={l.repeatTitle(row.count, clockTime(row.firstMs), clockTime(row.x.startedMs))}>
      <span aria-hidden="true">×{row.count}</span>
      <span class="sr-only">{l.repeatLabel(row.count)}</span>
    </span>
  );
}

function Row({ row, index, selected, shown, onActivate, onMenu }: RowProps) {
  const store = useStore();
  const x = row.x;
  const l = strings.list;
  const statusTitle = l.statusTitle(x.pageStatus, x.serverStatus);
  const serverPart = x.serverStatus !== x.pageStatus ? (x.serverStatus === null ? ` / ${l.notSent}` : ` / ${x.serverStatus}`) : '';
  const statusText = `${x.pageStatus}${serverPart}`;
  return (
    <div
      role="row"
      id={`row-${x.id}`}
      class={`row verdict-${x.verdict} ${selected ? 'selected' : ''} ${index % 2 ? 'odd' : ''}`}
      style={{ top: `${index * ROW_HEIGHT}px` }}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-exchange-id={x.id}
      data-verdict={x.verdict}
      data-error={x.corsError ?? ''}
      data-certainty={certaintyOf(x)}
      data-url={x.url}
      data-method={x.method}
      data-status={statusText}
      data-preflight={strings.pairing[x.pairing.method]}
      data-count={row.count}
      onClick={() => {
        applySelect(store, x.id);
        onActivate(x.id);
      }}
      onContextMenu={(e) => {
        e.preventDefault();
        applySelect(store, x.id);
        onMenu(x.id, { x: e.clientX, y: e.clientY });
      }}
    >
      <span role="gridcell" class="c-name c-url" title={x.url}>
        {row.count > 1 && <RepeatCount row={row} />}
        <span class="name-path">{pathAndQuery(x.url)}</span>
        <span class="name-host">{hostOf(x.url)}</span>
      </span>
      {shown.has('method') && <span role="gridcell" class="c-method" title={x.method}>{x.method}</span>}
      {shown.has('status') && (
        <span role="gridcell" class="c-status" title={statusTitle}>
          <span class="page-status">{x.pageStatus}</span>
          {serverPart && <span class="server-status">{serverPart}</span>}
        </span>
      )}
      <span role="gridcell" class="c-verdict">
        <VerdictBadge x={x} />
      </span>
      {shown.has('preflight') && (
        <span role="gridcell" class={`c-preflight pf-${x.pairing.method}`} title={l.preflightTitle[x.pairing.method] || undefined}>
          {strings.pairing[x.pairing.method]}
        </span>
      )}
      {shown.has('time') && (
        <span role="gridcell" class="c-time" title={clockTime(x.startedMs)}>{clockTime(x.startedMs)}</span>
      )}
    </div>
  );
}

/** A column header with a drag handle on its right edge (keyboard: focus it, ←/→). */
function Header({ id, label, width, onResize }: { id: ColumnId; label: string; width: number | null; onResize: (id: ColumnId, w: number) => void }) {
  const start = (e: PointerEvent) => {
    if (width === null) return;
    e.preventDefault();
    e.stopPropagation();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture?.(e.pointerId);
    const x0 = e.clientX;
    const move = (m: PointerEvent) => onResize(id, Math.max(40, Math.min(800, width + m.clientX - x0)));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };
  return (
    <span role="columnheader" class={`c-${id}${id === 'name' ? ' c-url' : ''}`} title={label}>
      {label}
      {width !== null && (
        <span
          class="col-resizer"
          role="separator"
          aria-orientation="vertical"
          aria-label={strings.list.resizeColumn(label)}
          aria-valuenow={width}
          tabIndex={-1}
          onPointerDown={start}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowLeft' ? -10 : e.key === 'ArrowRight' ? 10 : 0;
            if (!step) return;
            e.preventDefault();
            e.stopPropagation();
            onResize(id, Math.max(40, Math.min(800, width + step)));
          }}
        />
      )}
    </span>
  );
}

export function RequestList({ onOpen, onActivate = () => undefined }: { onOpen: () => void; onActivate?: (id: string) => void }) {
  const store = useStore();
  const { rows, lineOf } = store.list.value;
  const selectedId = store.selectedId.value;
  const selectedReport = store.selected.value;
  const selectedRow = selectedReport === null ? undefined : lineOf(selectedReport);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  const [width, setWidth] = useState(0);
  const [menu, setMenu] = useState<{ id: string; at: MenuAt } | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setHeight(el.clientHeight);
      setWidth(el.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view when the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    const at = selectedRow ?? -1;
    if (!el || at < 0 || !el.clientHeight) return;
    const top = at * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedId, selectedRow]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const count = height > 0 ? Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN : FALLBACK_ROWS;
  const slice = rows.slice(first, first + count);

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      e.stopPropagation();
      applyMoveSelection(store, Math.max(-rows.length, Math.min(rows.length, moves[e.key]!)));
    } else if (e.key === 'Enter' && selectedId) {
      e.preventDefault();
      e.stopPropagation();
      onOpen();
    } else if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && selectedId) {
      e.preventDefault();
      e.stopPropagation();
      const row = scroller.current?.querySelector<HTMLElement>('.row.selected');
      const box = row?.getBoundingClientRect();
      setMenu({ id: selectedId, at: { x: (box?.left ?? 0) + 40, y: (box?.bottom ?? 0) } });
    }
  };

  const layout = store.layout.value;
  const { shown, widths } = fitColumns(width, layout.columns);
  const onResize = (id: ColumnId, w: number) => {
    store.layout.value = { ...store.layout.value, columns: { ...store.layout.value.columns, [id]: w } };
  };
  const c = strings.list.columns;
  const inferred = rows.some((r) => certaintyOf(r.x) === 'inferred');
  const style = Object.fromEntries([...shown].filter((id) => id !== 'name').map((id) => [`--w-${id}`, `${widths[id]}px`]));
  const menuReport = menu ? store.visible.value.find((x) => x.id === menu.id) : undefined;
  return (
    <>
    {inferred && (
      <div class="certainty-banner" role="note">
        {strings.certainty.banner}
      </div>
    )}
    <div
      class={`list${inferred ? ' has-inferred' : ''}`}
      role="grid"
      aria-label={strings.list.label}
      aria-rowcount={rows.length + 1}
      aria-activedescendant={selectedRow !== undefined ? `row-${rows[selectedRow]!.x.id}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      style={style}
      data-columns={[...shown].join(' ')}
    >
      <div role="row" class="row head" aria-rowindex={1}>
        {[...shown].map((id) => (
          <Header key={id} id={id} label={c[id]} width={id === 'name' ? null : widths[id]!} onResize={onResize} />
        ))}
      </div>
      <div class="scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div class="rows" role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {slice.map((row, i) => (
            <Row
              key={row.key}
              row={row}
              index={first + i}
              selected={first + i === selectedRow}
              shown={shown}
              onActivate={onActivate}
              onMenu={(id, at) => setMenu({ id, at })}
            />
          ))}
        </div>
      </div>
    </div>
    {menu && menuReport && <RowMenu report={menuReport} at={menu.at} onClose={() => setMenu(null)} />}
    </>
  );
}
