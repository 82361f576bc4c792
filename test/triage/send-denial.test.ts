/**
 * The gate's refusal of a send: the same generic text as before for every model, plus details
 * (which step refused, the guard's tags) that an in-process model reads instead of the text.
 */
import { describe, expect, it } from 'vitest';
import { ConfidenceGate } from '../../src/triage/gate.js';
import { buildSession } from '../../src/triage/pipeline.js';
import { GENERIC_SEND_DENIAL, readSendDenial } from '../../src/triage/send-denial.js';
import { DEFAULT_ALLOWED_LINK_HOSTS } from '../../src/triage/send-guard.js';
import { ticket, triageDeps } from './triage-fixtures.js';

const REPLY = 'Hi Grace,\n\nTo reset your password, use the link on the sign-in page.\n\nBest regards,\nThe Northwind Support Team';
const options = { threshold: 0.9, allowedLinkHosts: DEFAULT_ALLOWED_LINK_HOSTS };

function enterpriseSession() {
  const session = buildSession(ticket('I forgot my password', { customerEmail: 'grace@bigcorp.example' }), triageDeps());
  session.customer = { id: 'c-grace', email: 'grace@bigcorp.example', name: 'Grace Hopper', plan: 'enterprise', createdAt: '2024-01-01', orders: [] };
  return session;
}

describe('the gate refuses a send with structured details', () => {
  it("the guard's refusal carries its tags; the model-visible reason is the generic text", async () => {
    const gate = new ConfidenceGate(enterpriseSession(), options);
    const decision = await gate.decide('send_reply', { text: REPLY, confidence: 1 });
    expect(decision).toMatchObject({ action: 'deny', reason: GENERIC_SEND_DENIAL });
    const details = readSendDenial(decision.action === 'deny' ? decision.details : undefined);
    expect(details).toEqual({ refusedBy: 'send-guard', tags: expect.arrayContaining(['enterprise']) });
  });

  it('a later send after a refusal is refused as latched', async () => {
    const gate = new ConfidenceGate(enterpriseSession(), options);
    await gate.decide('send_reply', { text: REPLY, confidence: 1 });
    const second = await gate.decide('send_reply', { text: REPLY, confidence: 1 });
    expect(second).toMatchObject({ action: 'deny', reason: GENERIC_SEND_DENIAL, details: { refusedBy: 'latched', tags: [] } });
  });

  it('readSendDenial ignores details of another shape', () => {
    expect(readSendDenial(undefined)).toBeUndefined();
    expect(readSendDenial({ tags: 'refund' })).toBeUndefined();
    expect(readSendDenial({ refusedBy: 'someone', tags: [] })).toBeUndefined();
  });
});
