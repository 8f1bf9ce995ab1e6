// Fix blocks are pure functions of a few fill values (origin, methods, headers, API id, ...), and the
// exchanges of one page share those values, so each block's snippets are built once per distinct
// input and reused. The cache key is the block's extra arguments plus exactly the FillValues fields the
// block reads (`reads`; test/core/hints/memo.test.ts checks that a block reads nothing else and that a
// cached answer equals a fresh one). Fields are keyed by identity: fill.ts interns and freezes every
// object it puts in a FillValues, so equal values are the same object (a FillValues built elsewhere
// only misses the cache). Arguments are keyed by content. Caches are bounded.
//
// A cached answer is handed to every exchange that asks, so it is frozen all the way down (fix lists and
// fixes here; generic hints in generic.ts): Hint and HintFix are read-only types, nothing in src/ui,
// src/cli or src/core/report|redact writes to them, and a write to a frozen object throws in module code
// rather than changing another exchange's hints.
import type { HintFix } from '../types';
import type { FillValues } from './fill-values';

export type FillField = keyof FillValues;

/** Distinct inputs kept per cache; past it the cache starts over. A page rarely has more than a handful. */
export const MAX_CACHED_INPUTS = 256;

export interface Cached<A extends readonly unknown[], R> {
  (f: FillValues, ...args: A): R;
  /** The function itself, uncached. */
  readonly fresh: (f: FillValues, ...args: A) => R;
  /** The FillValues fields it reads: with the arguments, its cache key. */
  readonly reads: readonly FillField[];
}

export type FixBlock<A extends readonly unknown[]> = Cached<A, readonly HintFix[]>;

/** A fix block, cached by its arguments and the `reads` fields of its FillValues; the list is frozen and shared. */
export function memoFixes<A extends readonly [unknown?, unknown?, unknown?, unknown?]>(reads: readonly FillField[], block: (f: FillValues, ...args: A) => readonly HintFix[]): FixBlock<A> {
  return memoFill(reads, block, freezeFixes);
}

/** Text built from fill values (an explanation), cached like a fix block (strings are immutable). */
export function memoText<A extends readonly [unknown?, unknown?, unknown?, unknown?]>(reads: readonly FillField[], text: (f: FillValues, ...args: A) => string): Cached<A, string> {
  return memoFill(reads, text, (s) => s);
}

/** Freezes a fix list and its fixes, to be shared. */
export function freezeFixes(fixes: readonly HintFix[]): readonly HintFix[] {
  for (const x of fixes) Object.freeze(x);
  return Object.freeze(fixes);
}

/** `fn`, cached by its arguments (up to four, by content) and the `reads` fields of its FillValues (by identity); `prepare` readies a new result for sharing (freezes it). */
export function memoFill<A extends readonly [unknown?, unknown?, unknown?, unknown?], R>(reads: readonly FillField[], fn: (f: FillValues, ...args: A) => R, prepare: (fresh: R) => R): Cached<A, R> {
  const cache = new InputCache<R>();
  // An exchange calls a block with one FillValues object several times (once per failing check):
  // the walk through its fields is done once.
  let lastFill: FillValues | undefined;
  let lastStart: InputTrie<R> | undefined;
  let lastFields: InputTrie<R> | undefined;
  const call = fn as unknown as (f: FillValues, a?: unknown, b?: unknown, c?: unknown, d?: unknown) => R;
  // At most four arguments besides the fill values: fixed parameters, so no array per call (a missing
  // argument is undefined either way, and defaults apply alike).
  const memo = (f: FillValues, a?: unknown, b?: unknown, c?: unknown, d?: unknown): R => {
    const start = cache.start();
    if (f !== lastFill || start !== lastStart || lastFields === undefined) {
      lastFields = start;
      for (const field of reads) lastFields = step(lastFields, f[field]);
      lastFill = f;
      lastStart = start;
    }
    const leaf = walk(walk(walk(walk(lastFields, a), b), c), d);
    return leaf.has ? (leaf.value as R) : cache.store(leaf, prepare(call(f, a, b, c, d)));
  };
  return Object.assign(memo as unknown as (f: FillValues, ...args: A) => R, { fresh: fn, reads });
}

/**
 * A map keyed by JSON-like values (strings, numbers, booleans, null, undefined, arrays, plain objects),
 * compared by content: each value is walked as a sequence of tokens, one Map level per token, so a
 * lookup allocates nothing. Arrays are length-prefixed and objects end-marked, so two different values
 * never share a path.
 */
export interface InputTrie<V> {
  next?: Map<unknown, InputTrie<V>>;
  has?: boolean;
  value?: V;
}

/** A bounded cache keyed by such values: `walk` from `start()`, then read `has`/`value` or `store`. */
export class InputCache<V> {
  private root: InputTrie<V> = {};
  private size = 0;

  constructor(private readonly max = MAX_CACHED_INPUTS) {}

  /** Where a lookup starts; a full cache starts over (so a new root). */
  start(): InputTrie<V> {
    if (this.size >= this.max) {
      this.root = {};
      this.size = 0;
    }
    return this.root;
  }

  /** Stores `value` at `leaf`, a node walked from start(). */
  store(leaf: InputTrie<V>, value: V): V {
    leaf.value = value;
    leaf.has = true;
    this.size++;
    return value;
  }
}

const ARRAY = Symbol('array');
const OBJECT = Symbol('object');
const END = Symbol('end');

/** The node `value` leads to from `node` (created on the way). */
export function walk<V>(node: InputTrie<V>, value: unknown): InputTrie<V> {
  if (value === null || typeof value !== 'object') return step(node, value);
  if (Array.isArray(value)) {
    let at = step(step(node, ARRAY), value.length);
    for (const item of value) at = walk(at, item);
    return at;
  }
  // Fix inputs are plain objects ({ value, known }, options): for-in gives their own keys, in order.
  let at = step(node, OBJECT);
  for (const key in value) at = walk(step(at, key), (value as Record<string, unknown>)[key]);
  return step(at, END);
}

/** One level down: `token` compared as a Map key (objects by identity). */
export function step<V>(node: InputTrie<V>, token: unknown): InputTrie<V> {
  const next = (node.next ??= new Map());
  let child = next.get(token);
  if (child === undefined) next.set(token, (child = {}));
  return child;
}
