// TEST-ONLY. Firefox's DevTools DOM cannot be read from a WebDriver BiDi test, so the Firefox e2e
// build (CORS_LENS_TEST_SINK=http://127.0.0.1:<port>/__report) makes the panel POST what it has
// rendered — the text of each list row and of the open detail — to a loopback sink, and apply the
// few user actions the sink answers with (type a filter, pick a quick filter, click a row), through
// the DOM as a user would. It also forwards devtools.network.getHAR() on request, to record
// fixtures. Shipped builds do not contain this module (see the `define` in vite.config.ts).

interface SinkCommands {
  /** Text to type into the filter box. */
  readonly filter?: string;
  /** data-quick value of a quick-filter chip to click. */
  readonly quick?: string;
  /** Click the first row whose URL contains this. */
  readonly select?: string;
  /** Send devtools.network.getHAR() with the next report. */
  readonly har?: boolean;
}

const text = (el: Element | null | undefined) => el?.textContent?.trim() ?? '';

function renderedRows() {
  return [...document.querySelectorAll<HTMLElement>('.rows [role=row]')].map((row) => ({
    id: row.dataset.exchangeId ?? '',
    verdict: row.dataset.verdict ?? '',
    error: row.dataset.error ?? '',
    certainty: row.dataset.certainty ?? '',
    method: text(row.querySelector('.c-method')),
    url: row.querySelector('.c-url')?.getAttribute('title') ?? '',
    status: text(row.querySelector('.c-status')),
    badge: text(row.querySelector('.c-verdict .badge')),
    firefoxReason: text(row.querySelector('.c-verdict .ff-reason')),
    verdictTitle: row.querySelector('.c-verdict .badge')?.getAttribute('title') ?? '',
    preflight: text(row.querySelector('.c-preflight')),
    // A line of identical repeats (Group repeats, on by default) stands for this many requests.
    count: Number(row.dataset.count ?? 1),
  }));
}

function renderedDetail() {
  const detail = document.querySelector('.detail');
  if (!detail) return null;
  return {
    title: text(detail.querySelector('.title')),
    badge: text(detail.querySelector('.detail-head .badge')),
    certainty: text(detail.querySelector('.certainty-note')),
    summary: text(detail.querySelector('.summary-sentence')),
    firstFailure: text(detail.querySelector('.failure.first')),
    checks: [...detail.querySelectorAll<HTMLElement>('tr.check')].map((tr) => ({
      stage: tr.closest<HTMLElement>('[data-stage]')?.dataset.stage ?? '',
      header: tr.dataset.header ?? '',
      status: tr.dataset.status ?? '',
    })),
    text: text(detail),
  };
}

function apply(commands: SinkCommands) {
  if (typeof commands.filter === 'string') {
    const input = document.querySelector<HTMLInputElement>('.toolbar input.filter, .toolbar input[type=search]');
    if (input && input.value !== commands.filter) {
      input.value = commands.filter;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }
  if (commands.quick) document.querySelector<HTMLElement>(`[data-quick="${commands.quick}"]`)?.click();
  if (commands.select) {
    const needle = commands.select;
    const row = [...document.querySelectorAll<HTMLElement>('.rows [role=row]')].find((r) => r.querySelector('.c-url')?.getAttribute('title')?.includes(needle));
    row?.click();
  }
}

export function startTestSink(url: string, deps: { getHAR(): Promise<unknown[]> }): void {
  let last = '';
  let lastSent = 0;
  let wantHar = false;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const report = {
        at: Date.now(),
        theme: document.documentElement.dataset.theme ?? '',
        browser: document.documentElement.dataset.browser ?? '',
        rows: renderedRows(),
        detail: renderedDetail(),
        status: text(document.querySelector('.statusbar')),
      };
      const har = wantHar ? await deps.getHAR() : undefined;
      wantHar = false;
      const body = JSON.stringify({ ...report, at: 0 });
      // Unchanged: still ask for commands, at most once a second.
      if (body === last && har === undefined && Date.now() - lastSent < 1000) return;
      last = body;
      lastSent = Date.now();
      // text/plain keeps it a CORS-safelisted request: no preflight, the sink answers with ACAO: *.
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ ...report, har }) });
      const commands = (await res.json()) as SinkCommands;
      if (commands.har) wantHar = true;
      apply(commands);
    } catch {
      // the sink is not there (yet): try again on the next tick
    } finally {
      busy = false;
    }
  };
  setInterval(() => void tick(), 200);
}
