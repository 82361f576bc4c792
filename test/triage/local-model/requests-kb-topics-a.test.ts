/**
 * The KB-topic questions of list "a" (warranty, student pricing, gift cards, saved cards, VAT): the
 * training file and the dev set typed before it, guarded as requests-mail-voices.jsonl is.
 */
import { describe, expect, it } from 'vitest';
import { expectWrittenApart } from './written-apart.js';
import { ACCOUNT_BOUND_INTENTS, GENERAL_QUESTION_INTENTS, needsAccountData } from '../../../src/triage/account-bound-intents.js';
import {
  defaultRequestsKbTopicsAPath,
  defaultRequestsMailVoicesPath,
  readHeldOutExamples,
  readTrainingExamples,
} from '../../../src/triage/local-model/intent-training-data.js';

describe('KB-topic questions, list a (requests-kb-topics-a.jsonl), and the dev set written before it', () => {
  const training = readTrainingExamples();
  const kbTopics = training.filter((example) => example.group === 'requests-kb-topics-a.jsonl');
  const dev = readHeldOutExamples(defaultRequestsKbTopicsAPath);
  const count = (rows: { intent: string }[]) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.intent, (counts.get(row.intent) ?? 0) + 1);
    return Object.fromEntries([...counts].sort(([left], [right]) => left.localeCompare(right)));
  };

  it('give each topic 55 or more mails (the two new intents 70, as every intent has), the dev set 15 per topic, and repeat none', () => {
    // check_payment_methods holds two topics: gift cards and changing a saved card.
    const trainingCounts = count(kbTopics);
    expect(Object.keys(trainingCounts)).toEqual(['check_invoice', 'check_payment_methods', 'student_discount', 'warranty']);
    expect(trainingCounts.check_invoice).toBeGreaterThanOrEqual(55);
    expect(trainingCounts.check_payment_methods).toBeGreaterThanOrEqual(110);
    expect(trainingCounts.student_discount).toBeGreaterThanOrEqual(70);
    expect(trainingCounts.warranty).toBeGreaterThanOrEqual(70);
    expect(count(dev)).toEqual({ check_invoice: 15, check_payment_methods: 30, student_discount: 15, warranty: 15 });
    for (const rows of [kbTopics, dev]) {
      const texts = rows.map((row) => row.text.toLowerCase());
      expect(texts.length - new Set(texts).size).toBe(0);
    }
  });

  it('keep the new intents to these questions: no other hand-written training file carries warranty or student_discount', () => {
    // The labelled inbox sets (inbox-dev-sets.jsonl) were written after the intents existed and name them on purpose.
    const elsewhere = training.filter(
      (example) =>
        (example.intent === 'warranty' || example.intent === 'student_discount') &&
        example.group !== 'requests-kb-topics-a.jsonl' &&
        example.group !== 'inbox-dev-sets.jsonl',
    );
    expect(elsewhere.map((example) => example.group)).toEqual([]);
  });

  it('share no text: no dev mail is a training text or more than 0.75 similar to one, nor more than 0.5 to a line of its training file', () => {
    expectWrittenApart(dev, training, kbTopics);
  }, 60_000);
});

describe('the two new intents in the pipeline', () => {
  it('are general questions: no account data needed unless the mail is about an order of the sender\'s', () => {
    for (const intent of ['warranty', 'student_discount']) {
      expect(GENERAL_QUESTION_INTENTS.has(intent) && !ACCOUNT_BOUND_INTENTS.has(intent), intent).toBe(true);
    }
    expect(needsAccountData('warranty', 'How long is the guarantee on your kettles?')).toBe(false);
    expect(needsAccountData('student_discount', 'Do students get cheaper prices?')).toBe(false);
    expect(needsAccountData('warranty', 'Is the kettle I ordered in March still under warranty?')).toBe(true);
  });
});

describe('one label for changing a saved card', () => {
  it('is check_payment_methods in every English file, training and held out: no saved-card question is edit_account', () => {
    const savedCard = /\bsaved (?:card|visa|mastercard|payment methods?)\b|\bcard (?:on file|saved)\b|\b(?:old|new) (?:card|paypal|mastercard)\b/i;
    const rows = [...readTrainingExamples(), ...readHeldOutExamples(defaultRequestsMailVoicesPath), ...readHeldOutExamples(defaultRequestsKbTopicsAPath)];
    const english = rows.filter((row) => row.lang === undefined && row.tags === undefined);
    // A mail that changes a phone number or an address along with the card is an account edit.
    const otherDetail = /\b(?:phone|address|name|e-?mail)\b/i;
    const split = english.filter((row) => row.intent === 'edit_account' && savedCard.test(row.text) && !otherDetail.test(row.text));
    expect(split.map((row) => row.text)).toEqual([]);
  });
});
