/**
 * Which words a negation covers. Sentence support only compares whether a sentence and its source
 * are negated at all, so "We also accept cash on delivery, but not cheques" agrees with "We don't
 * accept cash on delivery or cheques": both hold a "not". Here each content word gets the polarity
 * of its clause: a negation covers its whole clause, subject included ("Wear and tear, accidental
 * damage ... are not covered"; "Cash on delivery and cheques are not accepted"). Clauses end at
 * ; : . ! ?, at "but", "so", "while", "which", and at a comma before "and" or "not" (not at a list's
 * comma). A reading by position (a negation covers only what follows it) was measured too: it
 * stopped the passive rewording above and caught nothing more.
 */
import { contentStem } from './sentence-support.js';
import type { Token } from './reply-tokens.js';

const NEGATORS = /^(?:not|no|never|cannot|nothing|none|nor|neither|without|non)$|n't$/;
export function isNegator(word: string): boolean {
  return NEGATORS.test(word);
}

const SCOPE_BREAKS = new Set(['but', 'so', 'while', 'which', 'whereas', 'although', 'though', 'then', 'however', 'instead']);

/** Who does something is part of the claim: "set by customs, not by us" is not "set by us, not by customs". */
const ROLE_WORDS = new Set(['us', 'we']);

function polarityStem(word: string): string | undefined {
  return ROLE_WORDS.has(word) ? 'us' : contentStem(word);
}

function add(result: Map<string, Set<boolean>>, stem: string, negated: boolean): void {
  const set = result.get(stem) ?? new Set<boolean>();
  set.add(negated);
  result.set(stem, set);
}

/** Each content stem with the polarities it occurs with (true: in a negated clause). */
function clausePolarities(tokens: readonly Token[]): Map<string, Set<boolean>> {
  const result = new Map<string, Set<boolean>>();
  let clause: string[] = [];
  let negated = false;
  const close = () => {
    for (const stem of clause) add(result, stem, negated);
    clause = [];
    negated = false;
  };
  tokens.forEach((token, index) => {
    if (token.punctuation) {
      // ", not by customs" is a clause of its own: "set by us, not by customs" negates only customs.
      const next = tokens[index + 1]?.text ?? '';
      if (token.text !== ',' || SCOPE_BREAKS.has(next) || next === 'and' || next === 'not') close();
      return;
    }
    if (SCOPE_BREAKS.has(token.text)) close();
    if (NEGATORS.test(token.text)) {
      negated = true;
      return;
    }
    const stem = polarityStem(token.text);
    if (stem) clause.push(stem);
  });
  close();
  return result;
}

export interface Flip {
  stem: string;
  /** The reply never states the word the source's way (not only once the other way too). */
  full: boolean;
}

function flips(reply: Map<string, Set<boolean>>, source: Map<string, Set<boolean>>): Flip[] {
  const flipped: Flip[] = [];
  for (const [stem, states] of reply) {
    const inSource = source.get(stem);
    if (!inSource || [...states].every((state) => inSource.has(state))) continue;
    flipped.push({ stem, full: [...states].every((state) => !inSource.has(state)) });
  }
  return flipped;
}

/** A word stated only the other way weighs 1; one stated both ways (the source's way too) 0.5. */
export function flipWeight(flipped: readonly Flip[]): number {
  return flipped.reduce((sum, flip) => sum + (flip.full ? 1 : 0.5), 0);
}

/** Content words the reply states with a polarity the source never gives them. */
export function flippedWords(reply: readonly Token[], source: readonly Token[]): Flip[] {
  return flips(clausePolarities(reply), clausePolarities(source));
}
