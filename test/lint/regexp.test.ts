// The regexp lint (last block of eslint.config.js) must refuse a catastrophically backtracking or quadratic
// pattern in the code that reads hostile input, and accept its linear replacement.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });
const rulesFor = async (file: string, code: string) =>
  (await eslint.lintText(code, { filePath: path.join(ROOT, file) })).flatMap((r) => r.messages.map((m) => m.ruleId));

describe('regular expressions in redaction and classification are linear (eslint-plugin-regexp)', () => {
  test.each(['src/core/redact/planted.ts', 'src/core/pairing/planted.ts', 'src/core/cors/planted.ts', 'src/core/fetch/planted.ts', 'src/core/har/planted.ts'])('%s: nested quantifiers fail', async (file) => {
    expect(await rulesFor(file, "export const bad = (s: string) => /^(a+)+$/.test(s);\n")).toContain('regexp/no-super-linear-backtracking');
  });
  test('a two-sided trim (/^\\s+|\\s+$/, quadratic on inner whitespace) fails', async () => {
    expect(await rulesFor('src/core/redact/planted.ts', "export const trim = (s: string) => s.replace(/^[\\t ]+|[\\t ]+$/g, '');\n")).toContain('regexp/no-super-linear-move');
  });
  test('an anchored, linear pattern passes', async () => {
    expect(await rulesFor('src/core/redact/planted.ts', "export const token = (s: string) => /^[A-Za-z0-9]+$/.test(s);\n")).toEqual([]);
  });
});
