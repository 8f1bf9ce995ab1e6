// Cached fix blocks and hints (src/core/hints/memo.ts): a block reads only the FillValues fields it
// declares (they are its cache key), a cached answer equals a fresh one, and whatever is handed to more
// than one exchange is deeply frozen.
import { describe, expect, test } from 'vitest';
import { CORS_ERRORS } from '../../../src/core/cors/errors';
import { PITFALLS, diagnose, fillOnlyFixes, readsFillOnly } from '../../../src/core/hints';
import { createHintContext } from '../../../src/core/hints/context';
import { type FillValues, fillValues } from '../../../src/core/hints/fill';
import { fxCloudFront } from '../../../src/core/hints/fixes/cloudfront';
import { fxLambda } from '../../../src/core/hints/fixes/lambda';
import { fxFunctionUrlCors, fxHttpApiCors, fxS3Cors } from '../../../src/core/hints/fixes/platform';
import { fxGatewayResponses, fxRestDeploy, fxRestPreflight } from '../../../src/core/hints/fixes/rest';
import { genericExplanation, genericFixes, sharedGenericHint } from '../../../src/core/hints/generic';
import { type Cached, type InputTrie, MAX_CACHED_INPUTS, walk } from '../../../src/core/hints/memo';
import type { Hint, HintFix } from '../../../src/core/types';
import { ALL_SCENARIOS } from './scenarios';
import { diagnoseEntries } from './support';

