/**
 * Text to sparse TF-IDF vectors for the offline intent classifier: word unigrams, bigrams and
 * nearby content-word pairs plus character n-grams inside words (robust to the typos real tickets
 * carry). Pure functions and one small vocabulary class, so training and prediction share exactly
 * the same code path.
 */

import { foldLetters } from '../fold-letters.js';

export interface TextFeatureOptions {
  /** Character n-gram sizes taken inside each padded word, e.g. [3, 5] for 3-, 4- and 5-grams. */
  charNgramRange: [number, number];
  /** A word feature must occur in at least this many training texts to be kept. */
  minWordDocumentFrequency: number;
  /** A character feature must occur in at least this many training texts to be kept. */
  minCharDocumentFrequency: number;
  /** Share of the vector's squared norm given to the word block (the rest goes to characters). */
  wordBlockWeight: number;
  /**
   * Pairs of content words at most this far apart, and not adjacent (those are bigrams already),
   * become features (0: none). A linear model cannot otherwise see that "status" near "refund"
   * means something else than either word alone.
   */
  wordPairWindow: number;
}

export const defaultTextFeatureOptions: TextFeatureOptions = {
  charNgramRange: [3, 5],
  minWordDocumentFrequency: 2,
  minCharDocumentFrequency: 3,
  wordBlockWeight: 0.5,
  wordPairWindow: 4,
};

export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Placeholders: the classifier should learn "order <num>", not a particular order number. */
export const NUMBER_TOKEN = '<num>';
export const MONEY_TOKEN = '<money>';
export const EMAIL_TOKEN = '<email>';
export const URL_TOKEN = '<url>';

const PLACEHOLDERS = new Set([NUMBER_TOKEN, MONEY_TOKEN, EMAIL_TOKEN, URL_TOKEN]);

/** Function words: they carry the tone of a ticket, not its topic, so they never form pairs. */
const STOP_WORDS = new Set(
  ('a an the and or but if of to in on at for from with by about into over after before as is are was were be been am ' +
    'do does did have has had i me my mine we our you your u ur it its this that these those there here he she his her ' +
    'they them their can could would should will shall may might must not no so just please pls hi hello hey thanks thank ' +
    'what which who whom how when where why want wanna need like id im ive dont cant help some any get got')
    .split(' '),
);

