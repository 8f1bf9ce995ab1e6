import type { Signal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../context';
import { firstFile, startImport } from '../import/start-import';
import { strings } from '../strings';
import { reportStrings } from '../strings-reports';
import { applyClear, type QuickFilter } from '../store';

const QUICK: QuickFilter[] = ['blocked', 'cors', 'all'];

/**
 * The toolbar's secondary controls as a menu, for a panel too narrow for them (the toolbar never wraps).
 * Shown only when the toolbar is compact (CSS); the controls themselves stay in the DOM, hidden.
 */
function MoreMenu({ onImport, onExport }: { onImport: () => void; onExport: () => void }) {
  const store = useStore();
  const t = strings.toolbar;
  const r = reportStrings.toolbar;
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>('[role^=menuitem]')?.focus();
    const away = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, [open]);
  const close = () => {
    setOpen(false);
    ref.current?.querySelector<HTMLElement>('.tool.more')?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role^=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      e.stopPropagation();
      items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const item = (label: string, run: () => void, checked?: boolean) => (
    <button
      type="button"
      role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
      aria-checked={checked}
      tabIndex={-1}
      onClick={() => {
        run();
        if (checked === undefined) setOpen(false);
      }}
    >
      {checked !== undefined && <span class="check-mark" aria-hidden="true">{checked ? '✓' : ''}</span>}
      {label}
    </button>
  );
  return (
    <div class="more-wrap" ref={ref} onKeyDown={onKeyDown}>
      <button
        type="button"
        class="tool more"
        title={t.moreTitle}
        aria-label={t.more}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">»</span>
      </button>
      {open && (
        <div class="menu more-menu" role="menu" aria-label={t.moreTitle}>
          {item(t.preserveLog, () => (store.preserveLog.value = !store.preserveLog.value), store.preserveLog.value)}
          {item(t.newestFirst, () => (store.newestFirst.value = !store.newestFirst.value), store.newestFirst.value)}
          {item(t.groupRepeats, () => (store.groupRepeats.value = !store.groupRepeats.value), store.groupRepeats.value)}
          {item(r.import, onImport)}
          {item(r.export, onExport)}
        </div>
      )}
    </div>
  );
}

export function Toolbar({ filterRef, onExport, compact = false }: { filterRef: RefObject<HTMLInputElement | null>; onExport: () => void; compact?: boolean }) {
  const store = useStore();
  const t = strings.toolbar;
  const r = reportStrings.toolbar;
  const recording = store.recording.value;
  const imported = store.imported.value !== null;
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div class={`toolbar${compact ? ' compact' : ''}`} role="toolbar" aria-label={t.label}>
      <button
        type="button"
        class={`tool record ${recording ? 'on' : ''}`}
        disabled={imported}
        aria-pressed={recording}
        title={recording ? t.pauseTitle : t.recordTitle}
        aria-label={recording ? t.pause : t.record}
        onClick={() => (store.recording.value = !recording)}
      >
        <span class="record-dot" aria-hidden="true" />
      </button>
      <button type="button" class="tool clear" title={t.clearTitle} aria-label={t.clear} onClick={() => applyClear(store)}>
        <span aria-hidden="true">⊘</span>
      </button>
      <span class="divider" aria-hidden="true" />
      <input
        ref={filterRef}
        class="filter"
        type="search"
        placeholder={t.filterPlaceholder}
        title={t.filterTitle}
        aria-label={t.filterLabel}
        value={store.filterText.value}
        onInput={(e) => (store.filterText.value = e.currentTarget.value)}
        spellcheck={false}
      />
      <div class="quick" role="radiogroup" aria-label={t.quickFilterLabel}>
        {QUICK.map((q) => (
          <button
            key={q}
            type="button"
            role="radio"
            aria-checked={store.quickFilter.value === q}
            class={`chip ${store.quickFilter.value === q ? 'on' : ''}`}
            data-quick={q}
            onClick={() => (store.quickFilter.value = q)}
          >
            {strings.quickFilter[q]}
          </button>
        ))}
      </div>
      <span class="divider" aria-hidden="true" />
      <div class="tool-secondary">
        <Toggle class="preserve" name="preserveLog" title={t.preserveLogTitle} label={t.preserveLog} value={store.preserveLog} />
        <Toggle class="newest-first" name="newestFirst" title={t.newestFirstTitle} label={t.newestFirst} value={store.newestFirst} />
        <Toggle class="group-repeats" name="groupRepeats" title={t.groupRepeatsTitle} label={t.groupRepeats} value={store.groupRepeats} />
        <span class="divider" aria-hidden="true" />
        <button type="button" class="tool import" title={r.importTitle} onClick={() => fileRef.current?.click()}>
          {r.import}
        </button>
        <button type="button" class="tool export" title={r.exportTitle} aria-haspopup="dialog" onClick={onExport}>
          {r.export}
        </button>
      </div>
      <MoreMenu onImport={() => fileRef.current?.click()} onExport={onExport} />
      <input
        ref={fileRef}
        class="import-file"
        type="file"
        accept=".har,application/json,application/har+json"
        hidden
        aria-label={r.import}
        onChange={(e) => {
          const file = firstFile(e.currentTarget.files);
          // Reset so that picking the same file again is a change too.
          e.currentTarget.value = '';
          if (file) startImport(store, file);
        }}
      />
    </div>
  );
}

/** A remembered on/off setting of the toolbar (Preserve log, Newest first, Group repeats). */
function Toggle(props: { class: string; name: string; title: string; label: string; value: Signal<boolean> }) {
  return (
    <label class={props.class} title={props.title}>
      <input type="checkbox" name={props.name} checked={props.value.value} onChange={(e) => (props.value.value = e.currentTarget.checked)} />
      {props.label}
    </label>
  );
}
