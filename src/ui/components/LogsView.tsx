// "Find it in the logs" for the selected exchange: the log commands, Logs Insights queries and console links
// of the AWS service that answered, filled from the capture (src/core/hints/logs). The plan needs the
// exchange's fingerprints, which the hint engine computes: it loads with the hint engine, on demand, and is
// never in the panel's start bundle (only types are imported here; test/e2e/panel-bundle.test.ts).
import type { ExchangeReport } from '../../core/analysis';
import { needsHints } from '../../core/analysis';
import type { LogSnippet, LogsPlan } from '../../core/analyze';
import { useStore } from '../context';
import { useHintEngine } from '../lazy-hints';
import { entryOf } from '../store';
import { logsStrings as s } from '../strings-logs';
import { CopyButton } from './CopyButton';

/** The plan of `report` once the hint engine is there (null: none, or still loading). */
function useLogsPlan(report: ExchangeReport): { plan: LogsPlan | null; error: string | null } {
  const store = useStore();
  const wanted = needsHints(report);
  const { module: engine, error } = useHintEngine(wanted, report);
  if (!engine) return { plan: null, error };
  try {
    return { plan: engine.logsPlan(report, (i) => entryOf(store, i)), error: null };
  } catch (e) {
    console.error('CORS Lens: the log plan failed on an exchange', e);
    return { plan: null, error: e instanceof Error ? e.message : String(e) };
  }
}

function Snippet({ snippet }: { snippet: LogSnippet }) {
  const url = snippet.language === 'url' ? snippet.text.trim() : null;
  return (
    <div class="log-snippet" data-log-snippet={snippet.kind}>
      <div class="fix-head">
        <span class="fix-title">{snippet.title}</span>
        <CopyButton text={snippet.text} />
      </div>
      {url ? (
        <p class="snippet-link">
          <a href={url} target="_blank" rel="noreferrer">{s.openConsole}</a> <span class="muted mono">{url}</span>
        </p>
      ) : (
        <pre class={`snippet lang-${snippet.language}`}>{snippet.text}</pre>
      )}
    </div>
  );
}

export function LogsView({ report }: { report: ExchangeReport }) {
  const { plan, error } = useLogsPlan(report);
  if (error) return <p class="hints-error" role="alert">{s.loadFailed(error)}</p>;
  if (!plan) return null;
  return (
    <section class="section logs" aria-label={s.title}>
      <h3>{s.title}</h3>
      <p class="muted mono">
        {plan.request} · {s.ids}: {plan.ids.length ? plan.ids.map((i) => `${i.label} ${i.value}`).join('; ') : s.noIds}
      </p>
      {plan.sources.map((source, i) => (
        <details key={source.source} class="log-source" data-log-source={source.source} open={i === 0}>
          <summary>
            {source.title} <span class="muted">— {source.where}</span>
          </summary>
          <p>
            <span class="muted">{s.shows}: </span>
            {source.shows}
          </p>
          {source.notes.length > 0 && <ul class="log-notes">{source.notes.map((n, j) => <li key={j}>{n}</li>)}</ul>}
          {source.snippets.map((snippet, j) => <Snippet key={j} snippet={snippet} />)}
        </details>
      ))}
    </section>
  );
}
