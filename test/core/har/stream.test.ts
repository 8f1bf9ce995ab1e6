// The stream reader's fast path (issue 15): a byte scanner cuts each element of log.entries out for the native
// JSON.parse while the tokenizer checks the envelope. Whatever the chunking, it reads what JSON.parse reads.
import { describe, expect, test } from 'vitest';
import { createHarStreamReader } from '../../../src/core/har/stream';

/** Entries whose strings hold everything the scanner must not take for structure. */
const tricky = [
  { request: { method: 'GET', url: 'https://a.example/{x}[y]', headers: [{ name: 'X', value: 'a } ] { [ " \\ ' }] }, response: { status: 200, headers: [], content: { text: '{"message":"}"}' } }, comment: 'é 日本 😀 \u0000 \u2028' },
  { request: { method: 'PUT', url: 'https://a.example/"quoted"', headers: [] }, response: { status: 204, headers: [] }, nested: [[[{}]], { a: [] }], escaped: '\\"}\\' },
];
const text = JSON.stringify({ log: { version: '1.2', creator: { name: 'x {', version: '1]' }, pages: [{ id: 'p{1' }], entries: [...tricky, 7, 'a string {', null, [1, [2]], ...tricky] } }, null, 1);
const bytes = new TextEncoder().encode(text);

function readAll(chunk: number) {
  const reader = createHarStreamReader();
  const entries: unknown[] = [];
  let creator: unknown;
  let pages: unknown;
  for (let i = 0; i < bytes.length; i += chunk) {
    reader.write(bytes.subarray(i, i + chunk));
    const got = reader.take();
    entries.push(...got.entries);
    if (got.creator !== undefined) creator = got.creator;
    if (got.pages !== undefined) pages = got.pages;
  }
  return { entries, creator, pages, end: reader.end() };
}

describe('the stream reader reads what JSON.parse reads', () => {
  test.each([1, 2, 3, 7, 64, 4096, bytes.length])('in chunks of %i bytes (multi-byte characters split anywhere)', (chunk) => {
    const whole = JSON.parse(text);
    const read = readAll(chunk);
    expect(read.entries).toEqual(whole.log.entries);
    expect(read.creator).toEqual(whole.log.creator);
    expect(read.pages).toEqual(whole.log.pages);
    expect(read.end).toEqual({ total: whole.log.entries.length, fatal: null, truncated: false, bytes: bytes.length });
  });

  test('pretty-printed: a `}` at an entry\'s own indentation inside it is not taken for its end', () => {
    // The fast path looks for the line that closes an entry at its indentation; these entries close an inner
    // object there first (more of them than the reader tries before giving up on the layout), then normal ones.
    const misleading = (i: number) => `  {\n    "inner": {\n      "i": ${i}\n  },\n    "after": "\\n  }"\n  }`;
    const normal = (i: number) => `  {\n    "n": ${i},\n    "o": {\n      "p": [\n        "}"\n      ]\n    }\n  }`;
    const items = [...Array.from({ length: 12 }, (_, i) => misleading(i)), ...Array.from({ length: 5 }, (_, i) => normal(i)), misleading(99)];
    const pretty = `{\n "log": {\n "entries": [\n${items.join(',\n')}\n]\n}\n}\n`;
    for (const chunk of [pretty.length, 40]) {
      const reader = createHarStreamReader();
      const entries: unknown[] = [];
      for (let i = 0; i < pretty.length; i += chunk) {
        reader.write(pretty.slice(i, i + chunk));
        entries.push(...reader.take().entries);
      }
      expect(entries).toEqual(JSON.parse(pretty).log.entries);
      expect(reader.end()).toMatchObject({ total: items.length, fatal: null });
    }
  });

  test('an entry JSON.parse refuses is located, with the tokenizer\'s message; the entries before it are kept', () => {
    const bad = text.replace('"PUT"', '"P\u0001UT"');
    const reader = createHarStreamReader();
    reader.write(bad);
    const { entries } = reader.take();
    expect(entries).toHaveLength(1);
    expect(reader.end().fatal).toMatch(/^the file is not JSON after entry 0: Unexpected /);
  });

  test('a cut inside an entry: the entries before the cut, and the cut named', () => {
    const at = text.indexOf('"PUT"');
    const reader = createHarStreamReader();
    reader.write(text.slice(0, at));
    expect(reader.take().entries).toHaveLength(1);
    expect(reader.end()).toMatchObject({ total: 1, truncated: true, fatal: expect.stringMatching(/ends early \(truncated\?\) after \d+ bytes, 1 complete entry before the cut/) });
  });

  test('braces in the envelope around the entries are still checked by the tokenizer', () => {
    const reader = createHarStreamReader();
    reader.write(`${text}}`);
    expect(reader.end().fatal).toMatch(/more data after the end|not JSON/);
  });
});
