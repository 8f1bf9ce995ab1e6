// `cors-lens probe` against Chromium making the same requests from a page, live: the browser-truth scenarios a probe
// can meet (test/browser-truth/probe-agreement.ts), each fetched by real Chromium from page origin A (its verdict from
// CDP Network.loadingFailed.corsErrorStatus, through the truth harness) and probed by the CLI's code against a second
// instance of the same truth server (fresh reply counters). The recorded twin of this test is
// test/browser-truth/probe-agreement.test.ts; this one re-asks the browser on the machine at hand.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error -- plain ESM test server without type declarations
import { startTruthServer } from '../browser-truth/server.mjs';
// @ts-expect-error -- plain ESM scenario data
import { scenarios } from '../browser-truth/scenarios.mjs';
// @ts-expect-error -- plain ESM harness
import { DEFAULT_CHROME, createCdpTracker, launchTruthBrowser, truthOf } from '../browser-truth/harness.mjs';
import { probeableFixtures, probeScenario, type ProbeFixture } from '../browser-truth/probe-agreement';
import type { Truth } from '../browser-truth/agreement';

const CHROME = process.env.CHROME_PATH ?? DEFAULT_CHROME;
const BASE = Number(process.env.PROBE_LIVE_PORT_BASE) || 47441;
const fixtures = probeableFixtures();

interface Server { origins: Record<string, string>; ports: Record<string, number>; close(): Promise<void> }
let forBrowser: Server;
let forProbe: Server;
const rows: Array<{ id: string; chromium: Truth; probe: { verdict: string; corsError: string | null } }> = [];

describe.skipIf(!fs.existsSync(CHROME))('cors-lens probe agrees with Chromium, live', () => {
  beforeAll(async () => {
    forBrowser = await startTruthServer({ scenarios, portBase: BASE });
    forProbe = await startTruthServer({ scenarios, portBase: BASE + 10 });
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-probe-live-'));
    const browser = await launchTruthBrowser({ chrome: CHROME, extension: path.resolve('test/browser-truth/recorder-extension'), userDataDir, args: ['--host-resolver-rules=MAP *.test 127.0.0.1'] });
    try {
      const page = (await browser.pages())[0] ?? (await browser.newPage());
      await page.goto(`${forBrowser.origins.A}/`);
      await page.waitForFunction(() => typeof (window as unknown as { __truthFetch?: unknown }).__truthFetch === 'function');
      const tracker = createCdpTracker();
      const cdp = await page.createCDPSession();
      tracker.attach(cdp, 'page');
      await cdp.send('Network.enable');
      await cdp.send('Audits.enable');
      for (const f of fixtures as ProbeFixture[]) {
        const fe = f.scenario.fetches[0];
        const url = `${forBrowser.origins[fe.target]}/s/${f.id}/${fe.route}`;
        tracker.setCurrentFetch(`${f.id}#0`);
        const js = await page.evaluate((u: string, init: unknown) => (window as unknown as { __truthFetch(u: string, i: unknown): Promise<{ jsOutcome: string }> }).__truthFetch(u, init), url, fe.init as unknown);
        const { truth } = truthOf(tracker, await tracker.awaitFetch(url, js.jsOutcome), `${f.id}#0`) as { truth: Truth };
        const probed = await probeScenario(f, forProbe.origins);
        rows.push({ id: f.id, chromium: truth, probe: probed.ours });
      }
    } finally {
      await browser.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  }, 300_000);
  afterAll(async () => {
    await forBrowser?.close();
    await forProbe?.close();
  });

  test('≥ 40 scenarios; every verdict and corsError as Chromium decided them now', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(rows.map((r) => r.chromium.corsError).filter(Boolean));
    const agree = (r: (typeof rows)[number]) => r.probe.verdict === (r.chromium.outcome === 'network-error' ? 'unknown' : r.chromium.outcome) && r.probe.corsError === r.chromium.corsError;
    const disagreements = rows.filter((r) => !agree(r)).map((r) => `${r.id}: Chromium ${r.chromium.outcome} ${r.chromium.corsError}, probe ${r.probe.verdict} ${r.probe.corsError}`);
    console.log(`probe vs live Chromium: ${rows.length} scenarios (${kinds.size} CorsError kinds), ${rows.length - disagreements.length} agree`);
    expect(disagreements).toEqual([]);
  });
});
