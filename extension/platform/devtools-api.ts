// The DevTools extension API (chrome.devtools.*), typed for the parts CORS Lens uses.
// Chrome and Firefox both expose `chrome.devtools` with callbacks; webextension-polyfill does not
// promisify devtools.network, so this module wraps it itself. This folder is the only place that
// touches chrome.* / browser.* (lint enforces it).

interface HarEntryWithContent {
  getContent?(callback: (content: string | null, encoding: string) => void): void;
}

interface ExtensionPanel {
  onShown: { addListener(listener: (window: Window) => void): void };
  onHidden: { addListener(listener: () => void): void };
}

interface DevtoolsNamespace {
  inspectedWindow: {
    tabId: number;
    eval(expression: string, options: Record<string, unknown>, callback: (result: unknown, exceptionInfo: { isException?: boolean; isError?: boolean; value?: string; description?: string } | undefined) => void): unknown;
  };
  network: {
    getHAR(callback: (log: { entries?: unknown[] }) => void): unknown;
    onRequestFinished: { addListener(l: (entry: HarEntryWithContent) => void): void; removeListener(l: (entry: HarEntryWithContent) => void): void };
    onNavigated: { addListener(l: (url: string) => void): void; removeListener(l: (url: string) => void): void };
  };
  panels: {
    themeName?: string;
    create(title: string, iconPath: string, pagePath: string, callback?: (panel: ExtensionPanel) => void): unknown;
    /** Chrome 99+ */
    setThemeChangeHandler?(callback: (themeName: string) => void): void;
    /** Firefox */
    onThemeChanged?: { addListener(l: (themeName: string) => void): void };
  };
}

export function devtools(): DevtoolsNamespace {
  const g = globalThis as { chrome?: { devtools?: DevtoolsNamespace }; browser?: { devtools?: DevtoolsNamespace } };
  const api = g.chrome?.devtools ?? g.browser?.devtools;
  if (!api) throw new Error('CORS Lens: chrome.devtools is not available here (not a DevTools extension page)');
  return api;
}

export type { ExtensionPanel, HarEntryWithContent };
