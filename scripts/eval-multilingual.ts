/**
 * The local model on requests in German, French, Spanish, Italian, Dutch, Portuguese and Polish
 * written apart from training (data/training/held-out/multilingual-apart.jsonl, never trained on):
 * intent accuracy by language (by its request, as the pipeline reads it), how often the language is
 * detected, and escalation tag precision and recall for the matrix, the word lists and the tag model.
 *
 *   npx tsx scripts/eval-multilingual.ts [--set FILE] [--model intent.json] [--tags-model tags.json] [--errors 20] [--json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { EscalationTagModel, loadDefaultEscalationModel } from '../src/triage/escalation-model.js';
import { evaluateTags, type TagEvaluation } from '../src/triage/escalation-evaluation.js';
import { TEXT_ESCALATION_TAGS } from '../src/triage/escalation-tags.js';
import { detectEscalation, escalationTags } from '../src/triage/escalation.js';
import { matchWordLists } from '../src/triage/escalation-word-lists.js';
import { loadLanguageDetector } from '../src/triage/language/detect-language.js';
import { IntentClassifier, loadDefaultIntentClassifier } from '../src/triage/local-model/intent-classifier.js';
import { parseJsonLines } from '../src/triage/local-model/parse-jsonl.js';
import { defaultTrainingDirectory } from '../src/triage/local-model/intent-training-data.js';
import { classifyRequest } from '../src/triage/local-model/request-classification.js';

const rowSchema = z.object({
  text: z.string().min(1),
  intent: z.string(),
  lang: z.string(),
  tags: z.array(z.enum(TEXT_ESCALATION_TAGS)),
});

try {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: join(defaultTrainingDirectory, 'held-out', 'multilingual-apart.jsonl') },
      model: { type: 'string' },
      'tags-model': { type: 'string' },
      errors: { type: 'string', default: '0' },
      json: { type: 'boolean', default: false },
    },
  });
  const rows = parseJsonLines(readFileSync(values.set!, 'utf8'), values.set!, rowSchema);
  const classifier = values.model
    ? IntentClassifier.fromJSON(JSON.parse(readFileSync(values.model, 'utf8')))
    : loadDefaultIntentClassifier();
  const tagModel = values['tags-model']
    ? EscalationTagModel.fromJSON(JSON.parse(readFileSync(values['tags-model'], 'utf8')))
    : loadDefaultEscalationModel();
  const detector = await loadLanguageDetector();

  const byLanguage = new Map<string, { total: number; intent: number; detected: number }>();
  const predicted = rows.map((row) => classifyRequest(classifier, row.text).intent);
  const misses: string[] = [];
  rows.forEach((row, index) => {
    const counts = byLanguage.get(row.lang) ?? { total: 0, intent: 0, detected: 0 };
    counts.total++;
    if (predicted[index] === row.intent) counts.intent++;
    else misses.push(`${row.lang} ${row.intent} -> ${predicted[index]}: ${row.text}`);
    if (detector.detect(row.text).code === row.lang) counts.detected++;
    byLanguage.set(row.lang, counts);
  });
  const matrix = evaluateTags(rows, (text) =>
    escalationTags(detectEscalation({ text, intent: classifyRequest(classifier, text).intent, customer: null, model: tagModel })),
  );
  const wordLists = evaluateTags(rows, (text) => matchWordLists(text).map((found) => found.tag));
  const modelAlone = evaluateTags(rows, (text) => tagModel.predict(text).map((score) => score.tag));
  const languages = [...byLanguage.entries()].sort(([left], [right]) => left.localeCompare(right));
  const total = languages.reduce((sum, [, counts]) => sum + counts.intent, 0);

  if (values.json) {
    console.log(JSON.stringify({ rows: rows.length, intentAccuracy: total / rows.length, byLanguage: Object.fromEntries(languages), matrix, wordLists, modelAlone }, null, 2));
  } else {
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    console.log(`${rows.length} held-out requests; intent accuracy (by its request) ${percent(total / rows.length)} (${total}/${rows.length})`);
    console.log('  lang  lines  intent           language detected');
    for (const [lang, counts] of languages) {
      console.log(`  ${lang.padEnd(4)} ${String(counts.total).padStart(6)}  ${percent(counts.intent / counts.total).padStart(6)} (${counts.intent})   ${percent(counts.detected / counts.total).padStart(6)}`);
    }
    for (const [name, evaluation] of [['matrix (word lists + model + intent)', matrix], ['word lists alone', wordLists], ['tag model alone', modelAlone]] as const) {
      console.log(`\n${name}: precision ${percent(evaluation.overall.precision)} recall ${percent(evaluation.overall.recall)} exact tag sets ${percent(evaluation.exactMatch)}`);
      console.log(table(evaluation));
    }
    const count = Number(values.errors);
    if (count > 0) {
      console.log(`\nintent misses (first ${count}):\n  ${misses.slice(0, count).join('\n  ')}`);
      console.log(`\nmatrix tag errors (first ${count}):`);
      for (const error of matrix.errors.slice(0, count)) console.log(`  expected [${error.expected}] got [${error.predicted}]: ${error.text}`);
    }
  }
} catch (error) {
  console.error(`eval-multilingual: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}

function table(evaluation: TagEvaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
  return [
    '  tag                support  predicted  precision  recall',
    ...evaluation.perTag.map(
      (score) => `  ${score.tag.padEnd(18)} ${String(score.support).padStart(7)}  ${String(score.predicted).padStart(9)}  ${percent(score.precision)}    ${percent(score.recall)}`,
    ),
  ].join('\n');
}
