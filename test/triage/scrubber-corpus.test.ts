/**
 * Recall and precision of the scrubber over test/fixtures/scrubber-corpus.jsonl, per kind and
 * overall. A finding counts as correct when it overlaps an expected value of the same kind; an
 * expected value counts as found when such a finding covers it. The numbers are printed and
 * recorded in docs/scrubbing.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectPii, scrubText, type PiiKind } from '../../src/triage/scrubber.js';

interface Sample {
  text: string;
  expect: { kind: PiiKind; value: string }[];
  mustKeep: string[];
}

const samples: Sample[] = readFileSync(new URL('../fixtures/scrubber-corpus.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as Sample);

/** Kinds that must never survive: recall has to be exactly 1. */
const MUST_NEVER_SURVIVE: readonly PiiKind[] = ['card', 'api_key', 'aws_key', 'jwt', 'bearer', 'basic_auth', 'password', 'private_key'];
const RECALL_FLOOR: Partial<Record<PiiKind, number>> = { email: 0.95, phone: 0.9, iban: 0.95 };

interface Tally {
  expected: number;
  found: number;
  detections: number;
  correct: number;
}

function occurrences(text: string, value: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let index = text.indexOf(value); index >= 0; index = text.indexOf(value, index + 1)) spans.push([index, index + value.length]);
  return spans;
}

const overlaps = (left: [number, number], right: [number, number]) => left[0] < right[1] && right[0] < left[1];

function evaluate() {
  const tallies = new Map<PiiKind, Tally>();
  const tally = (kind: PiiKind) => {
    let entry = tallies.get(kind);
    if (!entry) tallies.set(kind, (entry = { expected: 0, found: 0, detections: 0, correct: 0 }));
    return entry;
  };
  const misses: string[] = [];
  const falsePositives: string[] = [];
  for (const sample of samples) {
    const detections = detectPii(sample.text);
    const expectedSpans = sample.expect.map((item) => ({ ...item, spans: occurrences(sample.text, item.value) }));
    for (const item of expectedSpans) {
      const entry = tally(item.kind);
      entry.expected += 1;
      const hit = detections.some(
        (detection) => detection.kind === item.kind && item.spans.some((span) => overlaps(span, [detection.start, detection.end])),
      );
      if (hit) entry.found += 1;
      else misses.push(`${item.kind}: ${item.value}  in  ${sample.text}`);
    }
    for (const detection of detections) {
      const entry = tally(detection.kind);
      entry.detections += 1;
      const right = expectedSpans.some(
        (item) => item.kind === detection.kind && item.spans.some((span) => overlaps(span, [detection.start, detection.end])),
      );
      if (right) entry.correct += 1;
      else falsePositives.push(`${detection.kind}: ${detection.value}  in  ${sample.text}`);
    }
  }
  return { tallies, misses, falsePositives };
}

const ratio = (numerator: number, denominator: number) => (denominator === 0 ? 1 : numerator / denominator);

describe('scrubber corpus', () => {
  const { tallies, misses, falsePositives } = evaluate();

  it('has at least 120 samples, 40 of them true negatives', () => {
    expect(samples.length).toBeGreaterThanOrEqual(120);
    expect(samples.filter((sample) => sample.expect.length === 0).length).toBeGreaterThanOrEqual(40);
  });

  it('meets the recall and precision floors (printed per kind and overall)', () => {
    const rows = [...tallies.entries()].sort(([left], [right]) => left.localeCompare(right));
    const total = rows.reduce(
      (sum, [, entry]) => ({
        expected: sum.expected + entry.expected,
        found: sum.found + entry.found,
        detections: sum.detections + entry.detections,
        correct: sum.correct + entry.correct,
      }),
      { expected: 0, found: 0, detections: 0, correct: 0 },
    );
    const lines = rows.map(
      ([kind, entry]) =>
        `${kind.padEnd(12)} expected ${String(entry.expected).padStart(3)}  recall ${ratio(entry.found, entry.expected).toFixed(3)}  ` +
        `detections ${String(entry.detections).padStart(3)}  precision ${ratio(entry.correct, entry.detections).toFixed(3)}`,
    );
    lines.push(
      `${'overall'.padEnd(12)} expected ${String(total.expected).padStart(3)}  recall ${ratio(total.found, total.expected).toFixed(3)}  ` +
        `detections ${String(total.detections).padStart(3)}  precision ${ratio(total.correct, total.detections).toFixed(3)}`,
    );
    console.log(`scrubber corpus: ${samples.length} samples\n${lines.join('\n')}`);
    if (misses.length > 0) console.log(`missed:\n${misses.join('\n')}`);
    if (falsePositives.length > 0) console.log(`false positives:\n${falsePositives.join('\n')}`);

    for (const kind of MUST_NEVER_SURVIVE) {
      const entry = tallies.get(kind);
      if (entry) expect({ kind, recall: ratio(entry.found, entry.expected) }).toEqual({ kind, recall: 1 });
    }
    for (const [kind, floor] of Object.entries(RECALL_FLOOR)) {
      const entry = tallies.get(kind as PiiKind);
      expect(entry, kind).toBeDefined();
      expect(ratio(entry!.found, entry!.expected), kind).toBeGreaterThanOrEqual(floor);
    }
    for (const [kind, entry] of rows) expect(ratio(entry.correct, entry.detections), kind).toBeGreaterThanOrEqual(0.9);
    expect(ratio(total.found, total.expected)).toBeGreaterThanOrEqual(0.97);
    expect(ratio(total.correct, total.detections)).toBeGreaterThanOrEqual(0.97);
  });

  it('leaves no expected value of a must-never-survive kind in the scrubbed text, and keeps what must stay', () => {
    for (const sample of samples) {
      const scrubbed = scrubText(sample.text).text;
      for (const item of sample.expect) {
        if (MUST_NEVER_SURVIVE.includes(item.kind) || item.kind === 'iban' || item.kind === 'email') {
          expect(scrubbed, sample.text).not.toContain(item.value);
        }
      }
      for (const kept of sample.mustKeep) expect(scrubbed, sample.text).toContain(kept);
    }
  });

  it('changes nothing when scrubbing scrubbed text', () => {
    for (const sample of samples) {
      const once = scrubText(sample.text);
      const twice = scrubText(once.text);
      expect(twice.text, sample.text).toBe(once.text);
      expect(twice.findings, sample.text).toEqual([]);
    }
  });

  // About 4,500 customer messages full of order numbers, amounts and talk about passwords and
  // PINs, and not one real secret or contact detail: a precision check on text the scrubber was
  // not written for.
  const bitext = new URL('../../../shared/data/bitext-support-intents.csv', import.meta.url);
  it.runIf(existsSync(bitext))('finds nothing in the Bitext customer messages', () => {
    const text = readFileSync(bitext, 'utf8');
    const findings = detectPii(text);
    console.log(`Bitext: ${text.split('\n').length} lines, ${findings.length} findings`);
    expect(findings.map((finding) => `${finding.kind}: ${finding.value}`)).toEqual([]);
  });
});
