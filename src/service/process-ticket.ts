/**
 * One ticket through the triage with its storage: the ticket, the run, its scrubbed audit events,
 * the decision and exactly one outbox entry per ticket. Idempotent: a ticket that already has a
 * decision returns the stored outcome and is never triaged (or answered) twice.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { scrubTicket } from '../triage/scrubber.js';
import type { Ticket, TriageOutcome } from '../triage/types.js';
import { TriageInterruptedError } from './errors.js';
import type { TriageRuntime } from './triage-runtime.js';
import { withReplyChannel } from './reply-channel.js';
import type { Database } from './store/database.js';
import { isUniqueViolation } from './store/dialect.js';
import { RecordNotFoundError } from './store/errors.js';
import { insertAuditEvents } from './store/repositories/audit-repository.js';
import { getDecision, insertDecision } from './store/repositories/decision-repository.js';
import { insertOutboxIfAbsent, type OutboxEntry } from './store/repositories/outbox-repository.js';
import { finishRun } from './store/repositories/run-repository.js';
import { insertTicketIfAbsent, setTicketStatus, type StoredTicket } from './store/repositories/ticket-repository.js';
import { beginTicketRun, type StartedTicketRun } from './ticket-run-start.js';

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

export interface ProcessTicketOptions {
  signal?: AbortSignal;
  attempt?: number;
  retryModelErrors?: boolean;
  /** The run the worker began inside its job's claim (ticket-run-start.ts); else begun here. */
  started?: StartedTicketRun;
  /**
   * Runs last inside the decision's transaction, when this call made the decision: the worker ends
   * its job and takes the outbox entry's delivery lease there, so they commit with the decision.
   */
  beforeDecisionCommit?(transaction: Transaction<Database>, decided: DecidedTicket): Promise<void>;
}

/** What the decision's transaction wrote, for whoever delivers it next. */
export interface DecidedTicket {
  ticket: StoredTicket;
  outbox: OutboxEntry;
  /** The exact text as sealed in the entry (null when the entry has none). */
  sealedText: string | null;
}

export async function processTicket(runtime: TriageRuntime, ticket: Ticket, options: ProcessTicketOptions = {}): Promise<ProcessedTicket> {
  const { db, transact } = runtime.store;
  // One transaction (one commit, one fsync on SQLite) for everything before the triage.
  const start =
    options.started ??
    (await transact((transaction) =>
      beginTicketRun(transaction, {
        ticketId: ticket.id,
        model: runtime.deps.model.modelId,
        insertIfMissing: scrubTicket(ticket),
        firstAttempt: options.attempt === 1,
      }),
    ));
  if (start.kind === 'decided') return { outcome: start.outcome, duplicate: true };
  if (start.kind !== 'started') throw new RecordNotFoundError(`ticket ${ticket.id} does not exist`);
  const { ticket: stored, run } = start;
  let result;
  try {
    result = await runtime.executor.triage(stored, { signal: options.signal, rethrowRetryableModelErrors: options.retryModelErrors });
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
  // Scrubbed and serialised where the triage ran (recorded-run.ts): only sealing and writes here.
  const outcome = withReplyChannel(stored, result.outcome);
  const { events } = result;
  const sealedText = runtime.outboxCipher.seal(result.outbox.exactText, stored.id);
  const saved = await storeDecision(async (transaction) => {
    // First: the UPDATE takes the ticket's row lock on PostgreSQL, which serialises two attempts
    // of one ticket (a lease lost mid-run) and the audit sequence; the loser rolls back whole.
    await setTicketStatus(transaction, stored.id, outcome.decision);
    await insertAuditEvents(transaction, { ticketId: stored.id, runId: run.id, events });
    await insertDecision(transaction, { ...outcome, runId: run.id });
    const { row: entry } = await insertOutboxIfAbsent(transaction, {
      ticketId: stored.id,
      kind: result.outbox.kind,
      // Shown and audited scrubbed; delivered exactly as decided (the customer's own email stays).
      text: result.outbox.text,
      sealedText,
      tags: result.outbox.tags,
      confidence: result.outbox.confidence,
      public: result.outbox.public,
      idempotencyKey: outboxIdempotencyKey(stored.id, result.outbox.kind),
    });
    // In the decision's transaction: a run is never left "running" beside its stored decision.
    await finishRun(transaction, run.id, { status: 'succeeded' });
    await options.beforeDecisionCommit?.(transaction, { ticket: stored, outbox: entry, sealedText });
    return { outcome, duplicate: false };
  });
  return { ...saved, runId: run.id };

  /**
   * Another attempt decided first (this one lost its lease mid-run, say): the decision's insert
   * fails on the ticket's unique decision and rolls everything back, and the stored decision stands.
   * The constraint is the check, so the common case reads nothing before writing.
   */
  async function storeDecision(write: (transaction: Transaction<Database>) => Promise<{ outcome: TriageOutcome; duplicate: boolean }>) {
    try {
      // On SQLite the decisions of tickets whose triage ended in the same turn share one commit.
      return await transact(write);
    } catch (error) {
      const already = isUniqueViolation(error) ? await getDecision(db, stored.id) : null;
      if (!already) throw error;
      await finishRun(db, run.id, { status: 'succeeded' });
      return { outcome: already, duplicate: true };
    }
  }
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
