import { describe, expect, it } from 'vitest';
import { fitTagThresholds } from '../../src/triage/escalation-thresholds.js';
import { readTagModelExamples } from '../../src/triage/escalation-training-data.js';

const { corpus, sentences } = readTagModelExamples();

describe('fitTagThresholds', () => {
  it('fits one threshold per tag inside the allowed range, from held-back sentences only', () => {
    // Small and quick: every eighth mail, the sentences in two folds, a few epochs.
    const fit = fitTagThresholds(
      corpus.filter((_, index) => index % 8 === 0),
      sentences,
      { folds: 2, train: { epochs: 4 } },
    );
    expect(Object.keys(fit.thresholds).sort()).toEqual(
      ['complaint', 'human-requested', 'legal-review', 'refund', 'retention', 'security', 'third-party-data'],
    );
    for (const threshold of Object.values(fit.thresholds)) {
      expect(threshold).toBeGreaterThanOrEqual(0.4);
      expect(threshold).toBeLessThanOrEqual(0.75);
    }
    // Every held-back sentence was scored once: the supports add up to the sentences' tags.
    const support = Object.values(fit.heldBack).reduce((sum, tag) => sum + tag!.support, 0);
    expect(support).toBe(sentences.reduce((sum, sentence) => sum + sentence.tags.length, 0));
  }, 240_000);

  it('respects a narrower range', () => {
    const narrow = fitTagThresholds(corpus.filter((_, index) => index % 16 === 0), sentences.slice(0, 200), {
      folds: 2,
      range: [0.5, 0.5],
      train: { epochs: 3 },
    });
    expect(new Set(Object.values(narrow.thresholds))).toEqual(new Set([0.5]));
  }, 240_000);
});
