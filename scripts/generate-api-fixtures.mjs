#!/usr/bin/env node
// Regenerates test/fixtures/apis/ from test/browser-truth/apis/scenarios.mjs: every call of every
// scenario is made by a page (or one of its iframes) in real Chromium, to host names mapped to
// loopback, answered by test/browser-truth/aws/server.mjs; the HAR is what DevTools recorded
// (chrome.devtools.network.getHAR() in the recorder extension), so Chromium's own verdict is in each
// entry's `_error`.
//
//   flock /tmp/cors-lens-browser.lock node scripts/generate-api-fixtures.mjs
//
// Environment: CHROME_PATH (default /usr/lib/chromium/chromium), API_TRUTH_PORT (HTTP port, default
// 47301; HTTPS is +1), API_TRUTH_ONLY (comma-separated scenario ids; then nothing is written unless
// API_TRUTH_OUT is set), API_TRUTH_OUT (default test/fixtures/apis).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HOST_RESOLVER_RULES, PAGE_HOSTS, scenarios as allScenarios } from '../test/browser-truth/apis/scenarios.mjs';
import { startAwsServer } from '../test/browser-truth/aws/server.mjs';
import { DEFAULT_CHROME, launchTruthBrowser, openRecorder, poll, sleep } from '../test/browser-truth/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXT = path.join(ROOT, 'test/browser-truth/recorder-extension');
const HTTP_PORT = Number(process.env.API_TRUTH_PORT) || 47301;
const ONLY = (process.env.API_TRUTH_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
const OUT = process.env.API_TRUTH_OUT ? path.resolve(process.env.API_TRUTH_OUT) : ONLY.length ? null : path.join(ROOT, 'test/fixtures/apis');
const scenarios = ONLY.length ? allScenarios.filter((s) => ONLY.includes(s.id)) : allScenarios;
if (!scenarios.length) throw new Error('no scenario selected');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-apis-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=cors-lens-api-truth',
  '-keyout', path.join(tmp, 'key.pem'), '-out', path.join(tmp, 'cert.pem')], { stdio: 'ignore' });
const tls = { key: fs.readFileSync(path.join(tmp, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(tmp, 'cert.pem'), 'utf8') };

// The server wants the AWS suite's scenario shape; only `id` and `routes` are read.
const server = await startAwsServer({ scenarios: /** @type {any} */ (allScenarios), httpPort: HTTP_PORT, tls, pageHosts: PAGE_HOSTS });
const { ports } = server;
const fill = (/** @type {string} */ s) => s.replaceAll('{{PS}}', String(ports.PS)).replaceAll('{{PH}}', String(ports.PH));
const pages = {
  http: `http://app.example.test:${ports.PH}`,
  app: `https://app.example.test:${ports.PS}`,
  other: `https://other.example.test:${ports.PS}`,
  local: `http://localhost:${ports.PH}`,
};

const browser = await launchTruthBrowser({
  chrome: process.env.CHROME_PATH || DEFAULT_CHROME,
  extension: EXT,
  userDataDir: path.join(tmp, 'profile'),
  args: [`--host-resolver-rules=${HOST_RESOLVER_RULES}`, '--ignore-certificate-errors'],
});
try {
  const version = await browser.version();
  const page = (await browser.pages())[0] || (await browser.newPage());
  await page.goto(`${pages.http}/`);
  await page.waitForFunction(() => typeof (/** @type {any} */ (window).__truthFetch) === 'function');
  const recorder = await openRecorder(page);
  for (const from of /** @type {const} */ (['app', 'other', 'local'])) {
    await page.evaluate((src) => {
      const f = document.createElement('iframe');
      f.src = src;
      document.body.append(f);
    }, `${pages[from]}/`);
  }
  const frameOf = (/** @type {keyof typeof pages} */ from) =>
    from === 'http' ? page.mainFrame() : page.frames().find((fr) => fr.url().startsWith(`${pages[from]}/`) && !fr.detached);
  for (const from of /** @type {const} */ (['app', 'other', 'local'])) {
    const ok = await poll(async () => {
      const fr = frameOf(from);
      try { return fr && (await fr.evaluate(() => typeof (/** @type {any} */ (window).__truthFetch) === 'function')); } catch { return false; }
    }, 10_000, 20);
    if (!ok) throw new Error(`frame ${from} did not load`);
  }
  // Credentialed calls carry a cookie (Secure; SameSite=None) on each API host.
  const cdp = await page.createCDPSession();
  for (const s of scenarios) for (const c of s.calls) {
    if (c.init?.credentials !== 'include') continue;
    await cdp.send('Network.setCookie', { name: 'sid', value: `session-${s.id}`, url: `${new URL(fill(c.url)).origin}/`, secure: true, sameSite: 'None', path: '/' });
  }
  if (!(await recorder.ready)) throw new Error('recorder extension devtools page did not appear');
  console.log(`${version}; running ${scenarios.length} scenarios`);

  /** @type {Map<string, any[]>} */
  const outcomes = new Map();
  for (const s of scenarios) {
    const calls = [];
    for (const c of s.calls) {
      if (c.waitBeforeMs) await sleep(c.waitBeforeMs);
      if (c.cacheDisabled) await page.setCacheEnabled(false);
      const init = { method: 'GET', headers: [], credentials: 'same-origin', mode: 'cors', redirect: 'follow', ...c.init };
      const frame = frameOf(c.from);
      if (!frame) throw new Error(`no frame ${c.from}`);
      const js = await frame.evaluate((u, i) => /** @type {any} */ (window).__truthFetch(u, i), fill(c.url), init);
      if (c.cacheDisabled) await page.setCacheEnabled(true);
      calls.push({ from: c.from, pageOrigin: pages[c.from], url: fill(c.url), method: init.method, jsOutcome: js.jsOutcome, status: js.status });
    }
    outcomes.set(s.id, calls);
  }

  const selected = new Set(scenarios.map((s) => s.id));
  const mine = (/** @type {string} */ u) => selected.has(server.scenarioOf(u) ?? '');
  const wireCount = server.wire.filter((w) => w.scenarioId && selected.has(w.scenarioId)).length;
  await recorder.settle(mine, wireCount);
  const har = await recorder.getHAR();
  const problems = [];
  for (const s of scenarios) {
    const entries = har.entries.filter((/** @type {any} */ e) => server.scenarioOf(e.request.url) === s.id);
    const wire = server.wireFor(s.id).map((w) => ({ method: w.method, path: w.path, replied: w.replied, status: w.status }));
    for (const w of wire) if (w.replied.startsWith('unexpected')) problems.push(`${s.id}: server saw ${w.method} ${w.path} → ${w.replied}`);
    const fixture = {
      id: s.id,
      description: s.description,
      browser: version,
      generator: 'scripts/generate-api-fixtures.mjs',
      origins: { ...pages, httpPort: ports.PH, httpsPort: ports.PS },
      expect: JSON.parse(fill(JSON.stringify(s.expect))),
      calls: outcomes.get(s.id),
      wire,
      har: { log: { version: har.version, creator: har.creator, pages: har.pages ?? [], entries } },
    };
    if (OUT) {
      fs.mkdirSync(OUT, { recursive: true });
      fs.writeFileSync(path.join(OUT, `${s.id}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
    }
    console.log(`${s.id}: ${entries.length} entries; ${fixture.calls.map((c) => `${c.method} ${c.jsOutcome}${c.status ? ` ${c.status}` : ''}`).join(', ')}`);
  }
  if (problems.length) console.log(`PROBLEMS:\n  ${problems.join('\n  ')}`);
} finally {
  await browser.close().catch(() => {});
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
