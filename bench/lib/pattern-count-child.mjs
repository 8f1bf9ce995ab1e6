// One step of an adversarial pattern's growth, run under valgrind so that its instructions can be counted
// (bench/lib/instructions.mjs, measurePatternGrowth):
//   node pattern-count-child.mjs <core bundle> none|small|large <small.har> <large.har>
// Every mode loads the core, parses both files and analyses the small one once (so the JIT has compiled the
// core before anything is measured: otherwise the small file pays for compilation the large one amortises, and
// a per-entry growth looks better than it is). `small` and `large` then analyse that file; `none` stops, so
// that subtracting its count leaves exactly one analysis.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { injectRegression } from './inject.mjs';

const [bundle, mode, smallFile, largeFile] = process.argv.slice(2);
const core = await import(pathToFileURL(resolve(bundle)).href);
const small = JSON.parse(readFileSync(smallFile, 'utf8'));
const large = JSON.parse(readFileSync(largeFile, 'utf8'));
const analyse = (har) => {
  const analyzer = core.createAnalyzer();
  analyzer.addObserved(core.readHar(har).entries);
  return analyzer.exchanges().length;
};
analyse(small);
let exchanges = 0;
if (mode === 'small' || mode === 'large') {
  const har = mode === 'small' ? small : large;
  exchanges = analyse(har);
  injectRegression(har, analyse); // --self-test only (bench/lib/inject.mjs)
} else if (mode !== 'none') {
  console.error('usage: pattern-count-child.mjs <core bundle> none|small|large <small.har> <large.har>');
  process.exit(2);
}
// Printed so that a step which silently did nothing is noticed (the runner checks it).
console.log(JSON.stringify({ mode, exchanges }));
