// The core on the adversarial patterns (bench/lib/patterns.mjs), in its own process:
//   node patterns-child.mjs <core bundle> <runs> <har>…
// Parses every HAR first (not timed), warms the JIT up on the smallest (so that small files do not pay for
// compilation that large ones amortise, which would hide growth), then times readHar + createAnalyzer().addObserved
// + exchanges() on each file `runs` times, interleaved, and prints µs per entry for each.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [bundle, runsArg, ...files] = process.argv.slice(2);
const core = await import(pathToFileURL(resolve(bundle)).href);
const hars = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
const analyse = (har) => {
  const analyzer = core.createAnalyzer();
  analyzer.addObserved(core.readHar(har).entries);
  return analyzer.exchanges().length;
};
for (let i = 0; i < 3; i++) analyse(hars[0]);
const usPerEntry = hars.map(() => []);
for (let r = 0; r < Number(runsArg); r++) {
  hars.forEach((har, k) => {
    const t0 = performance.now();
    const exchanges = analyse(har);
    const ms = performance.now() - t0;
    if (!(exchanges > 0)) throw new Error(`${files[k]}: no exchanges, nothing was measured`);
    usPerEntry[k].push((ms * 1000) / har.log.entries.length);
  });
}
console.log(JSON.stringify({ files, entries: hars.map((h) => h.log.entries.length), usPerEntry }));
