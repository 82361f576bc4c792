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
