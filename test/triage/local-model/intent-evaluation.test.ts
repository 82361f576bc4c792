import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntentClassifier } from '../../../src/triage/local-model/intent-classifier.js';
import { evaluateClassifier, parseCsv, readLabelledCsv } from '../../../src/triage/local-model/intent-evaluation.js';

/** A classifier that knows two intents and `other`, trained on a few clear examples. */
function tinyClassifier(): IntentClassifier {
  const examples = [
    ...['cancel my order', 'cancel order 12', 'please cancel the order', 'i want to cancel my purchase'].map((text) => ({
      text,
      intent: 'cancel_order',
    })),
    ...['where is my order', 'track my order', 'track my package', 'where is my parcel'].map((text) => ({
      text,
      intent: 'track_order',
    })),
    ...['tell me a joke', 'what is the weather', 'sing a song', 'hello robot'].map((text) => ({ text, intent: 'other' })),
  ];
  return IntentClassifier.train(examples, {
    epochs: 40,
    calibrationShare: 0,
    features: { minWordDocumentFrequency: 1, minCharDocumentFrequency: 1 },
  });
}

describe('evaluateClassifier', () => {
  const classifier = tinyClassifier();
  const rows = [
    { text: 'cancel my order now', intent: 'cancel_order' },
    { text: 'track my order please', intent: 'track_order' },
    { text: 'where is my parcel', intent: 'track_order' },
    // Predicted as our own `other`, which the evaluation set does not use: counts as wrong.
    { text: 'tell me a joke', intent: 'cancel_order' },
  ];

  it('counts accuracy, mistakes and predictions outside the set of labels', () => {
    const report = evaluateClassifier(classifier, rows);
    expect(report.total).toBe(4);
    expect(report.correct).toBe(3);
    expect(report.accuracy).toBe(0.75);
    expect(report.predictedOutsideLabels).toBe(1);
    expect(report.confusions).toEqual([{ expected: 'cancel_order', predicted: 'other', count: 1 }]);
  });

  it('gives precision and recall per intent of the set', () => {
    const report = evaluateClassifier(classifier, rows);
    expect(report.perIntent.map((score) => score.intent)).toEqual(['cancel_order', 'track_order']);
    const cancel = report.perIntent[0]!;
    expect(cancel).toMatchObject({ support: 2, precision: 1, recall: 0.5 });
    expect(cancel.f1).toBeCloseTo(2 / 3, 12);
    expect(report.perIntent[1]).toMatchObject({ support: 2, precision: 1, recall: 1, f1: 1 });
  });

  it('bins confidences into a reliability table whose gaps make the calibration error', () => {
    const report = evaluateClassifier(classifier, rows, { bins: 10 });
    const { bins, expectedCalibrationError } = report.calibration;
    expect(bins).toHaveLength(10);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
    const predictions = rows.map((row) => classifier.predict(row.text));
    const expected = bins.reduce((sum, bin) => sum + (bin.count / 4) * Math.abs(bin.accuracy - bin.meanConfidence), 0);
    expect(expectedCalibrationError).toBeCloseTo(expected, 12);
    const meanConfidence = predictions.reduce((sum, prediction) => sum + prediction.confidence, 0) / 4;
    const weightedMean = bins.reduce((sum, bin) => sum + bin.meanConfidence * bin.count, 0) / 4;
    expect(weightedMean).toBeCloseTo(meanConfidence, 12);
    expect(report.msPerPrediction).toBeGreaterThan(0);
  });

  it('handles an empty set', () => {
    const report = evaluateClassifier(classifier, []);
    expect(report).toMatchObject({ total: 0, correct: 0, accuracy: 0, perIntent: [], confusions: [] });
    expect(report.calibration.expectedCalibrationError).toBe(0);
  });
});

describe('CSV', () => {
  it('parses quoted fields with commas, doubled quotes, line breaks and CRLF', () => {
    expect(parseCsv('text,intent\r\n"hi, there",review\r\n"say ""hello""\nplease",complaint\n\n')).toEqual([
      ['text', 'intent'],
      ['hi, there', 'review'],
      ['say "hello"\nplease', 'complaint'],
    ]);
  });

  it('reads the text and intent columns wherever they are', () => {
    const directory = mkdtempSync(join(tmpdir(), 'intent-csv-'));
    const path = join(directory, 'rows.csv');
    writeFileSync(path, 'category,intent,text\nORDER,cancel_order,"cancel it, now"\n');
    expect(readLabelledCsv(path)).toEqual([{ text: 'cancel it, now', intent: 'cancel_order' }]);
    writeFileSync(path, 'category,label\nORDER,cancel_order\n');
    expect(() => readLabelledCsv(path)).toThrow(/needs "text" and "intent"/);
  });
});
