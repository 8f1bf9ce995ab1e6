#!/usr/bin/env node
// Firefox's console as a second oracle for the request-kinds set (issue 16): runs
// test/browser-truth/kinds-scenarios.mjs in Firefox ESR (puppeteer-core over WebDriver BiDi) against the same
// loopback server, and records every "Cross-Origin Request Blocked" console line per scenario into
// test/fixtures/browser-truth/kinds/firefox-console.json. kinds.test.ts parses them (test/e2e/firefox-console.ts)
// and compares them with the core's Firefox reason for the Chromium capture of the same scenario.
//
//   flock /tmp/cors-lens-browser.lock node scripts/record-firefox-kinds.mjs
//   FIREFOX_PATH, TRUTH_PORT_BASE (default 47101; keep it for committed fixtures)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox } from '../demo/launch-firefox.mjs';
import { scenarios } from '../test/browser-truth/kinds-scenarios.mjs';
import { DEFAULT_PORT_BASE, startTruthServer } from '../test/browser-truth/server.mjs';
import { sleep } from '../test/browser-truth/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'test/fixtures/browser-truth/kinds/firefox-console.json');
const executablePath = findFirefox();
if (!executablePath) throw new Error('no Firefox (set FIREFOX_PATH)');

const server = await startTruthServer({ scenarios, portBase: Number(process.env.TRUTH_PORT_BASE) || DEFAULT_PORT_BASE });
const { default: puppeteer } = await import('puppeteer-core');
const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
/** @type {string[]} */
const lines = [];
try {
  /** @type {any} */ (browser).connection.on('log.entryAdded', (/** @type {{ text?: string }} */ e) => {
    if (e.text && e.text.includes('Cross-Origin Request Blocked')) lines.push(e.text);
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`${server.origins.A}/`);
  await page.waitForFunction(() => typeof (/** @type {any} */ (window).__truthFetch) === 'function');
  /** @type {Record<string, { jsOutcome: string, console: string[] }>} */
  const out = {};
  for (const s of scenarios) {
    const fe = s.fetches[0];
    const origin = server.origins[fe.target];
    const url = `${fe.init.kind === 'websocket' ? origin.replace(/^http/, 'ws') : origin}/s/${s.id}/${fe.route}`;
    const before = lines.length;
    const js = await page.evaluate((u, init) => /** @type {any} */ (window).__truthFetch(u, init), url, /** @type {any} */ (fe.init));
    await sleep(400); // console lines arrive after the load settles
    out[s.id] = { jsOutcome: js.jsOutcome, console: lines.slice(before).filter((l) => l.includes(`/s/${s.id}/`)) };
  }
  const version = await browser.version();
  fs.writeFileSync(OUT, `${JSON.stringify({ browser: version, generator: 'scripts/record-firefox-kinds.mjs', scenarios: out }, null, 2)}\n`);
  console.log(`${version}: ${Object.keys(out).length} scenarios, ${Object.values(out).filter((o) => o.console.length).length} with a CORS console line → ${path.relative(ROOT, OUT)}`);
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}
