/**
 * Card numbers however they are written: separated by spaces, dashes, dots, slashes or
 * underscores, wrapped over a line break, or typed in full-width digits (NFKC). The text is read
 * through a copy with every digit form mapped to its ASCII digit one character for one, so the
 * positions found are positions in the original text. The Luhn check and the issuer prefix decide.
 */
import { allMatches } from './regex-matches.js';
import { isCardNumber } from './scrubber-checks.js';
import { matchesOf, type Detector, type PiiMatch } from './scrubber-types.js';

/** A run of digits and single separators; each repetition starts with a digit, so it stays linear. */
const DIGIT_RUN = /(?<![\w#@$€£])\d(?:(?:[ \-./_]{1,3}|\r?\n)?\d){12,600}(?![\w@])/dg;

/** Digits other than ASCII (full-width, Arabic-Indic, ...) that NFKC or their numeric value maps to 0-9. */
const OTHER_DIGIT = /[^\x00-\x7F]/;

/** The text with every Unicode decimal digit replaced by its ASCII digit, the same length. */
export function asciiDigits(text: string): string {
  if (!OTHER_DIGIT.test(text)) return text;
  let changed = false;
  const characters = text.split('');
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index]!;
    if (character.charCodeAt(0) < 128) continue;
    const normalised = character.normalize('NFKC');
    if (normalised.length === 1 && normalised >= '0' && normalised <= '9') {
      characters[index] = normalised;
      changed = true;
    } else if (/\p{Nd}/u.test(character)) {
      characters[index] = String(decimalValue(character));
      changed = true;
    }
  }
  return changed ? characters.join('') : text;
}

/** Decimal digits come in blocks of ten starting at a code point ending in 0 (0x0660, 0x06F0, ...). */
function decimalValue(character: string): number {
  return (character.codePointAt(0)! & 0xf) % 10;
}

export const normalisedCardDetector: Detector = {
  kinds: ['card'],
  *find(text) {
    const ascii = asciiDigits(text);
    for (const match of matchesOf(DIGIT_RUN, ascii)) {
      const runStart = match.index!;
      for (const card of cardsInRun(match[0])) {
        const start = runStart + card.start;
        const end = runStart + card.end;
        yield {
          kind: 'card',
          start,
          end,
          value: text.slice(start, end),
          replacement: `[card:****${card.digits.slice(-4)}]`,
          priority: 35,
        } satisfies PiiMatch;
      }
    }
  },
};

/** From each group, the longest stretch of whole groups that is a card (see scrubber-financial.ts). */
function cardsInRun(run: string): { start: number; end: number; digits: string }[] {
  const groups = allMatches(run, /\d+/g).map((group) => ({ start: group.index, end: group.index + group[0].length, digits: group[0] }));
  const cards: { start: number; end: number; digits: string }[] = [];
  let first = 0;
  while (first < groups.length) {
    let digits = '';
    let found = -1;
    let foundDigits = '';
    for (let last = first; last < groups.length && digits.length < 19; last += 1) {
      digits += groups[last]!.digits;
      if (digits.length >= 13 && digits.length <= 19 && isCardNumber(digits)) {
        found = last;
        foundDigits = digits;
      }
    }
    if (found < 0) {
      first += 1;
      continue;
    }
    cards.push({ start: groups[first]!.start, end: groups[found]!.end, digits: foundDigits });
    first = found + 1;
  }
  return cards;
}
