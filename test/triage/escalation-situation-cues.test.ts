/**
 * Situations told as a story (escalation-situation-cues.ts): each structure fires on phrasings no
 * word list holds, and stays quiet on the close calm cases it is easily confused with.
 */
import { describe, expect, it } from 'vitest';
import { CUE_NAMES, readCues, type CueName } from '../../src/triage/escalation-cues.js';

const cuesOf = (text: string): CueName[] => {
  const { values } = readCues(text);
  return CUE_NAMES.filter((_, index) => values[index]! > 0);
};

describe('an account event the customer did not cause', () => {
  it.each([
    'Four login codes hit my phone during dinner. I was not trying to sign in.',
    'A verification text turned up out of the blue this afternoon.',
    'The mail said a new device was added. I only own one phone.',
    'My recovery email was switched last night and I never touched the settings.',
    'Got a sign in alert for Helsinki at 04:12. I was 100% asleep at 4am.',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('unrequested-account-event');
  });

  it.each([
    'I asked for a login code but it has not come yet.',
    'How do I switch on two-step verification?',
    'I changed my password this morning, is the confirmation mail normal?',
  ])('not: %s', (text) => {
    expect(cuesOf(text)).not.toContain('unrequested-account-event');
  });
});

describe('an order the customer disowns, not a purchase told in passing', () => {
  it('"I made one" against a list of payments, not "I bought one of your kettles"', () => {
    expect(cuesOf('My statement shows three payments to you. I made one.')).toContain('denied-account-action');
    expect(cuesOf('I bought one of your kettles at a market, can I register it?')).not.toContain('denied-account-action');
  });
});

describe('a secret given to someone who was not us', () => {
  it.each([
    'A man rang about my parcel and I read the code out to him. Only then did I realise.',
    "I typed my password on a page I thought was yours. It wasn't.",
    "Someone from 'Northwind Billing' texted me and I sent them the digits.",
    'Last week I was told your bank details had changed and I sent the code they asked for. The mail is not from you.',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('credentials-given-away');
  });

  it.each(['Do you ever ask for my password by phone?', 'I gave the courier my flat number so he could find me.'])('not: %s', (text) => {
    expect(cuesOf(text)).not.toContain('credentials-given-away');
  });

  it('a page that only looked strange afterwards: the details were typed in all the same', () => {
    expect(cuesOf('I clicked the link and typed in my email and password before I noticed the address looked strange.')).toContain(
      'credentials-given-away',
    );
  });

  it.each([
    "It looks fake to me, I haven't clicked anything.",
    'It looked like yours, and I have not yet clicked it.',
    'it looked fake so i didnt click or type anything',
  ])('not when the customer says they did not do it: %s', (text) => {
    expect(cuesOf(text)).not.toContain('credentials-given-away');
  });
});

describe('undoing a charge in other words', () => {
  it.each([
    'You billed me twice, please reverse one of them.',
    'I want that delivery charge gone.',
    'Could you take the gift wrap off my card?',
    'Please honour what the product page said.',
    'I expect you to cover the return postage.',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('money-back-request');
  });

  it.each([
    'You approved my refund on Friday. When will the money be back on my card?',
    'No need for money back, a new lid would be perfect.',
    'Please cancel the duplicate order and keep the first one.',
    'Please take me off the mailing list.',
    'Do you have a discount club I could join?',
    "If the rug doesn't fit, can I return it?",
  ])('not: %s', (text) => {
    expect(cuesOf(text)).not.toContain('money-back-request');
  });
});

describe('sarcasm without an angry word, deceptive practices, a repeated failure', () => {
  it.each([
    'Love how the app says delivered and the porch is empty.',
    "My 'next-day' mattress is on day four.",
    'Really getting my money\'s worth this month.',
    'Great job, really. The handle came off on the first day.',
  ])('sarcasm: %s', (text) => {
    expect(cuesOf(text)).toContain('sarcasm-frame');
  });

  it.each([
    'Love how easy the checkout was!',
    'Thank you so much for the help with my order.',
    'Great service last time, I would like to order the same tea again.',
    "Is the 'express' option open on Sundays?",
    'Thanks for the welcome mail. I never wrote my password down, how do I reset it?',
  ])('not sarcasm: %s', (text) => {
    expect(cuesOf(text)).not.toContain('sarcasm-frame');
  });

  it('calling a practice deceptive, or a fee that appears at the last step', () => {
    expect(cuesOf('That booking fee on the final page is pretty sneaky.')).toContain('deceptive-practice');
    expect(cuesOf('A service charge shown only at the last step of checkout.')).toContain('deceptive-practice');
    expect(cuesOf('Is there a fee for delivery to the islands?')).not.toContain('deceptive-practice');
  });

  it('the nth failure, not the nth happy order', () => {
    expect(cuesOf('This is the third time the lid has arrived cracked.')).toContain('repeated-contact');
    expect(cuesOf('Third time ordering from you and it is always perfect.')).not.toContain('repeated-contact');
  });
});

