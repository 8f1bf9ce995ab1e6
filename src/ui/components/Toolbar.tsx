import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { useStore } from '../context';
import { firstFile, startImport } from '../import/start-import';
import { strings } from '../strings';
import { reportStrings } from '../strings-reports';
import { applyClear, type QuickFilter } from '../store';

const QUICK: QuickFilter[] = ['blocked', 'cors', 'all'];

export function Toolbar({ filterRef, onExport }: { filterRef: RefObject<HTMLInputElement | null>; onExport: () => void }) {
  const store = useStore();
  const t = strings.toolbar;
  const r = reportStrings.toolbar;
  const recording = store.recording.value;
  const imported = store.imported.value !== null;
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div class="toolbar" role="toolbar" aria-label={t.label}>
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
      <label class="preserve" title={t.preserveLogTitle}>
        <input
          type="checkbox"
          checked={store.preserveLog.value}
          onChange={(e) => (store.preserveLog.value = e.currentTarget.checked)}
        />
        {t.preserveLog}
      </label>
      <button
        type="button"
        class="tool sort"
        title={t.sortTitle}
        onClick={() => (store.newestFirst.value = !store.newestFirst.value)}
      >
        {store.newestFirst.value ? t.sortNewest : t.sortOldest}
      </button>
      <span class="divider" aria-hidden="true" />
      <button type="button" class="tool import" title={r.importTitle} onClick={() => fileRef.current?.click()}>
        {r.import}
      </button>
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
      <button type="button" class="tool export" title={r.exportTitle} aria-haspopup="dialog" onClick={onExport}>
        {r.export}
      </button>
    </div>
  );
}
