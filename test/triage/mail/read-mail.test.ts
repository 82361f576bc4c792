import { describe, expect, it } from 'vitest';
import { readMail, requestText } from '../../../src/triage/mail/read-mail.js';
import { scrubText } from '../../../src/triage/scrubber.js';
import { MAIL_CORPUS } from './mail-corpus.js';

describe('readMail: the customer\'s newest message', () => {
  it('the corpus is big enough to mean something', () => {
    expect(MAIL_CORPUS.length).toBeGreaterThanOrEqual(40);
  });

  for (const mail of MAIL_CORPUS) {
    it(mail.name, () => {
      const reading = readMail(mail.body, { subject: mail.subject });
      expect(reading.newest).toBe(mail.newest);
      for (const part of mail.parts ?? []) expect(reading.parts).toContain(part);
      expect(reading.fellBack).toBe(mail.fellBack ?? false);
    });
  }

  it('sets aside what it removed as history, in order', () => {
    const reading = readMail(MAIL_CORPUS[0]!.body);
    expect(reading.history).toMatch(/^Thanks\nAnna\n\nOn Mon, 1 Dec 2026/);
    expect(reading.history).toContain('> Your order A1001 has shipped with DHL.');
  });

  it('a plain one-line ticket comes back unchanged', () => {
    expect(readMail('I forgot my password')).toEqual({ newest: 'I forgot my password', history: '', parts: [], fellBack: false });
  });

  it('is never empty for a body with text, whatever it strips', () => {
    for (const body of ['Thanks', '-- \nJohn', 'Sent from my iPhone', '> only a quote', '________________\nFrom: a <a@b.c>\nSent: now\nTo: b\nSubject: x']) {
      expect(readMail(body).newest.trim()).not.toBe('');
    }
  });

  it('Windows line endings read the same as Unix ones', () => {
    const mail = MAIL_CORPUS[3]!;
    expect(readMail(mail.body.replace(/\n/g, '\r\n')).newest).toBe(mail.newest);
  });
});

describe('readMail: a subject-only mail', () => {
  it('the subject is the message when the body is only a device line', () => {
    const reading = readMail('Sent from my iPhone', { subject: 'can I open a second account with my work email?' });
    expect(reading.newest).toBe('can I open a second account with my work email?');
    expect(reading.history).toContain('Sent from my iPhone');
    expect(readMail('\n\nVon meinem iPhone gesendet\n', { subject: 'Rechnung für A1009 bitte als PDF' }).newest).toBe('Rechnung für A1009 bitte als PDF');
    // A body that only signs the subject off: the subject is the message, the sign-off stays with it.
    expect(readMail('Obrigada', { subject: 'Aceitam MB Way ou Multibanco?' }).newest).toBe('Aceitam MB Way ou Multibanco?\n\nObrigada');
    expect(readMail('Mvg Luuk\nVerzonden vanaf mijn iPhone', { subject: 'hoelang duurt levering naar Gent met standaard?' }).newest).toBe(
      'hoelang duurt levering naar Gent met standaard?\n\nMvg Luuk',
    );
  });

  it("a reply's or forward's subject is not, nor a topic word, nor a body with words of its own", () => {
    expect(readMail('Sent from my iPhone', { subject: 'Re: Your order A1001 has shipped' }).newest).toBe('Sent from my iPhone');
    expect(readMail('Sent from my iPhone', { subject: 'AW: Ihre Bestellung wurde versandt' }).newest).toBe('Sent from my iPhone');
    expect(readMail('Sent from my iPhone', { subject: 'Refund?' }).newest).toBe('Sent from my iPhone');
    expect(readMail('Sent from my iPhone', { subject: 'Lamp' }).newest).toBe('Sent from my iPhone');
  });
});

describe('readMail on hostile input', () => {
  // Each of these took email-reply-parser or email-forward-parser (no re2) tens of seconds at
  // 64 KiB. A generous bound, far above a linear reader's cost and far below a quadratic one's.
  const size = 64 * 1024;
  const inputs: [string, string][] = [
    ['a line of >', '>'.repeat(size)],
    ['a line of spaces', `${' '.repeat(size)}x`],
    ['spaces then a colon', `On ${' '.repeat(size)}wrote:`],
    ['many short quote headers', 'On 1 Dec 2026 x wrote:\n'.repeat(size / 23)],
    ['many From: lines', 'From: a <a@b.c>\n'.repeat(size / 16)],
    ['blank lines', '\n'.repeat(size)],
    ['dashes', '-'.repeat(size)],
    ['an unclosed tag run', `<div${' <div'.repeat(size / 5)}`],
    ['deeply nested HTML', '<blockquote>'.repeat(size / 12)],
    ['sign-off lines', 'Thanks,\n'.repeat(size / 8)],
  ];
  for (const [name, body] of inputs) {
    it(`${name}: read within a generous bound, non-empty`, () => {
      const started = performance.now();
      const reading = readMail(body);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(reading.newest.length).toBeGreaterThan(0);
    }, 30_000);
  }
});

