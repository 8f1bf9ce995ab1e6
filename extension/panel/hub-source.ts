// A RequestSource over the devtools page's CaptureHub. Events come from another window (realm),
// so each one is deep-copied into this realm before the UI and the core see it.
import type { RequestSource, SourceEvent } from '../../src/ui/source';
import type { CaptureHub } from '../handover';

export interface HubSource extends RequestSource {
  attach(hub: CaptureHub): void;
}

export function createHubSource(label = 'Live capture'): HubSource {
  let hub: CaptureHub | null = null;
  const listeners = new Set<(event: SourceEvent) => void>();
  const hubStops = new Map<(event: SourceEvent) => void, () => void>();
  const subscribe = (listener: (event: SourceEvent) => void) => {
    if (!hub) return;
    hubStops.set(listener, hub.connect((event) => listener(JSON.parse(JSON.stringify(event)) as SourceEvent)));
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
