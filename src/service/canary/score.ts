/** The summary of an eval run: counts and, per expected field, how often the result agreed. */
import type { EvalLine } from './eval-set.js';
import type { Agreement, EvalResult, EvalSummary } from './eval-report.js';
import { checkExpectations, type ExpectationField } from './expectations.js';

function agreement(correct: number, labelled: number): Agreement {
  return { labelled, correct, accuracy: labelled === 0 ? null : Number((correct / labelled).toFixed(4)) };
}

/** `results[i]` is the result of `lines[i]`. */
export function summarize(lines: readonly EvalLine[], results: readonly EvalResult[], elapsedMs: number): EvalSummary {
  const counts: Record<ExpectationField, { labelled: number; correct: number }> = {
    intent: { labelled: 0, correct: 0 },
    decision: { labelled: 0, correct: 0 },
    tags: { labelled: 0, correct: 0 },
  };
  results.forEach((result, index) => {
    for (const check of checkExpectations(result, lines[index]?.expect)) {
      counts[check.field].labelled += 1;
      if (check.passed) counts[check.field].correct += 1;
    }
  });
  return {
    total: results.length,
    sent: results.filter((result) => result.decision === 'sent').length,
    drafted: results.filter((result) => result.decision === 'drafted').length,
    errors: results.filter((result) => result.error !== undefined).length,
    notAsExpected: results.filter((result) => result.failed?.length).length,
    intent: agreement(counts.intent.correct, counts.intent.labelled),
    decision: agreement(counts.decision.correct, counts.decision.labelled),
    tags: agreement(counts.tags.correct, counts.tags.labelled),
    msPerTicket: Number((elapsedMs / Math.max(1, results.length)).toFixed(3)),
  };
}
