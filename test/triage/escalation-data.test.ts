/**
 * The tag sentences (training) and the escalation dev set written apart: sizes the brief asks for,
 * and kept apart from each other and from the corpus's held-out mail.
 */
import { describe, expect, it } from 'vitest';
import { TEXT_ESCALATION_TAGS } from '../../src/triage/escalation-tags.js';
import { defaultEscalationDevPath, escalationVoicesPath, readEscalationTrainingTexts, readTaggedTexts } from '../../src/triage/escalation-training-data.js';
import { readHeldOutExamples, readTrainingExamples } from '../../src/triage/local-model/intent-training-data.js';
import { splitSentences } from '../../src/triage/escalation-model.js';

const sentences = readEscalationTrainingTexts();
const apart = readTaggedTexts(defaultEscalationDevPath);
const voices = readTaggedTexts(escalationVoicesPath);
const dev = [...apart, ...voices];
const partsOf = (text: string) => [text, ...splitSentences(text)].map((part) => part.toLowerCase().trim());

describe('escalation tag data', () => {
  it.each([
    ['training sentences', sentences, 40, 150],
    ['dev set written apart', apart, 25, 100],
    ['second dev set, eight languages', voices, 25, 80],
  ] as const)('%s: at least %i per tag and %i without a tag', (_, rows, perTag, negatives) => {
    for (const tag of TEXT_ESCALATION_TAGS) expect(rows.filter((row) => row.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(perTag);
    expect(rows.filter((row) => row.tags.length === 0).length).toBeGreaterThanOrEqual(negatives);
  });

  it('no dev text or sentence is a training text or sentence', () => {
    const training = new Set(sentences.flatMap((row) => partsOf(row.text)));
    const shared = dev.flatMap((row) => partsOf(row.text)).filter((part) => training.has(part));
    expect(shared).toEqual([]);
  });

  it('the tag sentences hold no sentence of the held-out inbox mail, and the intent reader does not see them', () => {
    const heldOut = new Set(readHeldOutExamples().flatMap((row) => partsOf(row.text)));
    expect(sentences.flatMap((row) => partsOf(row.text)).filter((part) => heldOut.has(part))).toEqual([]);
    const intentTexts = new Set(readTrainingExamples().map((row) => row.text));
    expect(sentences.some((row) => intentTexts.has(row.text))).toBe(false);
  });
});
