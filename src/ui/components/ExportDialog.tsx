// The export dialog: format, scope, for Markdown whose fixes (the toolchain picked in the detail by default), the
// redaction preview (what will be removed, with counts), the two explicit opt-outs (keep secrets, keep bodies), the
// report's size (Markdown against a GitHub issue's 65,536 characters) and Download / Copy. Rendering is the core's
// renderReport, as in the CLI.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RedactionSummary } from '../../core/report';
import { copyText } from '../clipboard';
import { useStore } from '../context';
import { downloadText } from '../export/download';
import { previewExport, renderExport, type ExportChoices, type ExportFormat, type ExportScopeChoice } from '../export/panel-report';
import { strings } from '../strings';
import { ISSUE_BODY_MAX, reportStrings } from '../strings-reports';
import type { Toolchain } from '../../core/analysis';
import '../reports.css';

const FORMATS: ExportFormat[] = ['har', 'markdown', 'html', 'json'];
const SCOPES: ExportScopeChoice[] = ['all', 'cors', 'blocked', 'selected'];
const PREVIEW_ITEMS = 8;
const TOOLCHAINS: Toolchain[] = ['console', 'cli', 'sam', 'cdk', 'serverless', 'terraform', 'lambda-node', 'lambda-python', 'generic'];

type Outcome = { kind: 'ok' | 'warn' | 'error'; text: string } | null;

