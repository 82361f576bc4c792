/**
 * Precision and recall of escalation tags on labelled mail, for the matrix as a whole and for each
 * of its readers alone (word lists, tag model), so a report shows what each one contributes.
 */
import { TEXT_ESCALATION_TAGS, type EscalationModelTag } from './escalation-tags.js';

export interface TagScore {
  tag: EscalationModelTag;
  support: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
}

export interface TagEvaluation {
  perTag: TagScore[];
  /** Pooled over every tag (micro-average). */
  overall: { precision: number; recall: number };
  /** Mails whose predicted tag set equals the expected one exactly. */
  exactMatch: number;
  /** The worst misses and false alarms, to read. */
  errors: { text: string; expected: EscalationModelTag[]; predicted: EscalationModelTag[] }[];
}

export function evaluateTags(
  rows: readonly { text: string; tags: readonly EscalationModelTag[] }[],
  predict: (text: string) => readonly string[],
): TagEvaluation {
  const counts = new Map(TEXT_ESCALATION_TAGS.map((tag) => [tag, { support: 0, predicted: 0, truePositives: 0 }]));
  let exact = 0;
  const errors: TagEvaluation['errors'] = [];
  for (const row of rows) {
    const predicted = new Set(predict(row.text).filter((tag): tag is EscalationModelTag => counts.has(tag as EscalationModelTag)));
    const expected = new Set(row.tags);
    for (const tag of TEXT_ESCALATION_TAGS) {
      const count = counts.get(tag)!;
      if (expected.has(tag)) count.support++;
      if (predicted.has(tag)) count.predicted++;
      if (expected.has(tag) && predicted.has(tag)) count.truePositives++;
    }
    const same = predicted.size === expected.size && [...predicted].every((tag) => expected.has(tag));
    if (same) exact++;
    else errors.push({ text: row.text, expected: [...expected].sort(), predicted: [...predicted].sort() });
  }
  const perTag = TEXT_ESCALATION_TAGS.map((tag) => {
    const { support, predicted, truePositives } = counts.get(tag)!;
    return { tag, support, predicted, truePositives, precision: ratio(truePositives, predicted), recall: ratio(truePositives, support) };
  });
  const sum = (key: 'support' | 'predicted' | 'truePositives') => perTag.reduce((total, score) => total + score[key], 0);
  return {
    perTag,
    overall: { precision: ratio(sum('truePositives'), sum('predicted')), recall: ratio(sum('truePositives'), sum('support')) },
    exactMatch: ratio(exact, rows.length),
    errors,
  };
}

/** An empty denominator scores 1: no prediction made is no false alarm, no tag expected is none missed. */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}
