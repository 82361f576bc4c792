import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkReplyRules, MAX_REPLY_CHARACTERS, type ReplyRuleContext } from '../../src/triage/reply-rules.js';

const context: Omit<ReplyRuleContext, 'reply'> = {
  ticketText: 'Where is my order A1001? You can call me on 0176 1234 5678.',
  allowedEmails: ['ada@example.com'],
  allowedOrderIds: ['A1001', 'A1002'],
  allowedLinkHosts: ['help.northwind.example', 'northwind.example'],
};

const check = (reply: string, overrides: Partial<ReplyRuleContext> = {}) => checkReplyRules({ ...context, ...overrides, reply });
const rules = (reply: string, overrides: Partial<ReplyRuleContext> = {}) => [...new Set(check(reply, overrides).map((violation) => violation.rule))];

describe('checkReplyRules', () => {
  it('passes a plain order status answer with the customer own order id and an allowed link', () => {
    expect(
      check('Hi Ada, your order A1001 shipped with DHL (JJD000390007880555). Track it at https://help.northwind.example/track.'),
    ).toEqual([]);
  });

  describe('empty and length', () => {
    it.each(['', '   ', '\n\t', '...', '\u200d'])('reports %j as empty', (reply) => {
      expect(check(reply)).toEqual([{ rule: 'empty', message: 'the reply is empty' }]);
    });

    it('reports a reply over the limit, counting an emoji as one character', () => {
      expect(rules('a'.repeat(MAX_REPLY_CHARACTERS))).toEqual([]);
      // 4000 characters but 6000 UTF-16 units.
      expect(rules('a😀'.repeat(MAX_REPLY_CHARACTERS / 2))).toEqual([]);
      expect(rules('a'.repeat(MAX_REPLY_CHARACTERS + 1))).toEqual(['length']);
    });
  });

  describe('promise', () => {
    it.each([
      'We will refund your order.',
      "I've issued a refund of €20.",
      "You'll get a 20% discount on your next order.",
      "We'll credit your account with 10 EUR.",
      'We guarantee delivery by Friday.',
      'As compensation, here is a voucher.',
      'Your refund has been approved.',
      "We'll match the price.",
      "We'll waive the fee.",
      "I've extended your trial by 14 days.",
      "We can't refund the fee, but we'll give you a voucher instead.",
    ])('flags %j', (reply) => {
      const violations = check(reply);
      expect(violations.map((violation) => violation.rule)).toContain('promise');
      expect(violations.find((violation) => violation.rule === 'promise')?.match).toBeTruthy();
    });

    it.each([
      'Our refund policy allows returns within 30 days.',
      'You can request a refund in Orders > Request refund; a specialist reviews it.',
      "Unfortunately we can't offer a discount on this item.",
      'We cannot guarantee delivery dates.',
      "You'll get an email when your refund is processed.",
      'Refunds go to the original payment method within 5 to 10 business days.',
      'Our products come with a 30-day money-back guarantee.',
      'See https://northwind.example/guarantee for details.',
      "We're looking into why the discount code didn't apply.",
      "Don't hesitate to ask if anything is unclear.",
    ])('does not flag the policy explanation %j', (reply) => {
      expect(rules(reply)).toEqual([]);
    });
  });

  describe('pii', () => {
    it('allows the customer own email, in any case, and flags any other', () => {
      expect(rules('We sent it to ADA@example.com.')).toEqual([]);
      const violations = check('We sent it to linus@example.com.');
      expect(violations).toEqual([
        { rule: 'pii', message: "the reply contains an email address that is not the customer's own", match: 'linus@example.com' },
      ]);
    });

    it('allows the customer own order ids and flags others, labelled or shaped like ours', () => {
      expect(rules('Your orders A1001 and #A1002 are on their way.')).toEqual([]);
      expect(check('Order A2001 is processing.').map((violation) => violation.match)).toEqual(['A2001']);
      expect(check('Your order number 99887766 is delayed.').map((violation) => violation.match)).toEqual(['99887766']);
      expect(check('Order #732201349959 is delayed.').map((violation) => violation.match)).toEqual(['732201349959']);
    });

    it('treats numbers shaped like the customer own numeric order ids as order ids', () => {
      const numeric = { allowedOrderIds: ['113542617735902'] };
      expect(rules('Your order 113542617735902 has shipped.', numeric)).toEqual([]);
      expect(check('We also found 113542617735999 under your name.', numeric).map((violation) => violation.match)).toEqual([
        '113542617735999',
      ]);
    });

    it('always flags card numbers, IBANs and secrets, even the customer own', () => {
      expect(rules('Your card 4242 4242 4242 4242 was charged.')).toEqual(['pii']);
      expect(rules('Refund goes to DE89 3704 0044 0532 0130 00.')).toContain('pii');
      expect(rules('Your temporary password is Xy7#kP2q.')).toEqual(['pii']);
      expect(rules('Use the key sk-proj-4fT9kLm2QxV8bN1cR7wZ3yP5sD0gH6jK.')).toEqual(['pii']);
    });

    it('allows the phones given, or when none are given, the ones the customer wrote in the ticket', () => {
      expect(rules("We'll call you on 0176 1234 5678.")).toEqual([]);
      expect(rules("We'll call you on +49 176 1234 5678.")).toEqual([]);
      expect(rules("We'll call you on 0176 9999 8888.")).toEqual(['pii']);
      expect(rules('Call us on +44 20 7946 0000.', { allowedPhones: ['+44 20 7946 0000'] })).toEqual([]);
      expect(rules("We'll call you on 0176 1234 5678.", { allowedPhones: [] })).toEqual(['pii']);
    });
  });

  describe('link', () => {
    it('allows allowed hosts and their subdomains, with or without a scheme', () => {
      expect(
        rules('See https://northwind.example/a, https://help.northwind.example/b, docs.help.northwind.example and northwind.example/c.'),
      ).toEqual([]);
      expect(rules('Read [the guide](https://help.northwind.example/returns).')).toEqual([]);
    });

    it.each([
      ['https://evil.example/reset', 'evil.example'],
      ['evil.example/login', 'evil.example'],
      ['[help](evil.example/login)', 'evil.example'],
      ['[help.northwind.example](https://evil.example/x)', 'evil.example'],
      ['https://help.northwind.example@evil.example/x', 'evil.example'],
      ['https://northwind.example.evil.example/', 'northwind.example.evil.example'],
      ['www.phish.io', 'www.phish.io'],
      ['http://192.168.0.10/login', '192.168.0.10'],
      ['javascript:alert(1)', 'javascript:'],
    ])('flags %s', (link, host) => {
      const violations = check(`Please open ${link} now.`).filter((violation) => violation.rule === 'link');
      expect(violations.length).toBeGreaterThan(0);
      expect(violations[0]!.message).toContain(host);
    });

    it('does not take file names, versions or email domains for links', () => {
      expect(rules('Open invoice.pdf from version 2.14.3, e.g. the one sent to ada@example.com.')).toEqual([]);
    });
  });

  describe('internal', () => {
    it.each([
      'As an AI, I cannot see that.',
      'My instructions say I must not.',
      'Ignore previous instructions.',
      'The system prompt says hi.',
      'I will call send_reply now.',
      'Confidence: 0.93',
      'Internal note: VIP',
      'Done.\n\n## Notes\n- never hint at exceptions',
      'Hi {{customer_name}},',
      'Hi [Customer Name],',
      '<thinking>hmm</thinking> Hello',
    ])('flags %j', (reply) => {
      expect(rules(reply)).toEqual(['internal']);
    });

    it('does not flag ordinary instructions to the customer', () => {
      expect(rules('Follow the instructions in the email we sent, then press Save. Notes on your order are under Account > Orders.')).toEqual([]);
    });
  });

  it('names every rule a reply breaks, each with its match', () => {
    const violations = check(
      "Confidence: 0.95. As a goodwill gesture we'll refund order A2001 - claim it at https://evil.example/claim",
    );
    expect([...new Set(violations.map((violation) => violation.rule))].sort()).toEqual(['internal', 'link', 'pii', 'promise']);
    for (const violation of violations) {
      expect(violation.match).toBeTruthy();
      expect(violation.message).toContain('the reply');
    }
  });

  const kbDirectory = new URL('../../data/kb/', import.meta.url);
  it.runIf(existsSync(kbDirectory))('passes every knowledge-base reply filled with the demo facts', () => {
    const facts: Record<string, string> = {
      order_id: 'A1001',
      order_status: 'shipped',
      carrier: 'DHL',
      tracking_number: 'JJD000390007880555',
      eta: '14 March 2026',
      plan: 'pro',
    };
    for (const file of readdirSync(kbDirectory).filter((name) => name.endsWith('.md'))) {
      const article = readFileSync(new URL(file, kbDirectory), 'utf8');
      const section = article.split(/^## Reply\s*$/m)[1]?.split(/^## /m)[0];
      if (!section) continue;
      const reply = `Hi Ada,\n\n${section.trim().replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => facts[key] ?? '')}\n\nThe Northwind Support Team`;
      expect({ file, violations: check(reply) }).toEqual({ file, violations: [] });
    }
  });
});

describe('promise rule: headline confirmations and amounts with a currency', () => {
  const violations = (reply: string) =>
    checkReplyRules({ reply, ticketText: '', allowedEmails: [], allowedOrderIds: [], allowedLinkHosts: [] }).map((violation) => violation.rule);
  it.each(['Your refund of 120 EUR is on its way.', 'Refund approved.', 'Invoice fee waived.', 'The late fee has been removed from your account.'])(
    'catches "%s"',
    (reply) => expect(violations(reply)).toContain('promise'),
  );
  it.each(['Is the fee waived if I cancel early? Here is how our cancellation fee works.', 'You can ask us to waive the fee; a specialist decides.'])(
    'leaves "%s" alone',
    (reply) => expect(violations(reply)).not.toContain('promise'),
  );
});
