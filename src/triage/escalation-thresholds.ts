/**
 * Per-tag thresholds of the escalation tag model, fitted on sentences held back from training.
 * Only the hand-written tag sentences (data/training/escalation/) are held back, fold by fold: the
 * composed inbox mail repeats its parts across mails, so a held-back mail would share sentences
 * with the training part and flatter the model (what made earlier fits choose too-low values).
 */
import { EscalationTagModel, type EscalationTrainOptions, type TaggedText } from './escalation-model.js';
import { TEXT_ESCALATION_TAGS, type EscalationModelTag } from './escalation-tags.js';

export interface ThresholdFit {
  thresholds: Partial<Record<EscalationModelTag, number>>;
  /** Per tag on the held-back sentences at the chosen threshold. */
  heldBack: Partial<Record<EscalationModelTag, { support: number; precision: number; recall: number }>>;
}

export interface ThresholdFitOptions {
  folds: number;
  /**
   * The lowest and highest threshold considered: a fit on a few dozen positives must not run to an
   * extreme. The floor is 0.4, not lower: the fit sees one sentence per example, while a mail is
   * read sentence by sentence and every sentence is one more chance of a false alarm. (Chosen by
   * comparing floors 0.25 and 0.4 on both dev splits: 0.4 gained precision on both for little recall.)
   */
  range: [number, number];
  train: Partial<EscalationTrainOptions>;
}

const defaults: ThresholdFitOptions = { folds: 5, range: [0.4, 0.75], train: {} };

export function fitTagThresholds(
  alwaysTrained: readonly TaggedText[],
  heldBackInFolds: readonly TaggedText[],
  options: Partial<ThresholdFitOptions> = {},
): ThresholdFit {
  const settings = { ...defaults, ...options };
  const scored: { tags: readonly EscalationModelTag[]; probabilities: Map<EscalationModelTag, number> }[] = [];
  for (let fold = 0; fold < settings.folds; fold++) {
    const inFold = (index: number) => index % settings.folds === fold;
    const model = EscalationTagModel.train(
      [...alwaysTrained, ...heldBackInFolds.filter((_, index) => !inFold(index))],
      settings.train,
    );
    heldBackInFolds.forEach((example, index) => {
      if (!inFold(index)) return;
      scored.push({ tags: example.tags, probabilities: new Map(model.score(example.text).map((score) => [score.tag, score.probability])) });
    });
  }
  const fit: ThresholdFit = { thresholds: {}, heldBack: {} };
  for (const tag of TEXT_ESCALATION_TAGS) {
    const support = scored.filter((row) => row.tags.includes(tag)).length;
    if (support === 0) continue;
    let best = { threshold: 0.5, f1: -1, precision: 0, recall: 0 };
    for (let step = 0; ; step++) {
      const threshold = round(settings.range[0] + step * 0.025);
      if (threshold > settings.range[1] + 1e-9) break;
      const predicted = scored.filter((row) => (row.probabilities.get(tag) ?? 0) >= threshold);
      const right = predicted.filter((row) => row.tags.includes(tag)).length;
      const precision = predicted.length === 0 ? 1 : right / predicted.length;
      const recall = right / support;
      const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
      // Ties go to the threshold nearer 0.5: the fit should move it only for a real gain.
      if (f1 > best.f1 + 1e-9 || (Math.abs(f1 - best.f1) <= 1e-9 && Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5))) {
        best = { threshold, f1, precision, recall };
      }
    }
    fit.thresholds[tag] = best.threshold;
    fit.heldBack[tag] = { support, precision: round(best.precision), recall: round(best.recall) };
  }
  return fit;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
