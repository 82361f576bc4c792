/**
 * Escalation tags on the dev set written apart from the tag training data
 * (data/training/held-out/escalation-apart.jsonl: short mails, 25+ positives per tag and 100+
 * close negatives): precision and recall of the matrix and of each of its readers alone.
 * Each text is read as the pipeline reads a ticket: the customer's newest message, with quoted
 * history and forwarded headers set aside. A set whose lines carry `lang`
 * (held-out/escalation-voices.jsonl) is also reported for English and for the other languages.
 *
 *   npx tsx scripts/eval-escalation-apart.ts [--set FILE] [--errors 30] [--json]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadDefaultEscalationModel } from '../src/triage/escalation-model.js';
import { evaluateTags, type TagEvaluation } from '../src/triage/escalation-evaluation.js';
import { defaultEscalationDevPath, readTaggedTexts } from '../src/triage/escalation-training-data.js';
import { detectEscalation, escalationTags } from '../src/triage/escalation.js';
import { matchWordLists } from '../src/triage/escalation-word-lists.js';
import { loadDefaultIntentClassifier } from '../src/triage/local-model/intent-classifier.js';
import { classifyRequest } from '../src/triage/local-model/request-classification.js';
import { readMail } from '../src/triage/mail/read-mail.js';
import type { TaggedText } from '../src/triage/escalation-model.js';

try {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: defaultEscalationDevPath },
      errors: { type: 'string', default: '30' },
      json: { type: 'boolean', default: false },
    },
  });
  const rows = readTaggedTexts(values.set!).map((row) => ({ ...row, text: readMail(row.text).newest }));
  // `lang` is not part of a tagged text; read beside it, line by line (blank lines are skipped by both).
  const languages = readFileSync(values.set!, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { lang?: string }).lang);
  const classifier = loadDefaultIntentClassifier();
  const model = loadDefaultEscalationModel();
  const matrix = (text: string) => {
    // As the pipeline reads a mail: the intent by its request, with that confidence.
    const intent = classifyRequest(classifier, text);
    return escalationTags(detectEscalation({ text, intent: intent.intent, intentConfidence: intent.confidence, customer: null }));
  };
  const split = (keep: (lang: string) => boolean): TaggedText[] => rows.filter((_, index) => languages[index] !== undefined && keep(languages[index]!));
  const readers: [string, TagEvaluation][] = [
    ['matrix (word lists + model + intent)', evaluateTags(rows, matrix)],
    ['word lists alone', evaluateTags(rows, (text) => matchWordLists(text).map((found) => found.tag))],
    ['tag model alone', evaluateTags(rows, (text) => model.predict(text).map((score) => score.tag))],
  ];
  if (languages.some((lang) => lang !== undefined)) {
    for (const [name, keep] of [['English', (lang: string) => lang === 'en'], ['other languages', (lang: string) => lang !== 'en']] as const) {
      readers.push([`matrix, ${name}`, evaluateTags(split(keep), matrix)]);
      readers.push([`tag model alone, ${name}`, evaluateTags(split(keep), (text) => model.predict(text).map((score) => score.tag))]);
    }
  }
  if (values.json) {
    console.log(JSON.stringify({ rows: rows.length, readers: Object.fromEntries(readers) }, null, 2));
  } else {
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`.padStart(7);
    console.log(`${rows.length} mails, ${rows.filter((row) => row.tags.length === 0).length} with no tag`);
    for (const [name, evaluation] of readers) {
      const macro = (key: 'precision' | 'recall') => evaluation.perTag.reduce((sum, score) => sum + score[key], 0) / evaluation.perTag.length;
      console.log(`\n${name}: precision ${percent(evaluation.overall.precision)} recall ${percent(evaluation.overall.recall)} (macro ${percent(macro('precision'))} /${percent(macro('recall'))}) exact tag sets ${percent(evaluation.exactMatch)}`);
      console.log('  tag                support  precision  recall');
      for (const score of evaluation.perTag) {
        console.log(`  ${score.tag.padEnd(18)} ${String(score.support).padStart(7)}  ${percent(score.precision)}    ${percent(score.recall)}`);
      }
    }
    const [, matrixEvaluation] = readers[0]!;
    console.log(`\nmatrix errors (first ${values.errors} of ${matrixEvaluation.errors.length}):`);
    for (const error of matrixEvaluation.errors.slice(0, Number(values.errors))) {
      console.log(`  expected [${error.expected}] got [${error.predicted}]: ${JSON.stringify(error.text.slice(0, 140))}`);
    }
  }
} catch (error) {
  console.error(`eval-escalation-apart: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}
