/**
 * What scripts/train-classifier.ts fits the escalation tag model from (training-fingerprint.ts):
 * the mail always trained on and the tag sentences held back fold by fold to fit the thresholds,
 * their words and cues, and a canary run of both fits on a fixed sample.
 */
import { EscalationTagModel, defaultEscalationTrainOptions, tagFeatures, type TaggedText } from './escalation-model.js';
import { fitTagThresholds } from './escalation-thresholds.js';
import { TrainingFingerprint, canarySample } from './local-model/training-fingerprint.js';

export function tagTrainingFingerprint(alwaysTrained: readonly TaggedText[], heldBackInFolds: readonly TaggedText[]): string {
  const print = new TrainingFingerprint('escalation-tags').json(defaultEscalationTrainOptions);
  const tagged = [...alwaysTrained, ...heldBackInFolds];
  print.json(alwaysTrained.length);
  for (const example of tagged) print.json([example.text, example.tags]);
  const { vocabulary, vectors } = tagFeatures(tagged, defaultEscalationTrainOptions.cueScale);
  print.json(vocabulary.toJSON());
  for (const vector of vectors) print.vector(vector);
  const mail = canarySample(alwaysTrained);
  const sentences = canarySample(heldBackInFolds);
  const fit = fitTagThresholds(mail, sentences);
  print.json(fit);
  return print.json(EscalationTagModel.train([...mail, ...sentences], { thresholds: fit.thresholds }).toJSON()).digest();
}
