/**
 * Tag-only examples for the escalation tag model: sentences and short mails written for the tags
 * (data/training/escalation/*.jsonl, one `{"text", "tags"}` a line) and the dev set written apart
 * from them (data/training/held-out/escalation-apart.jsonl, escalation-voices.jsonl). They carry no intent, so they live in
 * a folder the intent reader does not descend into: the intent classifier never sees them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TEXT_ESCALATION_TAGS } from './escalation-tags.js';
import type { TaggedText } from './escalation-model.js';
import { readTrainingExamples } from './local-model/intent-training-data.js';
import { parseJsonLines } from './local-model/parse-jsonl.js';

export const defaultEscalationTrainingDirectory = fileURLToPath(new URL('../../data/training/escalation/', import.meta.url));
export const defaultEscalationDevPath = fileURLToPath(new URL('../../data/training/held-out/escalation-apart.jsonl', import.meta.url));
/** The second dev set: half English, half the seven other languages, written before any change it measures. */
export const escalationVoicesPath = fileURLToPath(new URL('../../data/training/held-out/escalation-voices.jsonl', import.meta.url));
/** Account events, undone charges and sarcasm told in words nobody listed: written before the situation sentences. */
export const defaultEscalationSituationsDevPath = fileURLToPath(
  new URL('../../data/training/held-out/escalation-situations-apart.jsonl', import.meta.url),
);

const taggedSchema = z.object({
  text: z.string().trim().min(1),
  tags: z.array(z.enum(TEXT_ESCALATION_TAGS)),
});

export function parseTaggedTexts(content: string, source: string): TaggedText[] {
  return parseJsonLines(content, source, taggedSchema).map(({ text, tags }) => ({ text, tags: [...new Set(tags)].sort() }));
}

export function readTaggedTexts(path: string): TaggedText[] {
  return parseTaggedTexts(readFileSync(path, 'utf8'), path);
}

/** Every `*.jsonl` of the folder, in file-name order (training sees the same sequence anywhere). */
export function readEscalationTrainingTexts(directory: string = defaultEscalationTrainingDirectory): TaggedText[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readTaggedTexts(join(directory, name)));
}

/** What the tag model learns from: the tag-labelled inbox mail of data/training/, then the tag sentences. */
export function readTagModelExamples(trainingDirectory?: string): { corpus: TaggedText[]; sentences: TaggedText[] } {
  const corpus = readTrainingExamples(trainingDirectory).flatMap((example) => (example.tags ? [{ text: example.text, tags: example.tags }] : []));
  return { corpus, sentences: readEscalationTrainingTexts(trainingDirectory ? join(trainingDirectory, 'escalation') : undefined) };
}
