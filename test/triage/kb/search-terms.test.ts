import { describe, expect, it } from 'vitest';
import { contentTerms, processTerm, stem, tokenize } from '../../../src/triage/kb/search-terms.js';

describe('stem', () => {
  it.each([
    ['charged', 'charg'],
    ['charges', 'charg'],
    ['charge', 'charg'],
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['deliveries', 'delivery'],
    ['addresses', 'address'],
    ['address', 'address'],
    ['status', 'status'],
    ['invoices', 'invoic'],
    ['refunded', 'refund'],
    ['fee', 'fee'],
  ])('%s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('processTerm', () => {
  it('drops stop words, helpdesk filler, one-letter tokens and numbers', () => {
    for (const token of ['the', 'Hello', 'thanks', 'please', 'x', '2026', 'A1001', '123456']) expect(processTerm(token)).toBeNull();
  });

  it('keeps question words that say what is asked, and short codes such as 2fa', () => {
    expect(processTerm('Where')).toBe(stem('where'));
    expect(processTerm('when')).toBe('when');
    expect(processTerm('2FA')).toBe('2fa');
  });
});

describe('tokenize and contentTerms', () => {
  it('splits intent names and keeps contractions whole', () => {
    expect(tokenize("track_order: don't")).toEqual(['track', 'order', 'dont']);
  });

  it('returns the distinct content terms in order', () => {
    expect(contentTerms('Hi! My orders, my ORDER and my order number A1001 please')).toEqual(['order', 'number']);
  });
});
