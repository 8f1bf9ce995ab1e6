// The built extension the end-to-end tests load: dist/<target> as `npm run build` makes it, built here only when
// missing (a test run straight after a checkout), without the test sink so it is the shipped build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** dist/<target> (built first if it has no manifest); returns its path. */
export function ensureDist(target: 'chrome' | 'firefox' = 'chrome'): string {
  const dir = path.join(ROOT, 'dist', target);
  if (fs.existsSync(path.join(dir, 'manifest.json'))) return dir;
  const env: NodeJS.ProcessEnv = { ...process.env, TARGET: target };
  delete env.CORS_LENS_TEST_SINK;
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`vite build (${target}) failed`);
  return dir;
}
