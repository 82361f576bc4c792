/**
 * The knowledge base: the articles of data/kb/*.md, loaded once, and a search over them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbHit } from '../types.js';
import type { ArticleLimit } from './article-limits.js';
import { KnowledgeBaseError, parseKbArticle, type KnowledgeBaseArticle } from './kb-article.js';
import { createKbSearchIndex, type KbSearchOptions } from './kb-search-index.js';

export { KnowledgeBaseError, REPLY_PLACEHOLDERS, parseKbArticle, type KnowledgeBaseArticle } from './kb-article.js';
export type { KbSearchOptions } from './kb-search-index.js';

export interface KnowledgeBase {
  readonly articles: KnowledgeBaseArticle[];
  get(id: string): KnowledgeBaseArticle | undefined;
  /** Best articles first; `score` is normalised to 0..1 (see kb-search-index.ts for the formula). */
  search(query: string, options?: KbSearchOptions): KbHit[];
  /** The customer-facing `## Reply` text of an article; throws KnowledgeBaseError for an unknown id. */
  replyOf(id: string): string;
  /**
   * What a reply drawn on this article leaves to a person: its own `needs-a-person` cases and those of
   * every article whose main topic (its first intent) this article also answers. The customs article
   * answers delivery-options questions too, so the islands and parcel lockers the delivery-options
   * article leaves to a person are not answered by the customs text either. Empty for an unknown id.
   */
  limitsOf(id: string): readonly ArticleLimit[];
}

/** <repo>/data/kb, found from this file so the CLI works from any working directory. */
export const DEFAULT_KB_DIRECTORY = fileURLToPath(new URL('../../../data/kb/', import.meta.url));

export function loadKnowledgeBase(directory: string = DEFAULT_KB_DIRECTORY): KnowledgeBase {
  let fileNames: string[];
  try {
    fileNames = readdirSync(directory).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    throw new KnowledgeBaseError(`Cannot read the knowledge-base directory ${directory}: ${(error as Error).message}`, { cause: error });
  }
  if (fileNames.length === 0) throw new KnowledgeBaseError(`No knowledge-base articles (*.md) in ${directory}`);

  const articles = fileNames.map((fileName) => {
    const filePath = path.join(directory, fileName);
    return parseKbArticle(readFileSync(filePath, 'utf8'), filePath, fileName.slice(0, -'.md'.length));
  });
  return createKnowledgeBase(articles);
}

/** A knowledge base over articles already in memory (tests, or articles from another store). */
export function createKnowledgeBase(articles: readonly KnowledgeBaseArticle[]): KnowledgeBase {
  const byId = new Map<string, KnowledgeBaseArticle>();
  for (const article of articles) {
    const previous = byId.get(article.id);
    if (previous) throw new KnowledgeBaseError(`Duplicate article id "${article.id}" in ${previous.source} and ${article.source}`);
    byId.set(article.id, Object.freeze({ ...article, intents: [...article.intents], tags: [...article.tags] }));
  }
  const frozen = [...byId.values()];
  const index = createKbSearchIndex(frozen);
  const limits = new Map(frozen.map((article) => [article.id, topicLimits(article, frozen)] as const));

  return {
    articles: frozen,
    get: (id) => byId.get(id),
    search: (query, options) => index.search(query, options),
    replyOf(id) {
      const article = byId.get(id);
      if (!article) throw new KnowledgeBaseError(`No knowledge-base article with id "${id}"`);
      return article.reply;
    },
    limitsOf: (id) => limits.get(id) ?? [],
  };
}

function topicLimits(article: KnowledgeBaseArticle, articles: readonly KnowledgeBaseArticle[]): readonly ArticleLimit[] {
  const own = article.needsAPerson ?? [];
  const borrowed = articles.flatMap((other) =>
    other.id !== article.id && other.intents[0] !== undefined && article.intents.includes(other.intents[0]) ? (other.needsAPerson ?? []) : [],
  );
  return Object.freeze([...own, ...borrowed]);
}
