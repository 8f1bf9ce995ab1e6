// A catalogue rule that `needs` services is skipped unasked when none of them was fingerprinted
// (src/core/hints/index.ts), so it must never match without one: checked on every scenario and on the
// AWS captures of test/fixtures/aws, with the needed fingerprints taken away.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../../src/core/analyze';
import { readHar } from '../../../src/core/har/read';
import { PITFALLS } from '../../../src/core/hints';
import { type HintContext, createHintContext, serviceAt } from '../../../src/core/hints/context';
import { ALL_SCENARIOS } from './scenarios';
import { diagnoseEntries } from './support';

const AWS_FIXTURES = 'test/fixtures/aws';

function contexts(): Array<readonly [string, HintContext]> {
  const out: Array<readonly [string, HintContext]> = ALL_SCENARIOS.map((s) => [s.name, createHintContext(diagnoseEntries(...s.entries()).input)] as const);
  for (const file of readdirSync(AWS_FIXTURES).filter((f) => f.endsWith('.json') && f !== 'index.json')) {
    const { har } = JSON.parse(readFileSync(join(AWS_FIXTURES, file), 'utf8')) as { har: unknown };
    const observed = new Map(readHar(har).entries.map((e) => [e.index, e]));
    for (const exchange of analyzeHar(har, { hints: false }).exchanges) {
      if (exchange.kind === 'not-cors' || exchange.verdict === 'allowed') continue;
      const input = {
        exchange,
        preflight: exchange.preflightEntry !== null ? (observed.get(exchange.preflightEntry) ?? null) : null,
        actual: exchange.actualEntry !== null ? (observed.get(exchange.actualEntry) ?? null) : null,
      };
      out.push([`${file} ${exchange.id}`, createHintContext(input)]);
    }
  }
  return out;
}

/** The same exchange, as if none of `services` had been fingerprinted. */
function without(ctx: HintContext, services: readonly string[]): HintContext {
  const fingerprints = ctx.fingerprints.filter((f) => !services.includes(f.service));
  return { ...ctx, fingerprints, at: (stage, ...s) => serviceAt(fingerprints, stage, s), isAws: fingerprints.length > 0 };
}

const CONTEXTS = contexts();
const GATED = PITFALLS.filter((p) => p.needs);

describe('rules that need a service', () => {
  test('most rules are gated, and the corpus is large', () => {
    expect(GATED.length).toBeGreaterThan(30);
    expect(CONTEXTS.length).toBeGreaterThan(120);
  });

  test.each(GATED.map((p) => [p.id, p] as const))('%s never matches without one of the services it needs', (_id, p) => {
    let matched = 0;
    for (const [name, ctx] of CONTEXTS) {
      if (p.detect(ctx)) matched++;
      expect(p.detect(without(ctx, p.needs!)), `${name} without ${p.needs!.join(', ')}`).toBeNull();
    }
    // Not vacuous: the rule does match somewhere in the corpus.
    expect(matched).toBeGreaterThan(0);
  });
});
