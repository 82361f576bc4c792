import { describe, expect, it } from 'vitest';
import { doomLoopDetected, isDoomLoop, stepCountIs } from '../../src/agentao/index.js';

const call = (toolName: string, args: unknown) => ({ toolName, args });

describe('stepCountIs', () => {
  it('is true once the count is reached', () => {
    const stop = stepCountIs(3);
    expect(stop({ iterations: 2, toolCalls: [] })).toBe(false);
    expect(stop({ iterations: 3, toolCalls: [] })).toBe(true);
    expect(() => stepCountIs(0)).toThrow(RangeError);
    expect(() => stepCountIs(1.5)).toThrow(RangeError);
  });
});

describe('isDoomLoop', () => {
  it('needs the same tool with the same canonical arguments, threshold times in a row', () => {
    const same = call('search', { query: 'refund', limit: 3 });
    const reordered = call('search', { limit: 3, query: 'refund' });
    expect(isDoomLoop([same, same], 3)).toBe(false);
    expect(isDoomLoop([same, reordered, same], 3)).toBe(true);
    expect(isDoomLoop([same, same, call('search', { query: 'refund', limit: 4 })], 3)).toBe(false);
    expect(isDoomLoop([same, same, call('lookup', { query: 'refund', limit: 3 })], 3)).toBe(false);
    // Only the most recent calls count: an interruption resets the streak.
    expect(isDoomLoop([same, same, call('other', {}), same, same], 3)).toBe(false);
    expect(isDoomLoop([call('other', {}), same, same, same], 3)).toBe(true);
    expect(isDoomLoop([call('x', '{broken'), call('x', '{broken')], 2)).toBe(true);
  });

  it('defaults to 3 and has a stop-condition form', () => {
    const same = call('search', {});
    expect(isDoomLoop([same, same, same])).toBe(true);
    expect(doomLoopDetected(2)({ iterations: 1, toolCalls: [same, same] })).toBe(true);
    expect(() => isDoomLoop([], 1)).toThrow(RangeError);
  });
});
