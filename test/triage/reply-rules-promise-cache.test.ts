/**
 * The promise rule keeps each sentence's findings between replies (reply-rules-promises.ts): the
 * same knowledge-base sentences come back ticket after ticket. The table must give what reading the
 * sentence gives, hand out copies, hold every sentence it read, and stay within its limit.
 */
import { describe, expect, it } from 'vitest';
import { PROMISE_CACHE_LIMIT, findPromises, promiseCacheSize } from '../../src/triage/reply-rules-promises.js';

describe('promise findings kept per sentence', () => {
  it('gives the same findings for a sentence met again, in a reply of its own or in another', () => {
    const first = findPromises('Hi Ada, we will refund you in full. Nous vous rembourserons.');
    expect(first.map((finding) => finding.match)).toEqual(['we will refund', 'Nous vous rembourserons']);
    const again = findPromises('Hello Ben!\nNous vous rembourserons. Refunds go to the original payment method.');
    expect(again).toEqual([{ match: 'Nous vous rembourserons', what: 'commits us to a refund or an offer (French)' }]);
    // Per sentence still: a negation in one sentence cancels nothing in the next.
    expect(findPromises("We can't offer a discount. We will refund you in full.").map((finding) => finding.match)).toEqual(['We will refund']);
  });

  it('holds every sentence it read, and a caller changing a finding changes nothing later', () => {
    const sentence = `We'll send you a voucher for order ${Date.now()}.`;
    const before = promiseCacheSize();
    const [finding] = findPromises(sentence);
    expect(promiseCacheSize()).toBe(before + 1);
    finding!.match = 'changed';
    expect(findPromises(sentence)[0]!.match).not.toBe('changed');
    expect(promiseCacheSize()).toBe(before + 1);
  });

  it('starts again past its limit', () => {
    for (let index = 0; index <= PROMISE_CACHE_LIMIT; index += 1) findPromises(`Order ${index} ships today.`);
    expect(promiseCacheSize()).toBeLessThanOrEqual(PROMISE_CACHE_LIMIT);
    expect(findPromises('We will refund you.').map((finding) => finding.match)).toEqual(['We will refund']);
  });
});
