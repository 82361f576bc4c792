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
