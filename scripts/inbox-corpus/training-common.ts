/** Greetings, sign-offs, moods and quoted history of the TRAINING mail (the held-out set has its own). */
import { tagged, type CommonParts } from './parts.js';

export const trainingCommon: CommonParts = {
  greetings: [
    'Hi,', 'Hello,', 'Hi there,', 'Hello Northwind team,', 'Dear Sir or Madam,', 'Good morning,', 'Hey,',
    'Hi support,', 'Dear Northwind,', 'Hello again,', 'Evening all,', 'To whom it may concern,', 'Hiya,',
    'Dear customer service,', 'Hi folks,', 'Good afternoon,', 'Yo,', 'Hello there team,',
  ],
  signOffs: [
    'Thanks,', 'Thank you,', 'Kind regards,', 'Best,', 'Cheers,', 'Regards,', 'Many thanks,', 'Best wishes,',
    'Thanks in advance,', 'Sincerely,', 'All the best,', 'thx', 'ty', 'Warm regards,', 'Speak soon,',
  ],
  names: [
    'Maria', 'Tom', 'Priya', 'Jonas', 'Fatima', 'Ken', 'Olu', 'Sophie', 'Diego', 'Hannah', 'Ravi', 'Claire',
    'Mehmet', 'Aoife', 'Lukas', 'Ingrid', 'Sam', 'Beatriz', 'Tariq', 'Yuki', 'Mark P.', 'J. Okafor',
    'Elena Rossi', 'Pete', 'Agnieszka', 'Bram', 'Chloe', 'Dev',
  ],
  items: [
    'desk lamp', 'linen notebooks', 'office chair', 'mechanical keyboard', 'felt desk mat', 'ceramic mugs',
    'standing desk', 'wall clock', 'LED bulbs', 'cable organiser', 'monitor arm', 'notebook set',
    'bookshelf', 'throw blanket', 'coffee grinder', 'laptop stand',
  ],
  addOns: [
    // complaint: anger, sarcasm, repeated failure, "misleading"
    tagged('complaint', 'This is the third time I am writing about this and nobody has bothered to reply.'),
    tagged('complaint', 'Honestly this is ridiculous.'),
    tagged('complaint', 'I am really disappointed with how this has been handled.'),
    tagged('complaint', 'Great job guys, really stellar service. Not.'),
    tagged('complaint', 'Wow, five stars for making a simple thing impossible.'),
    tagged('complaint', 'Your website promised next-day delivery, which is misleading to say the least.'),
    tagged('complaint', 'Every single time I order something from you there is a problem.'),
    tagged('complaint', 'I have been on hold twice already and got cut off both times.'),
    tagged('complaint', 'Absolutely unacceptable for a company your size.'),
    tagged('complaint', 'Thanks for nothing so far.'),
    tagged('complaint', 'Oh and of course nobody answers the phone, what a surprise.'),
    tagged('complaint', 'Your advert said free returns, now you want me to pay. That is misleading.'),
    tagged('complaint', 'I am fed up with chasing you.'),
    tagged('complaint', 'Frankly the worst shopping experience I have had this year.'),
    tagged('complaint', 'Still waiting after two weeks of promises.'),
    tagged('complaint', 'Lovely, another automated answer that ignores my question.'),
    // retention: leaving us
    tagged('retention', 'If this is not sorted I am moving to a competitor.'),
    tagged('retention', 'Honestly I am thinking of taking my business elsewhere.'),
    tagged('retention', 'One more problem like this and I will close my account.'),
    tagged('retention complaint', 'I have had enough, please shut my account down after this.'),
    tagged('retention', 'At this point I am seriously considering cancelling my membership.'),
    // human requested
    tagged('human-requested', 'Please have an actual person read this.'),
    tagged('human-requested', 'I would rather speak to a human than get another canned reply.'),
    tagged('human-requested', 'Can someone from your team call me back?'),
    tagged('human-requested', 'I want a real person on this, not a bot.'),
    tagged('human-requested', 'Could a supervisor look at this please.'),
    // legal
    tagged('legal-review', 'If I do not hear back I will ask my bank for a chargeback.'),
    tagged('legal-review', 'My solicitor has advised me to put this in writing.'),
    tagged('legal-review', 'I will report this to consumer protection if needed.'),
    tagged('legal-review', 'I am keeping copies of everything for small claims court.'),
    // refund: money back, compensation, discount, price match, fee waiver
    tagged('refund', 'I want my money back.'),
    tagged('refund', 'I expect some compensation for the trouble.'),
    tagged('refund', 'A partial refund would be the least you could do.'),
    tagged('refund', 'Could you at least give me a discount on my next order?'),
    tagged('refund', 'Please waive the delivery fee given all this.'),
    tagged('refund', 'I saw it 15% cheaper elsewhere, can you match that price?'),
    tagged('refund', 'I would like the shipping costs refunded.'),
    tagged('refund', 'Please credit my card back for the difference.'),
    // third party
    tagged('third-party-data', 'Also, could you tell me what my ex ordered on her account last month?'),
    tagged('third-party-data', 'While you are at it, what address does my brother have on file with you?'),
    // security
    tagged('security', 'Also there was a login from a country I have never been to.'),
    tagged('security', 'I think someone else has been using my password.'),
  ],
  neutralAddOns: [
    'No rush, whenever you get a chance.',
    'I already cancelled the other order myself, so that one is fine.',
    'This is not a complaint, just a question.',
    'An email answer is fine, no need to call.',
    'I read your refund policy page but I am still unsure.',
    'You have always been great so I am sure it is a small thing.',
    'My partner usually orders for both of us, but this one is mine.',
    'Thanks for the quick help last time.',
    'I love the products by the way.',
    'Sorry for the long message.',
    'Sorry if this has been asked before.',
    'Happy to send photos if that helps.',
    'I am on holiday next week, so sooner would be great.',
    'I checked the FAQ first, promise.',
    'The order number should be in the email you sent me.',
  ],
  quoteHeaders: [
    'On Mon, 9 Mar 2026 at 10:24, Northwind Support <support@northwind.example> wrote:',
    '-----Original Message-----\nFrom: Northwind Support\nSent: Tuesday, March 10, 2026 9:02 AM\nSubject: Re: your order',
    'Am 10.03.2026 um 14:11 schrieb Northwind Support:',
    'On 2026-03-12 08:40, support@northwind.example wrote:',
  ],
  quotedLines: [
    '> Thank you for contacting Northwind Goods.',
    '> We have received your request and will get back to you shortly.',
    '> Your ticket number is in the subject line.',
    '> Kind regards, The Northwind Support Team',
    '> Did this answer your question? Reply to this email if not.',
  ],
  footers: [
    'Sent from my iPhone', 'Sent from my Android phone', 'Get Outlook for iOS', 'Sent from Mail for Windows',
    '--\nMaria Keller | Office Manager | Keller & Sons', '--\nThis email and any attachments are confidential.',
  ],
};
