// Reads a HAR of any size in chunks with @streamparser/json: no whole-file string and no whole-file object
// ever exists. Only `log.creator`, `log.pages` and each `log.entries[i]` are built as objects (the parser's
// `paths`); each entry is handed on raw. A small watcher on the top two levels of tokens checks the envelope
// (`{"log":{"entries":[...]}}`), so a file that is JSON but not a HAR gets a clear message, and a cut file
// keeps the entries before the cut. Shared by the panel's importer (src/ui/import) and the CLI's streaming
// reader (src/cli/stream-har.ts). @streamparser/json is plain JavaScript with no dependencies and no
// platform API, so the core stays pure.
//
// The fast path (issue 15): the tokenizer, in JavaScript, costs several times JSON.parse per byte, and entries are
// nearly all of the bytes. So a byte scanner finds each entry of `log.entries` (its braces, outside strings), hands
// its bytes to the native JSON.parse, and the tokenizer sees a placeholder `0` in its place: the envelope is still
// checked token by token, the entries cost what the floor (read + JSON.parse) costs. An entry JSON.parse refuses
// goes to the tokenizer after all, so the error message is the tokenizer's, as before.
import { Tokenizer, TokenParser, TokenType } from '@streamparser/json';
import { MAX_BODY_KEPT } from './read';
import { isObject, type Json } from './json';
import { utf8Length } from '../fetch/safelist';


export interface HarStreamChunk {
  /** `log.creator` / `log.pages`, when they completed in this chunk. */
  readonly creator?: unknown;
  /**
   * With `envelope: true`, the whole document once it completed: every key of the root and of `log` in file order,
   * `log.entries` holding a placeholder `0` per entry (the entries themselves come one by one in `entries`).
   */
  readonly root?: unknown;
  /**
   * With `envelope: true`, each field of `log` as it completed, in file order (`entries` too, holding placeholders:
   * the fields before it in this list come before the entries of this chunk, those after it after them).
   */
  readonly fields?: ReadonlyArray<readonly [string, unknown]>;
  readonly pages?: readonly unknown[];
  readonly entries: unknown[];
}

export interface HarStreamEnd {
  /** Entries seen in `log.entries`, readable or not. */
  readonly total: number;
  /** What stopped the reading (not JSON, not a HAR, truncated, empty); null when the file was read to its end. */
  readonly fatal: string | null;
  /** The file ended in the middle (rather than holding invalid JSON). */
  readonly truncated: boolean;
  readonly bytes: number;
}

export interface HarStreamReader {
  /**
   * Feeds bytes (UTF-8, split anywhere) or text already decoded, with `bytes` its size in the file when the caller
   * knows it (Node decodes faster than TextDecoder's streaming mode). Never throws: a fatal problem stops reading
   * and `failed` turns true.
   */
  write(chunk: Uint8Array | string, bytes?: number): void;
  /** What was read since the last take. */
  take(): HarStreamChunk;
  readonly failed: boolean;
  /** The input is over. */
  end(): HarStreamEnd;
}

export interface HarStreamOptions {
  /**
   * What to do with a body longer than `limit` characters: `drop` it (the entry's `comment` says so; the
   * panel keeps entries to export them) or `truncate` it to its first `limit` characters (the CLI only
   * fingerprints bodies). Default: drop above MAX_BODY_KEPT.
   */
  readonly bodies?: { readonly limit: number; readonly mode: 'drop' | 'truncate' };
  /** Also hand on the document around the entries (`root`): `cors-lens report` writes `log`'s other fields back. */
  readonly envelope?: boolean;
}

