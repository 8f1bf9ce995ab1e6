// Lint: typescript-eslint recommended everywhere; the layers are enforced, not hoped for:
//   extension → src/ui → src/core, src/cli → src/core; src/core is pure (no DOM, storage, timers, extension
//   or Node APIs) and imports nothing outside itself; no import cycles anywhere (import-x/no-cycle).
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

// Platform globals src/core must not reach for: pass data (or a clock, or a scheduler) in instead.
const forbiddenInCore = [
  'chrome', 'browser', 'document', 'window', 'navigator', 'location', 'self', 'globalThis', 'global',
  'process', 'Buffer', 'localStorage', 'sessionStorage', 'indexedDB', 'caches',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate',
  'requestAnimationFrame', 'requestIdleCallback', 'queueMicrotask', 'fetch', 'XMLHttpRequest', 'WebSocket',
].map((name) => ({ name, message: 'src/core is pure: pass data in instead of reaching for a platform global.' }));

/** An import of a core file by path instead of through an entry point (src/core/index.ts lists them). */
const coreByPath = { regex: '(^|/)core/(?!(analysis|analyze|report|har/stream)$)', message: 'Import the core through an entry point: core/analysis, core/analyze, core/report or core/har/stream (src/core/index.ts).' };
/** The whole core (index.ts) in browser code: it carries the hint engine and the stream parser into the start bundle. */
const wholeCore = { regex: '(^|/)core$', message: 'Browser code imports core/analysis (lean) or, on demand, core/analyze, core/report, core/har/stream.' };

/** An import of another layer's folder, by relative path or alias (`../ui/store`, `../../cli/main`, `../../extension/x`). */
const layer = (...names) => ({ regex: `(^|/)(${names.join('|')})(/|$)`, message: `Layering: this folder may not import ${names.join(' / ')} code (see ARCHITECTURE.md).` });

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bin/', '**/.build/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a parameter kept for its position or documentation.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-globals': ['error', ...forbiddenInCore],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/core must not use Node APIs.' },
            { group: ['preact', 'preact/*', 'preact*', '@preact/*'], message: 'src/core must not depend on the UI.' },
            { group: ['webextension-polyfill'], message: 'Extension APIs live in extension/platform/.' },
            layer('ui', 'cli', 'extension'),
          ],
        },
      ],
    },
  },
  {
    // No import cycles in shipped code (a cycle means two files are one idea, or a shared piece wants its own home).
    files: ['src/**/*.{ts,tsx}', 'extension/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // Only extension/platform/ may touch extension APIs.
    files: ['src/ui/**', 'src/cli/**', 'extension/devtools/**', 'extension/panel/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use extension/platform/.' }, { name: 'browser', message: 'Use extension/platform/.' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Use extension/platform/.' }] }],
    },
  },
  {
    files: ['src/ui/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Use extension/platform/.' }], patterns: [layer('cli', 'extension'), coreByPath, wholeCore] }] },
  },
  {
    files: ['src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Use extension/platform/.' }], patterns: [layer('ui', 'extension'), coreByPath] }] },
  },
  {
    files: ['extension/devtools/**', 'extension/panel/**', 'extension/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'webextension-polyfill', message: 'Use extension/platform/.' }], patterns: [layer('cli'), coreByPath, wholeCore] }] },
  },
  {
    files: ['extension/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [layer('cli'), coreByPath, wholeCore] }] },
  },
);
