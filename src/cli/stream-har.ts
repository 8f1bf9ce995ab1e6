// Reads a HAR of any size as a byte stream, one entry at a time, with @streamparser/json: no whole-file
// string and no whole-file object ever exists. Only `log.creator` and each `log.entries[i]` are built as
// objects (the parser's `paths`), and each entry is dropped once readHarEntry has normalised it.
// A small token watcher checks the envelope (`{"log":{"entries":[...]}}`) so that a file which is JSON but
// not a HAR gets the same one-line messages as the whole-file reader, and a cut file keeps what came before.
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { readHarEntry, type HarFlavour, type InputProblem, type ObservedEntry } from '../core';

/** Response bodies are only read for fingerprints (API Gateway's `{"message":...}`); keep their start only. */
export const STREAM_BODY_KEEP = 8 * 1024;

export interface StreamHarSummary {
  /** Entries seen in `log.entries`, readable or not. */
  readonly total: number;
  readonly creator: string | null;
  readonly flavour: HarFlavour;
  /** A problem with the file as a whole (not JSON, not a HAR, cut short); entries before it were still read. */
  readonly fatal: InputProblem | null;
  /** The file ended in the middle (rather than holding invalid JSON). */
  readonly truncated: boolean;
  readonly bytes: number;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Push bytes in with `write`, take normalised entries (and per-entry problems) out with `take`, call `end`
 * once the input is over. Never throws on bad input: the first fatal problem stops reading and is reported
 * by `end()`.
 */
export class HarStreamReader {
  private readonly tokenizer = new Tokenizer({ stringBufferSize: 0 });
  private readonly parser = new TokenParser({ paths: ['$.log.creator', '$.log.entries.*'], keepStack: false });
  private entries: ObservedEntry[] = [];
  private problems: InputProblem[] = [];
  private fatal: InputProblem | null = null;
  private truncated = false;
  private total = 0;
  private bytes = 0;
  private creator: string | null = null;
  private fileFlavour: HarFlavour | null = null;
  private sawChromium = false;
  private firstFlavour: HarFlavour | null = null;
  private readonly envelope = createEnvelopeWatcher();

  constructor() {
    this.tokenizer.onToken = (t) => {
      if (this.parser.isEnded) throw new Error('there is more data after the end of the HAR object');
      const bad = this.envelope(t.token, t.value);
      if (bad) throw new EnvelopeError(bad);
      this.parser.write(t);
    };
    this.parser.onValue = ({ value, key }) => this.onValue(value, key);
    // The parser ends itself after the top-level value; trailing whitespace is then fine.
    this.parser.onEnd = () => undefined;
    this.tokenizer.onEnd = () => undefined;
  }

  /** A fatal problem stopped reading; further bytes are ignored. */
  get failed(): boolean {
    return this.fatal !== null;
  }

  /** Entries read so far and not yet taken. */
  get pending(): number {
    return this.entries.length;
  }

  write(chunk: Uint8Array | string): void {
    if (this.fatal) return;
    this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    try {
      this.tokenizer.write(chunk);
    } catch (err) {
      this.fail(err);
    }
  }

  take(): { entries: ObservedEntry[]; problems: InputProblem[] } {
    const out = { entries: this.entries, problems: this.problems };
    this.entries = [];
    this.problems = [];
    return out;
  }

  end(): StreamHarSummary {
    if (!this.fatal && !this.parser.isEnded) {
      this.truncated = true;
      this.fatal = fileProblem(this.bytes === 0 ? 'the file is empty' : `the file ends early (truncated?) after ${this.bytes} bytes, ${this.total} complete entr${this.total === 1 ? 'y' : 'ies'} before the cut`);
    }
    if (!this.fatal && !this.envelope.sawEntries())
      this.fatal = fileProblem(this.envelope.sawLog() ? 'not a HAR file: "log.entries" is missing or not an array' : 'not a HAR file: there is no "log" object at the top level');
    const flavour = this.fileFlavour ?? (this.sawChromium ? 'chromium' : (this.firstFlavour ?? 'other'));
    return { total: this.total, creator: this.creator, flavour, fatal: this.fatal, truncated: this.truncated, bytes: this.bytes };
  }

