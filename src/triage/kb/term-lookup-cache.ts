/**
 * MiniSearch's lookups of single query terms, kept between searches. A search looks up each of its
 * terms (the term as written, the index's terms it is a prefix of, and for a word the KB does not
 * hold, the terms within a small edit distance: a walk of the whole radix tree), weighs every
 * matching field with BM25 and adds the terms' results up. A term's lookup depends only on the
 * term, how it is matched (exact, prefix, fuzzy, boost) and the index; the KB's index is built once
 * and never changed, and most terms of a ticket ("order", "refund", "deliver") were looked up for an
 * earlier one. So each lookup is computed once and a copy of it is handed to MiniSearch, which
 * merges a search's results into the first term's.
 *
 * This reaches into MiniSearch's `executeQuerySpec` (private in its types; the version is pinned in
 * package.json): `installTermLookupCache` refuses an instance without it, and
 * test/triage/kb/term-lookup-cache.test.ts compares every search with an index without the cache.
 * Only for indexes that are never changed after they are built, and only with searches that pass no
 * option besides tokenize, processTerm, fuzzy and prefix (the key holds what those decide).
 */
import type MiniSearch from 'minisearch';

interface QuerySpec {
  term: string;
  fuzzy: boolean | number;
  prefix: boolean;
  termBoost: number;
}

export interface TermResult {
  score: number;
  terms: string[];
  match: Record<string, string[]>;
}

export type TermResults = Map<number, TermResult>;

interface MiniSearchInternals {
  executeQuerySpec(query: QuerySpec, searchOptions: unknown): TermResults;
}

/** Past this many distinct lookups the table starts again (customers bring any number of new words). */
export const TERM_LOOKUP_CACHE_LIMIT = 5_000;

export interface TermLookupCache {
  /** Lookups kept now. */
  readonly size: number;
  /** Lookups answered from the table since it was installed (for tests). */
  readonly hits: number;
}

/**
 * What MiniSearch changes after a lookup, copied: the map (the first term's results receive the
 * others'), each document's entry (its score), its `terms` (more terms are pushed) and its `match`
 * object (other terms' fields are assigned into it). The field lists inside `match` are not
 * copied: MiniSearch fills them while it computes the lookup and never changes them after (7.2.0:
 * `termResults` pushes only into the results it is building; the OR combinator assigns lists, it
 * does not push into them), and the KB search hands no `match` to its callers.
 */
export function copyOf(results: TermResults): TermResults {
  const copy: TermResults = new Map();
  for (const [docId, { score, terms, match }] of results) copy.set(docId, { score, terms: [...terms], match: { ...match } });
  return copy;
}

export function installTermLookupCache<T>(miniSearch: MiniSearch<T>): TermLookupCache {
  const internals = miniSearch as unknown as MiniSearchInternals;
  if (typeof internals.executeQuerySpec !== 'function') {
    throw new TypeError('this MiniSearch has no executeQuerySpec: the term lookup cache does not fit its version');
  }
  const lookup = internals.executeQuerySpec.bind(miniSearch);
  const table = new Map<string, TermResults>();
  let hits = 0;
  internals.executeQuerySpec = (query, searchOptions) => {
    const key = `${query.term}\u0000${String(query.fuzzy)}\u0000${String(query.prefix)}\u0000${query.termBoost}`;
    const kept = table.get(key);
    if (kept) {
      hits += 1;
      return copyOf(kept);
    }
    if (table.size >= TERM_LOOKUP_CACHE_LIMIT) table.clear();
    // A copy is kept as computed, before MiniSearch merges another term's results into this one.
    const computed = lookup(query, searchOptions);
    table.set(key, copyOf(computed));
    return computed;
  };
  return {
    get size() {
      return table.size;
    },
    get hits() {
      return hits;
    },
  };
}
