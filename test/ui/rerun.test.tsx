// "Re-run from the page": what the panel asks the page to send, the confirmation for anything but GET/HEAD, and
// the new row linked to the old one — over the real analysis core and a fake PageRequester.
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { createAnalyzer } from '../../src/core';
import { mountPanel, type MountedPanel } from '../../src/ui/mount';
import { applySelect } from '../../src/ui/store';
import { createManualSource, createMemoryStorage, type PageFetch } from '../../src/ui/source';
import { fetchExpression } from '../../src/ui/rerun';
import { API, PAGE, entry } from '../support/har-builder';

let mounted: MountedPanel | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });

function setup(requester: { fetchFromPage(r: PageFetch): Promise<{ ok: true } | { ok: false; error: string }> } | undefined) {
  const source = createManualSource();
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    mounted = mountPanel(root, { source, storage: createMemoryStorage(), theme: { current: () => 'light' }, ...(requester ? { requester } : {}) }, { analyzer: createAnalyzer(), batchMs: 0 });
  });
  const select = (id: string) => act(() => applySelect(mounted!.store, id));
  return { root, source, select };
}

const blockedGet = entry({ url: `${API}/items`, requestHeaders: { Origin: PAGE, 'X-Api-Key': 'k1', 'User-Agent': 'Chrome', Cookie: 'sid=1' }, status: 200, resourceType: 'fetch', error: 'net::ERR_FAILED', started: 0 });
const blockedPut = entry({ method: 'PUT', url: `${API}/items/1`, requestHeaders: { Origin: PAGE, 'Content-Type': 'text/plain' }, status: 200, resourceType: 'fetch', error: 'net::ERR_FAILED', started: 5, postData: { mimeType: 'text/plain', text: 'hello' } });

describe('Re-run from the page', () => {
  test('no requester (no inspected page): no button', () => {
    const { root, source, select } = setup(undefined);
    act(() => source.push([blockedGet]));
    select('x0');
    expect(root.querySelector('.rerun-button')).toBeNull();
  });

  test('a GET goes at once with the page\'s own headers and credentials mode; the new row is linked both ways', async () => {
    const calls: PageFetch[] = [];
    const { root, source, select } = setup({ fetchFromPage: async (r) => (calls.push(r), { ok: true }) });
    act(() => source.push([blockedGet]));
    select('x0');
    act(() => (root.querySelector('.rerun-button') as HTMLButtonElement).click());
    await flush();
    expect(calls).toEqual([{ url: `${API}/items`, method: 'GET', headers: [['x-api-key', 'k1']], credentials: 'include', body: null, origin: PAGE }]);
    expect(root.querySelector('.rerun-waiting')).not.toBeNull();

    // The fixed server answers: the capture delivers the page's new request.
    act(() => source.push([entry({ url: `${API}/items`, requestHeaders: { Origin: PAGE, 'X-Api-Key': 'k1' }, status: 200, responseHeaders: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' }, resourceType: 'fetch', error: null, started: new Date().toISOString() })]));
    await flush();
    expect(root.querySelector('[data-rerun-as="x1"]')?.textContent).toBe('Re-run as x1: was blocked (MissingAllowOriginHeader), now allowed');
    act(() => (root.querySelector('[data-rerun-link="x1"]') as HTMLButtonElement).click());
    await flush();
    expect(root.querySelector('.detail')?.getAttribute('data-exchange-id')).toBe('x1');
    expect(root.querySelector('[data-rerun-of="x0"]')?.textContent).toBe('Re-run of x0: was blocked (MissingAllowOriginHeader), now allowed');
  });

  test('a PUT asks first; the captured body goes only when ticked; Cancel sends nothing', async () => {
    const calls: PageFetch[] = [];
    const { root, source, select } = setup({ fetchFromPage: async (r) => (calls.push(r), { ok: true }) });
    act(() => source.push([blockedPut]));
    select('x0');
    act(() => (root.querySelector('.rerun-button') as HTMLButtonElement).click());
    expect(root.querySelector('.rerun-confirm')?.textContent).toContain(`This makes the page send PUT ${API}/items/1 again`);
    act(() => (root.querySelector('.rerun-cancel') as HTMLButtonElement).click());
    expect(calls).toEqual([]);
    act(() => (root.querySelector('.rerun-button') as HTMLButtonElement).click());
    act(() => (root.querySelector('.rerun-send') as HTMLButtonElement).click());
    await flush();
    expect(calls[0]).toMatchObject({ method: 'PUT', body: null, headers: [['content-type', 'text/plain']] });
    act(() => (root.querySelector('.rerun-button') as HTMLButtonElement).click());
    const box = root.querySelector('.rerun-confirm input[type=checkbox]') as HTMLInputElement;
    expect(box.parentElement?.textContent).toContain('Send the captured body (5 bytes)');
    act(() => box.click());
    act(() => (root.querySelector('.rerun-send') as HTMLButtonElement).click());
    await flush();
    expect(calls[1]).toMatchObject({ method: 'PUT', body: 'hello' });
  });

  test('a page that moved elsewhere: the error is shown, nothing is recorded', async () => {
    const { root, source, select } = setup({ fetchFromPage: async () => ({ ok: false, error: 'the inspected page is on https://other.test, not ' + PAGE }) });
    act(() => source.push([blockedGet]));
    select('x0');
    act(() => (root.querySelector('.rerun-button') as HTMLButtonElement).click());
    await flush();
    expect(root.querySelector('.rerun-error')?.textContent).toContain('the inspected page is on https://other.test');
    expect(root.querySelector('.rerun-waiting')).toBeNull();
  });
});

describe('fetchExpression (what devtools.inspectedWindow.eval runs in the page)', () => {
  const run = (expr: string, origin: string) => {
    const seen: unknown[] = [];
    const fakeFetch = (url: string, init: unknown) => (seen.push([url, init]), Promise.resolve({ text: () => Promise.resolve('') }));
    const result = new Function('location', 'window', `return ${expr};`)({ origin }, { fetch: fakeFetch }) as unknown;
    return { result, seen };
  };
  const request: PageFetch = { url: `${API}/a'b"c`, method: 'PUT', headers: [['x-k', "v'\"</script>"]], credentials: 'include', body: 'b', origin: PAGE };
  test('issues the fetch with the same init, whatever the quotes in the values', () => {
    const { result, seen } = run(fetchExpression(request), PAGE);
    expect(result).toEqual({ ok: true });
    expect(seen).toEqual([[request.url, { method: 'PUT', headers: [['x-k', "v'\"</script>"]], credentials: 'include', mode: 'cors', body: 'b' }]]);
  });
  test('refuses when the page is on another origin', () => {
    const { result, seen } = run(fetchExpression(request), 'https://elsewhere.test');
    expect(result).toEqual({ ok: false, error: `the inspected page is on https://elsewhere.test, not ${PAGE}` });
    expect(seen).toEqual([]);
  });
});
