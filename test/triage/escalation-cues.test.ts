import { describe, expect, it } from 'vitest';
import { CUE_NAMES, isComplaintDisowned, isEndingOnlyAskedAbout, isMoneyOnlyFromElsewhere, isEndingUndone, isNoComplaintOfOurs, isPersonOnlyAskedAbout, isSecurityWorryOnly, isSomeoneElsesAccount, onlyAsksWhenMoneyComesBack, readCues, removesPartOfAccount, readPolarity, type CueName } from '../../src/triage/escalation-cues.js';
import { readEscalation } from '../../src/triage/escalation.js';

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
    'Wow. Three weeks for a pair of socks. Impressive.',
    'Superb service as always. The mat arrived four days late.',
    'Brilliant. The rug arrived with a hole in it.',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('sarcasm-frame');
  });

  it.each([
    'Great, the parcel arrived today.',
    'Thanks again for the quick help last time!',
    'The screw was missing and you sent one, thanks.',
    'I love the new catalogue.',
    'The parcel came today. Perfect.',
    'The box was damaged but the lamp is fine. Great.',
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
    expect(cuesOf('A new device signed in to my account last night.')).toContain('stranger-on-account');
    expect(cuesOf('There is an unrecognised order on my account.')).toContain('stranger-on-account');
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
    expect(cuesOf("The invoice still has 21 % VAT on it. I want that VAT back, it's your system's error.")).toContain('money-back-request');
    expect(cuesOf('What is your refund policy for sale items?')).not.toContain('money-back-request');
    expect(cuesOf('When will my refund arrive? You approved it on Monday.')).not.toContain('money-back-request');
    expect(cuesOf('when will the refund for my return hit my card')).not.toContain('money-back-request');
    expect(cuesOf('Could you explain the difference between the two plans?')).not.toContain('money-back-request');
  });

  it('money asked by its amount, whatever the verb: "back" or "off" with a sum, a credit issued, the old price', () => {
    for (const text of [
      "The mug cracked in a week. I'll have the 12.50 back, thanks.",
      'I want my 75 euros back by Friday.',
      'Please knock the 3,90 off the next order.',
      "I'd like the gift-wrap fee back since nothing was wrapped.",
      'Please raise a credit note against invoice 4471 for the two missing chairs.',
      'Could I have it at the original price, since you cancelled my first order?',
      'Three weeks and nothing. Pay me.',
      'You took the payment twice. Please send the second payment back to my card.',
      'Send me the difference back, the price dropped a day later.',
    ]) {
      expect(cuesOf(text), text).toContain('money-back-request');
    }
    for (const text of [
      'The lamp cost 49.99 and came on time.',
      'If it does not fit, who pays the postage back to you?',
      'Would I be paying the shipping back myself?',
      'I paid 20 euros for shipping back in January and it was fine.',
      // the item goes back, not the money
      'If the chair does not fit, can I send it back?',
      'I had to take Friday off to wait for the courier, can you tell me the delivery window?',
      'I want to send back the mug set from my order, how does it work?',
    ]) {
      expect(cuesOf(text), text).not.toContain('money-back-request');
    }
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

describe('the same cues in the seven other languages (folded letters)', () => {
  it.each([
    ['de', 'Ich bin wirklich sauer, die Decke kam zerrissen an.', 'first-person-emotion'],
    ['fr', "Merci pour rien, j'ai attendu tout le week-end.", 'sarcasm-frame'],
    ['es', 'Genial, otra vez la caja aplastada.', 'sarcasm-frame'],
    ['it', 'È la terza volta che vi scrivo per la stessa sedia.', 'repeated-contact'],
    ['nl', 'Ik koop voortaan ergens anders.', 'leaving-the-shop'],
    ['pt', 'Quero cancelar a minha assinatura anual.', 'ending-the-relationship'],
    ['pl', 'Proszę o zwrot pieniędzy za uszkodzony czajnik.', 'money-back-request'],
    ['pl, without accents', 'prosze o zwrot pieniedzy za uszkodzony czajnik', 'money-back-request'],
    ['de', 'Auf meinem Konto ist eine Bestellung, die ich nie aufgegeben habe.', 'denied-account-action'],
    ['es', 'Alguien ha entrado en mi cuenta desde otro país.', 'stranger-on-account'],
    ['it', 'Vorrei parlare con una persona, non con un bot.', 'asks-for-a-person'],
    ['fr', 'Ma voisine est absente. Quelle adresse e-mail a-t-elle sur son compte ?', 'other-person-data'],
    ['fr', "Je reçois des confirmations de commandes que je n'ai pas passées.", 'denied-account-action'],
    ['pl', 'Ktoś robi zakupy na moim koncie.', 'stranger-on-account'],
    ['it', "Non voglio più l'abbonamento, annullatelo.", 'ending-the-relationship'],
    ['nl', 'Het gaat elke keer mis met de levering.', 'repeated-contact'],
  ] as const)('%s: %s', (_, text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });

  it.each([
    ['a refund already granted', 'de', 'Meine Rückerstattung wurde bestätigt. Wie lange dauert es, bis ich das Geld habe?', 'money-back-request'],
    ['a lawyer is not a request for a person', 'pt', 'Vou falar com um advogado.', 'asks-for-a-person'],
    ['a delivery to a relative', 'nl', 'Kunt u het pakket bij mijn moeder bezorgen? Haar adres is Dorpsstraat 2.', 'other-person-data'],
    ['an errand for the customer\'s own order', 'it', "Mio marito mi ha chiesto di controllare l'ordine che ho fatto ieri.", 'other-person-data'],
    ['cancelling an order', 'es', 'Quiero cancelar el pedido 4411, me equivoqué de color.', 'ending-the-relationship'],
    ['a calm "nothing wrong"', 'de', 'Es ist nichts kaputt, alles bestens.', 'negative-words'],
  ] as const)('not: %s (%s)', (_, _lang, text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });

  it('reads polarity in folded letters: "pas content" is a negated positive', () => {
    expect(readPolarity("Je ne suis pas contente du tout.").negatedPositive).toEqual(['not contente']);
    expect(readPolarity('Nothing wrong at all, the driver was polite.').negative).toEqual([]);
  });
});

describe('precision of the English cues on ordinary mail', () => {
  it.each([
    ['an order number is not an amount', 'Please cancel order 55401, I ordered the wrong size.', 'money-back-request'],
    ['removing the account is not money back', 'Remove it please, along with the saved card.', 'money-back-request'],
    ['a newsletter is not money off', 'Please take me off your newsletter list.', 'money-back-request'],
    ['a refund already approved', 'I can see the refund is approved but nothing in my bank.', 'money-back-request'],
    ['the customer owns the change', 'My password was changed this morning. Yes, that was me.', 'stranger-on-account'],
    ['a new order is not a stranger\'s', 'Can I add a lamp to it, or do I need a new order?', 'stranger-on-account'],
    ['a card the customer added', 'I added a new card to my account yesterday, which one is charged?', 'stranger-on-account'],
    ['a legal adviser is not a person to talk to', 'My legal advisor will contact you about the injury.', 'asks-for-a-person'],
    ['the customer\'s own order, a household errand', 'My wife asked me to check the order I placed. What is its status?', 'other-person-data'],
    ['a relative running the errand', 'My partner is going to collect the parcel from the depot, is that OK?', 'other-person-data'],
    ['a shared account', 'My husband and I share this account. What did he order yesterday?', 'other-person-data'],
    ['praise, not a complaint', 'Not a complaint, just feedback: the box was big.', 'first-person-emotion'],
    ['an emotion denied', "I'm not upset at all, only wondering when the lamp leaves the warehouse.", 'first-person-emotion'],
    ['an emotion denied, with a word between', 'I am really not angry, just asking about the return window.', 'first-person-emotion'],
  ] as const)('%s', (_, text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });

  it.each([
    ['a person named in the sentence before', 'My brother orders from you too. Can you tell me what he has coming?', 'other-person-data'],
    ['an errand to read a boss\'s invoices', "I'd like to see the invoices on my boss's account, she asked me to check.", 'other-person-data'],
    ['a purchase and a question in one sentence', 'My friend Lucy ordered the same lamp, what did she pay for it?', 'other-person-data'],
    ['a denial whose account object is in the sentence before', "Two orders on my account go to Manchester. I've never lived there.", 'denied-account-action'],
    ['a session somewhere else', 'Somebody seems to be logged in as me, the app shows a session in Lagos.', 'stranger-on-account'],
    ['leaving a programme', "I'd like to leave the Plus programme.", 'ending-the-relationship'],
    ['whose order it is', 'I found a receipt with order 70442 on it. Could you tell me whose it is?', 'other-person-data'],
    ['the difference in other words', 'The rug is cheaper in your app. Can I have the difference?', 'money-back-request'],
    ['a charge reversed', 'Could that charge be reversed?', 'money-back-request'],
    ['no longer needing the account', "We won't need the business account any more.", 'ending-the-relationship'],
    ['a stranger who has been using the card', 'Someone has been using my saved card.', 'stranger-on-account'],
  ] as const)('%s', (_, text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });
});

describe('a known person in the account, asks for a price adjustment or a fee, other people\'s data by errand', () => {
  it.each([
    'My ex-boyfriend still knows my password and logs in whenever he likes.',
    'My old roommate has my login details and keeps buying stuff on my account.',
    'A former colleague is using my login, how do I get her out of my account?',
  ])('someone the customer knows in the account: %s', (text) => {
    expect(cuesOf(text)).toContain('stranger-on-account');
  });

  it('a household that shares the account on purpose is not a stranger', () => {
    expect(cuesOf('We share one account at home, my husband has my password.')).not.toContain('stranger-on-account');
  });

  it.each([
    'The kettle dropped by 15 EUR a day after my order, could you do a price adjustment?',
    'Any chance you could refund the difference now that the desk is on sale?',
    'Would you be able to cover the customs charges on my parcel?',
    "I'd appreciate you refunding the difference on the chair.",
    'Could you do something small for me since the sofa came a week late?',
  ])('money asked for in other words: %s', (text) => {
    expect(cuesOf(text)).toContain('money-back-request');
  });

  it.each([
    'Do you cover return shipping costs for faulty items?',
    "I'd appreciate a quick answer on how long delivery takes.",
    'Any chance you could tell me when the desk ships?',
  ])('a question or a polite ask that wants no money: %s', (text) => {
    expect(cuesOf(text)).not.toContain('money-back-request');
  });

  it.each([
    "This is Priya writing from Sam's account. Which card was used for the last order?",
    "Hello, I'm Marta's assistant. Could you tell me the delivery address on her last order?",
    'Our tenant asked me to fetch her invoices and order details for the flat.',
    'Please send me the names and emails of all the people who bought the garden bench.',
    'My late mother had a Pro plan with you, could you tell me what is still active on her account?',
    'Could you read me the phone number you have on file for my neighbour? I want to return her parcel.',
  ])('another person\'s data: %s', (text) => {
    expect(cuesOf(text)).toContain('other-person-data');
  });

  it.each([
    "I'm Leo's dad and he loves the telescope, thank you!",
    'Please deliver the parcel to my neighbour at number 8 if I am out.',
    'Did everyone get the recall email for the heater, or only some buyers?',
  ])('no one else\'s data asked for: %s', (text) => {
    expect(cuesOf(text)).not.toContain('other-person-data');
  });
});

describe('someone else\'s order asked about across a mail', () => {
  it.each([
    ['owner, reason and ask in three sentences', 'My husband Tomas ordered a standing lamp from you on Monday. He is away for work until the 20th. Could you tell me whether it has shipped?'],
    ['an order under the person\'s name', "Hello, I help my grandfather with his emails. The radio he wanted is under his name. Can you tell me when it comes?"],
    ['writing for a relative', "I'm writing for my mother, she doesn't use email. She placed an order for a kettle. Where is it now?"],
    ['a work relation\'s personal account', 'Our apprentice, Jonas, bought two chairs with his personal account. Please send me the invoice for our books.'],
    ['a purchase with an aside, asked about in pronouns', 'My daughter (she is 15) took my card and ordered headphones. Can you tell me what she paid and cancel it?'],
    ['a firm acting for a client', 'We act for Mr. Olsen regarding order 55-2010. Please send us all records of this order.'],
    ['German: the person\'s own account', 'Meine Frau hat letzte Woche mit ihrem eigenen Konto bestellt. Können Sie mir sagen, wann das Paket kommt?'],
    ['Spanish: the person\'s own account', 'Mi hermano hizo un pedido con su cuenta. ¿Me pueden decir cuándo llega?'],
    ['a relative\'s account, asked to be seen', "My nephew has an account with you, he is 14. I'd like to see what he has ordered."],
    ['working for a named person', "I'm the assistant to Ruth Adler. Could you check her last order and tell me the delivery date?"],
    ['a colleague named', 'A colleague, Pia Lund, ordered a printer stand. Can you tell me when it will be delivered?'],
    ['a deed on the person', 'Please deactivate my father-in-law, he cannot manage the account any more.'],
    ['a relative\'s return', 'My mum, Patricia Greaves, returned a wool throw to you in March. Could you tell me when she gets her money back?'],
    ['on behalf of a named person', "I'm writing on behalf of Grace Hopper, who is travelling. Could you send me the invoice for B3001?"],
    ['a named person\'s assistant', 'Leo here, Frances Allen\'s assistant. Can you send me all her invoices?'],
    ['asked by a named person', 'Radia asked me to cover her purchasing this week. Could you email me the invoice for B3002?'],
    ['French: a relative\'s purchase', "Ma fille a commandé une lampe chez vous. Est-ce que vous pouvez me dire où est le colis ?"],
    ['German: a relative\'s purchase', 'Mein Mann hat am Mittwoch bei Ihnen einen Standmixer bestellt. Können Sie mir sagen, wann er kommt?'],
  ])('%s', (_, text) => {
    expect(cuesOf(text)).toContain('other-person-data');
  });

  it.each([
    ['the writer placed it', 'My wife chose the rug but I ordered it on my account. Could you tell me when it ships?'],
    ['a gift the writer received', 'My sister bought me the kettle for my birthday. Could you tell me if it has a warranty?'],
    ['the writer asks about their own account', 'My husband ordered the lamp for us. Where do I find the invoice in my account?'],
    ['a relative\'s purchase, no ask', 'My friend bought the same desk last year and loves it, so I ordered one too.'],
    ['a general question asked for a relative', 'Just asking for my dad who is thinking about it: where is the delete account button?'],
    ['the writer\'s own department', 'Procurement has asked me to get a quote for twelve chairs. Can you tell me the price?'],
    ['a pronoun is no named person', "He's asked me to get the invoice. Can you send it to me?"],
    ['on behalf of the writer\'s firm', 'On behalf of Hollis Print Ltd, please send us the invoice for our order.'],
  ])('%s', (_, text) => {
    expect(cuesOf(text)).not.toContain('other-person-data');
  });
});

describe('tone about another business, and "complaint" said of none', () => {
  it.each([
    ['another shop\'s failure', 'Last winter I bought boots from another shop and it was a disaster, they came broken and nobody answered.', 'negative-words'],
    ['a bad experience elsewhere', 'Is there always tracking to Norway? I had a terrible experience with a different store.', 'negative-words'],
    ['a scam not with us', 'My cousin lost money to a scam (not with you, some gaming site).', 'deceptive-practice'],
    ['a complaint denied', "Just curious, I'm not making any kind of formal complaint.", 'first-person-emotion'],
    ['a complaint joked about', 'How do I file a complaint? lol no, I only want to praise the courier.', 'first-person-emotion'],
    ['a complaint about how good it is', 'I have a complaint... about how fast your delivery was!', 'first-person-emotion'],
  ] as const)('%s', (_, text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });

  it.each([
    ['leaving for another shop, blaming us', 'I will buy from another shop, your service is useless.', 'negative-words'],
    ['a complaint of ours', 'I want to make a complaint about the broken lamp.', 'first-person-emotion'],
  ] as const)('%s', (_, text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });

  it('the matrix drops the complaint word list there too', () => {
    expect(isNoComplaintOfOurs("Not a formal complaint, just a note: the box was dented.", 'complaint')).toBe(true);
    expect(isNoComplaintOfOurs('This is a formal complaint about order 55-1020.', 'complaint')).toBe(false);
  });
});

describe('a security question with no incident behind it', () => {
  it.each([
    'I cannot sign in. Nobody hacked me, I just forgot which password I picked. How do I reset it?',
    'Our office had phishing training today. Would your support ever ask for my password by phone?',
    "What should I do if I get a sign-in alert that wasn't me? It hasn't happened, I'm setting up a password manager.",
    'I got a strange mail asking for my card number. I did not click anything and deleted it. Where can I report such mails?',
  ])('%s', (text) => {
    expect(isSecurityWorryOnly(text)).toBe(true);
  });

  it.each([
    ['an incident told as fact', "Just curious at first, but now there are two orders on my account that I didn't place."],
    ['credentials given away', "I didn't think twice: I clicked the link and entered my password, then saw it was fake."],
    ['no calm words at all', 'Someone logged into my account from Lagos last night.'],
  ])('%s', (_, text) => {
    expect(isSecurityWorryOnly(text)).toBe(false);
  });

  it('the matrix drops the security tag there', () => {
    const calm = readEscalation({ text: 'Phishing training at work made me careful. Do you ever email a link to reset a password?', model: null });
    expect(calm.signals.map((signal) => signal.tag)).not.toContain('security');
    const attacked = readEscalation({ text: 'Phishing! Someone has logged into my account and changed the email.', model: null });
    expect(attacked.signals.map((signal) => signal.tag)).toContain('security');
  });
});

describe('an ending asked about, not wanted', () => {
  it.each([
    'Is there a fee if I cancel Pro before the renewal date?',
    'If I downgrade to the free plan one day, do I keep my invoices? Not planning to, just asking.',
    'What happens to my order history if I cancel Pro? Asking before I sign up.',
    'Before I press the button: is there a penalty for cancelling mid-year?',
  ])('%s', (text) => {
    expect(isEndingOnlyAskedAbout(text)).toBe(true);
  });

  it.each([
    ['a wish told beside the question', 'Thinking of leaving. Is there a fee if I cancel Pro now?'],
    ['a wish in the same sentence', "I'm thinking about leaving, is there any fee if I close my account?"],
    ['another shop', 'If I cancel Pro, is there a fee? A competitor ships for free.'],
    ['a request', 'Please cancel my Pro plan. Is there a fee if I cancel mid-month?'],
    ['no supposition at all', 'I want to cancel my subscription.'],
    ['closing the account, where the labels split', 'If I delete my account one day, do I lose my invoices? Just asking.'],
    ['doubt about keeping it', "Is there any fee if I cancel my Pro plan before the year is up? After the rug saga I'm not sure I'll keep ordering."],
    ['leaning towards it', "If I cancel it now, do I lose my invoices? I'm leaning towards cancelling before it renews."],
    ['not worth it to them', "If I cancel Pro, is there a fee? Honestly it isn't worth it for me."],
  ])('%s', (_, text) => {
    expect(isEndingOnlyAskedAbout(text)).toBe(false);
  });

  it('the matrix drops retention there; a request to end keeps it', () => {
    const asked = readEscalation({ text: 'Is there a fee if I cancel Pro mid-year? Just curious.', model: null });
    expect(asked.signals.map((signal) => signal.tag)).not.toContain('retention');
    const supposed = readEscalation({ text: 'If I cancel Pro mid-month, do I lose my free shipping?', intent: 'check_cancellation_fee', intentConfidence: 0.99, model: null });
    expect(supposed.signals.map((signal) => signal.tag)).not.toContain('retention');
    const wanted = readEscalation({ text: 'Please cancel my Pro plan. If I cancel it today, do I lose free shipping?', model: null });
    expect(wanted.signals.map((signal) => signal.tag)).toContain('retention');
  });
});

describe('a person asked about, not asked for', () => {
  it.each([
    'Nothing is wrong right now, but in case I ever need to speak to a real person, when is your chat staffed?',
    'Is there any way to talk to someone on the phone, like a hotline?',
    'How do I actually get hold of your team? Just asking for the future.',
  ])('%s', (text) => {
    expect(isPersonOnlyAskedAbout(text)).toBe(true);
  });

  it.each([
    ['a person wanted now', 'Is there a phone number? I want a manager to call me today about the broken chair.'],
    ['no question of how to reach us', 'Please have a real person read this thread.'],
  ])('%s', (_, text) => {
    expect(isPersonOnlyAskedAbout(text)).toBe(false);
  });

  it('the matrix drops human-requested there', () => {
    const asked = readEscalation({ text: 'If I ever need to talk to a human, is this chat the place? Nothing wrong right now.', model: null });
    expect(asked.signals.map((signal) => signal.tag)).not.toContain('human-requested');
    const wanted = readEscalation({ text: 'I want to speak to a manager. Please call me back today.', model: null });
    expect(wanted.signals.map((signal) => signal.tag)).toContain('human-requested');
  });
});

describe('a complaint disowned', () => {
  it.each([
    'Not a complaint this time! The driver was really friendly and carried the shelf upstairs.',
    'Hello. I am not complaining, only asking: why does the parcel leave only the next day?',
    'Complaint?? no\nThis is not a complaint, I am very happy. I just cannot find your live chat.',
    'Lovely notebooks, no complaints at all. One question: can I return one of them unused?',
  ])('%s', (text) => {
    expect(isComplaintDisowned(text)).toBe(true);
  });

  it.each([
    ['a hedge', 'Not a complaint exactly, more a disappointment: the gift came two days after the birthday.'],
    ['a complaint after all', 'Not a complaint as such, but the lamp broke again and nobody answered me.'],
    ['a "but" that follows', "I'm not complaining but this is the third parcel that came late."],
    ['other words', "I'm not one to complain, but the mugs are crazing after two weeks."],
    ['a complaint made', 'I want to make a complaint about the courier.'],
  ])('%s', (_, text) => {
    expect(isComplaintDisowned(text)).toBe(false);
  });

  it('a complaint told as closed is disowned too', () => {
    expect(isComplaintDisowned("Thanks, that complaint is closed as far as I'm concerned. New question: how long to Canada?")).toBe(true);
    expect(isComplaintDisowned('Hello, the refund arrived after all, you can close my earlier complaint.')).toBe(true);
    expect(isComplaintDisowned('My complaint was never resolved and I am still waiting.')).toBe(false);
  });

  it('the matrix drops complaint there, whoever raised it', () => {
    const text = 'Complaint? No :)\nHi, this is not a complaint, all was fine with my blender. Do you have pickup points in Germany?';
    const disowned = readEscalation({ subject: 'Complaint? No :)', text, intent: 'complaint', intentConfidence: 0.95 });
    expect(disowned.signals.map((signal) => signal.tag)).not.toContain('complaint');
    expect(disowned.doubts.map((doubt) => doubt.tag)).not.toContain('complaint');
    const made = readEscalation({ text: 'This is a complaint. The blender broke twice and nobody answers my mails.', intent: 'complaint', intentConfidence: 0.95 });
    expect(made.signals.map((signal) => signal.tag)).toContain('complaint');
  });
});

describe('sarcasm in other shapes', () => {
  it.each([
    'Lovely. The cot arrived the day after the baby shower, which was rather the point.',
    'Brilliant: another parcel with a hole in the side.',
    'Truly amazing. A kettle that leaks from the handle.',
    'Three weeks for a refund? Snails would have been quicker.',
    'Your reliability in losing my parcels is remarkable.',
    'You sent the blue one again. Is this some kind of joke?',
    'Do you even read what I write?',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('sarcasm-frame');
  });

  it.each([
    'Wow. The rug looks even better than in the photos.',
    'Brilliant, the parcel came a day early.',
    'Are you open on Sundays?',
    'The lamp is reliable and I use it every day.',
  ])('not sarcasm: %s', (text) => {
    expect(cuesOf(text)).not.toContain('sarcasm-frame');
  });
});

describe('endings taken back and "elsewhere" that is not another shop', () => {
  it('an ending undone is not churn, an ending asked for is', () => {
    expect(cuesOf('I closed my membership by accident yesterday, can you restore it?')).not.toContain('ending-the-relationship');
    expect(cuesOf('Please close my membership, I no longer use it.')).toContain('ending-the-relationship');
  });

  it('the matrix drops a retention word-list match whose ending is undone', () => {
    expect(isEndingUndone('I cancelled my subscription by mistake. Can I get it back?', 'cancelled my subscription')).toBe(true);
    expect(isEndingUndone('Please cancel my subscription today.', 'cancel my subscription')).toBe(false);
  });

  it('a question about the renewal date is not a doubt about renewing', () => {
    expect(cuesOf("I'm not sure what date the renewal is due, where do I see it?")).not.toContain('ending-the-relationship');
    expect(cuesOf("I'm not sure I'll renew next year.")).toContain('ending-the-relationship');
  });

  it('"elsewhere" means leaving only with shopping around it', () => {
    expect(cuesOf('My sister had her email hacked elsewhere, so I want two-step login.')).not.toContain('leaving-the-shop');
    expect(cuesOf("I'll take my business elsewhere.")).toContain('leaving-the-shop');
    expect(cuesOf('I can buy the same lamp elsewhere for less.')).toContain('leaving-the-shop');
  });
});

describe('an attack on someone else\'s account', () => {
  it('is a worry to answer, not a takeover of the customer\'s own', () => {
    expect(isSomeoneElsesAccount('My brother had his account hacked last week. How do I make mine safer?', 'hacked')).toBe(true);
    expect(isSomeoneElsesAccount('My account was hacked last night.', 'hacked')).toBe(false);
    expect(isSomeoneElsesAccount("My wife's email was hacked and now there are orders on my account.", 'hacked')).toBe(false);
  });
});

describe('a question about when agreed money comes back', () => {
  it('is not a request for money back', () => {
    expect(onlyAsksWhenMoneyComesBack('The tracking says my return arrived on Monday. How many days until the money shows up on my card?')).toBe(true);
    expect(onlyAsksWhenMoneyComesBack('refund timing\nWhen should I expect the refund to land in my account?')).toBe(true);
  });

  it('unless money is also asked for, or no timing is asked at all', () => {
    expect(onlyAsksWhenMoneyComesBack('When will my refund arrive? Please refund the shipping too.')).toBe(false);
    expect(onlyAsksWhenMoneyComesBack('I want my money back for the broken kettle.')).toBe(false);
  });

  it('a subject line that names the topic is not an imperative', () => {
    expect(cuesOf('refund status')).not.toContain('money-back-request');
    expect(cuesOf('refund for cancelled order')).not.toContain('money-back-request');
    expect(cuesOf('refund of the blanket')).not.toContain('money-back-request');
    expect(cuesOf('Refund my order please')).toContain('money-back-request');
  });

  it('reads the money arriving on the account, and the question in other languages', () => {
    expect(onlyAsksWhenMoneyComesBack('refund of the blanket\nI have sent back the blanket and I see it is returned. How long until the money is on my account?')).toBe(true);
    expect(onlyAsksWhenMoneyComesBack('Rückerstattung??\nHallo, ich hab den Mixer zurückgeschickt. Wann krieg ich mein Geld zurück?')).toBe(true);
    expect(onlyAsksWhenMoneyComesBack('geld terug?\nwanneer krijg ik mijn geld terug? pakket is al 2 weken bij jullie terug.')).toBe(true);
    expect(onlyAsksWhenMoneyComesBack('Ich möchte mein Geld zurück. Wann bekomme ich es?')).toBe(false);
  });
});

describe("a relative's card or address in the customer's own errand", () => {
  it('is not someone else\'s data', () => {
    expect(cuesOf("I bought your blender 18 months ago and the motor died. Is it still under warranty? The order was on my wife's card I think.")).not.toContain('other-person-data');
    expect(cuesOf('Hello, I want to add also the address of my son in Brussels in my account, so I can send him things. How I do this?')).not.toContain('other-person-data');
  });

  it("asking what was bought on a relative's card still is", () => {
    expect(cuesOf("Can you tell me what was bought on my wife's card last week?")).toContain('other-person-data');
  });
});

describe('never hacked', () => {
  it('a breach warning at sign-up with no incident is no security case', () => {
    const text = "Your signup form says my password appeared in a data breach?? I've never been hacked. Do I really have to pick another one?";
    expect(isSecurityWorryOnly(text)).toBe(true);
    expect(readEscalation({ text }).signals.map((signal) => signal.tag)).not.toContain('security');
  });
});

describe('something asked to be free', () => {
  it('is a discount asked for', () => {
    expect(cuesOf("I'd upgrade to Pro today if you give me the first month free, a friend said you did that for him.")).toContain('money-back-request');
    expect(cuesOf('Could you throw in the shipping for free since it was late?')).toContain('money-back-request');
  });

  it('not when it is a question of what is free', () => {
    expect(cuesOf('Is standard shipping free for Pro members?')).not.toContain('money-back-request');
    expect(cuesOf('Can I get free returns?')).not.toContain('money-back-request');
  });
});

describe('money back that someone else pays, and discount schemes asked about', () => {
  it.each([
    'I need the invoice of order A1002 for my work, they give back the money for office things. Where can I download it?',
    'Invoice required for reimbursement\nKindly let me know where I can download the invoice. My company will give compensation only with a proper invoice.',
    'Bonjour, où puis-je télécharger la facture ? Mon entreprise me la demande pour le remboursement de frais.',
    'Hola, quería saber si aceptan pago contra reembolso o transferencia bancaria.',
    'Hi, I am a student. Do you do any student discount?',
    'hi do you guys have a discount for students?',
  ])('%s', (text) => {
    expect(isMoneyOnlyFromElsewhere(text)).toBe(true);
    expect(readEscalation({ text, model: null }).signals.map((signal) => signal.tag)).not.toContain('refund');
  });

  it.each([
    ['money asked of us too', 'My company reimburses it anyway, but I want a refund for the broken lamp.'],
    ['a discount asked for', 'Can you give me a student discount on order A1004?'],
    ['no money words', 'Where do I download my invoice?'],
  ])('%s', (_, text) => {
    expect(isMoneyOnlyFromElsewhere(text)).toBe(false);
  });
});

describe('a sign-in the customer owns', () => {
  it('"that was me" under our alert is no takeover', () => {
    for (const text of ["Re: New sign-in to your account\nThat was me on my daughter's iPad. Fine. Can I sign out of her iPad remotely?", 'Re: New sign-in to your account\nyep that was me, new laptop. do i need to do anything?']) {
      expect(isSecurityWorryOnly(text)).toBe(true);
      expect(readEscalation({ text }).signals.map((signal) => signal.tag)).not.toContain('security');
    }
  });

  it('a denied one still is', () => {
    const text = "Re: New sign-in to your account\nThat wasn't me! Someone is in my account and changed my address.";
    expect(isSecurityWorryOnly(text)).toBe(false);
    expect(readEscalation({ text }).signals.map((signal) => signal.tag)).toContain('security');
  });
});

describe('removing part of the account', () => {
  it('a card, an address or a review taken off the account is housekeeping, not leaving', () => {
    expect(removesPartOfAccount('How do I remove the expired card from my account?')).toBe(true);
    expect(cuesOf('Please take my old address off my account.')).not.toContain('ending-the-relationship');
    expect(removesPartOfAccount('Delete my account and every card on it.')).toBe(false);
    expect(cuesOf('Please delete my account.')).toContain('ending-the-relationship');
  });

  it('the intent delete_account does not tag retention for a card deleted', () => {
    const tags = (text: string) => readEscalation({ text, intent: 'delete_account', intentConfidence: 0.99 }).signals.map((signal) => signal.tag);
    expect(tags('How can I delete a saved payment card I no longer use?')).not.toContain('retention');
    expect(tags('How do I delete my account?')).toContain('retention');
  });
});

describe('money words that ask for nothing back', () => {
  it('"Reverse charge" is the VAT procedure; "reverse the charge" is a request', () => {
    expect(cuesOf('Reverse charge')).not.toContain('money-back-request');
    expect(cuesOf('Can we use the reverse-charge procedure with our German VAT ID?')).not.toContain('money-back-request');
    expect(cuesOf('Can you reverse the charge?')).toContain('money-back-request');
  });

  it('asking when the sum of a sent refund shows up is timing, not a request', () => {
    expect(cuesOf('How long after "Refund sent" will I actually see the 89 euros back on my card?')).not.toContain('money-back-request');
    expect(cuesOf('I want my 89 euros back on my card.')).toContain('money-back-request');
  });
});

describe('capitals that are not shouting', () => {
  it.each([
    ['a card statement line in quotes', 'The card statement shows 240.00 EUR to "NORTHWIND GOODS REFUND" on the same day.'],
    ['amounts written with their currency code', 'I paid EUR 64.90 and then 64.90 EUR again, plus CHF 12 in fees.'],
    ['a button quoted', 'I press “PAY NOW AND CONTINUE” and nothing happens.'],
  ] as const)('%s', (_, text) => {
    expect(cuesOf(text)).not.toContain('shouting');
  });

  it('the writer\'s own capitals still shout, quoted words or not', () => {
    expect(cuesOf('WHERE IS MY ORDER, I HAVE WAITED TWO WEEKS')).toContain('shouting');
    expect(cuesOf('THE BUTTON "Pay now" DOES NOT WORK AT ALL')).toContain('shouting');
  });
});

describe('"three times" as repeated contact', () => {
  it.each([
    "I've ordered from you like 8 times this year, do you have loyalty points?",
    'I order perhaps four times a year, is Pro worth it?',
    'Your newsletter comes three times a week now, which is fine.',
  ])('no contact counted: %s', (text) => {
    expect(cuesOf(text)).not.toContain('repeated-contact');
  });

  it.each([
    'I have called three times about this parcel.',
    "I've tried to create an account three times today.",
    "You've said that three times.",
    'Your site logged me out four times while I was trying to pay.',
  ])('contact, a try or our doing: %s', (text) => {
    expect(cuesOf(text)).toContain('repeated-contact');
  });
});

describe('bad words in an imagined event', () => {
  it.each([
    'If the nib breaks after a few months, is that covered by the warranty?',
    'What happens if my renewal payment fails?',
    'Is return shipping free if the item is faulty?',
    'In case the parcel gets lost, do you send a new one?',
    "Apart from the motor I've been really happy with the blender.",
  ])('%s', (text) => {
    expect(readPolarity(text).negative).toEqual([]);
  });

  it.each([
    ['it happened before', 'If it breaks again I want my money back.', 'breaks'],
    ['a condition on our not acting', 'If the cracked shelf is not replaced by Friday I will go to my bank.', 'cracked'],
    ['it happened', 'If my data has been leaked I want to know.', 'leaked'],
    ['outside the condition', 'The lamp is broken, and if you can, please call me.', 'broken'],
    ['falling apart', 'The chair fell apart after a week.', 'apart'],
  ] as const)('still bad: %s', (_, text, word) => {
    expect(readPolarity(text).negative).toContain(word);
  });
});

describe('anger at the rest of the customer\'s life', () => {
  it.each([
    ['their bank', 'My utterly useless bank has blocked my card for the third time this week.', 'negative-words'],
    ['fuming at the bank', 'I am absolutely fuming with my bank at the moment.', 'first-person-emotion'],
    ['said to be nothing to do with us', 'This has been the worst week of my life (nothing to do with you, the landlord and the dentist).', 'negative-words'],
  ] as const)('%s', (_, text, cue) => {
    expect(cuesOf(text)).not.toContain(cue);
  });

  it.each([
    ['anger at us with the bank beside it', 'Your checkout declined my card six times tonight and my bank says nothing is wrong.', 'repeated-contact'],
    ['going to the bank because of us', "I have asked twice, so I can go to my bank, and honestly I'm quite annoyed at the silence.", 'first-person-emotion'],
    ['a neighbour as witness', 'Delivered? Nothing here, nothing with the neighbours, no card through the door.', 'negative-words'],
  ] as const)('still ours: %s', (_, text, cue) => {
    expect(cuesOf(text)).toContain(cue);
  });
});

describe('words that only look bad', () => {
  it.each([
    ['a courtesy', 'Please excuse any odd phrasing, my German is better.'],
    ['a courtesy', 'Excuse my English.'],
    ['a death in the family', "I found the same clock in my late mother's loft."],
  ] as const)('%s: %s', (_, text) => {
    expect(readPolarity(text).negative).toEqual([]);
  });

  it.each([
    ['an excuse refused', 'What a lame excuse for losing my parcel.', 'excuse'],
    ['a late parcel', 'My parcel is late again.', 'late'],
  ] as const)('%s', (_, text, word) => {
    expect(readPolarity(text).negative).toContain(word);
  });

  it('a headcount is no repeated contact; people spoken to are', () => {
    expect(cuesOf('My whole office (30 people) saw the mugs and wants them too.')).not.toContain('repeated-contact');
    expect(cuesOf('I have spoken to three people about this already.')).toContain('repeated-contact');
  });
});

describe('a person of the customer\'s own is no request for one of ours', () => {
  it.each([
    'Our office manager asked me to forward this, as I handle supplier terms.',
    'For urgent matters please contact my colleague at the front desk.',
    'To claim your prize, contact our fiduciary agent Mr. Peter Okon.',
    "He asked me to read out a code. I said I'd call back and hung up.",
  ])('%s', (text) => {
    expect(cuesOf(text)).not.toContain('asks-for-a-person');
  });

  it.each([
    'Can someone please call me today?',
    'I need to speak to my account manager today.',
    'Please let me talk to a human being.',
    'Could your manager call me back?',
  ])('still a request: %s', (text) => {
    expect(cuesOf(text)).toContain('asks-for-a-person');
  });
});
