/**
 * Which model produced a canary report: the chat model and a fingerprint of the intent classifier,
 * so a retrained classifier behind the same chat model is told apart.
 */
import { createHash } from 'node:crypto';
import type { IntentClassifier } from '../../triage/local-model/intent-classifier.js';
import type { TriageRuntime } from '../triage-runtime.js';

// Serializing a model takes a moment; a model never changes after it is built, so its
// fingerprint is kept for as long as the model itself lives.
const fingerprints = new WeakMap<object, string>();

function modelFingerprint(model: { toJSON(): unknown }): string {
  let fingerprint = fingerprints.get(model);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(JSON.stringify(model.toJSON())).digest('hex').slice(0, 12);
    fingerprints.set(model, fingerprint);
  }
  return fingerprint;
}

export function classifierFingerprint(classifier: IntentClassifier): string {
  return modelFingerprint(classifier);
}

export function modelIdentity(runtime: TriageRuntime): string {
  const { model, classifier, openQuestions } = runtime.deps;
  // Named only when a candidate replaces the committed one, so adopted reports keep their identity.
  const candidate = openQuestions ? ` open-questions:${modelFingerprint(openQuestions)}` : '';
  return `${model.provider}/${model.modelId} classifier:${classifierFingerprint(classifier)}${candidate}`;
}
