import { describe, expect, it } from 'vitest';
import { TrainingFingerprint, canarySample } from '../../../src/triage/local-model/training-fingerprint.js';

describe('TrainingFingerprint', () => {
  it('does not run parts together: ("ab", "c") and ("a", "bc") differ', () => {
    expect(new TrainingFingerprint('k').text('ab').text('c').digest()).not.toBe(new TrainingFingerprint('k').text('a').text('bc').digest());
  });

  it('reads a vector by its indices and values', () => {
    const print = (indices: number[], values: number[]) =>
      new TrainingFingerprint('k').vector({ indices: Int32Array.from(indices), values: Float64Array.from(values) }).digest();
    expect(print([1, 2], [0.5, 0.5])).toBe(print([1, 2], [0.5, 0.5]));
    expect(print([1, 2], [0.5, 0.5])).not.toBe(print([1, 3], [0.5, 0.5]));
    expect(print([1, 2], [0.5, 0.5])).not.toBe(print([1, 2], [0.5, 0.25]));
  });

  it('reads a vector that is a view into a larger buffer by its own bytes only', () => {
    const indices = Int32Array.from([9, 1, 2, 9]).subarray(1, 3);
    const values = Float64Array.from([7, 0.5, 0.5, 7]).subarray(1, 3);
    const whole = new TrainingFingerprint('k').vector({ indices: Int32Array.from([1, 2]), values: Float64Array.from([0.5, 0.5]) }).digest();
    expect(new TrainingFingerprint('k').vector({ indices, values }).digest()).toBe(whole);
  });

  it('names what it fingerprints: the same parts of another model differ', () => {
    expect(new TrainingFingerprint('a').text('x').digest()).not.toBe(new TrainingFingerprint('b').text('x').digest());
  });
});

describe('canarySample', () => {
  it('takes every n-th example from the first, the same each time', () => {
    const examples = Array.from({ length: 1000 }, (_, index) => index);
    expect(canarySample(examples, 4)).toEqual([0, 250, 500, 750]);
    expect(canarySample(examples, 4)).toEqual(canarySample(examples, 4));
  });

  it('keeps a corpus smaller than the sample whole', () => {
    expect(canarySample([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
});
