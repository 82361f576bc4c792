/**
 * The work meter the growth tests count with (support/work-meter.ts): deterministic, about 4x for
 * linear code on 4x the input, about 16x for code that rescans from each position, so a quadratic
 * regression fails the growth tests' bound of 6. And what it cannot see, stated as a test.
 */
import { describe, expect, it } from 'vitest';
import { growthOf, measureWork, repeatTo } from './support/work-meter.js';

const MAX_GROWTH = 6;
const PEM_START = '-----BEGIN PRIVATE KEY-----\n';

/** Linear: one global regex over the text, PEM blocks found with indexOf from the last one. */
function linearScan(text: string): number {
  let found = [...text.matchAll(/\d+/g)].length;
  for (let at = text.indexOf(PEM_START); at >= 0; at = text.indexOf(PEM_START, at + PEM_START.length)) found += 1;
  return found;
}

/** Quadratic on purpose: the regex run again on every suffix, as a careless "find from here" loop does. */
function regexOnEverySuffix(text: string): number {
  let found = 0;
  for (let at = 0; at < text.length; at += 1) if (/x/.test(text.slice(at))) found += 1;
  return found;
}

/** Quadratic on purpose: the end of every BEGIN line searched to the end of the text (the old lazy PEM scan). */
function endSearchedFromEveryStart(text: string): number {
  let found = 0;
  for (let at = text.indexOf(PEM_START); at >= 0; at = text.indexOf(PEM_START, at + 1)) {
    if (text.indexOf('-----END', at) >= 0) found += 1;
  }
  return found;
}

describe('the work meter', () => {
  it('counts the same work on every run: nothing depends on the machine', () => {
    const text = repeatTo('a1 ', 4000);
    expect(measureWork(() => linearScan(text))).toEqual(measureWork(() => linearScan(text)));
  });

  it('charges linear code about 4x for 4x the input', () => {
    for (const unit of ['a1 ', PEM_START]) {
      const { growth } = growthOf(linearScan, repeatTo(unit, 4000), repeatTo(unit, 16_000));
      expect(growth).toBeGreaterThan(3.5);
      expect(growth).toBeLessThan(4.5);
    }
    // split runs a sticky regex at every position: charged one character each, not the rest of the text.
    expect(growthOf((text) => text.split(/,/), repeatTo('a', 4000), repeatTo('a', 16_000)).growth).toBeLessThan(4.5);
  });

  it('fails the growth bound on a deliberately quadratic variant of each kind', () => {
    expect(growthOf(regexOnEverySuffix, repeatTo('a', 1000), repeatTo('a', 4000)).growth).toBeGreaterThan(MAX_GROWTH * 2);
    expect(growthOf(endSearchedFromEveryStart, repeatTo(PEM_START, 4000), repeatTo(PEM_START, 16_000)).growth).toBeGreaterThan(MAX_GROWTH * 2);
  });

  it('cannot see backtracking inside one regex execution: it is charged the span only', () => {
    // `<\s*\/?\s*x` backtracks over the whole run of spaces (quadratic time), yet it is one scan
    // of the text. This class is kept out by review (docs/scrubbing.md), not by these counts.
    const text = `<${' '.repeat(2000)}`;
    expect(measureWork(() => /<\s*\/?\s*x/.exec(text))).toEqual({ characters: text.length, scans: 1 });
  });

  it('restores RegExp and String when the measured code throws', () => {
    const exec = RegExp.prototype.exec;
    expect(() =>
      measureWork(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(RegExp.prototype.exec).toBe(exec);
  });
});
