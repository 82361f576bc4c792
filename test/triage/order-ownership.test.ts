import { describe, expect, it } from 'vitest';
import { triageTicket } from '../../src/triage/pipeline.js';
import { ticket, triageDeps } from './triage-fixtures.js';

describe("orders the ticket names must be the sender's own", () => {
  it("a customer's own order can still be answered on its own", async () => {
    const { outcome } = await triageTicket(ticket('Where is my order A1001? It has not arrived yet.'), triageDeps());
    expect(outcome.decision).toBe('sent');
  });

  it("another customer's order is drafted with third-party-data, and the model never learns whose it is", async () => {
    const run = await triageTicket(ticket('whats the status of order A1001? tracking number pls', { customerEmail: 'linus@example.com' }), triageDeps());
    expect(run.outcome.decision).toBe('drafted');
    expect(run.outcome.tags).toContain('third-party-data');
    expect(run.outcome.reasons.join('\n')).toMatch(/order A1001 belongs to another customer/);
    const toolResults = JSON.stringify(run.events.filter((event) => event.type === 'tool-call-end'));
    expect(toolResults).not.toMatch(/ada@example\.com|belongs to another/);
  });

  it('an order id that does not exist for this email is drafted with the reason, without a tag', async () => {
    const { outcome } = await triageTicket(ticket('Where is my order A9999? It has not arrived yet.'), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join('\n')).toMatch(/order A9999 is not an order of this customer/);
    expect(outcome.tags).not.toContain('third-party-data');
  });

  it('a sender without a profile naming a customer\'s order is drafted without a tag (it may be them, from another address)', async () => {
    const { outcome } = await triageTicket(ticket('Hi, my order A1001 has not arrived yet. Where is it?', { customerEmail: 'paula@inbox.example' }), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.tags).not.toContain('third-party-data');
    expect(outcome.tags).not.toContain('security');
  });
});
