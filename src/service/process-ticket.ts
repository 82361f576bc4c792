/**
 * One ticket through the triage with its storage: the ticket, the run, its scrubbed audit events,
 * the decision and exactly one outbox entry per ticket. Idempotent: a ticket that already has a
 * decision returns the stored outcome and is never triaged (or answered) twice.
 */
import { randomUUID } from 'node:crypto';
import type { AgentEvent } from '../agentao/index.js';
import { triageTicket } from '../triage/pipeline.js';
import { createRunScrubber } from '../triage/scrubber-run-cache.js';
import { scrubTicket } from '../triage/scrubber.js';
import type { Ticket, TriageOutcome } from '../triage/types.js';
import { TriageInterruptedError } from './errors.js';
import type { TriageRuntime } from './triage-runtime.js';
import { withReplyChannel } from './reply-channel.js';
import { appendAuditEvents } from './store/repositories/audit-repository.js';
import { getDecision, saveDecision } from './store/repositories/decision-repository.js';
import { insertOutboxIfAbsent } from './store/repositories/outbox-repository.js';
import { failAbandonedRuns, finishRun, startRun } from './store/repositories/run-repository.js';
import { getTicket, insertTicketIfAbsent, setTicketStatus } from './store/repositories/ticket-repository.js';

export interface ProcessedTicket {
  outcome: TriageOutcome;
  /** True when the ticket had been triaged before and the stored outcome was returned. */
  duplicate: boolean;
  runId?: string;
}

/**
 * Outbox keys: at most one public reply (`:send`, from an auto-send or a reviewer's approval) and one
 * draft note (`:draft`) per ticket, whatever retries, redeliveries or double clicks happen.
 */
export function outboxIdempotencyKey(ticketId: string, kind: 'send' | 'draft'): string {
  return `${ticketId}:${kind}`;
}

export async function processTicket(
  runtime: TriageRuntime,
  ticket: Ticket,
  options: { signal?: AbortSignal; attempt?: number; retryModelErrors?: boolean } = {},
): Promise<ProcessedTicket> {
  const { db } = runtime.store;
  const existing = await getDecision(db, ticket.id);
  if (existing) return { outcome: existing, duplicate: true };

  // One transaction (one commit, one fsync on SQLite) for everything before the triage.
  const { stored, run } = await db.transaction().execute(async (transaction) => {
    // A worker's ticket was stored with its job: one lookup instead of an insert that conflicts.
    const stored = (await getTicket(transaction, ticket.id)) ?? (await insertTicketIfAbsent(transaction, scrubTicket(ticket))).ticket;
    await failAbandonedRuns(transaction, stored.id, 'abandoned: the attempt did not finish (its process stopped or its lease was lost)');
    const run = await startRun(transaction, { ticketId: stored.id, model: runtime.deps.model.modelId });
    await setTicketStatus(transaction, stored.id, 'running');
    return { stored, run };
  });
  let result;
  try {
    result = await triageTicket(stored, runtime.deps, { signal: options.signal, rethrowRetryableModelErrors: options.retryModelErrors });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishRun(db, run.id, options.signal?.aborted ? released(options.signal) : { status: 'failed', error: message });
    await setTicketStatus(db, stored.id, 'queued');
    throw error;
  }
  if (result.stopReason === 'aborted') {
    // Stopped from outside (shutdown, a lost lease, an expired job): nothing was decided, so
    // nothing is stored as a decision; the queue runs the ticket again.
    await finishRun(db, run.id, released(options.signal));
    await setTicketStatus(db, stored.id, 'queued');
    throw new TriageInterruptedError(interruptionMessage(options.signal), { cause: options.signal?.reason });
  }
  const scrub = createRunScrubber();
  const outcome = withReplyChannel(stored, scrub(result.outcome));
  const events = scrub(result.events) as AgentEvent[];
  const saved = await db.transaction().execute(async (transaction) => {
    const already = await getDecision(transaction, stored.id);
    if (already) {
      await finishRun(transaction, run.id, { status: 'succeeded' });
      return { outcome: already, duplicate: true };
    }
    await appendAuditEvents(transaction, { ticketId: stored.id, runId: run.id, events });
    await saveDecision(transaction, { ...outcome, runId: run.id });
    await insertOutboxIfAbsent(transaction, {
      ticketId: stored.id,
      kind: result.outbox.kind,
      // Shown and audited scrubbed; delivered exactly as decided (the customer's own email stays).
      text: scrub(result.outbox.text),
      sealedText: runtime.outboxCipher.seal(result.outbox.text, stored.id),
      tags: result.outbox.tags,
      confidence: result.outbox.confidence,
      public: result.outbox.public,
      idempotencyKey: outboxIdempotencyKey(stored.id, result.outbox.kind),
    });
    await setTicketStatus(transaction, stored.id, outcome.decision);
    // In the decision's transaction: a run is never left "running" beside its stored decision.
    await finishRun(transaction, run.id, { status: 'succeeded' });
    return { outcome, duplicate: false };
  });
  return { ...saved, runId: run.id };
}

function released(signal: AbortSignal | undefined) {
  return { status: 'released' as const, error: interruptionMessage(signal) };
}

function interruptionMessage(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  const detail = reason instanceof Error ? reason.message : reason === undefined ? 'the agent was stopped' : String(reason);
  return `released for a retry: ${detail}`;
}

export function newTicketId(): string {
  return `T-${randomUUID().slice(0, 8)}`;
}
