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

/** Each content stem with the polarities it occurs with (true: under a negation). */
export function polarities(tokens: readonly Token[]): Map<string, Set<boolean>> {
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
    const stem = contentStem(token.text);
    if (!stem) return;
    const set = result.get(stem) ?? new Set<boolean>();
    set.add(negated);
    result.set(stem, set);
  });
  return result;
}

/** Content words the reply states with the opposite polarity to every place the source has them. */
export function flippedWords(reply: readonly Token[], source: readonly Token[]): string[] {
  const sourcePolarities = polarities(source);
  const flipped: string[] = [];
  for (const [stem, states] of polarities(reply)) {
    const inSource = sourcePolarities.get(stem);
    if (!inSource) continue;
    if ([...states].some((state) => !inSource.has(state))) flipped.push(stem);
  }
  return flipped;
}