/** Lowercase, strip accents (see foldLetters), fold apostrophes, and replace identifiers by placeholder tokens. */
export function normaliseText(text: string): string {
  return foldLetters(text)
    .toLowerCase()
    .replace(/https?:\/\/\S+|www\.\S+/g, ` ${URL_TOKEN} `)
    // The lookbehinds start a match only where a run starts: without them a long word (or run of
    // digits) is rescanned from every one of its positions, which is quadratic in the ticket.
    .replace(/(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ` ${EMAIL_TOKEN} `)
    // "don't" and "dont" must be the same word: people type both.
    .replace(/['\u2019`]/g, '')
    .replace(/[$€£¥]\s*\d[\d,.]*|(?<![\d,.])[,.]*\d[\d,.]*\s*(?:usd|eur|gbp|dollars?|euros?|pounds?|bucks)\b/g, ` ${MONEY_TOKEN} `);
}

/** Words that hold a digit but mean the same thing in every ticket. */
const KEPT_NUMERIC_WORDS = new Set(['2fa', '2sv', '24h']);

/** A digit of any script. Made once: a pattern literal in the callback below is a new object per token. */
const HAS_DIGIT = /\p{N}/u;

/** Order ids, invoice numbers, amounts and dates all become one token: any word holding a digit. */
export function tokenise(text: string): string[] {
  // Letters of any script: "włamał" or "kündigen" must stay one word, not split at "ł" or "ß".
  const tokens = normaliseText(text).match(/<(?:num|money|email|url)>|[\p{L}\p{N}]+/gu) ?? [];
  return tokens.map((token) => (HAS_DIGIT.test(token) && !KEPT_NUMERIC_WORDS.has(token) ? NUMBER_TOKEN : token));
}

/**
 * The features of a token list in order: each word feature (unigram, bigram, pair) as its name,
 * and each token that has character n-grams (placeholders have none). extractTerms and
 * TextVocabulary.vectorise both walk this, so training and prediction see the same features in the
 * same order.
 */
function walkTerms(tokens: readonly string[], options: TextFeatureOptions, word: (term: string) => void, chars: (token: string) => void): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    word(`w:${token}`);
    if (i > 0) word(`b:${tokens[i - 1]} ${token}`);
    if (!STOP_WORDS.has(token)) {
      for (let j = Math.max(0, i - options.wordPairWindow); j < i - 1; j++) {
        const other = tokens[j]!;
        if (!STOP_WORDS.has(other)) word(other < token ? `p:${other} ${token}` : `p:${token} ${other}`);
      }
    }
    if (!PLACEHOLDERS.has(token)) chars(token);
  }
}

/** The character n-grams of one token (padded with a space each side), with repeats, in order. */
function charTermsOf(token: string, [minN, maxN]: [number, number]): string[] {
  const padded = ` ${token} `;
  const terms: string[] = [];
  for (let n = minN; n <= maxN; n++) {
    for (let start = 0; start + n <= padded.length; start++) terms.push(`c:${padded.slice(start, start + n)}`);
  }
  return terms;
}

/**
 * The feature names of one text, with repeats (term frequency is counted by the caller). Prefixes
 * keep the kinds apart: `w:` word, `b:` bigram, `p:` content-word pair (word block), `c:` character
 * n-gram (character block).
 */
export function extractTerms(text: string, options: TextFeatureOptions): { words: string[]; chars: string[] } {
  const words: string[] = [];
  const chars: string[] = [];
  walkTerms(
    tokenise(text),
    options,
    (term) => words.push(term),
    (token) => chars.push(...charTermsOf(token, options.charNgramRange)),
  );
  return { words, chars };
}

/**
 * How many tokens' character features a vocabulary keeps. Words repeat across mail (Zipf), so most
 * tokens of a new mail are found here; past this size the table starts again, which bounds memory
 * against text made of ever-new strings.
 */
export const TOKEN_CACHE_LIMIT = 50_000;

export interface SerializedTextVocabulary {
  options: TextFeatureOptions;
  /** Feature names; a feature's index is its position. */
  terms: string[];
  /** Inverse document frequency per feature, same order as `terms`. */
  idf: number[];
}

/** A block's distinct term indices in order of first occurrence, and each one's weight. */
export interface WeighedBlock {
  order: number[];
  weights: Float64Array;
}

/**
 * Term indices with repeats, weighed: in order of first occurrence (the order fixes the sums'
 * rounding), each with its sublinear TF times IDF over the block's L2 norm. `counts` is a work
 * array of one entry per feature, all zero, and left all zero. Two parallel arrays, not a pair per
 * term: a text has hundreds of distinct character n-grams, and a pair each was the largest
 * allocation of a prediction.
 */
export function weighBlock(terms: readonly number[], idf: Float64Array, counts: Int32Array): WeighedBlock {
  const order: number[] = [];
  for (const index of terms) if (counts[index]!++ === 0) order.push(index);
  let squaredNorm = 0;
  const weights = new Float64Array(order.length);
  for (let position = 0; position < order.length; position++) {
    const index = order[position]!;
    const weight = (1 + Math.log(counts[index]!)) * idf[index]!;
    counts[index] = 0;
    squaredNorm += weight * weight;
    weights[position] = weight;
  }
  const norm = Math.sqrt(squaredNorm);
  if (norm > 0) for (let position = 0; position < weights.length; position++) weights[position] = weights[position]! / norm;
  return { order, weights };
}

export class TextVocabulary {
  readonly options: TextFeatureOptions;
  readonly terms: readonly string[];
  readonly idf: Float64Array;
  private readonly indexByTerm: Map<string, number>;
  private readonly charIndicesByToken = new Map<string, Int32Array>();

  private constructor(options: TextFeatureOptions, terms: string[], idf: Float64Array) {
    this.options = options;
    this.terms = terms;
    this.idf = idf;
    this.indexByTerm = new Map(terms.map((term, index) => [term, index]));
  }

  get size(): number {
    return this.terms.length;
  }

  /** Terms sorted by name so the feature order never depends on the order of the examples. */
  static fit(texts: readonly string[], options: TextFeatureOptions = defaultTextFeatureOptions): TextVocabulary {
    const documentFrequency = new Map<string, number>();
    for (const text of texts) {
      const { words, chars } = extractTerms(text, options);
      for (const term of new Set([...words, ...chars])) {
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      }
    }
    const terms = [...documentFrequency.entries()]
      .filter(([term, count]) =>
        count >= (term.startsWith('c:') ? options.minCharDocumentFrequency : options.minWordDocumentFrequency),
      )
      .map(([term]) => term)
      .sort();
    // Smoothed IDF as in scikit-learn, so a term found in every text still counts a little.
    const idf = Float64Array.from(terms, (term) => Math.log((1 + texts.length) / (1 + documentFrequency.get(term)!)) + 1);
    return new TextVocabulary({ ...options }, terms, idf);
  }

  static fromJSON(json: SerializedTextVocabulary): TextVocabulary {
    if (json.terms.length !== json.idf.length) {
      throw new TypeError(`Vocabulary has ${json.terms.length} terms but ${json.idf.length} IDF values.`);
    }
    return new TextVocabulary({ ...json.options }, [...json.terms], Float64Array.from(json.idf));
  }

  toJSON(): SerializedTextVocabulary {
    return { options: { ...this.options }, terms: [...this.terms], idf: [...this.idf] };
  }

  /**
   * Sublinear TF times IDF, each block (words, characters) L2-normalised on its own and weighted,
   * so long texts with many character n-grams do not drown the word evidence.
   */
  vectorise(text: string): SparseVector {
    const words: number[] = [];
    const chars: number[] = [];
    walkTerms(
      tokenise(text),
      this.options,
      (term) => {
        const index = this.indexByTerm.get(term);
        if (index !== undefined) words.push(index);
      },
      (token) => {
        for (const index of this.charIndicesOf(token)) chars.push(index);
      },
    );
    const wordBlock = this.weighBlock(words);
    const charBlock = this.weighBlock(chars);
    const wordCount = wordBlock.order.length;
    const charCount = charBlock.order.length;
    const wordScale = wordCount > 0 && charCount === 0 ? 1 : Math.sqrt(this.options.wordBlockWeight);
    const charScale = charCount > 0 && wordCount === 0 ? 1 : Math.sqrt(1 - this.options.wordBlockWeight);
    // The two blocks hold different features (word and character terms), so every index is listed
    // once and a numeric sort of the indices is the order of the entries.
    const indices = new Int32Array(wordCount + charCount);
    const scaled = this.#scratch();
    for (let position = 0; position < wordCount; position++) {
      const index = wordBlock.order[position]!;
      indices[position] = index;
      scaled[index] = wordBlock.weights[position]! * wordScale;
    }
    for (let position = 0; position < charCount; position++) {
      const index = charBlock.order[position]!;
      indices[wordCount + position] = index;
      scaled[index] = charBlock.weights[position]! * charScale;
    }
    indices.sort();
    const values = new Float64Array(indices.length);
    for (let k = 0; k < indices.length; k++) values[k] = scaled[indices[k]!]!;
    return { indices, values };
  }

  /**
   * Work arrays of one entry per feature, kept between calls: `#scratchCounts` is all zero between
   * calls (weighBlock clears what it counted); `#scratchValues` holds stale values, but a call reads
   * only the entries it has just written.
   */
  #scratchValues: Float64Array | undefined;
  #scratchCounts: Int32Array | undefined;

  #scratch(): Float64Array {
    return (this.#scratchValues ??= new Float64Array(this.terms.length));
  }

  private weighBlock(terms: readonly number[]): WeighedBlock {
    return weighBlock(terms, this.idf, (this.#scratchCounts ??= new Int32Array(this.terms.length)));
  }

  /**
   * The indices of a token's known character n-grams, in the order of its n-grams (unknown ones
   * left out, as weighBlock would skip them). The vocabulary never changes, so an entry never goes
   * stale; building the n-gram names and looking each up was the largest cost of a prediction.
   */
  private charIndicesOf(token: string): Int32Array {
    let indices = this.charIndicesByToken.get(token);
    if (indices) return indices;
    const found: number[] = [];
    for (const term of charTermsOf(token, this.options.charNgramRange)) {
      const index = this.indexByTerm.get(term);
      if (index !== undefined) found.push(index);
    }
    indices = Int32Array.from(found);
    if (this.charIndicesByToken.size >= TOKEN_CACHE_LIMIT) this.charIndicesByToken.clear();
    this.charIndicesByToken.set(token, indices);
    return indices;
  }
}

