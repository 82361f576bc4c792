import { describe, expect, it } from 'vitest';
import { disagreementsWith, factDisagreements } from '../../../src/triage/grounding/fact-agreement.js';
import { checkGrounding } from '../../../src/triage/grounding/grounding-check.js';
import { flippedWords } from '../../../src/triage/grounding/negation-scope.js';
import { quantities } from '../../../src/triage/grounding/quantities.js';
import { tokenize } from '../../../src/triage/grounding/reply-tokens.js';
import { collectRunSources } from '../../../src/triage/grounding/run-sources.js';
import { buildSession } from '../../../src/triage/pipeline.js';
import { loadKnowledgeBase } from '../../../src/triage/kb/knowledge-base.js';
import { demoCrm, ticket, triageDeps } from '../triage-fixtures.js';

const kb = loadKnowledgeBase();

async function sourcesFor(articles: string[], options: { email?: string; orders?: string[] } = {}) {
  const email = options.email ?? 'ada@example.com';
  const session = buildSession(ticket('question', { customerEmail: email }), triageDeps());
  const crm = demoCrm();
  session.customer = await crm.findCustomerByEmail(email);
  for (const id of options.orders ?? []) session.orders.set(id, await crm.getOrder(id));
  for (const id of articles) session.kbReplies.set(id, kb.replyOf(id));
  return collectRunSources(session);
}

const wrap = (body: string, name = 'Ada') => `Hi ${name},\n\n${body}\n\nBest regards,\nThe Northwind Support Team`;
const kinds = (sentence: string, source: string) => disagreementsWith(sentence, source).map((disagreement) => disagreement.kind);

describe('fact agreement, one rule at a time', () => {
  it('a member of a closed set where the source names another is a swap', () => {
    const source = 'The price of each option is shown at checkout before you pay, and Standard delivery costs nothing on orders over 50 EUR and for Pro members.';
    expect(kinds('Express delivery costs nothing on orders over 50 EUR and for Pro members.', source)).toEqual(['swap']);
    expect(kinds('Standard delivery costs nothing on orders over 50 EUR and for Pro members.', source)).toEqual([]);
    expect(kinds('You will also stop receiving emails about your orders.', 'You will keep receiving emails about your orders, payments and account security.')).toEqual(['swap']);
    expect(kinds('To keep the plan from renewing, press Cancel plan before the renewal date.', 'To stop the plan from renewing, press Cancel plan before the renewal date.')).toEqual([]);
    expect(kinds('We send a confirmation link to your old address.', 'We send a confirmation link to the new address, and the change takes effect once you open it.')).toContain('swap');
    expect(kinds('It is travelling with DHL under tracking number 99.60.123456.12345678.', 'It is travelling with Swiss Post under tracking number 99.60.123456.12345678.')).toEqual(['swap']);
  });

  it('adds a payment method to the enumerated list as a swap, and an unknown item to any list as an addition', () => {
    const methods = 'We accept Visa, Mastercard and American Express cards, PayPal, Apple Pay, Google Pay and Northwind gift cards.';
    expect(kinds('We accept Visa, Mastercard and American Express cards, PayPal, Apple Pay, Google Pay, bank transfer and Northwind gift cards.', methods)).toContain('swap');
    const countries = 'We ship to the EU, the United Kingdom, Switzerland, Norway, the United States and Canada.';
    expect(kinds('We ship to the EU, the United Kingdom, Switzerland, Norway, Australia, the United States and Canada.', countries)).toEqual(['appended']);
    // Abbreviations of what the source spells out are not additions.
    expect(kinds('We deliver to the EU, the UK, Switzerland, Norway, the US and Canada.', countries)).toEqual([]);
  });

  it('binds a number to its unit and to the subject it is said of', () => {
    expect(quantities(tokenize('Standard delivery (3 to 5 business days), Express delivery (1 to 2 business days)'))).toEqual([
      { value: '3-5', unit: 'day', subject: 'delivery option:0' },
      { value: '1-2', unit: 'day', subject: 'delivery option:1' },
    ]);
    expect(kinds('We will email you a reset link that works for 60 hours.', 'We will email you a reset link that works for 60 minutes; if you don\'t see it within a few minutes, check your spam folder.')).toContain('swap');
    expect(kinds('Most orders leave our warehouse within one hour of payment.', 'Most orders leave our warehouse within one business day of payment.')).toContain('quantity');
    const times = 'After dispatch, Standard delivery takes 3 to 5 business days and Express takes 1 to 2 business days within the EU, while international orders usually take 7 to 14 business days.';
    expect(kinds('After dispatch, Standard delivery takes 1 to 2 business days and Express takes 3 to 5 business days within the EU.', times)).toEqual(['quantity', 'quantity']);
    expect(kinds('Within the EU, Standard delivery takes 3 to 5 business days after dispatch, and Express takes 1 to 2.', times)).toEqual([]);
  });

  it('reads which words a negation covers, by position and by clause', () => {
    const source = "We don't accept cash on delivery or cheques.";
    expect(kinds('We also accept cash on delivery, but not cheques.', source)).toEqual(['polarity']);
    expect(kinds("We don't accept cash on delivery or cheques.", source)).toEqual([]);
    expect(kinds('These charges are set by us, not by customs, and the carrier collects them before or on delivery.', 'These charges are set by customs, not by us, and the carrier collects them before or on delivery.')).toEqual(['polarity']);
    expect(kinds('Wear and tear and damage from incorrect use are not covered, but accidental damage is.', 'Wear and tear, accidental damage and damage from incorrect use are not covered.')).toEqual(['polarity']);
    // A negation covers its clause, subject included: a passive rewording and a kept condition agree.
    expect(kinds('Cash on delivery and cheques are not accepted.', source)).toEqual([]);
    const login = "If you don't recognise the sign-in, change your password under Settings > Security > Change password and press Sign out of all devices on the same page.";
    expect(flippedWords(tokenize("If you don't recognise it, please change your password under Settings > Security > Change password."), tokenize(login))).toEqual([]);
  });

  it('refuses scope words and quantifiers the source does not have', () => {
    expect(kinds('We will email you a reset link that works forever.', 'We will email you a reset link that works for 60 minutes.')).toContain('scope');
    expect(kinds('Express orders placed before 14:00 on any day leave our warehouse the same day.', 'Express orders placed before 14:00 on a business day leave our warehouse the same day.')).toContain('scope');
    expect(kinds('A card used for an open order can be removed at any time.', 'A card used for an open order can only be removed once the order has shipped.')).toContain('scope');
    // The source's own "any of them", and "any time" against a source that sets no time, are fine.
    expect(kinds('You can unsubscribe with the link at the bottom of any marketing email.', 'You can stop the newsletter and other marketing emails with the Unsubscribe link at the bottom of any of them.')).toEqual([]);
    expect(kinds('You can follow it any time under Account > Orders.', 'You can follow every order yourself under Account > Orders: select the order and press Track parcel.')).toEqual([]);
    // Urgency against a source that sets no time changes no fact; against one that does, it does.
    expect(kinds('If you do not recognise the sign-in, change your password right away under Settings > Security.', "If you don't recognise the sign-in, change your password under Settings > Security > Change password.")).toEqual([]);
    expect(kinds('Reviews appear on the product page straight away.', 'Reviews appear on the product page once they have been checked against our review guidelines, usually within 2 business days.')).toContain('scope');
  });

  it('a last conjunct needs the backing of the window or its neighbouring sentences', () => {
    const reset = 'To reset your password, go to the sign-in page, press Forgot password and enter the email address of your account.';
    expect(kinds('To reset your password, go to the sign-in page, press Forgot password and enter the email address of your account and your current password.', reset)).toContain('appended');
    const vat = 'Businesses in the EU outside Germany can add a valid VAT number under Settings > Plan & Billing > Billing details, and future invoices then use the reverse-charge mechanism without VAT.';
    const next = 'The VAT number is checked automatically against the EU VIES service when you save it.';
    const merged = 'Future invoices then use the reverse-charge mechanism without VAT, and the number is checked automatically against the EU VIES service when you save it.';
    expect(disagreementsWith(merged, vat).map((disagreement) => disagreement.kind)).toContain('appended');
    expect(factDisagreements(merged, [vat], `${vat} ${next}`)).toEqual([]);
  });

  it('agrees when one of the supporting windows agrees, but not through a clause of a sentence that supports on its own', () => {
    const whole = 'You can upgrade under Settings > Plan & Billing by pressing Change plan and choosing Pro, and the new features are available straight away.';
    const clause = 'You can upgrade under Settings > Plan & Billing by pressing Change plan and choosing Pro';
    const reply = 'You can upgrade under Settings > Plan & Billing by pressing Change plan and choosing Pro, and the new features are available from your next renewal.';
    expect(factDisagreements(reply, [whole, clause], whole)).not.toEqual([]);
    expect(factDisagreements('Express takes 1 to 2 business days.', ['Standard takes 3 to 5 business days.', 'Express takes 1 to 2 business days.'], '')).toEqual([]);
  });
});

