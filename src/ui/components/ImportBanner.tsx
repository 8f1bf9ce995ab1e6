// Shown while the panel displays an imported file: its name, progress while it is read, what could not be
// read (the file-level problem and the skipped entries), and the way back to live capture. (That verdicts of a
// Firefox or plain HAR are inferred from the headers is said by the list's own certainty banner.)
import { useStore } from '../context';
import { applyLiveCapture } from '../store';
import { reportStrings } from '../strings-reports';
import '../reports.css';

export function ImportBanner() {
  const store = useStore();
  const state = store.imported.value;
  if (!state) return null;
  const s = reportStrings.import;
  const problems = store.problems.value;
  const skipped = new Set(problems.filter((p) => p.severity === 'error' && p.entry !== null).map((p) => p.entry)).size;
  const read = Math.max(0, store.raw.length - skipped);
  return (
    <div class={`import-banner ${state.status}`} role="region" aria-label={s.banner(state.fileName)} data-status={state.status}>
      <div class="import-line">
        <strong class="import-name">{s.banner(state.fileName)}</strong>
        {state.status === 'reading' && (
          <>
            <progress class="import-progress" aria-label={s.progressLabel} value={state.loaded} max={Math.max(1, state.size)} />
            <span class="import-bytes">{s.reading(state.loaded, state.size)}</span>
          </>
        )}
        {state.status === 'done' && <span class="import-summary">{s.done(read, state.total, skipped)}</span>}
        <button type="button" class="link back-to-live" title={s.backToLiveTitle} onClick={() => applyLiveCapture(store)}>
          {s.backToLive}
        </button>
      </div>
      {state.status === 'failed' && state.fatal && (
        <p class="import-error" role="alert">
          {s.failed(state.fatal)}
          {s.partial(read)}
          {skipped > 0 && ` ${s.done(read, state.total, skipped)}`}
        </p>
      )}
      {state.notLoaded > 0 && (
        <p class="import-error not-loaded" role="status">
          {s.notLoaded(state.notLoaded, store.maxEntries)}
        </p>
      )}
    </div>
  );
}
