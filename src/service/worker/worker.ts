/**
 * The worker: takes triage jobs from the queue, runs each ticket through `processTicket`, and
 * dispatches its outbox entry. A small state machine (created -> active -> stopping -> stopped).
 *
 * Its loop never dies on a job's error: the handler's errors go back to the queue, which retries
 * with backoff and, after the last attempt, calls the failure handler built here, which turns the
 * ticket into a draft for a human. The worker also sweeps the outbox now and then, so entries left
 * pending by a crash or a helpdesk outage are delivered.
 */
import type { Transaction } from 'kysely';
import { scrubText } from '../../triage/scrubber.js';
import type { TriageDecision } from '../../triage/types.js';
import type { HelpdeskConnector, HelpdeskProvider } from '../connectors/helpdesk-connector.js';
import type { ClaimedDelivery, OutboxDispatcher } from '../outbox/outbox-dispatcher.js';
import { type DecisionParts, processTicket } from '../process-ticket.js';
import {
  errorMessage,
  type FailedJobHandler,
  type JobContext,
  type JobHandler,
  type JobQueue,
  type PreparedJobContext,
} from '../queue/job-queue.js';
import type { Logger } from '../queue/logger.js';
import type { Database } from '../store/database.js';
import type { StoredTicket } from '../store/repositories/ticket-repository.js';
import { beginTicketRun, beginTicketRunAlone, runStartInFetch, type TicketRunStart } from '../ticket-run-start.js';
import type { TriageRuntime } from '../triage-runtime.js';
import { enrichPendingTicket } from './enrich-ticket.js';
import { recordTriageFailure } from './failure-draft.js';

export type WorkerState = 'created' | 'active' | 'stopping' | 'stopped';

export interface Worker {
  readonly state: WorkerState;
  start(): Promise<void>;
  /** Stops taking jobs, waits for in-flight ones up to timeoutMs, then aborts and releases them. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** What the queue runs for each job; exposed for the worker process and tests. */
  readonly handleJob: JobHandler<TicketRunStart>;
}

export interface WorkerOptions {
  runtime: TriageRuntime;
  queue: JobQueue;
  dispatcher: OutboxDispatcher;
  /** Fetch what a webhook left pending (enrich-ticket.ts); without them such tickets wait. */
  connectors?: Partial<Record<HelpdeskProvider, HelpdeskConnector>>;
  concurrency: number;
  logger: Logger;
  /** How often to sweep the outbox for entries left pending. Default 30 s; 0 turns the sweep off. */
  sweepIntervalMs?: number;
  /** Default `processTicket`; replaceable so tests can make the triage itself fail. */
  processTicket?: typeof processTicket;
  /** Metrics hooks: one finished triage, one failed attempt. */
  observeOutcome?(decision: TriageDecision, seconds: number): void;
  observeFailure?(): void;
}

