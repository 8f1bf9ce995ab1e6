// Lint: typescript-eslint recommended everywhere; src/core/ is kept pure (no DOM, extension or node APIs).
import tseslint from 'typescript-eslint';
import globals from 'globals';

const forbiddenInCore = ['chrome', 'browser', 'document', 'window', 'navigator'].map((name) => ({
  name,
  message: 'src/core is pure: pass data in instead of reaching for a platform global.',
}));

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
          ],
        },
      ],
    },
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
    // Issue 16: no regular expression in redaction or classification may backtrack catastrophically on hostile
    // input (HAR headers and URLs are attacker-controlled). eslint-plugin-regexp proves it per pattern.
    files: ['src/core/redact/**', 'src/core/pairing/**', 'src/core/cors/**', 'src/core/fetch/**', 'src/core/har/**', 'src/core/hints/**', 'src/core/report/**'],
    plugins: { regexp: (await import('eslint-plugin-regexp')).default },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
);
