// The panel's JavaScript: every script panel.html loads, and what those import (statically), gzip'd one by one.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';

export async function bundleSize(dist) {
  const html = join(dist, 'extension/panel/panel.html');
  const page = readFileSync(html, 'utf8');
  const queue = [...page.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2]).startsWith('/') ? join(dist, m[1] ?? m[2]) : resolve(dirname(html), m[1] ?? m[2]));
  const seen = new Set();
  let gzipBytes = 0;
  let rawBytes = 0;
  const files = [];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    const gz = gzipSync(code, { level: 9 }).length;
    gzipBytes += gz;
    rawBytes += code.length;
    files.push({ file: file.slice(dist.length + 1), bytes: code.length, gzip: gz });
    for (const m of code.toString().matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) queue.push(resolve(dirname(file), m[1]));
  }
  return { gzipBytes, rawBytes, files };
}
