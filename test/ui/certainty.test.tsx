// The certainty of a verdict in the panel: with no browser signal (Firefox, a plain HAR) a verdict is
// what the CORS rules would do, and the list, the detail and the failures say so, naming Firefox's
// reason next to Chrome's. With Chrome's own signal nothing of that shows.
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { mountPanel, type MountedPanel } from '../../src/ui/mount';
import { createManualSource, createMemoryStorage, type ThemeName } from '../../src/ui/source';
import { createFakeAnalyzer, report } from './support/fake-analyzer';

let mounted: MountedPanel | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

function setup(...entries: unknown[]) {
  const source = createManualSource('Test');
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    mounted = mountPanel(root, { source, storage: createMemoryStorage({}), theme: { current: (): ThemeName => 'light' } }, { analyzer: createFakeAnalyzer(), batchMs: 0 });
  });
  act(() => source.push(entries));
  return root;
}

const failure = { corsError: 'MissingAllowOriginHeader', failedParameter: '', stage: 'actual', entry: 0, spec: { id: 'cors-check#2', url: 'https://fetch.spec.whatwg.org/#concept-cors-check' }, message: 'No ACAO.', firefoxReason: 'CORSMissingAllowOrigin' } as const;
const blocked = (kind: 'none' | 'blocked') => ({
  report: report({
    id: 'x1',
    verdict: 'blocked',
    corsError: 'MissingAllowOriginHeader',
    firefoxReason: 'CORSMissingAllowOrigin',
    allFailures: [failure],
    browser: kind === 'none' ? { kind: 'none', error: null } : { kind: 'blocked', error: 'net::ERR_FAILED' },
    summary: kind === 'none' ? 'Would be blocked by the CORS rules: the response has no Access-Control-Allow-Origin header.' : 'Blocked: ...',
  }),
});
const passed = (kind: 'none' | 'passed') => ({ report: report({ id: 'x2', browser: { kind, error: null } }) });

describe('certainty', () => {
  test('without a browser signal: "would be blocked", a dashed badge, Firefox’s reason and a banner', () => {
    const root = setup(blocked('none'), passed('none'));
    const [row, ok] = [...root.querySelectorAll<HTMLElement>('.rows [role=row]')];
    expect(row!.dataset.certainty).toBe('inferred');
    expect(row!.querySelector('.would')!.textContent).toBe('would be blocked');
    expect(row!.querySelector('.badge')!.className).toContain('inferred');
    expect(row!.querySelector('.badge')!.textContent).toBe('MissingAllowOriginHeader');
    expect(row!.querySelector('.ff-reason')!.textContent).toBe('CORSMissingAllowOrigin');
    expect(row!.querySelector('.c-verdict .badge')!.getAttribute('title')).toMatch(/^Would be blocked by the CORS rules/);
    expect(ok!.querySelector('.badge')!.textContent).toBe('would pass');
    expect(root.querySelector('.certainty-banner')!.textContent).toMatch(/Judged from the headers/);

    act(() => row!.click());
    const detail = root.querySelector('.detail')!;
    expect(detail.querySelector('.certainty-note')!.textContent).toContain('Firefox logs this as CORSMissingAllowOrigin (Chrome: MissingAllowOriginHeader)');
    expect(detail.querySelector('.failure.first')!.textContent).toContain('the one Chrome would report');
    expect(detail.querySelector('.failure.first')!.textContent).toContain('Firefox: CORSMissingAllowOrigin');
  });

  test('with Chrome’s own signal: no "would", no banner; the detail still names Firefox’s reason', () => {
    const root = setup(blocked('blocked'), passed('passed'));
    const [row, ok] = [...root.querySelectorAll<HTMLElement>('.rows [role=row]')];
    expect(row!.dataset.certainty).toBe('browser');
    expect(row!.querySelector('.would')).toBeNull();
    expect(row!.querySelector('.c-verdict')!.textContent).toBe('MissingAllowOriginHeader');
    expect(ok!.querySelector('.c-verdict')!.textContent).toBe('allowed');
    expect(root.querySelector('.certainty-banner')).toBeNull();
    act(() => row!.click());
    expect(root.querySelector('.certainty-note')).toBeNull();
    expect(root.querySelector('.failure.first')!.textContent).toContain('Chrome reports this one');
    expect(root.querySelector('.failure.first')!.textContent).toContain('Firefox: CORSMissingAllowOrigin');
  });
});
