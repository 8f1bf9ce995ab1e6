// docs/aws-pitfalls.md is generated from the catalogue and the scenario tests; it must be current.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('docs/aws-pitfalls.md is up to date with the catalogue (node scripts/gen-aws-pitfalls-doc.mjs)', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-aws-pitfalls-doc.mjs', '--check'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 30_000);
