import { describe, expect, it } from 'vitest';
import { WordNaiveBayes, wordFeatures } from '../../../src/triage/local-model/word-naive-bayes.js';

const texts = [
  'where is my parcel',
  'my parcel has not arrived',
  'track my parcel please',
  'I forgot my password',
  'reset my password please',
  'password reset link',
];
const labels = [0, 0, 0, 1, 1, 1];

describe('wordFeatures', () => {
  it('gives the words and the adjacent word pairs, numbers folded', () => {
    expect(wordFeatures('Where is order 4471902')).toEqual(['where', 'is', 'order', '<num>', 'where is', 'is order', 'order <num>']);
  });
});

describe('WordNaiveBayes', () => {
  const model = WordNaiveBayes.train(texts, labels, 2, { minDocumentFrequency: 1 });

  it('picks the class whose words a text shares', () => {
    expect(model.predictIndex('has my parcel arrived')).toBe(0);
    expect(model.predictIndex('new password please')).toBe(1);
  });

  it('keeps only words seen in enough texts', () => {
    const pruned = WordNaiveBayes.train(texts, labels, 2, { minDocumentFrequency: 2 });
    expect(pruned.toJSON().terms).toEqual(['my', 'my parcel', 'my password', 'parcel', 'password', 'please', 'reset']);
  });

  it('round-trips through JSON and rejects counts that do not fit', () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()));
    const restored = WordNaiveBayes.fromJSON(json);
    for (const text of ['where is it', 'password', '']) expect(restored.predictIndex(text)).toBe(model.predictIndex(text));
    expect(() => WordNaiveBayes.fromJSON({ ...json, counts: json.counts.slice(1) })).toThrow(TypeError);
    expect(() => WordNaiveBayes.fromJSON({ ...json, counts: json.counts.map(() => [5, 1]) })).toThrow(/class/);
  });
});
