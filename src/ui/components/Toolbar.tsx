import type { RefObject } from 'preact';
import { useStore } from '../context';
import { strings } from '../strings';
import { applyClear, type QuickFilter } from '../store';

const QUICK: QuickFilter[] = ['blocked', 'cors', 'all'];

export function Toolbar({ filterRef }: { filterRef: RefObject<HTMLInputElement | null> }) {
  const store = useStore();
  const t = strings.toolbar;
  const recording = store.recording.value;
  return (
    <div class="toolbar" role="toolbar" aria-label={t.label}>
      <button
        type="button"
        class={`tool record ${recording ? 'on' : ''}`}
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
    </div>
  );
}
