import { describe, expect, it } from 'vitest';
import {
  TextVocabulary,
  defaultTextFeatureOptions,
  extractTerms,
  tokenise,
} from '../../../src/triage/local-model/text-features.js';

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

  it('round-trips through JSON', () => {
    const vocabulary = TextVocabulary.fit(texts);
    const restored = TextVocabulary.fromJSON(JSON.parse(JSON.stringify(vocabulary.toJSON())));
    expect(restored.vectorise('cancel my order')).toEqual(vocabulary.vectorise('cancel my order'));
    expect(() => TextVocabulary.fromJSON({ ...vocabulary.toJSON(), idf: [1] })).toThrow(TypeError);
  });
});
