// Redaction of a raw HAR 1.2 object (http://www.softwareishard.com/blog/har-12-spec/): a deep copy with secrets
// replaced by placeholders and bodies dropped, still valid HAR 1.2 and still importable by Chrome DevTools
// (front_end/models/har/HARFormat.ts: it needs numbers where numbers are and `log.entries` to be an array).
// Header *names* are never removed, only values, so the analysis of the redacted file gives the same verdicts.
import { isSecretFieldName, isSecretParamName } from './rules';
import { createRedactor, type RedactOptions, type RedactionSummary, type Redactor } from './redactor';
import { isObject, type Json } from '../har/json';


export interface RedactedHar {
  /** The redacted deep copy (the input is never changed). Not-a-HAR input is still walked as plain JSON. */
  readonly har: unknown;
  /** Counts for all entries; `redactor.summary(indices)` gives them for a subset. */
  readonly summary: RedactionSummary;
  /** The map that made the placeholders: run the analysis through it so every format agrees. */
  readonly redactor: Redactor;
}

export const BODY_REMOVED_COMMENT = 'Body removed by CORS Lens (export with bodies kept to include it).';
const BODY_UNSCANNABLE_COMMENT = 'Base64 body removed by CORS Lens: it cannot be scanned for secrets.';

/** Redacts a HAR (object or JSON text). Never throws on odd shapes: what is not recognised is scanned as text. */
export function redactHar(input: unknown, options: RedactOptions = {}, redactor: Redactor = createRedactor(options)): RedactedHar {
  const r = redactor;
  let root = input;
  if (typeof input === 'string') {
    try {
      root = JSON.parse(input);
    } catch {
      root = input;
    }
  }
  const out = walkRoot(root, r);
  // Last pass: secrets first seen late in the file (entry 40's cookie) may also sit in earlier entries' free text.
  const log = isObject(out) && isObject(out.log) ? out.log : null;
  if (log && Array.isArray(log.entries)) {
    log.entries.forEach((e, i) => redactEntryLate(e, i, r));
    redactLogLate(log, r);
  }
  r.at(null);
  return { har: out, summary: r.summary(), redactor: r };
}

/**
 * The same redaction one entry at a time, for a HAR read as a stream (`cors-lens report`): `redactEntry` on each
 * entry in file order (with `redactLogField` on `log`'s other fields), then, once every entry was seen, the last
 * pass: `redactEntryLate` on each redacted entry in file order and `redactLogLate` on the redacted `log`.
 */
export function redactEntry(entry: unknown, index: number, r: Redactor): unknown {
  r.at(index);
  const out = isObject(entry) ? walkEntry(entry, r) : deepText(entry, r);
  r.at(null);
  return out;
}

/** A field of `log` other than `entries` (pages: a page title is the page's URL), or a field beside `log`. */
export function redactLogField(value: unknown, r: Redactor): unknown {
  return deepText(value, r);
}

/** The last pass on an entry `redactEntry` returned (in place): secrets learnt after it was read. */
export function redactEntryLate(entry: unknown, index: number, r: Redactor): void {
  if (r.options.keepSecrets) return;
  r.at(index);
  replaceStringsInPlace(entry, r.known);
  r.at(null);
}

/** The last pass on the redacted `log`'s fields other than `entries` (in place). */
export function redactLogLate(log: Json, r: Redactor): void {
  if (r.options.keepSecrets) return;
  r.at(null);
  for (const key of Object.keys(log)) if (key !== 'entries') log[key] = mapStrings(log[key], r.known);
}

function walkRoot(root: unknown, r: Redactor): unknown {
  if (!isObject(root) || !isObject(root.log)) return deepText(root, r);
  const out: Json = {};
  for (const [key, value] of Object.entries(root)) out[key] = key === 'log' ? walkLog(value as Json, r) : deepText(value, r);
  return out;
}

function walkLog(log: Json, r: Redactor): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(log)) {
    if (key === 'entries' && Array.isArray(value)) out.entries = value.map((e, i) => redactEntry(e, i, r));
    else out[key] = redactLogField(value, r);
  }
  return out;
}

function walkEntry(entry: Json, r: Redactor): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'request' && isObject(value)) out.request = walkMessage(value, r, 'request');
    else if (key === 'response' && isObject(value)) out.response = walkMessage(value, r, 'response');
    else if (key === '_webSocketMessages' || key === '_eventSourceMessages') {
      // Message payloads are bodies.
      if (r.options.keepBodies) out[key] = deepText(value, r);
      else if (Array.isArray(value) && value.length > 0) r.droppedBody(key === '_webSocketMessages' ? 'WebSocket messages' : 'EventSource messages');
    } else out[key] = deepText(value, r);
  }
  return out;
}

