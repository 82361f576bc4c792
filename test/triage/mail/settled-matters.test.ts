import { describe, expect, it } from 'vitest';
import { readMail, requestText } from '../../../src/triage/mail/read-mail.js';
import { setAsideSettled, withdrawsEarlierAsk } from '../../../src/triage/mail/settled-matters.js';

describe('what the customer says is settled is set aside from the request', () => {
  it.each([
    [
      'Thanks, the complaint from last month was sorted, the replacement arrived fine. How do I add a second delivery address to my account?\n\nAlan',
      'How do I add a second delivery address to my account?\n\nAlan',
    ],
    [
      'Hi, please ignore my old request below about deleting my account - I decided to stay after all. My actual question: has the plant pot order A1009 left the warehouse yet?',
      'My actual question: has the plant pot order A1009 left the warehouse yet?',
    ],
    [
      'Hello, the refund for the throw arrived after all, thank you, you can close my earlier complaint.\n\nBut now: is the green blanket in stock in the Netherlands?',
      'But now: is the green blanket in stock in the Netherlands?',
    ],
  ])('%s', (text, request) => {
    expect(setAsideSettled(text)).toBe(request);
  });

  it('keeps a settled matter told with a grievance, and a mail that asks nothing else', () => {
    const grievance = 'My complaint was closed without any answer. Can someone senior look at it?';
    expect(setAsideSettled(grievance)).toBe(grievance);
    const thanksOnly = 'Never mind, it has just arrived now! Thanks a lot for your help.';
    expect(setAsideSettled(thanksOnly)).toBe(thanksOnly);
    const question = 'Is the refund sorted now? I still see nothing on my card.';
    expect(setAsideSettled(question)).toBe(question);
  });

  it('order ids on their own lines stay', () => {
    expect(setAsideSettled('The exchange is all sorted now, thanks.\nOrder: A1009\nCan I add a second bulb to it?')).toBe('Order: A1009\nCan I add a second bulb to it?');
  });

  it('a withdrawn question is not chased: the quoted own mail is not read as the request', () => {
    expect(withdrawsEarlierAsk('Hi, thanks - never mind my question below, I found the tracking link. All good!')).toBe(true);
    const body = 'never mind my question below, found the tracking link!\n\nOn Mon, 16 Mar 2026, anne@example.com wrote:\n> Where is my order 2026-59910? Thanks';
    const chaser = 'any news on this?\n\nOn Mon, 16 Mar 2026, anne@example.com wrote:\n> Where is my order 2026-59910? Thanks';
    expect(requestText(readMail(body, { senderEmail: 'anne@example.com' }))).not.toContain('Where is my order');
    expect(requestText(readMail(chaser, { senderEmail: 'anne@example.com' }))).toContain('Where is my order');
  });
});

describe('requestText is read once per mail reading', () => {
  it('keeps the first answer for the same reading (readings are never changed), and reads a new reading afresh', () => {
    const reading = readMail('Thanks, the exchange is all sorted now. How do I add a second address to my account?');
    expect(requestText(reading)).toBe('How do I add a second address to my account?');
    // Changed behind its back only to observe the kept answer: the second call does not read again.
    (reading as { newest: string }).newest = 'Where is my parcel A1001?';
    expect(requestText(reading)).toBe('How do I add a second address to my account?');
    expect(requestText(readMail('Where is my parcel A1001?'))).toBe('Where is my parcel A1001?');
  });
});
