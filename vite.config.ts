// Builds the extension with @crxjs/vite-plugin. One source tree for every browser: the target
// (`TARGET=chrome` by default, `TARGET=firefox` later) only changes the manifest (transformManifest)
// and the output folder, dist/<target>.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

/** The manifest for one browser, derived from the root manifest.json (never a forked copy). */
export function transformManifest(target: Target): ManifestV3Export {
  if (target === 'chrome') return baseManifest;
  const { minimum_chrome_version: _unused, ...rest } = baseManifest;
  void _unused;
  return {
    ...rest,
    // Firefox needs an add-on id for storage; 128 is the first ESR with devtools.panels.themeName in MV3.
    browser_specific_settings: { gecko: { id: 'cors-lens@cors-lens.dev', strict_min_version: '128.0' } },
  } as ManifestV3Export;
}

const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

export default defineConfig({
  plugins: [preact(), crx({ manifest: transformManifest(target), browser: target })],
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      // crxjs follows the manifest (devtools_page) but cannot see the path given to
      // devtools.panels.create(), so the panel page is an explicit input.
      input: { panel: 'extension/panel/panel.html' },
    },
  },
});
