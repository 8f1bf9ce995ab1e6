// Every fix snippet the engine produces for the scenario suite (and every generic hint) is valid in
// its language: YAML and JSON parse, Terraform parses as HCL, Python compiles, TypeScript/JavaScript
// have no syntax errors, shell passes `bash -n` (and the JSON it embeds parses).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { CORS_ERRORS } from '../../../src/core/cors/errors';
import { diagnose } from '../../../src/core/hints';
import type { Failure, HintFix } from '../../../src/core/types';
import { ALL_SCENARIOS } from './scenarios';
import { API, PAGE, diagnoseEntries, pf, unsent } from './support';

interface Sample { readonly where: string; readonly fix: HintFix }

function collect(): Sample[] {
  const seen = new Map<string, Sample>();
  const add = (where: string, fixes: readonly HintFix[]) => {
    for (const fix of fixes) if (!seen.has(fix.language + fix.snippet)) seen.set(fix.language + fix.snippet, { where: `${where} / ${fix.toolchain} / ${fix.title}`, fix });
  };
  for (const s of ALL_SCENARIOS) for (const h of diagnoseEntries(...s.entries()).hints) add(`${s.name} → ${h.id}`, h.fixes);
  const base = diagnoseEntries(pf(`${API}/items`, 'PATCH', 204, { 'Access-Control-Allow-Origin': PAGE }, { requestHeaders: 'content-type,x-trace' }), unsent(`${API}/items`, 'PATCH', { 'Content-Type': 'application/json', Cookie: 'a=1' }));
  for (const corsError of CORS_ERRORS) {
    const f: Failure = { corsError, failedParameter: 'x', stage: 'preflight', entry: 0, spec: { id: 't', url: 'https://fetch.spec.whatwg.org/' }, message: corsError, firefoxReason: null };
    add(`generic ${corsError}`, diagnose({ ...base.input, exchange: { ...base.exchange, verdict: 'blocked', corsError, allFailures: [f] } }).hints.flatMap((h) => h.fixes));
  }
  return [...seen.values()];
}

const SAMPLES = collect();
const byLanguage = (...langs: string[]) => SAMPLES.filter((s) => langs.includes(s.fix.language)).map((s) => [s.where, s.fix.snippet] as const);

describe('fix snippets are valid in their language', () => {
  test('every snippet has a known language, a title and non-empty text without template leftovers', () => {
    expect(SAMPLES.length).toBeGreaterThan(100);
    for (const { where, fix } of SAMPLES) {
      expect(['text', 'sh', 'yaml', 'json', 'hcl', 'ts', 'js', 'python', 'nginx'], where).toContain(fix.language);
      expect(fix.title.trim(), where).not.toBe('');
      expect(fix.snippet.trim(), where).not.toBe('');
      expect(fix.snippet, where).not.toMatch(/\[object Object\]|\bNaN\b/);
      if (!['js', 'ts'].includes(fix.language)) expect(fix.snippet, where).not.toMatch(/\bundefined\b/);
    }
  });

  test.each(byLanguage('yaml'))('YAML parses: %s', (_where, snippet) => {
    const doc = parseDocument(snippet);
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    expect(doc.toJS()).toBeTypeOf('object');
  });

  test.each(byLanguage('json'))('JSON parses: %s', (_where, snippet) => {
    expect(() => JSON.parse(snippet)).not.toThrow();
  });

  test.each(byLanguage('ts', 'js'))('TypeScript/JavaScript has no syntax errors: %s', (where, snippet) => {
    const lang = SAMPLES.find((s) => s.fix.snippet === snippet)!.fix.language;
    const out = ts.transpileModule(snippet, { fileName: `snippet.${lang}`, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), where).toEqual([]);
  });

  test.each(byLanguage('sh'))('shell is well-formed (bash -n) and its JSON parses: %s', (where, snippet) => {
    const r = spawnSync('bash', ['-n'], { input: snippet, encoding: 'utf8' });
    expect(r.stderr, where).toBe('');
    expect(r.status).toBe(0);
    for (const m of snippet.matchAll(/<<'JSON'\n([\s\S]*?)\nJSON/g)) expect(() => JSON.parse(m[1]), where).not.toThrow();
    for (const m of snippet.matchAll(/--(?:cors-configuration|cors|request-templates|response-headers-policy-config) '([^']*)'/g)) expect(() => JSON.parse(m[1]), `${where}: ${m[1]}`).not.toThrow();
  });

  test.each(byLanguage('hcl'))('Terraform parses as HCL: %s', async (where, snippet) => {
    await expect(parseHcl('main.tf', snippet), where).resolves.toBeTypeOf('object');
  });

  test.each(byLanguage('nginx'))('nginx config is balanced and every directive ends with ;: %s', (where, snippet) => {
    const code = snippet.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
    expect(code.filter((l) => !/[;{}]$/.test(l)), where).toEqual([]);
    expect((snippet.match(/{/g) ?? []).length).toBe((snippet.match(/}/g) ?? []).length);
  });

  describe('Python compiles', () => {
    const python = byLanguage('python');
    let dir = '';
    let results: Record<string, string> = {};
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'cors-lens-py-'));
      const files = python.map(([, snippet], i) => {
        const file = join(dir, `snippet_${i}.py`);
        writeFileSync(file, snippet);
        return file;
      });
      const script = 'import json, py_compile, sys\nout = {}\nfor f in sys.argv[1:]:\n    try:\n        py_compile.compile(f, doraise=True)\n        out[f] = ""\n    except py_compile.PyCompileError as e:\n        out[f] = str(e)\nprint(json.dumps(out))';
      const r = spawnSync('python3', ['-c', script, ...files], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      results = JSON.parse(r.stdout) as Record<string, string>;
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    test.each(python.map(([where], i) => [where, i] as const))('%s', (where, i) => {
      expect(results[join(dir, `snippet_${i}.py`)], where).toBe('');
    });
  });
});
