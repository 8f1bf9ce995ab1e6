// The one incremental reader of a HAR log: `log.creator` and raw entries in (all at once, in chunks from a
// stream, or one burst at a time from live capture), normalised entries, the problems of the ones that could not
// be read (each named by index and field), the file's flavour and totals out. Batch reading (read.ts), the
// analyser, the panel's store and export, and the CLI's stream reader all read through it, so flavour detection
// and numbering live here only.
import type { HarFlavour, InputProblem, ObservedEntry } from '../types';
import { readHarEntry } from './read-entry';
import { createHeaderPool } from './header-pool';

export interface HarLogSummary {
  /** Entries seen, readable or not. */
  readonly total: number;
  /** Entries that could not be read at all (skipped; their problems say why). */
  readonly skipped: number;
  /** `log.creator.name`, when the file has one. */
  readonly creator: string | null;
  readonly flavour: HarFlavour;
}

export interface HarLogReader {
  /** `log.creator` (HAR puts it before the entries: a creator that comes after them cannot flavour them). */
  creator(raw: unknown): void;
  /** Reads raw entries, numbered from `firstIndex` (default: on from the last one read). */
  read(rawEntries: readonly unknown[], firstIndex?: number): { entries: ObservedEntry[]; problems: InputProblem[] };
  summary(): HarLogSummary;
  /** Forget everything (a cleared panel, a new file). Numbering starts again at `firstIndex` (default 0). */
  reset(firstIndex?: number): void;
}

/** Firefox names itself in `log.creator`; its entries carry no marker of their own. */
export function flavourOfCreator(name: string): HarFlavour | null {
  return /firefox/i.test(name) ? 'firefox' : null;
}

export function createHarLogReader(): HarLogReader {
  let nextIndex = 0;
  let total = 0;
  let skipped = 0;
  let creatorName: string | null = null;
  let fileFlavour: HarFlavour | null = null;
  let sawChromium = false;
  let firstFlavour: HarFlavour | null = null;
  let pool = createHeaderPool();
  return {
    creator(raw) {
      if (typeof raw !== 'object' || raw === null) return;
      const name = (raw as { name?: unknown }).name;
      if (typeof name !== 'string') return;
      creatorName = name;
      fileFlavour = flavourOfCreator(name);
    },
    read(rawEntries, firstIndex = nextIndex) {
      nextIndex = firstIndex;
      const entries: ObservedEntry[] = [];
      const problems: InputProblem[] = [];
      for (const raw of rawEntries) {
        const read = readHarEntry(raw, nextIndex++, fileFlavour, pool);
        total++;
        for (const p of read.problems) problems.push(p);
        if (!read.entry) {
          skipped++;
          continue;
        }
        if (read.entry.flavour === 'chromium') sawChromium = true;
        firstFlavour ??= read.entry.flavour;
        entries.push(read.entry);
      }
      return { entries, problems };
    },
    summary() {
      // The file's own word first; else Chromium if any entry has its marks; else whatever the first entry was.
      const flavour = fileFlavour ?? (sawChromium ? 'chromium' : (firstFlavour ?? 'other'));
      return { total, skipped, creator: creatorName, flavour };
    },
    reset(firstIndex = 0) {
      nextIndex = firstIndex;
      total = 0;
      skipped = 0;
      creatorName = null;
      fileFlavour = null;
      sawChromium = false;
      firstFlavour = null;
      pool = createHeaderPool();
    },
  };
}
