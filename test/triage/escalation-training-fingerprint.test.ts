import { describe, expect, it } from 'vitest';
import type { TaggedText } from '../../src/triage/escalation-model.js';
import { tagTrainingFingerprint } from '../../src/triage/escalation-training-fingerprint.js';
import { readTagModelExamples } from '../../src/triage/escalation-training-data.js';

const { corpus, sentences } = readTagModelExamples();
// Small enough to fingerprint in a moment, with every tag in both parts.
const mail = corpus.filter((_, index) => index % 40 === 0);
const held = sentences.filter((_, index) => index % 8 === 0);

describe('tagTrainingFingerprint', () => {
  const printed = tagTrainingFingerprint(mail, held);

  it('is the same for the same examples', () => {
    expect(tagTrainingFingerprint(mail.map((example) => ({ ...example })), [...held])).toBe(printed);
  });

  it('changes with a word or a tag of one example', () => {
    const reworded: TaggedText[] = mail.map((example, index) => (index === 3 ? { ...example, text: `${example.text} today` } : example));
    const retagged: TaggedText[] = held.map((example, index) => (index === 3 ? { ...example, tags: example.tags.length > 0 ? [] : ['refund'] } : example));
    expect(tagTrainingFingerprint(reworded, held)).not.toBe(printed);
    expect(tagTrainingFingerprint(mail, retagged)).not.toBe(printed);
  });

  it('tells mail always trained on from sentences held back for the thresholds', () => {
    // The same texts split differently fit other thresholds.
    expect(tagTrainingFingerprint([...mail, held[0]!], held.slice(1))).not.toBe(printed);
  });
});
