import { describe, expect, it } from 'vitest';
import { readLookalikeSender } from '../../src/triage/lookalike-sender.js';
import { DEFAULT_ALLOWED_LINK_HOSTS } from '../../src/triage/send-guard.js';
import { triageTicket } from '../../src/triage/pipeline.js';
import { ticket, triageDeps } from './triage-fixtures.js';

const own = DEFAULT_ALLOWED_LINK_HOSTS;

describe('readLookalikeSender', () => {
  it.each(['security@northwind-verify.example', 'billing@northwind.example.co', 'help@nortwind.example', 'team@northwlnd-support.example', 'x@mail.northwindgoods.example'])(
    'imitates ours: %s',
    (email) => {
      expect(readLookalikeSender(email, own)).toBeDefined();
    },
  );

  it.each(['ada@example.com', 'returns@northwind.example', 'noreply@help.northwind.example', 'jo@northside.example', 'kim@windnorth.example', undefined, 'no-at-sign'])(
    'does not: %s',
    (email) => {
      expect(readLookalikeSender(email, own)).toBeUndefined();
    },
  );

  it('a brand label too short to mean anything is not used', () => {
    expect(readLookalikeSender('x@abc-login.example', ['abc.example'])).toBeUndefined();
  });

  it('a phishing mail from a lookalike domain is drafted with the reason, even when it reads as an easy question', async () => {
    const body =
      'Dear customer, we detected unusual activity. Your account will be suspended in 24 hours unless you verify your payment details. How do I turn on two-step verification?';
    const { outcome } = await triageTicket(ticket(body, { customerEmail: 'security@northwind-verify.example' }), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/imitates ours/);
  });
});
