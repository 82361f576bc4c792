/**
 * The language a customer wrote their newest message in, with eld 2.1.0 (Efficient Language
 * Detector: n-gram scores for 60 languages, pure JavaScript, no dependencies). Chosen over franc,
 * whose trigram profiles need long text and are unreliable on the one- or two-line tickets we get,
 * and over tinyld, which is lighter but less accurate on short European text; eld is accurate on
 * short sentences and exposes per-language scores, which the English fallback below needs.
 *
 * Short or ambiguous text falls back to English: a wrong "not English" costs a needless draft, and
 * eld's scores are close on a few words ("I forgot my password" scores Malay and Italian a hair above
 * English). Under ten words a non-English verdict must also survive without the text's names and
 * show that language's words or letters (short-text-evidence.ts): slang with a city in it ("do ya
 * ship to Munich") is English. eld is not restricted to a language subset: a subset would turn a
 * Swedish or Czech ticket into its nearest listed language, while these checks only ever fall back
 * to English.
 */

import { showsLanguage, withoutNames } from './short-text-evidence.js';

export interface LanguageReading {
  /** ISO 639-1 code. */
  code: string;
  /** How the code was decided, for the audit trail. */
  reason: string;
  /** False when the code is the English fallback rather than what the detector found. */
  detected: boolean;
}

export interface LanguageDetector {
  detect(text: string): LanguageReading;
}

export const FALLBACK_LANGUAGE = 'en';

/** Fewer letters than this, or fewer words, is too little to tell a language by. */
const MIN_LETTERS = 12;
const MIN_WORDS = 3;
/** Below this many words a non-English verdict also needs that language's own words or letters. */
const SHORT_TEXT_WORDS = 10;
/** Another language must beat English by this much of eld's score (0..1) to be believed. */
const ENGLISH_MARGIN = 0.05;
/** The lead over English an unreliable verdict needs, besides the language's own words. */
const UNRELIABLE_MARGIN = 0.15;
/** eld reads at most this much; the start of a message says which language it is in. */
const SAMPLE_CHARS = 1000;

interface EldResult {
  language: string;
  getScores(): Record<string, number>;
  isReliable(): boolean;
}

interface EldInstance {
  detect(text: string): EldResult;
  enableTextCleanup(flag: boolean): void;
}

function fallback(reason: string): LanguageReading {
  return { code: FALLBACK_LANGUAGE, reason, detected: false };
}

function countLettersAndWords(text: string): { letters: number; words: number } {
  let letters = 0;
  let words = 0;
  let inWord = false;
  for (const character of text) {
    const letter = /\p{L}/u.test(character);
    if (letter) letters += 1;
    if (letter && !inWord) words += 1;
    inWord = letter;
  }
  return { letters, words };
}

/** The decision rule on top of eld, apart from loading eld so tests can feed it scores. */
export function createLanguageDetector(eld: EldInstance): LanguageDetector {
  // Removes URLs, e-mail addresses and order ids before scoring: they are no language.
  eld.enableTextCleanup(true);
  return {
    detect(text) {
      const sample = text.slice(0, SAMPLE_CHARS);
      const { letters, words } = countLettersAndWords(sample);
      if (letters < MIN_LETTERS || words < MIN_WORDS) return fallback('too short to tell the language; English assumed');
      const result = eld.detect(sample);
      if (!result.language) return fallback('no language recognised; English assumed');
      if (result.language === FALLBACK_LANGUAGE) return { code: FALLBACK_LANGUAGE, reason: 'detected English', detected: true };
      const scores = result.getScores();
      const top = scores[result.language] ?? 0;
      const english = scores[FALLBACK_LANGUAGE] ?? 0;
      // eld calls unaccented short text unreliable ("je veux etre rembourse"); the language's own
      // function words and a clear lead over English are enough to believe it anyway.
      const unreliableButShown = top - english >= UNRELIABLE_MARGIN && showsLanguage(sample, result.language);
      if (!result.isReliable() && !unreliableButShown) {
        return fallback(`unsure (${result.language} is not reliable on this text); English assumed`);
      }
      if (top - english < ENGLISH_MARGIN) {
        return fallback(`ambiguous (${result.language} ${top.toFixed(2)} vs English ${english.toFixed(2)}); English assumed`);
      }
      if (words < SHORT_TEXT_WORDS) {
        const unnamed = eld.detect(withoutNames(sample)).language;
        if (unnamed !== result.language) {
          return fallback(`short text read as ${result.language} only for its names; English assumed`);
        }
        if (!showsLanguage(sample, result.language)) {
          return fallback(`short text with more English words than ${result.language} ones (eld: ${result.language} ${top.toFixed(2)}); English assumed`);
        }
      }
      return { code: result.language, reason: `detected ${result.language} (score ${top.toFixed(2)}, English ${english.toFixed(2)})`, detected: true };
    },
  };
}

let loading: Promise<LanguageDetector> | undefined;

/**
 * The process's detector. eld's smallest database (about 1 MB, a few hundred milliseconds to load)
 * is read on first use rather than on import, and once per process: it never changes.
 */
export function loadLanguageDetector(): Promise<LanguageDetector> {
  loading ??= import('eld/extrasmall').then(({ eld }) => createLanguageDetector(eld as EldInstance));
  return loading;
}
