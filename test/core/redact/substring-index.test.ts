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

  test('stays linear with thousands of secrets', () => {
    const big = createSubstringIndex(8);
    for (let i = 0; i < 20000; i++) big.add(`tok-${i.toString(36).padStart(6, '0')}-x`, `[${i}]`);
    const text = 'lorem ipsum dolor sit amet '.repeat(40000) + 'tok-0000rs-x';
    const t = performance.now();
    expect(big.replace(text, () => {}).endsWith('[1000]')).toBe(true);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
