import { describe, expect, it } from 'vitest';
import {
  readActionRequest,
  readInvestigationRequest,
  readMissingDeliveryClaim,
  readReplacementRequest,
  readStaleTrackingClaim,
} from '../../src/triage/investigation-request.js';
import { triageTicket } from '../../src/triage/pipeline.js';
import { ticket, triageDeps } from './triage-fixtures.js';

describe('readInvestigationRequest', () => {
  it.each([
    'The tracking for A1001 has said "in transit" for nine days. Could you look into it?',
    'Please chase the courier, the parcel has not moved since Monday.',
    'Can you find out what happened to my order? It was due last week.',
    'Would you open a trace on my parcel please?',
    'A1007 was due on 27 February. Could you chase it?',
    'Could someone check with DHL where it is stuck?',
    'Tracking has not moved for a week. Can you find out where they are?',
    'Any news from the carrier investigation for A1007? Just checking whether it has been opened.',
    'It has sat at the depot since Friday. Is there anything you can do to chase it up?',
    'The parcel was due on the 4th. I would appreciate it if you could look into this.',
    'Would you be so kind as to find out with DPD where the parcel is.',
  ])('%s', (text) => {
    expect(readInvestigationRequest(text)).toBeDefined();
  });

  it.each([
    'Where is my order A1001?',
    'I had to chase DHL myself last time, so I hope this one is quicker.',
    'How do I track my parcel?',
    'Can you check the status of my order?',
  ])('not asked to investigate: %s', (text) => {
    expect(readInvestigationRequest(text)).toBeUndefined();
  });
});

describe('triage of a request to investigate', () => {
  it('is drafted even when the tracking article matches, with the reason', async () => {
    const body = 'Hello, my order A1001 shows shipped but the tracking page has been stuck on the same scan for a week. Could you look into it please?\n\nAda';
    const { outcome } = await triageTicket(ticket(body), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/a person must look/);
  });
});

describe('readReplacementRequest', () => {
  it.each([
    'The mug arrived chipped. Could you send me a new one?',
    'You sent the wrong size again. I just want a replacement.',
    'The kettle stopped working after a week, please replace it.',
    'One of the two chairs was missing a leg. Can you resend the part?',
  ])('%s', (text) => {
    expect(readReplacementRequest(text)).toBeDefined();
  });

  it.each([
    'If the vase arrives broken, do you send a replacement?',
    'The box was crushed but everything inside is fine. How do I report the box?',
    'How do I replace the saved card on my account?',
    'The lamp arrived broken. What should I do?',
  ])('not a replacement asked for an item that came wrong: %s', (text) => {
    expect(readReplacementRequest(text)).toBeUndefined();
  });
});

describe('readActionRequest', () => {
  it.each([
    'The invoice for A1006 has my private name on it. Could you re-issue it with my company name?',
    'The Cancel order button just says something went wrong. Can you cancel it for me please?',
    'Please switch me from Pro to the free plan from next month.',
    'Could you add a third shelf to A1010?',
    'The parcel is out for delivery but I am away. Can you change the address to my office?',
    'My bank shows two payments for A1012. Please return one.',
    'Where is the lamp right now? And could you put a third bulb into the same parcel?',
    "Could you create an account for my mother with her email? She's not online much.",
    'Please cancel order A2001, I found it cheaper elsewhere.',
    'can u cancel it pls',
    'change lamp colour on A1012 to black please',
    "Could you arrange express for me anyway? I need it by Friday.",
    'Im on a train with no laptop. Just do it from your side thx',
    'I need a corrected invoice for my university.',
    'Can you pass that on to your website team?',
    'I want it reversed.',
    "ok it's still processing after days. just cancel A2001 please, I'll buy it locally.",
    'If not can you make an exception, I will pay any cost.',
    'Can you guarantee delivery by Friday?',
    "The shelves are shipped but I won't be home. Can you send them to my office in Utrecht instead?",
    'The invoice was already created when it shipped. Can you redo it with those details?',
    "I'd upgrade to Pro today if you give me the first month free. Can you set that up on my account?",
    'The order page says Refund sent on 20 February. Nothing on my statement. Could you give me a reference to show my bank?',
    'Is it possible to add a third pen to A1006, so it all comes together?',
    'Need to change the delivery address on the order I placed last week to my new apartment.',
  ])('%s', (text) => {
    expect(readActionRequest(text)).toBeDefined();
  });

  it.each([
    'How do I change the email I sign in with?',
    'Is it possible to change an order after it is placed?',
    'I need to change the address on my account, how do I do it?',
    'Can you tell me how to switch to yearly billing?',
    'How do I cancel an order that is still processing?',
    'Can I still cancel A2001 or has it shipped?',
    'Can I add a gift note to my order?',
    'I need a new password, the old one stopped working. How do I reset it?',
    'Is there a fee if I cancel my plan?',
    'change my display name?',
    'hey can you cancel the newsletter for me?',
    'stop sending me newsletters pls',
    'Can you send me the invoice for A1006?',
    'Is there an exception to the return window for gifts?',
    'If you change the carrier, will I get a new tracking number?',
    'Could you send me the tracking link again?',
  ])('not asked to act (a how-to, a question): %s', (text) => {
    expect(readActionRequest(text)).toBeUndefined();
  });

  it.each([
    'My card keeps failing at checkout. Could you just charge it from your end instead?',
    'I never get the text message. Can you use the code from your email to sign me in?',
    'could you save my new card on the account, I keep typing it',
    'Please check what went wrong with my parcel.',
    'Can you check whether my address is the old one and fix it?',
    'I would like someone to phone the depot for me.',
    'Can you merge them into one account?',
    'can you speed it up, I need it for Saturday',
    'I asked you to cancel it on Monday. Has that happened or not?',
    "We've already asked your team to change the delivery address, but the email still shows the old one.",
    'We need the invoice made out to our company, Praxis Weber, instead of my name. Is that possible?',
    "I've clicked Forgot password four times today and no email comes, not even in spam.",
  ])('asked to act in words no verb list holds: %s', (text) => {
    expect(readActionRequest(text)).toBeDefined();
  });

  it.each([
    'Could you explain how the return label is paid?',
    'Can you tell me whether my country is on the list?',
    'Could you help me understand the invoice?',
    'Could you send me the tracking number for A1001?',
    'Can you send me the reset link again?',
    'Please forgive me if this is a silly question.',
    'Please excuse my English, I am learning.',
    'If not, where would you like these reported?',
    'I asked you to tell me the opening hours last week, thanks for the answer.',
    'Please take me off this offers list.',
    'Can you ship to Norway?',
    'If the box is damaged, could you replace it?',
  ])('still a question or a how-to: %s', (text) => {
    expect(readActionRequest(text)).toBeUndefined();
  });

  it('an asked action is drafted even when the article of the intent matches, with the reason', async () => {
    const body = 'Hi, I ordered one set of bulbs on A1001 but I need two. Could you add a second set to the order?\n\nAda';
    const { outcome } = await triageTicket(ticket(body), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/asks us to act on their order or account/);
  });
});

