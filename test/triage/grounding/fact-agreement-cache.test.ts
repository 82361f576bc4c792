/**
 * Fact agreement keeps each (sentence, windows, context)'s disagreements between replies
 * (fact-agreement.ts): replies made of the knowledge base's answers meet the same ones ticket after
 * ticket. The table must give what reading them gives, hand out copies, hold every input it read
 * and stay within its limit.
 */
import { describe, expect, it } from 'vitest';
import { DISAGREEMENT_CACHE_LIMIT, disagreementCacheSize, disagreementsWith, factDisagreements } from '../../../src/triage/grounding/fact-agreement.js';

const SOURCE = 'Standard delivery takes 3 to 5 business days.';

describe('fact disagreements kept per input', () => {
  it('gives what reading the windows gives, whether met before or not', () => {
    const reply = `Express delivery takes 3 to 5 business days. ${Date.now()}`;
    const first = factDisagreements(reply, [SOURCE], SOURCE);
    expect(first).toEqual(disagreementsWith(reply, SOURCE, SOURCE));
    expect(first.map((disagreement) => disagreement.kind)).toEqual(['swap']);
    expect(factDisagreements(reply, [SOURCE], SOURCE)).toEqual(first);
    // The same sentence against other windows or another context is another input.
    expect(factDisagreements(reply, [reply.replace(/ \d+$/, '')], '')).toEqual([]);
  });

  it('holds every input it read, and a caller changing a disagreement changes nothing later', () => {
    const reply = `Express delivery takes 3 to 5 business days, order ${Date.now()}.`;
    const before = disagreementCacheSize();
    const [found] = factDisagreements(reply, [SOURCE], '');
    expect(disagreementCacheSize()).toBe(before + 1);
    found!.reply = 'changed';
    expect(factDisagreements(reply, [SOURCE], '')[0]!.reply).not.toBe('changed');
    expect(disagreementCacheSize()).toBe(before + 1);
  });

  it('starts again past its limit', () => {
    for (let index = 0; index <= DISAGREEMENT_CACHE_LIMIT; index += 1) factDisagreements(`Delivery ${index} is free.`, ['Delivery is free.'], '');
    expect(disagreementCacheSize()).toBeLessThanOrEqual(DISAGREEMENT_CACHE_LIMIT);
    expect(factDisagreements('Express delivery takes 3 to 5 business days.', [SOURCE], '').map((disagreement) => disagreement.kind)).toEqual(['swap']);
  });
});
