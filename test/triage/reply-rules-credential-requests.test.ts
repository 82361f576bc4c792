import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/triage/kb/knowledge-base.js';
import { findCredentialRequests } from '../../src/triage/reply-rules-credential-requests.js';
import { checkReplyRules } from '../../src/triage/reply-rules.js';

describe('a reply that asks the customer to hand over a secret', () => {
  it.each([
    'Please send us the 6-digit code from your app so we can confirm it is working.',
    'Scan the QR code, enter the code it shows, and send the backup codes to us so we keep them safe.',
    'To speed things up, just reply with your current password.',
    'Alternatively, reply with the new card number, expiry date and CVV and we will add it.',
    'If you want us to check, reply with the last 4 digits of the card and the security code on the back.',
    'Could you share your online banking login details with our billing team?',
    'Let us know the verification code we texted you.',
    'Also email us a copy of your backup codes.',
  ])('finds %j', (text) => {
    expect(findCredentialRequests(text)).not.toEqual([]);
    expect(checkReplyRules({ reply: text, ticketText: '', allowedEmails: [], allowedOrderIds: [], allowedLinkHosts: [] }).map((violation) => violation.rule)).toContain('credentials');
  });

  it.each([
    'We never ask for your password, a verification code or your full card number by email.',
    'Never send your password or a code to anyone, us included.',
    "We'll send you a verification code by email.",
    'Enter the 6-digit code it shows, and save the backup codes somewhere safe.',
    'Reply to this message with the order number and any photos.',
    'Please check that the card number, expiry date and billing address match what your bank has.',
  ])('leaves %j alone', (text) => {
    expect(findCredentialRequests(text)).toEqual([]);
  });

  it('never fires on the KB articles\' own reply text', () => {
    const kb = loadKnowledgeBase();
    const fired = kb.articles.flatMap((article) => findCredentialRequests(kb.replyOf(article.id)).map((finding) => `${article.id}: ${finding.match}`));
    expect(fired).toEqual([]);
  });
});
