/**
 * One ticket through the triage with its storage: the ticket, the run, its scrubbed audit events,
 * the decision and exactly one outbox entry per ticket. Idempotent: a ticket that already has a
 * decision returns the stored outcome and is never triaged (or answered) twice.
 */
import { randomUUID } from 'node:crypto';
import type { RawBuilder, Transaction } from 'kysely';
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
import { isAuditSequenceConflict, writeDecisionInOneStatement } from './store/repositories/decision-statement.js';
import { getOutboxByKey, insertOutboxIfAbsent, type NewOutboxEntry, type OutboxEntry, toOutboxEntry } from './store/repositories/outbox-repository.js';
import { timeOrderedId } from './store/time-ordered-id.js';
import type { DeliveryLease } from './outbox/delivery-lease.js';
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
  /**
   * On PostgreSQL, what `beforeDecisionCommit` writes, as parts of the decision's one statement
   * (decision-statement.ts). Given, `beforeDecisionCommit` is not called there; without either,
   * the decision is that statement too. SQLite keeps the transaction and `beforeDecisionCommit`.
   */
  decisionParts?: DecisionParts;
}

export interface DecisionParts {
  /** Ends the queue's job in the statement, only when `guard` holds (JobContext.completionStatement). */
  completeJob?(guard: RawBuilder<unknown>): RawBuilder<unknown>;
  /** Takes the new entry's delivery lease in the statement (leaseInsertFromWrittenOutbox). */
  claimLease?(entry: { outboxId: string; ticketId: string }): { insert: RawBuilder<unknown>; lease(claims: number): DeliveryLease };
  /**
   * Once the statement committed: what it wrote, and the lease when it took one (null when the
   * entry was found under its key rather than written: then it was not claimed here).
   */
  committed(decided: DecidedTicket, lease: DeliveryLease | null): void;
}

/** How often the decision's statement is run again after an audit sequence conflict (see decision-statement.ts). */
const AUDIT_CONFLICT_RETRIES = 5;

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
  const entry: NewOutboxEntry = {
    ticketId: stored.id,
    kind: result.outbox.kind,
    // Shown and audited scrubbed; delivered exactly as decided (the customer's own email stays).
    text: result.outbox.text,
    sealedText,
    tags: result.outbox.tags,
    confidence: result.outbox.confidence,
    public: result.outbox.public,
    idempotencyKey: outboxIdempotencyKey(stored.id, result.outbox.kind),
  };
  if (runtime.store.dialect === 'postgres' && (options.decisionParts !== undefined || options.beforeDecisionCommit === undefined)) {
    const saved = await storeDecisionInOneStatement();
    return { ...saved, runId: run.id };
  }
  const saved = await storeDecision(async (transaction) => {
    // First: the UPDATE takes the ticket's row lock on PostgreSQL, which serialises two attempts
    // of one ticket (a lease lost mid-run) and the audit sequence; the loser rolls back whole.
    await setTicketStatus(transaction, stored.id, outcome.decision);
    await insertAuditEvents(transaction, { ticketId: stored.id, runId: run.id, events });
    await insertDecision(transaction, { ...outcome, runId: run.id });
    const { row: outbox } = await insertOutboxIfAbsent(transaction, entry);
    // In the decision's transaction: a run is never left "running" beside its stored decision.
    await finishRun(transaction, run.id, { status: 'succeeded' });
    await options.beforeDecisionCommit?.(transaction, { ticket: stored, outbox, sealedText });
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
      return decidedElsewhere(error);
    }
  }

  async function decidedElsewhere(error: unknown): Promise<{ outcome: TriageOutcome; duplicate: boolean }> {
    const already = isUniqueViolation(error) ? await getDecision(db, stored.id) : null;
    if (!already) throw error;
    await finishRun(db, run.id, { status: 'succeeded' });
    return { outcome: already, duplicate: true };
  }

  /**
   * PostgreSQL: the same writes as the transaction, and the job's end and the lease of
   * `decisionParts`, in one statement; alone, or with the delivered marks waiting to ride in a
   * transaction (transactStatement). The entry's id is chosen here so the lease can name it.
   */
  async function storeDecisionInOneStatement(): Promise<{ outcome: TriageOutcome; duplicate: boolean }> {
    const parts = options.decisionParts;
    const outboxId = timeOrderedId();
    for (let attempt = 1; ; attempt += 1) {
      const claim = parts?.claimLease?.({ outboxId, ticketId: stored.id });
      const completion = parts?.completeJob;
      let written;
      try {
        written = await runtime.store.transactStatement((executor) =>
          writeDecisionInOneStatement(executor, {
            outcome,
            runId: run.id,
            events,
            outbox: { ...entry, id: outboxId },
            ...(completion ? { parts: { job: (guard: RawBuilder<unknown>) => completion(guard) } } : {}),
            ...(claim ? { lease: claim.insert } : {}),
          }),
        );
      } catch (error) {
        if (isAuditSequenceConflict(error) && attempt < AUDIT_CONFLICT_RETRIES) continue;
        return decidedElsewhere(error);
      }
      if (!written.written) throw new RecordNotFoundError(`ticket ${stored.id} or its run ${run.id} does not exist`);
      if (written.outbox) {
        const lease = claim && written.leaseClaims !== null ? claim.lease(written.leaseClaims) : null;
        parts?.committed({ ticket: stored, outbox: toOutboxEntry(written.outbox), sealedText }, lease);
      } else {
        // An entry was there under the key already: it stands, with its own text, and is delivered as found.
        const found = await getOutboxByKey(db, entry.idempotencyKey);
        if (!found) throw new RecordNotFoundError(`outbox entry ${entry.idempotencyKey} conflicted with a row that no longer exists`);
        parts?.committed({ ticket: stored, outbox: found, sealedText: null }, null);
      }
      return { outcome, duplicate: false };
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
