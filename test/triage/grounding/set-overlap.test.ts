/** sharedCount (set-overlap.ts): the members two sets share, looked up from the smaller set. */
import { describe, expect, it } from 'vitest';
import { sharedCount } from '../../../src/triage/grounding/set-overlap.js';

class CountingSet extends Set<string> {
  lookups = 0;
  override has(value: string): boolean {
    this.lookups += 1;
    return super.has(value);
  }
}

describe('sharedCount', () => {
  it('counts the shared members whichever set comes first, with as many lookups as the smaller set has', () => {
    const small = new CountingSet([' res', 'rese', 'eset']);
    const large = new CountingSet([' res', 'rese', 'eset', 'set ', ' lin', 'link', 'ink ']);
    expect(sharedCount(small, large)).toBe(3);
    expect(sharedCount(large, small)).toBe(3);
    expect(large.lookups).toBe(2 * small.size);
    expect(small.lookups).toBe(0);
    expect(sharedCount(new Set(['a', 'b']), new Set(['c']))).toBe(0);
    expect(sharedCount(new Set<string>(), large)).toBe(0);
  });
});
