// The report's spills (src/cli/spill.ts): what goes in comes back, in memory and once moved to a file.
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createKeyedSpill, createSpillFolder } from '../../src/cli/spill';

describe('a keyed spill', () => {
  const texts = new Map<number, string>([
    [7, '{"a":1}'],
    [0, 'ascii'],
    [12345, 'non-ASCII: ✖ — é 𝄞'],
    [3, ''],
    [42, 'x'.repeat(5000)],
  ]);

  for (const [label, inMemory] of [['held in memory', 1 << 20], ['moved to a file after the first text', 8]] as const) {
    test(`${label}: every text comes back under its key, in any order and more than once`, () => {
      const folder = createSpillFolder();
      const spill = createKeyedSpill(folder, 'notes', inMemory);
      for (const [k, t] of texts) spill.set(k, t);
      for (const k of [...texts.keys()].reverse().concat([...texts.keys()])) {
        expect(spill.has(k)).toBe(true);
        expect(spill.get(k)).toBe(texts.get(k));
      }
      expect(spill.has(8)).toBe(false);
      expect(spill.get(8)).toBeUndefined();
      spill.close();
      folder.dispose();
    });
  }

  test('its file lives in the private folder, which dispose() deletes', () => {
    const folder = createSpillFolder();
    const path = folder.file('probe');
    const spill = createKeyedSpill(folder, 'notes', 0);
    spill.set(1, 'secret-looking text');
    expect(readdirSync(dirname(path))).toContain('notes');
    spill.close();
    folder.dispose();
    expect(existsSync(dirname(path))).toBe(false);
  });
});
