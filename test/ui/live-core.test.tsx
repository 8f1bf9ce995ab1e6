// The panel over the real analysis core, fed HAR entries through a RequestSource (no extension).
import { afterEach, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { createAnalyzer } from '../../src/core';
import { mountPanel, type MountedPanel } from '../../src/ui/mount';
import { createManualSource, createMemoryStorage } from '../../src/ui/source';
import { API, PAGE, entry, preflight } from '../support/har-builder';

let mounted: MountedPanel | null = null;
afterEach(() => mounted?.unmount());

test('a missing Access-Control-Allow-Origin and a good preflighted PUT, as the panel lists them', () => {
  const source = createManualSource();
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    mounted = mountPanel(root, { source, storage: createMemoryStorage(), theme: { current: () => 'light' } }, { analyzer: createAnalyzer(), batchMs: 0 });
  });
  act(() =>
    source.push([
      entry({ url: `${API}/no-acao`, requestHeaders: { Origin: PAGE }, status: 0, resourceType: 'fetch', error: 'net::ERR_FAILED', started: 0, responseHeaders: { 'Content-Type': 'application/json' } }),
      preflight(`${API}/put`, 'PUT', { status: 204, headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, { started: 10 }),
      entry({ method: 'PUT', url: `${API}/put`, requestHeaders: { Origin: PAGE }, status: 200, responseHeaders: { 'Access-Control-Allow-Origin': PAGE }, resourceType: 'fetch', error: null, started: 11 }),
      { not: 'a har entry' },
    ]),
  );
  const rows = [...root.querySelectorAll('.rows [role=row]')].map((r) => [r.querySelector('.c-method')!.textContent, r.getAttribute('data-error') || r.getAttribute('data-verdict')]);
  expect(rows).toEqual([
    ['GET', 'MissingAllowOriginHeader'],
    ['PUT', 'allowed'],
  ]);
  expect(root.querySelector('.problems')).not.toBeNull();
});
