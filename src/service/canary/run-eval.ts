/** Running an eval set: every line triaged as a fresh ticket, one result per line, in order. */
import { InputError } from '../errors.js';
import { processTicket } from '../process-ticket.js';
import type { TriageRuntime } from '../triage-runtime.js';
import { validateTicketInput } from '../ticket-input.js';
import type { EvalLine } from './eval-set.js';
import type { EvalReport, EvalResult } from './eval-report.js';
import { unmetExpectations } from './expectations.js';
import { summarize } from './score.js';

async function triageLine(runtime: TriageRuntime, line: EvalLine): Promise<EvalResult> {
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
    return {
      id: line.id,
      intent: outcome.intent,
      decision: outcome.decision,
      confidence: outcome.confidence,
      tags: outcome.tags,
      reply: outcome.reply,
      reasons: outcome.reasons,
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    // A bad line is reported in place: one result per input line, nothing silently dropped.
    return { id: line.id, intent: 'invalid', decision: 'drafted', confidence: 0, tags: ['invalid-input'], reply: '', error: error.message };
  }
}

export async function runEval(
  runtime: TriageRuntime,
  lines: readonly EvalLine[],
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<EvalReport> {
  const results: EvalResult[] = [];
  const started = performance.now();
  for (const line of lines) {
    const result = await triageLine(runtime, line);
    const failed = unmetExpectations(result, line.expect);
    results.push(failed.length ? { ...result, failed } : result);
    options.onProgress?.(results.length, lines.length);
  }
  return { summary: summarize(lines, results, performance.now() - started), results };
}
