/**
 * Unlabelled secrets: a token that looks random (long, mixed character classes, high Shannon
 * entropy) is a key or a password even when nothing names it. What the product itself shows is
 * allowed: order ids (A1001, ORD-2024-000123), tracking numbers (1Z..., upper case and digits
 * only), UUIDs and hex hashes (one case of hex digits), dates, invoice numbers and words.
 */
import { MARKER, matchesOf, type Detector } from './scrubber-types.js';
import { decodesToText, ENCODED_TEXT_MARKER } from './encoded-text.js';

/** Runs of token characters; `/`, `+` and `=` padding for base64, `.` `_` `-` for url-safe tokens (`key=value` is two words). */
const TOKEN = /(?<![A-Za-z0-9_\-+/=.])[A-Za-z0-9_\-+/.]{20,400}={0,2}(?![A-Za-z0-9_\-+/=.])/dg;

/** Bits per character of the token's own characters. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const character of value) counts.set(character, (counts.get(character) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const share = count / value.length;
    entropy -= share * Math.log2(share);
  }
  return entropy;
}

function countOf(value: string, pattern: RegExp): number {
  let count = 0;
  for (let index = 0; index < value.length; index += 1) if (pattern.test(value.charAt(index))) count += 1;
  return count;
}

/**
 * Random strings mix lower case, upper case and digits all through; identifiers the product shows
 * use one case (tracking numbers, hex hashes, UUIDs) or read as words joined by separators
 * (file names, URLs' paths, `snake_case`). A token is random when each class appears at least
 * twice, its letters change case often (words do not) and its entropy is high.
 */
export function looksRandom(token: string): boolean {
  const core = token.replace(/^[._\-/]+|[._\-/=]+$/g, '');
  if (core.length < 20) return false;
  const lower = countOf(core, /[a-z]/);
  const upper = countOf(core, /[A-Z]/);
  const digits = countOf(core, /[0-9]/);
  if (lower < 2 || upper < 2 || digits < 2) return false;
  // Separated words ("Northwind-Order-Export-2024-Q3.csv", "com.example.App2Service") are names.
  const pieces = core.split(/[._\-/]+/);
  if (pieces.length > 1 && pieces.every((piece) => piece.length <= 12)) return false;
  let caseChanges = 0;
  let previousUpper: boolean | undefined;
  for (const character of core) {
    if (!/[A-Za-z]/.test(character)) continue;
    const isUpper = character >= 'A' && character <= 'Z';
    if (previousUpper !== undefined && isUpper !== previousUpper) caseChanges += 1;
    previousUpper = isUpper;
  }
  // CamelCase words change case once per word; random text about every other letter.
  if (caseChanges < (lower + upper) / 5) return false;
  return shannonEntropy(core) >= 3.5;
}

export const entropyDetector: Detector = {
  kinds: ['api_key'],
  *find(text) {
    for (const match of matchesOf(TOKEN, text)) {
      const token = match[0];
      // Dotted base64 starting "eyJ" is the JWT detector's to judge (it checks the header).
      if (MARKER.test(token) || /^https?:/i.test(token) || token.startsWith('eyJ') || !looksRandom(token)) continue;
      const start = match.index!;
      const replacement = decodesToText(token) ? ENCODED_TEXT_MARKER : '[secret:high-entropy]';
      yield { kind: 'api_key', start, end: start + token.length, value: token, replacement, priority: 54 };
    }
  },
};
