// Header lines shared between entries (issue 15). A capture repeats the same lines on every request — `Accept: */*`,
// `Sec-Fetch-Mode: cors`, the User-Agent, the page's Origin, the API's Access-Control-Allow-* answer — and each
// entry kept its own `[name, value]` pair and its own lower-cased name: about 1.5 KB per entry, every byte of it
// copied by the garbage collector because entries live as long as the analysis. A pool per log reader hands out
// one pair per distinct line instead, and one lower-cased string per distinct name.
//
// Pairs are shared, so nothing may change one (HeaderList is read-only). The pool is bounded: a name whose values
// keep changing (Date, Content-Length, request ids) stops being pooled once it has shown MAX_VALUES_PER_NAME of
// them, long values are never pooled, and a reader that has seen MAX_NAMES names pools no new one.

export type HeaderPair = readonly [name: string, value: string];

/** Distinct values pooled per header name; a name past it gets a fresh pair per line. */
const MAX_VALUES_PER_NAME = 64;
/** Distinct header names pooled per reader. */
const MAX_NAMES = 512;
/** Longer values are not pooled (hashing them costs more than the pair saves). */
const MAX_POOLED_VALUE = 512;

interface NameSlot {
  /** The name, byte-lower-cased (https://fetch.spec.whatwg.org/#concept-header-list: names compare case-insensitively). */
  readonly lower: string;
  /** The pairs already handed out for this name, by value; null once the name has shown too many values. */
  values: Map<string, HeaderPair> | null;
}

export interface HeaderPool {
  /** The pair for one header line (`name` as written in the HAR). */
  pair(name: string, value: string): HeaderPair;
}

/** A pool that shares nothing: a fresh pair per line (readHarEntry without a log reader). */
export const UNPOOLED: HeaderPool = { pair: (name, value) => [name.toLowerCase(), value] };

export function createHeaderPool(): HeaderPool {
  const names = new Map<string, NameSlot>();
  return {
    pair(name, value) {
      let slot = names.get(name);
      if (slot === undefined) {
        if (names.size >= MAX_NAMES) return [name.toLowerCase(), value];
        slot = { lower: name.toLowerCase(), values: new Map() };
        names.set(name, slot);
      }
      const values = slot.values;
      if (values === null || value.length > MAX_POOLED_VALUE) return [slot.lower, value];
      let pair = values.get(value);
      if (pair === undefined) {
        pair = [slot.lower, value];
        if (values.size < MAX_VALUES_PER_NAME) values.set(value, pair);
        else slot.values = null;
      }
      return pair;
    },
  };
}
