/**
 * What an article leaves to a person, as its author wrote it in the front matter (`needs-a-person`):
 * the cases its `## Notes` single out where the Reply would be wrong for the customer ("Express is
 * not available for bulky items", "returns from outside the EU are not prepaid") and questions next
 * to its topic that the Reply does not answer (delivery days, a PO box). The Reply read alone to such
 * a mail answers the general question and misses the customer's case; the notes are for agents and
 * never go out. So a mail that touches one of these cases is drafted, with the author's reason, when
 * the reply draws on that article.
 *
 * Phrases are matched as whole words after folding accents, case and hyphens inside words, with a
 * plural ending allowed; a limit with `and` needs one phrase of each list ("pickup point" and a
 * country without pickup points). A phrase written in capitals ("US") matches only in capitals: in
 * lower case it is another word ("send us").
 */
import { z } from 'zod';
import { foldLetters } from '../fold-letters.js';

export const articleLimitSchema = z.strictObject({
  when: z.array(z.string().trim().min(2)).min(1),
  and: z.array(z.string().trim().min(2)).min(1).optional(),
  because: z.string().trim().min(1),
});

export type ArticleLimit = z.infer<typeof articleLimitSchema>;

export interface ArticleLimitMatch {
  article: string;
  /** The words of the mail that touched the limit. */
  phrase: string;
  because: string;
}

const compiled = new WeakMap<ArticleLimit, { when: PhrasePattern; and?: PhrasePattern }>();

/** Lower case, accents folded, and hyphens inside words dropped: "pick-up" and "pickup" read alike. */
function normalise(text: string): string {
  return foldLetters(text.toLowerCase()).replace(/(?<=\p{L})-(?=\p{L})/gu, '');
}

/** "US", "EU": capitals only, so the phrase keeps its case when matched. */
function isAcronym(phrase: string): boolean {
  return /\p{Lu}/u.test(phrase) && phrase === phrase.toUpperCase();
}

function alternativesOf(phrases: readonly string[], fold: (text: string) => string): string {
  const alternatives = phrases.map((phrase) =>
    fold(phrase)
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s-]*'),
  );
  // Longest first, so "pick-up point" is reported rather than "pick".
  alternatives.sort((left, right) => right.length - left.length);
  return alternatives.join('|');
}

/** Two patterns: one over the folded text, one for acronyms over the text with its case kept. */
interface PhrasePattern {
  folded?: RegExp;
  cased?: RegExp;
}

function phrasePattern(phrases: readonly string[]): PhrasePattern {
  const whole = (alternatives: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?:s|es)?(?![\\p{L}\\p{N}])`, 'u');
  const acronyms = phrases.filter(isAcronym);
  const words = phrases.filter((phrase) => !isAcronym(phrase));
  return {
    ...(words.length > 0 ? { folded: whole(alternativesOf(words, normalise)) } : {}),
    ...(acronyms.length > 0 ? { cased: whole(alternativesOf(acronyms, foldLetters)) } : {}),
  };
}

function patternsOf(limit: ArticleLimit): { when: PhrasePattern; and?: PhrasePattern } {
  let patterns = compiled.get(limit);
  if (!patterns) {
    patterns = { when: phrasePattern(limit.when), ...(limit.and ? { and: phrasePattern(limit.and) } : {}) };
    compiled.set(limit, patterns);
  }
  return patterns;
}

function execPhrase(pattern: PhrasePattern, folded: string, cased: string): RegExpExecArray | null {
  return pattern.folded?.exec(folded) ?? pattern.cased?.exec(cased) ?? null;
}

/** The first limit of the given articles that the mail's request touches, in article order. */
export function findArticleLimit(
  request: string,
  articles: Iterable<readonly [article: string, limits: readonly ArticleLimit[]]>,
): ArticleLimitMatch | undefined {
  const text = normalise(request);
  const cased = foldLetters(request).replace(/(?<=\p{L})-(?=\p{L})/gu, '');
  for (const [article, limits] of articles) {
    for (const limit of limits) {
      const { when, and } = patternsOf(limit);
      const found = execPhrase(when, text, cased);
      if (!found) continue;
      const also = and ? execPhrase(and, text, cased) : undefined;
      if (and && !also) continue;
      return { article, phrase: also ? `${found[0]} ... ${also[0]}` : found[0], because: limit.because };
    }
  }
  return undefined;
}
