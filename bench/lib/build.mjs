// Bundles what the bench measures (the core, and the CLI when dist/cli is missing) with esbuild,
// the same tool and settings as scripts/build-cli.mjs, so the bench runs the code users run.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORE_BUNDLE = `${ROOT}bench/data/.build/core.mjs`;
export const STREAM_BUNDLE = `${ROOT}bench/data/.build/stream.mjs`;
export const CLI_BUNDLE = `${ROOT}dist/cli/cors-lens.mjs`;

/** Rebuilds bench/data/.build/{core,stream}.mjs from src/ and makes sure dist/cli exists. */
export async function buildForBench({ cli = true } = {}) {
  await build({
    entryPoints: [`${ROOT}src/core/index.ts`], outfile: CORE_BUNDLE, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', logLevel: 'warning',
  });
  await build({
    entryPoints: [`${ROOT}src/cli/stream-analyze.ts`], outfile: STREAM_BUNDLE, bundle: true, platform: 'node', format: 'esm',
    target: 'node20', packages: 'external', logLevel: 'warning',
  });
  if (cli && !existsSync(CLI_BUNDLE)) await import(`${ROOT}scripts/build-cli.mjs`);
  return { core: CORE_BUNDLE, stream: STREAM_BUNDLE, cli: CLI_BUNDLE };
}
