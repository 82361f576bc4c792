/**
 * Recall and precision of the scrubber over test/fixtures/secrets-corpus.jsonl (written by
 * scripts/generate-secrets-corpus.ts). Recall: a secret counts as caught when its raw text is
 * nowhere in the scrubbed ticket. Precision: a detection is right when it overlaps a secret; any
 * detection in a negative line is wrong, and a negative must come back unchanged.
 */
import { readFileSync } from 'node:fs';
import { detectPii, scrubText } from '../../src/triage/scrubber.js';

export interface CorpusLine {
  format: string;
  text: string;
  secrets: string[];
}

export function loadSecretsCorpus(): CorpusLine[] {
  return readFileSync(new URL('../fixtures/secrets-corpus.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as CorpusLine);
}

export interface CorpusEvaluation {
  secrets: number;
  caught: number;
  detections: number;
  correctDetections: number;
  negatives: number;
  changedNegatives: number;
  formats: number;
  misses: string[];
  falsePositives: string[];
}

export function evaluateSecretsCorpus(lines: readonly CorpusLine[]): CorpusEvaluation {
  const result: CorpusEvaluation = { secrets: 0, caught: 0, detections: 0, correctDetections: 0, negatives: 0, changedNegatives: 0, formats: 0, misses: [], falsePositives: [] };
  result.formats = new Set(lines.filter((line) => line.secrets.length > 0).map((line) => line.format)).size;
  for (const line of lines) {
    const scrubbed = scrubText(line.text).text;
    for (const secret of line.secrets) {
      result.secrets += 1;
      if (scrubbed.includes(secret)) result.misses.push(`${line.format}: ${secret} in ${JSON.stringify(scrubbed)}`);
      else result.caught += 1;
    }
    const spans = line.secrets.flatMap((secret) => {
      const found: [number, number][] = [];
      for (let index = line.text.indexOf(secret); index >= 0; index = line.text.indexOf(secret, index + 1)) found.push([index, index + secret.length]);
      return found;
    });
    for (const detection of detectPii(line.text)) {
      result.detections += 1;
      if (spans.some(([start, end]) => detection.start < end && start < detection.end)) result.correctDetections += 1;
      else result.falsePositives.push(`${line.format}: ${detection.kind} ${JSON.stringify(detection.value)} in ${JSON.stringify(line.text)}`);
    }
    if (line.secrets.length === 0) {
      result.negatives += 1;
      if (scrubbed !== line.text) result.changedNegatives += 1;
    }
  }
  return result;
}
