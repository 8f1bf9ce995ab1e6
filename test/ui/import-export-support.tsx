// Shared by test/ui/export*.test.tsx and import*.test.tsx: the panel over the real core, fed through a manual
// (live) source, and a polling wait for what an async import produces.
import { act } from 'preact/test-utils';
import { createAnalyzer } from '../../src/core';
import { mountPanel, type MountedPanel } from '../../src/ui/mount';
import { createManualSource, createMemoryStorage, type ManualSource } from '../../src/ui/source';
import { API, PAGE, entry, preflight } from '../support/har-builder';

export interface Mounted {
  readonly root: HTMLElement;
  readonly source: ManualSource;
  readonly panel: MountedPanel;
  push(...entries: unknown[]): void;
}

/**
 * `hintsOnDemand`: as the extension panel runs, an analyser without the hint engine (`hints: false`) and hints
 * computed when an exchange is shown or exported; otherwise the analyser attaches them itself.
 */
export function mountLive(options: { maxEntries?: number; trimTo?: number; hintsOnDemand?: boolean } = {}): Mounted {
  const source = createManualSource('Live capture');
  const root = document.createElement('div');
  document.body.appendChild(root);
  let panel!: MountedPanel;
  act(() => {
    panel = mountPanel(root, { source, storage: createMemoryStorage(), theme: { current: () => 'light' } }, { analyzer: createAnalyzer({ hints: !options.hintsOnDemand }), batchMs: 0, ...options });
  });
  return { root, source, panel, push: (...entries) => act(() => source.push(entries)) };
}

/** Polls `check` (inside act, so effects and renders flush) until it returns a truthy value. */
export async function waitFor<T>(check: () => T, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let value: T | undefined;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
      value = check();
    });
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}

export const SECRET = {
  bearer: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldA',
  cookie: 'sess-0f9e8d7c6b5a49382716',
  apiKey: 'live-api-key-5b1d0c9e',
  signature: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
};

/** Three exchanges: a blocked credentialed GET with secrets everywhere, an allowed preflighted PUT, a same-origin GET. */
export function demoEntries(): Array<Record<string, unknown>> {
  return [
    entry({
      url: `${API}/private?X-Amz-Signature=${SECRET.signature}&page=2`,
      requestHeaders: { Origin: PAGE, Authorization: `Bearer ${SECRET.bearer}`, Cookie: `session=${SECRET.cookie}`, 'X-Api-Key': SECRET.apiKey },
      cookies: [{ name: 'session', value: SECRET.cookie }],
      status: 0,
      resourceType: 'fetch',
      error: 'net::ERR_FAILED',
      started: 0,
      responseHeaders: { 'Content-Type': 'application/json' },
      body: '{"message":"Forbidden"}',
    }),
    preflight(`${API}/put`, 'PUT', { status: 204, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, { started: 10 }),
    entry({ method: 'PUT', url: `${API}/put`, requestHeaders: { Origin: PAGE }, status: 200, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null, started: 11 }),
    entry({ url: `${PAGE}/same`, requestHeaders: { Referer: `${PAGE}/` }, status: 200, resourceType: 'fetch', error: null, started: 20 }),
  ];
}

/** What the panel lists: method, URL and verdict/error of every exchange (all of them, not only the visible ones). */
export function verdicts(panel: MountedPanel): Array<[string, string, string, string | null]> {
  return panel.store.exchanges.value.map((x) => [x.method, x.url, x.verdict, x.corsError]);
}
