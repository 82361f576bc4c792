import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTrainingExamples, readTrainingExamples } from '../../../src/triage/local-model/intent-training-data.js';

describe('training examples', () => {
  it('cover every intent with many phrasings', () => {
    const examples = readTrainingExamples();
    const counts = new Map<string, number>();
    for (const example of examples) counts.set(example.intent, (counts.get(example.intent) ?? 0) + 1);
    expect(counts.size).toBe(30);
    for (const [intent, count] of counts) expect(count, intent).toBeGreaterThanOrEqual(80);
  });

  it('read every *.jsonl file of a directory, in file-name order, and skip blank lines', () => {
    const directory = mkdtempSync(join(tmpdir(), 'intent-training-'));
    writeFileSync(join(directory, 'b.jsonl'), '{"text": "second", "intent": "review"}\n\n');
    writeFileSync(join(directory, 'a.jsonl'), '{"text": "first", "intent": "complaint"}\n');
    writeFileSync(join(directory, 'notes.txt'), 'not training data');
    expect(readTrainingExamples(directory)).toEqual([
      { text: 'first', intent: 'complaint' },
      { text: 'second', intent: 'review' },
    ]);
  });

  it('name the file and line of a bad example', () => {
    expect(() => parseTrainingExamples('{"text": "ok", "intent": "review"}\n{"text": "x"', 'bad.jsonl')).toThrow(
      /bad\.jsonl:2: not JSON/,
    );
    expect(() => parseTrainingExamples('{"text": "", "intent": "review"}', 'empty.jsonl')).toThrow(/empty\.jsonl:1/);
    expect(() => parseTrainingExamples('{"text": "hi", "intent": "Not An Intent"}', 'label.jsonl')).toThrow(/label\.jsonl:1/);
  });

  it('fail loudly on a directory without training files', () => {
    expect(() => readTrainingExamples(mkdtempSync(join(tmpdir(), 'intent-empty-')))).toThrow(/No \*\.jsonl/);
  });
});

describe('the templated examples', () => {
  it('are exactly what the seeded generator writes (regenerate with scripts/generate-training-data.ts)', () => {
    const directory = mkdtempSync(join(tmpdir(), 'intent-generated-'));
    const output = join(directory, 'generated.jsonl');
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-training-data.ts', '--output', output], { cwd: root });
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(join(root, 'data/training/intents-generated.jsonl'), 'utf8'));
  }, 60_000);
});
