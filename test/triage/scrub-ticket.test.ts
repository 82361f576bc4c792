/** scrubTicket (in the scrubber, where the webhook, the worker and processTicket take it from). */
import { describe, expect, it } from 'vitest';
import { scrubText, scrubTicket } from '../../src/triage/scrubber.js';
import type { Ticket } from '../../src/triage/types.js';

const ticket: Ticket = {
  id: 'generic:T-1',
  source: 'generic',
  customerEmail: 'ada@example.com',
  subject: 'Card 4111 1111 1111 1111 was charged twice',
  body: 'My password is hunter2-Secret! and my card is 4111 1111 1111 1111.',
  receivedAt: '2026-12-03T10:00:00.000Z',
};

describe('scrubTicket', () => {
  it('scrubs the subject and the body, as scrubText does, and keeps every other field', () => {
    const scrubbed = scrubTicket(ticket);
    expect(scrubbed).toEqual({ ...ticket, subject: scrubText(ticket.subject!).text, body: scrubText(ticket.body).text });
    expect(scrubbed.body).not.toContain('4111 1111 1111 1111');
    expect(scrubbed.subject).not.toContain('4111 1111 1111 1111');
    expect(scrubbed.customerEmail).toBe('ada@example.com');
  });

  it('a ticket without a subject stays without one, and the input is not changed', () => {
    const { subject: _subject, ...withoutSubject } = ticket;
    expect(scrubTicket(withoutSubject).subject).toBeUndefined();
    expect(ticket.body).toContain('4111 1111 1111 1111');
  });
});
