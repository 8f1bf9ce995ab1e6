// A RequestSource over the devtools page's CaptureHub. Events come from another window (realm),
// so each one is deep-copied into this realm before the UI and the core see it.
import type { RequestSource, SourceEvent } from '../../src/ui/source';
import type { CaptureHub } from '../handover';

export interface HubSource extends RequestSource {
  attach(hub: CaptureHub): void;
}

/**
 * What `JSON.parse(JSON.stringify(value))` returns, made of this realm's objects and arrays, without the text in
 * between: the hub's events are JSON already (it copies what DevTools hands it), and a 3 KB entry with long header
 * lists cost ~55 µs through JSON text against ~8 µs here (issue 15; strings are shared, not copied). JSON's rules
 * are kept: non-finite numbers become null, undefined and functions are left out of objects and are null in arrays,
 * `toJSON` (a Date) is honoured.
 */
export function copyJson(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) {
    if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // + 0: -0 becomes 0, as in JSON
    return value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return JSON.parse(JSON.stringify(value)) as unknown;
  if (Array.isArray(value)) {
    const n = value.length;
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const v = value[i] as unknown;
      out[i] = v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : copyJson(v);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    if (key === '__proto__') Object.defineProperty(out, key, { value: copyJson(v), enumerable: true, writable: true, configurable: true });
    else out[key] = copyJson(v);
  }
  return out;
}

export function createHubSource(label = 'Live capture'): HubSource {
  let hub: CaptureHub | null = null;
  const listeners = new Set<(event: SourceEvent) => void>();
  const hubStops = new Map<(event: SourceEvent) => void, () => void>();
  const subscribe = (listener: (event: SourceEvent) => void) => {
    if (!hub) return;
    hubStops.set(listener, hub.connect((event) => listener(copyJson(event) as SourceEvent)));
  };
  return {
    label,
    attach(next) {
      hub = next;
      for (const listener of listeners) subscribe(listener);
    },
    connect(listener) {
      listeners.add(listener);
      subscribe(listener);
      return () => {
        listeners.delete(listener);
        hubStops.get(listener)?.();
        hubStops.delete(listener);
      };
    },
  };
}