export function createHarStreamReader(options: HarStreamOptions = {}): HarStreamReader {
  const bodies = options.bodies ?? { limit: MAX_BODY_KEPT, mode: 'drop' as const };
  const tokenizer = new Tokenizer({ stringBufferSize: 0 });
  const paths = ['$.log.creator', '$.log.pages', '$.log.entries.*', ...(options.envelope ? ['$.log.*', '$'] : [])];
  const parser = new TokenParser({ paths, keepStack: false });
  const envelope = createEnvelopeWatcher();
  let fatal: string | null = null;
  let truncated = false;
  let bytes = 0;
  let total = 0;
  let out: { creator?: unknown; pages?: unknown[]; root?: unknown; fields?: Array<[string, unknown]>; entries: unknown[] } = { entries: [] };
  // Entries parsed natively whose placeholder is in the tokenizer (at most one: the next `,` or `]` emits it).
  const parsed: unknown[] = [];
  const scan = createEntryScanner({
    atEntry: () => envelope.atEntry(),
    toTokenizer: (b) => tokenizer.write(b),
    entry(parts) {
      const text = parts.length === 1 ? parts[0] : parts.join('');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        tokenizer.write(text); // throws the tokenizer's own message (or, if it accepts it, the parser builds the entry)
        return;
      }
      parsed.push(value);
      tokenizer.write('0');
    },
    parsed(value) {
      parsed.push(value);
      tokenizer.write('0');
    },
  });
  // One decoder for the whole input, `stream: true`: a character split between two chunks is decoded whole.
  const decoder = new TextDecoder();

  tokenizer.onToken = (t) => {
    if (parser.isEnded) throw new EnvelopeError('there is more data after the end of the HAR object');
    const bad = envelope(t.token, t.value);
    if (bad) throw new EnvelopeError(bad);
    parser.write(t);
  };
  parser.onValue = ({ value, key, stack }) => {
    if (typeof key === 'number') {
      total = key + 1;
      out.entries.push(trimBodies(parsed.length > 0 ? parsed.shift() : value, bodies.limit, bodies.mode));
    } else if (stack.length === 0) out.root = value;
    else if (stack.length === 2 && typeof key === 'string') {
      if (key === 'creator') out.creator = value;
      else if (key === 'pages' && Array.isArray(value)) out.pages = value;
      if (options.envelope) (out.fields ??= []).push([key, value]);
    }
  };
  parser.onEnd = () => undefined;
  tokenizer.onEnd = () => undefined;

  const fail = (err: unknown) => {
    const detail = err instanceof Error ? err.message : String(err);
    if (err instanceof EnvelopeError) fatal = detail;
    else fatal = `the file is not JSON${total > 0 ? ` after entry ${total - 1}` : ''}: ${detail.replace(/ at chunk position "\d+"/, '')}`;
  };

  return {
    write(chunk, size) {
      if (fatal) return;
      bytes += size ?? (typeof chunk === 'string' ? utf8Length(chunk) : chunk.byteLength);
      try {
        scan(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      } catch (err) {
        fail(err);
      }
    },
    take() {
      const taken = out;
      out = { entries: [] };
      return taken;
    },
    get failed() {
      return fatal !== null;
    },
    end() {
      if (!fatal && !parser.isEnded) {
        truncated = bytes > 0;
        fatal =
          bytes === 0
            ? 'the file is empty'
            : `the file ends early (truncated?) after ${bytes} bytes, ${total} complete entr${total === 1 ? 'y' : 'ies'} before the cut`;
      }
      if (!fatal && !envelope.sawEntries())
        fatal = envelope.sawLog() ? 'not a HAR file: "log.entries" is missing or not an array' : 'not a HAR file: there is no "log" object at the top level';
      return { total, fatal, truncated, bytes };
    },
  };
}

class EnvelopeError extends Error {}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = (c: number) => c === 0x7b || c === 0x5b;
const CLOSE = (c: number) => c === 0x7d || c === 0x5d;

/**
 * Splits the text into what the tokenizer reads (the envelope) and the entries (objects or arrays at the top of
 * `log.entries`, which `atEntry()` tells once the tokenizer has read everything before them). Inside a string
 * (most of a HAR's bytes) it jumps from quote to quote with the native indexOf; a quote after an odd run of
 * backslashes is part of the string.
 *
 * Pretty-printed HARs (DevTools, Firefox, most tools) go faster: an entry whose `{` starts a line closes with a `}`
 * starting a line at the same indentation, and JSON strings cannot hold a raw line break, so that `}` is found
 * with one indexOf and the text up to it handed to JSON.parse, which accepts it only if that `}` is the entry's own
 * (a shorter text is cut short, a longer one has more after the value). When it refuses, the entry is scanned as
 * any other; after FAST_MISSES refusals the file is taken not to be laid out that way.
 */
