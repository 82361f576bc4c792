/**
 * The open-question model's reading as a second piece of evidence on the classifier's certainty:
 * mail reviewers send as it is lifts a fairly sure classifier over the auto-send threshold, in the
 * pipeline's independent estimate and in the local model's claim alike.
 */
import { describe, expect, it } from 'vitest';
import { loadDefaultIntentClassifier } from '../../src/triage/local-model/intent-classifier.js';
import { LocalChatModel } from '../../src/triage/local-model/local-chat-model.js';
import { classifyRequest } from '../../src/triage/local-model/request-classification.js';
import { MIN_LIFTED_CONFIDENCE, OpenQuestionModel, liftConfidence } from '../../src/triage/open-question-model.js';
import { buildSession, triageTicket } from '../../src/triage/pipeline.js';
import { ticket, triageDeps } from './triage-fixtures.js';

describe('liftConfidence', () => {
  it('raises a fairly sure classifier when the mail reads much less open than the training share', () => {
    expect(liftConfidence(0.7, 0.04, 0.17)).toBeGreaterThanOrEqual(0.9);
    expect(liftConfidence(0.85, 0.1, 0.17)).toBeGreaterThanOrEqual(0.9);
    expect(liftConfidence(0.7, 0.1, 0.17)).toBeLessThan(0.9);
    // From the floor up, a mail that reads hardly open at all: measured down to 0.5.
    expect(liftConfidence(0.55, 0.01, 0.17)).toBeGreaterThanOrEqual(0.9);
    expect(liftConfidence(0.55, 0.05, 0.17)).toBeLessThan(0.9);
  });

  it('never lowers, and leaves alone a classifier below the floor, a mail as open as usual or more, and a sure answer', () => {
    expect(liftConfidence(MIN_LIFTED_CONFIDENCE - 0.01, 0.001, 0.17)).toBe(MIN_LIFTED_CONFIDENCE - 0.01);
    expect(liftConfidence(0.8, 0.17, 0.17)).toBe(0.8);
    expect(liftConfidence(0.8, 0.9, 0.17)).toBe(0.8);
    expect(liftConfidence(1, 0.001, 0.17)).toBe(1);
    expect(liftConfidence(0.8, 0.01, 0)).toBe(0.8);
    for (const p of [0.001, 0.01, 0.05, 0.1, 0.16]) expect(liftConfidence(0.8, p, 0.17)).toBeGreaterThanOrEqual(0.8);
  });

  it('lifts more the less open the mail reads', () => {
    expect(liftConfidence(0.8, 0.01, 0.17)).toBeGreaterThan(liftConfidence(0.8, 0.05, 0.17));
  });
});

describe('the lift in a triage', () => {
  const text = "my card expired, how do i put the new one in so pro doesn't stop?";
  // A small model that has seen reviewers send this kind of mail and answer another kind themselves.
  const reviewers = OpenQuestionModel.train([
    ...Array.from({ length: 20 }, (_, i) => ({ text: `\nmy card expired ${i}, how do i put the new one in so pro doesn't stop?`, decision: 'sent' as const })),
    ...Array.from({ length: 20 }, (_, i) => ({ text: `\ndoes saturday count as a business day ${i}?`, decision: 'drafted' as const })),
  ]);
  const classifier = loadDefaultIntentClassifier();

  it('the classifier alone is fairly sure, not sure enough (if the classifier changes, pick another text)', () => {
    const certainty = classifyRequest(classifier, `\n${text}`).ranked[0]!.probability;
    expect(certainty).toBeGreaterThanOrEqual(MIN_LIFTED_CONFIDENCE);
    expect(certainty).toBeLessThan(0.9);
  });

  it('the independent estimate is lifted and says from what; without the model it is not', () => {
    const lifted = buildSession(ticket(text), triageDeps({ openQuestions: reviewers }));
    const plain = buildSession(ticket(text), triageDeps({ openQuestions: null }));
    expect(plain.independent.liftedFrom).toBeUndefined();
    expect(lifted.independent.liftedFrom).toBeCloseTo(plain.independent.confidence, 3);
    expect(lifted.independent.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('sent with the model in the pipeline and the local model, drafted below the threshold without it', async () => {
    const withModel = triageDeps({ openQuestions: reviewers, model: new LocalChatModel({ classifier, autoSendThreshold: 0.9, openQuestions: reviewers }) });
    const sent = await triageTicket(ticket(text), withModel);
    expect(sent.outcome.decision).toBe('sent');
    expect(sent.outcome.reasons.join(' ')).toMatch(/lifted as reviewers sent mail like this \(open-question model 0\.\d\d\)/);

    const without = triageDeps({ openQuestions: null, model: new LocalChatModel({ classifier, autoSendThreshold: 0.9, openQuestions: null }) });
    const drafted = await triageTicket(ticket(text), without);
    expect(drafted.outcome.decision).toBe('drafted');
    expect(drafted.outcome.reasons.join(' ')).toMatch(/below the auto-send threshold|below 0\.9/);
  });
});

describe('the open-question reading within a ticket', () => {
  it('is computed once per text inside a ticket and every time outside one, with the same result', async () => {
    const { withTicketMemo } = await import('../../src/triage/ticket-memo.js');
    const model = OpenQuestionModel.train([
      { text: 'where is my parcel', decision: 'sent' },
      { text: 'does saturday count as a business day', decision: 'drafted' },
    ]);
    let vectorised = 0;
    const vocabulary = (model as unknown as { vocabulary: { vectorise: (text: string) => unknown } }).vocabulary;
    const original = vocabulary.vectorise.bind(vocabulary);
    vocabulary.vectorise = (text: string) => {
      vectorised += 1;
      return original(text);
    };
    const outside = [model.probability('does saturday count?'), model.probability('does saturday count?')];
    expect(vectorised).toBe(2);
    const inside = withTicketMemo(() => [model.probability('does saturday count?'), model.probability('does saturday count?')]);
    expect(vectorised).toBe(3);
    expect(inside).toEqual(outside);
  });
});
