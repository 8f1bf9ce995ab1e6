#!/usr/bin/env node
// `npm start`: install if needed, build, start the demo server, and open Chromium with the
// extension loaded, the demo page open and DevTools showing the CORS panel.
//   npm start                  headed; runs until Ctrl+C
//   npm start -- --headless    headless smoke run: runs every demo call, prints the panel, exits
// Options: --no-build (use the existing dist/chrome), --page-port N, --api-port N, --aws-port N,
// --no-aws (every scenario on the loopback API instead of its AWS host name); env CHROME_PATH.
// The AWS scenarios are called on AWS host names (API Gateway, Lambda function URL, CloudFront, S3)
// that Chromium maps to the demo server over HTTPS (--host-resolver-rules, and a throw-away
// certificate trusted by its key only), so the panel gives each its AWS-specific fix.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'chrome');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const { values: opts } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'page-port': { type: 'string' },
    'api-port': { type: 'string' },
    'aws-port': { type: 'string' },
    'no-aws': { type: 'boolean', default: false },
  },
});

function run(cmd, args, what) {
  console.log(`› ${what}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${what} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
}

// 1. Dependencies.
if (!fs.existsSync(path.join(ROOT, 'node_modules', 'puppeteer-core'))) {
  run(npm, [fs.existsSync(path.join(ROOT, 'package-lock.json')) ? 'ci' : 'install'], 'Installing dependencies');
}

// 2. Build (the extension into dist/chrome, and the CLI).
if (!opts['no-build']) run(npm, ['run', '--silent', 'build'], 'Building');
if (!fs.existsSync(path.join(DIST, 'manifest.json'))) {
  console.error(`✗ ${path.relative(ROOT, DIST)}/manifest.json is missing; run npm run build.`);
  process.exit(1);
}

// 3. The browser (before starting anything, so a missing browser fails fast and clearly).
const { findChrome, chromeNotFoundMessage, launchWithExtension, openDevTools, showPanel, readPanelRows, readPanelFix, pollUntil } =
  await import('../demo/launch.mjs');
const executablePath = findChrome();
if (!executablePath) {
  console.error(`✗ ${chromeNotFoundMessage()}`);
  process.exit(1);
}
const headless = opts.headless || (!process.env.DISPLAY && process.platform === 'linux');
if (headless && !opts.headless) console.log('› No DISPLAY: running headless (use xvfb-run for a window).');

// 4. The demo server.
const { startDemoServer, DEFAULT_PAGE_PORT, DEFAULT_API_PORT, DEFAULT_AWS_PORT } = await import('../demo/server.mjs');
const demo = await startDemoServer({
  pagePort: Number(opts['page-port'] ?? process.env.DEMO_PAGE_PORT ?? DEFAULT_PAGE_PORT),
  apiPort: Number(opts['api-port'] ?? process.env.DEMO_API_PORT ?? DEFAULT_API_PORT),
  aws: opts['no-aws'] ? false : { port: Number(opts['aws-port'] ?? process.env.DEMO_AWS_PORT ?? DEFAULT_AWS_PORT) },
});
console.log(`› Demo: page ${demo.pageOrigin}/  API ${demo.apiOrigin}/`);
if (demo.awsOrigins) {
  const hosts = Object.values(demo.awsOrigins).map((o) => new URL(o).host);
  console.log(`› AWS host names (${demo.awsScheme}, mapped to the demo server): ${hosts.join(', ')}`);
  if (demo.awsScheme !== 'https') console.log('  (openssl not found: served over http)');
}

// 5. Chromium with the extension, the demo page and DevTools on the CORS panel.
console.log(`› Chromium: ${executablePath}${headless ? ' (headless)' : ''}`);
const { browser, close } = await launchWithExtension({
  executablePath,
  extensionPath: DIST,
  headless,
  hostResolverRules: demo.hostResolverRules,
  trustSpki: demo.spki,
});
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  await close();
  await demo.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  await page.goto(`${demo.pageOrigin}/`);
  const { devtools, extensionId } = await openDevTools(page);
  await showPanel(devtools, extensionId);
  console.log(`✓ DevTools is open on the CORS panel (extension ${extensionId}).`);

  if (headless) {
    const results = await page.evaluate(() => window.runAll(Date.now()));
    const expected = new Set(results.map((r) => r.id)).size; // scenarios; the panel shows at least one row each
    const rows = await pollUntil(
      async () => {
        const r = await readPanelRows(devtools);
        return r.reduce((n, row) => n + row.count, 0) >= expected - 1 ? r : null; // "same-origin" is hidden by the default "All CORS" filter
      },
      { timeoutMs: 20_000, what: 'the demo calls to appear in the panel' },
    );
    console.log('\nThe CORS panel shows:');
    for (const r of rows) console.log(`  ${r.method.padEnd(7)} ${r.status.padEnd(12)} ${r.badge.padEnd(38)} ${r.preflight.padEnd(13)} ${r.url}`);
    console.log('\nThe fix it leads with, per blocked request:');
    for (const r of rows.filter((x) => x.verdict === 'blocked')) {
      const fix = await readPanelFix(devtools, r.id);
      const where = new URL(r.url);
      console.log(`  ${r.method} ${where.host}${where.pathname}`);
      console.log(fix ? `      ${fix.hints[0]}${fix.fix ? `\n      → ${fix.toolchain ? `${fix.toolchain}: ` : ''}${fix.fix}` : ''}` : '      (no fix shown)');
    }
    await stop(0);
  } else {
    console.log('  Press the demo buttons (or "Run all"), then click a row in the CORS panel. Ctrl+C to quit.');
    browser.on('disconnected', () => void stop(0));
  }
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : error}`);
  await stop(1);
}
