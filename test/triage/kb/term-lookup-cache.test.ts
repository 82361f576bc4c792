import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createKbSearchIndex } from '../../../src/triage/kb/kb-search-index.js';
import { loadKnowledgeBase } from '../../../src/triage/kb/knowledge-base.js';
import { copyOf, installTermLookupCache, TERM_LOOKUP_CACHE_LIMIT, type TermResult, type TermResults } from '../../../src/triage/kb/term-lookup-cache.js';

const kb = loadKnowledgeBase();

/** Each long word with its second-to-last letter dropped: "delivry", "pasword" (fuzzy lookups). */
function misspelled(text: string): string {
  return text.replace(/\p{L}{6,}/gu, (word) => `${word.slice(0, -2)}${word.slice(-1)}`);
}

// Titles, the first sentences of every article, their misspellings, and several of them in one
// query: single terms, terms that share articles (merged by MiniSearch into the first term's
// results), prefixes, fuzzy matches and the synonyms' second search.
const queries = kb.articles.flatMap((article, index) => {
  const opening = article.reply.split(/(?<=[.!?])\s+/).slice(0, 2).join(' ');
  const next = kb.articles[(index + 1) % kb.articles.length]!;
  return [article.title, opening, misspelled(opening), `${article.title} ${next.title} refund parcel invoice`, 'ship shipping shipped shipment', 'deliv'];
});

describe('MiniSearch term lookups kept between searches', () => {
  it('answer every search exactly as an index without them, the first time and the times after', () => {
    const cached = createKbSearchIndex(kb.articles);
    const fresh = createKbSearchIndex(kb.articles, { termLookupCache: false });
    for (let pass = 0; pass < 2; pass += 1) {
      for (const query of queries) {
        for (const options of [{}, { limit: 50 }, { limit: 3, intents: ['track_order'] }]) {
          expect(cached.search(query, options), query).toEqual(fresh.search(query, options));
        }
      }
    }
  });

  it('hand out copies: merging one search into its first term does not change the next search', () => {
    const miniSearch = new MiniSearch({ fields: ['text'], searchOptions: { prefix: true, fuzzy: 0.2 } });
    miniSearch.addAll([
      { id: 1, text: 'refund for a parcel' },
      { id: 2, text: 'parcel tracking and refund status' },
      { id: 3, text: 'tracking a parcel' },
    ]);
    const plain = new MiniSearch({ fields: ['text'], searchOptions: { prefix: true, fuzzy: 0.2 } });
    plain.addAll([
      { id: 1, text: 'refund for a parcel' },
      { id: 2, text: 'parcel tracking and refund status' },
      { id: 3, text: 'tracking a parcel' },
    ]);
    const cache = installTermLookupCache(miniSearch);
    for (const query of ['parcel refund', 'parcel tracking', 'parcel', 'parcl refnd track', 'parcel']) {
      expect(miniSearch.search(query), query).toEqual(plain.search(query));
    }
    expect(cache.hits).toBeGreaterThan(0);
  });

  it('copy what MiniSearch changes after a lookup, and share the field lists it never changes', () => {
    const kept: TermResults = new Map<number, TermResult>([
      [0, { score: 1.5, terms: ['parcel'], match: { parcel: ['title', 'reply'], parcels: ['reply'] } }],
      [4, { score: 0.25, terms: ['parcel'], match: { parcel: ['keywords'] } }],
    ]);
    const copy = copyOf(kept);
    expect(copy).toEqual(kept);
    expect(copy).not.toBe(kept);
    for (const [docId, entry] of kept) {
      const copied = copy.get(docId)!;
      expect(copied).not.toBe(entry);
      expect(copied.terms).not.toBe(entry.terms);
      expect(copied.match).not.toBe(entry.match);
      for (const term of Object.keys(entry.match)) expect(copied.match[term]).toBe(entry.match[term]);
    }
    // What the OR combinator does to the first term's results leaves the kept lookup as it was.
    const first = copy.get(0)!;
    first.score += 2;
    first.terms.push('refund');
    Object.assign(first.match, { refund: ['reply'] });
    expect(kept.get(0)).toEqual({ score: 1.5, terms: ['parcel'], match: { parcel: ['title', 'reply'], parcels: ['reply'] } });
  });

  it('start again past their limit', () => {
    const miniSearch = new MiniSearch({ fields: ['text'] });
    miniSearch.addAll([{ id: 1, text: 'parcel' }]);
    const cache = installTermLookupCache(miniSearch);
    for (let index = 0; index < TERM_LOOKUP_CACHE_LIMIT + 10; index += 1) miniSearch.search(`w${index.toString(36)}`);
    expect(cache.size).toBeLessThanOrEqual(TERM_LOOKUP_CACHE_LIMIT);
    expect(miniSearch.search('parcel').map((result) => result.id)).toEqual([1]);
  });

  it('refuse a MiniSearch without the lookup they replace', () => {
    expect(() => installTermLookupCache({} as MiniSearch)).toThrow(TypeError);
  });
});
