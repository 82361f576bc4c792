/**
 * Fact binding keeps what a sentence's supporting windows leave unbound between replies
 * (fact-binding.ts); what the customer wrote (`given`) is applied on each call. The table must give
 * what reading gives, apply each call's `given`, hand out copies, and stay within its limit.
 */
import { describe, expect, it } from 'vitest';
import { UNBOUND_CACHE_LIMIT, unboundCacheSize, unboundFacts } from '../../../src/triage/grounding/fact-binding.js';
import type { EntityKind } from '../../../src/triage/grounding/reply-entities.js';

const SOURCE = 'We will email you a reset link that works for 60 minutes.';
const none = new Map<EntityKind, Set<string>>();

describe('unbound facts kept per sentence and windows', () => {
  it("applies each call's own customer-given facts to the kept reading", () => {
    const sentence = 'We will email you a reset link that works for 10 minutes, and order 42 shipped.';
    const first = unboundFacts(sentence, [SOURCE], none);
    expect(first.map((fact) => fact.kind)).toEqual(['number', 'number', 'state']);
    expect(first[0]!.text).toBe('10');
    const before = unboundCacheSize();
    // The customer wrote the 10: it may be repeated back, on this call only.
    const given = new Map<EntityKind, Set<string>>([['number', new Set(['10'])]]);
    expect(unboundFacts(sentence, [SOURCE], given).map((fact) => fact.text)).toEqual([first[1]!.text, 'shipped']);
    // An amount the customer gave grounds the same plain number.
    expect(unboundFacts(sentence, [SOURCE], new Map([['money', new Set(['10'])]])).map((fact) => fact.text)).toEqual([first[1]!.text, 'shipped']);
    expect(unboundFacts(sentence, [SOURCE], none)).toEqual(first);
    expect(unboundCacheSize()).toBe(before);
  });

  it('hands out copies', () => {
    const sentence = 'Your order 7 was delivered.';
    const [first] = unboundFacts(sentence, ['Your order was shipped.'], none);
    first!.text = 'changed';
    expect(unboundFacts(sentence, ['Your order was shipped.'], none)[0]!.text).not.toBe('changed');
    const states = unboundFacts(sentence, ['Your order was shipped.'], none).filter((fact) => fact.kind === 'state');
    states[0]!.text = 'changed';
    expect(unboundFacts(sentence, ['Your order was shipped.'], none).filter((fact) => fact.kind === 'state')[0]!.text).toBe('delivered');
  });

  it('starts again past its limit', () => {
    for (let index = 0; index <= UNBOUND_CACHE_LIMIT; index += 1) unboundFacts(`It takes ${index} days.`, ['It takes 3 days.'], none);
    expect(unboundCacheSize()).toBeLessThanOrEqual(UNBOUND_CACHE_LIMIT);
    expect(unboundFacts('It takes 5 days.', ['It takes 3 days.'], none)).toEqual([{ kind: 'number', text: '5' }]);
  });
});
