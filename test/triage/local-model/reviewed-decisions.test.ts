/** Reviewers' outcomes on untagged drafts as open-question decisions (reviewed-examples.ts). */
import { describe, expect, it } from 'vitest';
import { reviewedDecisionLines, type ReviewedExample } from '../../../src/triage/local-model/reviewed-examples.js';

const example = (fields: Partial<ReviewedExample>): ReviewedExample => ({
  ticketId: 'zendesk:1',
  text: 'Delivery\nDoes Saturday count as a business day?',
  intent: 'delivery_period',
  intentSource: 'model',
  predictedIntent: 'delivery_period',
  outcome: 'approved',
  tags: [],
  reviewer: 'reviewer',
  reviewedAt: '2026-12-06T00:00:00.000Z',
  ...fields,
});

describe('reviewed decisions for the open-question model', () => {
  it('an approved draft could have gone out; an edited or rejected one needed a person', () => {
    expect(reviewedDecisionLines([example({}), example({ outcome: 'edited' }), example({ outcome: 'rejected' })]).map((line) => line.decision)).toEqual([
      'sent',
      'drafted',
      'drafted',
    ]);
  });

  it('a tagged draft says nothing about the knowledge base and is left out', () => {
    expect(reviewedDecisionLines([example({ tags: ['complaint'] }), example({ tags: ['language-de'], outcome: 'rejected' })])).toEqual([]);
  });

  it('reads the newest message: quoted history is set aside', () => {
    const text = 'Delivery\nDoes Saturday count?\n\nOn Mon, 2 Mar 2026 at 10:00, Northwind <hello@northwind.example> wrote:\n> Standard delivery takes 3 to 5 business days.';
    expect(reviewedDecisionLines([example({ text })])).toEqual([{ text: 'Delivery\nDoes Saturday count?', decision: 'sent' }]);
  });
});
