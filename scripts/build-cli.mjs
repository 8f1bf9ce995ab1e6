// Bundles the Node CLI (src/cli) with the core into dist/cli/cors-lens.mjs. Runs on `npm install` (prepare).
// Split into chunks: what only `probe`, `report` or Markdown use (node:http, node:https and node:zlib among them) is
// loaded by those commands, not by every `analyze` (issue 15: startup time and memory at small sizes).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  entryPoints: { 'cors-lens': 'src/cli/main.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