  private onValue(value: unknown, key: string | number | undefined): void {
    if (typeof key !== 'number') {
      // $.log.creator (HAR puts it before the entries; a creator that comes after them cannot flavour them).
      if (isObject(value) && typeof value.name === 'string') {
        this.creator = value.name;
        if (/firefox/i.test(value.name)) this.fileFlavour = 'firefox';
      }
      return;
    }
    this.total = key + 1;
    trimBody(value);
    const { entry, problems } = readHarEntry(value, key, this.fileFlavour);
    for (const p of problems) this.problems.push(p);
    if (!entry) return;
    if (entry.flavour === 'chromium') this.sawChromium = true;
    this.firstFlavour ??= entry.flavour;
    this.entries.push(entry);
  }

  private fail(err: unknown): void {
    const detail = err instanceof Error ? err.message : String(err);
    if (err instanceof EnvelopeError) this.fatal = fileProblem(detail);
    else this.fatal = fileProblem(`the file is not JSON${this.total > 0 ? ` after entry ${this.total - 1}` : ''}: ${detail.replace(/ at chunk position "\d+"/, '')}`);
  }
}

class EnvelopeError extends Error {}

function fileProblem(message: string): InputProblem {
  return { severity: 'error', entry: null, field: null, message };
}

/** Cuts `response.content.text` to its first STREAM_BODY_KEEP characters, as a fresh string (a slice would pin the original). */
function trimBody(raw: unknown): void {
  const content = isObject(raw) && isObject(raw.response) && isObject(raw.response.content) ? raw.response.content : null;
  if (!content || typeof content.text !== 'string' || content.text.length <= STREAM_BODY_KEEP) return;
  content.text = content.encoding === 'base64' ? '' : Buffer.from(content.text.slice(0, STREAM_BODY_KEEP)).toString();
}

/**
 * Watches the tokens of the top two levels: the root must be an object, `log` an object, `log.entries` an
 * array. Returns an error message for the first token that breaks that, else null. Deeper tokens cost one
 * comparison.
 */
function createEnvelopeWatcher() {
  let depth = 0;
  let lastString: unknown = null;
  let key1: unknown = null; // the key being read at depth 1 (root object)
  let key2: unknown = null; // ... at depth 2 (inside log)
  let afterColon = false;
  let inLog = false;
  let log = false;
  let entries = false;
  const watch = (token: TokenType, value: unknown): string | null => {
    if (depth > 2 && token !== TokenType.LEFT_BRACE && token !== TokenType.LEFT_BRACKET && token !== TokenType.RIGHT_BRACE && token !== TokenType.RIGHT_BRACKET) return null;
    const opens = token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET;
    if (depth === 0 && token !== TokenType.LEFT_BRACE) return 'not a HAR file: there is no "log" object at the top level';
    if (afterColon && (depth === 1 || depth === 2)) {
      afterColon = false;
      if (depth === 1 && key1 === 'log') {
        if (token !== TokenType.LEFT_BRACE) return 'not a HAR file: there is no "log" object at the top level';
        log = true;
        inLog = true;
      } else if (depth === 2 && inLog && key2 === 'entries') {
        if (token !== TokenType.LEFT_BRACKET) return 'not a HAR file: "log.entries" is missing or not an array';
        entries = true;
      }
    } else if (token === TokenType.COLON && depth <= 2) {
      afterColon = true;
      if (depth === 1) key1 = lastString;
      else key2 = lastString;
    }
    if (token === TokenType.STRING) lastString = value;
    if (opens) depth++;
    else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) {
      depth--;
      if (depth === 1) inLog = false;
    }
    return null;
  };
  return Object.assign(watch, { sawLog: () => log, sawEntries: () => entries });
}
