/**
 * The send guard's readers of the mail's own text run once per ticket (send-guard.ts, readOnce):
 * the gate and the outbox assess the same mail. Outside a ticket every assessment reads anew, and
 * the assessment is the same either way.
 */
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('../../src/triage/investigation-request.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/triage/investigation-request.js')>();
  return {
    ...actual,
    readInvestigationRequest: (text: string) => {
      calls.push(text);
      return actual.readInvestigationRequest(text);
    },
  };
});

const { assessSend } = await import('../../src/triage/send-guard.js');
const { buildSession } = await import('../../src/triage/pipeline.js');
const { withTicketMemo } = await import('../../src/triage/ticket-memo.js');
const { demoCrm, ticket, triageDeps } = await import('./triage-fixtures.js');

describe('the send guard reads the mail once per ticket', () => {
  it('runs a reader once for the gate and the outbox, and every time outside a ticket', async () => {
    const session = buildSession(ticket('Can you check what happened to my parcel? It says delivered but nothing came.'), triageDeps());
    session.customer = await demoCrm().findCustomerByEmail('ada@example.com');
    const reply = { text: 'Hi Ada,\n\nWe are looking into it.\n\nBest regards', confidence: 0.95, intent: 'track_order' };
    const options = { threshold: 0.9, allowedLinkHosts: ['northwind.example'] };

    calls.length = 0;
    const outside = [assessSend(session, reply, options), assessSend(session, reply, options)];
    expect(calls).toHaveLength(2);

    calls.length = 0;
    const inside = withTicketMemo(() => [assessSend(session, reply, options), assessSend(session, reply, options)]);
    expect(calls).toHaveLength(1);
    expect(inside).toEqual(outside);
  });
});
