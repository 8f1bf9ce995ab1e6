// The layering is enforced by lint, so it must fail on each way of breaking it. Each case plants files in the
// real tree (cycles need files on disk), lints them with the project's own eslint.config.js, and removes them.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const planted: string[] = [];
const eslint = new ESLint({ cwd: ROOT });

function plant(relative: string, text: string): string {
  const file = path.join(ROOT, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  planted.push(file);
  return file;
}

async function ruleIdsFor(files: string[]): Promise<string[]> {
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

afterAll(() => {
  for (const file of planted) fs.rmSync(file, { force: true });
  for (const dir of new Set(planted.map((f) => path.dirname(f)))) if (dir.includes('__lint_plant')) fs.rmSync(dir, { recursive: true, force: true });
});

describe('lint enforces the layers (eslint.config.js)', () => {
  const dir = `src/core/__lint_plant_${process.pid}`;

  test('src/core importing UI code fails', async () => {
    const file = plant(`${dir}/imports-ui.ts`, "import { createPanelStore } from '../../ui/store';\nexport const x = createPanelStore;\n");
    expect(await ruleIdsFor([file])).toEqual([expect.stringMatching(/^no-restricted-imports: .*Layering/)]);
  });

  test('src/core importing CLI code fails', async () => {
    const file = plant(`${dir}/imports-cli.ts`, "import { EXIT } from '../../cli/command';\nexport const x = EXIT;\n");
    expect(await ruleIdsFor([file])).toEqual([expect.stringMatching(/^no-restricted-imports: .*Layering/)]);
  });

  test.each(['process', 'localStorage', 'setTimeout', 'document'])('src/core using the platform global %s fails', async (name) => {
    const file = plant(`${dir}/uses-${name}.ts`, `export const x = () => typeof ${name};\n`);
    expect(await ruleIdsFor([file])).toEqual([expect.stringMatching(new RegExp(`^no-restricted-globals: Unexpected use of '${name}'`))]);
  });

  test('an import cycle fails', async () => {
    const a = plant(`${dir}/cycle-a.ts`, "import { b } from './cycle-b';\nexport const a = (): unknown => b;\n");
    const b = plant(`${dir}/cycle-b.ts`, "import { a } from './cycle-a';\nexport const b = (): unknown => a;\n");
    expect(await ruleIdsFor([a, b])).toEqual(['import-x/no-cycle: Dependency cycle detected', 'import-x/no-cycle: Dependency cycle detected']);
  });

  test('UI code importing a core file by path (not an entry point) fails', async () => {
    const file = plant(`src/ui/__lint_plant_${process.pid}/deep.ts`, "import { getHeader } from '../../core/fetch/headers';\nexport const x = getHeader;\n");
    expect(await ruleIdsFor([file])).toEqual([expect.stringMatching(/^no-restricted-imports: .*entry point/)]);
  });

  test('the same files without the violation pass (the rules are not simply failing everything)', async () => {
    const file = plant(`${dir}/clean.ts`, "import { getHeader } from '../fetch/headers';\nexport const x = getHeader;\n");
    expect(await ruleIdsFor([file])).toEqual([]);
  });
});
