// Imports a TypeScript module of this repository from a Node script: bundles it with esbuild to a temporary ESM
// file, imports that, and removes it. Shared by the generators of docs/aws-pitfalls.md and docs/findings.md.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `entry` is relative to the repository root. */
export async function importTs(entry) {
  const dir = mkdtempSync(join(tmpdir(), 'cors-lens-doc-'));
  try {
    const outfile = join(dir, 'bundle.mjs');
    await build({ entryPoints: [join(root, entry)], bundle: true, format: 'esm', platform: 'node', outfile, logLevel: 'error' });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
