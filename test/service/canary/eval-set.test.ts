import { describe, expect, it } from 'vitest';
import { parseEvalSet } from '../../../src/service/canary/eval-set.js';

const line = (value: unknown) => JSON.stringify(value);

describe('parseEvalSet', () => {
  it('ignores fields outside the format, with one warning per field name naming its lines', () => {
    const content = [
      line({ id: 'a', text: 'hi', priority: 'high', assignee: 'bob' }),
      line({ id: 'b', text: 'hello', priority: 'low', expect: { intent: 'x', confidence: 0.9 } }),
      line({ id: 3, text: 'hey', priority: 'low' }),
    ].join('\n');
    const { lines, warnings } = parseEvalSet(content, 'export.jsonl');
    expect(lines).toEqual([
      { id: 'a', text: 'hi' },
      { id: 'b', text: 'hello', expect: { intent: 'x' } },
      { id: '3', text: 'hey' },
    ]);
    expect(warnings).toEqual([
      'export.jsonl: field "priority" is not part of the eval format and is ignored (lines 1, 2, 3)',
      'export.jsonl: field "assignee" is not part of the eval format and is ignored (line 1)',
      'export.jsonl: field "expect.confidence" is not part of the eval format and is ignored (line 2)',
    ]);
  });

  it('names a few lines and counts the rest when a field is everywhere', () => {
    const content = Array.from({ length: 8 }, (_, index) => line({ id: `l${index}`, text: 't', ticket_url: 'u' })).join('\n');
    expect(parseEvalSet(content).warnings).toEqual([
      'eval set: field "ticket_url" is not part of the eval format and is ignored (lines 1, 2, 3, 4, 5, ... (8 lines))',
    ]);
  });

  it('gives no warning for a set inside the format', () => {
    expect(parseEvalSet(line({ id: 'a', text: 'hi', email: 'ada@example.com', subject: 's', expect: { decision: 'sent', tags: [] } })).warnings).toEqual([]);
  });

  it('still refuses a contract field of the wrong type, a duplicate id and an empty set', () => {
    expect(() => parseEvalSet(line({ id: 'a', text: 7 }))).toThrow(/line 1: text/);
    expect(() => parseEvalSet(line({ id: 'a', text: 'x', expect: { decision: 'maybe' } }))).toThrow(/expect.decision/);
    expect(() => parseEvalSet([line({ id: 'a', text: 'x' }), line({ id: 'a', text: 'y' })].join('\n'))).toThrow(/line 2: duplicate id "a"/);
    expect(() => parseEvalSet('\n\n')).toThrow(/has no tickets/);
  });
});
