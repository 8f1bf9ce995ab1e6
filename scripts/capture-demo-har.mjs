#!/usr/bin/env node
// Captures the demo (every scenario, AWS host names mapped to the demo server over HTTPS, as `npm start`
// runs it) into a HAR exactly as the DevTools extension API returns it — getHAR() from the browser-truth
// recorder extension, with getContent() bodies for error answers as the CORS Lens capture adds them — so
// `cors-lens analyze` / `report` can be checked on what the panel sees.
//   node scripts/capture-demo-har.mjs [out.har]      (default: demo.har)   env CHROME_PATH
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostMappingArgs } from '../demo/launch.mjs';
import { startDemoServer } from '../demo/server.mjs';
import { DEFAULT_CHROME, launchTruthBrowser, openRecorder, poll } from '../test/browser-truth/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? 'demo.har');
const demo = await startDemoServer({ pagePort: 0, apiPort: 0, aws: { port: 0 } });
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-demo-har-'));
const browser = await launchTruthBrowser({
  chrome: process.env.CHROME_PATH || DEFAULT_CHROME,
  extension: path.join(ROOT, 'test/browser-truth/recorder-extension'),
  userDataDir,
  args: hostMappingArgs({ hostResolverRules: demo.hostResolverRules, trustSpki: demo.spki }),
});
try {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.goto(`${demo.pageOrigin}/`);
  const recorder = await openRecorder(page);
  if (!(await recorder.ready)) throw new Error('recorder extension devtools page did not appear');
  await recorder.enableBodies();
  const results = await page.evaluate(() => /** @type {any} */ (window).runAll('har'));
  const mine = (/** @type {string} */ u) => u.includes('run=har');
  await recorder.settle(mine, results.length + 4);
  await poll(async () => (await recorder.getBodies()).every((/** @type {any} */ b) => b.settled), 5000, 100);
  const har = await recorder.getHAR();
  const bodies = new Map((await recorder.getBodies()).map((/** @type {any} */ b) => [b.key, b]));
  const entries = har.entries.filter((/** @type {any} */ e) => mine(e.request.url) || e.request.url.startsWith(demo.pageOrigin + '/local/'));
  for (const e of entries) {
    const b = bodies.get(`${e.request.method} ${e.request.url} ${e.startedDateTime}`);
    if (b?.settled && typeof b.content === 'string' && b.content !== '' && b.encoding !== 'base64') e.response.content = { ...e.response.content, text: b.content };
  }
  fs.writeFileSync(out, JSON.stringify({ log: { version: har.version, creator: har.creator, pages: har.pages ?? [], entries } }, null, 1));
  console.log(`${entries.length} entries → ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await demo.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
