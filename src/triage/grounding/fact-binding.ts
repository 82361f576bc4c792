/**
 * Facts bound to the sentence that backs them. Sentence support lets a reply sentence differ from
 * its source by a word or two, which is what a paraphrase needs, and also what a swapped fact needs:
 * "a reset link that works for 10 minutes" is the source's sentence with its 60 replaced by the 10
 * of another sentence of the same article; "your order A2001 is currently shipped" is the order's
 * sentence with its status replaced. Every fact of a supported sentence must therefore come from
 * the source sentences that support it, not from anywhere in the run:
 *   - entities (numbers, dates, amounts, percentages, links, emails, phones, ids, tracking numbers),
 *     unless the customer wrote them (a number they gave may be repeated back);
 *   - the words that state an order's or an account's state (the values of `OrderStatus` and of a
 *     customer's plan), and "free".
 */
import { allMatches } from '../regex-matches.js';
import type { Customer, OrderStatus } from '../types.js';
import { entityKeys, extractEntities, type EntityKind } from './reply-entities.js';

/** The closed sets the data model defines, plus "free": a price of nothing is a fact like any other. */
const ORDER_STATES: readonly OrderStatus[] = ['processing', 'shipped', 'delivered', 'cancelled', 'returned'];
const PLANS: readonly Customer['plan'][] = ['free', 'pro', 'enterprise'];
const STATE_WORD = new RegExp(`\\b(?:${[...ORDER_STATES, 'canceled', ...PLANS].join('|')})\\b`, 'gi');

export interface UnboundFact {
  kind: EntityKind | 'state';
  text: string;
}

/**
 * The facts of `sentence` that none of `supporting` states; `given` holds what the customer wrote.
 * Names are left to the entity check of the whole reply: a greeting's name has no source sentence.
 */
export function unboundFacts(sentence: string, supporting: readonly string[], given: ReadonlyMap<EntityKind, ReadonlySet<string>>): UnboundFact[] {
  const { entities, states } = unboundBySupport(sentence, supporting);
  const unbound: UnboundFact[] = [];
  for (const entity of entities) {
    if (given.get(entity.kind)?.has(entity.key)) continue;
    if (entity.kind === 'number' && given.get('money')?.has(entity.key)) continue;
    unbound.push({ kind: entity.kind, text: entity.text });
  }
  for (const state of states) unbound.push({ ...state });
  return unbound;
}

interface UnboundBySupport {
  /** The sentence's entities (names aside) that the supporting windows do not state, in order. */
  entities: readonly { kind: EntityKind; text: string; key: string }[];
  /** Its state words that they do not hold. */
  states: readonly UnboundFact[];
}

/**
 * What the supporting windows leave unbound depends on nothing but the sentence and the windows, and
 * replies are made of the knowledge base's answers backed by its sentences: the same pairs come back
 * ticket after ticket. Kept between tickets; past the limit the table starts again. What the
 * customer wrote (`given`) is applied per call.
 */
const unboundBySupportTable = new Map<string, UnboundBySupport>();
export const UNBOUND_CACHE_LIMIT = 10_000;

/** How many (sentence, windows) pairs the table holds (for tests). */
export function unboundCacheSize(): number {
  return unboundBySupportTable.size;
}

function unboundBySupport(sentence: string, supporting: readonly string[]): UnboundBySupport {
  const key = JSON.stringify([sentence, supporting]);
  let known = unboundBySupportTable.get(key);
  if (known === undefined) {
    if (unboundBySupportTable.size >= UNBOUND_CACHE_LIMIT) unboundBySupportTable.clear();
    unboundBySupportTable.set(key, (known = readUnboundBySupport(sentence, supporting)));
  }
  return known;
}

function readUnboundBySupport(sentence: string, supporting: readonly string[]): UnboundBySupport {
  const keys = entityKeys(supporting);
  const entities: { kind: EntityKind; text: string; key: string }[] = [];
  for (const entity of extractEntities(sentence)) {
    if (entity.kind === 'name') continue;
    if (keys.get(entity.kind)?.has(entity.key)) continue;
    if (entity.kind === 'number' && keys.get('money')?.has(entity.key)) continue;
    entities.push({ kind: entity.kind, text: entity.text, key: entity.key });
  }
  const states: UnboundFact[] = [];
  const supportingWords = new Set((supporting.join(' ').toLowerCase().match(STATE_WORD) ?? []).map(foldSpelling));
  for (const [word] of allMatches(sentence, STATE_WORD)) {
    if (!supportingWords.has(foldSpelling(word.toLowerCase()))) states.push({ kind: 'state', text: word });
  }
  return { entities, states };
}

function foldSpelling(word: string): string {
  return word === 'canceled' ? 'cancelled' : word;
}