// Fill values as the engine computes them for every scenario, plus edge shapes no scenario has.
const fromScenarios: FillValues[] = ALL_SCENARIOS.map((s) => fillValues(createHintContext(diagnoseEntries(...s.entries()).input)));
const base = fromScenarios[0];
const FILLS: FillValues[] = [
  ...fromScenarios,
  { ...base, credentials: !base.credentials, method: 'PATCH', allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'], resourcePath: '/' },
  { ...base, origin: { value: "https://o'quote.example", known: true }, allowHeaders: [], resourcePath: '/a/{id}/b', stage: { value: 'v 1', known: true } },
  { ...base, origin: { value: 'https://app.example.com', known: false }, bucket: { value: 'my.bucket', known: true }, functionName: { value: 'fn', known: true }, method: 'HEAD' },
];

type AnyBlock = Cached<readonly never[], unknown>;
const block = <A extends readonly unknown[], R>(b: Cached<A, R>) => b as unknown as AnyBlock;
const FOCUSES = ['methods', 'forward-origin', 'cache-key', 'response-policy', 'host-header'] as const;
// name, cached function, argument lists to try
const BLOCKS: ReadonlyArray<readonly [string, AnyBlock, ReadonlyArray<readonly unknown[]>]> = [
  ['genericFixes', block(genericFixes), CORS_ERRORS.map((e) => [e])],
  ['genericExplanation', block(genericExplanation), CORS_ERRORS.flatMap((e) => [[e, ''], [e, 'x-trace'], [e, "https://o'ther.example"]])],
  ['sharedGenericHint', block(sharedGenericHint), CORS_ERRORS.flatMap((e) => [[e, '', null, null], [e, 'x-trace', `Chromium: ${e}`, null], [e, '', 'm', 'The server answered 502.']])],
  ['fxLambda', block(fxLambda), [[], [{}], [{ answerOptions: false }], [{ answerOptions: true }]]],
  ['fxRestDeploy', block(fxRestDeploy), [[]]],
  ['fxRestPreflight', block(fxRestPreflight), [[]]],
  ['fxGatewayResponses', block(fxGatewayResponses), [[], [['DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED']]]],
  ['fxHttpApiCors', block(fxHttpApiCors), [[]]],
  ['fxFunctionUrlCors', block(fxFunctionUrlCors), [[]]],
  ['fxS3Cors', block(fxS3Cors), [[]]],
  ['fxCloudFront', block(fxCloudFront), FOCUSES.flatMap((focus) => [[focus], [focus, { s3Origin: true }], [focus, { s3Origin: false }]])],
];

/** Frozen all the way down (strings and numbers are immutable anyway). */
function expectDeeplyFrozen(value: unknown, where: string): void {
  if (value === null || typeof value !== 'object') return;
  expect(Object.isFrozen(value), where).toBe(true);
  for (const v of Object.values(value)) expectDeeplyFrozen(v, where);
}

/** Equal inputs get the very same object (after a first call: a full cache starts over once). */
function expectShared(call: () => unknown): void {
  call();
  const a = call();
  expect(call()).toBe(a);
}

/** A FillValues that records which of its fields were read. */
function tracked(f: FillValues): { f: FillValues; read: Set<string> } {
  const read = new Set<string>();
  return { f: new Proxy(f, { get: (target, prop, receiver) => (typeof prop === 'string' && read.add(prop), Reflect.get(target, prop, receiver)) }), read };
}

describe('cached fix blocks', () => {
  test.each(BLOCKS.map(([name, b, args]) => [name, b, args] as const))('%s reads only the fields of its cache key', (_name, b, argsList) => {
    const read = new Set<string>();
    for (const f of FILLS) for (const args of argsList) {
      const t = tracked(f);
      b.fresh(t.f, ...(args as never[]));
      t.read.forEach((r) => read.add(r));
    }
    expect([...read].filter((r) => !(b.reads as readonly string[]).includes(r))).toEqual([]);
  });

  test.each(BLOCKS.map(([name, b, args]) => [name, b, args] as const))('%s: a cached answer equals a fresh one, and is shared deeply frozen', (name, b, argsList) => {
    for (const f of FILLS) for (const args of argsList) {
      const fresh = b.fresh(f, ...(args as never[]));
      const first = b(f, ...(args as never[]));
      const second = b({ ...f }, ...(args as never[]));
      expect(first).toEqual(fresh);
      expect(second).toEqual(fresh);
      expectDeeplyFrozen(first, `${name}(${JSON.stringify(args)})`);
    }
    for (const f of FILLS.slice(0, 3)) for (const args of argsList.slice(0, 3)) expectShared(() => b({ ...f }, ...(args as never[])));
  });

  test('past the bound, answers stay right', () => {
    const origins = Array.from({ length: MAX_CACHED_INPUTS + 40 }, (_, i) => `https://app${i}.example.com`);
    for (const pass of [0, 1]) for (const o of origins) {
      const f: FillValues = { ...base, origin: { value: o, known: true } };
      const got: readonly HintFix[] = fxLambda(f);
      expect(got, `pass ${pass}`).toEqual(fxLambda.fresh(f));
      expect(got[0].snippet).toContain(o);
    }
  });

  test('fill values are interned and frozen: equal values are one object (the caches key fields by identity)', () => {
    for (const s of ALL_SCENARIOS) {
      const { input } = diagnoseEntries(...s.entries());
      const a = fillValues(createHintContext(input));
      const b = fillValues(createHintContext(input));
      for (const [field, value] of Object.entries(a)) {
        expect(b[field as keyof FillValues], `${s.name}: ${field}`).toBe(value);
        if (typeof value === 'object') expect(Object.isFrozen(value), `${s.name}: ${field}`).toBe(true);
      }
    }
  });

  test('different inputs never share a cache entry, equal ones always do', () => {
    const values: unknown[] = ['', 'a', 'ab', ['a', 'b'], ['ab'], ['a,b'], [], [''], [[]], [undefined], true, false, 'true', 0, 1, '0', '1', null, undefined, {}, { a: undefined }, { value: 'a', known: true }, { value: 'a', known: false }, { known: true, value: 'a' }, { value: 'a' }, [['a'], 'b'], [['a', 'b']], ['a', ['b']], [{ value: 'a', known: true }, 'b'], [{ value: 'a', known: true, b: 'c' }]];
    const root: InputTrie<number> = {};
    const nodes = values.map((v) => walk(root, v));
    expect(new Set(nodes).size).toBe(values.length);
    values.forEach((v, i) => expect(walk(root, structuredClone(v)), JSON.stringify(v)).toBe(nodes[i]));
    // Sequences of values (a block's fields one after another) stay apart too.
    const seq = (...vs: unknown[]) => vs.reduce<InputTrie<number>>((node, v) => walk(node, v), root);
    expect(seq(['a'], 'b')).not.toBe(seq(['a', 'b']));
    expect(seq('a', ['b'])).not.toBe(seq(['a'], ['b']));
    expect(seq({ value: 'a', known: true }, 'x')).toBe(seq({ value: 'a', known: true }, 'x'));
  });
});

describe('cached pitfall fixes', () => {
  const fillOnly = PITFALLS.filter(readsFillOnly);
  /** Throws on any use: a fixes function that declares only `f` must never touch it. */
  const untouchable = new Proxy({}, { get: (_t, prop) => { throw new Error(`read ${String(prop)}`); } });

  test('most pitfalls declare only the fill values, and their fixes are shared', () => {
    expect(fillOnly.length).toBeGreaterThan(30);
    for (const p of fillOnly) expectShared(() => fillOnlyFixes({ ...base }, p.id));
  });

  test.each(fillOnly.map((p) => [p.id, p] as const))('%s: its fixes read nothing but the fill values, and the cache gives the same, deeply frozen', (id, p) => {
    for (const f of FILLS) {
      const fresh = p.fixes(f, untouchable as never, untouchable as never);
      const first = fillOnlyFixes(f, id);
      expect(first).toEqual(fresh);
      expect(fillOnlyFixes({ ...f }, id)).toEqual(fresh);
      expectDeeplyFrozen(first, id);
    }
  });
});

describe('diagnose with warm caches', () => {
  test.each(ALL_SCENARIOS.map((s) => [s.name, s] as const))('%s: the same hints as the first time; what both share is deeply frozen, the lists are new', (name, s) => {
    const { input } = diagnoseEntries(...s.entries());
    const first = diagnose(input);
    const again = diagnose(input);
    expect(again).toEqual(first);
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(again.hints).not.toBe(first.hints);
    expect(again.fingerprints).not.toBe(first.fingerprints);
    const shared = (a: unknown, b: unknown, where: string) => {
      if (a === b) expectDeeplyFrozen(a, where);
      else if (a !== null && typeof a === 'object') for (const [k, v] of Object.entries(a)) shared(v, (b as Record<string, unknown>)[k], `${where}.${k}`);
    };
    again.hints.forEach((h: Hint, i) => shared(h, first.hints[i], `${name} hint ${h.id}`));
    again.fingerprints.forEach((fp, i) => shared(fp, first.fingerprints[i], `${name} fingerprint ${fp.service}`));
  });
});
