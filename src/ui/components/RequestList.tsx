// The request list: a grid virtualised by fixed row height, so only the rows in view (plus a
// little overscan) are in the DOM whatever the number of exchanges.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { certaintyOf as coreCertaintyOf } from '../../core/analysis';
import type { ExchangeReport } from '../../core/analysis';
import { useStore } from '../context';
import { clockTime, hostAndPath } from '../format';
import { strings } from '../strings';
import { applyMoveSelection, applySelect } from '../store';

export const ROW_HEIGHT = 20;
const OVERSCAN = 10;
/** Rows rendered when the viewport height is unknown (no layout, e.g. in tests). */
const FALLBACK_ROWS = 60;

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

export function verdictTitle(x: ExchangeReport): string | undefined {
  if (certaintyOf(x) !== 'inferred') return undefined;
  if (x.verdict === 'blocked' && x.corsError) return strings.certainty.blockedTitle(x.corsError, x.firefoxReason);
  if (x.verdict === 'allowed') return strings.certainty.passTitle;
  return undefined;
}

/** The verdict badge; an inferred one is dashed and says "would", with Firefox's name beside it. */
export function VerdictBadge({ x, long = true }: { x: ExchangeReport; long?: boolean }) {
  const inferred = certaintyOf(x) === 'inferred';
  return (
    <>
      {inferred && x.verdict === 'blocked' && long && <span class="would">{strings.certainty.wouldBeBlocked}</span>}
      <span class={`badge ${x.verdict}${inferred ? ' inferred' : ''}`}>{verdictText(x)}</span>
      {inferred && x.verdict === 'blocked' && x.firefoxReason && (
        <span class="ff-reason" title={strings.certainty.firefoxTitle}>{x.firefoxReason}</span>
      )}
    </>
  );
}

function Row({ x, index, selected }: { x: ExchangeReport; index: number; selected: boolean }) {
  const store = useStore();
  const l = strings.list;
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
      onClick={() => applySelect(store, x.id)}
    >
      <span role="gridcell" class="c-method">{x.method}</span>
      <span role="gridcell" class="c-url" title={x.url}>{hostAndPath(x.url)}</span>
      <span role="gridcell" class="c-status" title={l.statusTitle(x.pageStatus, x.serverStatus)}>
        <span class="page-status">{x.pageStatus}</span>
        {x.serverStatus !== x.pageStatus && (
          <span class="server-status">{x.serverStatus === null ? ` / ${l.notSent}` : ` / ${x.serverStatus}`}</span>
        )}
      </span>
      <span role="gridcell" class="c-verdict" title={verdictTitle(x)}>
        <VerdictBadge x={x} />
      </span>
      <span role="gridcell" class={`c-preflight pf-${x.pairing.method}`} title={x.pairing.detail}>
        {strings.pairing[x.pairing.method]}
      </span>
      <span role="gridcell" class="c-time">{clockTime(x.startedMs)}</span>
    </div>
  );
}

export function RequestList({ onOpen }: { onOpen: () => void }) {
  const store = useStore();
  const rows = store.visible.value;
  const selectedId = store.selectedId.value;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setHeight(el.clientHeight);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Keep the selected row in view when the keyboard moves it.
  useEffect(() => {
    const el = scroller.current;
    const at = rows.findIndex((x) => x.id === selectedId);
    if (!el || at < 0 || !el.clientHeight) return;
    const top = at * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedId, rows]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const count = height > 0 ? Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN : FALLBACK_ROWS;
  const slice = rows.slice(first, first + count);

  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      applyMoveSelection(store, Math.max(-rows.length, Math.min(rows.length, moves[e.key]!)));
    } else if (e.key === 'Enter' && selectedId) {
      e.preventDefault();
      onOpen();
    }
  };

  const c = strings.list.columns;
  const inferred = rows.some((x) => certaintyOf(x) === 'inferred');
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
      aria-activedescendant={selectedId ? `row-${selectedId}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="row" class="row head" aria-rowindex={1}>
        <span role="columnheader" class="c-method">{c.method}</span>
        <span role="columnheader" class="c-url">{c.url}</span>
        <span role="columnheader" class="c-status">{c.status}</span>
        <span role="columnheader" class="c-verdict">{c.verdict}</span>
        <span role="columnheader" class="c-preflight">{c.preflight}</span>
        <span role="columnheader" class="c-time">{c.time}</span>
      </div>
      <div class="scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
        <div class="rows" role="rowgroup" style={{ height: `${rows.length * ROW_HEIGHT}px` }}>
          {slice.map((x, i) => (
            <Row key={x.id} x={x} index={first + i} selected={x.id === selectedId} />
          ))}
        </div>
      </div>
    </div>
    </>
  );
}