/** @public Loaded with import() by LazyExportDialog.tsx. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const store = useStore();
  const s = reportStrings.export;
  const hasSelection = store.selected.value !== null;
  const [choices, setChoices] = useState<ExportChoices>({
    format: 'har',
    scope: hasSelection ? 'selected' : store.blockedCount.value > 0 ? 'blocked' : 'cors',
    keepSecrets: false,
    keepBodies: false,
    // The toolchain picked in the detail's fixes (remembered), as the Markdown's default.
    ...(store.toolchain.value ? { toolchain: store.toolchain.value } : {}),
  });
  const [preview, setPreview] = useState<RedactionSummary | null>(null);
  const [chars, setChars] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const set = (patch: Partial<ExportChoices>) => {
    setOutcome(null);
    setChoices((c) => ({ ...c, ...patch }));
  };

  useEffect(() => firstRef.current?.focus(), []);

  // The preview walks every entry in scope: computed after the dialog has painted, not in the render.
  // So is the size: the report is rendered once here to measure it (Markdown against an issue's limit).
  useEffect(() => {
    setPreview(null);
    setChars(null);
    const timer = setTimeout(() => {
      try {
        setPreview(previewExport(store, choices));
        if (store.exchanges.value.length > 0 || store.raw.length > 0) setChars([...renderExport(store, choices).text].length);
      } catch (error) {
        setOutcome({ kind: 'error', text: s.failed(error instanceof Error ? error.message : String(error)) });
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [store, choices]);

  const exchanges = store.exchanges.value;
  const scopeCount: Record<ExportScopeChoice, number> = {
    all: exchanges.length,
    cors: exchanges.filter((x) => x.kind === 'cors').length,
    blocked: store.blockedCount.value,
    selected: hasSelection ? 1 : 0,
  };

  const render = () => {
    try {
      return renderExport(store, choices);
    } catch (error) {
      setOutcome({ kind: 'error', text: s.failed(error instanceof Error ? error.message : String(error)) });
      return null;
    }
  };
  const onDownload = async () => {
    const out = render();
    if (!out) return;
    if (downloadText(out.text, out.fileName, out.mimeType)) return setOutcome({ kind: 'ok', text: s.downloaded(out.fileName) });
    setOutcome((await copyText(out.text)) ? { kind: 'warn', text: s.downloadFailed } : { kind: 'error', text: s.downloadAndCopyFailed });
  };
  const onCopy = async () => {
    const out = render();
    if (!out) return;
    setOutcome((await copyText(out.text)) ? { kind: 'ok', text: s.copied } : { kind: 'error', text: s.copyFailed });
  };

  const nothing = exchanges.length === 0 && store.raw.length === 0;
  return (
    <div class="export-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="export-title"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header>
          <h2 id="export-title">{s.title}</h2>
          <button type="button" class="tool close" aria-label={s.close} title={s.close} onClick={onClose}>
            ✕
          </button>
        </header>
        <label class="field">
          <span>{s.format}</span>
          <select ref={firstRef} name="format" value={choices.format} onChange={(e) => set({ format: e.currentTarget.value as ExportFormat })}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {s.formats[f]}
              </option>
            ))}
          </select>
        </label>
        {choices.format === 'markdown' && (
          <label class="field">
            <span>{s.toolchain}</span>
            <select name="toolchain" value={choices.toolchain ?? ''} onChange={(e) => set({ toolchain: (e.currentTarget.value || undefined) as ExportChoices['toolchain'] })}>
              <option value="">{s.toolchainFirst}</option>
              {TOOLCHAINS.map((t) => (
                <option key={t} value={t}>
                  {strings.toolchains[t] ?? t}
                </option>
              ))}
              <option value="all">{s.toolchainAll}</option>
            </select>
          </label>
        )}
        <fieldset class="field scope">
          <legend>{s.scope}</legend>
          {SCOPES.map((scope) => (
            <label key={scope} class={scope === 'selected' && !hasSelection ? 'disabled' : ''}>
              <input
                type="radio"
                name="scope"
                value={scope}
                checked={choices.scope === scope}
                disabled={scope === 'selected' && !hasSelection}
                onChange={() => set({ scope })}
              />
              {s.scopes[scope]}
              {scope === 'selected' && !hasSelection ? s.noSelection : s.scopeCount(scopeCount[scope])}
            </label>
          ))}
        </fieldset>
        <fieldset class="field opt-outs">
          <label>
            <input type="checkbox" name="keepSecrets" checked={choices.keepSecrets} onChange={(e) => set({ keepSecrets: e.currentTarget.checked })} />
            {s.keepSecrets}
          </label>
          {choices.keepSecrets && (
            <p class="warning" role="alert">
              {s.keepSecretsWarning}
            </p>
          )}
          <label>
            <input type="checkbox" name="keepBodies" checked={choices.keepBodies} onChange={(e) => set({ keepBodies: e.currentTarget.checked })} />
            {s.keepBodies}
          </label>
          {choices.keepBodies && <p class="warning">{s.keepBodiesWarning}</p>}
        </fieldset>
        <RedactionPreview summary={preview} />
        <p class={`export-size${chars !== null && choices.format === 'markdown' && chars > ISSUE_BODY_MAX ? ' over' : ''}`} role="status" data-chars={chars ?? undefined}>
          {chars === null ? s.sizeBusy : s.size(choices.format, chars)}
        </p>
        <p class="doc-pointer">{s.formatsDoc}</p>
        <footer>
          {outcome && (
            <p class={`outcome ${outcome.kind}`} role="status">
              {outcome.text}
            </p>
          )}
          {nothing && <p class="outcome warn">{s.empty}</p>}
          <button type="button" class="copy-report" disabled={nothing} onClick={onCopy}>
            {choices.format === 'markdown' ? s.copyMarkdown : s.copy}
          </button>
          <button type="button" class="primary download" disabled={nothing} onClick={onDownload}>
            {s.download}
          </button>
        </footer>
      </div>
    </div>
  );
}

function RedactionPreview({ summary }: { summary: RedactionSummary | null }) {
  const s = reportStrings.export;
  let body;
  if (!summary) body = <p class="busy">{s.previewBusy}</p>;
  else if (summary.total === 0 && summary.bodies === 0) body = <p class="none">{summary.secretsRedacted ? s.previewNone : s.previewKept}</p>;
  else {
    const items = summary.items.filter((i) => i.kind !== 'body');
    body = (
      <>
        {!summary.secretsRedacted && <p class="kept">{s.previewKept}</p>}
        {summary.total > 0 && <p class="total">{s.previewTotal(summary.total, summary.distinct)}</p>}
        {summary.bodies > 0 && <p class="bodies">{s.previewBodies(summary.bodies)}</p>}
        {items.length > 0 && (
          <ul>
            {items.slice(0, PREVIEW_ITEMS).map((i) => (
              <li key={`${i.kind}:${i.name}`} data-kind={i.kind} data-name={i.name} data-count={i.count}>
                {s.item(s.kinds[i.kind] ?? i.kind, i.name, i.count)}
              </li>
            ))}
            {items.length > PREVIEW_ITEMS && <li class="more">{s.more(items.length - PREVIEW_ITEMS)}</li>}
          </ul>
        )}
      </>
    );
  }
  return (
    <section class="redaction-preview" aria-live="polite" aria-labelledby="redaction-preview-title">
      <h3 id="redaction-preview-title">{s.previewTitle}</h3>
      {body}
    </section>
  );
}
