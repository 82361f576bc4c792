import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../../../src/service/canary/eval-report.js';
import { checkExpectations, unmetExpectations } from '../../../src/service/canary/expectations.js';
import { summarize } from '../../../src/service/canary/score.js';

const sent: EvalResult = { id: 'a', intent: 'recover_password', decision: 'sent', confidence: 0.95, tags: [], reply: 'Hi' };
const invalid: EvalResult = {
  id: 'c39',
  intent: 'invalid',
  decision: 'drafted',
  confidence: 0,
  tags: ['invalid-input'],
  reply: '',
  error: 'the ticket text is empty',
};

describe('expectations', () => {
  it('checks each expected field once, in a fixed order', () => {
    const checks = checkExpectations(sent, { tags: ['retention'], decision: 'drafted', intent: 'recover_password' });
    expect(checks.map((check) => [check.field, check.passed])).toEqual([
      ['intent', true],
      ['decision', false],
      ['tags', false],
    ]);
    expect(unmetExpectations(sent, { decision: 'drafted', tags: ['retention'] })).toEqual(['decision sent != drafted', 'tags [] != [retention]']);
  });

  it('compares tags as sets', () => {
    expect(unmetExpectations({ ...sent, tags: ['b', 'a', 'a'] }, { tags: ['a', 'b'] })).toEqual([]);
  });

  it('an invalid line is as expected only when the set says it is invalid (canary line c39)', () => {
    expect(unmetExpectations(invalid, undefined)).toEqual(['not triaged: the ticket text is empty']);
    expect(unmetExpectations(invalid, { decision: 'drafted', tags: ['invalid-input'] })).toEqual([]);
    expect(unmetExpectations(invalid, { decision: 'sent' })).toEqual(['decision drafted != sent']);
  });

  it('the summary counts agreement per field from the same checks', () => {
    const lines = [
      { id: 'a', text: 'x', expect: { intent: 'recover_password', decision: 'drafted' as const } },
      { id: 'c39', text: '', expect: { decision: 'drafted' as const, tags: ['invalid-input'] } },
    ];
    const results = [{ ...sent, failed: ['decision sent != drafted'] }, invalid];
    const summary = summarize(lines, results, 10);
    expect(summary).toMatchObject({
      total: 2,
      sent: 1,
      drafted: 1,
      errors: 1,
      notAsExpected: 1,
      intent: { labelled: 1, correct: 1, accuracy: 1 },
      decision: { labelled: 2, correct: 1, accuracy: 0.5 },
      tags: { labelled: 1, correct: 1, accuracy: 1 },
      msPerTicket: 5,
    });
  });
});
