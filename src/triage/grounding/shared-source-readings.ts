/**
 * Readings of the run's sources that are the same for every customer on a plan (RunSources.shared:
 * a KB reply rendered without an order), kept between tickets: its split into sentences, and each
 * shared sentence's words. Every ticket collects its sources anew (run-sources.ts) and most of them
 * are these; a reading depends on nothing but the text, so it cannot go stale. Only the KB's own
 * text is kept here, never a sentence with a customer's or an order's facts. Past a limit a table
 * starts again. What is returned is shared and must not be changed.
 */
import { allMatches } from '../regex-matches.js';
import { splitSentences } from './sentence-support.js';

export const SHARED_SPLITS_LIMIT = 2_000;
export const SHARED_WORDS_LIMIT = 20_000;

const WORD = /[\p{L}\p{N}]+/gu;

/** A source sentence's words, lower case: what RunSources.vocabulary holds. */
export function wordsOf(sentence: string): string[] {
  return allMatches(sentence.toLowerCase(), WORD).map(([word]) => word);
}

const splits = new Map<string, readonly string[]>();
const words = new Map<string, readonly string[]>();

function kept<V>(table: Map<string, V>, limit: number, text: string, read: (text: string) => V): V {
  let value = table.get(text);
  if (value === undefined) {
    if (table.size >= limit) table.clear();
    table.set(text, (value = read(text)));
  }
  return value;
}

/** `splitSentences(text)` of a KB reply rendered without an order, once per text. */
export function sharedSentencesOf(text: string): readonly string[] {
  return kept(splits, SHARED_SPLITS_LIMIT, text, splitSentences);
}

/** `wordsOf(sentence)` of a shared sentence, once per sentence. */
export function sharedWordsOf(sentence: string): readonly string[] {
  return kept(words, SHARED_WORDS_LIMIT, sentence, wordsOf);
}

/** How many texts each table holds (for tests). */
export function sharedSourceReadingsSize(): { splits: number; words: number } {
  return { splits: splits.size, words: words.size };
}
