import { describe, expect, it } from 'vitest';
import { findArticleLimit, type ArticleLimit } from '../../../src/triage/kb/article-limits.js';
import { loadKnowledgeBase } from '../../../src/triage/kb/knowledge-base.js';
import { triageTicket } from '../../../src/triage/pipeline.js';
import { ticket, triageDeps } from '../triage-fixtures.js';

const weekend: ArticleLimit = { when: ['saturday', 'time slot'], because: 'delivery days are not in this article' };
const pickup: ArticleLimit = { when: ['pickup point', 'parcel locker'], and: ['switzerland', 'norway'], because: 'pickup points only in five countries' };
const limits = [['delivery-options', [weekend, pickup]]] as const;

describe('findArticleLimit', () => {
  it.each([
    ['Do you deliver on Saturdays?', 'saturdays'],
    ['can I pick a time-slot for the delivery', 'timeslot'],
    ['Is there a pick-up point in Zürich, Switzerland?', 'pickup point ... switzerland'],
    ['Any PARCEL LOCKERS in Norway?', 'parcel lockers ... norway'],
  ])('%s', (request, phrase) => {
    expect(findArticleLimit(request, limits)).toEqual({ article: 'delivery-options', phrase, because: expect.any(String) });
  });

  it.each([
    'Which delivery options are there?',
    // a word inside another word is not the phrase
    'I am in Saturdayville',
    // a limit with `and` needs both
    'Can I choose a pickup point in Germany?',
    'I live in Switzerland, how long does delivery take?',
  ])('leaves the mail alone: %s', (request) => {
    expect(findArticleLimit(request, limits)).toBeUndefined();
  });

  it('reads only the articles it is given', () => {
    expect(findArticleLimit('Do you deliver on Saturdays?', [['returns', []]])).toBeUndefined();
  });
});

describe('the knowledge base as written', () => {
  const kb = loadKnowledgeBase();
  const limitsOf = (id: string) => [[id, kb.get(id)?.needsAPerson ?? []]] as const;

  it('turns the notes that need a person into limits of their articles', () => {
    expect(findArticleLimit('Do you ship to Tenerife?', limitsOf('international-shipping'))?.because).toMatch(/islands/);
    expect(findArticleLimit('Can I use my gift card to pay for Pro?', limitsOf('gift-cards'))?.because).toMatch(/cannot be used to pay for plans/);
    expect(findArticleLimit('I am moving to another country, can the parcel follow me?', limitsOf('change-shipping-address'))?.because).toMatch(/another country/);
  });

  it('stops a Reply that would mislead the customer in their case', () => {
    expect(findArticleLimit('Is there a pickup point in London?', limitsOf('delivery-options'))?.because).toMatch(/DE, NL, BE, FR and AT/);
    expect(findArticleLimit('Can the sofa come by Express?', limitsOf('delivery-options'))?.because).toMatch(/bulky/);
    expect(findArticleLimit('I live in Switzerland. Is the return label free?', limitsOf('returns'))?.because).toMatch(/outside the EU/);
    expect(findArticleLimit('Can I return an engraved pen?', limitsOf('refund-policy'))?.because).toMatch(/personalised/);
    expect(findArticleLimit('The bench is made to order, when does it ship?', limitsOf('delivery-times'))?.because).toMatch(/own dispatch date/);
    expect(findArticleLimit('Can you ship to my MyUS forwarding address?', limitsOf('international-shipping'))?.because).toMatch(/forwarders/);
    // the article answers these as they are
    expect(findArticleLimit('Is there a pickup point in Lyon, France?', limitsOf('delivery-options'))).toBeUndefined();
    expect(findArticleLimit('How long do I have to return a lamp to you from Belgium?', limitsOf('returns'))).toBeUndefined();
  });

  it('leaves alone what the Reply answers', () => {
    expect(findArticleLimit('Do you ship to Canada?', limitsOf('international-shipping'))).toBeUndefined();
    expect(findArticleLimit('How long is a gift card valid?', limitsOf('gift-cards'))).toBeUndefined();
  });
});

describe('the send guard with article limits', () => {
  it('drafts a mail whose case the article leaves to a person, and says which note', async () => {
    const { outcome } = await triageTicket(ticket('Hi, do you ship to Tenerife? I live on the island.\n\nAda', { subject: 'Shipping to Tenerife' }), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/leaves to a person: islands, overseas regions/);
  });

  it('does not stop the general question the article answers', async () => {
    const { outcome } = await triageTicket(ticket('Hi, do you ship to Canada and how long does it take?\n\nAda', { subject: 'Shipping to Canada' }), triageDeps());
    expect(outcome.reasons.join(' ')).not.toMatch(/leaves to a person/);
  });
});

