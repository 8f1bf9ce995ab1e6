// Component tests: the whole panel mounted in happy-dom over a fake source and a fake analyser.
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { mountPanel, type MountedPanel } from '../../src/ui/mount';
import { SETTINGS } from '../../src/ui/connect';
import { createManualSource, createMemoryStorage, type ThemeName } from '../../src/ui/source';
import { createFakeAnalyzer, observed, report } from './support/fake-analyzer';

let mounted: MountedPanel | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.innerHTML = '';
});

function setup(initialStorage: Record<string, unknown> = {}) {
  const source = createManualSource('Test');
  const storage = createMemoryStorage(initialStorage);
  let themeListener: ((t: ThemeName) => void) | null = null;
  const theme = { current: (): ThemeName => 'light', onChange: (l: (t: ThemeName) => void) => ((themeListener = l), () => undefined) };
  const root = document.createElement('div');
  document.body.appendChild(root);
  act(() => {
    mounted = mountPanel(root, { source, storage, theme }, { analyzer: createFakeAnalyzer(), batchMs: 0 });
  });
  const push = (...entries: unknown[]) => act(() => source.push(entries));
  return { root, source, storage, push, setTheme: (t: ThemeName) => act(() => themeListener?.(t)) };
}

const PREFLIGHT_403 = {
  report: report({
    id: 'x1',
    method: 'PUT',
    url: 'http://127.0.0.1:8702/items/1',
    verdict: 'blocked',
    corsError: 'PreflightMissingAllowOriginHeader',
    failedParameter: '',
    pageStatus: 0,
    serverStatus: null,
    preflightEntry: 0,
    actualEntry: 1,
    pairing: { method: 'matched', detail: 'Paired on URL and method.' },
    summary: 'Blocked: the preflight response has no Access-Control-Allow-Origin. The server answered 403 Forbidden.',
    hiddenStatus: { status: 403, statusText: 'Forbidden', stage: 'preflight', sentence: 'The server answered the preflight with 403 Forbidden.' },
    allFailures: [
      { corsError: 'PreflightMissingAllowOriginHeader', failedParameter: '', stage: 'preflight', entry: 0, spec: { id: 'cors-check#2', url: 'https://fetch.spec.whatwg.org/#concept-cors-check' }, message: 'No ACAO.', firefoxReason: null },
      { corsError: 'PreflightInvalidStatus', failedParameter: '', stage: 'preflight', entry: 0, spec: { id: 'cors-preflight-fetch#7', url: 'https://fetch.spec.whatwg.org/#cors-preflight-fetch' }, message: 'Not ok.', firefoxReason: null },
    ],
    checks: [
      { stage: 'preflight', header: 'Access-Control-Allow-Origin', status: 'missing', expected: 'http://127.0.0.1:8701', actual: null, spec: { id: 'cors-check#2', url: 'https://fetch.spec.whatwg.org/#concept-cors-check' }, corsError: 'PreflightMissingAllowOriginHeader' },
      { stage: 'actual', header: 'Access-Control-Allow-Origin', status: 'not-observed', expected: 'http://127.0.0.1:8701', actual: null, spec: { id: 'cors-check#2', url: 'https://fetch.spec.whatwg.org/#concept-cors-check' } },
    ],
    preflightReason: {
      needed: true,
      methodSafelisted: false,
      unsafeHeaders: [{ name: 'content-type', why: 'content-type-essence', detail: 'application/json' }],
      source: 'preflight-request',
      avoid: ['Send the body as text/plain.'],
    },
    hints: [
      {
        id: 'APIGW-R05',
        title: 'Enable CORS on the OPTIONS method',
        confidence: 'likely',
        evidence: ['x-amzn-ErrorType: ForbiddenException'],
        explanation: 'API Gateway answered the preflight itself.',
        fixes: [
          { toolchain: 'sam', language: 'yaml', title: 'SAM template', snippet: 'Cors: "\'http://127.0.0.1:8701\'"' },
          { toolchain: 'cdk', language: 'ts', title: 'CDK', snippet: 'defaultCorsPreflightOptions: {}' },
        ],
        docs: [{ title: 'Enable CORS', url: 'https://docs.aws.amazon.com/apigateway/' }],
      },
    ],
  }),
  observed: observed({
    index: 0,
    method: 'OPTIONS',
    url: 'http://127.0.0.1:8702/items/1',
    requestHeaders: [['origin', 'http://127.0.0.1:8701'], ['access-control-request-method', 'PUT'], ['access-control-request-headers', 'content-type']],
    status: 403,
    statusText: 'Forbidden',
    responseHeaders: [['x-amzn-errortype', 'ForbiddenException'], ['x-evil', '<img src=x onerror=alert(1)>']],
  }),
};
const ACTUAL_PUT = {
  observed: observed({
    index: 1,
    method: 'PUT',
    url: 'http://127.0.0.1:8702/items/1',
    requestHeaders: [[':authority', '127.0.0.1:8702'], ['content-type', 'application/json'], ['origin', 'http://127.0.0.1:8701']],
    status: 0,
  }),
  request: { postData: { mimeType: 'application/json', text: `{"it's":1}` } },
};
const ALLOWED = { report: report({ id: 'x2', startedMs: Date.parse('2026-11-24T18:47:47.000Z') }) };

