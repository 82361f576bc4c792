import { describe, expect, it } from 'vitest';
import { entityKeys } from '../../../src/triage/grounding/reply-entities.js';
import { assessSentences } from '../../../src/triage/grounding/sentence-support.js';

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

describe('entity keys with entities kept between tickets', () => {
  it('are the keys read anew, the first time and the times after', () => {
    const texts = sources.map((source) => source.text);
    const fresh = entityKeys(texts);
    expect(entityKeys(texts, new Set(texts))).toEqual(fresh);
    expect(entityKeys(texts, new Set(texts))).toEqual(fresh);
  });
});
