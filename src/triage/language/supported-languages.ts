/**
 * Which languages we may answer in on our own. The knowledge base is written in English only, so a
 * ticket in any other language is drafted with the tag `language-<code>`, which routes it to a
 * reviewer who writes that language.
 */
import type { LanguageReading } from './detect-language.js';

/** ISO 639-1 codes of the languages the knowledge base has content in. */
export const KB_LANGUAGES: ReadonlySet<string> = new Set(['en']);

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(code: string): string {
  try {
    return LANGUAGE_NAMES.of(code) ?? code;
  } catch {
    // Intl throws on a code it cannot parse; the code itself is still a useful name.
    return code;
  }
}

export interface LanguageSignal {
  tag: string;
  reason: string;
}

/** The tag and reason for a ticket we cannot answer in its own language; undefined when we can. */
export function unsupportedLanguage(language: LanguageReading): LanguageSignal | undefined {
  if (KB_LANGUAGES.has(language.code)) return undefined;
  return {
    tag: `language-${language.code}`,
    reason: `the ticket is written in ${languageName(language.code)} (${language.code}); the knowledge base answers only in English, so a person who writes ${languageName(language.code)} should reply`,
  };
}
