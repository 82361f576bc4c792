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
 * country without pickup points).
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

const compiled = new WeakMap<ArticleLimit, { when: RegExp; and?: RegExp }>();

/** Lower case, accents folded, and hyphens inside words dropped: "pick-up" and "pickup" read alike. */
function normalise(text: string): string {
  return foldLetters(text.toLowerCase()).replace(/(?<=\p{L})-(?=\p{L})/gu, '');
}

function phrasePattern(phrases: readonly string[]): RegExp {
  const alternatives = phrases.map((phrase) =>
    normalise(phrase)
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s-]*'),
  );
  // Longest first, so "pick-up point" is reported rather than "pick".
  alternatives.sort((left, right) => right.length - left.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`, 'u');
}

function patternsOf(limit: ArticleLimit): { when: RegExp; and?: RegExp } {
  let patterns = compiled.get(limit);
  if (!patterns) {
    patterns = { when: phrasePattern(limit.when), ...(limit.and ? { and: phrasePattern(limit.and) } : {}) };
    compiled.set(limit, patterns);
  }
  return patterns;
}

/** The first limit of the given articles that the mail's request touches, in article order. */
export function findArticleLimit(
  request: string,
  articles: Iterable<readonly [article: string, limits: readonly ArticleLimit[]]>,
): ArticleLimitMatch | undefined {
  const text = normalise(request);
  for (const [article, limits] of articles) {
    for (const limit of limits) {
      const { when, and } = patternsOf(limit);
      const found = when.exec(text);
      if (!found) continue;
      const also = and?.exec(text);
      if (and && !also) continue;
      return { article, phrase: also ? `${found[0]} ... ${also[0]}` : found[0], because: limit.because };
    }
  }
  return undefined;
}
