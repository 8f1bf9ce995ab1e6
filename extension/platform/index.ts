// Platform services for the extension pages: network capture, navigation, panels, theme, storage.
// Everything here is a thin wrapper so that extension/devtools and extension/panel stay API-free.
import browser from 'webextension-polyfill';
import type { KeyValueStorage, PageRequester, ThemeName, ThemeSource } from '../../src/ui/source';
import { fetchExpression } from '../../src/ui/rerun';
import { devtools, type ExtensionPanel, type HarEntryWithContent } from './devtools-api';

export type BrowserName = 'chrome' | 'firefox';

/**
 * Which browser runs the extension. The one place that asks: Firefox's extension pages live on
 * moz-extension:// (the polyfill's runtime.getURL works in both).
 */
export function browserName(): BrowserName {
  try {
    return browser.runtime.getURL('').startsWith('moz-extension:') ? 'firefox' : 'chrome';
  } catch {
    return 'chrome';
  }
}

/**
 * How long a status-0 entry from getHAR() is held back before it is believed. Chromium 156 lists
 * in-flight requests that way and sends the finished entry through onRequestFinished soon after;
 * Firefox never sends onRequestFinished for a request its preflight stopped (status 0 in getHAR()
 * only, see docs/research/capture-facts.md §6), so holding it long only delays the row.
 */
export function pendingHoldMs(name: BrowserName = browserName()): number {
  return name === 'firefox' ? 2000 : 5000;
}

export const network = {
  /** Every finished request of the inspected tab, from now on. Returns an unsubscribe function. */
  onRequestFinished(listener: (entry: HarEntryWithContent) => void): () => void {
    const api = devtools().network;
    api.onRequestFinished.addListener(listener);
    return () => api.onRequestFinished.removeListener(listener);
  },
  /** Everything DevTools has logged since it opened (includes fetches whose body was never read). */
  getHAR(): Promise<unknown[]> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (log: { entries?: unknown[] } | undefined) => {
        if (done) return;
        done = true;
        resolve(Array.isArray(log?.entries) ? log.entries : []);
      };
      const result = devtools().network.getHAR(finish);
      if (result && typeof (result as Promise<unknown>).then === 'function') void (result as Promise<{ entries?: unknown[] }>).then(finish);
    });
  },
  /** The response body, for small error responses (API Gateway's {"message": ...}); null when unavailable. */
  getContent(entry: HarEntryWithContent, timeoutMs = 500): Promise<string | null> {
    return new Promise((resolve) => {
      if (typeof entry.getContent !== 'function') return resolve(null);
      const timer = setTimeout(() => resolve(null), timeoutMs);
      try {
        entry.getContent((content, encoding) => {
          clearTimeout(timer);
          resolve(typeof content === 'string' && encoding !== 'base64' ? content : null);
        });
      } catch {
        clearTimeout(timer);
        resolve(null);
      }
    });
  },
  onNavigated(listener: (url: string) => void): () => void {
    const api = devtools().network;
    api.onNavigated.addListener(listener);
    return () => api.onNavigated.removeListener(listener);
  },
};

/**
 * A path relative to the extension root, as devtools.panels.create() wants it. Chrome resolves it
 * against the extension root; Firefox against the calling (devtools) page, so it gets a leading '/'.
 */
export function extensionPath(path: string, name: BrowserName = browserName()): string {
  return name === 'firefox' && !path.startsWith('/') ? `/${path}` : path;
}

export const panels = {
  create(title: string, iconPath: string, pagePath: string): Promise<ExtensionPanel> {
    return new Promise((resolve) => {
      const result = devtools().panels.create(title, extensionPath(iconPath), extensionPath(pagePath), resolve);
      if (result && typeof (result as Promise<ExtensionPanel>).then === 'function') void (result as Promise<ExtensionPanel>).then(resolve);
    });
  },
};

function toTheme(name: string | undefined): ThemeName {
  return name === 'dark' ? 'dark' : 'light';
}

/** DevTools' theme (`devtools.panels.themeName`: "default" | "dark"), with change notifications. */
export function createThemeSource(): ThemeSource {
  const api = devtools().panels;
  const listeners = new Set<(t: ThemeName) => void>();
  let current = toTheme(api.themeName);
  const changed = (name: string) => {
    current = toTheme(name);
    for (const l of listeners) l(current);
  };
  if (api.setThemeChangeHandler) api.setThemeChangeHandler(changed);
  else api.onThemeChanged?.addListener(changed);
  return {
    current: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Settings in storage.local (falls back to memory if storage is unavailable). */
export function createExtensionStorage(): KeyValueStorage {
  const memory = new Map<string, unknown>();
  return {
    async get(key) {
      try {
        return (await browser.storage.local.get(key))[key];
      } catch {
        return memory.get(key);
      }
    },
    async set(key, value) {
      memory.set(key, value);
      try {
        await browser.storage.local.set({ [key]: value });
      } catch {
        // memory only
      }
    },
  };
}

/**
 * "Re-run from the page": the inspected page issues the request itself, through devtools.inspectedWindow.eval
 * (no permission needed; the request then reaches the panel through the normal capture).
 */
export function createPageRequester(): PageRequester {
  return {
    fetchFromPage(request) {
      return new Promise((resolve) => {
        try {
          devtools().inspectedWindow.eval(fetchExpression(request), {}, (result, exception) => {
            if (exception && (exception.isException || exception.isError)) resolve({ ok: false, error: exception.value ?? exception.description ?? 'the page refused the script' });
            else if (result && typeof result === 'object' && (result as { ok?: unknown }).ok === true) resolve({ ok: true });
            else resolve({ ok: false, error: String((result as { error?: unknown } | null)?.error ?? 'no answer from the page') });
          });
        } catch (err) {
          resolve({ ok: false, error: err instanceof Error ? err.message : String(err) });
        }
      });
    },
  };
}
