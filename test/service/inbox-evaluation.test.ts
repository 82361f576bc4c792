import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/service/config.js';
import { InputError } from '../../src/service/errors.js';
import {
  evaluateInbox,
  formatInboxReport,
  pairResults,
  parseLabelledEvalSet,
  scoreInbox,
  type ScoredTicket,
} from '../../src/service/inbox-evaluation.js';
import { createTriageRuntime } from '../../src/service/triage-runtime.js';

// Five tickets whose scores are worked out by hand below.
const tickets: ScoredTicket[] = [
  // All right.
  { id: 't1', groups: { class: 'easy' }, expect: { intent: 'a', decision: 'sent', tags: [] }, outcome: { intent: 'a', decision: 'sent', tags: [] } },
  // Wrong intent, sent instead of drafted (unsafe), refund missed.
  { id: 't2', groups: { class: 'refund' }, expect: { intent: 'b', decision: 'drafted', tags: ['refund'] }, outcome: { intent: 'c', decision: 'sent', tags: [] } },
  // Right decision, refund and language found, complaint missed.
  {
    id: 't3',
    groups: { class: 'refund' },
    expect: { decision: 'drafted', tags: ['refund', 'complaint', 'language-de'] },
    outcome: { intent: 'x', decision: 'drafted', tags: ['language-de', 'refund'] },
  },
  // An easy ticket drafted with a complaint tag it should not have.
  { id: 't4', groups: { class: 'easy' }, expect: { decision: 'sent', tags: [] }, outcome: { intent: 'y', decision: 'drafted', tags: ['complaint'] } },
  // No decision and no tags expected: its retention tag is neither right nor wrong.
  { id: 't5', groups: {}, expect: { intent: 'd' }, outcome: { intent: 'd', decision: 'sent', tags: ['retention'] } },
];

describe('scoreInbox', () => {
  const report = scoreInbox(tickets, ['class']);

  it('scores intent, decision, easy sends and unsafe sends only on the lines that expect them', () => {
    expect(report.tickets).toBe(5);
    expect(report.intent).toEqual({ labelled: 3, correct: 2, value: 0.6667 });
    expect(report.decision).toEqual({ labelled: 4, correct: 2, value: 0.5 });
    expect(report.easySent).toEqual({ labelled: 2, correct: 1, value: 0.5 });
    expect(report.unsafeSends).toEqual(['t2']);
    expect(report.tagSets).toEqual({ labelled: 4, correct: 1, value: 0.25 });
  });

  it('gives per-tag precision and recall, macro and micro, with and without the language tags', () => {
    expect(report.tags.perTag).toEqual([
      { tag: 'complaint', expected: 1, predicted: 1, truePositives: 0, precision: 0, recall: 0 },
      { tag: 'language-de', expected: 1, predicted: 1, truePositives: 1, precision: 1, recall: 1 },
      { tag: 'refund', expected: 2, predicted: 1, truePositives: 1, precision: 1, recall: 0.5 },
    ]);
    expect(report.tags.macro).toEqual({ precision: 0.6667, recall: 0.5 });
    expect(report.tags.micro).toEqual({ precision: 0.6667, recall: 0.5 });
    expect(report.tags.escalation.macro).toEqual({ precision: 0.5, recall: 0.25 });
    expect(report.tags.escalation.micro).toEqual({ precision: 0.5, recall: 0.3333 });
  });

  it('scores each group on its own, a never-given expected tag counting as precision 0', () => {
    const { easy, refund, '(none)': none } = report.breakdowns.class!;
    expect(easy!.decision.value).toBe(0.5);
    expect(easy!.easySent.value).toBe(0.5);
    // Only a wrong complaint tag: precision 0, and no tag to recall.
    expect(easy!.tags.macro).toEqual({ precision: 0, recall: null });
    expect(refund!.intent).toEqual({ labelled: 1, correct: 0, value: 0 });
    expect(refund!.easySent.value).toBeNull();
    expect(refund!.unsafeSends).toEqual(['t2']);
    // complaint expected once, never given (precision counted 0, recall 0); language-de 1 and 1; refund 1 and 0.5.
    expect(refund!.tags.macro).toEqual({ precision: 0.6667, recall: 0.5 });
    expect(none!.tickets).toBe(1);
    expect(none!.decision.value).toBeNull();
  });

  it('prints the headline numbers and a row per group', () => {
    const text = formatInboxReport(report);
    expect(text).toContain('unsafe sends        1: t2');
    expect(text).toContain('easy sent           50.0% (1/2)');
    expect(text).toMatch(/^ {2}refund +2 +0\.0% +50\.0% +n\/a +1 +66\.7% +50\.0%$/m);
  });
});

describe('parseLabelledEvalSet', () => {
  it('keeps the eval fields for triage and the other string fields as groups', () => {
    const lines = parseLabelledEvalSet(
      [
        '{"id":"a","text":"hi","email":"ada@example.com","class":"easy","lang":"en","expect":{"decision":"sent"}}',
        '',
        '{"id":"b","text":"hallo","class":"language","weight":2}',
      ].join('\n'),
    );
    expect(lines).toEqual([
      { line: { id: 'a', text: 'hi', email: 'ada@example.com', expect: { decision: 'sent' } }, groups: { class: 'easy', lang: 'en' } },
      { line: { id: 'b', text: 'hallo' }, groups: { class: 'language' } },
    ]);
  });

  it("checks the eval fields with the canary's own rules and names the file's line", () => {
    expect(() => parseLabelledEvalSet('{"id":"a","text":"x"}\n\n{"id":"a","text":"y"}', 'set.jsonl')).toThrow(/set\.jsonl line 3: duplicate id "a"/);
    expect(() => parseLabelledEvalSet('{"id":"a","text":"x","expect":{"decision":"maybe"}}')).toThrow(InputError);
    expect(() => parseLabelledEvalSet('not json')).toThrow(/line 1: not valid JSON/);
  });

  it('refuses to score a run that lost a line', () => {
    const lines = parseLabelledEvalSet('{"id":"a","text":"x"}');
    expect(() => pairResults(lines, [])).toThrow(/no result for eval line "a"/);
  });
});

describe('evaluateInbox', () => {
  it('runs the lines through the real triage path', async () => {
    const runtime = await createTriageRuntime(loadConfig({}), { databaseUrl: 'sqlite::memory:' });
    try {
      const lines = parseLabelledEvalSet(
        [
          '{"id":"p1","text":"I forgot my password and can\'t log in","email":"ada@example.com","class":"easy","expect":{"decision":"sent","tags":[]}}',
          '{"id":"p2","text":"I forgot my password","email":"grace@bigcorp.example","class":"escalation","expect":{"decision":"drafted","tags":["enterprise"]}}',
        ].join('\n'),
      );
      const { report, results } = await evaluateInbox(runtime, lines, ['class']);
      expect(results.map((result) => [result.id, result.decision])).toEqual([
        ['p1', 'sent'],
        ['p2', 'drafted'],
      ]);
      expect(report.unsafeSends).toEqual([]);
      expect(report.easySent.value).toBe(1);
      expect(report.tags.perTag.find((score) => score.tag === 'enterprise')).toMatchObject({ precision: 1, recall: 1 });
      expect(Object.keys(report.breakdowns.class!)).toEqual(['easy', 'escalation']);
    } finally {
      await runtime.close();
    }
  });
});
