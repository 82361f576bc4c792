/**
 * The tag sentences (training) and the escalation dev set written apart: sizes the brief asks for,
 * and kept apart from each other and from the corpus's held-out mail.
 */
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_ESCALATION_TAGS } from '../../src/triage/escalation-tags.js';
import {
  defaultEscalationDevPath,
  defaultEscalationSituationsDevPath,
  escalationVoicesPath,
  readEscalationTrainingTexts,
  readTaggedTexts,
} from '../../src/triage/escalation-training-data.js';
import { readHeldOutExamples, readTrainingExamples } from '../../src/triage/local-model/intent-training-data.js';
import { splitSentences } from '../../src/triage/escalation-model.js';

const sentences = readEscalationTrainingTexts();
const apart = readTaggedTexts(defaultEscalationDevPath);
const voices = readTaggedTexts(escalationVoicesPath);
const situationsDev = readTaggedTexts(defaultEscalationSituationsDevPath);
const dev = [...apart, ...voices];
const partsOf = (text: string) => [text, ...splitSentences(text)].map((part) => part.toLowerCase().trim());
const tokensOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}£€$']+/gu) ?? []);
function jaccard(left: Set<string>, right: Set<string>): number {
  let shared = 0;
  for (const token of left) if (right.has(token)) shared++;
  return shared / (left.size + right.size - shared);
}

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

  it('the situations dev set (written first) has its size, and no training line is a near copy of one of its lines or of the check sets written last', () => {
    expect(situationsDev.length).toBeGreaterThanOrEqual(150);
    const negatives = situationsDev.filter((row) => row.tags.length === 0).length;
    expect(negatives / situationsDev.length).toBeGreaterThanOrEqual(0.35);
    for (const tag of ['security', 'refund', 'complaint'] as const) {
      expect(situationsDev.filter((row) => row.tags.includes(tag)).length, tag).toBeGreaterThanOrEqual(20);
    }
    const checkSets = ['escalation-situations-last.jsonl', 'escalation-situations-last-2.jsonl'].flatMap((name) =>
      readTaggedTexts(join(dirname(defaultEscalationSituationsDevPath), name)),
    );
    const devLines = [...situationsDev, ...checkSets].map((row) => tokensOf(row.text));
    const nearCopies = sentences.filter((row) => devLines.some((devTokens) => jaccard(tokensOf(row.text), devTokens) > 0.75));
    expect(nearCopies.map((row) => row.text)).toEqual([]);
  });
});
