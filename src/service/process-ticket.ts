/**
 * One ticket through the triage with its storage: the ticket, the run, its scrubbed audit events,
 * the decision and exactly one outbox entry per ticket. Idempotent: a ticket that already has a
 * decision returns the stored outcome and is never triaged (or answered) twice.
 */
import { randomUUID } from 'node:crypto';
import type { AgentEvent } from '../agentao/index.js';
import { triageTicket } from '../triage/pipeline.js';
import { scrubText, scrubValue } from '../triage/scrubber.js';
import type { Ticket, TriageOutcome } from '../triage/types.js';
import type { TriageRuntime } from './triage-runtime.js';
import { appendAuditEvents } from './store/repositories/audit-repository.js';
import { getDecision, saveDecision } from './store/repositories/decision-repository.js';
import { insertOutboxIfAbsent } from './store/repositories/outbox-repository.js';
import { finishRun, startRun } from './store/repositories/run-repository.js';
import { insertTicketIfAbsent, setTicketStatus } from './store/repositories/ticket-repository.js';

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

/** What we store of a ticket: the customer's words with secrets and PII scrubbed. */
export function scrubTicket(ticket: Ticket): Ticket {
  return {
    ...ticket,
    subject: ticket.subject === undefined ? undefined : scrubText(ticket.subject).text,
    body: scrubText(ticket.body).text,
  };
}

export async function storeTicket(runtime: TriageRuntime, ticket: Ticket) {
  return insertTicketIfAbsent(runtime.store.db, scrubTicket(ticket));
}

export async function processTicket(
  runtime: TriageRuntime,
  ticket: Ticket,
  options: { signal?: AbortSignal; attempt?: number; retryModelErrors?: boolean } = {},
): Promise<ProcessedTicket> {
  const { db } = runtime.store;
  const existing = await getDecision(db, ticket.id);
  if (existing) return { outcome: existing, duplicate: true };

  const { ticket: stored } = await insertTicketIfAbsent(db, scrubTicket(ticket));
  const run = await startRun(db, { ticketId: stored.id, model: runtime.deps.model.modelId });
  await setTicketStatus(db, stored.id, 'running');
  let result;
  try {
    result = await triageTicket(stored, runtime.deps, { signal: options.signal, rethrowRetryableModelErrors: options.retryModelErrors });
  } catch (error) {
    await finishRun(db, run.id, { status: 'failed', error: error instanceof Error ? error.message : String(error) });
    await setTicketStatus(db, stored.id, 'queued');
    throw error;
  }
  const outcome = scrubValue(result.outcome);
  const events = scrubValue(result.events) as AgentEvent[];
  const saved = await db.transaction().execute(async (transaction) => {
    const already = await getDecision(transaction, stored.id);
    if (already) return { outcome: already, duplicate: true };
    await appendAuditEvents(transaction, { ticketId: stored.id, runId: run.id, events });
    await saveDecision(transaction, { ...outcome, runId: run.id });
    await insertOutboxIfAbsent(transaction, {
      ticketId: stored.id,
      kind: result.outbox.kind,
      text: scrubText(result.outbox.text).text,
      tags: result.outbox.tags,
      confidence: result.outbox.confidence,
      public: result.outbox.public,
      idempotencyKey: outboxIdempotencyKey(stored.id, result.outbox.kind),
    });
    await setTicketStatus(transaction, stored.id, outcome.decision);
    return { outcome, duplicate: false };
  });
  await finishRun(db, run.id, { status: 'succeeded' });
  return { ...saved, runId: run.id };
}

export function newTicketId(): string {
  return `T-${randomUUID().slice(0, 8)}`;
}
