import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLabelledCsv } from '../../../src/triage/local-model/intent-evaluation.js';
import { findNearDuplicates, jaccardSimilarity } from '../../../src/triage/local-model/intent-near-duplicates.js';
import { defaultRequestsKbTopicsBPath } from '../../../src/triage/local-model/intent-training-data.js';
import {
  defaultOneLinersPath,
  defaultRequestsApartPath,
  defaultRequestsKbTopicsAPath,
  defaultRequestsMailVoicesPath,
  defaultRequestsVoicesPath,
  readHeldOutExamples,
  readTrainingExamples,
} from '../../../src/triage/local-model/intent-training-data.js';

const bitextPath = fileURLToPath(new URL('../../../../shared/data/bitext-support-intents.csv', import.meta.url));

describe('near-duplicate check', () => {
  it('measures token-set Jaccard with numbers folded', () => {
    expect(jaccardSimilarity(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(jaccardSimilarity(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3, 12);
    const found = findNearDuplicates(['Where is order A1001 now?', 'cancel it'], ['where is order 5521 now', 'something else entirely']);
    expect(found).toEqual([{ text: 'Where is order A1001 now?', reference: 'where is order 5521 now', similarity: 1 }]);
  });

  it('keeps texts at or under the threshold', () => {
    // 4 shared of 5 distinct tokens: 0.8, not above it.
    expect(findNearDuplicates(['a b c d e'], ['a b c d'], 0.8)).toEqual([]);
    expect(findNearDuplicates(['a b c d e'], ['a b c d'], 0.79)).toHaveLength(1);
  });
});

// The CSV is read here only to compare: no training text may equal or nearly equal a Bitext request.
describe.skipIf(!existsSync(bitextPath))('the training and held-out mail against the Bitext evaluation set', () => {
  it('share no text with more than 0.8 token Jaccard similarity', () => {
    const bitext = readLabelledCsv(bitextPath).map((row) => row.text);
    const ours = [
      ...readTrainingExamples(),
      ...readHeldOutExamples(),
      ...readHeldOutExamples(defaultRequestsKbTopicsBPath),
      ...readHeldOutExamples(defaultOneLinersPath),
      ...readHeldOutExamples(defaultRequestsApartPath),
      ...readHeldOutExamples(defaultRequestsVoicesPath),
      ...readHeldOutExamples(defaultRequestsMailVoicesPath),
      ...readHeldOutExamples(defaultRequestsKbTopicsAPath),
    ].map((example) => example.text);
    expect(findNearDuplicates(ours, bitext, 0.8).map((found) => found.text)).toEqual([]);
  }, 60_000);
});
