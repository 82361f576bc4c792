/**
 * Evaluates the committed intent classifier on a labelled CSV (default: the Bitext sample that
 * nobody on this project wrote and that the model never trains on).
 *
 *   npx tsx scripts/eval-classifier.ts [--csv ../shared/data/bitext-support-intents.csv] [--model FILE] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IntentClassifier, loadDefaultIntentClassifier } from '../src/triage/local-model/intent-classifier.js';
import { evaluateClassifier, readLabelledCsv, type ClassifierEvaluation } from '../src/triage/local-model/intent-evaluation.js';

try {
  const { values } = parseArgs({
    options: {
      csv: { type: 'string', default: '../shared/data/bitext-support-intents.csv' },
      model: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (!existsSync(values.csv!)) throw new Error(`no such CSV file: ${values.csv}`);
  const classifier = values.model
    ? IntentClassifier.fromJSON(JSON.parse(readFileSync(values.model, 'utf8')))
    : loadDefaultIntentClassifier();
  const rows = readLabelledCsv(values.csv!);
  // A warm-up pass so the timing measures prediction, not the JIT compiling it.
  for (const row of rows.slice(0, 200)) classifier.predict(row.text);
  const report = evaluateClassifier(classifier, rows);
  console.log(values.json ? JSON.stringify(report, null, 2) : format(report));
} catch (error) {
  console.error(`eval-classifier: ${(error as Error).message.split('\n')[0]}`);
  process.exit(2);
}

function format(evaluation: ClassifierEvaluation): string {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `rows ${evaluation.total}  accuracy ${percent(evaluation.accuracy)} (${evaluation.correct}/${evaluation.total})` +
      `  predicted outside the set's labels ${evaluation.predictedOutsideLabels}`,
    `expected calibration error ${evaluation.calibration.expectedCalibrationError.toFixed(4)}` +
      `  ms per prediction ${evaluation.msPerPrediction.toFixed(4)}`,
    '',
    'intent                        support  precision  recall   f1',
    ...evaluation.perIntent.map(
      (score) =>
        `${score.intent.padEnd(30)}${String(score.support).padStart(7)}  ${percent(score.precision).padStart(9)}` +
        `  ${percent(score.recall).padStart(6)}  ${percent(score.f1).padStart(6)}`,
    ),
    '',
    'most frequent confusions (expected -> predicted: count)',
    ...evaluation.confusions.slice(0, 20).map((pair) => `  ${pair.expected} -> ${pair.predicted}: ${pair.count}`),
    '',
    'reliability (confidence bin: rows, mean confidence, accuracy)',
    ...evaluation.calibration.bins.map(
      (bin) =>
        `  ${bin.lower.toFixed(1)}-${bin.upper.toFixed(1)}: ${String(bin.count).padStart(5)}  ` +
        `${bin.meanConfidence.toFixed(3)}  ${bin.accuracy.toFixed(3)}`,
    ),
  ];
  return lines.join('\n');
}
