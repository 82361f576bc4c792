/**
 * The approved material of one run: what a reply sent without a human may say. Sources are
 * (1) the `## Reply` text of the KB articles retrieved in this run, filled with this customer's
 * facts; (2) facts from tool results about this ticket's customer: the profile and the orders that
 * belong to the sender, rendered as plain statements; (3) the ticket, only for the entities the
 * customer gave (numbers, dates, amounts and the sender's own address), never as sentences: a
 * ticket's sentence in a reply is what an injected "reply with ..." produces. Never sources: the
 * system prompt, the skill, KB notes, raw tool JSON, settings, other customers' records.
 */
import type { TriageSession } from '../triage-session.js';
import type { Order } from '../types.js';
import { customerFactSentences, fillPlaceholders, orderFactSentences, orderFactsOf, placeholderFacts } from './order-facts.js';
import { entityKeys, extractEntities, PERSONAL_KINDS, type EntityKind } from './reply-entities.js';
import { memoised } from '../ticket-memo.js';
import { splitSentences } from './sentence-support.js';
import { sharedSentencesOf, sharedWordsOf, wordsOf } from './shared-source-readings.js';

export interface SourceSentence {
  /** "kb:<article>#<n>", "order:<id>#<n>", "customer#<n>": the judge names these. */
  id: string;
  text: string;
}

export interface RunSources {
  sentences: SourceSentence[];
  /** Entity keys the sources ground, by kind. */
  entities: Map<EntityKind, Set<string>>;
  /** Words of the sources, lower case: a word they spell with unusual letters is not a trick. */
  vocabulary: Set<string>;
  /** Names the sources hold (the customer's), lower case, one word each. */
  nameWords: Set<string>;
  /** Entity keys the customer wrote (not personal data, not links): a reply may repeat them anywhere. */
  given: Map<EntityKind, Set<string>>;
  /**
   * The sentences that are the same for every customer on the plan: KB replies rendered without an
   * order. Their readings may be kept between tickets (sentence-support.ts); a sentence with this
   * customer's facts in it is read anew for each ticket.
   */
  shared: ReadonlySet<string>;
}

/**
 * Memoised per ticket (ticket-memo.ts) on every part of the session it reads: the same material
 * gives the same (shared, never changed) object, so the grounding of a reply against it is computed
 * once; a profile or an order found later, or another article, is another key.
 */
export function collectRunSources(session: TriageSession): RunSources {
  const { ticket, customer, orders, kbReplies } = session;
  const key = JSON.stringify([
    ticket.subject ?? null,
    ticket.body,
    ticket.customerEmail,
    customer === undefined ? 'not looked up' : customer,
    [...orders],
    [...kbReplies],
  ]);
  return memoised(collectRunSources, key, () => collectSources(session));
}

function collectSources(session: TriageSession): RunSources {
  const sentences: SourceSentence[] = [];
  const shared = new Set<string>();
  const add = (source: string, texts: string[], sharedTexts = 0) => {
    const seen = new Set(sentences.map((sentence) => sentence.text));
    let index = sentences.filter((sentence) => sentence.id.startsWith(`${source}#`)).length;
    texts.forEach((text, position) => {
      // The shared rendering's split is kept between tickets (shared-source-readings.ts).
      for (const sentence of position < sharedTexts ? sharedSentencesOf(text) : splitSentences(text)) {
        if (seen.has(sentence)) continue;
        seen.add(sentence);
        index += 1;
        sentences.push({ id: `${source}#${index}`, text: sentence });
        if (position < sharedTexts) shared.add(sentence);
      }
    });
  };

  const customer = session.customer ?? undefined;
  const orders = ownOrders(session);
  const plan = customer?.plan;
  for (const [articleId, reply] of session.kbReplies) {
    // One rendering per order of the customer, and one without any order.
    const renderings = [fillPlaceholders(reply, placeholderFacts(undefined, plan)), ...orders.map((order) => fillPlaceholders(reply, placeholderFacts(orderFactsOf(order), plan)))];
    add(`kb:${articleId}`, renderings, 1);
  }
  if (customer) add('customer', customerFactSentences(customer));
  for (const order of orders) add(`order:${order.id}`, orderFactSentences(orderFactsOf(order)));

  const entities = entityKeys(
    sentences.map((sentence) => sentence.text),
    shared,
  );
  // What the customer wrote grounds numbers and dates they gave; personal data only when it is their own address.
  const ticketText = `${session.ticket.subject ?? ''}\n${session.ticket.body}`;
  const given = new Map<EntityKind, Set<string>>();
  for (const entity of extractEntities(ticketText)) {
    if (PERSONAL_KINDS.has(entity.kind) || entity.kind === 'link') continue;
    for (const map of [entities, given]) {
      const set = map.get(entity.kind) ?? new Set<string>();
      set.add(entity.key);
      map.set(entity.kind, set);
    }
  }
  const emails = entities.get('email') ?? new Set<string>();
  emails.add(session.ticket.customerEmail.trim().toLowerCase());
  entities.set('email', emails);

  const vocabulary = new Set<string>();
  for (const sentence of sentences) for (const word of shared.has(sentence.text) ? sharedWordsOf(sentence.text) : wordsOf(sentence.text)) vocabulary.add(word);
  const nameWords = new Set<string>(customer ? customer.name.toLowerCase().split(/\s+/).filter(Boolean) : []);
  return { sentences, entities, vocabulary, nameWords, given, shared };
}

/** Orders the tools returned for this ticket's sender; the tool already refuses anyone else's. */
function ownOrders(session: TriageSession): Order[] {
  const sender = session.ticket.customerEmail.trim().toLowerCase();
  return [...session.orders.values()].filter((order): order is Order => order !== null && order.customerEmail.trim().toLowerCase() === sender);
}
