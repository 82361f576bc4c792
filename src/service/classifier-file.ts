/** Reads a model from a file (a candidate from `npm run train`), refusing clearly. */
import { readFileSync } from 'node:fs';
import { IntentClassifier } from '../triage/local-model/intent-classifier.js';
import { OpenQuestionModel } from '../triage/open-question-model.js';
import { InputError } from './errors.js';

function readModelFile<T>(path: string, kind: string, parse: (json: unknown) => T): T {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read model ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'bad_model');
  }
  try {
    return parse(JSON.parse(content));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`${path} is not ${kind} written by npm run train: ${reason}`, 'bad_model');
  }
}

export function readClassifierFile(path: string): IntentClassifier {
  return readModelFile(path, 'an intent classifier', (json) => IntentClassifier.fromJSON(json));
}

export function readOpenQuestionModelFile(path: string): OpenQuestionModel {
  return readModelFile(path, 'an open-question model', (json) => OpenQuestionModel.fromJSON(json));
}
