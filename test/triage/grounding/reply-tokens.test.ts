import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRAST_SETS } from '../../../src/triage/grounding/contrast-sets.js';
import { numberOf, quantities, RANGE_WORDS, UNIT_ADJECTIVES, unitOf, type Quantity } from '../../../src/triage/grounding/quantities.js';
import { findPhrases, matchesAt, phraseTokens, tokenize, type Token } from '../../../src/triage/grounding/reply-tokens.js';
import { contentStem, splitSentences, STEM_CACHE_LIMIT, stemCacheSize } from '../../../src/triage/grounding/sentence-support.js';
import { withTicketMemo } from '../../../src/triage/ticket-memo.js';

// Every sentence of the knowledge base, and sentences that put the phrases' edge cases side by side.
const kbDirectory = new URL('../../../data/kb/', import.meta.url);
const corpus = [
  ...readdirSync(kbDirectory)
    .filter((name) => name.endsWith('.md'))
    .flatMap((name) => splitSentences(readFileSync(new URL(name, kbDirectory), 'utf8'))),
  'Express, express and EXPRESSES: pickup points, pick-up point, pickup.',
  'We take cheques, checks, gift cards and gift card balances; cash on delivery or cash.',
  'Standard delivery (3 to 5 business days), Express delivery (1 to 2 business days) and next-day next day.',
  'Pay by bank transfer, wire transfers or SEPA transfer; boxes, box, boxe, days, day, dayes, s, es.',
  'DHL, then UPS, then Royal Mail (royal mails) and la poste, 14 days, 2 weeks, one month, 6-digit codes.',
  'Klarna lets you buy now pay later in installments or instalments, monthly or yearly, annually.',
];
const phraseLists = [
  ...CONTRAST_SETS.flatMap((set) => set.groups),
  ...CONTRAST_SETS.flatMap((set) => set.groups.flatMap((group) => group.map((phrase) => [phrase]))),
  CONTRAST_SETS.flatMap((set) => set.groups.flat()),
  ['any time', 'straight away', 'only', 'once', 'within', 'day'].map(phraseTokens),
];

/** The walk the positions replace: every phrase tried at every token. */
function walkedPhrases(tokens: readonly Token[], phrases: readonly (readonly string[])[]): number[] {
  const found: number[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    if (phrases.some((phrase) => walkedMatchAt(tokens, index, phrase))) found.push(index);
  }
  return found;
}

function walkedMatchAt(tokens: readonly Token[], index: number, phrase: readonly string[]): boolean {
  for (let offset = 0; offset < phrase.length; offset += 1) {
    const token = tokens[index + offset]?.text;
    const word = phrase[offset]!;
    if (token === word) continue;
    if (offset === phrase.length - 1 && (token === `${word}s` || token === `${word}es`)) continue;
    return false;
  }
  return true;
}

// quantities.ts as it read before the anchors were found through the positions: every anchor
// phrase tried at every token. The spelled numbers, units and their readers are the module's own.
function walkedQuantities(tokens: readonly Token[]): Quantity[] {
  const anchorSets = CONTRAST_SETS.filter((set) => set.anchors);
  const found: Quantity[] = [];
  let subject: string | undefined;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token.punctuation && token.text !== ',' && token.text !== '(' && token.text !== ')') subject = undefined;
    for (const set of anchorSets) {
      set.groups.forEach((group, groupIndex) => {
        if (group.some((phrase) => walkedMatchAt(tokens, index, phrase))) subject = `${set.name}:${groupIndex}`;
      });
    }
    const joined = /^(\d+)-([a-z]+)$/.exec(token.text);
    if (joined && unitOf(joined[2])) {
      found.push({ value: joined[1]!, unit: unitOf(joined[2]), subject });
      continue;
    }
    const first = numberOf(token.text);
    if (first === undefined) continue;
    let value = first;
    let next = index + 1;
    const second = numberOf(tokens[next + 1]?.text);
    if (RANGE_WORDS.has(tokens[next]?.text ?? '') && second !== undefined) {
      value = `${first}-${second}`;
      next += 2;
    }
    while (UNIT_ADJECTIVES.has(tokens[next]?.text ?? '')) next += 1;
    found.push({ value, unit: unitOf(tokens[next]?.text), subject });
    index = next - 1;
  }
  return found;
}