describe('limits added where a neighbouring article already had them', () => {
  const kb = loadKnowledgeBase();
  const limitsOf = (id: string) => [[id, kb.get(id)?.needsAPerson ?? []]] as const;

  it('a PO box in the customer\'s own language', () => {
    expect(findArticleLimit('Can you deliver to a Postfach address in Germany?', limitsOf('delivery-options'))?.because).toMatch(/PO boxes/);
    expect(findArticleLimit('Do you ship to my postbus in Utrecht?', limitsOf('international-shipping'))?.because).toMatch(/PO boxes/);
    expect(findArticleLimit('Which delivery options are there for a flat in Berlin?', limitsOf('delivery-options'))).toBeUndefined();
  });

  it('delivery days and slots, which neither the international nor the delivery-times article states', () => {
    expect(findArticleLimit('Do you deliver on Saturdays in Switzerland?', limitsOf('international-shipping'))?.because).toMatch(/delivery days/);
    expect(findArticleLimit('Do public holidays count in the 3 to 5 business days?', limitsOf('delivery-times'))?.because).toMatch(/delivery days/);
    expect(findArticleLimit('Can you deliver on a Saturday morning?', limitsOf('delivery-times'))?.because).toMatch(/chosen day or slot/);
    // the business days the article gives answer an order placed at the weekend
    expect(findArticleLimit('If I order on Saturday, how long does standard delivery take?', limitsOf('delivery-times'))).toBeUndefined();
  });
});

describe('acronyms in capitals', () => {
  const outsideEu: ArticleLimit = { when: ['US', 'U.S.', 'canada'], and: ['label', 'postage'], because: 'returns from outside the EU are not prepaid' };
  const limits = [['returns', [outsideEu]]] as const;

  it('match as written', () => {
    expect(findArticleLimit('Can I send one pen back from the US, and is the label prepaid?', limits)?.phrase).toBe('US ... label');
    expect(findArticleLimit('from the U.S. - who pays the postage?', limits)?.phrase).toBe('U.S. ... postage');
    expect(findArticleLimit('From Canada, who pays the postage?', limits)?.phrase).toBe('canada ... postage');
  });

  it('leave the same letters in lower case alone', () => {
    expect(findArticleLimit('Could you send us a return label?', limits)).toBeUndefined();
    expect(findArticleLimit('Let us know who pays the postage', limits)).toBeUndefined();
  });

  it('in the knowledge base as written', () => {
    const kb = loadKnowledgeBase();
    expect(findArticleLimit('Do I pay the postage myself from the US?', [['returns', kb.get('returns')?.needsAPerson ?? []]])?.because).toMatch(/outside the EU/);
    expect(findArticleLimit('How do I get a new set of backup codes?', [['two-factor-authentication', kb.get('two-factor-authentication')?.needsAPerson ?? []]])?.because).toMatch(/backup codes/);
    expect(findArticleLimit("What's the payment reference so I can ask my bank?", [['track-refund', kb.get('track-refund')?.needsAPerson ?? []]])?.because).toMatch(/billing team/);
    expect(findArticleLimit('Do you ship to Aruba?', [['international-shipping', kb.get('international-shipping')?.needsAPerson ?? []]])?.because).toMatch(/islands/);
  });
});

describe('limits shared by topic (KnowledgeBase.limitsOf)', () => {
  const kb = loadKnowledgeBase();

  it('an article that also answers another article\'s main topic inherits what that article leaves to a person', () => {
    // customs-and-import-duties answers delivery_options, the main topic of delivery-options.
    const customs = [['customs-and-import-duties', kb.limitsOf('customs-and-import-duties')]] as const;
    expect(kb.get('customs-and-import-duties')?.needsAPerson ?? []).toHaveLength(0);
    expect(findArticleLimit('Can you send it to an InPost parcel locker in Wroclaw, Poland?', customs)?.because).toMatch(/pickup|locker|parcel/i);
    expect(findArticleLimit('Do you ship to Lanzarote, and would customs apply?', customs)?.because).toMatch(/islands/);
  });

  it('does not inherit from an article whose main topic it only shares as a side topic', () => {
    // gift-cards' main topic is gift_card; payment-methods answers check_payment_methods only.
    const giftCardLimits = kb.get('gift-cards')?.needsAPerson ?? [];
    expect(giftCardLimits.length).toBeGreaterThan(0);
    for (const limit of giftCardLimits) expect(kb.limitsOf('payment-methods')).not.toContain(limit);
  });

  it('keeps an article\'s own limits and is empty for an unknown id', () => {
    for (const limit of kb.get('delivery-options')?.needsAPerson ?? []) expect(kb.limitsOf('delivery-options')).toContain(limit);
    expect(kb.limitsOf('no-such-article')).toEqual([]);
  });
});
