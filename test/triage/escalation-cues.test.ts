import { describe, expect, it } from 'vitest';
import { CUE_NAMES, readCues, readPolarity, type CueName } from '../../src/triage/escalation-cues.js';

const cuesOf = (text: string): CueName[] => {
  const { values } = readCues(text);
  return CUE_NAMES.filter((_, index) => values[index]! > 0);
};

describe('negation scope', () => {
  it('a negated positive word is negative, a negated negative word is neutral', () => {
    expect(readPolarity('I am not happy with the sofa').negatedPositive).toEqual(['not happy']);
    expect(readPolarity('No rush, no problem at all').negative).toEqual([]);
    expect(readPolarity("Don't worry, it's not a problem").negative).toEqual([]);
    expect(readPolarity('The lamp is broken').negative).toEqual(['broken']);
  });

  it('ends at the clause: "not sure, but it is broken" keeps "broken"', () => {
    expect(readPolarity('Not sure why, but the handle is broken').negative).toEqual(['broken']);
  });

  it('an intensifier before a negative word is its own cue', () => {
    expect(cuesOf('I am extremely disappointed.')).toContain('intensified-negative');
    expect(cuesOf('I am disappointed.')).not.toContain('intensified-negative');
  });
});

describe('sarcasm frames', () => {
  it.each([
    'Great, another week without my parcel.',
    'Thanks for nothing.',
    'Love paying twice for one chair.',
    'Apparently "two-day delivery" means a fortnight.',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('sarcasm-frame');
  });

  it.each([
    'Great, the parcel arrived today.',
    'Thanks again for the quick help last time!',
    'The screw was missing and you sent one, thanks.',
    'I love the new catalogue.',
  ])('not sarcasm: %s', (text) => {
    expect(cuesOf(text)).not.toContain('sarcasm-frame');
  });
});

describe('complaint cues beyond words', () => {
  it('repeated contact, but not a repeat order', () => {
    expect(cuesOf('This is the fourth email I send about it.')).toContain('repeated-contact');
    expect(cuesOf('Still nothing from you.')).toContain('repeated-contact');
    expect(cuesOf('I already told your colleague twice.')).toContain('repeated-contact');
    expect(cuesOf('I ordered the same mugs again, they are lovely.')).not.toContain('repeated-contact');
  });

  it('second-person blame needs a failure, not a neutral "you sent"', () => {
    expect(cuesOf('You lost my parcel.')).toContain('second-person-blame');
    expect(cuesOf('You sent the wrong size.')).toContain('second-person-blame');
    expect(cuesOf('You sent the invoice, thank you.')).not.toContain('second-person-blame');
  });

  it('a claim set against what came, but not a question about the claim', () => {
    expect(cuesOf('The page says glass. What came is plastic.')).toContain('claim-contrast');
    expect(cuesOf('The page says glass. Is it dishwasher safe?')).not.toContain('claim-contrast');
  });

  it('shouting is a share of capitalised words', () => {
    const { values } = readCues('WHERE IS MY PARCEL I PAID FOR IT');
    expect(values[CUE_NAMES.indexOf('shouting')]).toBeGreaterThan(0.8);
    expect(cuesOf('My USB cable from the UK shop works.')).not.toContain('shouting');
  });
});

describe('security, retention, refund, third party and a person', () => {
  it('a denied account action, not a parcel that did not arrive', () => {
    expect(cuesOf('There is an order on my account that I never placed.')).toContain('denied-account-action');
    expect(cuesOf('Someone changed the email on my profile.')).toContain('stranger-on-account');
    expect(cuesOf("I didn't receive the confirmation email.")).not.toContain('denied-account-action');
    expect(cuesOf("What happens to my points if I don't order for a year?")).not.toContain('denied-account-action');
  });

  it('leaving the shop and ending the plan, not cancelling an order or pausing a box', () => {
    expect(cuesOf("I'll be buying from another store from now on.")).toContain('leaving-the-shop');
    expect(cuesOf('Please end my yearly membership.')).toContain('ending-the-relationship');
    expect(cuesOf('Please cancel order A1001.')).not.toContain('ending-the-relationship');
    expect(cuesOf('Please pause my subscription box for a month.')).not.toContain('ending-the-relationship');
    expect(cuesOf('Please ignore the note on my last order.')).not.toContain('leaving-the-shop');
  });

  it('asking for money back, not asking about the refund policy or a refund already granted', () => {
    expect(cuesOf('Could you put the 30 pounds back on my card?')).toContain('money-back-request');
    expect(cuesOf('Can I get some money off for the dent?')).toContain('money-back-request');
    expect(cuesOf('What is your refund policy for sale items?')).not.toContain('money-back-request');
    expect(cuesOf('When will my refund arrive? You approved it on Monday.')).not.toContain('money-back-request');
    expect(cuesOf('when will the refund for my return hit my card')).not.toContain('money-back-request');
    expect(cuesOf('Could you explain the difference between the two plans?')).not.toContain('money-back-request');
  });

  it("another person's data, not a relative's address as the delivery address", () => {
    expect(cuesOf('What did my husband order last week?')).toContain('other-person-data');
    expect(cuesOf("Can you tell me my sister's account email?")).toContain('other-person-data');
    expect(cuesOf("Please send the parcel to my mum's address.")).not.toContain('other-person-data');
    expect(cuesOf('My partner will sign for the delivery.')).not.toContain('other-person-data');
  });

  it('asking for a person, not declining a call', () => {
    expect(cuesOf('Could someone from your team give me a ring?')).toContain('asks-for-a-person');
    expect(cuesOf('No need to call me, email is fine.')).not.toContain('asks-for-a-person');
  });
});

describe('readCues', () => {
  it('keeps the words that fired each cue, short, for the audit trail', () => {
    const reading = readCues('Hello.\nThanks for nothing. You lost my parcel.');
    expect(reading.evidence['sarcasm-frame']).toBe('Thanks for nothing');
    expect(reading.evidence['second-person-blame']).toBe('You lost');
  });

  it('reads nothing in an empty text', () => {
    expect(readCues('').values.every((value) => value === 0)).toBe(true);
  });
});
