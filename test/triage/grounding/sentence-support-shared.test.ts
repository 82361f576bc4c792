import { describe, expect, it } from 'vitest';
import { entityKeys } from '../../../src/triage/grounding/reply-entities.js';
import {
  REPLY_SENTENCE_READINGS_LIMIT,
  SHARED_SCORES_LIMIT,
  assessSentences,
  classifySentence,
  replySentenceReadingsSize,
  sharedScoreCacheSize,
  splitSentences,
} from '../../../src/triage/grounding/sentence-support.js';

const sources = [
  { id: 'kb:reset#1', text: 'We will email you a reset link that works for 60 minutes.' },
  { id: 'kb:reset#2', text: 'You cannot reuse an old password; choose a new one of at least 10 characters.' },
  { id: 'order:A1001#1', text: 'Your order A1001 is currently shipped with DHL, tracking number 12345678.' },
];
const reply =
  'Hi Ada,\n\nWe will email you a reset link that works for 60 minutes. You can reuse an old password. ' +
  'Your order A1001 is currently shipped with DHL, and it also changes orders you already placed.\n\nBest regards';

describe('sentence support with readings kept between tickets', () => {
  it('scores exactly as when every window is read anew, the first time and the times after', () => {
    const fresh = assessSentences(reply, sources);
    const shared = new Set(sources.slice(0, 2).map((source) => source.text));
    expect(assessSentences(reply, sources, shared)).toEqual(fresh);
    expect(assessSentences(reply, sources, shared)).toEqual(fresh);
    // The same text under another id, next to another sentence: the kept reading is the text's alone.
    const moved = [sources[2]!, { ...sources[0]!, id: 'kb:other#1' }];
    expect(assessSentences(reply, moved, shared)).toEqual(assessSentences(reply, moved));
  });
});

describe('scores in shared windows kept between tickets', () => {
  it('keeps one score per (sentence, shared window) pair and none for the run\'s own windows', () => {
    const stamp = Date.now();
    const own = [{ id: `order:B${stamp}#1`, text: `Your order B${stamp} is currently delivered.` }];
    const run = [...sources.slice(0, 2), ...own];
    const shared = new Set(sources.slice(0, 2).map((source) => source.text));
    const text = `Hi Ada,\n\nWe will email you a reset link that works for ${stamp} minutes.`;
    const before = sharedScoreCacheSize();
    const first = assessSentences(text, run, shared);
    // One claim against the shared windows: two sentences, the clauses of the second, and the pair.
    expect(sharedScoreCacheSize() - before).toBe(5);
    expect(assessSentences(text, run, shared)).toEqual(first);
    expect(sharedScoreCacheSize() - before).toBe(5);
    expect(first).toEqual(assessSentences(text, run));
  });

  it('starts again past its limit and still scores as read anew', () => {
    const shared = new Set(sources.map((source) => source.text));
    for (let index = 0; sharedScoreCacheSize() < SHARED_SCORES_LIMIT - 10; index += 1) {
      assessSentences(`Reset link number ${index} works for an hour.`, sources, shared);
    }
    for (let index = 0; index < 10; index += 1) assessSentences(`Another reset link ${index} works.`, sources, shared);
    expect(sharedScoreCacheSize()).toBeLessThanOrEqual(SHARED_SCORES_LIMIT);
    expect(assessSentences(reply, sources, shared)).toEqual(assessSentences(reply, sources));
  });
});

describe('entity keys with entities kept between tickets', () => {
  it('are the keys read anew, the first time and the times after', () => {
    const texts = sources.map((source) => source.text);
    const fresh = entityKeys(texts);
    expect(entityKeys(texts, new Set(texts))).toEqual(fresh);
    expect(entityKeys(texts, new Set(texts))).toEqual(fresh);
  });
});

describe('reply sentences read once between tickets', () => {
  it('keeps each reply sentence\'s kind and clauses, and each scored text\'s words and grams, once', () => {
    const stamp = Date.now();
    const text = `Hi Ada,\n\nWe will email you a reset link that works for ${stamp} minutes, and you can reuse an old password.\n\nBest regards`;
    const before = replySentenceReadingsSize();
    const first = assessSentences(text, sources);
    const after = replySentenceReadingsSize();
    // The new claim is read (its greeting and sign-off were met in the tests above), and scored as a text.
    expect(after.sentences - before.sentences).toBe(1);
    expect(after.texts - before.texts).toBeGreaterThanOrEqual(1);
    expect(assessSentences(text, sources)).toEqual(first);
    expect(replySentenceReadingsSize()).toEqual(after);
    expect(first.map((sentence) => sentence.kind)).toEqual(splitSentences(text).map((sentence) => classifySentence(sentence)));
  });

  it('start again past their limit and still give the same support', () => {
    const expected = assessSentences(reply, sources);
    for (let index = 0; replySentenceReadingsSize().sentences < REPLY_SENTENCE_READINGS_LIMIT; index += 1) {
      assessSentences(`A reset link ${index} works for an hour.`, sources);
    }
    expect(assessSentences(reply, sources)).toEqual(expected);
    expect(replySentenceReadingsSize().sentences).toBeLessThanOrEqual(REPLY_SENTENCE_READINGS_LIMIT);
  });
});
