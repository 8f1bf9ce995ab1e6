// The devtools page's capture: onRequestFinished + getHAR() backfill, de-duplicated, in-flight
// getHAR() entries held back until they finish, navigations replayed in order.
import { describe, expect, test, vi } from 'vitest';
import { BACKFILL_EVERY_MS, BACKFILL_MAX_EVERY_MS, BACKFILL_PACE, BACKFILL_STORM_MAX_MS, createCaptureHub, entryKey, PENDING_MAX_MS } from '../../extension/devtools/capture-hub';
import { createAnalyzer } from '../../src/core/analyze';
import { applyEntries, applyReplace, createPanelStore } from '../../src/ui/store';
import type { SourceEvent } from '../../src/ui/source';
import { API, PAGE, entry } from '../support/har-builder';

function fakeNetwork() {
  let finished: ((e: unknown) => void) | null = null;
  let navigated: ((url: string) => void) | null = null;
  let har: unknown[] = [];
  return {
    setHar: (entries: unknown[]) => (har = entries),
    finish: (e: unknown) => finished?.(e),
    navigate: (url: string) => navigated?.(url),
    network: {
      onRequestFinished: (l: (e: unknown) => void) => ((finished = l), () => (finished = null)),
      onNavigated: (l: (url: string) => void) => ((navigated = l), () => (navigated = null)),
      getHAR: async () => har,
      getContent: async () => '{"message":"Forbidden"}',
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const entriesOf = (events: SourceEvent[]) => events.flatMap((e) => (e.type === 'entries' ? e.entries : []));

describe('createCaptureHub', () => {
  test('replays what was captured before the panel connected, without duplicates from getHAR()', async () => {
    const fake = fakeNetwork();
    const hub = createCaptureHub(fake.network as never);
    const a = entry({ url: 'http://api/a', started: 1 });
    fake.setHar([a]);
    hub.start();
    await flush();
    fake.finish(a); // the same request, also from onRequestFinished
    fake.finish(entry({ url: 'http://api/b', started: 2 }));
    await flush();
    const events: SourceEvent[] = [];
    hub.connect((e) => events.push(e));
    expect(entriesOf(events).map(entryKey)).toEqual([entryKey(a), entryKey(entry({ url: 'http://api/b', started: 2 }))]);
    expect(hub.stats().duplicates).toBe(1);
  });

  test('attaches the body of small error responses (API Gateway {"message": ...})', async () => {
    const fake = fakeNetwork();
    const hub = createCaptureHub(fake.network as never);
    hub.start();
    fake.finish(entry({ url: 'http://api/x', status: 403 }));
    await flush();
    const events: SourceEvent[] = [];
    hub.connect((e) => events.push(e));
    expect((entriesOf(events)[0] as { response: { content: { text: string } } }).response.content.text).toBe('{"message":"Forbidden"}');
  });

  test('holds back in-flight getHAR() entries until they finish, or until PENDING_MAX_MS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const fake = fakeNetwork();
      const hub = createCaptureHub(fake.network as never);
      const inFlight = entry({ method: 'PUT', url: 'http://api/p', status: 0, started: 5 });
      const hanging = entry({ url: 'http://api/h', status: 0, started: 6 });
      fake.setHar([inFlight, hanging]);
      hub.start();
      await flush();
      expect(hub.stats().entries).toBe(0);
      fake.finish(entry({ method: 'PUT', url: 'http://api/p', status: 200, started: 5 }));
      await flush();
      vi.setSystemTime(Date.now() + PENDING_MAX_MS);
      await hub.backfill();
      const events: SourceEvent[] = [];
      hub.connect((e) => events.push(e));
      expect(entriesOf(events).map((e) => (e as { response: { status: number } }).response.status)).toEqual([200, 0]);
    } finally {
      vi.useRealTimers();
    }
  });

  test('getHAR() runs one at a time while the panel is visible, the next waiting BACKFILL_PACE times as long as the last took (issue 18)', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeNetwork();
      const took = 1_000; // DevTools serialising a long log during a retry storm
      let running = 0;
      let overlapped = false;
      const starts: number[] = [];
      const network = { ...fake.network, getHAR: () => {
        overlapped ||= running > 0;
        running++;
        starts.push(Date.now());
        return new Promise<unknown[]>((r) => setTimeout(() => (running--, r([])), took));
      } };
      const hub = createCaptureHub(network as never);
      const stop = hub.start();
      hub.setVisible(true);
      for (let i = 0; i < 400; i++) {
        fake.finish(entry({ url: `http://api/retry?i=${i}`, started: i * 20 }));
        await vi.advanceTimersByTimeAsync(20); // a request every 20 ms: bursts never end
      }
      await vi.advanceTimersByTimeAsync(60_000);
      hub.setVisible(false);
      stop();
      expect(overlapped).toBe(false);
      const gaps = starts.slice(1).map((t, i) => t - starts[i]);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(took + Math.max(BACKFILL_EVERY_MS, BACKFILL_PACE * took) - 1);
    } finally {
      vi.useRealTimers();
    }
  });

  test('calls started in the same millisecond stay one row each: their durations tell them apart (a retry loop catching up, issue 18)', async () => {
    const fake = fakeNetwork();
    const hub = createCaptureHub(fake.network as never);
    const retry = (time: number) => entry({ url: `${API}/v1/items`, started: 7, time, status: 0, error: 'net::ERR_FAILED' });
    const live: SourceEvent[] = [];
    hub.connect((e) => live.push(e));
    hub.start();
    await flush();
    fake.finish(retry(12.25));
    fake.finish(retry(30.5));
    await flush();
    fake.setHar([retry(30.5), retry(12.25), retry(41.75)]); // getHAR() lists a third, never reported finished
    await hub.backfill();
    expect(entriesOf(live).map((e) => (e as { time: number }).time)).toEqual([12.25, 30.5, 41.75]);
    expect(live.some((e) => e.type === 'replace')).toBe(false);
    expect(hub.stats()).toMatchObject({ entries: 3, duplicates: 2 });
  });

  test('a copy getHAR() took while the response was still arriving is the same request once it finishes', async () => {
    const fake = fakeNetwork();
    const hub = createCaptureHub(fake.network as never);
    const stream = (time: number, headers: Record<string, string>) => entry({ url: `${API}/events`, started: 9, time, status: 200, responseHeaders: headers });
    fake.setHar([stream(40, { 'Content-Type': 'text/event-stream' })]);
    hub.start();
    await flush();
    fake.finish(stream(5_000, { 'Content-Type': 'text/event-stream' }));
    fake.finish(stream(6_000, { 'Content-Type': 'text/event-stream', 'X-Other': 'a second call, same start' }));
    await flush();
    const events: SourceEvent[] = [];
    hub.connect((e) => events.push(e));
    expect(entriesOf(events).map((e) => (e as { time: number }).time)).toEqual([40, 6_000]);
    expect(hub.stats()).toMatchObject({ entries: 2, duplicates: 1 });
  });

  test('pulls that bring nothing new come ever less often, and one that does brings the pace back (issue 18)', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeNetwork();
      const starts: number[] = [];
      const network = { ...fake.network, getHAR: async () => (starts.push(Date.now()), fake.network.getHAR()) };
      const hub = createCaptureHub(network as never);
      const stop = hub.start();
      const known = entry({ url: `${API}/v1/items`, started: 1 });
      fake.finish(known);
      fake.setHar([known]); // every pull: only what onRequestFinished already brought
      hub.setVisible(true);
      await vi.advanceTimersByTimeAsync(120_000);
      const gaps = () => starts.slice(1).map((t, i) => t - starts[i]!);
      // The pull when the panel was shown found nothing new either: the periodic ones start at twice the pace.
      expect(gaps()).toEqual([2, 4, 8, 8, 8, 8].map((k) => k * BACKFILL_EVERY_MS));
      expect(BACKFILL_MAX_EVERY_MS).toBe(8 * BACKFILL_EVERY_MS);
      fake.setHar([known, entry({ url: `${API}/unread-body`, started: 2 })]); // a fetch whose body nobody read
      const before = starts.length;
      await vi.advanceTimersByTimeAsync(BACKFILL_MAX_EVERY_MS + BACKFILL_EVERY_MS);
      expect(hub.stats().entries).toBe(2);
      expect(starts[before + 1]! - starts[before]!).toBe(BACKFILL_EVERY_MS);
      hub.setVisible(false);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  test('a held copy brings a second pull when it is due only if onRequestFinished has not brought the request meanwhile (issue 18)', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeNetwork();
      let pulls = 0;
      const network = { ...fake.network, getHAR: async () => (pulls++, fake.network.getHAR()) };
      const hub = createCaptureHub(network as never);
      const at = new Date(Date.now() - 10).toISOString();
      const failed = (status: number) => entry({ url: `${API}/v1/items`, started: at, time: 8, status, error: 'net::ERR_FAILED' });
      fake.setHar([failed(0)]); // ended a moment ago: held, its onRequestFinished copy may follow
      hub.start();
      await vi.advanceTimersByTimeAsync(0);
      expect([pulls, hub.stats().entries]).toEqual([1, 0]);
      fake.finish(failed(0));
      await vi.advanceTimersByTimeAsync(PENDING_MAX_MS + 100);
      expect([pulls, hub.stats().entries]).toEqual([1, 1]);
      fake.setHar([failed(0), entry({ url: `${API}/other`, started: new Date(Date.now() - 10).toISOString(), time: 9, status: 0, error: 'net::ERR_FAILED' })]);
      await hub.backfill(); // held, and never reported finished: pulled again when due, then let through
      await vi.advanceTimersByTimeAsync(PENDING_MAX_MS + 100);
      expect([pulls, hub.stats().entries]).toEqual([3, 2]);
    } finally {
      vi.useRealTimers();
    }
  });

  test('while requests finish 50 a second the periodic pull waits for the storm to pass, at most BACKFILL_STORM_MAX_MS (issue 18)', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeNetwork();
      const starts: number[] = [];
      const network = { ...fake.network, getHAR: async () => (starts.push(Date.now()), [] as unknown[]) };
      const hub = createCaptureHub(network as never);
      const stop = hub.start();
      hub.setVisible(true);
      await vi.advanceTimersByTimeAsync(0);
      const t0 = Date.now();
      for (let i = 0; i < 90 * 50; i++) {
        fake.finish(entry({ url: `${API}/v1/items?i=${i}`, started: i * 20 }));
        await vi.advanceTimersByTimeAsync(20);
      }
      const during = starts.filter((t) => t > t0).map((t) => t - t0);
      expect(during).toHaveLength(1);
      expect(during[0]).toBeGreaterThanOrEqual(BACKFILL_STORM_MAX_MS);
      const before = starts.length;
      await vi.advanceTimersByTimeAsync(1_000); // the storm is over: the pull after the burst
      expect(starts.length).toBe(before + 1);
      hub.setVisible(false);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });

  test('a copy getHAR() times differently from the one onRequestFinished brought is still that request while the log lists no more of them', async () => {
    const fake = fakeNetwork();
    const hub = createCaptureHub(fake.network as never);
    const call = (time: number, status = 200) => entry({ url: `${API}/v1/items`, started: 3, time, status, responseHeaders: status === 200 ? { 'Access-Control-Allow-Origin': PAGE } : {} });
    hub.start();
    await flush();
    fake.finish(call(20));
    await flush();
    fake.setHar([call(21.5)]); // one request in the log: the same one, timed otherwise
    await hub.backfill();
    expect(hub.stats()).toMatchObject({ entries: 1 });
    fake.setHar([call(21.5), call(48)]); // two in the log: the second is a request of its own
    await hub.backfill();
    expect(hub.stats()).toMatchObject({ entries: 2 });
  });

  test('passes navigations through, in order', async () => {
    const fake = fakeNetwork();
    const hub = createCaptureHub(fake.network as never);
    hub.start();
    fake.finish(entry({ url: 'http://api/1', started: 1 }));
    await flush();
    fake.navigate('http://page/next');
    const events: SourceEvent[] = [];
    hub.connect((e) => events.push(e));
    expect(events.map((e) => e.type)).toEqual(['entries', 'navigated']);
  });

  describe('one request, one row: copies from getHAR() and onRequestFinished merge whatever their status', () => {
    // The run from issue 12: DevTools reopened just before the calls; one PUT came as getHAR()'s status-0 copy
    // and onRequestFinished's 502, with the same startedDateTime and time.
    const started = () => new Date(Date.now() - 200).toISOString();
    const status0 = (at: string) =>
      entry({ method: 'PUT', url: `${API}/s/gateway-502`, started: at, time: 120, status: 0, requestHeaders: { 'Content-Type': 'application/json' }, error: 'net::ERR_FAILED' });
    const gateway502 = (at: string) =>
      entry({ method: 'PUT', url: `${API}/s/gateway-502`, started: at, time: 120, status: 502, requestHeaders: { Origin: PAGE, 'Content-Type': 'application/json' }, responseHeaders: { 'x-amzn-ErrorType': 'InternalServerErrorException', 'x-amz-apigw-id': 'a=' }, error: 'net::ERR_FAILED' });
    const statuses = (events: SourceEvent[]) => entriesOf(events).map((e) => (e as { response: { status: number } }).response.status);

    test('getHAR() status 0 first, then onRequestFinished 502: the status-0 copy is held, only the 502 is delivered', async () => {
      const fake = fakeNetwork();
      const hub = createCaptureHub(fake.network as never);
      const at = started();
      fake.setHar([status0(at)]);
      const live: SourceEvent[] = [];
      hub.connect((e) => live.push(e));
      hub.start();
      await flush();
      expect(hub.stats().entries).toBe(0); // held: it ended a moment ago, its complete copy may follow
      fake.finish(gateway502(at));
      await flush();
      await hub.backfill(); // getHAR() still has the status-0 copy
      expect(statuses(live)).toEqual([502]);
      expect(live.some((e) => e.type === 'replace')).toBe(false);
      const replay: SourceEvent[] = [];
      hub.connect((e) => replay.push(e));
      expect(statuses(replay)).toEqual([502]);
      expect(hub.stats()).toMatchObject({ entries: 1 });
    });

    test('onRequestFinished 502 first, then getHAR() status 0: the poorer copy is dropped as a duplicate', async () => {
      const fake = fakeNetwork();
      const hub = createCaptureHub(fake.network as never);
      const at = started();
      hub.start();
      await flush();
      fake.finish(gateway502(at));
      await flush();
      fake.setHar([status0(at)]);
      await hub.backfill();
      const events: SourceEvent[] = [];
      hub.connect((e) => events.push(e));
      expect(statuses(events)).toEqual([502]);
      expect(hub.stats()).toMatchObject({ entries: 1, duplicates: 1 });
    });

    test('status 0 already delivered, then the 502: a replace event for listeners, and the replay has only the 502', async () => {
      const fake = fakeNetwork();
      const hub = createCaptureHub(fake.network as never);
      const at = started();
      const live: SourceEvent[] = [];
      hub.connect((e) => live.push(e));
      hub.start();
      await flush();
      fake.finish(status0(at)); // onRequestFinished's copies are final: delivered at once
      await flush();
      fake.setHar([gateway502(at)]);
      await hub.backfill();
      expect(statuses(live)).toEqual([0]);
      const replaced = live.filter((e): e is Extract<SourceEvent, { type: 'replace' }> => e.type === 'replace');
      expect(replaced.map((e) => (e.entry as { response: { status: number } }).response.status)).toEqual([502]);
      const replay: SourceEvent[] = [];
      hub.connect((e) => replay.push(e));
      expect(statuses(replay)).toEqual([502]);
    });

    test('a status-0 getHAR() entry that ended long ago (before DevTools opened) is delivered at once', async () => {
      const fake = fakeNetwork();
      const hub = createCaptureHub(fake.network as never);
      fake.setHar([status0(new Date(Date.now() - 60_000).toISOString())]);
      hub.start();
      await flush();
      expect(hub.stats().entries).toBe(1);
    });

    test('the panel store swaps the replaced entry: one row, with the 502 verdict', () => {
      const store = createPanelStore({ analyzer: createAnalyzer() });
      const at = started();
      const pf = entry({ method: 'OPTIONS', url: `${API}/s/gateway-502`, started: new Date(Date.parse(at) - 50).toISOString(), status: 204, requestHeaders: { Origin: PAGE, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type' }, responseHeaders: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'Content-Type' }, resourceType: 'preflight', initiator: { type: 'preflight' }, error: null });
      applyEntries(store, [pf, status0(at)]);
      applyReplace(store, gateway502(at));
      expect(store.raw).toHaveLength(2);
      expect(store.exchanges.value).toHaveLength(1);
      const [x] = store.exchanges.value.filter((r) => r.kind === 'cors');
      expect(x?.hiddenStatus ?? null).not.toBeNull();
      expect(x?.corsError).toBe('MissingAllowOriginHeader');
    });
  });
});
