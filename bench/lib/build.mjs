// Bundles what the bench measures (the core, and the CLI when dist/cli is missing) with esbuild,
// the same tool and settings as scripts/build-cli.mjs, so the bench runs the code users run.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORE_BUNDLE = `${ROOT}bench/data/.build/core.mjs`;
export const STREAM_BUNDLE = `${ROOT}bench/data/.build/stream.mjs`;
export const CLI_BUNDLE = `${ROOT}dist/cli/cors-lens.mjs`;

/**
 * Rebuilds <out>/{core,stream}.mjs from <root>/src and makes sure <root>/dist/cli exists (`cli: 'rebuild'`: rebuilds it). `root` is another checkout
 * when bench:check measures a baseline commit beside this tree (bench/check.mjs); by default, this one.
 */
export async function buildForBench({ cli = true, root = ROOT, out = `${ROOT}bench/data/.build/` } = {}) {
  const core = `${out}core.mjs`;
  const stream = `${out}stream.mjs`;
  await build({
    entryPoints: [`${root}src/core/index.ts`], outfile: core, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', logLevel: 'warning',
  });
  await build({
    entryPoints: [`${root}src/cli/stream-analyze.ts`], outfile: stream, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', packages: 'external', logLevel: 'warning',
  });
  if (cli === 'rebuild' || (cli && !existsSync(`${root}dist/cli/cors-lens.mjs`))) buildCli(root);
  return { core, stream, cli: `${root}dist/cli/cors-lens.mjs`, bin: `${root}bin/cors-lens.mjs` };
}

/** Builds <root>/dist/cli with that checkout's own scripts/build-cli.mjs (its paths are relative to its folder). */
export function buildCli(root = ROOT) {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, stdio: 'inherit' });
}
