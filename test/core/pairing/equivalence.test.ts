// The indexed pairer (issue 18) chooses exactly the pairs the pre-index pairer chose — the one the browser-truth
// suites were measured with (./reference-pairer.ts) — on random traffic built to collide: three URLs, two origins,
// three methods, starts on a coarse grid (ties, and gaps either side of the 2 s pairing slack and the 5 s default
// max-age), durations from 0 to 70 s, unsent requests, failed and successful preflights, redirects, cookies.
// Entries are fed as the analyser feeds a HAR (start-time order), whole or in streaming batches with settle().
// Where live capture hands entries over out of start-time order the two differ on purpose: of several equally
// good partners (cache entries, resends) the reference took the latest to arrive, the indexed pairer takes the
// latest to start, as the browser's preflight cache does (./pairing.test.ts has those cases).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { readHar } from '../../../src/core';
import type { ObservedEntry } from '../../../src/core';
import { Pairer } from '../../../src/core/pairing/pairer';
import { Pairer as ReferencePairer } from './reference-pairer';
import { API, PAGE, entry, har, preflight } from '../../support/har-builder';

// The third URL is on another origin: redirects go there, so a request that carries no Origin header is tainted.
const URLS = [`${API}/items`, `${API}/items?page=2`, 'http://127.0.0.1:8704/items'];
const ORIGINS = [PAGE, 'http://127.0.0.1:8703'];

// A few moments often (same-millisecond bursts, equal distances either side), or a grid across the windows.
const start = fc.oneof(fc.integer({ min: 0, max: 3 }).map((k) => k * 1000), fc.integer({ min: 0, max: 40 }).map((k) => k * 250));
const duration = fc.constantFrom(0, 10, 55, 1900, 2500, 70_000);
const method = fc.constantFrom('GET', 'PUT', 'DELETE');
const origin = fc.constantFrom(...ORIGINS);
const url = fc.constantFrom(...URLS);

const preflightEntry = fc.record({ url, method, origin, started: start, time: duration,
  requested: fc.constantFrom('', 'x-custom', 'content-type'),
  status: fc.constantFrom(204, 200, 403),
  acao: fc.constantFrom<string | null>(PAGE, '*', null),
  acam: fc.constantFrom<string | null>(null, 'PUT', 'PUT, DELETE', '*'),
  acah: fc.constantFrom<string | null>(null, 'x-custom', 'content-type', '*'),
  maxAge: fc.constantFrom<string | null>(null, '0', '1', '600', 'abc') }).map((p) => {
  const headers: Record<string, string> = {};
  if (p.acao) headers['Access-Control-Allow-Origin'] = p.acao;
  if (p.acam) headers['Access-Control-Allow-Methods'] = p.acam;
  if (p.acah) headers['Access-Control-Allow-Headers'] = p.acah;
  if (p.maxAge) headers['Access-Control-Max-Age'] = p.maxAge;
  const e = preflight(p.url, p.method, { status: p.status, headers }, { requestHeaders: p.requested || undefined, origin: p.origin, started: p.started });
  return { ...e, time: p.time };
});

const actualEntry = fc.record({ url, method, origin, started: start, time: duration,
  outcome: fc.constantFrom('unsent', 'allowed', 'no-acao', 'redirect'),
  custom: fc.boolean(), json: fc.boolean(), cookie: fc.boolean(), refererOnly: fc.boolean() }).map((a) => {
  const requestHeaders: Record<string, string> = {};
  if (a.custom) requestHeaders['X-Custom'] = '1';
  if (a.json) requestHeaders['Content-Type'] = 'application/json';
  if (a.cookie) requestHeaders.Cookie = 'session=1';
  const unsent = a.outcome === 'unsent';
  if (unsent && a.refererOnly) requestHeaders.Referer = `${a.origin}/`;
  else requestHeaders.Origin = a.origin;
  return entry({
    method: a.method, url: a.url, started: a.started, time: a.time, resourceType: 'fetch',
    status: unsent ? 0 : a.outcome === 'redirect' ? 302 : 200,
    error: unsent || a.outcome === 'no-acao' ? 'net::ERR_FAILED' : null,
    requestHeaders,
    responseHeaders: unsent ? {} : { ...(a.outcome === 'no-acao' ? {} : { 'Access-Control-Allow-Origin': a.origin }), ...(a.outcome === 'redirect' ? { Location: URLS[2] } : {}) },
    redirectURL: a.outcome === 'redirect' ? URLS[2] : '',
  });
});

const traffic = fc.array(fc.oneof(preflightEntry, actualEntry), { minLength: 1, maxLength: 60 });

/** As the analyser orders a batch (src/core/analyzer.ts). */
function inStartOrder(raw: Array<Record<string, unknown>>): ObservedEntry[] {
  return [...readHar(har(...raw)).entries].sort((a, b) => a.startedMs - b.startedMs || a.index - b.index);
}

type AnyPairer = Pairer | ReferencePairer;
function describeState(s: ReturnType<AnyPairer['add']>[number]) {
  return { id: s.id, actual: s.actual?.index ?? null, preflight: s.preflight?.index ?? null, pairing: { method: s.pairing.method, cachedBy: s.pairing.cachedBy } /* the detail's words live in pairing/wording.ts */, role: s.role, redirectedFrom: s.redirectedFrom, resentAs: s.resentAs };
}
const ids = (states: ReturnType<AnyPairer['add']>) => [...new Set(states.map((s) => s.id))].sort();
const all = (p: AnyPairer) => [...p.exchanges.values()].map(describeState).sort((a, b) => a.id.localeCompare(b.id));

describe('the indexed pairer chooses the same pairs as the pairer the truth suites were measured with', () => {
  test('every exchange, and every set of changed exchanges an entry reports, is the same', () => {
    fc.assert(fc.property(traffic, (raw) => {
      const entries = inStartOrder(raw);
      const indexed = new Pairer();
      const reference = new ReferencePairer();
      for (const e of entries) expect(ids(indexed.add(e)), `changed by entry ${e.index}`).toEqual(ids(reference.add(e)));
      expect(all(indexed)).toEqual(all(reference));
    }), { numRuns: 1500 });
  });

  test('streaming: batches with settle() settle the same exchanges at the same watermarks', () => {
    fc.assert(fc.property(traffic, fc.integer({ min: 1, max: 12 }), (raw, batch) => {
      const entries = inStartOrder(raw);
      const indexed = new Pairer();
      const reference = new ReferencePairer();
      for (let k = 0; k < entries.length; k += batch) {
        const slice = entries.slice(k, k + batch);
        for (const e of slice) expect(ids(indexed.add(e))).toEqual(ids(reference.add(e)));
        const watermark = slice[slice.length - 1].startedMs - 3000;
        expect(indexed.settle(watermark).map(describeState)).toEqual(reference.settle(watermark).map(describeState));
      }
      expect(indexed.settle(Infinity).map(describeState)).toEqual(reference.settle(Infinity).map(describeState));
    }), { numRuns: 800 });
  });
});
