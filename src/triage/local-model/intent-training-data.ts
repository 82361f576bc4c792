/**
 * The project's own labelled examples: every `*.jsonl` file of data/training/, one
 * `{"text", "intent"}` a line. Read in file-name order so training sees the same sequence anywhere.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { IntentExample } from './intent-classifier.js';

export const defaultTrainingDirectory = fileURLToPath(new URL('../../../data/training/', import.meta.url));

const exampleSchema = z.object({ text: z.string().trim().min(1), intent: z.string().regex(/^[a-z_]+$/) });

export function parseTrainingExamples(content: string, source: string): IntentExample[] {
  const examples: IntentExample[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new SyntaxError(`${source}:${index + 1}: not JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = exampleSchema.safeParse(json);
    if (!parsed.success) throw new TypeError(`${source}:${index + 1}: ${z.prettifyError(parsed.error)}`);
    examples.push({ text: parsed.data.text, intent: parsed.data.intent });
  });
  return examples;
}

export function readTrainingExamples(directory: string = defaultTrainingDirectory): IntentExample[] {
  const files = readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  if (files.length === 0) throw new Error(`No *.jsonl training files in ${directory}.`);
  return files.flatMap((name) => parseTrainingExamples(readFileSync(join(directory, name), 'utf8'), name));
}
