// docs/findings.md is generated from the findings catalogue and the API scenarios; it must be current.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

test('docs/findings.md is up to date with the catalogue (node scripts/gen-findings-doc.mjs)', () => {
  const r = spawnSync(process.execPath, ['scripts/gen-findings-doc.mjs', '--check'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('');
  expect(r.status).toBe(0);
}, 30_000);