function createEntryScanner(to: { atEntry(): boolean; toTokenizer(text: string): void; entry(parts: string[]): void; parsed(value: unknown): void }) {
  let inString = false;
  let escaped = false; // the chunk ended inside a string on an odd run of backslashes
  let parts: string[] | null = null; // while inside an entry
  let depth = 0;
  let misses = 0;
  /** The end (after the `}`) of the entry whose `{` is at `open`, parsed whole into `to.parsed`; -1 when not found so. */
  const wholeLine = (s: string, open: number): number => {
    if (misses >= FAST_MISSES || s.charCodeAt(open) !== 0x7b) return -1;
    let k = open - 1;
    while (k >= 0 && (s.charCodeAt(k) === 0x20 || s.charCodeAt(k) === 0x09)) k--;
    if (k < 0 || s.charCodeAt(k) !== 0x0a) return -1;
    const close = s.indexOf(`${s.slice(k, open)}}`, open);
    if (close === -1) return -1;
    const end = close + open - k + 1;
    let value: unknown;
    try {
      value = JSON.parse(s.slice(open, end));
    } catch {
      misses++;
      return -1;
    }
    to.parsed(value);
    return end;
  };
  return (s: string) => {
    let seg = 0;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      if (inString) {
        if (escaped) {
          escaped = false;
          continue; // this character is escaped
        }
        const end = closingQuote(s, i);
        if (end === -1) {
          let run = 0;
          for (let k = n - 1; k >= i && s.charCodeAt(k) === BACKSLASH; k--) run++;
          escaped = run % 2 === 1;
          break;
        }
        i = end;
        inString = false;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE) inString = true;
      else if (parts !== null) {
        if (OPEN(c)) depth++;
        else if (CLOSE(c) && --depth === 0) {
          parts.push(s.slice(seg, i + 1));
          seg = i + 1;
          const done = parts;
          parts = null;
          to.entry(done);
        }
      } else if (OPEN(c)) {
        if (i > seg) to.toTokenizer(s.slice(seg, i));
        seg = i;
        if (to.atEntry()) {
          const end = wholeLine(s, i);
          if (end !== -1) {
            seg = end;
            i = end - 1;
            continue;
          }
          parts = [];
          depth = 1;
        }
      }
    }
    if (seg < n) {
      if (parts !== null) parts.push(s.slice(seg));
      else to.toTokenizer(s.slice(seg));
    }
  };
}

/** Entries JSON.parse refused on the fast path before the scanner stops trying it. */
const FAST_MISSES = 8;

/** The index of the quote that closes the string whose characters start at `from` (not escaped), or -1. */
function closingQuote(s: string, from: number): number {
  for (let q = s.indexOf('"', from); q !== -1; q = s.indexOf('"', q + 1)) {
    let run = 0;
    for (let k = q - 1; k >= from && s.charCodeAt(k) === BACKSLASH; k--) run++;
    if (run % 2 === 0) return q;
  }
  return -1;
}

/** Keeps a body of at most `limit` characters: longer ones are dropped (with a `comment`) or cut to their start. */
function trimBodies(raw: unknown, limit: number, mode: 'drop' | 'truncate'): unknown {
  if (!isObject(raw)) return raw;
  const trim = (holder: Json | null) => {
    if (!holder || typeof holder.text !== 'string' || holder.text.length <= limit) return;
    if (mode === 'truncate') {
      // A fresh string: a slice could pin the whole original in memory.
      holder.text = holder.encoding === 'base64' ? '' : (JSON.parse(JSON.stringify(holder.text.slice(0, limit))) as string);
      return;
    }
    holder.comment = `body of ${holder.text.length} characters not kept by CORS Lens`;
    holder.text = '';
  };
  trim(isObject(raw.response) && isObject(raw.response.content) ? raw.response.content : null);
  trim(isObject(raw.request) && isObject(raw.request.postData) ? raw.request.postData : null);
  return raw;
}

/**
 * Watches the tokens of the top two levels: the root must be an object, `log` an object, `log.entries` an
 * array. Returns an error message for the first token that breaks that, else null.
 */
function createEnvelopeWatcher() {
  let depth = 0;
  let lastString: unknown = null;
  let key1: unknown = null;
  let key2: unknown = null;
  let afterColon = false;
  let inLog = false;
  let log = false;
  let entries = false;
  let inEntries = false;
  const isOpen = (t: TokenType) => t === TokenType.LEFT_BRACE || t === TokenType.LEFT_BRACKET;
  const isClose = (t: TokenType) => t === TokenType.RIGHT_BRACE || t === TokenType.RIGHT_BRACKET;
  const watch = (token: TokenType, value: unknown): string | null => {
    if (depth > 2 && !isOpen(token) && !isClose(token)) return null;
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
        inEntries = true;
      }
    } else if (token === TokenType.COLON && depth <= 2) {
      afterColon = true;
      if (depth === 1) key1 = lastString;
      else key2 = lastString;
    }
    if (token === TokenType.STRING) lastString = value;
    if (isOpen(token)) depth++;
    else if (isClose(token)) {
      depth--;
      if (depth === 1) inLog = false;
      if (depth === 2) inEntries = false;
    }
    return null;
  };
  /** The next value opens an element of `log.entries`. */
  const atEntry = () => inEntries && depth === 3;
  return Object.assign(watch, { sawLog: () => log, sawEntries: () => entries, atEntry });
}
