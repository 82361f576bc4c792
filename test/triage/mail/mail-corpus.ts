/**
 * Mail as it reaches a shop's inbox, written for these tests (no message is copied from any data set):
 * replies from Gmail, Outlook, Apple Mail and phones, in eight languages, forwards with and without a
 * note, HTML bodies, signatures and legal footers. `newest` is what a support agent would read as the
 * customer's message.
 */

export interface MailCase {
  name: string;
  body: string;
  subject?: string;
  newest: string;
  /** Parts readMail should report. */
  parts?: string[];
  fellBack?: boolean;
}

const SUPPORT = 'Northwind Support <support@northwind.example>';

export const MAIL_CORPUS: MailCase[] = [
  {
    name: 'Gmail reply, English, quoted with >',
    body: `Hi, it still hasn't arrived. Can you check what is going on?\n\nThanks\nAnna\n\nOn Mon, 1 Dec 2026 at 10:02, ${SUPPORT} wrote:\n> Hi Anna,\n>\n> Your order A1001 has shipped with DHL.\n>\n> Best regards,\n> The Northwind Support Team\n`,
    newest: "Hi, it still hasn't arrived. Can you check what is going on?",
    parts: ['quoted-history', 'signature'],
  },
  {
    name: 'Gmail reply whose header wraps over two lines',
    body: `Any news on the refund? It has been two weeks.\n\nOn Tue, 2 Dec 2026 at 14:31, Northwind Customer Support <\nsupport@northwind.example> wrote:\n\n> Hello, we received your return.\n`,
    newest: 'Any news on the refund? It has been two weeks.',
  },
  {
    name: 'Gmail HTML reply with gmail_quote',
    body: `<div dir="ltr">Hello,<div><br></div><div>the tracking link you sent does not work.</div><div><br></div><div>Ben</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 1 Dec 2026 at 09:15, Northwind Support &lt;<a href="mailto:support@northwind.example">support@northwind.example</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">Hi Ben,<br>here is your tracking link.<br></blockquote></div>`,
    newest: 'Hello,\n\nthe tracking link you sent does not work.\n\nBen',
    parts: ['html', 'quoted-history'],
  },
  {
    name: 'Outlook reply with a signature block and an unquoted header block',
    body: `Hello,\n\nI still need the invoice for order A1002 for our accounts department.\n\nKind regards,\nJohn Smith\nHead of Purchasing | Acme Ltd\nTel: +44 20 7946 0958\n\nFrom: ${SUPPORT}\nSent: Monday, December 1, 2026 10:02 AM\nTo: John Smith <john.smith@acme.example>\nSubject: RE: Invoice\n\nHi John,\nYou can download invoices from your account page.\n`,
    newest: 'Hello,\n\nI still need the invoice for order A1002 for our accounts department.',
    parts: ['quoted-history', 'signature'],
  },
  {
    name: 'Outlook reply under an underscore rule',
    body: `Please change the delivery address to 12 High Street, Leeds.\n\n________________________________\nFrom: Northwind Support <support@northwind.example>\nSent: 01 December 2026 16:40\nTo: paul@example.com\nSubject: Your order A1003\n\nDear Paul, your order is being prepared.`,
    newest: 'Please change the delivery address to 12 High Street, Leeds.',
  },
  {
    name: 'Outlook "-----Original Message-----"',
    body: `I was charged twice for the same order. Please look into it.\n\nRegards\nMike\n\n-----Original Message-----\nFrom: Northwind Billing [mailto:billing@northwind.example]\nSent: Sunday, November 30, 2026 8:00 PM\nTo: Mike\nSubject: Payment received\n\nThank you for your payment of EUR 49.00.`,
    newest: 'I was charged twice for the same order. Please look into it.',
  },
  {
    name: 'Outlook HTML reply (divRplyFwdMsg)',
    body: `<html><body><div style="font-family:Calibri">Can I still add an item to my order?</div><div><br></div><div>Sarah</div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri" style="font-size:11pt"><b>From:</b> Northwind Support &lt;support@northwind.example&gt;<br><b>Sent:</b> Tuesday, December 2, 2026 9:12 AM<br><b>To:</b> Sarah Lee &lt;sarah@example.com&gt;<br><b>Subject:</b> Re: Order</font><div>&nbsp;</div></div><div>Hi Sarah, your order is confirmed.</div></body></html>`,
    newest: 'Can I still add an item to my order?\n\nSarah',
    parts: ['html', 'quoted-history'],
  },
  {
    name: 'Apple Mail reply',
    body: `Thank you, but I never got the email with the reset link. I checked spam too.\n\n> On 1 Dec 2026, at 10:02, ${SUPPORT} wrote:\n> \n> Hi, you can reset your password from the sign-in page.\n`,
    newest: 'Thank you, but I never got the email with the reset link. I checked spam too.',
  },
  {
    name: 'iPhone reply with "Sent from my iPhone"',
    body: `Where is my parcel?? It was due yesterday\n\nSent from my iPhone\n\n> On 30 Nov 2026, at 18:20, ${SUPPORT} wrote:\n> \n> Your parcel is on its way.\n`,
    newest: 'Where is my parcel?? It was due yesterday',
    parts: ['quoted-history', 'signature'],
  },
  {
    name: 'a postscript below "Sent from Outlook for Android" is the customer writing',
    body: `hi where can I see the tracking for my bag? order A1007\n\nSent from Outlook for Android\n\nps while you're in there, what's the tracking number for A1006 too? it's my neighbour's`,
    newest: "hi where can I see the tracking for my bag? order A1007\n\nps while you're in there, what's the tracking number for A1006 too? it's my neighbour's",
    parts: ['signature'],
  },
  {
    name: 'Outlook mobile: "Get Outlook for Android"',
    body: `Cancel it please, I ordered the wrong size.\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>\n________________________________\nFrom: Northwind Shop <orders@northwind.example>\nSent: Tuesday, December 2, 2026 7:45:03 AM\nTo: tom@example.com <tom@example.com>\nSubject: Order confirmation A1005\n\nThanks for your order!`,
    newest: 'Cancel it please, I ordered the wrong size.',
  },
  {
    name: 'German Gmail reply, header wrapped',
    body: `Hallo,\n\ndas Paket ist immer noch nicht angekommen. Können Sie bitte nachsehen?\n\nViele Grüße\nKlaus Becker\n\nAm Mo., 1. Dez. 2026 um 10:02 Uhr schrieb Northwind Support <\nsupport@northwind.example>:\n\n> Hallo Herr Becker,\n> Ihre Bestellung wurde versandt.\n`,
    newest: 'Hallo,\n\ndas Paket ist immer noch nicht angekommen. Können Sie bitte nachsehen?',
  },
  {
    name: 'German Apple Mail reply, "Am ... schrieb NAME <EMAIL>:"',
    body: `Danke, aber ich möchte die Bestellung jetzt stornieren.\n\n> Am 01.12.2026 um 10:02 schrieb Northwind Support <support@northwind.example>:\n> \n> Ihre Bestellung ist in Bearbeitung.\n`,
    newest: 'Danke, aber ich möchte die Bestellung jetzt stornieren.',
  },
  {
    name: 'German Outlook reply with "Von: / Gesendet: / An: / Betreff:"',
    body: `Sehr geehrte Damen und Herren,\n\nbitte senden Sie mir die Rechnung als PDF.\n\nMit freundlichen Grüßen\nPetra Schmidt\nBuchhaltung\nTel. +49 30 1234567\n\nVon: Northwind Support <support@northwind.example>\nGesendet: Montag, 1. Dezember 2026 10:02\nAn: Petra Schmidt <p.schmidt@firma.example>\nBetreff: AW: Rechnung\n\nGuten Tag Frau Schmidt,`,
    newest: 'Sehr geehrte Damen und Herren,\n\nbitte senden Sie mir die Rechnung als PDF.',
  },
  {
    name: 'French Gmail reply, "Le ... a écrit :"',
    body: `Bonjour,\n\nje n'ai toujours rien reçu. Pouvez-vous vérifier ?\n\nCordialement,\nMarie Dubois\n\nLe lun. 1 déc. 2026 à 10:02, Northwind Support <support@northwind.example> a écrit :\n\n> Bonjour Marie,\n> Votre commande a été expédiée.\n`,
    newest: "Bonjour,\n\nje n'ai toujours rien reçu. Pouvez-vous vérifier ?",
  },
  {
    name: 'French Outlook reply, "De : / Envoyé : / À : / Objet :"',
    body: `Merci de rembourser ma commande, le produit est cassé.\n\nBien à vous,\nLuc\n\nDe : Northwind Support <support@northwind.example>\nEnvoyé : lundi 1 décembre 2026 10:02\nÀ : luc@example.fr\nObjet : RE: Commande A1004\n\nBonjour Luc,`,
    newest: 'Merci de rembourser ma commande, le produit est cassé.',
  },
  {
    name: 'Spanish reply, "El ... escribió:" and "Enviado desde mi iPhone"',
    body: `Hola, quiero cancelar mi pedido, por favor.\n\nEnviado desde mi iPhone\n\nEl lun, 1 dic 2026 a las 10:02, Northwind Support (<support@northwind.example>) escribió:\n> Hola, su pedido está en preparación.\n`,
    newest: 'Hola, quiero cancelar mi pedido, por favor.',
  },
  {
    name: 'Italian reply, "Il giorno ... ha scritto:" and "Inviato da iPhone"',
    body: `Buongiorno, il pacco è arrivato danneggiato. Cosa devo fare?\n\nInviato da iPhone\n\nIl giorno lun 1 dic 2026 alle ore 10:02 Northwind Support <support@northwind.example> ha scritto:\n> Gentile cliente, il suo ordine è stato spedito.\n`,
    newest: 'Buongiorno, il pacco è arrivato danneggiato. Cosa devo fare?',
  },
  {
    name: 'Dutch reply, "Op ... schreef ...:"',
    body: `Hallo, ik wil mijn bestelling annuleren.\n\nMet vriendelijke groet,\nJan de Vries\n\nOp ma 1 dec. 2026 om 10:02 schreef Northwind Support <support@northwind.example>:\n> Beste Jan, uw bestelling is onderweg.\n`,
    newest: 'Hallo, ik wil mijn bestelling annuleren.',
  },
  {
    name: 'Portuguese reply, "Em ... escreveu:"',
    body: `Olá, a minha encomenda ainda não chegou.\n\nObrigado,\nJoão\n\nEm seg., 1 de dez. de 2026 às 10:02, Northwind Support <support@northwind.example> escreveu:\n> Olá João, a sua encomenda foi enviada.\n`,
    newest: 'Olá, a minha encomenda ainda não chegou.',
  },
  {
    name: 'Polish reply, "W dniu ... pisze:"',
    body: `Dzień dobry, chcę anulować zamówienie A1003.\n\nPozdrawiam\nAnna Kowalska\n\nW dniu 1.12.2026 o 10:02, Northwind Support <support@northwind.example> pisze:\n> Dzień dobry, zamówienie zostało wysłane.\n`,
    newest: 'Dzień dobry, chcę anulować zamówienie A1003.',
  },
  {
    name: 'Polish Gmail reply, "... napisał(a):" without an opener',
    body: `Nadal nie dostałam paczki.\n\npon., 1 gru 2026 o 10:02 Northwind Support <support@northwind.example> napisał(a):\n\n> Paczka jest w drodze.\n`,
    newest: 'Nadal nie dostałam paczki.',
  },
  {
    name: 'Gmail forward with no note: the forwarded mail is the message',
    body: `---------- Forwarded message ---------\nFrom: Lena Fischer <lena@example.com>\nDate: Mon, Dec 1, 2026 at 10:02 AM\nSubject: broken lamp\nTo: <orders@northwind.example>\n\nThe lamp I ordered arrived with a cracked shade. I would like a replacement.\n`,
    newest: 'The lamp I ordered arrived with a cracked shade. I would like a replacement.',
    parts: ['forwarded'],
  },
  {
    name: 'Gmail forward with a note of their own: the note is the message',
    body: `Hi, I was charged twice for this order, see the confirmation below. Please refund one payment.\n\n---------- Forwarded message ---------\nFrom: Northwind Shop <orders@northwind.example>\nDate: Mon, Dec 1, 2026 at 10:02 AM\nSubject: Your order A1001\nTo: <anna@example.com>\n\nThank you for your order A1001. Total: EUR 49.00\n`,
    newest: 'Hi, I was charged twice for this order, see the confirmation below. Please refund one payment.',
    parts: ['forwarded'],
  },
  {
    name: 'Apple Mail forward with no note',
    body: `Begin forwarded message:\n\nFrom: Northwind Shop <orders@northwind.example>\nSubject: Your order A1001 has shipped\nDate: 1 December 2026 at 10:02:00 CET\nTo: anna@example.com\n\nYour order is on its way.\n`,
    newest: 'Your order is on its way.',
  },
  {
    name: 'Outlook forward (FW:) with a note, header block under an underscore rule',
    subject: 'FW: Delivery failed',
    body: `Hello, the courier says they could not deliver. Can you resend it to my office instead?\n\nThanks,\nRita\n\n________________________________\nFrom: Speedy Couriers <noreply@couriers.example>\nSent: Tuesday, December 2, 2026 8:14 AM\nTo: rita@example.com\nSubject: Delivery failed\n\nWe could not deliver your parcel today.`,
    newest: 'Hello, the courier says they could not deliver. Can you resend it to my office instead?',
    parts: ['forwarded', 'signature'],
  },
  {
    name: 'Outlook forward (FW:) with no note',
    subject: 'FW: my order',
    body: `From: Omar Haddad <omar@example.com>\nSent: Tuesday, December 2, 2026 8:14 AM\nTo: orders@northwind.example\nSubject: my order\n\nI want to return the blue jacket, it does not fit.`,
    newest: 'I want to return the blue jacket, it does not fit.',
  },
  {
    name: 'German forward, "Weitergeleitete Nachricht"',
    body: `---------- Weitergeleitete Nachricht ---------\nVon: Max Weber <max@example.de>\nDatum: Mo., 1. Dez. 2026 um 10:02 Uhr\nBetreff: Lieferung\nAn: <orders@northwind.example>\n\nMeine Lieferung ist unvollständig, es fehlt ein Artikel.\n`,
    newest: 'Meine Lieferung ist unvollständig, es fehlt ein Artikel.',
  },
  {
    name: 'A bare note ("FYI") keeps the forwarded text with it',
    body: `FYI see below\n\n---------- Forwarded message ---------\nFrom: Carla Ruiz <carla@example.com>\nDate: Mon, Dec 1, 2026 at 10:02 AM\nSubject: refund\nTo: <me@example.com>\n\nThey still have not refunded my return from October.\n`,
    newest: 'FYI see below\n\nThey still have not refunded my return from October.',
  },
  {
    name: 'Yahoo forward',
    body: `----- Forwarded Message -----\nFrom: Northwind Shop <orders@northwind.example>\nTo: kim@example.com\nSent: Monday, 1 December 2026, 10:02:11 GMT\nSubject: Password reset\n\nSomeone asked to reset your password.`,
    newest: 'Someone asked to reset your password.',
  },
  {
    name: 'Signature with phone numbers and no sign-off',
    body: `Do you ship to Norway, and how long does it take?\n\nErik Nilsen\nProcurement Manager\nNordic Supplies AS\n+47 22 12 34 56\nwww.nordic-supplies.example`,
    newest: 'Do you ship to Norway, and how long does it take?',
    parts: ['signature'],
  },
  {
    name: 'Signature after the "-- " delimiter',
    body: `Which payment methods do you accept?\n\n-- \nTom Baker\nBaker & Sons\nhttps://bakerandsons.example`,
    newest: 'Which payment methods do you accept?',
  },
  {
    name: 'Sign-off with the name on the same line',
    body: `Hi there,\nI'd like to change the size on order A1002 from M to L.\nThanks, Priya`,
    newest: "Hi there,\nI'd like to change the size on order A1002 from M to L.",
  },
  {
    name: 'Confidentiality footer',
    body: `Please cancel order A1002.\n\nBest regards\nMaria Rossi\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and intended solely for the addressee. If you are not the intended recipient, please delete it.`,
    newest: 'Please cancel order A1002.',
    parts: ['legal-footer', 'signature'],
  },
  {
    name: 'Environment footer',
    body: `How do I unsubscribe from the newsletter?\n\nPlease consider the environment before printing this e-mail.`,
    newest: 'How do I unsubscribe from the newsletter?',
    parts: ['legal-footer'],
  },
  {
    name: 'German company footer (Geschäftsführer, Amtsgericht)',
    body: `Guten Tag,\nwir haben die Ware zurückgeschickt und warten auf die Gutschrift.\n\nMit freundlichen Grüßen\nJörg Braun\n\nMusterfirma GmbH, Sitz der Gesellschaft: Hamburg, Amtsgericht Hamburg HRB 12345, Geschäftsführer: Hans Muster`,
    newest: 'Guten Tag,\nwir haben die Ware zurückgeschickt und warten auf die Gutschrift.',
  },
  {
    name: 'Whole body quoted: the quoted text is kept, quote marks off',
    body: `> Hi, where is my order A1001?\n> It should have arrived on Friday.\n`,
    newest: 'Hi, where is my order A1001?\nIt should have arrived on Friday.',
    fellBack: true,
  },
  {
    name: 'A message that is only a sign-off is kept',
    body: `Thanks!\n\nOn Mon, 1 Dec 2026 at 10:02, ${SUPPORT} wrote:\n> Your refund has been processed.\n`,
    newest: 'Thanks!',
  },
  {
    name: 'Bottom-posted reply: the answer under the quote is the message',
    body: `On Mon, 1 Dec 2026 at 10:02, ${SUPPORT} wrote:\n> Could you tell us your order number?\n\nIt is A1003, bought last Tuesday.\n`,
    newest: 'It is A1003, bought last Tuesday.',
  },
  {
    name: 'Interleaved answers between quotes',
    body: `> Which colour did you order?\nThe green one.\n> And which size?\nSize 42.\n`,
    newest: 'The green one.\nSize 42.',
  },
  {
    name: 'Plain text with HTML remnants',
    body: `Hello,<br>my discount code&nbsp;WINTER10 does not work at checkout.<br><br>Regards,<br>Nina`,
    newest: 'Hello,\nmy discount code WINTER10 does not work at checkout.',
    parts: ['html', 'signature'],
  },
  {
    name: 'Apple Mail HTML with blockquote type=cite',
    body: `<html><body dir="auto">Yes please go ahead and cancel.<br><br><div dir="ltr">Sent from my iPad</div><div dir="ltr"><br><blockquote type="cite">On 2 Dec 2026, at 11:00, Northwind Support &lt;support@northwind.example&gt; wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">Shall we cancel order A1004?</div></blockquote></body></html>`,
    newest: 'Yes please go ahead and cancel.',
  },
  {
    name: '"On Monday ... wrote:" in the customer\'s own words is not a header',
    body: `On Monday my neighbour wrote: "your parcel is with me". But she is away now and I need it.\nCan you arrange a redelivery?`,
    newest: `On Monday my neighbour wrote: "your parcel is with me". But she is away now and I need it.\nCan you arrange a redelivery?`,
  },
  {
    name: '"Thanks for ..." at the start is not a sign-off',
    body: `Thanks for the quick reply.\nUnfortunately the code you sent has expired already, can you send a new one?`,
    newest: `Thanks for the quick reply.\nUnfortunately the code you sent has expired already, can you send a new one?`,
  },
  {
    name: 'Mobile fragment with an Android footer',
    body: `wheres my stuff?? order a-1001\n\nSent from my Galaxy`,
    newest: 'wheres my stuff?? order a-1001',
  },
  {
    name: '"From:" in a sentence is not a header block',
    body: `From: my side everything is set up. To: whom should I send the return label?\nI bought it on 3 November.`,
    newest: `From: my side everything is set up. To: whom should I send the return label?\nI bought it on 3 November.`,
  },
  {
    name: 'Outlook for Mac reply, quoted header with the name in quotes',
    body: `Sorry, one more question: can I pay by bank transfer?\n\nOn 01/12/2026, 10:02, "Northwind Support" <support@northwind.example> wrote:\n\n    Hello, thanks for your order.\n`,
    newest: 'Sorry, one more question: can I pay by bank transfer?',
  },
  {
    name: 'A reply whose quoted history holds a forward stays a reply',
    body: `Still waiting for an answer to this.\n\nOn Tue, 2 Dec 2026 at 09:00, Dana Cole <dana@example.com> wrote:\n> ---------- Forwarded message ---------\n> From: Northwind Shop <orders@northwind.example>\n> Subject: Order A1002\n>\n> Your order was delivered.\n`,
    newest: 'Still waiting for an answer to this.',
    parts: ['quoted-history'],
  },
  {
    name: 'An address the message announces is not a signature',
    body: `Please send the replacement to my office instead:

John Smith
Acme Ltd, 12 High Street
Leeds LS1 4AB
+44 113 496 0000`,
    newest: `Please send the replacement to my office instead:

John Smith
Acme Ltd, 12 High Street
Leeds LS1 4AB
+44 113 496 0000`,
  },
  {
    name: 'A "---" rule inside the message is not a signature delimiter',
    body: `Here is what I ordered:
---
2x blue mug
1x teapot
---
Only the teapot arrived.`,
    newest: `Here is what I ordered:
---
2x blue mug
1x teapot
---
Only the teapot arrived.`,
  },
  {
    name: 'Plain-text reply with <br> remnants keeps its quote lines apart',
    body: `Sorry, still broken.<br>\nTom\n\nOn Tue, 2 Dec 2026 at 08:00, ${SUPPORT} wrote:\n> Please try again &amp; let us know.\n> Best regards\n`,
    newest: 'Sorry, still broken.\n\nTom',
    parts: ['html', 'quoted-history'],
  },
  {
    name: 'A "Disclaimer:" line under the sign-off is part of the signature, GDPR and all',
    body: `Good morning,\n\nDo your desk lamps come with a UK plug?\n\nBest regards,\nPeter Olsen\nOlsen Interiors | 12 Mill Lane | Leeds\nDisclaimer: this message may contain confidential information. We handle personal data under the GDPR, see our privacy policy.`,
    newest: 'Good morning,\n\nDo your desk lamps come with a UK plug?',
    parts: ['signature'],
  },
  {
    name: 'A customer\'s own "disclaimer" sentence above the sign-off stays theirs',
    body: `Hi,\n\nDisclaimer: I am not a lawyer, but is the GDPR form on your site the right way to get my data?\n\nThanks,\nMia`,
    newest: 'Hi,\n\nDisclaimer: I am not a lawyer, but is the GDPR form on your site the right way to get my data?',
    parts: ['signature'],
  },
];
