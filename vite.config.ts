// Builds the extension with @crxjs/vite-plugin. One source tree for every browser: the target
// (`TARGET=chrome` by default, `TARGET=firefox`) only changes the manifest (transformManifest) and
// the output folder, dist/<target>. Runtime differences live in extension/platform/.
// `vite build` → dist/chrome; `vite build --mode firefox` (or TARGET=firefox) → dist/firefox.
// The panel loads its hint engine, export and HAR importer with import() (same-origin chunks, no
// web_accessible_resources needed for an extension page); its analyser (src/core/analyzer.ts) imports no
// hint code, so the engine stays out of the start bundle (test/e2e/panel-bundle.test.ts checks it).
//
// TEST-ONLY: CORS_LENS_TEST_SINK=http://127.0.0.1:<port>/__report compiles in
// extension/panel/test-sink.ts (the Firefox e2e reads the panel through it). Without it the constant
// is '' and the branch and module are dropped; test/e2e/firefox-dist.test.ts greps dist/ for it.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import rootManifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

/** The version comes from package.json (one place to bump; scripts/package.mjs checks the output). */
const baseManifest = { ...rootManifest, version: pkg.version };

export type Target = 'chrome' | 'firefox';

/** The manifest for one browser, derived from the root manifest.json (never a forked copy). */
export function transformManifest(target: Target): ManifestV3Export {
  if (target === 'chrome') return baseManifest;
  const { minimum_chrome_version: _unused, ...rest } = baseManifest;
  void _unused;
  return {
    ...rest,
    browser_specific_settings: {
      gecko: {
        // A fixed id: storage.local and AMO updates are keyed by it.
        id: 'cors-lens@cors-lens.dev',
        // 140 (ESR): the first release that knows data_collection_permissions (MV3 devtools_page,
        // devtools.network and devtools.panels.themeName/onThemeChanged are older). Tested on 153 ESR.
        strict_min_version: '140.0',
        // Nothing is collected or transmitted (docs/store/privacy.md).
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android has no DevTools, so the add-on is not offered there; the key only keeps
      // the minimum version truthful for data_collection_permissions (Android 142+).
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

const testSink = process.env.CORS_LENS_TEST_SINK ?? '';
if (testSink && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(testSink)) {
  throw new Error(`CORS_LENS_TEST_SINK must be a loopback http URL, got ${testSink}`);
}

// `vite build --mode firefox` (the npm scripts; works on every OS) or TARGET=firefox.
export default defineConfig(({ mode }) => {
  const target: Target = process.env.TARGET === 'firefox' || mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [preact(), crx({ manifest: transformManifest(target), browser: target })],
    define: { __CORS_LENS_TEST_SINK__: JSON.stringify(testSink) },
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      // Chrome 116+ and Firefox 140+ support <link rel=modulepreload>; the polyfill would add a
      // fetch() of our own files to the bundle, which the privacy check (firefox-dist.test.ts) forbids.
      modulePreload: { polyfill: false },
      rollupOptions: {
        // crxjs follows the manifest (devtools_page) but cannot see the path given to
        // devtools.panels.create(), so the panel page is an explicit input.
        input: { panel: 'extension/panel/panel.html' },
      },
    },
  };
});
