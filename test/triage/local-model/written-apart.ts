/**
 * The check every dev file written before its training half must pass: no dev line is a training
 * text or more than 0.75 token-Jaccard similar to one, and none is more than 0.5 similar to a line of
 * the training half written from the same topic list (a paraphrase would make the dev figure flatter
 * than it is).
 */
import { expect } from 'vitest';
import { findNearDuplicates } from '../../../src/triage/local-model/intent-near-duplicates.js';

interface Texted {
  text: string;
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

export function expectWrittenApart(dev: readonly Texted[], training: readonly Texted[], sameTopics: readonly Texted[]): void {
  const trainingTexts = new Set(training.map((example) => normalise(example.text)));
  expect(dev.filter((example) => trainingTexts.has(normalise(example.text)))).toEqual([]);
  const devTexts = dev.map((example) => example.text);
  const near = findNearDuplicates(devTexts, training.map((example) => example.text), 0.75);
  expect(near.map((found) => `${found.text} ~ ${found.reference}`)).toEqual([]);
  const paraphrased = findNearDuplicates(devTexts, sameTopics.map((example) => example.text), 0.5);
  expect(paraphrased.map((found) => `${found.text} ~ ${found.reference}`)).toEqual([]);
}
