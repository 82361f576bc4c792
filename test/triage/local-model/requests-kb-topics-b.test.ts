import { describe, expect, it } from 'vitest';
import { expectWrittenApart } from './written-apart.js';
import {
  defaultRequestsKbTopicsBPath,
  readHeldOutExamples,
  readTrainingExamples,
} from '../../../src/triage/local-model/intent-training-data.js';

// Guarded like requests-mail-voices.jsonl (intent-training-data.test.ts); in a file of its own so
// that the other KB-topic half can add its guard beside it without touching this one.
describe('general questions the KB answers (requests-kb-topics-b.jsonl) and the dev set written before it', () => {
  const training = readTrainingExamples().filter((example) => example.group === 'requests-kb-topics-b.jsonl');
  const dev = readHeldOutExamples(defaultRequestsKbTopicsBPath);
  const count = (rows: { intent: string }[]) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.intent, (counts.get(row.intent) ?? 0) + 1);
    return counts;
  };
  const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

  it('label every line with an intent of its topics: 15 dev mails and 55-65 training mails per topic (two topics share place_order, two delivery_options)', () => {
    // billing dates -> check_invoice; upgrading -> switch_account; customs and countries shipped to ->
    // delivery_options; sold out and a missing confirmation -> place_order.
    // One dev line about countries asks only how long a parcel takes to the US: delivery_period, as the
    // other sets label shipping times (corrected after reading the errors; docs/classifier.md).
    expect(Object.fromEntries([...count(dev)].sort())).toEqual({
      check_invoice: 15,
      delivery_options: 29,
      delivery_period: 1,
      place_order: 30,
      switch_account: 15,
    });
    const trainingCounts = count(training);
    expect([...trainingCounts.keys()].sort()).toEqual(['check_invoice', 'delivery_options', 'place_order', 'switch_account']);
    const perTopic = new Map([
      ['check_invoice', 1],
      ['switch_account', 1],
      ['delivery_options', 2],
      ['place_order', 2],
    ]);
    for (const [intent, total] of trainingCounts) {
      expect(total, intent).toBeGreaterThanOrEqual(55 * perTopic.get(intent)!);
      expect(total, intent).toBeLessThanOrEqual(65 * perTopic.get(intent)!);
    }
  });

  it('repeat no line within either file, and no training line is a line of another training file', () => {
    for (const rows of [training, dev]) {
      const texts = rows.map((row) => normalise(row.text));
      expect(texts.length - new Set(texts).size).toBe(0);
    }
    const elsewhere = new Set(
      readTrainingExamples()
        .filter((example) => example.group !== 'requests-kb-topics-b.jsonl')
        .map((example) => normalise(example.text)),
    );
    expect(training.filter((example) => elsewhere.has(normalise(example.text))).map((example) => example.text)).toEqual([]);
  });

  it('share no text: no dev mail is a training text or more than 0.75 similar to one, nor more than 0.5 to a line of its training file', () => {
    expectWrittenApart(dev, readTrainingExamples(), training);
  }, 60_000);
});
