// Reading a whole HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), text or parsed, through the one log
// reader (./log-reader.ts). Bad input never throws: every problem names the entry index and the field, and other
// entries still load.
import type { HarFlavour, InputProblem, ObservedEntry } from '../types';
import { isObject } from './json';
import { createHarLogReader } from './log-reader';

export { readHarEntry, MAX_BODY_KEPT } from './read-entry';

export interface ReadHarResult {
  readonly entries: ObservedEntry[];
  readonly problems: InputProblem[];
  readonly flavour: HarFlavour;
  readonly creator: string | null;
  /** Number of entries in the file, readable or not. */
  readonly total: number;
}

/** Reads a whole HAR (text or parsed). */
export function readHar(input: string | unknown): ReadHarResult {
  const problems: InputProblem[] = [];
  let root: unknown = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input);
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      const truncated = /Unexpected end|unterminated|end of JSON/i.test(detail);
      problems.push(fileProblem(truncated ? `the file is not complete JSON (truncated?): ${detail}` : `the file is not JSON: ${detail}`));
      return { entries: [], problems, flavour: 'other', creator: null, total: 0 };
    }
  }
  const log = isObject(root) ? root.log : undefined;
  if (!isObject(log)) {
    problems.push(fileProblem('not a HAR file: there is no "log" object at the top level'));
    return { entries: [], problems, flavour: 'other', creator: null, total: 0 };
  }
  if (!Array.isArray(log.entries)) {
    problems.push(fileProblem('not a HAR file: "log.entries" is missing or not an array'));
    return { entries: [], problems, flavour: 'other', creator: null, total: 0 };
  }
  const reader = createHarLogReader();
  reader.creator(log.creator);
  const read = reader.read(log.entries);
  for (const p of read.problems) problems.push(p);
  const { flavour, creator, total } = reader.summary();
  return { entries: read.entries, problems, flavour, creator, total };
}

function fileProblem(message: string): InputProblem {
  return { severity: 'error', entry: null, field: null, message };
}