describe('indirect asks for a person, and doubts about keeping the plan', () => {
  it('a person asked for in other words, not the courier ringing ahead', () => {
    expect(cuesOf('Is there anyone I could actually speak to?')).toContain('asks-for-a-person');
    expect(cuesOf('Could you pass this on to someone who decides?')).toContain('asks-for-a-person');
    expect(cuesOf('Can the courier ring me when he arrives?')).not.toContain('asks-for-a-person');
  });

  it('doubts about the plan, not a question about its renewal date', () => {
    expect(cuesOf("I'm not sure I'll keep my membership next year.")).toContain('ending-the-relationship');
    expect(cuesOf('Could I go back to the basic tier?')).toContain('ending-the-relationship');
    expect(cuesOf('When does my plan end this year?')).not.toContain('ending-the-relationship');
    expect(cuesOf('Can I upgrade to Pro mid-month?')).not.toContain('ending-the-relationship');
  });
});

describe('second look, after a check set written last (structures, not its sentences)', () => {
  it('any negated act of the customer beside an account message, but not a code that has not come', () => {
    expect(cuesOf("Two security codes turned up today. I haven't used my account since May.")).toContain('unrequested-account-event');
    expect(cuesOf("I requested a code but I haven't received it.")).not.toContain('unrequested-account-event');
  });

  it('a number read out to a caller is a secret given away; a caller told about is not a person asked for', () => {
    expect(cuesOf('A caller said he was from the bank, so I read him the number you texted.')).toContain('credentials-given-away');
    expect(cuesOf('Someone on the phone said my parcel was held at customs.')).not.toContain('asks-for-a-person');
  });

  it('"kindly reverse ...", "I\'ve never ordered", a second parcel torn open', () => {
    expect(cuesOf('Kindly reverse the late delivery fee.')).toContain('money-back-request');
    expect(cuesOf("There are two orders on my account. I've never ordered anything from you.")).toContain('denied-account-action');
    expect(cuesOf("This is the second parcel that's arrived torn open.")).toContain('repeated-contact');
  });
});


describe('cases read from the labelled sets of 2026-12-05', () => {
  it('two-step sign-in switched off by someone else is an account event the customer did not cause', () => {
    expect(cuesOf('then got a mail "two-step verification was turned off". I never turned it on or off?? something is wrong')).toContain(
      'unrequested-account-event',
    );
    expect(cuesOf('I turned off two-step verification yesterday, how do I turn it back on?')).not.toContain('unrequested-account-event');
  });

  it('a code read out to a caller who claimed to be us, told over two sentences, is given away', () => {
    expect(
      cuesOf('Someone called me claiming to be Northwind support and asked for the code you just texted me. I read it out before I thought about it. Was that you?'),
    ).toContain('credentials-given-away');
    expect(cuesOf('I logged in through the link already before I thought about it... Is it real?')).toContain('credentials-given-away');
    expect(cuesOf('The code you texted me arrived. I read it out to my wife, who typed it in. Is that fine?')).not.toContain('credentials-given-away');
  });

  it('"I want it reversed" asks for the money back', () => {
    expect(cuesOf("There's a charge of $45.00 on my card from 12 March. I want it reversed.")).toContain('money-back-request');
    expect(cuesOf('How long does it take for a reversed payment to show?')).not.toContain('money-back-request');
  });
});

describe('a data-protection right asked for in plain words', () => {
  it.each([
    'Once the return is done, please forget me entirely.',
    'Delete everything you hold about me, including old orders.',
    'Please remove my phone number and my address from your systems.',
    "I don't want my address or phone number kept on your side.",
    'What information exactly do you keep about me?',
    'Stop using my purchase history to choose what you show me.',
    'Bitte löschen Sie alle meine Daten.',
    'Pouvez-vous supprimer toutes mes données ?',
    'Welke gegevens bewaren jullie over mij?',
  ])('%s', (text) => {
    expect(cuesOf(text)).toContain('data-rights-request');
  });

  it.each([
    'Please remove the old address from my account, I moved.',
    "Don't forget me when the rug is back in stock!",
    'Can I delete one of my saved cards?',
    'What information do you need from me to process the return?',
  ])('%s', (text) => {
    expect(cuesOf(text)).not.toContain('data-rights-request');
  });
});
