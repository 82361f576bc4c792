/**
 * Whether the knowledge base, read on its own, points the request sentence at an article of the
 * intent the classifier chose: the request is compared with each article's "questions" (its title,
 * its tags and its intents' words), not the whole mail with the whole article.
 *
 * The whole-article BM25 score (kb-search-index.ts) is a poor judge for short and long texts: a
 * three-word request matches one or two terms and is cut down by the coverage part ("do you take
 * amex" reaches the payment-methods article at 0.3), and a long mail's other words dilute it. An
 * article's title and tags are written as the questions it answers, so one rare word of the request
 * found there ("amex", "unsubscribe", "invoice") is evidence, and a word every article has ("order")
 * is not: terms are weighted by their inverse frequency over the articles' questions.
 *
 * Question support means: an article of the intent has the highest weighted match of all articles, no
 * article of another intent matches as well, and the match is worth at least one moderately rare
 * term. Both readings are agreement between two readers (the classifier and the KB), so they stay
 * independent of the classifier's confidence.
 */
import type { KnowledgeBase } from './kb/knowledge-base.js';
import { contentTerms } from './kb/search-terms.js';

/** A term found in one article in ten (of the shipped 58) weighs about 2.3; "order" (in many) under 1. */
export const MIN_QUESTION_MATCH = 2;

export interface QuestionMatch {
  articleId: string;
  intents: readonly string[];
  weight: number;
}

export interface ArticleQuestionIndex {
  /** Articles by weighted match of the text's terms with their questions, best first; zero matches left out. */
  match(text: string): QuestionMatch[];
}

const indexes = new WeakMap<KnowledgeBase, ArticleQuestionIndex>();

export function articleQuestionIndex(kb: KnowledgeBase): ArticleQuestionIndex {
  let index = indexes.get(kb);
  if (!index) indexes.set(kb, (index = buildIndex(kb)));
  return index;
}

function buildIndex(kb: KnowledgeBase): ArticleQuestionIndex {
  const articles = kb.articles.map((article) => ({
    id: article.id,
    intents: article.intents,
    terms: new Set(contentTerms([article.title, ...article.tags, ...article.intents.map((intent) => intent.replace(/_/g, ' '))].join('\n'))),
  }));
  const frequency = new Map<string, number>();
  for (const article of articles) for (const term of article.terms) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const weightOf = (term: string) => Math.log(articles.length / (frequency.get(term) ?? articles.length));
  return {
    match(text) {
      const terms = contentTerms(text);
      return articles
        .map((article) => ({
          articleId: article.id,
          intents: article.intents,
          weight: Number(terms.reduce((sum, term) => sum + (article.terms.has(term) ? weightOf(term) : 0), 0).toFixed(3)),
        }))
        .filter((match) => match.weight > 0)
        .sort((left, right) => right.weight - left.weight);
    },
  };
}

/**
 * The relative reading of the KB's plain search of the request sentence (no intent hint): an article
 * of the intent scores at least MIN_OWN_SCORE and no article of another intent beats it by more than
 * MAX_OTHER_LEAD. Both are scored on the same words, so what a short or long text does to the
 * normalised score it does to both sides; the absolute cut-off (MIN_KB_SUPPORT) punishes a
 * three-word request for being short. Chosen among four settings (0.1-0.2, 0-0.15) on the corpus
 * held-out split and data/eval/sends-apart.jsonl: it adds no send with a wrong intent there.
 */
export const MIN_OWN_SCORE = 0.1;
export const MAX_OTHER_LEAD = 0.15;

/**
 * Whether the KB, asked about the request sentence with no hint of the intent, agrees with the
 * classifier: its questions point there (questionsSupport), or its search finds an article of the
 * intent and nothing of another intent clearly better.
 */
export function kbAgreesWithRequest(kb: KnowledgeBase, request: string, intent: string): boolean {
  if (questionsSupport(kb, request, intent)) return true;
  let own = 0;
  let other = 0;
  for (const hit of kb.search(request, { limit: kb.articles.length })) {
    if (hit.intents.includes(intent)) own = Math.max(own, hit.score);
    else other = Math.max(other, hit.score);
  }
  return own >= MIN_OWN_SCORE && own >= other - MAX_OTHER_LEAD;
}

/** True when the KB's questions point `text` at an article of `intent` and at none of another intent as strongly. */
export function questionsSupport(kb: KnowledgeBase, text: string, intent: string): boolean {
  const matches = articleQuestionIndex(kb).match(text);
  const best = matches[0];
  if (!best || best.weight < MIN_QUESTION_MATCH || !best.intents.includes(intent)) return false;
  return !matches.some((match) => match.weight >= best.weight && !match.intents.includes(intent));
}
