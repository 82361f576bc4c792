/**
 * Which words a negation covers. Sentence support only compares whether a sentence and its source
 * are negated at all, so "We also accept cash on delivery, but not cheques" agrees with "We don't
 * accept cash on delivery or cheques": both hold a "not". Here each content word gets the polarity
 * of the place it stands in: a negation covers the words after it up to the end of its clause
 * (", but", ", so", "; ", the sentence's end), or up to the comma when it sits in an "if/when/unless"
 * clause ("If you don't recognise it, change your password": "change" is not negated).
 */
import { contentStem } from './sentence-support.js';
import type { Token } from './reply-tokens.js';

const NEGATORS = /^(?:not|no|never|cannot|nothing|none|nor|neither|without|non)$|n't$/;
const SUBORDINATORS = new Set(['if', 'when', 'unless', 'until', 'whether', 'because', 'since', 'although', 'though']);
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

/**
 * Each content stem with the polarities it occurs with (true: under a negation), two ways: by
 * position (a negation covers what follows it in its clause) and by clause (a negation covers its
 * whole clause, subject included: "Wear and tear, accidental damage ... are not covered").
 */
export function polarities(tokens: readonly Token[]): { byPosition: Map<string, Set<boolean>>; byClause: Map<string, Set<boolean>> } {
  return { byPosition: positionPolarities(tokens), byClause: clausePolarities(tokens) };
}

/** Clauses end at ; : . ! ? and at a comma before but/so/and/while/which (not at a list's comma). */
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
      if (token.text !== ',' || SCOPE_BREAKS.has(tokens[index + 1]?.text ?? '') || tokens[index + 1]?.text === 'and') close();
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

function positionPolarities(tokens: readonly Token[]): Map<string, Set<boolean>> {
  const result = new Map<string, Set<boolean>>();
  let negated = false;
  let conditional = false;
  tokens.forEach((token, index) => {
    if (token.punctuation) {
      if (token.text !== ',') {
        negated = false;
        conditional = false;
      } else {
        const next = tokens[index + 1]?.text ?? '';
        if (conditional || SCOPE_BREAKS.has(next) || next === 'and') negated = false;
        conditional = false;
      }
      return;
    }
    if (SCOPE_BREAKS.has(token.text)) negated = false;
    if (SUBORDINATORS.has(token.text)) conditional = true;
    if (NEGATORS.test(token.text)) {
      negated = true;
      return;
    }
    const stem = polarityStem(token.text);
    if (stem) add(result, stem, negated);
  });
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

/**
 * Content words the reply states with a polarity the source never gives them, read by position and
 * by clause; the reading that finds more is returned.
 */
export function flippedWords(reply: readonly Token[], source: readonly Token[]): Flip[] {
  const ofReply = polarities(reply);
  const ofSource = polarities(source);
  const byPosition = flips(ofReply.byPosition, ofSource.byPosition);
  const byClause = flips(ofReply.byClause, ofSource.byClause);
  return flipWeight(byClause) > flipWeight(byPosition) ? byClause : byPosition;
}