describe('checkGrounding with fact agreement', () => {
  it('drafts a swapped fact in a sentence that is otherwise the source, with the rule grounding:disagrees', async () => {
    const sources = await sourcesFor(['delivery-options'], { email: 'ken@example.com' });
    const result = checkGrounding(wrap('Express delivery costs nothing on orders over 50 EUR and for Pro members.', 'Ken'), sources);
    expect(result.grounded).toBe(false);
    expect(result.problems.map((problem) => problem.rule)).toEqual(['grounding:disagrees']);
    expect(result.problems[0]!.reason).toMatch(/says "express" where its source says "standard"/);
    expect(result.securityEvent).toBe(false);
  });

  it('still grounds every filled KB reply and faithful paraphrases of it', async () => {
    for (const article of kb.articles) {
      const sources = await sourcesFor([article.id], { orders: ['A1001'] });
      const own = sources.sentences.filter((sentence) => sentence.id.startsWith(`kb:${article.id}#`)).map((sentence) => sentence.text);
      const result = checkGrounding(wrap(own.join(' ')), sources);
      expect(result.problems.filter((problem) => problem.rule === 'grounding:disagrees'), article.id).toEqual([]);
    }
    const paraphrases: [string, string][] = [
      ['recover-password', "No problem! Press Forgot password on the sign-in page and enter the email address you use for your account. We'll email you a reset link, which works for 60 minutes."],
      ['payment-methods', "We accept Visa, Mastercard and American Express, as well as PayPal, Apple Pay, Google Pay and Northwind gift cards. We don't accept cash on delivery or cheques."],
      ['delivery-times', 'Most orders leave our warehouse within one business day of payment. After that, Standard delivery takes 3 to 5 business days and Express 1 to 2 business days within the EU.'],
      ['unsubscribe-emails', 'The change takes effect right away, though an email that was already being sent may still arrive within 48 hours.'],
      ['delete-account', 'After you confirm, your account is deactivated immediately and permanently deleted after 14 days.'],
    ];
    for (const [article, text] of paraphrases) {
      const result = checkGrounding(wrap(text), await sourcesFor([article]));
      expect(result.problems.filter((problem) => problem.rule === 'grounding:disagrees'), text).toEqual([]);
    }
  });
});
