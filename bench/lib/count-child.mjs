// One step of the short bench, run under valgrind so that its instructions can be counted:
//   node count-child.mjs <mode> <core bundle> <stream bundle> <har>
// Every mode loads both bundles and reads the file, so that subtracting one mode's count from another's
// leaves exactly the step in between:
//   read      load the bundles, read the file as UTF-8                  (what every mode shares)
//   parse     read + JSON.parse                                         (the floor)
//   analyse   read + JSON.parse + analyzeHar                            (the core, on the whole-file path)
//   stream    read + the CLI's streaming analysis of the same bytes     (parser + incremental core + settle)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { injectRegression } from './inject.mjs';

const [mode, coreBundle, streamBundle, file] = process.argv.slice(2);
const core = await import(pathToFileURL(resolve(coreBundle)).href);
const stream = await import(pathToFileURL(resolve(streamBundle)).href);
const text = readFileSync(file, 'utf8');

function* chunked(bytes, size = 1024 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

let exchanges = 0;
if (mode === 'parse') {
  exchanges = JSON.parse(text).log.entries.length;
} else if (mode === 'analyse') {
  const har = JSON.parse(text);
  exchanges = core.analyzeHar(har).exchanges.length;
  injectRegression(har, core.analyzeHar); // --self-test only (bench/lib/inject.mjs)
} else if (mode === 'stream') {
  const result = await stream.analyzeStream(chunked(Buffer.from(text)), {}, { onExchanges() {}, onProblems() {} });
  exchanges = result.exchanges;
} else if (mode !== 'read') {
  console.error('usage: count-child.mjs read|parse|analyse|stream <core bundle> <stream bundle> <har>');
  process.exit(2);
}
// Printed so that a step which silently did nothing is noticed (the runner checks it).
console.log(JSON.stringify({ mode, exchanges }));
