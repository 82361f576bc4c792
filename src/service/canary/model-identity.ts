/**
 * Which model produced a canary report: the chat model and a fingerprint of the intent classifier,
 * so a retrained classifier behind the same chat model is told apart.
 */
import { createHash } from 'node:crypto';
import type { IntentClassifier } from '../../triage/local-model/intent-classifier.js';
import type { TriageRuntime } from '../triage-runtime.js';

// Serializing a classifier takes a moment; a classifier never changes after it is built, so its
// fingerprint is kept for as long as the classifier itself lives.
const fingerprints = new WeakMap<IntentClassifier, string>();

export function classifierFingerprint(classifier: IntentClassifier): string {
  let fingerprint = fingerprints.get(classifier);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(JSON.stringify(classifier.toJSON())).digest('hex').slice(0, 12);
    fingerprints.set(classifier, fingerprint);
  }
  return fingerprint;
}

export function modelIdentity(runtime: TriageRuntime): string {
  const { model, classifier, openQuestions } = runtime.deps;
  // Named only when a candidate replaces the committed one, so adopted reports keep their identity.
  const candidate = openQuestions ? ` open-questions:${createHash('sha256').update(JSON.stringify(openQuestions.toJSON())).digest('hex').slice(0, 12)}` : '';
  return `${model.provider}/${model.modelId} classifier:${classifierFingerprint(classifier)}${candidate}`;
}
