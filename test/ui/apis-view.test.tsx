// The panel's APIs view (issue 13), on the REST API captured in Chromium (test/fixtures/apis/rest-multi-route.json),
// fed live as the extension panel runs (an analyser without hints): one API row with its counts and findings; its
// routes with the observed policy, one fix per shared cause and the findings; request ids that open the detail;
// and the detail of a request showing the findings that name it.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { act } from 'preact/test-utils';
import { waitFor, mountLive, type Mounted } from './import-export-support';

const fixture = JSON.parse(readFileSync('test/fixtures/apis/rest-multi-route.json', 'utf8'));
const entries: unknown[] = fixture.har.log.entries;

let m: Mounted | null = null;
afterEach(() => {
  m?.panel.unmount();
  m = null;
  document.body.innerHTML = '';
});

const click = (el: Element | null) => act(() => (el as HTMLElement).click());
const text = (el: Element | null) => el?.textContent ?? '';

describe('the APIs view', () => {
  test('groups the requests into one API, with routes, the observed policy, two consolidated fixes and the findings', async () => {
    m = mountLive({ hintsOnDemand: true });
    m.push(...entries);
    const root = m.root;
    expect(root.querySelector('.view-switch [aria-selected="true"]')!.textContent).toBe('Requests');
    click([...root.querySelectorAll('.view-switch button')].find((b) => b.textContent === 'APIs')!);
    const rows = await waitFor(() => (root.querySelectorAll('.api-row').length ? root.querySelectorAll('.api-row') : null), 'the API rows');
    expect(rows).toHaveLength(1);
    expect(text(rows[0].querySelector('.api-label'))).toBe('API Gateway REST API apiroutes1, stage prod');
    expect(text(rows[0])).toContain('3 allowed · 4 blocked');
    expect(text(rows[0])).toContain('2 findings');

    const routes = [...root.querySelectorAll('table.policy tbody tr')].map((tr) => tr.getAttribute('data-route'));
    expect(routes).toEqual(fixture.expect.routes);
    const put = root.querySelector('table.policy tr[data-route="PUT /items/{id}"]')!;
    expect(put.classList.contains('blocked')).toBe(true);
    expect(put.querySelectorAll('td')[3].textContent).toBe('(absent)');

    expect([...root.querySelectorAll('.api-fix')].map((f) => f.getAttribute('data-cause'))).toEqual(['rest-preflight', 'rest-gateway-responses']);
    expect(text(root.querySelector('.api-fix[data-cause="rest-gateway-responses"] .fix-routes'))).toContain('GET /orders/{id}, GET /users/{id}');
    // One toolchain at a time, picked like the hints' toolchain.
    expect(root.querySelectorAll('.api-fix[data-cause="rest-preflight"] .fix')).toHaveLength(1);

    expect([...root.querySelectorAll('.api-findings .finding')].map((f) => f.getAttribute('data-finding-id')).sort()).toEqual(['BP-INCONSISTENT-ROUTES', 'BP-NO-PREFLIGHT-CACHE']);
  });

  test('a request id opens its detail, which lists the findings that name it', async () => {
    m = mountLive({ hintsOnDemand: true });
    m.push(...entries);
    const root = m.root;
    click([...root.querySelectorAll('.view-switch button')].find((b) => b.textContent === 'APIs')!);
    await waitFor(() => root.querySelector('.api-row'), 'the API rows');
    const put = m.panel.store.exchanges.value.find((x) => x.method === 'PUT')!;
    click(root.querySelector(`table.policy tr[data-route="PUT /items/{id}"] .request-links button`));
    expect(m.panel.store.selectedId.value).toBe(put.id);
    const shown = await waitFor(() => root.querySelector('.detail .exchange-findings'), 'the findings in the detail');
    expect([...shown.querySelectorAll('.finding')].map((f) => f.getAttribute('data-finding-id'))).toEqual(['BP-INCONSISTENT-ROUTES']);
  });

  test('on an API with no findings (allowed, consistent, an allow-listed origin) the detail shows no findings section', async () => {
    const clean = JSON.parse(readFileSync('test/fixtures/apis/http-api-clean.json', 'utf8'));
    m = mountLive({ hintsOnDemand: true });
    m.push(...clean.har.log.entries);
    const root = m.root;
    click([...root.querySelectorAll('.view-switch button')].find((b) => b.textContent === 'APIs')!);
    await waitFor(() => root.querySelector('.api-row'), 'the API rows');
    expect(text(root.querySelector('.api-findings'))).toContain('No findings');
    click(root.querySelector('table.policy tr[data-route="PUT /items/{id}"] .request-links button'));
    await waitFor(() => root.querySelector('.detail'), 'the detail');
    expect(root.querySelector('.detail .exchange-findings')).toBeNull();
  });
});
