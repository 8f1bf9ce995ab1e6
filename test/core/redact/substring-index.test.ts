import { describe, expect, test } from 'vitest';
import { createSubstringIndex } from '../../../src/core/redact/substring-index';

describe('createSubstringIndex', () => {
  const index = createSubstringIndex(8);
  index.add('abcdefgh123', '[1]');
  index.add('abcdefgh', '[2]');
  index.add('zz-secret-zz', '[3]');
  index.add('short', '[4]');

  test.each([
    ['no secret here', 'no secret here'],
    ['abcdefgh123', '[1]'],
    ['xabcdefgh123y abcdefgh!', 'x[1]y [2]!'],
    ['zz-secret-zzzz-secret-zz', '[3][3]'],
    ['short and abcdefg', 'short and abcdefg'],
    ['abcdefg', 'abcdefg'],
  ])('replaces in %j', (input, output) => expect(index.replace(input, () => {})).toBe(output));

  test('prefers the longest secret starting at a position, and reports each hit', () => {
    const hits: string[] = [];
    expect(index.replace('abcdefgh1234', (r) => hits.push(r))).toBe('[1]4');
    expect(hits).toEqual(['[1]']);
  });

  test('ignores secrets shorter than its minimum', () => expect(index.has('short')).toBe(false));

  // Its speed (linear in the text, whatever the number of secrets) is measured by the bench
  // (`npm run bench`, `npm run bench:check`), not by a wall-clock bound here.
  test('finds the one secret among 20,000 at the end of a 1 MB text', () => {
    const big = createSubstringIndex(8);
    for (let i = 0; i < 20000; i++) big.add(`tok-${i.toString(36).padStart(6, '0')}-x`, `[${i}]`);
    const text = 'lorem ipsum dolor sit amet '.repeat(40000) + 'tok-0000rs-x';
    const hits: string[] = [];
    const out = big.replace(text, (r) => hits.push(r));
    expect(out.endsWith('lorem ipsum dolor sit amet [1000]')).toBe(true);
    expect(hits).toEqual(['[1000]']);
  });
});