describe('readMissingDeliveryClaim', () => {
  it.each([
    'The tracking says delivered but there is nothing at my door.',
    'The tracking for my mugs says "left with neighbour" but none of my neighbours have it.',
    'It shows as delivered yesterday at 11:40. I was home all day and never got it.',
  ])('%s', (text) => {
    expect(readMissingDeliveryClaim(text)).toBeDefined();
  });

  it.each([
    'If tracking says delivered but I cannot find the parcel, what should I do first?',
    'Tracking says delivered, thanks, it was with my neighbour all along!',
    'Where is my order A1001?',
  ])('not a claim: %s', (text) => {
    expect(readMissingDeliveryClaim(text)).toBeUndefined();
  });
});

describe('readStaleTrackingClaim: no further movement', () => {
  it('reads "no further movement" and a status that still says the same since a date as a stop', () => {
    expect(readStaleTrackingClaim('DHL says it has been at the depot since the 3rd with no further movement.')).toBeDefined();
    expect(readStaleTrackingClaim('It was due on March 2. The DPD page still says "in transit" from the 1st.')).toBeDefined();
  });
});

describe('readMissingDeliveryClaim: the carrier disowns the parcel, or a delivery nobody can find', () => {
  it.each([
    'PostNL say they never received the parcel from you. So where is it?',
    'The tracking says "delivered - left at reception". There is no reception, it is a house.',
    'UPS shows it as delivered yesterday. Where is it?',
  ])('%s', (text) => {
    expect(readMissingDeliveryClaim(text)).toBeDefined();
  });

  it('not a claim: a question about what happens if', () => {
    expect(readMissingDeliveryClaim('If the carrier says they never received it, what happens then?')).toBeUndefined();
  });
});

describe('readStaleTrackingClaim', () => {
  it.each([
    "Swiss Post tracking hasn't changed since 25 Feb, \"in transit\". It's mid-March.",
    'The estimated date for A1010 was 10 March and it is now the 18th. Tracking shows nothing since the 9th. Where is it?',
    'The status has been stuck on "label created" for over a week.',
    'No updates for nine days now on A1007.',
  ])('%s', (text) => {
    expect(readStaleTrackingClaim(text)).toBeDefined();
  });

  it.each([
    "where is my oak shelf? A1010. tracking page hasn't moved in two days.",
    "The tracking for A1012 hasn't moved for a few days. At what point do you start looking for a parcel with the carrier?",
    'If the tracking has not moved for a week, what happens then?',
    'Where is my order A1001?',
  ])('not: %s', (text) => {
    expect(readStaleTrackingClaim(text)).toBeUndefined();
  });

  it('a stale parcel is drafted with the reason', async () => {
    const body = "Hello,\nA1001 tracking hasn't changed since 2 March. Where is it?\nAda";
    const { outcome } = await triageTicket(ticket(body), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.reasons.join(' ')).toMatch(/stopped moving/);
  });
});

describe('an exception asked for on a condition the customer offers', () => {
  it('is asked; other asks under "if" still wonder', () => {
    expect(readActionRequest('Hello, I understand you do not ship to Japan. Could you make an exception for one oak shelf if I pay all shipping costs myself?')).toMatch(/make an exception/);
    expect(readActionRequest('Quick one. can u return stuff if u dont like it')).toBeUndefined();
  });
});

describe('an order control that failed the customer', () => {
  it('is a request for us to make the change; a question about the control is not', () => {
    expect(readActionRequest('Both pots, yes. I tried "Edit items" but the button isn\'t there anymore.')).toMatch(/Edit items/);
    expect(readActionRequest('Hello, I pressed Cancel order on A1009 this morning and it said "something went wrong".')).toMatch(/Cancel order/);
    expect(readActionRequest('The stupid thing again. the cancel button is greyed out for me')).toMatch(/greyed/);
    expect(readActionRequest('ok then cancel it. the order still says processing')).toBe('ok then cancel it.');
    expect(readActionRequest('Where is the cancel button? I want to know how it works.')).toBeUndefined();
    expect(readActionRequest('hey can I still cancel my keyboard order or has it gone out already its the one from the 11th')).toBeUndefined();
    expect(readActionRequest('how do i actually finish the order? the checkout button is greyed out')).toBeUndefined();
  });
});
