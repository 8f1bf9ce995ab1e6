// Byte-for-byte comparison of the CLI's report outputs between a git ref (default: main) and this tree, on every
// HAR under test/fixtures (the .har files and the `har` of each scenario fixture): `analyze --format markdown` and
// `report --format markdown|html|json|har` with their options. Both CLIs run in this process (their `main`), so
// the ~700 HARs x ~15 command lines take seconds, not minutes.
//
//   node scripts/compare-reports.mjs [--base <ref>] [--limit <n>]
//
// Prints each differing run (the command line and the first differing line) and exits 1 if there is one.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const base = opt('--base', 'main');
const limit = Number(opt('--limit', 'Infinity'));
// Under bench/data/.build/: ignored by git and by the linter (the bundles are build output).
const WORK = join(ROOT, 'bench', 'data', '.build', 'compare-reports');

/** Bundles `src/cli/main.ts` of `root` to `outfile` (the settings of scripts/build-cli.mjs). */
async function bundle(root, outfile) {
  await build({ entryPoints: [join(root, 'src/cli/main.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every HAR under test/fixtures, written to its own file (scenario fixtures carry theirs under `har`). */
function fixtureHars() {
  const out = join(WORK, 'hars');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const hars = [];
  for (const path of walk(join(ROOT, 'test/fixtures')).sort()) {
    if (!/\.(json|har)$/.test(path)) continue;
    let json;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      continue;
    }
    const har = json?.log ? json : json?.har?.log ? json.har : null;
    if (!har) continue;
    const file = join(out, `${relative(join(ROOT, 'test/fixtures'), path).replaceAll('/', '__')}.har`);
    // The .har files as they are (their own spacing); the embedded ones as JSON.stringify writes them.
    writeFileSync(file, har === json ? readFileSync(path) : JSON.stringify(har, null, 2));
    hars.push(file);
  }
  return hars.slice(0, limit);
}

const RUNS = [
  ['analyze', '--format', 'markdown'],
  ['analyze', '--format', 'markdown', '--only-blocked'],
  ['analyze', '--format', 'markdown', '--no-hints'],
  ['report', '--format', 'markdown'],
  ['report', '--format', 'markdown', '--toolchain', 'all'],
  ['report', '--format', 'markdown', '--scope', 'blocked', '--toolchain', 'cdk'],
  ['report', '--format', 'markdown', '--keep-secrets', '--keep-bodies'],
  ['report', '--format', 'html'],
  ['report', '--format', 'html', '--scope', 'cors', '--keep-bodies'],
  ['report', '--format', 'json'],
  ['report', '--format', 'json', '--scope', 'blocked'],
  ['report', '--format', 'har'],
  ['report', '--format', 'har', '--keep-bodies'],
  ['report', '--format', 'har', '--scope', 'cors'],
  ['report', '--format', 'har', '--scope', 'exchange:x1'],
  ['report', '--format', 'har', '--keep-secrets', '--keep-bodies'],
];

async function runAll(main, hars) {
  const results = [];
  for (const har of hars) {
    for (const run of RUNS) {
      let stdout = '';
      let stderr = '';
      const io = {
        stdin: new PassThrough(),
        stdout: Object.assign(new PassThrough(), { write: (t) => ((stdout += t), true) }),
        stderr: { write: (t) => ((stderr += t), true) },
      };
      let code;
      try {
        code = await main([...run, har], io);
      } catch (err) {
        code = `threw ${err?.message}`;
      }
      results.push({ key: `${run.join(' ')} ${relative(WORK, har)}`, out: `exit ${code}\n--- stderr\n${stderr}\n--- stdout\n${stdout}` });
    }
  }
  return results;
}

mkdirSync(WORK, { recursive: true });
const baseRoot = join(WORK, 'base');
rmSync(baseRoot, { recursive: true, force: true });
mkdirSync(baseRoot, { recursive: true });
execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${base}" src | tar -x -C "${baseRoot}"`]);
const baseMain = (await import(await bundle(baseRoot, join(WORK, 'base.mjs')))).main;
const headMain = (await import(await bundle(ROOT, join(WORK, 'head.mjs')))).main;
const hars = fixtureHars();
const [a, b] = [await runAll(baseMain, hars), await runAll(headMain, hars)];
let differ = 0;
for (let i = 0; i < a.length; i++) {
  if (a[i].out === b[i].out) continue;
  differ++;
  const la = a[i].out.split('\n');
  const lb = b[i].out.split('\n');
  let n = 0;
  while (n < la.length && la[n] === lb[n]) n++;
  if (differ <= 20) console.log(`DIFFERS: ${a[i].key}\n  line ${n + 1}\n  ${base}: ${JSON.stringify(la[n])?.slice(0, 300)}\n  here: ${JSON.stringify(lb[n])?.slice(0, 300)}`);
}
console.log(`${hars.length} HARs x ${RUNS.length} command lines: ${a.length - differ} identical, ${differ} differ (base ${base})`);
process.exit(differ > 0 ? 1 : 0);
