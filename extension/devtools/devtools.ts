// The devtools page: loaded as soon as DevTools opens for a tab, for as long as it stays open.
// It starts capturing at once (so calls made before the panel is first shown are not lost),
// registers the "CORS" panel, and hands the capture to the panel window when it is shown.
import { PANEL_ATTACH_PROPERTY, PANEL_HUB_PROPERTY, type PanelWindowSlots } from '../handover';
import { network, panels, pendingHoldMs } from '../platform';
import { createCaptureHub } from './capture-hub';

export const PANEL_TITLE = 'CORS';
const PANEL_ICON = 'icons/icon-32.png';
const PANEL_PAGE = 'extension/panel/panel.html';

const hub = createCaptureHub(network, undefined, { pendingMaxMs: pendingHoldMs() });
hub.start();
// For tests and debugging from the DevTools-on-DevTools console.
(globalThis as { corsLensCapture?: typeof hub }).corsLensCapture = hub;

void panels.create(PANEL_TITLE, PANEL_ICON, PANEL_PAGE).then((panel) => {
  panel.onShown.addListener((panelWindow) => {
    const slots = panelWindow as unknown as PanelWindowSlots;
    if (slots[PANEL_HUB_PROPERTY] !== hub) {
      slots[PANEL_HUB_PROPERTY] = hub;
      slots[PANEL_ATTACH_PROPERTY]?.(hub);
    }
    // While the panel is shown, also pick up requests only getHAR() knows (unread bodies).
    hub.setVisible(true);
  });
  panel.onHidden.addListener(() => hub.setVisible(false));
});
