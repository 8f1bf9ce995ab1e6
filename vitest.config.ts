import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

// Four projects: `unit` (core + CLI, node), `ui` (components, happy-dom), `e2e` (real Chromium, serial),
// `truth` (browser-truth goldens, node). `vitest run --project ui` runs one of them.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/core/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/lint/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        plugins: [preact()],
        test: { name: 'ui', include: ['test/ui/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { concurrent: false },
        },
      },
      { test: { name: 'truth', include: ['test/browser-truth/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
