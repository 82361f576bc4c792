/**
 * The eval canary: a set of historical tickets (JSONL) triaged as fresh tickets, scored against their
 * expectations, and compared with an earlier run so a change in prompts, model or KB that flips
 * decisions or tags is caught before it reaches customers.
 */
import { z } from 'zod';
import { InputError } from './errors.js';
import { processTicket } from './process-ticket.js';
import type { TriageRuntime } from './triage-runtime.js';
import { validateTicketInput } from './ticket-input.js';

const evalLineSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    text: z.string(),
    email: z.string().optional(),
    subject: z.string().optional(),
    expect: z
      .object({
        intent: z.string().optional(),
        decision: z.enum(['sent', 'drafted']).optional(),
        tags: z.array(z.string()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type EvalLine = z.output<typeof evalLineSchema>;

export interface EvalResult {
  id: string;
  intent: string;
  decision: 'sent' | 'drafted';
  confidence: number;
  tags: string[];
  reply: string;
  error?: string;
  failed?: string[];
}

export interface EvalSummary {
  total: number;
  sent: number;
  drafted: number;
  errors: number;
  intent: { labelled: number; correct: number; accuracy: number | null };
  decision: { labelled: number; correct: number; accuracy: number | null };
  tags: { labelled: number; correct: number; accuracy: number | null };
  msPerTicket: number;
}

export interface EvalReport {
  summary: EvalSummary;
  results: EvalResult[];
}

export function parseEvalSet(content: string, source = 'eval set'): EvalLine[] {
  const lines: EvalLine[] = [];
  const seen = new Set<string>();
  content.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new InputError(`${source} line ${index + 1}: not valid JSON`, 'bad_eval_set');
    }
    const parsed = evalLineSchema.safeParse(json);
    if (!parsed.success) {
      const problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ');
      throw new InputError(`${source} line ${index + 1}: ${problem}`, 'bad_eval_set');
    }
    if (seen.has(parsed.data.id)) throw new InputError(`${source} line ${index + 1}: duplicate id "${parsed.data.id}"`, 'bad_eval_set');
    seen.add(parsed.data.id);
    lines.push(parsed.data);
  });
  if (lines.length === 0) throw new InputError(`${source} has no tickets`, 'bad_eval_set');
  return lines;
}

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((tag, index) => tag === right[index]);
}

function ratio(correct: number, labelled: number): number | null {
  return labelled === 0 ? null : Number((correct / labelled).toFixed(4));
}

export async function runEval(
  runtime: TriageRuntime,
  lines: EvalLine[],
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<EvalReport> {
  const results: EvalResult[] = [];
  const counts = { intent: [0, 0], decision: [0, 0], tags: [0, 0] };
  const started = performance.now();
  for (const line of lines) {
    let result: EvalResult;
    try {
      const input = validateTicketInput({ text: line.text, email: line.email, subject: line.subject });
      const { outcome } = await processTicket(runtime, {
        id: `eval-${line.id}`.slice(0, 128),
        source: 'eval',
        customerEmail: input.email,
        subject: input.subject,
        body: input.text,
        receivedAt: new Date().toISOString(),
      });
      result = {
        id: line.id,
        intent: outcome.intent,
        decision: outcome.decision,
        confidence: outcome.confidence,
        tags: outcome.tags,
        reply: outcome.reply,
      };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // A bad line is reported in place: one result per input line, nothing silently dropped.
      result = { id: line.id, intent: 'invalid', decision: 'drafted', confidence: 0, tags: ['invalid-input'], reply: '', error: error.message };
    }
    const failed: string[] = [];
    const expect = line.expect;
    if (expect?.intent !== undefined) {
      counts.intent[1]! += 1;
      if (result.intent === expect.intent) counts.intent[0]! += 1;
      else failed.push(`intent ${result.intent} != ${expect.intent}`);
    }
    if (expect?.decision !== undefined) {
      counts.decision[1]! += 1;
      if (result.decision === expect.decision) counts.decision[0]! += 1;
      else failed.push(`decision ${result.decision} != ${expect.decision}`);
    }
    if (expect?.tags !== undefined) {
      counts.tags[1]! += 1;
      if (sameTags(result.tags, expect.tags)) counts.tags[0]! += 1;
      else failed.push(`tags [${result.tags}] != [${expect.tags}]`);
    }
    if (failed.length) result.failed = failed;
    results.push(result);
    options.onProgress?.(results.length, lines.length);
  }
  const elapsed = performance.now() - started;
  return {
    summary: {
      total: results.length,
      sent: results.filter((result) => result.decision === 'sent').length,
      drafted: results.filter((result) => result.decision === 'drafted').length,
      errors: results.filter((result) => result.error).length,
      intent: { labelled: counts.intent[1]!, correct: counts.intent[0]!, accuracy: ratio(counts.intent[0]!, counts.intent[1]!) },
      decision: { labelled: counts.decision[1]!, correct: counts.decision[0]!, accuracy: ratio(counts.decision[0]!, counts.decision[1]!) },
      tags: { labelled: counts.tags[1]!, correct: counts.tags[0]!, accuracy: ratio(counts.tags[0]!, counts.tags[1]!) },
      msPerTicket: Number((elapsed / Math.max(1, results.length)).toFixed(3)),
    },
    results,
  };
}

export interface BaselineThresholds {
  /** Lines that met an expectation in the baseline and fail it now. */
  maxRegressions: number;
  /** Lines drafted in the baseline and sent now: the risky direction. */
  maxNewSends: number;
  /** Drop of intent accuracy, as a fraction (0.02 = two points). */
  maxAccuracyDrop: number;
}

export interface BaselineChange {
  id: string;
  decision?: { before: string; after: string };
  tags?: { before: string[]; after: string[] };
  intent?: { before: string; after: string };
  replyDiff?: string[];
}

export interface BaselineComparison {
  changes: BaselineChange[];
  regressions: string[];
  newSends: string[];
  missing: string[];
  accuracyDrop: number | null;
  exceeded: string[];
}

const baselineSchema = z.object({
  summary: z.object({ intent: z.object({ accuracy: z.number().nullable() }).passthrough() }).passthrough(),
  results: z.array(
    z
      .object({
        id: z.string(),
        intent: z.string(),
        decision: z.enum(['sent', 'drafted']),
        tags: z.array(z.string()),
        reply: z.string(),
        failed: z.array(z.string()).optional(),
      })
      .passthrough(),
  ),
});

export function parseBaseline(content: string, source = 'baseline'): EvalReport {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new InputError(`${source} is not valid JSON (expected the output of triage eval --json)`, 'bad_baseline');
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    throw new InputError(`${source} is not an eval report: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`, 'bad_baseline');
  }
  return parsed.data as unknown as EvalReport;
}

/** A line-level diff: removed lines start with "-", added with "+". */
export function diffLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push(`-${a[i++]}`);
    else out.push(`+${b[j++]}`);
  }
  while (i < a.length) out.push(`-${a[i++]}`);
  while (j < b.length) out.push(`+${b[j++]}`);
  return out;
}

export function compareWithBaseline(current: EvalReport, baseline: EvalReport, thresholds: BaselineThresholds): BaselineComparison {
  const before = new Map(baseline.results.map((result) => [result.id, result]));
  const changes: BaselineChange[] = [];
  const regressions: string[] = [];
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
    if (!old.failed?.length && result.failed?.length) regressions.push(result.id);
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
  return { changes, regressions, newSends, missing: [...before.keys()], accuracyDrop, exceeded };
}
