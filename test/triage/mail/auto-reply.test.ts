import { describe, expect, it } from 'vitest';
import { readAutomaticReply } from '../../../src/triage/mail/auto-reply.js';
import { triageTicket } from '../../../src/triage/pipeline.js';
import { ticket, triageDeps } from '../triage-fixtures.js';

describe('readAutomaticReply', () => {
  it.each<[string | undefined, string]>([
    ['Automatic reply: Your order A1001 has shipped', 'Thank you for your message. I will get back to you next week.'],
    ['Out of Office: Re: your invoice', 'Back on Monday.'],
    ['Abwesenheitsnotiz: Ihre Bestellung', 'Vielen Dank für Ihre Nachricht.'],
    ['Réponse automatique : votre commande', 'Merci pour votre message.'],
    [undefined, 'I am currently out of the office until 9 January with no access to email. For anything urgent please write to my colleague Sam.'],
    ['Your parcel', 'This is an automated reply. Your message has been received and will be read when I am back.'],
    ['Undelivered Mail Returned to Sender', 'This is the mail system at host mx.northwind.example.\n\nI\'m sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<old.customer@defunct-isp.example>: host said: 550 5.1.1 User unknown'],
    ['Undeliverable: Your order A1001 has shipped', 'Delivery has failed to these recipients or groups: anna@oldmail.example'],
  ])('%s / %s', (subject, body) => {
    expect(readAutomaticReply(subject, body)).toBeDefined();
  });

  it.each<[string | undefined, string]>([
    ['Re: order A1001', "I'm on holiday from Monday, could you deliver before then?"],
    [undefined, 'I was out of the office when the courier came. Can you rebook the delivery?'],
    ['Out of stock?', 'Is the oak shelf coming back?'],
    ['Undelivered parcel', 'My parcel A1001 never came. Where is it?'],
    [
      'Automatic reply to my question was useless',
      'Your automatic reply did not answer my question about the invoice. '.repeat(12),
    ],
  ])('a person wrote: %s / %s', (subject, body) => {
    expect(readAutomaticReply(subject, body)).toBeUndefined();
  });
});

describe('triage of an automatic reply', () => {
  it('is drafted with no tags: the colleague it names is not a request for a human', async () => {
    const body =
      'Thank you for your email. I am out of the office until 12 December with limited access to email. For urgent matters please contact my colleague Lena Fischer, or call me on my mobile.';
    const { outcome } = await triageTicket(ticket(body, { subject: 'Automatic reply: Your Northwind order has shipped' }), triageDeps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.tags).toEqual([]);
    expect(outcome.reasons.join(' ')).toMatch(/automatic reply/);
  });

  it("an address the notice names is not someone else's data, nor a bounce's dead mailbox", async () => {
    const away = await triageTicket(
      ticket('Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 27. März nicht im Büro. In dringenden Fällen wenden Sie sich bitte an office@liskov-consulting.example.', {
        subject: 'Abwesenheitsnotiz: Re: Your Northwind order',
      }),
      triageDeps(),
    );
    expect(away.outcome.decision).toBe('drafted');
    expect(away.outcome.tags).not.toContain('third-party-data');
    const bounce = await triageTicket(
      ticket("This is the mail system at host mx.northwind.example.\n\nI'm sorry to have to inform you that your message could not be delivered to one or more recipients.\n\n<old.customer@defunct-isp.example>: 550 5.1.1 User unknown", {
        subject: 'Undelivered Mail Returned to Sender',
      }),
      triageDeps(),
    );
    expect(bounce.outcome.decision).toBe('drafted');
    expect(bounce.outcome.tags).not.toContain('third-party-data');
    expect(bounce.outcome.reasons.join(' ')).toMatch(/automatic reply/);
  });
});
