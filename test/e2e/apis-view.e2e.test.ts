// The APIs view end to end (issue 13's done-when): the built extension in real Chromium, a page calling an API
// Gateway REST API with several routes (some blocked for the same cause) — the scenario `rest-multi-route` of
// test/browser-truth/apis/scenarios.mjs, answered by the AWS truth server on AWS host names mapped to loopback —
// and the CORS panel's APIs view read from its DOM: one API, its routes, one fix per shared cause and the
// findings. Takes the README screenshot (docs/screenshots/panel-apis.png). Waits poll; no fixed sleeps.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM JavaScript without types
import { docScreenshot, findChrome, launchWithExtension, openDevTools, pollUntil, setDevToolsPreferences, reopenDevTools, showPanel, requirePanelFrame } from '../../demo/launch.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { startAwsServer } from '../browser-truth/aws/server.mjs';
// @ts-expect-error plain ESM JavaScript without types
import { HOST_RESOLVER_RULES, PAGE_HOSTS, scenarios } from '../browser-truth/apis/scenarios.mjs';
import { ensureDist } from '../support/dist';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/chrome');
const SHOTS = path.join(ROOT, 'docs/screenshots');
const PORT = Number(process.env.API_E2E_PORT) || 47311;
const executablePath: string | null = findChrome();

interface Call { from: string; url: string; init?: Record<string, unknown> }
interface Scenario { id: string; calls: Call[]; expect: { routes: string[]; fixes: Array<{ cause: string; routes: string[] }>; findings: string[] } }
const scenario = (scenarios as Scenario[]).find((s) => s.id === 'rest-multi-route')!;

let server: { ports: { PH: number; PS: number }; close(): Promise<void> };
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;
let devtools: Page;
let extensionId: string;
let tmp: string;

const frame = (): Frame => requirePanelFrame(devtools);

async function runCalls(): Promise<void> {
  const app = `https://app.example.test:${server.ports.PS}`;
  const iframe = await pollUntil(() => page.frames().find((f) => f.url().startsWith(`${app}/`) && !f.detached), { what: 'the https page frame' });
  await pollUntil(() => iframe.evaluate(() => typeof (window as unknown as { __truthFetch?: unknown }).__truthFetch === 'function').catch(() => false), { what: 'the page script' });
  for (const c of scenario.calls) {
    const url = c.url.replace('{{PS}}', String(server.ports.PS));
    const init = { method: 'GET', headers: [], credentials: 'same-origin', mode: 'cors', ...c.init };
    await iframe.evaluate((u: string, i: unknown) => (window as unknown as { __truthFetch(u: string, i: unknown): Promise<unknown> }).__truthFetch(u, i), url, init);
  }
}

async function openApisView(): Promise<void> {
  await frame().evaluate(() => [...document.querySelectorAll<HTMLElement>('.view-switch button')].find((b) => b.textContent === 'APIs')!.click());
}

async function readApisView() {
  return frame().evaluate(() => ({
    apis: [...document.querySelectorAll('.api-row .api-label')].map((e) => e.textContent),
    routes: [...document.querySelectorAll('table.policy tbody tr')].map((tr) => tr.getAttribute('data-route')),
    blockedRoutes: [...document.querySelectorAll('table.policy tbody tr.blocked')].map((tr) => tr.getAttribute('data-route')),
    fixes: [...document.querySelectorAll('.api-fix')].map((f) => ({ cause: f.getAttribute('data-cause'), routes: f.querySelector('.fix-routes .mono')?.textContent ?? '' })),
    findings: [...document.querySelectorAll('.api-findings .finding')].map((f) => f.getAttribute('data-finding-id')),
  }));
}

describe.skipIf(!executablePath)('the APIs view in Chromium', () => {
  beforeAll(async () => {
    ensureDist('chrome');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-apis-e2e-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=cors-lens-apis-e2e',
      '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem')], { stdio: 'ignore' });
    const tls = { key: fs.readFileSync(path.join(tmp, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(tmp, 'cert.pem'), 'utf8') };
    server = await startAwsServer({ scenarios: [scenario], httpPort: PORT, tls, pageHosts: PAGE_HOSTS });
    ({ browser, close: closeBrowser } = await launchWithExtension({
      executablePath,
      extensionPath: DIST,
      headless: process.env.E2E_HEADED !== '1',
      args: [`--host-resolver-rules=${HOST_RESOLVER_RULES}`, '--ignore-certificate-errors'],
    }));
    page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(`http://app.example.test:${server.ports.PH}/`);
    await page.evaluate((src: string) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, `https://app.example.test:${server.ports.PS}/`);
    // Undocked, so the screenshot is DevTools only.
    ({ devtools, extensionId } = await openDevTools(page));
    await setDevToolsPreferences(devtools, { 'ui-theme': 'default', currentDockState: 'undocked' });
    ({ devtools, extensionId } = await reopenDevTools(page, devtools));
    await showPanel(devtools, extensionId);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('one API with its routes, one fix per shared cause and the findings; README screenshot', async () => {
    await runCalls();
    await openApisView();
    const view = await pollUntil(async () => {
      const v = await readApisView();
      return v.routes.length === scenario.expect.routes.length && v.blockedRoutes.length === 4 ? v : null;
    }, { timeoutMs: 30_000, what: 'the APIs view with every route' });
    expect(view.apis).toEqual(['API Gateway REST API apiroutes1, stage prod']);
    expect(view.routes).toEqual(scenario.expect.routes);
    expect([...view.blockedRoutes].sort()).toEqual(['DELETE /items/{id}', 'GET /orders/{id}', 'GET /users/{id}', 'PUT /items/{id}']);
    expect(view.fixes).toEqual(scenario.expect.fixes.map((f) => ({ cause: f.cause, routes: f.routes.join(', ') })));
    expect([...view.findings].sort()).toEqual([...scenario.expect.findings].sort());
    fs.mkdirSync(SHOTS, { recursive: true });
    await devtools.setViewport({ width: 1280, height: 800 }).catch(() => undefined);
    await docScreenshot(devtools, { path: path.join(SHOTS, 'panel-apis.png') });
  });

  test('a request link opens the request, whose detail lists the findings that name it', async () => {
    await frame().evaluate(() => document.querySelector<HTMLElement>('table.policy tr[data-route="PUT /items/{id}"] .request-links button')!.click());
    const findings = await pollUntil(
      () => frame().evaluate(() => {
        const items = [...document.querySelectorAll('.detail .exchange-findings .finding')].map((f) => f.getAttribute('data-finding-id'));
        return items.length ? items : null;
      }),
      { what: 'the findings in the detail' },
    );
    expect(findings).toEqual(['BP-INCONSISTENT-ROUTES']);
  });
});
