// The export dialog, loaded when it is opened: it brings the core's report renderers, the redaction and the
// hint engine (exports carry hints), none of which the panel needs to start. While the module loads the backdrop
// says so; if it cannot load, an error line and a Close button (the panel keeps running).
import { useEffect, useState } from 'preact/hooks';
import { reportStrings } from '../strings-reports';

type ExportDialogModule = typeof import('./ExportDialog');

let loaded: ExportDialogModule | null = null;

function loadExportDialog(): Promise<ExportDialogModule> {
  return import('./ExportDialog').then((m) => (loaded = m));
}

export function LazyExportDialog({ onClose }: { onClose: () => void }) {
  const s = reportStrings.export;
  const [module, setModule] = useState<ExportDialogModule | null>(loaded);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (module) return;
    let live = true;
    loadExportDialog().then(
      (m) => live && setModule(m),
      (error: unknown) => live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [module]);
  if (module) return <module.ExportDialog onClose={onClose} />;
  return (
    <div class="export-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="export-dialog export-loading" aria-busy={failure === null}>
        {failure === null ? (
          <p class="busy" role="status">{s.loading}</p>
        ) : (
          <>
            <p class="outcome error" role="alert">{s.loadFailed(failure)}</p>
            <footer>
              <button type="button" class="close" onClick={onClose}>{s.close}</button>
            </footer>
          </>
        )}
      </div>
    </div>
  );
}
