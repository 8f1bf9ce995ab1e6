// Hints from the core (ExchangeReport.hints), each with its fixes for the picked toolchain.
// The toolchain choice is remembered through the host's storage (see connect.ts). In the extension panel the
// hints are computed when the exchange is shown (the hint engine loads on demand, see ../lazy-hints.ts).
import type { ExchangeReport, Hint, HintFix, Toolchain } from '../../core/analysis';
import { useStore } from '../context';
import { useHints } from '../lazy-hints';
import { strings } from '../strings';
import { CopyButton } from './CopyButton';

function Fix({ fix }: { fix: HintFix }) {
  // A "fix" that is prose (language text: "Nothing to change here") has nothing to paste: no Copy, no code box.
  if (fix.language === 'text') {
    return (
      <div class="fix prose" data-toolchain={fix.toolchain}>
        <div class="fix-head">
          <span class="fix-title">{fix.title}</span>
        </div>
        <p class="fix-prose">{fix.snippet.trim()}</p>
      </div>
    );
  }
  return (
    <div class="fix" data-toolchain={fix.toolchain}>
      <div class="fix-head">
        <span class="fix-title">{fix.title}</span>
        {fix.copy !== false && <CopyButton text={fix.snippet} />}
      </div>
      {fix.copy === false ? <p class="fix-note">{fix.snippet}</p> : <pre class={`snippet lang-${fix.language}`}>{fix.snippet}</pre>}
    </div>
  );
}

/** The fixes of `hint` for `toolchain` (all of them when it has none for it). */
export function fixesFor(hint: Hint, toolchain: Toolchain | null): { fixes: readonly HintFix[]; exact: boolean } {
  const fixes = hint.fixes.filter((f) => f.toolchain === toolchain);
  return fixes.length > 0 ? { fixes, exact: true } : { fixes: hint.fixes, exact: false };
}

/** The toolchain the detail shows: the user's pick when these hints have fixes for it, else the first they have. */
export function chosenToolchain(hints: readonly Hint[], picked: Toolchain | null): { available: Toolchain[]; toolchain: Toolchain | null } {
  const available = [...new Set(hints.flatMap((x) => x.fixes.map((f) => f.toolchain)))];
  return { available, toolchain: picked && available.includes(picked) ? picked : (available[0] ?? null) };
}

/** The hint's text after its fix: what happened, the evidence from this request, the docs. */
function HintBody({ hint }: { hint: Hint }) {
  const h = strings.hints;
  return (
    <>
      <p class="explanation">{hint.explanation}</p>
      {hint.evidence.length > 0 && (
        <div class="evidence">
          <span class="muted">{h.evidence}</span>
          <ul>{hint.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
        </div>
      )}
      {hint.docs.length > 0 && (
        <p class="docs">
          <span class="muted">{h.docs} </span>
          {hint.docs.map((d, i) => (
            <a key={i} href={d.url} target="_blank" rel="noreferrer">{d.title}</a>
          ))}
        </p>
      )}
    </>
  );
}

/** A hint: its title, then at once the fix for the chosen toolchain, then why. */
function HintCard({ hint, toolchain, first }: { hint: Hint; toolchain: Toolchain | null; first: boolean }) {
  const h = strings.hints;
  const { fixes, exact } = fixesFor(hint, toolchain);
  const title = (
    <h4>
      {hint.title} <span class={`confidence ${hint.confidence}`}>{h.confidence[hint.confidence]}</span>
    </h4>
  );
  const body = (
    <>
      {!exact && toolchain && hint.fixes.length > 0 && <p class="muted">{h.noFixFor(strings.toolchains[toolchain] ?? toolchain)}</p>}
      {fixes.map((fix, i) => <Fix key={i} fix={fix} />)}
      <HintBody hint={hint} />
    </>
  );
  if (first) {
    return (
      <article class="hint first" data-hint-id={hint.id} aria-label={hint.title}>
        {title}
        {body}
      </article>
    );
  }
  // Further hints are collapsed: the first screen belongs to the first fix.
  return (
    <details class="hint more" data-hint-id={hint.id} aria-label={hint.title}>
      <summary>{title}</summary>
      {body}
    </details>
  );
}

export function HintsView({ hints }: { hints: readonly Hint[] }) {
  const store = useStore();
  const h = strings.hints;
  const { available, toolchain } = chosenToolchain(hints, store.toolchain.value);
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
      {hints.length === 0 ? (
        <p class="muted">{h.none}</p>
      ) : (
        hints.map((hint, i) => <HintCard key={hint.id} hint={hint} toolchain={toolchain} first={i === 0} />)
      )}
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
