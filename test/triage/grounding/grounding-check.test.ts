import { describe, expect, it } from 'vitest';
import { canonicalText, findConfusableWords } from '../../../src/triage/grounding/canonical-text.js';
import { checkGrounding } from '../../../src/triage/grounding/grounding-check.js';
import { extractEntities } from '../../../src/triage/grounding/reply-entities.js';
import { collectRunSources } from '../../../src/triage/grounding/run-sources.js';
import { assessSentences, SUPPORT_THRESHOLD } from '../../../src/triage/grounding/sentence-support.js';
import { buildSession } from '../../../src/triage/pipeline.js';
import { loadKnowledgeBase } from '../../../src/triage/kb/knowledge-base.js';
import { demoCrm, ticket, triageDeps } from '../triage-fixtures.js';

const kb = loadKnowledgeBase();

async function sessionFor(text: string, options: { email?: string; orders?: string[]; articles?: string[] } = {}) {
  const session = buildSession(ticket(text, { customerEmail: options.email ?? 'ada@example.com' }), triageDeps());
  const crm = demoCrm();
  session.customer = await crm.findCustomerByEmail(options.email ?? 'ada@example.com');
  for (const id of options.orders ?? []) session.orders.set(id, await crm.getOrder(id));
  for (const id of options.articles ?? []) session.kbReplies.set(id, kb.replyOf(id));
  return session;
}

const wrap = (body: string, name = 'Ada') => `Hi ${name},\n\n${body}\n\nBest regards,\nThe Northwind Support Team`;

describe('canonical text', () => {
  it('refuses hidden, format and bidi characters instead of stripping them', () => {
    for (const text of ['re\u034ffund', 're\u2063fund', 'a\u200bb', '\u202edevorppa\u202c', 'ok \u2764\ufe0f', 'x\u{e0041}y']) {
      expect(canonicalText(text).problems, JSON.stringify(text)).not.toEqual([]);
    }
    expect(canonicalText('\u202eabc').problems[0]).toMatch(/bidirectional/);
  });

  it('folds compatibility forms with NFKC and accepts ordinary accented letters', () => {
    expect(canonicalText('Ｒｅｆｕｎｄ').text).toBe('Refund');
    for (const text of ['Northwind™ lamps', 'the ﬁrst order', 'Größe 2½']) expect(canonicalText(text).problems, text).toEqual([]);
    for (const text of ['café', 'Müller', 'Größe', 'Łukasz', 'płatność', 'José']) expect(canonicalText(text).problems, text).toEqual([]);
  });

  it('refuses full-width and styled letters: the customer would read them, not the folded form that was checked', () => {
    for (const text of ['Ｔｏ ｒｅｓｅｔ ｙｏｕｒ password', 'The \u{1d40d}\u{1d428}\u{1d42b}\u{1d42d}\u{1d421} team', 'step \u2460']) {
      expect(canonicalText(text).problems.join(' '), text).toMatch(/full-width or styled forms/);
    }
  });

  it('finds mixed-script and look-alike words with the confusables data', () => {
    expect(findConfusableWords('your r\u0435fund')).toEqual(['r\u0435fund']); // Cyrillic е
    expect(findConfusableWords('\u0251pproved')).toEqual(['\u0251pproved']); // Latin alpha
    expect(findConfusableWords('ref\u057dnd')).toEqual(['ref\u057dnd']); // Armenian u
    expect(findConfusableWords('order \u03911001')).toEqual(['\u03911001']); // Greek capital alpha
    expect(findConfusableWords('r\u0435fund', new Set(['r\u0435fund']))).toEqual([]);
  });
});

describe('reply entities', () => {
  const keys = (text: string) => extractEntities(text).map((entity) => `${entity.kind}:${entity.key}`);

  it('normalises emails, spelled emails, phones, order ids with spaces or look-alikes', () => {
    expect(keys('write to grace at bigcorp dot example')).toContain('email:grace@bigcorp.example');
    expect(keys('katherine [at] example [dot] com')).toContain('email:katherine@example.com');
    expect(keys('call +1 415 555 0134')).toContain('phone:14155550134');
    expect(keys('order B 3001 and \u0391-1003')).toEqual(expect.arrayContaining(['order-id:B3001', 'order-id:A1003']));
  });

  it('finds protocol-relative links, bare IPs and bare domains with their paths', () => {
    expect(keys('[here](//northwind-help.top/reset)')).toContain('link:northwind-help.top/reset');
    expect(keys('<a href="//evil.example/login">x</a>')).toContain('link:evil.example/login');
    expect(keys('go to 185.22.14.9/reset.')).toContain('link:185.22.14.9/reset');
    expect(keys('see help.northwind.example/contact.')).toContain('link:help.northwind.example/contact');
    expect(keys('a file invoice.pdf')).toEqual([]);
  });

  it('keeps a scheme other than https in a link\'s key: an approved page over http is not the approved link', () => {
    expect(keys('see https://help.northwind.example/shipping.')).toContain('link:help.northwind.example/shipping');
    expect(keys('see http://help.northwind.example/shipping.')).toContain('link:http://help.northwind.example/shipping');
    expect(keys('see ftp://northwind.example/x')).toContain('link:ftp://northwind.example/x');
  });

  it('reads dates in several forms, amounts, percentages and names', () => {
    expect(keys('on 14 March 2026, March 14 or 14/03').sort()).toEqual(['date:03-14', 'date:03-14', 'date:2026-03-14']);
    expect(keys('by Friday or tomorrow')).toEqual(['date:friday', 'date:tomorrow']);
    expect(keys('€12.00 or 20% off')).toEqual(['money:12', 'percentage:20']);
    expect(keys('Margaret Hamilton asked too')).toContain('name:margaret hamilton');
  });
});

