/**
 * The form a reply is checked in, and the characters that make a reply unfit to send on its own.
 * NFKC folds full-width and compatibility letters into plain ones for the other checks, but such
 * letters in the reply itself are a problem: the customer would read the styled form, not the one
 * that was checked. Characters a reader cannot see
 * (format and bidi controls, the combining grapheme joiner, variation selectors, fillers) are not
 * stripped and forgiven: a generated reply has no reason to carry them, and they are how a word
 * such as "re\u2063fund" or a reversed sentence slips past every other check. Words that mix
 * scripts or spell a Latin word with look-alike letters (TR39-style skeletons from the maintained
 * `confusables` data) are refused for the same reason, unless the run's sources spell them so.
 */
import { allMatches } from '../regex-matches.js';
import confusables from 'confusables';

export interface CanonicalText {
  /** NFKC of the input; hidden characters are kept so that positions still mean something. */
  text: string;
  /** Why the text cannot be sent on its own, one entry per kind of problem. */
  problems: string[];
}

/*
 * Format characters (Cf: zero-width space/joiners, soft hyphen, word joiner, invisible operators,
 * bidi embeddings, overrides and isolates, tag characters), plus the invisible characters of other
 * categories: combining grapheme joiner, variation selectors, Hangul and Khmer fillers, the
 * Mongolian vowel separator, Braille blank, line and paragraph separators, and C0/C1 controls other
 * than tab and newline.
 */
const HIDDEN =
  /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2028\u2029\u2800\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const HIDDEN_GLOBAL = new RegExp(HIDDEN.source, 'gu');
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;
/** A combining mark NFKC could not compose into a letter, sitting on a Latin letter. */
const STRAY_MARK = /[A-Za-z](?!\u034f)[\p{Mn}\p{Me}]/u;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Cherokee', 'Coptic', 'Georgian', 'Hebrew', 'Arabic', 'Lisu', 'Canadian_Aboriginal'] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((script) => [script, new RegExp(`\\p{Script=${script}}`, 'u')] as const);

const removeConfusables: (text: string) => string =
  typeof confusables === 'function' ? confusables : (confusables as unknown as { remove: (text: string) => string }).remove;

export function canonicalText(raw: string, options: { knownWords?: ReadonlySet<string> } = {}): CanonicalText {
  const text = raw.normalize('NFKC');
  const problems: string[] = [];
  const hidden = text.match(HIDDEN_GLOBAL) ?? [];
  if (hidden.length > 0) {
    const codes = [...new Set(hidden)].slice(0, 3).map((character) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    problems.push(
      BIDI.test(text)
        ? `the reply contains bidirectional control characters (${codes.join(', ')}) that change the order a reader sees`
        : `the reply contains invisible characters (${codes.join(', ')})`,
    );
  }
  if (STRAY_MARK.test(text)) problems.push('the reply puts combining marks on letters that do not form a real letter');
  const styled = styledCharacters(raw);
  if (styled.length > 0) {
    // The checks read the folded form; the customer would get the styled one, which is not what was checked.
    problems.push(`the reply writes letters or digits in full-width or styled forms ("${styled.slice(0, 8).join('')}") that read as plain ones`);
  }
  const confusable = findConfusableWords(text, options.knownWords);
  if (confusable.length > 0) {
    problems.push(`the reply spells words with look-alike letters of another script ("${confusable[0]}" reads as "${skeleton(confusable[0]!)}")`);
  }
  return { text, problems };
}

/**
 * Characters outside Latin-1 that NFKC folds into one ASCII letter or digit: full-width forms,
 * mathematical bold and italic letters, circled digits. Ligatures and symbols such as ™ fold into
 * several characters and are left to the other checks.
 */
function styledCharacters(raw: string): string[] {
  const found: string[] = [];
  for (const character of raw) {
    if (character.codePointAt(0)! <= 0xff) continue;
    if (/^[A-Za-z0-9]$/.test(character.normalize('NFKC'))) found.push(character);
  }
  return found;
}

/**
 * The TR39-style skeleton: every confusable character replaced by the Latin letter or digit it
 * imitates. Accents are kept apart first so that "café" is not a look-alike of "cafe".
 */
export function skeleton(word: string): string {
  return removeConfusables(word);
}

/**
 * Words that mix scripts ("rеfund" with a Cyrillic е), or that use a non-Latin or non-ASCII letter
 * which is a look-alike of a Latin one inside an otherwise Latin-looking word ("ɑpproved" with a
 * Latin alpha, "Α1001" with a Greek capital alpha). Accented letters (é, ü, ñ: base letter plus a
 * mark) and the letters of Latin-1 and Latin Extended-A (ß, ł, ø) are ordinary. Words the run's own sources spell the same way are exempt (a name with ł).
 */
export function findConfusableWords(text: string, knownWords: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  for (const [word] of allMatches(text.normalize('NFKC'), WORD)) {
    if (/^[\x00-\x7f]+$/.test(word) || knownWords.has(word.toLowerCase())) continue;
    const scripts = SCRIPT_PATTERNS.filter(([, pattern]) => pattern.test(word)).length;
    if (scripts > 1) {
      found.push(word);
      continue;
    }
    const lookAlikes = [...word].filter((character) => isLookAlike(character));
    if (lookAlikes.length === 0) continue;
    // A word of ASCII letters or digits with one imitation among them, or a word that is nothing
    // but imitations of ASCII (a whole-script confusable such as Cyrillic "рау" for "pay").
    const asciiAround = /[A-Za-z0-9]/.test(word);
    const wholeWordImitates = /^[A-Za-z0-9]+$/.test(skeleton(word)) && !/^[\p{Script=Latin}\p{N}]+$/u.test(stripMarks(word));
    if (asciiAround || wholeWordImitates) found.push(word);
  }
  return found;
}

function stripMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A character the confusables data maps to an ASCII letter or digit, and which is not an accented one. */
function isLookAlike(character: string): boolean {
  // Latin-1 and Latin Extended-A are the letters of the European languages (ß, ł, ø, ı, đ): ordinary.
  if (character.codePointAt(0)! <= 0x17f) return false;
  const base = stripMarks(character);
  if (/^[\x00-\x7f]+$/.test(base)) return false;
  const mapped = skeleton(character);
  return mapped !== character && /^[A-Za-z0-9]+$/.test(mapped);
}

/** The text with hidden characters removed: only to read what they hide, never to forgive them. */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_GLOBAL, '');
}
