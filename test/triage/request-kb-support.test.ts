import { describe, expect, it } from 'vitest';
import { estimateIndependentConfidence, MIN_KB_SUPPORT } from '../../src/triage/independent-confidence.js';
import { loadKnowledgeBase } from '../../src/triage/kb/knowledge-base.js';
import { kbAgreesWithRequest, questionsSupport } from '../../src/triage/request-kb-support.js';

const kb = loadKnowledgeBase();

describe('the KB read on the request sentence alone (request-kb-support.ts)', () => {
  it('a short request that never reaches the absolute cut-off still has support when the KB agrees', () => {
    const hits = kb.search('do you take amex', { limit: 3, intents: ['check_payment_methods'] });
    expect(hits.some((hit) => hit.intents.includes('check_payment_methods') && hit.score >= MIN_KB_SUPPORT)).toBe(false);
    expect(kbAgreesWithRequest(kb, 'do you take amex', 'check_payment_methods')).toBe(true);
    expect(estimateIndependentConfidence({ intent: 'check_payment_methods', confidence: 0.99 }, hits)).toBeLessThan(0.9);
    expect(estimateIndependentConfidence({ intent: 'check_payment_methods', confidence: 0.99 }, hits, { kbAgrees: true })).toBeGreaterThanOrEqual(0.9);
  });

  it("an article's questions (title, tags) name the request: a rare word counts, a common one does not", () => {
    expect(questionsSupport(kb, 'unsubscribe me from the weekly mails', 'newsletter_subscription')).toBe(true);
    expect(questionsSupport(kb, 'about my order', 'track_order')).toBe(false);
  });

  it('no support for another intent than the one the KB points at, nor for an off-topic text', () => {
    expect(kbAgreesWithRequest(kb, 'unsubscribe me from the weekly mails', 'recover_password')).toBe(false);
    expect(kbAgreesWithRequest(kb, 'what is the capital of peru', 'delivery_period')).toBe(false);
    // Changing the phone number on the account is the edit-account article's, not the contact article's
    // (which answers "is there a phone number I can call?" since 2026-12-06).
    expect(kbAgreesWithRequest(kb, 'how do I change the phone number on my profile', 'contact_customer_service')).toBe(false);
  });
});

describe('KB support for the contract intents that articles of other names answer', () => {
  it('plan changes are switch_account, return questions check_refund_policy, a phone number contact_customer_service', () => {
    expect(kbAgreesWithRequest(kb, 'How do I upgrade from free to Pro and what does it cost?', 'switch_account')).toBe(true);
    expect(kbAgreesWithRequest(kb, 'When I downgrade to the free plan, does it change right away?', 'switch_account')).toBe(true);
    expect(kbAgreesWithRequest(kb, 'If I opened the box but never used it, can I still return it?', 'check_refund_policy')).toBe(true);
    expect(kbAgreesWithRequest(kb, 'Is there a phone number I can call?', 'contact_customer_service')).toBe(true);
    // The articles still belong to their topic: an upgrade is no refund-policy question.
    expect(kbAgreesWithRequest(kb, 'How do I upgrade from free to Pro?', 'check_refund_policy')).toBe(false);
  });
});