describe('reply tokens', () => {
  it('finds every phrase where walking every token finds it, in order and once', () => {
    let hits = 0;
    for (const sentence of corpus) {
      const tokens = tokenize(sentence);
      const found = phraseLists.map((phrases) => findPhrases(tokens, phrases));
      expect(found, sentence).toEqual(phraseLists.map((phrases) => walkedPhrases(tokens, phrases)));
      hits += found.flat().length;
    }
    // The corpus does hold the phrases: an index that found nothing would pass the comparison too.
    expect(hits).toBeGreaterThan(500);
    const tokens = tokenize('Express, express and expresses.');
    expect(findPhrases(tokens, [['express'], ['express']])).toEqual([0, 2, 4]);
    expect(findPhrases(tokens, [[]])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(findPhrases(tokenize('pickup point, pickup points'), [['pickup', 'point'], ['pickup']])).toEqual([0, 3]);
  });

  it('matches a plural only on the last word of a phrase', () => {
    const tokens = tokenize('gift cards, gifts card, boxes');
    expect(matchesAt(tokens, 0, ['gift', 'card'])).toBe(true);
    expect(matchesAt(tokens, 3, ['gift', 'card'])).toBe(false);
    expect(matchesAt(tokens, 6, ['box'])).toBe(true);
    expect(matchesAt(tokens, 6, ['boxe'])).toBe(true);
    expect(matchesAt(tokens, 6, ['bo'])).toBe(false);
    expect(matchesAt(tokens, 7, ['box'])).toBe(false);
  });

  it('gives one frozen token list per text within a ticket, and a new one outside', () => {
    const text = 'Express delivery takes 1 to 2 business days.';
    withTicketMemo(() => {
      const tokens = tokenize(text);
      expect(tokenize(text)).toBe(tokens);
      expect(Object.isFrozen(tokens)).toBe(true);
      expect(() => (tokens as Token[]).push({ text: 'x', punctuation: false })).toThrow(TypeError);
      expect(quantities(tokens)).toBe(quantities(tokens));
      expect(Object.isFrozen(quantities(tokens)[0])).toBe(true);
    });
    expect(tokenize(text)).not.toBe(tokenize(text));
    expect(tokenize(text)).toEqual(tokenize(text));
  });

  it('reads every quantity and its subject as the walk over every anchor phrase reads them', () => {
    let bound = 0;
    for (const sentence of corpus) {
      const tokens = tokenize(sentence);
      // And with a number after every token, so that each token's subject is read by a quantity.
      const probed: Token[] = tokens.flatMap((token) => [token, { text: '7', punctuation: false }, { text: 'x', punctuation: false }]);
      for (const list of [tokens, probed]) {
        expect(quantities(list), sentence).toEqual(walkedQuantities(list));
        bound += quantities(list).filter((quantity) => quantity.subject !== undefined).length;
      }
    }
    expect(bound).toBeGreaterThan(100);
  });
});

describe('content stems kept between tickets', () => {
  it('are the same stems, and the table starts again past its limit', () => {
    const words = ['Orders', 'shipping', 'the', 'Purchases', 'won’t', 'days', 'DAYS', 'e'];
    const first = words.map(contentStem);
    expect(first).toEqual(['order', 'shipp', undefined, 'order', "won't", 'day', 'day', 'email']);
    expect(words.map(contentStem)).toEqual(first);
    for (let index = 0; index < STEM_CACHE_LIMIT + 10; index += 1) contentStem(`w${index.toString(36)}x`);
    expect(stemCacheSize()).toBeLessThanOrEqual(STEM_CACHE_LIMIT);
    expect(words.map(contentStem)).toEqual(first);
  });
});
