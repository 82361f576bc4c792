/** Payment cards (Luhn + issuer prefix), card security codes when labelled, and IBANs (mod 97). */
import { allMatches } from './regex-matches.js';
import { digitsOf, ibanLengthFor, isCardNumber, passesIbanChecksum } from './scrubber-checks.js';
import { matchesOf, type Detector } from './scrubber-types.js';

/**
 * A run of digit groups; the cards inside it are found in code, group by group, so that two cards
 * written one after the other, or a card followed by its expiry, are still found. Each repetition
 * starts with a digit, so the split is unambiguous and backtracking stays linear.
 */
const DIGIT_GROUPS = /(?<![\w#@.\-/+:$€£])\d(?:[ \-]?\d){12,600}(?![\w@])/dg;

const CARD_SECURITY_CODE =
  /\b(?:cvv2?|cvc2?|cid|csc|(?:card )?security code|card verification (?:code|value))\b[ \t]*(?:is|:|=|-|#)?[ \t]*(\d{3,4})\b/dgi;

export const cardDetector: Detector = {
  kinds: ['card'],
  *find(text) {
    for (const match of matchesOf(DIGIT_GROUPS, text)) {
      const runStart = match.indices[0]![0];
      for (const card of cardsInRun(match[0])) {
        const digits = digitsOf(card.value);
        yield {
          kind: 'card',
          start: runStart + card.start,
          end: runStart + card.end,
          value: card.value,
          replacement: `[card:****${digits.slice(-4)}]`,
          priority: 35,
        };
      }
    }
    for (const match of matchesOf(CARD_SECURITY_CODE, text)) {
      const [start, end] = match.indices[1]!;
      yield { kind: 'card', start, end, value: match[1]!, replacement: '[card:cvv]', priority: 45 };
    }
  },
};

// Compact or in groups of four (spaces or dashes). Case-insensitive because people type IBANs in lower case; the
// checksum, not the regex, decides, and the country's length decides where the IBAN ends.
const IBAN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){11,32}/dg;

export const ibanDetector: Detector = {
  kinds: ['iban'],
  *find(text) {
    // A candidate runs on into the next words; after a find the search resumes where the IBAN
    // ended, not where the candidate did, or an IBAN right after another would be skipped.
    const pattern = new RegExp(IBAN.source, 'dg');
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const raw = match[0];
      const start = match.index;
      pattern.lastIndex = start + 1;
      const country = raw.slice(0, 2).toUpperCase();
      const length = ibanLengthFor(country);
      if (length === undefined) continue;
      const end = endAfterCharacters(raw, length);
      if (end === undefined) continue;
      // Cutting inside a word ("DE89...3000X") is not an IBAN followed by text.
      if (/[A-Za-z0-9]/.test(text.charAt(start + end))) continue;
      const compact = raw.slice(0, end).replace(/[ -]/g, '').toUpperCase();
      if (!passesIbanChecksum(compact)) continue;
      yield {
        kind: 'iban',
        start,
        end: start + end,
        value: raw.slice(0, end),
        replacement: `[iban:${country}**...${compact.slice(-4)}]`,
        priority: 40,
      };
      pattern.lastIndex = start + end;
    }
  },
};

/** Index in `raw` just after its `count`-th character that is not a separator, if it has that many. */
function endAfterCharacters(raw: string, count: number): number | undefined {
  let seen = 0;
  for (let index = 0; index < raw.length; index += 1) {
    if (raw[index] !== ' ' && raw[index] !== '-') seen += 1;
    if (seen === count) return index + 1;
  }
  return undefined;
}

/**
 * Cards among the groups of one run: from each group, the longest stretch of whole groups that is a
 * card wins (a shorter Luhn-valid prefix would leave the card's last digits in the text).
 */
function cardsInRun(run: string): { start: number; end: number; value: string }[] {
  const groups = allMatches(run, /\d+/g).map((group) => ({ start: group.index, end: group.index + group[0].length, digits: group[0] }));
  const cards: { start: number; end: number; value: string }[] = [];
  let first = 0;
  while (first < groups.length) {
    let digits = '';
    let found = -1;
    for (let last = first; last < groups.length && digits.length < 19; last += 1) {
      digits += groups[last]!.digits;
      if (digits.length >= 13 && digits.length <= 19 && isCardNumber(digits)) found = last;
    }
    if (found < 0) {
      first += 1;
      continue;
    }
    const start = groups[first]!.start;
    const end = groups[found]!.end;
    cards.push({ start, end, value: run.slice(start, end) });
    first = found + 1;
  }
  return cards;
}
