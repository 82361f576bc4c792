import { describe, expect, it } from 'vitest';
import { readNotACustomerQuestion } from '../../src/triage/not-a-customer-question.js';
import { triageTicket } from '../../src/triage/pipeline.js';
import { ticket, triageDeps } from './triage-fixtures.js';

describe('readNotACustomerQuestion', () => {
  it.each([
    'Hi, do you have any vacancies in your warehouse? I have attached my CV.',
    'We are an SEO agency and can boost your rankings within a month.',
    'I run a small design shop and would like to become a stockist of your lamps.',
    'Hello, I am a journalist writing about online homeware shops, could we talk?',
    'Would you be open to a sponsorship of our running club?',
  ])('%s', (text) => {
    expect(readNotACustomerQuestion(text)).toBeDefined();
  });

  it.each([
    'How do I contact customer service?',
    'Where is my order A1001?',
    'Can I send the lamp back for a refund?',
    'Do you have a student discount?',
  ])('a customer question: %s', (text) => {
    expect(readNotACustomerQuestion(text)).toBeUndefined();
  });
});

describe('triage of mail for another team', () => {
  it('is drafted with the reason, though its words read like a support question', async () => {
    const { outcome } = await triageTicket(ticket('Hello, are you hiring for your customer service team? I would love to send my CV.'), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/a person routes it/);
  });
});
