// The panel page: mounts the UI with an extension-backed RequestSource that reads the devtools
// page's capture hub (handed over on panel.onShown, see ../handover.ts).
import { createAnalyzerCore } from '../../src/core/analysis';
import { mountPanel } from '../../src/ui/mount';
import { PANEL_ATTACH_PROPERTY, PANEL_HUB_PROPERTY, isCaptureHub, type CaptureHub, type PanelWindowSlots } from '../handover';
import { browserName, createExtensionStorage, createPageRequester, createThemeSource, network, pendingHoldMs } from '../platform';
import { createCaptureHub } from '../devtools/capture-hub';
import { createHubSource } from './hub-source';

/** If no hub arrives (an older DevTools that does not pass the window), capture from here instead. */
const HANDOVER_TIMEOUT_MS = 3000;

const slots = window as unknown as PanelWindowSlots;
const source = createHubSource();
let attached = false;
const attach = (hub: CaptureHub) => {
  if (attached || !isCaptureHub(hub)) return;
  attached = true;
  source.attach(hub);
};
slots[PANEL_ATTACH_PROPERTY] = attach;
const early = slots[PANEL_HUB_PROPERTY];
if (early) attach(early);
setTimeout(() => {
  if (attached) return;
  const own = createCaptureHub(network, undefined, { pendingMaxMs: pendingHoldMs() });
  own.start();
  own.setVisible(true);
  attach(own);
}, HANDOVER_TIMEOUT_MS);

// The stylesheet follows the host DevTools' look (Chrome's or Firefox's), in both themes.
document.documentElement.dataset.browser = browserName();

const mounted = mountPanel(
  document.getElementById('app')!,
  { source, storage: createExtensionStorage(), theme: createThemeSource(), requester: createPageRequester() },
  // The analyser without the hint engine (src/core/analyzer.ts imports none of it): the detail and exports compute
  // hints on demand (src/ui/lazy-hints.ts), so the catalogue is not in the panel's start bundle.
  { analyzer: createAnalyzerCore(), hintsOnDemand: true },
);
// For the end-to-end tests: read the store from the panel frame.
(window as { corsLens?: unknown }).corsLens = { store: mounted.store, source };
addEventListener('pagehide', () => mounted.unmount());

// TEST-ONLY (Firefox e2e): compiled in only when the build sets CORS_LENS_TEST_SINK; otherwise the
// constant is '' and the bundler drops this branch and the module (test/e2e/firefox-dist.test.ts checks).
if (__CORS_LENS_TEST_SINK__) {
  void import('./test-sink').then((m) => m.startTestSink(__CORS_LENS_TEST_SINK__, { getHAR: network.getHAR }));
}
