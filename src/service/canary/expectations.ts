/**
 * Scoring one result against its line's expectations: each expected field is one check, written
 * once, used by the report, the summary and the baseline comparison alike.
 */
import type { EvalExpectation } from './eval-set.js';
import type { EvalResult } from './eval-report.js';

export type ExpectationField = keyof EvalExpectation;

export interface ExpectationCheck {
  field: ExpectationField;
  passed: boolean;
  /** What differs, for a failed check. */
  message: string;
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((tag, index) => tag === right[index]);
}

/** The checks of every field the line expects, in a fixed order (intent, decision, tags). */
export function checkExpectations(result: Pick<EvalResult, 'intent' | 'decision' | 'tags'>, expect: EvalExpectation | undefined): ExpectationCheck[] {
  const checks: ExpectationCheck[] = [];
  if (expect?.intent !== undefined) {
    checks.push({ field: 'intent', passed: result.intent === expect.intent, message: `intent ${result.intent} != ${expect.intent}` });
  }
  if (expect?.decision !== undefined) {
    checks.push({ field: 'decision', passed: result.decision === expect.decision, message: `decision ${result.decision} != ${expect.decision}` });
  }
  if (expect?.tags !== undefined) {
    checks.push({ field: 'tags', passed: sameTags(result.tags, expect.tags), message: `tags [${result.tags}] != [${expect.tags}]` });
  }
  return checks;
}

/**
 * What is not as expected about a line. A line that could not be triaged is only as expected when
 * the set says so (an `expect` that the invalid-input result meets: drafted, tag `invalid-input`);
 * one with no expectation at all would otherwise pass silently.
 */
export function unmetExpectations(result: EvalResult, expect: EvalExpectation | undefined): string[] {
  const checks = checkExpectations(result, expect);
  const failed = checks.filter((check) => !check.passed).map((check) => check.message);
  if (result.error !== undefined && checks.length === 0) failed.push(`not triaged: ${result.error}`);
  return failed;
}
