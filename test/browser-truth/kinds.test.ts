// Request kinds and statuses (issue 16, item 3), on real Chromium captures (test/fixtures/browser-truth/kinds,
// from kinds-scenarios.mjs): WebSocket handshakes, <img>/<script>/<link> with and without crossorigin, module
// scripts, fonts, EventSource, XMLHttpRequest, sendBeacon, an iframe navigation, 3xx without Location, 300, 304.
// Two oracles, neither of them the core: the request mode on the wire (Sec-Fetch-Mode as the server received
// it; a ws: URL is mode "websocket") says whether the exchange is CORS at all, and Chromium's CDP verdict says
// how it ended. Disagreements are pinned in known-disagreements-kinds.json, as for the other sets.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../src/core';
import { normalizeMethod } from '../../src/core/fetch/safelist';
import { parseFirefoxCorsMessage } from '../e2e/firefox-console';
import { answer, loadFixtures, measureAgreement, type Fixture } from './agreement';

const DIR = 'test/fixtures/browser-truth/kinds';
type KindsFixture = Fixture & { wire: Array<{ method: string; rawHeaders: string[] }> };
const fixtures = loadFixtures(DIR) as KindsFixture[];
const known = JSON.parse(readFileSync('test/browser-truth/known-disagreements-kinds.json', 'utf8')) as {
  withBrowserSignals: Record<string, { chromium: string; ours: string; cause: string }>;
  firefox: Record<string, { firefox: string; ours: string; cause: string }>;
};
/** The same scenarios run in Firefox ESR; its console lines per scenario (scripts/record-firefox-kinds.mjs). */
const firefox = JSON.parse(readFileSync(`${DIR}/firefox-console.json`, 'utf8')) as { scenarios: Record<string, { console: string[] }> };

/** The request's mode as Chromium sent it: Sec-Fetch-Mode of the first request the server received. */
function wireMode(f: KindsFixture): string {
  if (/^wss?:/.test(f.fetches[0].url)) return 'websocket';
  const first = f.wire[0];
  for (let i = 0; first && i < first.rawHeaders.length; i += 2) if (first.rawHeaders[i].toLowerCase() === 'sec-fetch-mode') return first.rawHeaders[i + 1];
  return '(none)';
}

describe('request kinds in real Chromium (test/fixtures/browser-truth/kinds)', () => {
  test('the set covers WebSocket, no-cors and cors element loads, EventSource, XHR, beacons, a navigation and odd statuses', () => {
    expect(new Set(fixtures.map(wireMode))).toEqual(new Set(['websocket', 'no-cors', 'cors', 'navigate']));
    expect(fixtures).toHaveLength(34);
  });

  describe('CORS or not is the request mode on the wire: only mode "cors" is listed as CORS', () => {
    test.each(fixtures.map((f) => [f.id, wireMode(f), f] as const))('%s (mode %s)', (_id, mode, f) => {
      const fetch = f.fetches[0];
      const x = analyzeHar(f.har).exchanges.find((e) => e.url === fetch.url && e.method === normalizeMethod(fetch.method) && e.redirectedFrom === null);
      expect(x, 'the core made no exchange for it').toBeDefined();
      expect(x!.kind).toBe(mode === 'cors' ? 'cors' : 'not-cors');
    });
  });

  test("every verdict agrees with Chromium's, except the pinned ones", () => {
    const a = measureAgreement(fixtures, {});
    expect({ judged: a.fetches, excluded: a.notInHar.length }).toEqual({ judged: 34, excluded: 0 });
    const pinned = Object.fromEntries(a.disagreements.map((c) => [`${c.scenario}#${c.seq}`, { chromium: answer(c.truth), ours: answer(c.ours) }]));
    expect(pinned).toEqual(Object.fromEntries(Object.entries(known.withBrowserSignals).map(([k, { chromium, ours }]) => [k, { chromium, ours }])));
  });

  describe("Firefox's console, a second oracle: it blocks the same requests, for the reason the core names", () => {
    const firstReason = (id: string) => {
      const lines = firefox.scenarios[id]?.console ?? [];
      return lines.length ? (parseFirefoxCorsMessage(lines[0])?.reason ?? 'unparsed') : null;
    };
    test('Firefox logged a CORS block exactly where Chromium blocked', () => {
      const blockedIn = (pred: (f: KindsFixture) => boolean) => fixtures.filter(pred).map((f) => f.id).sort();
      expect(blockedIn((f) => firstReason(f.id) !== null)).toEqual(blockedIn((f) => f.fetches[0].truth.outcome === 'blocked'));
    });
    test("the core's Firefox reason is Firefox's first console reason, except the pinned ones", () => {
      const differ: Record<string, { firefox: string; ours: string }> = {};
      for (const f of fixtures) {
        const reason = firstReason(f.id);
        if (reason === null) continue;
        const fetch = f.fetches[0];
        const x = analyzeHar(f.har).exchanges.find((e) => e.url === fetch.url && e.method === normalizeMethod(fetch.method) && e.redirectedFrom === null);
        if (x?.firefoxReason !== reason) differ[f.id] = { firefox: reason, ours: x?.firefoxReason ?? 'none' };
      }
      expect(differ).toEqual(Object.fromEntries(Object.entries(known.firefox).map(([k, { firefox: ff, ours }]) => [k, { firefox: ff, ours }])));
    });
  });
});
