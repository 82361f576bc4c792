import { describe, expect, it } from 'vitest';
import {
  TextVocabulary,
  TOKEN_CACHE_LIMIT,
  defaultTextFeatureOptions,
  extractTerms,
  tokenise,
  weighBlock,
  type SparseVector,
} from '../../../src/triage/local-model/text-features.js';

/** The vector as the feature names define it: every name looked up, one by one (the first implementation). */
function vectorFromNames(vocabulary: TextVocabulary, text: string): SparseVector {
  const indexByTerm = new Map(vocabulary.terms.map((term, index) => [term, index]));
  const block = (terms: string[]) => {
    const counts = new Map<number, number>();
    for (const term of terms) {
      const index = indexByTerm.get(term);
      if (index !== undefined) counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    let squaredNorm = 0;
    for (const [index, count] of counts) {
      const weight = (1 + Math.log(count)) * vocabulary.idf[index]!;
      counts.set(index, weight);
      squaredNorm += weight * weight;
    }
    const norm = Math.sqrt(squaredNorm);
    if (norm > 0) for (const [index, weight] of counts) counts.set(index, weight / norm);
    return counts;
  };
  const { words, chars } = extractTerms(text, vocabulary.options);
  const wordBlock = block(words);
  const charBlock = block(chars);
  const wordScale = wordBlock.size > 0 && charBlock.size === 0 ? 1 : Math.sqrt(vocabulary.options.wordBlockWeight);
  const charScale = charBlock.size > 0 && wordBlock.size === 0 ? 1 : Math.sqrt(1 - vocabulary.options.wordBlockWeight);
  const entries = [
    ...[...wordBlock].map(([index, value]) => [index, value * wordScale] as const),
    ...[...charBlock].map(([index, value]) => [index, value * charScale] as const),
  ].sort((left, right) => left[0] - right[0]);
  return { indices: Int32Array.from(entries, ([index]) => index), values: Float64Array.from(entries, ([, value]) => value) };
}

describe('tokenise', () => {
  it('lowercases, strips accents and folds apostrophes', () => {
    expect(tokenise("Café RÉSUMÉ, I can't log-in")).toEqual(['cafe', 'resume', 'i', 'cant', 'log', 'in']);
  });

  it('reads a word typed without its accents or special letters as the same word', () => {
    expect(tokenise('kundigen')).toEqual(tokenise('kündigen'));
    expect(tokenise('Konto schliessen')).toEqual(tokenise('Konto schließen'));
    expect(tokenise('ktos sie wlamal')).toEqual(tokenise('ktoś się włamał'));
    expect(tokenise('ma soeur, nao recebi')).toEqual(tokenise('ma sœur, não recebi'));
  });

  it('replaces order ids, numbers, amounts, e-mails and links by placeholders', () => {
    expect(tokenise('Order A1001 and #55812 for $49.99 or 30 dollars')).toEqual([
      'order', '<num>', 'and', '<num>', 'for', '<money>', 'or', '<money>',
    ]);
    expect(tokenise('write to ada@example.com or see https://shop.example/help')).toEqual([
      'write', 'to', '<email>', 'or', 'see', '<url>',
    ]);
  });

  it('keeps the few digit words that mean the same in every ticket', () => {
    expect(tokenise('my 2FA code')).toEqual(['my', '2fa', 'code']);
  });
});

describe('extractTerms', () => {
  it('gives words, bigrams, content-word pairs and character n-grams, but no n-grams of placeholders', () => {
    const { words, chars } = extractTerms('status of my refund 123', { ...defaultTextFeatureOptions, wordPairWindow: 4 });
    expect(words).toEqual(expect.arrayContaining(['w:status', 'b:my refund', 'p:refund status', 'w:<num>', 'b:refund <num>']));
    expect(words).not.toContain('p:my status');
    expect(chars).toEqual(expect.arrayContaining(['c: st', 'c:fund ', 'c: refu']));
    expect(chars.some((term) => term.includes('<'))).toBe(false);
  });
});

describe('TextVocabulary', () => {
  const texts = ['cancel my order', 'cancel my account', 'track my order', 'where is my order', 'delete my account'];

  it('does not depend on the order of the texts', () => {
    expect(TextVocabulary.fit([...texts].reverse()).toJSON()).toEqual(TextVocabulary.fit(texts).toJSON());
  });

  it('drops features rarer than the minimum document frequency', () => {
    const vocabulary = TextVocabulary.fit(texts, { ...defaultTextFeatureOptions, minWordDocumentFrequency: 2 });
    expect(vocabulary.terms).toContain('w:cancel');
    expect(vocabulary.terms).not.toContain('w:where');
  });

  it('makes unit-length vectors, sorted by feature, and an empty one for unknown words', () => {
    const vocabulary = TextVocabulary.fit(texts);
    const vector = vocabulary.vectorise('Cancel my ORDER please');
    const norm = Math.sqrt(vector.values.reduce((sum, value) => sum + value * value, 0));
    expect(norm).toBeCloseTo(1, 12);
    expect([...vector.indices]).toEqual([...vector.indices].sort((left, right) => left - right));
    expect(vocabulary.vectorise('zzz qqq').indices).toHaveLength(0);
  });

  it('weighs rare words above common ones', () => {
    const vocabulary = TextVocabulary.fit(texts, { ...defaultTextFeatureOptions, minWordDocumentFrequency: 1 });
    const vector = vocabulary.vectorise('track my');
    const weightOf = (term: string) => vector.values[[...vector.indices].indexOf(vocabulary.terms.indexOf(term))]!;
    expect(weightOf('w:track')).toBeGreaterThan(weightOf('w:my'));
  });

  it('gives exactly the vector its feature names give, before and after its tokens are kept, and past the table\'s limit', () => {
    const vocabulary = TextVocabulary.fit([...texts, 'Où est ma commande A1001? Je veux être remboursé de 30 €', 'my order my order never came']);
    const samples = ['Cancel my ORDER please, my order!', 'Où est ma commande A1002 ?', 'track track track my order 55', '', 'zzz'];
    for (const text of samples) expect(vocabulary.vectorise(text)).toEqual(vectorFromNames(vocabulary, text));
    for (const text of samples) expect(vocabulary.vectorise(text)).toEqual(vectorFromNames(vocabulary, text));
    // More new tokens than the table holds: it starts again and the answers stay the same.
    const flood = Array.from({ length: TOKEN_CACHE_LIMIT + 10 }, (_, index) => `w${index.toString(36)}x`).join(' ');
    vocabulary.vectorise(flood);
    for (const text of samples) expect(vocabulary.vectorise(text)).toEqual(vectorFromNames(vocabulary, text));
  });

  it('gives each text its own vector however calls follow each other (the work arrays are left clear)', () => {
    const first = TextVocabulary.fit([...texts, 'refund refund refund my order order', 'where is parcel 55 A1001']);
    const second = TextVocabulary.fit(['cancel my order now', 'cancel cancel the plan', 'my parcel never came', 'parcel parcel refund']);
    const samples = [
      'refund refund refund refund my order',
      'track my order',
      '',
      '55 A1001 $30',
      'cancel my order now please, cancel it',
      'my parcel never came, refund',
      'zzz qqq',
    ];
    for (let round = 0; round < 2; round += 1) {
      for (const text of samples) {
        for (const vocabulary of [first, second]) expect(vocabulary.vectorise(text), text).toEqual(vectorFromNames(vocabulary, text));
      }
    }
    // A text read after a longer one with the same words gets its own counts, not the sum of both.
    expect(first.vectorise('refund my order')).toEqual(vectorFromNames(first, 'refund my order'));
  });

  it('round-trips through JSON', () => {
    const vocabulary = TextVocabulary.fit(texts);
    const restored = TextVocabulary.fromJSON(JSON.parse(JSON.stringify(vocabulary.toJSON())));
    expect(restored.vectorise('cancel my order')).toEqual(vocabulary.vectorise('cancel my order'));
    expect(() => TextVocabulary.fromJSON({ ...vocabulary.toJSON(), idf: [1] })).toThrow(TypeError);
  });
});

describe('weighBlock (a block as two parallel arrays)', () => {
  it('lists each term once in order of first occurrence, weighs it as a pair per term did, and leaves the work array clear', () => {
    const idf = Float64Array.from([1.5, 2, 1, 3.25, 1.1]);
    const counts = new Int32Array(idf.length);
    const terms = [3, 1, 3, 0, 3, 1];
    const { order, weights } = weighBlock(terms, idf, counts);
    expect(order).toEqual([3, 1, 0]);
    // The former shape: [index, weight] pairs, summed in the same order.
    const pairs = order.map((index): [number, number] => [index, (1 + Math.log(terms.filter((term) => term === index).length)) * idf[index]!]);
    const norm = Math.sqrt(pairs.reduce((sum, [, weight]) => sum + weight * weight, 0));
    expect([...weights]).toEqual(pairs.map(([, weight]) => weight / norm));
    expect([...counts].every((count) => count === 0)).toBe(true);
    expect(weighBlock([], idf, counts)).toEqual({ order: [], weights: new Float64Array(0) });
  });
});
