// The panel's start bundle — panel.html's scripts and what they import statically, measured as the bench measures
// it (bench/lib/bundle.mjs, gzip) — stays within the 60 KB target, and what the panel loads on demand stays out
// of it: the hint engine (when the detail shows an exchange that can have hints, or an export needs them), the
// export (report renderers, redaction), the HAR importer (the streaming JSON parser) and the APIs view (src/core/api,
// when the view or a request's findings are shown). Both builds; builds them
// if missing.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error plain ESM JavaScript without types
import { bundleSize } from '../../bench/lib/bundle.mjs';
import { ensureDist } from '../support/dist';

const ROOT = path.resolve(__dirname, '../..');
const TARGET_GZIP_BYTES = 60 * 1024;

/** A string only each on-demand part contains (a pitfall id, the redaction placeholder, the parser's errors). */
const ON_DEMAND = { 'hint engine': 'APIGW-R05', 'log plan': 'API-Gateway-Execution-Logs_', export: "default-src 'none'; style-src 'unsafe-inline'", 'HAR importer': 'Tokenizer', 'APIs view': 'Answer every preflight of the REST API' };

beforeAll(() => {
  for (const target of ['chrome', 'firefox'] as const) ensureDist(target);
});

describe.each(['chrome', 'firefox'])('dist/%s panel', (target) => {
  const dist = path.join(ROOT, 'dist', target);

  test('starts with at most 60 KB of JavaScript (gzip)', async () => {
    const { gzipBytes, files } = (await bundleSize(dist)) as { gzipBytes: number; files: Array<{ file: string; gzip: number }> };
    expect(gzipBytes, files.map((f) => `${f.file}: ${f.gzip} B`).join(', ')).toBeLessThanOrEqual(TARGET_GZIP_BYTES);
  });

  test('loads the hint engine, the export, the HAR importer and the APIs view on demand, not at start', async () => {
    const { files } = (await bundleSize(dist)) as { files: Array<{ file: string }> };
    const start = new Set(files.map((f) => f.file));
    const assets = fs.readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
    for (const [part, mark] of Object.entries(ON_DEMAND)) {
      const holders = assets.filter((f) => fs.readFileSync(path.join(dist, f), 'utf8').includes(mark));
      expect(holders.length, `${part}: some chunk holds it`).toBeGreaterThan(0);
      expect(holders.filter((f) => start.has(f)), `${part}: not in the start bundle`).toEqual([]);
    }
  });
});
