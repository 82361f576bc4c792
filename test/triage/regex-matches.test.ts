import { describe, expect, it } from 'vitest';
import { allMatches, firstMatch } from '../../src/triage/regex-matches.js';

const plain = (matches: Iterable<RegExpMatchArray>) => [...matches].map((match) => ({ text: [...match], index: match.index, groups: match.groups }));

describe('allMatches', () => {
  it('gives what matchAll gives: groups, empty matches, surrogate pairs in Unicode mode', () => {
    const cases: [string, RegExp][] = [
      ['order A1001 and A1002, A1003', /A(\d+)/g],
      ['a😀b', /(?:)/gu],
      ['a😀b', /(?:)/g],
      ['x  y', /\s*/g],
      ['Refund me NOW, refund me later', /(?<verb>refund)\s+me/gi],
      ['', /x*/g],
    ];
    for (const [text, pattern] of cases) expect(plain(allMatches(text, pattern))).toEqual(plain(text.matchAll(pattern)));
  });

  it('starts where the pattern stands and leaves it there, as matchAll does', () => {
    const pattern = /\d/g;
    pattern.lastIndex = 2;
    expect(plain(allMatches('1234', pattern))).toEqual(plain('1234'.matchAll(pattern)));
    expect(pattern.lastIndex).toBe(2);
  });

  it('refuses a pattern without the g flag', () => {
    expect(() => allMatches('a', /a/)).toThrow(TypeError);
  });
});

describe('firstMatch', () => {
  it('gives the first match that is accepted and resets the pattern, also when none is', () => {
    const pattern = /\d+/g;
    expect(firstMatch('12 345 6789', pattern, (match) => match[0].length > 2)?.[0]).toBe('345');
    expect(pattern.lastIndex).toBe(0);
    expect(firstMatch('12 345', pattern, () => false)).toBeUndefined();
    expect(pattern.lastIndex).toBe(0);
  });
});