describe("readMail: the customer's own unanswered mail under a chaser", () => {
  const gmailChaser = [
    'Any news on this? Ten days now.',
    '',
    'On Wed, 4 Mar 2026 at 08:15, Pia Lund <pia@example.se> wrote:',
    '> Hello, the kettle from order 55-1020 leaks at the base.',
    "> I'd like a replacement or my money back please.",
    '> Pia',
  ].join('\n');

  it('finds it when the quoted header names the sender', () => {
    const reading = readMail(gmailChaser, { senderEmail: 'Pia@Example.se' });
    expect(reading.newest).toBe('Any news on this? Ten days now.');
    expect(reading.unansweredOwn).toContain("I'd like a replacement or my money back please.");
    expect(requestText(reading)).toBe(`Any news on this? Ten days now.\n\n${reading.unansweredOwn}`);
  });

  it('reads Outlook and Apple Mail headers too', () => {
    const outlook = [
      'Still waiting for an answer.',
      '',
      '-----Original Message-----',
      'From: Pia Lund <pia@example.se>',
      'Sent: Wednesday, March 4, 2026 8:15 AM',
      'To: support@northwind.example',
      'Subject: kettle',
      '',
      'Please delete my phone number from your systems.',
    ].join('\n');
    expect(readMail(outlook, { senderEmail: 'pia@example.se' }).unansweredOwn).toBe('Please delete my phone number from your systems.');
    const apple = ['Any update?', '', '> On 4 Mar 2026, at 08:15, Pia Lund <pia@example.se> wrote:', '>', '> Could you refund me the difference?'].join('\n');
    expect(readMail(apple, { senderEmail: 'pia@example.se' }).unansweredOwn).toBe('Could you refund me the difference?');
  });

  it('finds it in the stored ticket, whose addresses the scrubber has masked (what the triage reads)', () => {
    const stored = scrubText(gmailChaser).text;
    expect(stored).toContain('<[email:***@example.se]>');
    expect(readMail(stored, { senderEmail: 'pia@example.se' }).unansweredOwn).toContain("I'd like a replacement or my money back please.");
    // our own mail, masked, is still ours: another domain
    const ours = scrubText(['Any news?', '', 'On Thu, 5 Mar 2026, Northwind Support <support@northwind.example> wrote:', '> We are checking.'].join('\n')).text;
    expect(readMail(ours, { senderEmail: 'pia@example.se' }).unansweredOwn).toBeUndefined();
  });

  it('is not the customer\'s when we wrote the latest quoted message (it was answered)', () => {
    const answered = [
      'Any news on this?',
      '',
      'On Thu, 5 Mar 2026, Northwind Support <support@northwind.example> wrote:',
      '> We are checking with the warehouse.',
      '>',
      '> On Wed, 4 Mar 2026 at 08:15, Pia Lund <pia@example.se> wrote:',
      '>> I want my money back.',
    ].join('\n');
    const reading = readMail(answered, { senderEmail: 'pia@example.se' });
    expect(reading.unansweredOwn).toBeUndefined();
    expect(requestText(reading)).toBe('Any news on this?');
  });

  it('without the sender, or under a message with its own ask, the newest message alone is read', () => {
    expect(readMail(gmailChaser).unansweredOwn).toBeUndefined();
    const long = `${'I have a new question about another order entirely, it is about the colour of the rug and whether the grey one is warmer than the beige one in daylight. '}${gmailChaser.split('\n').slice(1).join('\n')}`;
    const reading = readMail(long, { senderEmail: 'pia@example.se' });
    expect(reading.unansweredOwn).toBeDefined();
    expect(requestText(reading)).toBe(reading.newest);
  });
});

describe("readMail: the customer's own mail forwarded under a chaser", () => {
  const body = [
    'Still no answer to this one, see my mail below please.',
    '',
    '---------- Forwarded message ---------',
    'From: Pia Lund <pia@example.se>',
    'Date: Wed, 4 Mar 2026 at 08:15',
    'Subject: kettle',
    'To: <support@northwind.example>',
    '',
    "The kettle from 55-1020 leaks. I'd like my money back please.",
  ].join('\n');

  it('is the unanswered mail when the forwarded header names the sender', () => {
    const reading = readMail(body, { senderEmail: 'pia@example.se' });
    expect(reading.newest).toBe('Still no answer to this one, see my mail below please.');
    expect(reading.unansweredOwn).toBe("The kettle from 55-1020 leaks. I'd like my money back please.");
    expect(requestText(reading)).toContain('money back');
  });

  it("is not when someone else's mail is forwarded", () => {
    expect(readMail(body.replace('Pia Lund <pia@example.se>', 'DHL <noreply@dhl.example>'), { senderEmail: 'pia@example.se' }).unansweredOwn).toBeUndefined();
  });
});

describe('readMail: our own mail to the customer is not theirs', () => {
  it('an Outlook block whose To: line names the customer is our answer, not their unanswered mail', () => {
    const body = [
      'Any news on this?',
      '',
      '-----Original Message-----',
      'From: Northwind Support <support@northwind.example>',
      'Sent: Thursday, March 5, 2026 9:00 AM',
      'To: Pia Lund <pia@example.se>',
      'Subject: RE: kettle',
      '',
      'We are checking with the warehouse.',
    ].join('\n');
    expect(readMail(body, { senderEmail: 'pia@example.se' }).unansweredOwn).toBeUndefined();
  });

  it('a forwarded notice addressed to the customer is not their own mail', () => {
    const body = [
      'Hello, see below. The tracking number does not work on the carrier site. Where is my parcel?',
      '',
      '---------- Forwarded message ---------',
      'From: Northwind Goods <orders@northwind.example>',
      'Date: Mon, 2 Mar 2026',
      'Subject: Order shipped',
      'To: <pia@example.se>',
      '',
      'Your order 55-1020 has shipped with DPD.',
    ].join('\n');
    expect(readMail(body, { senderEmail: 'pia@example.se' }).unansweredOwn).toBeUndefined();
  });
});
