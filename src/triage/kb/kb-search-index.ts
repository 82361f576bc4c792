/**
 * BM25 search over the KB with MiniSearch, plus a normalised 0..1 score the pipeline can read as
 * "how well does the KB support an answer to this text".
 *
 * Raw BM25 scores are not comparable across queries (they grow with the number and rarity of the
 * query's terms), so `score` combines two bounded parts:
 *
 *   strength = raw / (raw + SATURATION)       how strongly the best-matching terms hit this article
 *   coverage = matched / considered           which share of the query's content terms it explains
 *   score    = strength * coverage ^ COVERAGE_EXPONENT
 *
 * `considered` counts the query's distinct content terms (after stop words and stemming), capped at
 * MAX_CONSIDERED_TERMS: a long ticket is mostly context, and one article cannot be expected to explain
 * all of it. An unrelated question ("what is the capital of peru") matches nothing or one fuzzy term
 * and so scores low, whatever its length; a short on-topic question scores high.
 *
 * Calibration on the shipped articles (test/triage/kb/kb-search.test.ts keeps it true): the top hit
 * of a realistic ticket scores above 0.5 (most 0.7-0.97), an off-topic question below 0.3. Rank
 * order within one query is MiniSearch's BM25 order, except for the optional intent hint below.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { memoised } from '../ticket-memo.js';
import type { KbHit } from '../types.js';
import type { KnowledgeBaseArticle } from './kb-article.js';
import { contentTerms, processTerm, tokenize } from './search-terms.js';
import { synonymsOf } from './search-synonyms.js';
import { installTermLookupCache } from './term-lookup-cache.js';

export interface KbSearchOptions {
  /** Maximum number of hits; default 5. */
  limit?: number;
  /**
   * Intents the caller believes the text is about (e.g. the classifier's guess). Matching articles
   * of these intents are listed first; their `score` is not raised, so the hint cannot inflate the
   * confidence signal it is meant to be checked against.
   */
  intents?: string[];
}

interface IndexedArticle {
  id: string;
  title: string;
  keywords: string;
  reply: string;
}

const SATURATION = 12;
const COVERAGE_EXPONENT = 0.75;
const MAX_CONSIDERED_TERMS = 6;
const DEFAULT_LIMIT = 5;
const SNIPPET_LENGTH = 200;

export interface KbSearchIndex {
  search(query: string, options?: KbSearchOptions): KbHit[];
}

export interface KbSearchIndexOptions {
  /** Keep MiniSearch's lookups of single terms between searches (term-lookup-cache.ts); default true. */
  termLookupCache?: boolean;
}