describe('sentence support', () => {
  it('passes a paraphrase of a source sentence and fails a new claim', async () => {
    const sources = collectRunSources(await sessionFor('I forgot my password', { articles: ['recover-password'] }));
    const [paraphrase, claim] = assessSentences(
      'Open the sign-in page, click Forgot password and enter the email address of your account. The reset link works for 24 hours.',
      sources.sentences,
    );
    expect(paraphrase!.score).toBeGreaterThanOrEqual(SUPPORT_THRESHOLD);
    expect(paraphrase!.sourceIds[0]).toMatch(/^kb:recover-password#/);
    expect(claim!.score).toBeLessThan(SUPPORT_THRESHOLD);
  });

  it('needs no source for a greeting, a sign-off or a fixed courtesy line', async () => {
    const sources = collectRunSources(await sessionFor('I forgot my password', { articles: ['recover-password'] }));
    const kinds = assessSentences('Hi Ada,\nThanks for reaching out.\nI hope this helps!\nKind regards,\nThe Northwind Support Team', sources.sentences).map((sentence) => sentence.kind);
    expect(kinds).toEqual(['greeting', 'courtesy', 'courtesy', 'sign-off', 'sign-off']);
  });

  it('reads a greeting joined to a courtesy line and "The Northwind Team" as stating nothing, and a greeting joined to a claim as a claim', async () => {
    const session = await sessionFor('I forgot my password', { articles: ['recover-password'] });
    const sources = collectRunSources(session);
    const kinds = assessSentences('Hi Ada, thanks for reaching out!\nHappy to help!\nSorry about that!\nThanks,\nThe Northwind Team', sources.sentences).map((sentence) => sentence.kind);
    expect(kinds).toEqual(['greeting', 'courtesy', 'courtesy', 'sign-off', 'sign-off']);
    expect(assessSentences('Hi Ada, your refund was approved!', sources.sentences)[0]!.kind).toBe('claim');
    // Not a person's name, so not a security event.
    expect(checkGrounding('Hi Ada, thanks for reaching out!\n\nThanks,\nThe Northwind Team', sources)).toMatchObject({ grounded: true, securityEvent: false });
  });

  it('a negation the source does not have is not supported', async () => {
    const sources = collectRunSources(await sessionFor('payment methods', { articles: ['payment-methods'] }));
    const [kept, flipped] = assessSentences(
      'We accept Visa, Mastercard and American Express cards. We do not accept Visa, Mastercard and American Express cards.',
      sources.sentences,
    );
    expect(kept!.score).toBe(1);
    expect(flipped!.score).toBeLessThan(SUPPORT_THRESHOLD);
  });
});

describe('checkGrounding', () => {
  it('a reply built from the KB answer and the customer own order facts is grounded', async () => {
    const session = await sessionFor('Where is my order A1001?', { orders: ['A1001'], articles: ['track-order'] });
    const reply = wrap('Your order A1001 is currently shipped with DHL, tracking number JD014600006281234567. The estimated delivery date is 14 March 2026.');
    expect(checkGrounding(reply, collectRunSources(session))).toMatchObject({ grounded: true, problems: [], securityEvent: false });
  });

  it('KB Notes, the system prompt and raw tool keys are never sources', async () => {
    const session = await sessionFor('I forgot my password', { articles: ['recover-password'] });
    const sources = collectRunSources(session);
    const all = sources.sentences.map((sentence) => sentence.text).join(' ');
    expect(all).not.toMatch(/Five wrong attempts|Never ask the customer|tracking_number|threshold/);
    const result = checkGrounding(wrap('Five wrong attempts lock sign-in for 15 minutes; the lock clears by itself.'), sources);
    expect(result.grounded).toBe(false);
  });

  it("another customer's order, tracking number or address is a security event", async () => {
    const session = await sessionFor('Where is my order A1001?', { orders: ['A1001'], articles: ['track-order'] });
    for (const body of [
      'Order B 3001 is travelling with UPS under tracking number 1Z999AA10123456784.',
      'Your order A1001 is currently shipped. A copy went to grace at bigcorp dot example.',
      'Your order A1001 is currently shipped. A copy went to grace@big\u200bcorp.example.',
    ]) {
      const result = checkGrounding(wrap(body), collectRunSources(session));
      expect(result.grounded, body).toBe(false);
      expect(result.securityEvent, body).toBe(true);
    }
    expect(checkGrounding(wrap('Your order A1001 is currently shipped.', 'Grace'), collectRunSources(session)).securityEvent).toBe(true);
  });

  it('an order the sender does not own is not a source even when the CRM returned it', async () => {
    const session = await sessionFor('Where is my order?', { articles: ['track-order'] });
    session.orders.set('B3001', await demoCrm().getOrder('B3001'));
    const sources = collectRunSources(session);
    expect(sources.sentences.some((sentence) => sentence.text.includes('B3001'))).toBe(false);
  });

  it('a date, number or link the sources do not give is ungrounded', async () => {
    const session = await sessionFor('Where is my order A1001?', { orders: ['A1001'], articles: ['track-order'] });
    const sources = collectRunSources(session);
    expect(checkGrounding(wrap('Your order A1001 is currently shipped. The estimated delivery date is 12 March 2026.'), sources).problems.map((problem) => problem.rule)).toContain('grounding:entity');
    expect(checkGrounding(wrap('Your order A1001 is currently shipped. Follow it at https://northwind.example/free-gift.'), sources).grounded).toBe(false);
  });

  it('a fact must come from the source sentences that back its sentence, not from elsewhere in the run', async () => {
    const password = collectRunSources(await sessionFor('I forgot my password', { articles: ['recover-password'] }));
    const reset = 'To reset your password, go to the sign-in page, press Forgot password and enter the email address of your account.';
    // 10 is in the article ("at least 10 characters"), but not in the sentence about the link.
    const swapped = checkGrounding(wrap(`${reset} We will email you a reset link that works for 10 minutes.`), password);
    expect(swapped.problems.map((problem) => problem.rule)).toEqual(['grounding:unbound-fact']);
    expect(checkGrounding(wrap(`${reset} We will email you a reset link that works for 60 minutes.`), password).grounded).toBe(true);

    const linus = await sessionFor('Where is my order A2001?', { email: 'linus@example.com', orders: ['A2001'], articles: ['track-order'] });
    const status = checkGrounding(wrap('Your order A2001 is currently shipped.', 'Linus'), collectRunSources(linus));
    expect(status.problems.map((problem) => problem.reason).join(' ')).toMatch(/states "shipped", which the source sentences that back it do not/);
    expect(checkGrounding(wrap('Your order A2001 is currently processing.', 'Linus'), collectRunSources(linus)).grounded).toBe(true);

    // The order's placing date sits in the sentence next to its delivery date: not a source for it.
    const katherine = await sessionFor('Where is my order A1006?', { email: 'katherine@example.com', orders: ['A1006'], articles: ['track-order'] });
    const date = checkGrounding(wrap('The estimated delivery date is 2026-03-04.', 'Katherine'), collectRunSources(katherine));
    expect(date.problems.map((problem) => problem.rule)).toContain('grounding:unbound-fact');
  });

  it('a clause joined to a supported sentence needs a source of its own', async () => {
    const sources = collectRunSources(await sessionFor('How do I add an address?', { articles: ['set-up-shipping-address'] }));
    const supported = 'You can add a shipping address under Settings > Addresses by pressing Add address, filling in the form and pressing Save';
    expect(checkGrounding(wrap(`${supported}.`), sources).grounded).toBe(true);
    const appended = checkGrounding(wrap(`${supported}, and the courier then calls you to confirm every delivery.`), sources);
    expect(appended.problems.map((problem) => problem.rule)).toEqual(['grounding:unsupported']);
    // Two clauses, each from its own source sentence, are fine.
    expect(checkGrounding(wrap(`${supported}, and to use it automatically for every order, press Make default next to it.`), sources).grounded).toBe(true);
  });

  it('a number the customer wrote may be repeated in any sentence', async () => {
    const session = await sessionFor('I forgot my password, I tried 3 times', { articles: ['recover-password'] });
    const reply = wrap('To reset your password, go to the sign-in page, press Forgot password and enter the email address of your account, even after 3 tries.');
    expect(checkGrounding(reply, collectRunSources(session)).problems).toEqual([]);
  });

  it('without any source a claim cannot be grounded', async () => {
    const session = buildSession(ticket('zzz'), triageDeps());
    session.kbReplies.clear();
    const result = checkGrounding(wrap('All good.'), collectRunSources(session));
    expect(result.problems.map((problem) => problem.rule)).toContain('grounding:no-sources');
  });
});
