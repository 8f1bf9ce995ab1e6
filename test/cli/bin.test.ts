// The installed command (bin/cors-lens.mjs over the built CLI), as a shell pipeline runs it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { PAGE, entry, har, preflight } from '../support/har-builder';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/cors-lens.mjs');

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, 'dist/cli/cors-lens.mjs'))) spawnSync('node', ['scripts/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
});

describe('cors-lens | head', () => {
  test('a reader that closes the pipe early ends the command quietly: no EPIPE, exit 0', async () => {
    // Enough exchanges that the output is many times a pipe's buffer (64 KiB).
    const entries = Array.from({ length: 600 }, (_, i) => [
      preflight(`https://api.example.com/items/${i}`, 'PUT', { status: 403 }, { started: i * 10 }),
      entry({ url: `https://api.example.com/items/${i}`, method: 'PUT', requestHeaders: { Origin: PAGE }, status: 0, error: 'net::ERR_FAILED', started: i * 10 + 1 }),
    ]).flat();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-bin-')), 'big.har');
    fs.writeFileSync(file, JSON.stringify(har(...entries)));
    for (const format of ['ndjson', 'text']) {
      const child = spawn(process.execPath, [BIN, 'analyze', file, '--format', format], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      // `head -c 1`: read one chunk, then close the pipe.
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(err, format).not.toMatch(/EPIPE|Error/);
      expect(code, format).toBe(0);
    }
  });
});
