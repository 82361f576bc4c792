/**
 * Accuracy, per-intent precision and recall, confusions and calibration of an intent classifier
 * on labelled rows. Shared by scripts/eval-classifier.ts, the tests and the benchmarks.
 */
import { readFileSync } from 'node:fs';
import type { IntentExample, IntentPrediction } from './intent-classifier.js';

export interface IntentScore {
  intent: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ReliabilityBin {
  lower: number;
  upper: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

export interface ClassifierEvaluation {
  total: number;
  correct: number;
  accuracy: number;
  /** Rows predicted as an intent the evaluation set does not use (e.g. our `other`): all wrong. */
  predictedOutsideLabels: number;
  perIntent: IntentScore[];
  /** Most frequent mistakes first. */
  confusions: { expected: string; predicted: string; count: number }[];
  calibration: { expectedCalibrationError: number; bins: ReliabilityBin[] };
  msPerPrediction: number;
}

export function evaluateClassifier(
  classifier: { predict(text: string): IntentPrediction },
  rows: readonly IntentExample[],
  options: { bins?: number } = {},
): ClassifierEvaluation {
  const binCount = options.bins ?? 10;
  const labels = [...new Set(rows.map((row) => row.intent))].sort();
  const labelSet = new Set(labels);
  const started = performance.now();
  const predictions = rows.map((row) => classifier.predict(row.text));
  const elapsed = performance.now() - started;

  const truePositives = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const support = new Map<string, number>();
  const confusionCounts = new Map<string, number>();
  const bins = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  let correct = 0;
  let predictedOutsideLabels = 0;

  rows.forEach((row, index) => {
    const prediction = predictions[index]!;
    const isCorrect = prediction.intent === row.intent;
    support.set(row.intent, (support.get(row.intent) ?? 0) + 1);
    predictedCount.set(prediction.intent, (predictedCount.get(prediction.intent) ?? 0) + 1);
    if (!labelSet.has(prediction.intent)) predictedOutsideLabels++;
    if (isCorrect) {
      correct++;
      truePositives.set(row.intent, (truePositives.get(row.intent) ?? 0) + 1);
    } else {
      const key = `${row.intent}\u0000${prediction.intent}`;
      confusionCounts.set(key, (confusionCounts.get(key) ?? 0) + 1);
    }
    const bin = bins[Math.min(binCount - 1, Math.floor(prediction.confidence * binCount))]!;
    bin.count++;
    bin.confidence += prediction.confidence;
    bin.correct += isCorrect ? 1 : 0;
  });

  const perIntent = labels.map((intent) => {
    const hits = truePositives.get(intent) ?? 0;
    const precision = safeDivide(hits, predictedCount.get(intent) ?? 0);
    const recall = safeDivide(hits, support.get(intent) ?? 0);
    return {
      intent,
      support: support.get(intent) ?? 0,
      precision,
      recall,
      f1: safeDivide(2 * precision * recall, precision + recall),
    };
  });
  const confusions = [...confusionCounts.entries()]
    .map(([key, count]) => {
      const [expected, predicted] = key.split('\u0000') as [string, string];
      return { expected, predicted, count };
    })
    .sort((left, right) => right.count - left.count || left.expected.localeCompare(right.expected));
  const reliability = bins.map((bin, index) => ({
    lower: index / binCount,
    upper: (index + 1) / binCount,
    count: bin.count,
    meanConfidence: safeDivide(bin.confidence, bin.count),
    accuracy: safeDivide(bin.correct, bin.count),
  }));
  const expectedCalibrationError = reliability.reduce(
    (sum, bin) => sum + (bin.count / Math.max(1, rows.length)) * Math.abs(bin.accuracy - bin.meanConfidence),
    0,
  );
  return {
    total: rows.length,
    correct,
    accuracy: safeDivide(correct, rows.length),
    predictedOutsideLabels,
    perIntent,
    confusions,
    calibration: { expectedCalibrationError, bins: reliability },
    msPerPrediction: safeDivide(elapsed, rows.length),
  };
}

function safeDivide(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const char = content[i]!;
    if (quoted) {
      if (char === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && content[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** Rows of a CSV file with `text` and `intent` columns (other columns are ignored). */
export function readLabelledCsv(path: string): IntentExample[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const textColumn = header?.indexOf('text') ?? -1;
  const intentColumn = header?.indexOf('intent') ?? -1;
  if (textColumn < 0 || intentColumn < 0) throw new TypeError(`${path}: needs "text" and "intent" columns.`);
  return rows.map((cells, index) => {
    const text = cells[textColumn];
    const intent = cells[intentColumn];
    if (!text || !intent) throw new TypeError(`${path}:${index + 2}: a row without text or intent.`);
    return { text, intent };
  });
}
