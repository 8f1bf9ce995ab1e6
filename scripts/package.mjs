// Store-ready packages from the built extension (run `npm run build` first; `npm run package` does):
//   dist/packages/cors-lens-chrome-<version>.zip    Chrome Web Store upload (dist/chrome)
//   dist/packages/cors-lens-firefox-<version>.zip   addons.mozilla.org upload (dist/firefox, `web-ext build`)
//   dist/packages/cors-lens-source-<version>.zip    source code for AMO review (the bundle is minified)
// The version is package.json's; the script refuses to package a build whose manifest says otherwise,
// a Firefox build that `web-ext lint` rejects, or a build that carries the TEST-ONLY report sink.
// `node scripts/package.mjs --lint-only` runs those checks and writes nothing (npm run lint:ext, CI).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/packages');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const version = pkg.version;

/** Marks of extension/panel/test-sink.ts; a shipped build must contain none (see vite.config.ts). */
export const TEST_SINK_MARKS = ['__report', 'startTestSink', 'CORS_LENS_TEST_SINK', 'test-sink', 'renderedRows'];

/** Every file under `dir` whose text contains one of TEST_SINK_MARKS: [{ file, mark }]. */
export function findTestSinkCode(dir) {
  const hits = [];
  const walk = (d) => {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (/\.(js|mjs|html|json|css)$/.test(name)) {
        const text = fs.readFileSync(p, 'utf8');
        for (const mark of TEST_SINK_MARKS) if (text.includes(mark)) hits.push({ file: path.relative(dir, p), mark });
      }
    }
  };
  walk(dir);
  return hits;
}

/** What goes into the AMO source zip: everything needed to rebuild dist/firefox byte for byte. */
const SOURCE_ROOTS = [
  'package.json',
  'package-lock.json',
  'manifest.json',
  'vite.config.ts',
  'tsconfig.json',
  'README.md',
  'ARCHITECTURE.md',
  'extension',
  'src/core',
  'src/ui',
  'public',
  'scripts/make-icons.mjs',
];

function checkBuild(target) {
  const dir = path.join(ROOT, 'dist', target);
  const manifestPath = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) throw new Error(`dist/${target} is missing: run \`npm run build\` first.`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  if (manifest.version !== version) throw new Error(`dist/${target}/manifest.json has version ${manifest.version}, package.json ${version}: rebuild.`);
  const sink = findTestSinkCode(dir);
  if (sink.length > 0) throw new Error(`dist/${target} contains TEST-ONLY sink code (${sink.map((h) => `${h.file}: ${h.mark}`).join(', ')}); rebuild without CORS_LENS_TEST_SINK.`);
  return dir;
}

async function zipDir(sourceDir, filename) {
  const result = await webExt.cmd.build(
    { sourceDir, artifactsDir: OUT, filename, overwriteDest: true },
    { shouldExitProgram: false, showReadyMessage: false },
  );
  return result.extensionPath;
}

async function lintFirefox(dir) {
  const result = await webExt.cmd.lint(
    { sourceDir: dir, output: 'none', selfHosted: false, warningsAsErrors: false, pretty: false, boring: true },
    { shouldExitProgram: false, runLinter: undefined },
  );
  return result;
}

function stageSources() {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'cors-lens-source-'));
  for (const rel of SOURCE_ROOTS) {
    const from = path.join(ROOT, rel);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, rel), { recursive: true });
  }
  fs.copyFileSync(path.join(ROOT, 'docs/store/amo-source-readme.md'), path.join(stage, 'SOURCE-README.md'));
  return stage;
}

const human = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main() {
  const chrome = checkBuild('chrome');
  const firefox = checkBuild('firefox');

  const lint = await lintFirefox(firefox);
  const { errors = [], warnings = [] } = lint ?? {};
  // Known and not ours to fix: preact's own `dangerouslySetInnerHTML` support (we never use it).
  const unexpected = warnings.filter((w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && /innerHTML/.test(w.message)));
  if (errors.length > 0 || unexpected.length > 0) {
    for (const m of [...errors, ...unexpected]) console.error(`web-ext lint: ${m.code} ${m.file ?? ''} ${m.message}`);
    throw new Error('web-ext lint found problems in dist/firefox');
  }
  const lintLine = `web-ext lint (dist/firefox): ${errors.length} errors, ${warnings.length} warnings (${warnings.map((w) => `${w.code} ${w.file ?? ''}`).join(', ') || 'none'}; the innerHTML one is Preact's, see docs/store/amo-source-readme.md)`;
  if (process.argv.includes('--lint-only')) return console.log(lintLine);

  fs.mkdirSync(OUT, { recursive: true });
  const files = [
    await zipDir(chrome, `cors-lens-chrome-${version}.zip`),
    await zipDir(firefox, `cors-lens-firefox-${version}.zip`),
  ];
  const stage = stageSources();
  try {
    // Plain zip (web-ext build would drop dotfiles and expects an extension layout).
    const sourceZip = path.join(OUT, `cors-lens-source-${version}.zip`);
    fs.rmSync(sourceZip, { force: true });
    execFileSync('zip', ['-q', '-r', '-X', sourceZip, '.'], { cwd: stage });
    files.push(sourceZip);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
  for (const f of files) console.log(`${path.relative(ROOT, f)}  ${human(fs.statSync(f).size)}`);
  console.log(lintLine);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