function walkMessage(message: Json, r: Redactor, side: 'request' | 'response'): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(message)) {
    if (key === 'headers' && Array.isArray(value)) out.headers = value.map((h) => nameValue(h, r, (name, v) => r.header(name, v)));
    else if (key === 'cookies' && Array.isArray(value)) out.cookies = value.map((c) => nameValue(c, r, (name, v) => r.secret(v, 'cookie', name)));
    else if (key === 'queryString' && Array.isArray(value)) out.queryString = value.map((q) => nameValue(q, r, (name, v) => param(name, v, r)));
    else if (key === 'postData' && side === 'request' && isObject(value)) out.postData = walkPostData(value, r);
    else if (key === 'content' && side === 'response' && isObject(value)) out.content = walkContent(value, r);
    else out[key] = deepText(value, r); // url, redirectURL, _error, ...: scanned as text
  }
  return out;
}

function nameValue(item: unknown, r: Redactor, redact: (name: string, value: string) => string): unknown {
  if (!isObject(item) || typeof item.value !== 'string') return deepText(item, r);
  const name = typeof item.name === 'string' ? item.name : '';
  const out: Json = {};
  for (const [key, value] of Object.entries(item)) out[key] = key === 'value' ? redact(name, item.value) : deepText(value, r);
  return out;
}

function param(name: string, value: string, r: Redactor): string {
  return isSecretParamName(name) ? r.secret(value, 'query-param', name) : r.text(value);
}

function walkPostData(postData: Json, r: Redactor): Json {
  const hasBody = (typeof postData.text === 'string' && postData.text !== '') || (Array.isArray(postData.params) && postData.params.length > 0);
  if (!r.options.keepBodies) {
    if (hasBody) r.droppedBody('request body');
    const mimeType = typeof postData.mimeType === 'string' ? postData.mimeType : '';
    return hasBody ? { mimeType, text: '', comment: BODY_REMOVED_COMMENT } : { mimeType, text: '' };
  }
  const out: Json = {};
  for (const [key, value] of Object.entries(postData)) {
    if (key === 'params' && Array.isArray(value)) out.params = value.map((p) => nameValue(p, r, (name, v) => param(name, v, r)));
    else out[key] = deepText(value, r);
  }
  return out;
}

function walkContent(content: Json, r: Redactor): Json {
  const hasText = typeof content.text === 'string' && content.text !== '';
  const base64 = typeof content.encoding === 'string' && content.encoding.toLowerCase() === 'base64';
  const drop = hasText && (!r.options.keepBodies || (base64 && !r.options.keepSecrets));
  const out: Json = {};
  for (const [key, value] of Object.entries(content)) {
    if ((key === 'text' || key === 'encoding') && drop) continue;
    out[key] = deepText(value, r);
  }
  if (drop) {
    r.droppedBody('response body');
    out.comment = r.options.keepBodies ? BODY_UNSCANNABLE_COMMENT : BODY_REMOVED_COMMENT;
  }
  return out;
}

/**
 * Deeper than this, a value is replaced by a note instead of being copied: recursion that deep would overflow
 * the stack (found by the property tests, test/fuzz/), and nothing a browser writes nests like that. Dropping
 * rather than keeping it as text keeps the promise that nothing unscanned leaves.
 */
export const MAX_DEPTH = 200;
export const TOO_DEEP_NOTE = `[removed by CORS Lens: nested deeper than ${MAX_DEPTH} levels]`;

/** A deep copy with every string scanned as text, and secret-named string fields (`{"token": "..."}`) replaced. */
export function deepText(value: unknown, r: Redactor, key?: string, depth = 0): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && isSecretFieldName(key)) return r.secret(value, 'field', key);
    return r.text(value);
  }
  if ((Array.isArray(value) || isObject(value)) && depth >= MAX_DEPTH) return TOO_DEEP_NOTE;
  if (Array.isArray(value)) return value.map((v) => deepText(v, r, undefined, depth + 1));
  if (isObject(value)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepText(v, r, k, depth + 1);
    return out;
  }
  return value;
}

/** A deep copy with `f` applied to every string. */
export function mapStrings(value: unknown, f: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return f(value);
  if ((Array.isArray(value) || isObject(value)) && depth >= MAX_DEPTH) return TOO_DEEP_NOTE;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f, depth + 1));
  if (isObject(value)) {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, f, depth + 1);
    return out;
  }
  return value;
}

/** `f` applied to every string inside `value`, changing it in place (only for the copy this module made). */
function replaceStringsInPlace(value: unknown, f: (s: string) => string): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] === 'string') value[i] = f(value[i]);
      else replaceStringsInPlace(value[i], f);
    }
  } else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') value[k] = f(v);
      else replaceStringsInPlace(v, f);
    }
  }
}

/**
 * Redacts free text about a HAR (URLs, header lines, messages) for printing: every secret of the HAR is known
 * first, so it is replaced wherever it shows up later; secret-looking values the HAR did not hold are caught by
 * the rules as in any report. (`cors-lens probe --from` prints every line through one.)
 */
export function createHarTextRedactor(har: unknown): (text: string) => string {
  const redactor = createRedactor();
  redactHar(har, {}, redactor);
  redactor.at('report');
  return (text) => redactor.known(redactor.text(text));
}
