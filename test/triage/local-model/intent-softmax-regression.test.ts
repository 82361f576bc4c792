import { describe, expect, it } from 'vitest';
import {
  computeLogits,
  decodeWeights,
  encodeWeights,
  fitTemperature,
  seededRandom,
  softmaxInPlace,
  trainSoftmaxRegression,
} from '../../../src/triage/local-model/intent-softmax-regression.js';
import type { SparseVector } from '../../../src/triage/local-model/text-features.js';

const vector = (entries: [number, number][]): SparseVector => ({
  indices: Int32Array.from(entries, ([index]) => index),
  values: Float64Array.from(entries, ([, value]) => value),
});

describe('seededRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const first = Array.from({ length: 5 }, seededRandom(42));
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(first);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });
});

describe('trainSoftmaxRegression', () => {
  // Feature 0 means class 0, feature 1 class 1, feature 2 class 2; feature 3 is noise on all.
  const vectors = [
    vector([[0, 0.9], [3, 0.4]]), vector([[0, 1]]), vector([[1, 0.9], [3, 0.4]]), vector([[1, 1]]),
    vector([[2, 0.9], [3, 0.4]]), vector([[2, 1]]),
  ];
  const labels = [0, 0, 1, 1, 2, 2];
  const options = { epochs: 200, batchSize: 2, learningRate: 1, l2: 1e-4, seed: 3 };

  it('learns separable classes', () => {
    const model = trainSoftmaxRegression(vectors, labels, 3, 4, options);
    vectors.forEach((input, index) => {
      const probabilities = softmaxInPlace(computeLogits(model, input));
      expect(probabilities[labels[index]!]).toBeGreaterThan(0.8);
    });
  });

  it('shrinks weights harder with a stronger L2 penalty', () => {
    const norm = (weights: Float32Array) => Math.sqrt(weights.reduce((sum, weight) => sum + weight * weight, 0));
    const loose = trainSoftmaxRegression(vectors, labels, 3, 4, options);
    const tight = trainSoftmaxRegression(vectors, labels, 3, 4, { ...options, l2: 0.05 });
    expect(norm(tight.weights)).toBeLessThan(norm(loose.weights) / 2);
  });

  it('refuses labels that do not match the vectors', () => {
    expect(() => trainSoftmaxRegression(vectors, [0], 3, 4, options)).toThrow(RangeError);
    expect(() => trainSoftmaxRegression(vectors, labels, 3, 4, options, [1, 1])).toThrow(RangeError);
  });

  it('lets a heavier example win a conflict between two identical inputs', () => {
    const same = [vector([[0, 1]]), vector([[0, 1]])];
    const towards = (weights: number[]) => softmaxInPlace(computeLogits(trainSoftmaxRegression(same, [0, 1], 2, 1, options, weights), same[0]!));
    expect(towards([3, 1])[0]).toBeGreaterThan(0.7);
    expect(towards([1, 3])[1]).toBeGreaterThan(0.7);
    // Weights of 1 are the unweighted trainer exactly.
    expect(trainSoftmaxRegression(vectors, labels, 3, 4, options, labels.map(() => 1))).toEqual(trainSoftmaxRegression(vectors, labels, 3, 4, options));
  });
});

describe('fitTemperature', () => {
  it('recovers the temperature that generated the labels', () => {
    const random = seededRandom(11);
    const trueTemperature = 2.5;
    const logits: Float64Array[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const row = Float64Array.from({ length: 4 }, () => (random() - 0.5) * 12);
      const probabilities = softmaxInPlace(Float64Array.from(row), trueTemperature);
      let draw = random();
      let label = 0;
      while (label < 3 && draw >= probabilities[label]!) draw -= probabilities[label++]!;
      logits.push(row);
      labels.push(label);
    }
    expect(fitTemperature(logits, labels)).toBeGreaterThan(2.2);
    expect(fitTemperature(logits, labels)).toBeLessThan(2.8);
  });

  it('keeps temperature 1 without examples', () => {
    expect(fitTemperature([], [])).toBe(1);
  });

  it('changes how sure the model is, never which class wins', () => {
    const row = Float64Array.from([2, 1, 0.5]);
    const sharp = softmaxInPlace(Float64Array.from(row), 0.5);
    const soft = softmaxInPlace(Float64Array.from(row), 2);
    expect(sharp[0]).toBeGreaterThan(soft[0]!);
    expect(sharp.indexOf(Math.max(...sharp))).toBe(soft.indexOf(Math.max(...soft)));
  });
});

describe('encodeWeights / decodeWeights', () => {
  it('give back exactly the float32 weights, and refuse bytes of another count', () => {
    const weights = Float32Array.from([0, -1.5, 3.25e-7, 1e30, Number.MIN_VALUE]);
    const decoded = decodeWeights(encodeWeights(weights), weights.length);
    expect(decoded && [...decoded]).toEqual([...weights]);
    expect(decodeWeights(encodeWeights(weights), weights.length + 1)).toBeUndefined();
  });
});