export function createWorker(options: WorkerOptions): Worker {
  const { runtime, queue, dispatcher, logger } = options;
  const sweepIntervalMs = options.sweepIntervalMs ?? 30_000;
  const runTicket = options.processTicket ?? processTicket;
  let state: WorkerState = 'created';
  let sweepTimer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;

  /** The attempt's first transaction: inside the queue's claim when the queue can (see JobStartOptions). */
  function prepare(job: JobContext, transaction: Transaction<Database>): Promise<TicketRunStart> {
    return beginTicketRun(transaction, {
      ticketId: job.ticketId,
      model: runtime.deps.model.modelId,
      stopAtPendingEnrichment: true,
      firstAttempt: job.attempt === 1,
    });
  }

  async function handleJob(job: PreparedJobContext<TicketRunStart>): Promise<void> {
    const fields = { jobId: job.jobId, ticketId: job.ticketId, attempt: job.attempt, maxAttempts: job.maxAttempts };
    const { db } = runtime.store;
    const start =
      job.prepared ??
      (await beginTicketRunAlone(runtime.store, {
        ticketId: job.ticketId,
        model: runtime.deps.model.modelId,
        stopAtPendingEnrichment: true,
        firstAttempt: job.attempt === 1,
      }));
    if (start.kind === 'missing') {
      // The enqueue commits with the ticket, so this is a ticket deleted since: nothing to answer.
      logger.error(fields, 'job for a ticket that does not exist; nothing to triage');
      return;
    }
    let ticket: StoredTicket | null = start.ticket;
    if (start.kind === 'pending-enrichment') {
      ticket = await enrichPendingTicket(start.ticket, { db, connectors: options.connectors ?? {}, logger, signal: job.signal });
      if (!ticket) return;
    }
    const started = performance.now();
    let processed;
    // Filled in the decision's transaction: the job ends and the reply's lease is taken as it commits.
    let claimed: ClaimedDelivery | undefined;
    try {
      // A model outage is retried by the queue; the last attempt's failure becomes a draft (onFailed).
      processed = await runTicket(runtime, ticket, {
        signal: job.signal,
        attempt: job.attempt,
        retryModelErrors: true,
        ...(start.kind === 'started' ? { started: start } : {}),
        beforeDecisionCommit: async (transaction, decided) => {
          await job.completeWithin?.(transaction);
          const lease = await dispatcher.claimWithin(transaction, decided.outbox);
          claimed = lease ? { entry: decided.outbox, ticket: decided.ticket, sealedText: decided.sealedText, lease } : undefined;
        },
        // PostgreSQL: the same two writes as parts of the decision's one statement, where the
        // queue can end its job that way (pg-boss; the jobs-table queue only in a transaction).
        ...(job.completionStatement !== undefined || job.completeWithin === undefined
          ? {
              decisionParts: {
                ...(job.completionStatement ? { completeJob: (guard) => job.completionStatement!(guard) } : {}),
                claimLease: (entry) => dispatcher.claimPart(entry),
                committed: (decided, lease) => {
                  claimed = lease ? { entry: decided.outbox, ticket: decided.ticket, sealedText: decided.sealedText, lease } : undefined;
                },
              } satisfies DecisionParts,
            }
          : {}),
      });
    } catch (error) {
      options.observeFailure?.();
      throw error;
    }
    if (!processed.duplicate) options.observeOutcome?.(processed.outcome.decision, (performance.now() - started) / 1000);
    logger.info(
      { ...fields, decision: processed.outcome.decision, confidence: processed.outcome.confidence, duplicate: processed.duplicate },
      processed.duplicate ? 'ticket was triaged before; delivering its stored outcome' : 'ticket triaged',
    );
    // Connector failures stay in the outbox for the sweep; only a store failure throws here, and
    // then the job's retry (or, for a job that ended with the decision, the sweep once the lease
    // runs out) delivers it.
    // The delivered mark commits with the next writes (the queue's next claim, as a rule).
    if (claimed) await dispatcher.deliverClaimed(claimed, { signal: job.signal, deferMark: true });
    else await dispatcher.dispatch(job.ticketId, { signal: job.signal });
  }

  function sweep(): void {
    if (sweeping || state !== 'active') return;
    sweeping = dispatcher
      .dispatchPending()
      .then((results) => {
        const delivered = results.filter((result) => result.outcome === 'delivered' || result.outcome === 'found-delivered' || result.outcome === 'delivered-locally');
        if (delivered.length > 0) logger.info({ delivered: delivered.length }, 'outbox sweep delivered pending entries');
      })
      .catch((error: unknown) => logger.warn({ error: errorMessage(error) }, 'outbox sweep failed; the next one retries'))
      .finally(() => {
        sweeping = undefined;
      });
  }

  return {
    get state() {
      return state;
    },
    handleJob,

    async start() {
      if (state !== 'created') throw new Error(`the worker cannot start: it is ${state}`);
      await queue.start(handleJob, {
        concurrency: options.concurrency,
        prepare,
        ...(runtime.store.dialect === 'postgres' ? { prepareInFetch: runStartInFetch(runtime.store, { model: runtime.deps.model.modelId }) } : {}),
      });
      state = 'active';
      logger.info({ queue: queue.kind, concurrency: options.concurrency }, 'worker started');
      if (sweepIntervalMs > 0) {
        sweep();
        sweepTimer = setInterval(sweep, sweepIntervalMs);
      }
    },

    stop(stopOptions = {}) {
      if (stopping) return stopping;
      state = 'stopping';
      stopping = (async () => {
        if (sweepTimer) clearInterval(sweepTimer);
        await queue.stop(stopOptions);
        await sweeping;
        await dispatcher.settled();
        state = 'stopped';
        logger.info({}, 'worker stopped');
      })();
      return stopping;
    },
  };
}

export interface FailedJobHandlerOptions {
  runtime: TriageRuntime;
  /** Posts the draft as a note right away; without it the sweep does. */
  dispatcher?: OutboxDispatcher;
  logger: Logger;
}

/** The queue's `onFailed`: the ticket becomes a draft carrying the failure reason, for a human. */
export function createFailedJobHandler(options: FailedJobHandlerOptions): FailedJobHandler {
  const { runtime, dispatcher, logger } = options;
  return async (job, error) => {
    const reason = scrubText(errorMessage(error)).text;
    const record = await recordTriageFailure(runtime.store.db, {
      ticketId: job.ticketId,
      reason,
      attempts: job.attempt,
      model: runtime.deps.model.modelId,
    });
    const fields = { jobId: job.jobId, ticketId: job.ticketId, attempts: job.attempt, error: reason };
    if (record.status === 'ticket-missing') {
      logger.error(fields, 'triage failed for good for a ticket that does not exist');
      return;
    }
    if (record.status === 'already-decided') {
      logger.warn({ ...fields, decision: record.outcome.decision }, 'job failed for good after the ticket was decided; the decision stands');
    } else {
      logger.error(fields, 'triage failed for good; the ticket is a draft for a human (needs-human, triage-failed)');
    }
    if (dispatcher) {
      await dispatcher.dispatch(job.ticketId).catch((dispatchError: unknown) => {
        logger.warn({ ...fields, dispatchError: errorMessage(dispatchError) }, 'could not deliver the draft now; the sweep retries');
      });
    }
  };
}
