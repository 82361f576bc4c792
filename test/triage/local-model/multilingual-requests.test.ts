import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TEXT_ESCALATION_TAGS } from '../../../src/triage/escalation-tags.js';
import { evaluateTags } from '../../../src/triage/escalation-evaluation.js';
import { matchWordLists } from '../../../src/triage/escalation-word-lists.js';
import { loadLanguageDetector } from '../../../src/triage/language/detect-language.js';
import { loadDefaultIntentClassifier } from '../../../src/triage/local-model/intent-classifier.js';
import { parseJsonLines } from '../../../src/triage/local-model/parse-jsonl.js';
import { KB_TOPIC_INTENTS, readTrainingExamples } from '../../../src/triage/local-model/intent-training-data.js';
import { classifyRequest } from '../../../src/triage/local-model/request-classification.js';

const LANGUAGES = ['de', 'es', 'fr', 'it', 'nl', 'pl', 'pt'];
const rowSchema = z.object({ text: z.string().min(1), intent: z.string(), lang: z.enum(LANGUAGES), tags: z.array(z.enum(TEXT_ESCALATION_TAGS)) });

function read(path: string) {
  return parseJsonLines(readFileSync(new URL(`../../../data/training/${path}`, import.meta.url), 'utf8'), path, rowSchema);
}

const training = read('requests-multilingual.jsonl');
const heldOut = read('held-out/multilingual-apart.jsonl');
// The multilingual files were written for the contract's intents, before the two KB-topic intents.
const intents = loadDefaultIntentClassifier().intents.filter((intent) => !KB_TOPIC_INTENTS.has(intent));

function countsByLanguageAndIntent(rows: readonly { lang: string; intent: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(`${row.lang} ${row.intent}`, (counts.get(`${row.lang} ${row.intent}`) ?? 0) + 1);
  return counts;
}

describe('multilingual requests: training and the held-out set written apart', () => {
  it('train on at least 8 requests of every intent in each of the seven languages', () => {
    const counts = countsByLanguageAndIntent(training);
    for (const lang of LANGUAGES) for (const intent of intents) expect(counts.get(`${lang} ${intent}`) ?? 0, `${lang} ${intent}`).toBeGreaterThanOrEqual(8);
    const read = new Set(readTrainingExamples().map((example) => example.text));
    expect(training.filter((row) => !read.has(row.text))).toEqual([]);
  });

  it('hold out at least 3 of every intent in each language, none of them a training text, none read by training', () => {
    const counts = countsByLanguageAndIntent(heldOut);
    for (const lang of LANGUAGES) for (const intent of intents) expect(counts.get(`${lang} ${intent}`) ?? 0, `${lang} ${intent}`).toBeGreaterThanOrEqual(3);
    const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
    const trained = new Set(readTrainingExamples().map((example) => key(example.text)));
    expect(heldOut.filter((row) => trained.has(key(row.text)))).toEqual([]);
  });
});

describe('the committed models on the multilingual held-out requests', () => {
  it('find the intent in every language (measured 0.76 overall, 0.70-0.82 by language; 0.19 at first)', () => {
    const classifier = loadDefaultIntentClassifier();
    const right = new Map<string, number>();
    for (const row of heldOut) if (classifyRequest(classifier, row.text).intent === row.intent) right.set(row.lang, (right.get(row.lang) ?? 0) + 1);
    const total = [...right.values()].reduce((sum, count) => sum + count, 0);
    // Measured 0.762 overall, 0.70-0.82 by language since the labelled inbox sets joined training
    // (0.85 / 0.80-0.90 before): their non-English lines are mostly complaints and escalations, and
    // short requests now lean towards `complaint`. On blind inbox mail in other languages the
    // intents improved (blind set 4: 17 -> 22 of 29). docs/classifier.md has both.
    expect(total / heldOut.length).toBeGreaterThanOrEqual(0.74);
    for (const lang of LANGUAGES) expect((right.get(lang) ?? 0) / 90, lang).toBeGreaterThanOrEqual(0.67);
  });

  it('detect each language on most lines, short and unaccented ones included (measured 0.97-1.00)', async () => {
    const detector = await loadLanguageDetector();
    for (const lang of LANGUAGES) {
      const rows = heldOut.filter((row) => row.lang === lang);
      const detected = rows.filter((row) => detector.detect(row.text).code === lang).length;
      expect(detected / rows.length, lang).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('word lists tag them with few false alarms (measured precision 0.98, recall 0.90; 0.67 / 0.26 before)', () => {
    const evaluation = evaluateTags(heldOut, (text) => matchWordLists(text).map((found) => found.tag));
    expect(evaluation.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.overall.recall).toBeGreaterThanOrEqual(0.85);
  });
});
