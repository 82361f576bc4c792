/**
 * Each factor of the local model's confidence claim, alone and together: what each constant
 * promises in its comment (the console's bands are low < 0.6 <= medium < 0.9 <= high).
 */
import { describe, expect, it } from 'vitest';
import {
  localConfidence,
  NO_INTENT_ARTICLE_FACTOR,
  NO_INTENT_CONFIDENCE_CAP,
  UNVERIFIED_CUSTOMER_FACTOR,
} from '../../../src/triage/local-model/local-confidence.js';

const sure = { classifierConfidence: 1, intent: 'recover_password', hasIntentArticle: true, customerVerified: true };

describe('localConfidence', () => {
  it('is the classifier confidence, rounded to three decimals, when nothing let the reply down', () => {
    expect(localConfidence(sure)).toBe(1);
    expect(localConfidence({ ...sure, classifierConfidence: 0.912345 })).toBe(0.912);
  });

  it('halves without an article of the intent: a sure classifier lands in the low band', () => {
    expect(NO_INTENT_ARTICLE_FACTOR).toBe(0.5);
    expect(localConfidence({ ...sure, hasIntentArticle: false })).toBe(0.5);
    expect(localConfidence({ ...sure, classifierConfidence: 0.8, hasIntentArticle: false })).toBe(0.4);
  });

  it('takes 30% off without a verified customer: a sure classifier stays medium, below the default threshold', () => {
    expect(UNVERIFIED_CUSTOMER_FACTOR).toBe(0.7);
    const claim = localConfidence({ ...sure, customerVerified: false });
    expect(claim).toBe(0.7);
    expect(claim).toBeGreaterThanOrEqual(0.6);
    expect(claim).toBeLessThan(0.9);
  });

  it('applies both discounts together (0.35 for a sure classifier)', () => {
    expect(localConfidence({ ...sure, hasIntentArticle: false, customerVerified: false })).toBe(0.35);
  });

  it('caps a prediction of no known intent below what both discounts leave', () => {
    expect(NO_INTENT_CONFIDENCE_CAP).toBe(0.3);
    expect(localConfidence({ ...sure, intent: 'other' })).toBe(0.3);
    expect(localConfidence({ ...sure, intent: 'other', hasIntentArticle: false, customerVerified: false })).toBe(0.3);
    // A cap, not a floor: a weaker claim stays as it is.
    expect(localConfidence({ ...sure, intent: 'other', classifierConfidence: 0.2 })).toBe(0.2);
  });
});
