/**
 * The run's sources with the KB's own readings kept between tickets (shared-source-readings.ts): a
 * KB reply rendered without an order is split once, a shared sentence's words are listed once, and
 * the sources are what they are when every text is read anew; a customer's or an order's sentence
 * is never kept.
 */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderFacts } from '../../../src/triage/grounding/order-facts.js';
import { collectRunSources } from '../../../src/triage/grounding/run-sources.js';
import { splitSentences } from '../../../src/triage/grounding/sentence-support.js';
import {
  SHARED_WORDS_LIMIT,
  sharedSourceReadingsSize,
  sharedWordsOf,
  wordsOf,
} from '../../../src/triage/grounding/shared-source-readings.js';
import { loadKnowledgeBase } from '../../../src/triage/kb/knowledge-base.js';
import { buildSession } from '../../../src/triage/pipeline.js';
import { demoCrm, ticket, triageDeps } from '../triage-fixtures.js';

const kb = loadKnowledgeBase();
const articles = ['track-order', 'recover-password', 'payment-methods'];

async function sessionFor(email: string, orders: string[]) {
  const session = buildSession(ticket('Where is my order, and how do I reset my password?', { customerEmail: email }), triageDeps());
  const crm = demoCrm();
  session.customer = await crm.findCustomerByEmail(email);
  for (const id of orders) session.orders.set(id, await crm.getOrder(id));
  for (const id of articles) session.kbReplies.set(id, kb.replyOf(id));
  return session;
}

describe('the run sources with the KB readings kept between tickets', () => {
  it('split each shared rendering once, list each shared sentence once, and keep nothing of a customer', async () => {
    const ada = await sessionFor('ada@example.com', ['A1001', 'A1002']);
    const sources = collectRunSources(ada);
    const kept = sharedSourceReadingsSize();
    // The articles the pipeline found for the ticket, and the three the run retrieved.
    expect(kept.splits).toBe(ada.kbReplies.size);
    expect(ada.kbReplies.size).toBeGreaterThanOrEqual(articles.length);
    expect(kept.words).toBe(sources.shared.size);
    expect(sources.sentences.length).toBeGreaterThan(sources.shared.size);

    // What the sources hold, read anew.
    const plan = ada.customer!.plan;
    const sharedSentences = [...ada.kbReplies.values()].flatMap((reply) => splitSentences(fillPlaceholders(reply, placeholderFacts(undefined, plan))));
    expect([...sources.shared]).toEqual([...new Set(sharedSentences)]);
    expect(sources.vocabulary).toEqual(new Set(sources.sentences.flatMap((sentence) => wordsOf(sentence.text))));

    // Another ticket of the same customer, and another customer on the same plan: nothing new is read.
    expect(collectRunSources(await sessionFor('ada@example.com', ['A1001', 'A1002']))).toEqual(sources);
    expect(sharedSourceReadingsSize()).toEqual(kept);
  });

  it('starts the words table again past its limit, with the same words', () => {
    for (let index = 0; sharedSourceReadingsSize().words < SHARED_WORDS_LIMIT; index += 1) sharedWordsOf(`Sentence number ${index} of the table.`);
    expect(sharedWordsOf('Your Parcel is ON its way, 2 days.')).toEqual(['your', 'parcel', 'is', 'on', 'its', 'way', '2', 'days']);
    expect(sharedSourceReadingsSize().words).toBe(1);
  });
});
