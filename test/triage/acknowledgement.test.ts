import { describe, expect, it } from 'vitest';
import { readAcknowledgement } from '../../src/triage/acknowledgement.js';

describe('readAcknowledgement: a message that only thanks or confirms', () => {
  it.each([
    'Thanks, it arrived today. All good!\n\nTim',
    'ok thanks',
    'Got it, cheers',
    'Hello,\n\nThe lamp came this morning and it is perfect. Many thanks!\n\nKatherine Johnson',
    'Never mind, found it. Thank you',
  ])('%j asks nothing', (text) => {
    expect(readAcknowledgement(text)).not.toBeNull();
  });

  it.each([
    'Thanks! How do I return the other one?',
    'Thanks, but the parcel still has not come',
    "Thanks for the quick reply. I still can't log in.",
    'thanks. parcel lost',
    'Thank you. Please cancel order A1001.',
    'Great, and when will the second box arrive',
    'Perfect timing, my card was charged twice and I need it sorted',
    'Hi, where is my order A1001?',
    'I forgot my password',
    '',
    'bitte account löschen, danke',
    'Il mio pagamento non è andato a buon fine.',
  ])('%j is more than thanks', (text) => {
    expect(readAcknowledgement(text)).toBeNull();
  });
});

describe('readAcknowledgement: the customer closes the matter in their own words', () => {
  it.each([
    'found the button, cancelled. thx\n\nsent from phone',
    'Found it - it was on my statement as a separate line from the original charge, not as a change to it. All good. Thanks for the reference.\n\nFrances',
    "Thank you. I've changed the password and turned on two-step verification, and there was nothing ordered from Lisbon. You can close this.\n\nMargaret",
    'Please close this ticket, the parcel was with my neighbour all along.',
  ])('%j asks nothing', (text) => {
    expect(readAcknowledgement(text)).not.toBeNull();
  });

  it.each([
    'Found it, thanks. Also, do you ship to Norway',
    'Thanks, cancelled it. Is the money back on my card in 5 days',
    'All good with the lamp. The mug arrived broken though.',
    "Thanks, I've changed the address. Please send the parcel there.",
    'thanks. the second parcel is lost',
    'found the reset mail, thanks. I would like to delete my old address too',
    "Thank you. I changed the password but the orders from Lisbon were not mine and I was charged.",
  ])('%j is more than thanks', (text) => {
    expect(readAcknowledgement(text)).toBeNull();
  });
});

describe('readAcknowledgement: thanks with what the customer will do next', () => {
  it.each([
    'Thank you very much, that is most helpful. I shall watch for the FedEx van.\n\nKatherine Johnson',
    "Thanks, that's really helpful. I'll keep an eye out for the courier.",
    "Great, thanks! I'll wait for the email then.",
  ])('%j asks nothing', (text) => {
    expect(readAcknowledgement(text)).not.toBeNull();
  });

  it.each([
    "Thanks. I'll wait until Friday and then cancel.",
    "I'll keep an eye out for the courier.",
    "Thanks. I'll wait, but the parcel is already two weeks late.",
    "That is most helpful. I'll watch for the van - will it come before noon?",
  ])('%j is more than thanks, or no thanks at all', (text) => {
    expect(readAcknowledgement(text)).toBeNull();
  });
});

describe('readAcknowledgement: a closing message that also complains', () => {
  it('is more than thanks', () => {
    expect(readAcknowledgement('Parcel found, all good. The courier was rude, I complained to DHL.')).toBeNull();
  });
});
