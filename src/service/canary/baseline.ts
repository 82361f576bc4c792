/**
 * Comparing an eval run with a baseline (an earlier `triage eval --json` output or the canary's
 * adopted report): what changed per line (decision, tags, intent, reply) and whether it regressed
 * past the thresholds.
 */
import { z } from 'zod';
import { InputError } from '../errors.js';
import type { EvalReport } from './eval-report.js';
import { sameTags } from './expectations.js';
import { diffLines } from './reply-diff.js';

export interface BaselineThresholds {
  /** Lines that met an expectation in the baseline and fail it now. */
  maxRegressions: number;
  /** Lines drafted in the baseline and sent now: the risky direction. */
  maxNewSends: number;
  /** Drop of intent accuracy, as a fraction (0.02 = two points). */
  maxAccuracyDrop: number;
}

export const DEFAULT_THRESHOLDS: Readonly<BaselineThresholds> = Object.freeze({ maxRegressions: 0, maxNewSends: 0, maxAccuracyDrop: 0.02 });

export interface BaselineChange {
  id: string;
  decision?: { before: string; after: string };
  tags?: { before: string[]; after: string[] };
  intent?: { before: string; after: string };
  replyDiff?: string[];
}

export interface BaselineComparison {
  changes: BaselineChange[];
  /** Lines that met their expectations in the baseline and do not now. */
  regressions: string[];
  /** Of those, the lines whose decision or tags changed: what the canary alerts on. */
  decisionOrTagRegressions: string[];
  newSends: string[];
  missing: string[];
  accuracyDrop: number | null;
  exceeded: string[];
}

const baselineSchema = z.object({
  summary: z.object({ intent: z.object({ accuracy: z.number().nullable() }) }),
  results: z.array(
    z.object({
      id: z.string(),
      intent: z.string(),
      decision: z.enum(['sent', 'drafted']),
      tags: z.array(z.string()),
      reply: z.string(),
      failed: z.array(z.string()).optional(),
    }),
  ),
});

/** What a comparison needs of a baseline; a full EvalReport is one. */
export type BaselineReport = z.output<typeof baselineSchema>;

export function parseBaseline(content: string, source = 'baseline'): BaselineReport {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new InputError(`${source} is not valid JSON (expected the output of triage eval --json)`, 'bad_baseline');
  }
  return toBaselineReport(json, source);
}

/** Checks that a value (a parsed file, a stored report) has what a comparison needs. */
export function toBaselineReport(json: unknown, source = 'baseline'): BaselineReport {
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${source} is not an eval report: ${issue?.path.join('.')}: ${issue?.message}`, 'bad_baseline');
  }
  return parsed.data;
}

export function compareWithBaseline(current: EvalReport, baseline: BaselineReport, thresholds: BaselineThresholds = DEFAULT_THRESHOLDS): BaselineComparison {
  const before = new Map(baseline.results.map((result) => [result.id, result]));
  const changes: BaselineChange[] = [];
  const regressions: string[] = [];
  const decisionOrTagRegressions: string[] = [];
  const newSends: string[] = [];
  for (const result of current.results) {
    const old = before.get(result.id);
    before.delete(result.id);
    if (!old) continue;
    const change: BaselineChange = { id: result.id };
    if (old.decision !== result.decision) change.decision = { before: old.decision, after: result.decision };
    if (!sameTags(old.tags, result.tags)) change.tags = { before: old.tags, after: result.tags };
    if (old.intent !== result.intent) change.intent = { before: old.intent, after: result.intent };
    if (old.reply !== result.reply) change.replyDiff = diffLines(old.reply, result.reply);
    if (Object.keys(change).length > 1) changes.push(change);
    if (old.decision === 'drafted' && result.decision === 'sent') newSends.push(result.id);
    if (!old.failed?.length && result.failed?.length) {
      regressions.push(result.id);
      if (change.decision || change.tags) decisionOrTagRegressions.push(result.id);
    }
  }
  const oldAccuracy = baseline.summary.intent.accuracy;
  const newAccuracy = current.summary.intent.accuracy;
  const accuracyDrop = oldAccuracy !== null && newAccuracy !== null ? Number((oldAccuracy - newAccuracy).toFixed(4)) : null;
  const exceeded: string[] = [];
  if (regressions.length > thresholds.maxRegressions) {
    exceeded.push(`${regressions.length} lines regressed (max ${thresholds.maxRegressions}): ${regressions.slice(0, 10).join(', ')}`);
  }
  if (newSends.length > thresholds.maxNewSends) {
    exceeded.push(`${newSends.length} lines are now sent that were drafted (max ${thresholds.maxNewSends}): ${newSends.slice(0, 10).join(', ')}`);
  }
  if (accuracyDrop !== null && accuracyDrop > thresholds.maxAccuracyDrop) {
    exceeded.push(`intent accuracy dropped by ${(accuracyDrop * 100).toFixed(1)} points (max ${(thresholds.maxAccuracyDrop * 100).toFixed(1)})`);
  }
  return { changes, regressions, decisionOrTagRegressions, newSends, missing: [...before.keys()], accuracyDrop, exceeded };
}
