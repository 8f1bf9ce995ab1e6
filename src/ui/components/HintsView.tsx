// Hints from the core (ExchangeReport.hints), each with its fixes for the picked toolchain.
// The toolchain choice is remembered through the host's storage (see connect.ts). In the extension panel the
// hints are computed when the exchange is shown (the hint engine loads on demand, see ../lazy-hints.ts).
import type { ExchangeReport, Hint, HintFix, Toolchain } from '../../core/analysis';
import { useStore } from '../context';
import { useHints } from '../lazy-hints';
import { strings } from '../strings';
import { CopyButton } from './CopyButton';

function Fix({ fix }: { fix: HintFix }) {
  return (
    <div class="fix" data-toolchain={fix.toolchain}>
      <div class="fix-head">
        <span class="fix-title">{fix.title}</span>
        <CopyButton text={fix.snippet} />
      </div>
      <pre class={`snippet lang-${fix.language}`}>{fix.snippet}</pre>
    </div>
  );
}

function HintCard({ hint, toolchain }: { hint: Hint; toolchain: Toolchain | null }) {
  const h = strings.hints;
  const fixes = hint.fixes.filter((f) => f.toolchain === toolchain);
  const shown = fixes.length > 0 ? fixes : hint.fixes;
  return (
    <article class="hint" data-hint-id={hint.id} aria-label={hint.title}>
      <h4>
        {hint.title} <span class={`confidence ${hint.confidence}`}>{h.confidence[hint.confidence]}</span>
      </h4>
      {hint.evidence.length > 0 && (
        <div class="evidence">
          <span class="muted">{h.evidence}</span>
          <ul>{hint.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </div>
      )}
      <p class="explanation">{hint.explanation}</p>
      {fixes.length === 0 && toolchain && hint.fixes.length > 0 && (
        <p class="muted">{h.noFixFor(strings.toolchains[toolchain] ?? toolchain)}</p>
      )}
      {shown.map((fix, i) => <Fix key={i} fix={fix} />)}
      {hint.docs.length > 0 && (
        <p class="docs">
          <span class="muted">{h.docs} </span>
          {hint.docs.map((d, i) => (
            <a key={i} href={d.url} target="_blank" rel="noreferrer">{d.title}</a>
          ))}
        </p>
      )}
    </article>
  );
}

export function HintsView({ hints }: { hints: readonly Hint[] }) {
  const store = useStore();
  const h = strings.hints;
  const available = [...new Set(hints.flatMap((x) => x.fixes.map((f) => f.toolchain)))];
  const picked = store.toolchain.value;
  const toolchain = picked && available.includes(picked) ? picked : (available[0] ?? null);
  return (
    <section class="section hints" aria-label={h.title}>
      <h3>
        {h.title}
        {available.length > 1 && (
          <label class="toolchain">
            {h.toolchain}{' '}
            <select value={toolchain ?? ''} onChange={(e) => (store.toolchain.value = e.currentTarget.value as Toolchain)}>
              {available.map((t) => (
                <option key={t} value={t}>{strings.toolchains[t] ?? t}</option>
              ))}
            </select>
          </label>
        )}
      </h3>
      {hints.length === 0 ? <p class="muted">{h.none}</p> : hints.map((hint) => <HintCard key={hint.id} hint={hint} toolchain={toolchain} />)}
    </section>
  );
}

/** The hints of an exchange: at once, or "Loading fixes…" while the hint engine loads (an error line if it cannot). */
export function ExchangeHints({ report }: { report: ExchangeReport }) {
  const state = useHints(report);
  const h = strings.hints;
  if (state.status === 'ready') return <HintsView hints={state.hints} />;
  return (
    <section class="section hints" aria-label={h.title} aria-busy={state.status === 'loading'}>
      <h3>{h.title}</h3>
      {state.status === 'loading' ? (
        <p class="muted hints-loading" role="status">{h.loading}</p>
      ) : (
        <p class="hints-error" role="alert">{h.loadFailed(state.message)}</p>
      )}
    </section>
  );
}
