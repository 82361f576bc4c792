/**
 * Term processing shared by the KB index and its queries. Both sides must go through the same
 * function, otherwise a stemmed document term never meets an unstemmed query term.
 */

// Function words plus helpdesk filler ("hi", "thanks", "please"): they appear in every ticket, so
// they would only dilute BM25 and the coverage part of the normalised score. "where" and "when" are
// kept on purpose: "where is my order" and "when will I get my refund" are how people ask.
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being
  below between both but by can cannot could couldn did didn do does doesn doing don down during each
  else even ever every few for from further get gets getting got had hadn has hasn have haven having he
  her here hers herself him himself his how i if in into is isn it its itself just let ll me might more
  most much must mustn my myself no nor not now of off on once only or other ought our ours ourselves out
  over own re same shall shan she should shouldn so some still such than that the their theirs them
  themselves then there these they this those through to too under until up upon us ve very was wasn we
  were weren what which while who whom why will with won would wouldn yet you your yours
  yourself yourselves
  hi hello hey dear thanks thank thx please pls regards cheers kind best sir madam team guys folks
  hope wondering trying tried tell told know want wanted wants need needed needs like help helps helped
  able way thing things someone something anything anyone really actually already yes okay ok asap
  today yesterday week day days one two dont cant wont isnt doesnt didnt im ive id youre theyre thats`
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

// Doubled final consonants that English doubles before -ing/-ed ("shipped" -> "ship"). l, s and z
// are left alone because "bill", "address" and "buzz" end that way on their own.
const UNDOUBLE = /([bdgmnprt])\1$/;

/**
 * A deliberately small suffix stripper (not Porter): plural -s/-ies, -ing, -ed and a final -e, so
 * that "charged", "charges" and "charge" all become "charg". Prefix and fuzzy search cover the rest.
 */
export function stem(word: string): string {
  let term = word;
  if (term.length > 4 && term.endsWith('ies')) term = `${term.slice(0, -3)}y`;
  else if (term.endsWith('sses')) term = term.slice(0, -2);
  else if (term.length > 3 && term.endsWith('s') && !/(ss|us|is)$/.test(term)) term = term.slice(0, -1);

  if (term.length > 5 && term.endsWith('ing')) term = undouble(term.slice(0, -3));
  else if (term.length > 4 && term.endsWith('ed') && !term.endsWith('eed')) term = undouble(term.slice(0, -2));

  if (term.length > 4 && term.endsWith('e')) term = term.slice(0, -1);
  return term;
}

function undouble(term: string): string {
  return UNDOUBLE.test(term) ? term.slice(0, -1) : term;
}

/**
 * Lower-cases, drops stop words, one-letter tokens and numbers (order ids, amounts and dates say
 * nothing about which article answers), then stems. Returns null for a dropped term, as MiniSearch
 * expects from `processTerm`.
 */
export function processTerm(token: string): string | null {
  const cached = processedTerms.get(token);
  if (cached !== undefined) return cached;
  // Tickets can bring any number of new words; a full cache is dropped rather than grown forever.
  if (processedTerms.size >= MAX_CACHED_TERMS) processedTerms.clear();
  const term = computeTerm(token);
  processedTerms.set(token, term);
  return term;
}

// The same few thousand words are processed for every article and every query, so the result is
// kept: this halves the time to build the index.
const processedTerms = new Map<string, string | null>();
const MAX_CACHED_TERMS = 20_000;

/**
 * No word of a support article is longer; a longer token is noise, and MiniSearch's fuzzy match
 * allocates a table by the term's length (a 64,000-letter word threw a RangeError).
 */
const MAX_TERM_LENGTH = 40;

function computeTerm(token: string): string | null {
  const term = token.toLowerCase();
  if (term.length < 2 || term.length > MAX_TERM_LENGTH || STOP_WORDS.has(term)) return null;
  if (/^\d+$/.test(term) || /\d{3,}/.test(term)) return null;
  const stemmed = stem(term);
  // Checked again after stemming so that "weeks" and "thanks" go the way of "week" and "thank".
  return STOP_WORDS.has(stemmed) ? null : stemmed;
}

const TOKEN_SEPARATOR = /[\s\p{P}\p{S}]+/u;

/** Splits text the way the index does: on whitespace, punctuation and symbols (so "track_order" is two words). */
export function tokenize(text: string): string[] {
  // Apostrophes are removed before splitting so "don't" is one (stop) word, not "don" + "t".
  return text
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .split(TOKEN_SEPARATOR)
    .filter((token) => token.length > 0);
}

/** The distinct processed terms of a text, in order of first appearance. */
export function contentTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) terms.add(term);
  }
  return [...terms];
}
