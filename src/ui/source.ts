// The one interface through which the panel receives requests, whatever captures them: the live
// DevTools capture (extension/panel), an inline page (tests, the demo shell) or an imported HAR.
// The UI never touches an extension API; everything it needs from the host comes in a PanelHost.

/** What a source can tell the panel. Entries are raw HAR entries, handed to the core unchanged. */
export type SourceEvent =
  | { readonly type: 'entries'; readonly entries: readonly unknown[] }
  /** The inspected page navigated (the panel clears unless "Preserve log" is on). */
  | { readonly type: 'navigated'; readonly url: string }
  /**
   * Live capture: a more complete copy of an entry already delivered (same startedDateTime, method and URL,
   * e.g. getHAR()'s status-0 copy, then onRequestFinished's 502). It takes that entry's place.
   */
  | { readonly type: 'replace'; readonly entry: unknown }
  /** A file source: the HAR's `log.creator` and `log.pages`, before its entries (the creator tells a Firefox HAR). */
  | { readonly type: 'log'; readonly creator: unknown; readonly pages: readonly unknown[] }
  /** A file source: bytes read so far. */
  | { readonly type: 'progress'; readonly loaded: number; readonly total: number }
  /**
   * A file source has delivered everything. `total` counts the entries in the file, readable or not; `fatal`
   * says what stopped the reading early (not JSON, not a HAR, cut short) — entries before it were delivered.
   */
  | { readonly type: 'end'; readonly total: number; readonly fatal: string | null };

export interface RequestSource {
  /** Shown in the status bar, e.g. "Live capture". */
  readonly label: string;
  /** Delivers everything captured so far, then live events, until the returned function is called. */
  connect(listener: (event: SourceEvent) => void): () => void;
}

/** Small persistent settings (toolchain, preserve log). Values must be JSON-serialisable. */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

export type ThemeName = 'light' | 'dark';

export interface ThemeSource {
  current(): ThemeName;
  /** Calls back when DevTools switches theme; returns an unsubscribe function. */
  onChange?(listener: (theme: ThemeName) => void): () => void;
}

/** A request for the inspected page to make again ("Re-run from the page"): what the page passed to fetch(). */
export interface PageFetch {
  readonly url: string;
  readonly method: string;
  /** The page's own headers (no Cookie, no headers the browser adds). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly credentials: 'include' | 'same-origin' | 'omit';
  /** The captured body, only when the user chose to send it. */
  readonly body: string | null;
  /** The page origin of the capture: the page must still be on it, or the request would not be the same. */
  readonly origin: string;
}

/** Makes the inspected page issue a request (extension: devtools.inspectedWindow.eval; no permission needed). */
export interface PageRequester {
  fetchFromPage(request: PageFetch): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: string }>;
}

/** Everything the panel gets from where it runs. */
export interface PanelHost {
  readonly source: RequestSource;
  readonly storage: KeyValueStorage;
  readonly theme: ThemeSource;
  /** Absent where there is no inspected page (an inline page, a test without one): no "Re-run" button then. */
  readonly requester?: PageRequester;
}

/** An in-memory storage (tests, inline pages). */
export function createMemoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage {
  const data = new Map(Object.entries(initial));
  return {
    get: async (key) => data.get(key),
    set: async (key, value) => void data.set(key, value),
  };
}

/** A source fed by hand: `push(entries)` and `navigate(url)`. Keeps a backlog for late connections. */
export interface ManualSource extends RequestSource {
  push(entries: readonly unknown[]): void;
  navigate(url: string): void;
}

export function createManualSource(label = 'Inline'): ManualSource {
  const backlog: SourceEvent[] = [];
  const listeners = new Set<(event: SourceEvent) => void>();
  const emit = (event: SourceEvent) => {
    backlog.push(event);
    for (const l of listeners) l(event);
  };
  return {
    label,
    connect(listener) {
      for (const event of backlog) listener(event);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push: (entries) => emit({ type: 'entries', entries }),
    navigate: (url) => emit({ type: 'navigated', url }),
  };
}
