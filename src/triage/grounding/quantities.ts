/**
 * Numbers with what they count and whom they are said of. Fact binding checks that a number of a
 * reply sentence occurs in the source sentences backing it; it cannot see "60 hours" for "60
 * minutes" (the 60 is there) or "Standard delivery takes 1 to 2 days and Express 3 to 5" for the
 * other way round (all four numbers are there). A quantity here is a number or range, its unit
 * ("business days", "characters") and its subject: the last delivery option, payment method,
 * carrier or billing period named before it in the same sentence.
 */
import { CONTRAST_SETS } from './contrast-sets.js';
import { findPhrases, type Token } from './reply-tokens.js';

export interface Quantity {
  /** "3-5", "60", "14:00", "1" (spelled numbers as digits). */
  value: string;
  /** Singular unit word, or undefined ("Express 1 to 2"). */
  unit?: string;
  /** The subject's set and group index, e.g. "delivery option:1"; undefined when none precedes. */
  subject?: string;
}

export const SPELLED: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  fourteen: '14', fifteen: '15', twenty: '20', thirty: '30', sixty: '60', ninety: '90',
};
export const UNITS = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'character', 'digit', 'eur', 'euro', 'usd', 'gbp', 'time', 'attempt', 'unit']);
export const UNIT_ADJECTIVES = new Set(['business', 'working', 'calendar', 'full', 'more', 'extra']);
export const RANGE_WORDS = new Set(['to', '-', '–', 'and', 'or']);

export function numberOf(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (/^\d+(?:[.:,]\d+)*$/.test(token)) return token.replace(/,/g, '');
  return SPELLED[token];
}

export function unitOf(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const bare = token.replace(/-/g, ' ').split(' ').pop()!;
  for (const candidate of [bare, bare.replace(/s$/, ''), bare.replace(/es$/, '')]) if (UNITS.has(candidate)) return candidate === 'euro' ? 'eur' : candidate;
  return undefined;
}

const ANCHOR_SETS = CONTRAST_SETS.filter((set) => set.anchors);

/**
 * The subject each token index names: the last anchor set and group, in the order of the sets, one
 * of whose phrases starts there. Found through the list's word positions, not by trying every
 * phrase at every token.
 */
function anchorsAt(tokens: readonly Token[]): Map<number, string> {
  const anchors = new Map<number, string>();
  for (const set of ANCHOR_SETS) {
    set.groups.forEach((group, groupIndex) => {
      for (const index of findPhrases(tokens, group)) anchors.set(index, `${set.name}:${groupIndex}`);
    });
  }
  return anchors;
}

/**
 * Read once per token list: the agreement check reads the same window against each sentence it
 * supports (tokenize gives the same list for the same text within a ticket). Shared, so frozen.
 */
const readByList = new WeakMap<readonly Token[], readonly Quantity[]>();

export function quantities(tokens: readonly Token[]): readonly Quantity[] {
  let read = readByList.get(tokens);
  if (!read) readByList.set(tokens, (read = Object.freeze(readQuantities(tokens).map((quantity) => Object.freeze(quantity)))));
  return read;
}

function readQuantities(tokens: readonly Token[]): Quantity[] {
  const found: Quantity[] = [];
  let subject: string | undefined;
  const anchors = anchorsAt(tokens);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.punctuation && token.text !== ',' && token.text !== '(' && token.text !== ')') subject = undefined;
    subject = anchors.get(index) ?? subject;
    // "6-digit", "2-year": the number and the unit in one token.
    const joined = /^(\d+)-([a-z]+)$/.exec(token.text);
    if (joined && unitOf(joined[2])) {
      found.push({ value: joined[1]!, unit: unitOf(joined[2]), subject });
      continue;
    }
    const first = numberOf(token.text);
    if (first === undefined) continue;
    let value = first;
    let next = index + 1;
    const second = numberOf(tokens[next + 1]?.text);
    if (RANGE_WORDS.has(tokens[next]?.text ?? '') && second !== undefined) {
      value = `${first}-${second}`;
      next += 2;
    }
    while (UNIT_ADJECTIVES.has(tokens[next]?.text ?? '')) next += 1;
    found.push({ value, unit: unitOf(tokens[next]?.text), subject });
    index = next - 1;
  }
  return found;
}
