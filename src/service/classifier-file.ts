/** Reads an intent classifier from a file (a candidate from `npm run train`), refusing clearly. */
import { readFileSync } from 'node:fs';
import { IntentClassifier } from '../triage/local-model/intent-classifier.js';
import { InputError } from './errors.js';

export function readClassifierFile(path: string): IntentClassifier {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read model ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 'bad_model');
  }
  try {
    return IntentClassifier.fromJSON(JSON.parse(content));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(`${path} is not an intent classifier written by npm run train: ${reason}`, 'bad_model');
  }
}
