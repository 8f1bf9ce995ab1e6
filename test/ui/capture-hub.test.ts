// The devtools page's capture: onRequestFinished + getHAR() backfill, de-duplicated, in-flight
// getHAR() entries held back until they finish, navigations replayed in order.
import { describe, expect, test, vi } from 'vitest';
import { BACKFILL_EVERY_MS, BACKFILL_PACE, createCaptureHub, entryKey, PENDING_MAX_MS } from '../../extension/devtools/capture-hub';
import type { SourceEvent } from '../../src/ui/source';
import { entry } from '../support/har-builder';

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

  test('getHAR() runs one at a time while the panel is visible, the next waiting ten times as long as the last took (issue 18)', async () => {
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
});