export function createKbSearchIndex(articles: readonly KnowledgeBaseArticle[], indexOptions: KbSearchIndexOptions = {}): KbSearchIndex {
  const byId = new Map(articles.map((article) => [article.id, article]));
  // Built on first use: most articles are never a hit in a short-lived CLI process.
  const snippets = new Map<string, SnippetCandidate[]>();
  const snippetCandidatesOf = (article: KnowledgeBaseArticle) => {
    let candidates = snippets.get(article.id);
    if (!candidates) snippets.set(article.id, (candidates = snippetCandidates(article.reply)));
    return candidates;
  };
  const documents: IndexedArticle[] = articles.map((article) => ({
    id: article.id,
    title: article.title,
    // "track_order" is indexed as the words "track order", so intent names help plain-text queries.
    keywords: [...article.intents.map((intent) => intent.replace(/_/g, ' ')), ...article.tags].join(' \n '),
    reply: article.reply,
  }));
  // Every term the index holds, collected while indexing (searches pass their own processTerm).
  const vocabulary = new Set<string>();

  const miniSearch = new MiniSearch<IndexedArticle>({
    idField: 'id',
    fields: ['title', 'keywords', 'reply'],
    tokenize,
    processTerm: (token) => {
      const term = processTerm(token);
      if (term) vocabulary.add(term);
      return term;
    },
    searchOptions: {
      boost: { title: 2, keywords: 1.5 },
      // Fuzzy matching is for misspellings, so a word the KB contains as written is not blurred into
      // its neighbours (and the search stays cheap). Short words stay exact: at 0.2 a four-letter
      // word would already match "card"/"cart".
      fuzzy: (term) => (term.length >= 5 && !vocabulary.has(term) ? 0.2 : false),
      prefix: (term) => term.length >= 4,
      combineWith: 'OR',
    },
  });
  miniSearch.addAll(documents);
  // The index is never changed after this, and every search below passes only the options the
  // cache's key holds.
  if (indexOptions.termLookupCache ?? true) installTermLookupCache(miniSearch);

  /**
   * Which synonyms of the query's terms each article holds (search-synonyms.ts). Searched apart
   * from the customer's own words: a synonym may explain a word of the question (coverage) but adds
   * nothing to the strength of the match, so it cannot reorder articles the words themselves rank.
   */
  const matchedSynonyms = (queryTerms: readonly string[]): Map<string, Set<string>> => {
    const own = new Set(queryTerms);
    const synonyms = [...new Set(queryTerms.flatMap((term) => synonymsOf(term)))].filter((term) => !own.has(term));
    const byArticle = new Map<string, Set<string>>();
    if (synonyms.length === 0) return byArticle;
    for (const result of miniSearch.search(synonyms.join(' '), { tokenize: splitOnSpace, processTerm: keepTerm, fuzzy: false, prefix: false })) {
      byArticle.set(result.id, new Set(result.queryTerms));
    }
    return byArticle;
  };

  return {
    search(query, options = {}) {
      const limit = options.limit ?? DEFAULT_LIMIT;
      const queryTerms = contentTerms(query);
      if (limit <= 0 || queryTerms.length === 0) return [];
      const considered = Math.min(queryTerms.length, MAX_CONSIDERED_TERMS);

      const preferred = new Set(options.intents ?? []);
      const terms = queryTerms.join(' ');
      // Memoised per ticket (ticket-memo.ts) on the terms (the synonyms and `considered` follow from
      // them): a ticket's searches often ask the same words with another limit or intent hint, which
      // apply below.
      const ranked = memoised(miniSearch, terms, () => {
        const synonymMatches = matchedSynonyms(queryTerms);
        return (
          miniSearch
            // The terms are already tokenized, stop-worded and stemmed; deduplicated so that a ticket
            // repeating "order" five times does not count it five times.
            .search(terms, { tokenize: splitOnSpace, processTerm: keepTerm })
            .map((result) => ({ result, score: normalisedScore(result, queryTerms, synonymMatches.get(result.id), considered) }))
            .sort((left, right) => right.score - left.score)
        );
      });
      const isPreferred = (id: string) => byId.get(id)?.intents.some((intent) => preferred.has(intent)) ?? false;
      const ordered =
        preferred.size === 0
          ? ranked
          : [...ranked.filter(({ result }) => isPreferred(result.id)), ...ranked.filter(({ result }) => !isPreferred(result.id))];

      return ordered.slice(0, limit).flatMap(({ result, score }) => {
        const article = byId.get(result.id);
        if (!article) return [];
        return [
          {
            id: article.id,
            title: article.title,
            score,
            snippet: snippetOf(snippetCandidatesOf(article), result.terms),
            intents: [...article.intents],
          },
        ];
      });
    },
  };
}

const splitOnSpace = (text: string): string[] => text.split(' ');
const keepTerm = (term: string): string => term;

function normalisedScore(result: SearchResult, queryTerms: readonly string[], synonyms: ReadonlySet<string> | undefined, considered: number): number {
  const strength = result.score / (result.score + SATURATION);
  // Coverage counts the customer's own words; a word is explained when it or one of its synonyms matched.
  const matched = new Set(result.queryTerms);
  const explained = queryTerms.filter((term) => matched.has(term) || synonymsOf(term).some((synonym) => synonyms?.has(synonym))).length;
  const coverage = Math.min(1, explained / considered);
  return round(strength * coverage ** COVERAGE_EXPONENT);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

interface SnippetCandidate {
  text: string;
  terms: ReadonlySet<string>;
}

/**
 * The sentences a snippet can be taken from, with their terms computed once per article (doing it
 * per search was most of a search's cost). A hit list shows snippets as they are, so sentences
 * with "{{order_id}}" would read as a bug: plain sentences are preferred when there are any.
 */
function snippetCandidates(reply: string): SnippetCandidate[] {
  const all = reply.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+/);
  const plain = all.filter((sentence) => !sentence.includes('{{'));
  const sentences = plain.length > 0 ? plain : all;
  return sentences.map((text) => ({
    text: text.length <= SNIPPET_LENGTH ? text : `${text.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…`,
    terms: new Set(contentTerms(text)),
  }));
}

/** The sentence sharing most terms with the match, so a hit list shows why it matched. */
function snippetOf(candidates: readonly SnippetCandidate[], matchedTerms: readonly string[]): string {
  let best = candidates[0]?.text ?? '';
  let bestCount = -1;
  for (const candidate of candidates) {
    const count = matchedTerms.filter((term) => candidate.terms.has(term)).length;
    if (count > bestCount) {
      best = candidate.text;
      bestCount = count;
    }
  }
  return best;
}
