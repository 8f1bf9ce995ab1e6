// The context menu of a request row (right click, the context-menu key or Shift+F10): copy the URL,
// Copy as cURL (actual request and preflight), copy the fix for the chosen toolchain, copy Chrome's
// console line. Arrow keys move, Enter runs an item, Escape closes (and never reaches DevTools).
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { chromeConsoleMessage, needsHints, type ExchangeReport } from '../../core/analysis';
import { copyText } from '../clipboard';
import { useStore } from '../context';
import { hintsNow, useHintEngine } from '../lazy-hints';
import { strings } from '../strings';
import { curlsOf } from './curls';
import { chosenToolchain, fixesFor } from './HintsView';

export interface MenuAt {
  readonly x: number;
  readonly y: number;
}

interface Item {
  readonly id: string;
  readonly label: string;
  /** The text to copy; null: the item is shown disabled. */
  readonly text: string | null;
}

export function RowMenu({ report, at, onClose }: { report: ExchangeReport; at: MenuAt; onClose: () => void }) {
  const store = useStore();
  const m = strings.list.menu;
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState(at);
  const curls = curlsOf(store, report);

  // The fix needs the hint engine: loaded when the menu opens, so that the copy happens in the click itself
  // (DevTools' frame allows copying only while handling the user's gesture).
  const engineReady = useHintEngine(needsHints(report), report).module !== null;
  const fixText = (): string | null => {
    const state = hintsNow(store, report);
    if (!state || state.status !== 'ready' || state.hints.length === 0) return null;
    const { toolchain } = chosenToolchain(state.hints, store.toolchain.value);
    const fixes = fixesFor(state.hints[0]!, toolchain).fixes.filter((f) => f.language !== 'text');
    return fixes.length ? fixes.map((f) => f.snippet).join('\n') : null;
  };
  const items: Item[] = [
    { id: 'url', label: m.copyUrl, text: report.url },
    { id: 'curl', label: m.copyCurl, text: curls.actual },
    ...(curls.preflight ? [{ id: 'curl-preflight', label: m.copyCurlPreflight, text: curls.preflight }] : []),
    { id: 'fix', label: m.copyFix, text: needsHints(report) && (engineReady || !store.hintsOnDemand) ? fixText() : null },
    { id: 'console', label: m.copyConsole, text: chromeConsoleMessage(report) },
  ];

  // Keep the menu inside the panel, and put the focus on its first item.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const x = Math.max(0, Math.min(at.x, window.innerWidth - box.width - 2));
    const y = Math.max(0, Math.min(at.y, window.innerHeight - box.height - 2));
    if (x !== pos.x || y !== pos.y) setPos({ x, y });
    el.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled=true])')?.focus();
  }, [at.x, at.y]);

  useEffect(() => {
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', onClose);
    return () => {
      document.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);

  const focusList = () => document.querySelector<HTMLElement>('.list')?.focus();
  const run = (item: Item) => {
    if (item.text !== null) void copyText(item.text);
    onClose();
    focusList();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([aria-disabled=true])') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
      buttons[next]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      focusList();
    }
  };
  return (
    <div
      ref={ref}
      class="menu row-menu"
      role="menu"
      aria-label={m.label}
      style={{ left: `${pos.x}px`, top: `${pos.y}px` }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          data-item={item.id}
          aria-disabled={item.text === null}
          tabIndex={-1}
          title={item.text === null && item.id === 'fix' ? m.noFix : undefined}
          onClick={() => item.text !== null && run(item)}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