const q = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel as string) as T;
const key = (target: EventTarget, k: string, init: KeyboardEventInit = {}) =>
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init })));

describe('the CORS panel', () => {
  test('shows an empty state that says to reload or reproduce the call', () => {
    const { root } = setup();
    expect(q(root, '.empty').textContent).toMatch(/Reload the page.*reproduce the call/);
  });

  test('lists exchanges with method, statuses, verdict badge with Chrome’s error name and preflight marker', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT, ALLOWED);
    const rows = [...root.querySelectorAll('.rows [role=row]')];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('.c-method')!.textContent).toBe('PUT');
    // The Name column: path and query first, the host beside it (never the host alone), the whole URL as tooltip.
    expect(rows[0]!.querySelector('.c-name .name-path')!.textContent).toBe('/items/1');
    expect(rows[0]!.querySelector('.c-name .name-host')!.textContent).toBe('127.0.0.1:8702');
    expect(rows[0]!.querySelector('.c-name')!.getAttribute('title')).toBe('http://127.0.0.1:8702/items/1');
    // Chrome's name stays on the badge; its tooltip says what it means.
    expect(rows[0]!.querySelector('.c-verdict .badge')!.getAttribute('title')).toBe(
      'PreflightMissingAllowOriginHeader: blocked because the preflight response has no Access-Control-Allow-Origin header.',
    );
    expect(rows[0]!.querySelector('.c-status')!.textContent).toBe('0 / not sent');
    expect(rows[0]!.querySelector('.c-verdict')!.textContent).toBe('PreflightMissingAllowOriginHeader');
    expect(rows[0]!.querySelector('.c-preflight')!.textContent).toBe('sent');
    expect(rows[1]!.querySelector('.c-verdict')!.textContent).toBe('allowed');
    expect(q(root, '[role=grid]').getAttribute('aria-label')).toBe('Cross-origin requests');
  });

  test('the detail view: summary, failures with the first marked, checklist side by side, why a preflight', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT);
    act(() => q(root, '.rows [role=row]').click());
    const detail = q(root, '.detail');
    expect(q(detail, '.summary-sentence').textContent).toContain('no Access-Control-Allow-Origin');
    expect(q(detail, '.hidden-status').textContent).toContain('403 Forbidden');
    const failures = [...detail.querySelectorAll('.failure')];
    expect(failures.map((f) => f.getAttribute('data-error'))).toEqual(['PreflightMissingAllowOriginHeader', 'PreflightInvalidStatus']);
    expect(failures[0]!.textContent).toContain('Chrome reports this one');
    expect(failures[1]!.textContent).not.toContain('Chrome reports this one');
    expect(q(detail, '[data-stage=preflight] tr.check').getAttribute('data-status')).toBe('missing');
    expect(q(detail, '[data-stage=actual] tr.check').getAttribute('data-status')).toBe('not-observed');
    expect(detail.textContent).toContain('the method PUT is not GET, HEAD or POST');
    expect(detail.textContent).toContain('Send the body as text/plain.');
  });

  test('the detail puts the fix first: summary, hidden status, the fix, then the evidence', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT);
    act(() => q(root, '.rows [role=row]').click());
    const order = [...q(root, '.detail-body').children].map((el) =>
      el.classList.contains('summary') ? 'summary'
        : el.classList.contains('hints') ? 'fix'
        : el.classList.contains('checklist') ? 'checklist'
        : (el.getAttribute('aria-label') ?? el.className),
    );
    expect(order).toEqual(['summary', 'fix', 'Every failing check', 'checklist', 'Why a preflight?', 'Headers', 'Copy as cURL', 'How it was judged']);
    // Inside the first hint, its fix comes before the explanation and the evidence.
    const hint = q(root, '.hint.first');
    const parts = [...hint.children].map((el) => el.className || el.tagName.toLowerCase());
    expect(parts.indexOf('fix')).toBeLessThan(parts.indexOf('explanation'));
    expect(parts.indexOf('fix')).toBeLessThan(parts.indexOf('evidence'));
    // The checklist of a blocked request is open; only stages with checks are shown.
    expect(q<HTMLDetailsElement>(root, 'details.checklist').open).toBe(true);
    expect(root.textContent).not.toContain('No checks for this stage');
  });

  test('plain words: provenance, pairing and spec steps are never shown as internal ids', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT);
    act(() => q(root, '.rows [role=row]').click());
    const text = q(root, '.detail').textContent!;
    expect(text).toContain('Page origin: http://127.0.0.1:8701 (from the Origin header)');
    expect(text).toContain('Credentials: unknown (a HAR does not record it)');
    expect(text).toContain('The preflight was matched to this request');
    for (const id of ['not-recorded-in-har', 'origin-header', 'cors-check#2', 'APIGW-R05', 'entry ', 'Pairing']) {
      expect(text, id).not.toContain(id);
    }
    const spec = q(root, '.failure a.spec');
    expect(spec.textContent).toBe('spec');
    expect(spec.getAttribute('title')).toContain('cors-check#2');
  });

  test('an allowed request leads with "nothing to fix"; an advisory row is advice, not a failure', () => {
    const { root, push } = setup();
    const vary = {
      stage: 'actual' as const, header: 'Vary', status: 'missing' as const, expected: 'Origin', actual: null,
      spec: { id: 'chromium:vary', url: 'https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches' },
      note: 'without Vary: Origin a cache may serve this response to another origin',
    };
    push({ report: report({ id: 'x9', checks: [vary] }) });
    act(() => q(root, '.rows [role=row]').click());
    const body = q(root, '.detail-body');
    expect(body.children[1]!.textContent).toContain('Nothing to fix');
    expect(q(root, '.advisories').textContent).toContain('Vary');
    const row = q(root, 'tr.check[data-header=Vary]');
    expect(row.getAttribute('data-advisory')).toBe('true');
    expect(row.querySelector('.check-status')!.textContent).toBe('advised');
    expect(row.querySelector('.check-status.missing')).toBeNull();
    // Collapsed for an allowed request.
    expect(q<HTMLDetailsElement>(root, 'details.checklist').open).toBe(false);
  });

  test('a fix without a snippet (prose) has no Copy button', () => {
    const { root, push } = setup();
    const base = PREFLIGHT_403.report;
    push({
      report: { ...base, hints: [{ ...base.hints[0]!, fixes: [{ toolchain: 'lambda-node', language: 'text', title: 'Nothing to change here', snippet: 'The function never runs.\n' }] }] },
    });
    act(() => q(root, '.rows [role=row]').click());
    const fix = q(root, '.fix');
    expect(fix.textContent).toContain('The function never runs.');
    expect(fix.querySelector('button.copy')).toBeNull();
    expect(fix.querySelector('pre')).toBeNull();
  });

  test('the filter finds plain words and hides the detail of a row it filters out', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT, ALLOWED);
    act(() => q(root, '.rows [role=row]').click());
    expect(root.querySelector('.detail')).not.toBeNull();
    const input = q<HTMLInputElement>(root, 'input.filter');
    const type = (text: string) =>
      act(() => {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    type('forbidden'); // a word of the summary
    expect([...root.querySelectorAll('.rows [role=row]')].map((r) => r.getAttribute('data-exchange-id'))).toEqual(['x1']);
    type('apigw-r05'); // a pitfall id (the fake analyser's own hints)
    expect([...root.querySelectorAll('.rows [role=row]')].map((r) => r.getAttribute('data-exchange-id'))).toEqual(['x1']);
    type('-forbidden');
    expect([...root.querySelectorAll('.rows [role=row]')].map((r) => r.getAttribute('data-exchange-id'))).toEqual(['x2']);
    expect(root.querySelector('.detail')).toBeNull();
  });

  test('the row menu copies the URL, cURL, the fix and Chrome’s console line', async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (t: string) => void copied.push(t) } });
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT);
    const row = q(root, '.rows [role=row]');
    act(() => void row.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true, clientX: 10, clientY: 10 })));
    const items = [...root.querySelectorAll<HTMLElement>('.row-menu [role=menuitem]')].map((b) => b.dataset.item);
    expect(items).toEqual(['url', 'curl', 'curl-preflight', 'fix', 'console']);
    const choose = async (item: string) => {
      await act(async () => {
        q(root, `.row-menu [data-item=${item}]`).click();
        await new Promise((r) => setTimeout(r, 0));
      });
      expect(root.querySelector('.row-menu')).toBeNull();
      act(() => void row.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
    };
    await choose('url');
    await choose('curl-preflight');
    await choose('fix');
    await choose('console');
    expect(copied[0]).toBe('http://127.0.0.1:8702/items/1');
    expect(copied[1]).toContain('curl -i -X OPTIONS');
    expect(copied[2]).toBe('Cors: "\'http://127.0.0.1:8701\'"');
    expect(copied[3]).toBe("Access to fetch at 'http://127.0.0.1:8702/items/1' from origin 'http://127.0.0.1:8701' has been blocked by CORS policy: No ACAO.");
    // Escape closes the menu, and is the panel's.
    const esc = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    act(() => void q(root, '.row-menu [role=menuitem]').dispatchEvent(esc));
    expect(esc.defaultPrevented).toBe(true);
    expect(root.querySelector('.row-menu')).toBeNull();
  });

  test('Copy as cURL: the actual request (with body, quoted) and a synthetic preflight', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT);
    act(() => q(root, '.rows [role=row]').click());
    expect(q(root, '[data-curl=actual]').textContent).toBe(
      [
        "curl -i -X PUT 'http://127.0.0.1:8702/items/1'",
        "-H 'content-type: application/json'",
        "-H 'origin: http://127.0.0.1:8701'",
        `--data-raw '{"it'\\''s":1}'`,
      ].join(' \\\n  '),
    );
    expect(q(root, '[data-curl=preflight]').textContent).toBe(
      [
        "curl -i -X OPTIONS 'http://127.0.0.1:8702/items/1'",
        "-H 'Origin: http://127.0.0.1:8701'",
        "-H 'Access-Control-Request-Method: PUT'",
        "-H 'Access-Control-Request-Headers: content-type'",
      ].join(' \\\n  '),
    );
  });

  test('headers are text, never HTML, and CORS ones are highlighted', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT);
    act(() => q(root, '.rows [role=row]').click());
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    const cors = [...root.querySelectorAll('dl.headers > div.cors dt')].map((dt) => dt.textContent);
    expect(cors).toContain('access-control-request-method');
    expect(cors).not.toContain('x-amzn-errortype');
  });

  test('hints: the toolchain picker filters fixes and is remembered in storage', async () => {
    const { root, push, storage } = setup({ [SETTINGS.toolchain]: 'cdk' });
    await act(() => new Promise((r) => setTimeout(r, 0))); // settings load
    push(PREFLIGHT_403, ACTUAL_PUT);
    act(() => q(root, '.rows [role=row]').click());
    expect([...root.querySelectorAll('.fix')].map((f) => f.getAttribute('data-toolchain'))).toEqual(['cdk']);
    const select = q<HTMLSelectElement>(root, '.hints select');
    act(() => {
      select.value = 'sam';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect([...root.querySelectorAll('.fix')].map((f) => f.getAttribute('data-toolchain'))).toEqual(['sam']);
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(await storage.get(SETTINGS.toolchain)).toBe('sam');
    expect(q(root, '.hint').textContent).toContain('x-amzn-ErrorType: ForbiddenException');
  });

  test('keyboard: arrows move, Escape closes, / and Ctrl+F focus the filter; DevTools never sees these keys', () => {
    // DevTools' extension API listens on the panel's document from the start and forwards Escape, Ctrl+F, ... to
    // DevTools (Escape opens the Console drawer): a listener registered before the panel stands for it.
    const seen: string[] = [];
    const devtools = (e: KeyboardEvent) => seen.push(e.key);
    document.addEventListener('keydown', devtools);
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT, ALLOWED);
    const grid = q(root, '[role=grid]');
    key(grid, 'ArrowDown');
    expect(q(root, '.row.selected').getAttribute('data-exchange-id')).toBe('x1');
    key(grid, 'ArrowDown');
    expect(q(root, '.row.selected').getAttribute('data-exchange-id')).toBe('x2');
    expect(q(root, '.detail').getAttribute('data-exchange-id')).toBe('x2');
    key(grid, 'Escape');
    expect(root.querySelector('.detail')).toBeNull();
    key(document.body, '/');
    expect(document.activeElement).toBe(q(root, 'input.filter'));
    key(document.activeElement!, 'Escape');
    expect(document.activeElement).toBe(grid);
    key(grid, 'f', { ctrlKey: true });
    expect(document.activeElement).toBe(q(root, 'input.filter'));
    key(document.activeElement!, 'Enter');
    expect(document.activeElement).toBe(grid);
    key(grid, 'ArrowDown');
    key(grid, 'Enter');
    key(grid, 'Escape'); // closes the detail Enter opened
    key(grid, 'Escape'); // nothing left to close: still the panel's
    key(document.body, 'Escape'); // nothing focused
    document.removeEventListener('keydown', devtools);
    expect(seen).toEqual([]);
    // A key the panel does not use still reaches DevTools (its own shortcuts keep working).
    document.addEventListener('keydown', devtools);
    key(grid, ']', { ctrlKey: true });
    document.removeEventListener('keydown', devtools);
    expect(seen).toEqual([']']);
  });

  test('quick filter buttons and the "no match" state', () => {
    const { root, push } = setup();
    push(PREFLIGHT_403, ACTUAL_PUT, ALLOWED);
    act(() => q(root, '[data-quick=blocked]').click());
    expect(root.querySelectorAll('.rows [role=row]')).toHaveLength(1);
    const input = q<HTMLInputElement>(root, 'input.filter');
    act(() => {
      input.value = 'nothing-matches';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(q(root, '.empty').textContent).toContain('No request matches the filter.');
  });

  test('entries the core could not read get a visible row', () => {
    const { root, push } = setup();
    push({ bad: true }, ALLOWED);
    act(() => q(root, '.problems button').click());
    expect(q(root, '.problems').textContent).toContain('1 request could not be read');
    expect(q(root, '.problems').textContent).toContain('Request 1, field request.url: not a string');
  });

  test('navigation clears unless Preserve log; Clear and Record/Pause', () => {
    const { root, push, source } = setup();
    push(ALLOWED);
    act(() => source.navigate('http://127.0.0.1:8701/'));
    expect(root.querySelectorAll('.rows [role=row]')).toHaveLength(0);
    act(() => q(root, '.toolbar input[type=checkbox]').click());
    push(ALLOWED);
    act(() => source.navigate('http://127.0.0.1:8701/'));
    expect(root.querySelectorAll('.rows [role=row]')).toHaveLength(1);
    act(() => q(root, '.toolbar .clear').click());
    expect(root.querySelectorAll('.rows [role=row]')).toHaveLength(0);
    act(() => q(root, '.toolbar .record').click());
    expect(q(root, '.empty').textContent).toContain('paused');
    push(ALLOWED);
    expect(root.querySelectorAll('.rows [role=row]')).toHaveLength(0);
  });

  test('follows the DevTools theme', () => {
    const { setTheme } = setup();
    expect(document.documentElement.dataset.theme).toBe('light');
    setTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  test('a retry loop is one row with its count (×N, read out as "N identical calls"); the detail says which one it shows; "Group repeats" lists each', async () => {
    const { root, push, storage } = setup();
    await act(() => new Promise((r) => setTimeout(r, 0))); // settings load
    const retry = (i: number) => ({ report: report({ id: `r${i}`, startedMs: Date.parse('2026-11-24T18:47:46.000Z') + i * 20, url: 'http://127.0.0.1:8702/v1/items', verdict: 'blocked', corsError: 'HeaderDisallowedByPreflightResponse', pageStatus: 0 }) });
    push(...Array.from({ length: 50 }, (_, i) => retry(i)));
    const rows = () => [...root.querySelectorAll<HTMLElement>('.rows [role=row]')];
    expect(rows().map((r) => [r.dataset.exchangeId, r.dataset.count])).toEqual([['r49', '50']]);
    expect(q(root, '.rows .repeat').textContent).toBe('×5050 identical calls:');
    expect(q(root, '.rows .repeat [aria-hidden]').textContent).toBe('×50');
    expect(q(root, '.rows .repeat').title).toContain('Called 50 times');
    expect(q(root, '.counts').textContent).toContain('50 / 50 requests');
    act(() => rows()[0]!.click());
    expect(q(root, '.detail').dataset.exchangeId).toBe('r49');
    expect(q(root, '.repeat-note').textContent).toBe('One of 50 identical calls, from 18:47:46.000 to 18:47:46.980; this is the one at 18:47:46.980.');
    push(retry(50));
    expect(rows().map((r) => [r.dataset.exchangeId, r.dataset.count, r.getAttribute('aria-selected')])).toEqual([['r50', '51', 'true']]);
    expect(q(root, '.detail').dataset.exchangeId).toBe('r49'); // what the user opened stays open
    act(() => q<HTMLInputElement>(root, '.group-repeats input').click());
    expect(rows()).toHaveLength(51);
    expect(root.querySelector('.rows .repeat')).toBeNull();
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(await storage.get(SETTINGS.groupRepeats)).toBe(false);
  });

  test('virtualises: thousands of exchanges render only a window of rows, with a dropped notice past the cap', () => {
    const { root, push } = setup();
    const many = Array.from({ length: 12_000 }, (_, i) => ({ report: report({ id: `m${i}`, startedMs: i }) }));
    push(...many);
    expect(root.querySelectorAll('.rows [role=row]').length).toBeLessThanOrEqual(60);
    expect(q(root, '.rows').style.height).toBe(`${8_000 * 20}px`);
    expect(q(root, '.dropped').textContent).toContain('4,000 older requests were dropped');
  });
});
