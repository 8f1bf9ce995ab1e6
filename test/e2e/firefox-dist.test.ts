// The shipped builds (dist/chrome, dist/firefox), checked as files: the Firefox manifest is what AMO
// wants, the TEST-ONLY report sink (extension/panel/test-sink.ts) is not in either build, and the
// claims of docs/store/privacy.md hold for the code that ships (no host permissions, no network calls,
// no telemetry). Builds both if missing.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureDist } from '../support/dist';

const ROOT = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
/** Marks of the test sink; mirrors TEST_SINK_MARKS in scripts/package.mjs. */
const SINK_MARKS = ['__report', 'startTestSink', 'CORS_LENS_TEST_SINK', 'test-sink', 'renderedRows'];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}
const text = (dir: string, ext = /\.(js|html|json|css)$/) =>
  files(dir)
    .filter((f) => ext.test(f))
    .map((f) => ({ file: path.relative(dir, f), body: fs.readFileSync(f, 'utf8') }));
const manifest = (target: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', target, 'manifest.json'), 'utf8')) as Record<string, unknown>;

beforeAll(() => {
  for (const target of ['chrome', 'firefox'] as const) ensureDist(target);
});

describe('dist/firefox', () => {
  test('is an MV3 add-on with a gecko id, a true minimum version and no background', () => {
    const m = manifest('firefox') as { manifest_version: number; version: string; background?: unknown; browser_specific_settings: { gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown } } };
    expect(m.manifest_version).toBe(3);
    expect(m.version).toBe(pkg.version);
    expect(m.background).toBeUndefined();
    expect(m.browser_specific_settings.gecko).toEqual({ id: 'cors-lens@cors-lens.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } });
    expect(m).not.toHaveProperty('minimum_chrome_version');
  });
});

describe.each(['chrome', 'firefox'])('dist/%s', (target) => {
  const dir = path.join(ROOT, 'dist', target);

  test('contains no TEST-ONLY report sink code', () => {
    const hits = text(dir).flatMap(({ file, body }) => SINK_MARKS.filter((m) => body.includes(m)).map((m) => `${file}: ${m}`));
    expect(hits).toEqual([]);
  });

  test('asks for storage only: no host permissions, no webRequest, no debugger', () => {
    const m = manifest(target);
    expect(m.version).toBe(pkg.version);
    expect(m.permissions).toEqual(['storage']);
    for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions', 'content_scripts', 'externally_connectable', 'background']) {
      expect(m, key).not.toHaveProperty(key);
    }
  });

  test('has every icon it names, at its size (16/32/48/128 Chrome, 48/96 Firefox)', () => {
    const icons = manifest(target).icons as Record<string, string>;
    expect(Object.keys(icons).map(Number)).toEqual([16, 32, 48, 96, 128]);
    for (const [size, file] of Object.entries(icons)) {
      const png = fs.readFileSync(path.join(dir, file));
      // PNG IHDR: width and height are the big-endian words at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(size), Number(size)]);
    }
  });

  test('makes no network calls: no XHR, beacon, socket or event source; every fetch( is inside a hint snippet', () => {
    for (const { file, body } of text(dir, /\.js$/)) {
      // (The words alone appear in strings, e.g. the HAR redactor's "WebSocket messages".)
      const apis = [...body.matchAll(/.{0,30}(new (XMLHttpRequest|WebSocket|EventSource)\b|sendBeacon\(|importScripts\(|\.open\(\s*["'`]https?:).{0,30}/g)].map((m) => m[0]);
      expect(apis, file).toEqual([]);
      // The hint catalogue shows page code such as "const res = await fetch(url, ...)", "fetch() of
      // JSON" and "// not fetch(authorizeUrl)"; a real call would read `fetch(x` after `=`, `(`, `return`, ...
      // The panel's "Re-run from the page" (src/ui/rerun.ts) hands the inspected page a script that calls
      // `window.fetch(` through devtools.inspectedWindow.eval: that request is the page's, not the extension's.
      const calls = [...body.matchAll(/(.{0,7})\bfetch\((.)/g)].filter(([, before, after]) => !/(await |not |window\.)$/.test(before!) && after !== ')');
      expect(calls.map((m) => m[0]), file).toEqual([]);
    }
  });
});
