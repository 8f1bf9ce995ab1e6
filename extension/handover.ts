// How the devtools page hands its capture to the panel page (see ARCHITECTURE.md, "Messages").
// Both pages are same-origin frames inside DevTools, and `panel.onShown` gives the devtools page
// the panel's `window`. The devtools page sets PANEL_HUB_PROPERTY on that window and calls
// PANEL_ATTACH_PROPERTY if the panel already defined it; so whichever side is ready first, the
// panel ends up with the hub exactly once. No background page and no runtime port are needed.
import type { SourceEvent } from '../src/ui/source';

export const PANEL_HUB_PROPERTY = '__corsLensHub';
export const PANEL_ATTACH_PROPERTY = '__corsLensAttach';
export const HUB_SOURCE = 'cors-lens-capture';

/** The devtools page's capture, as the panel sees it. Events are objects of the devtools page's realm. */
export interface CaptureHub {
  readonly source: typeof HUB_SOURCE;
  /** Replays everything captured so far (entries and navigations, in order), then live events. */
  connect(listener: (event: SourceEvent) => void): () => void;
  /** Pulls devtools.network.getHAR() again (catches fetches whose body was never read). */
  backfill(): Promise<void>;
  stats(): {
    readonly entries: number;
    readonly dropped: number;
    readonly duplicates: number;
    /** getHAR() pulls so far, and the time they took in all (ms). */
    readonly backfills?: number;
    readonly backfillMs?: number;
  };
}

export function isCaptureHub(value: unknown): value is CaptureHub {
  return typeof value === 'object' && value !== null && (value as { source?: unknown }).source === HUB_SOURCE;
}

export interface PanelWindowSlots {
  [PANEL_HUB_PROPERTY]?: CaptureHub;
  [PANEL_ATTACH_PROPERTY]?: (hub: CaptureHub) => void;
}
