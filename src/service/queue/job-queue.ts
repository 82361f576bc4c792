/**
 * The durable job queue every triage job goes through: one job per ticket, enqueued in the same
 * transaction as the ticket, retried with backoff, and handed to a human (`onFailed`) when it
 * fails for good, so no ticket is ever dropped.
 *
 * Two implementations: `sqlite-queue.ts` (the store's `jobs` table with leases, in-process; it also
 * runs on PostgreSQL through the same Kysely code) and `pg-boss-queue.ts` (several `triage worker`
 * processes on several machines share one PostgreSQL).
 */
import type { RawBuilder, Transaction } from 'kysely';
import type { Database } from '../store/database.js';

export interface TriageJob {
  ticketId: string;
}

export interface JobContext extends TriageJob {
  jobId: string;
  /** 1 for the first run; a run cut short by a crash or an expired lease counts too. */
  attempt: number;
  maxAttempts: number;
  /** Aborted on shutdown (after the grace period), when the lease is lost, or when the job expires. */
  signal: AbortSignal;
  /**
   * Ends the job as completed inside the caller's transaction, so it commits with the work that
   * finished it rather than in a commit of its own. False when this run no longer holds the job
   * (its lease passed to another worker). Once called, the queue writes no outcome of its own for
   * this run: if the transaction rolls back, the handler's error settles the job as usual.
   * Absent when the caller is not a queue (a test calling the handler directly).
   */
  completeWithin?(transaction: Transaction<Database>): Promise<boolean>;
  /**
   * `completeWithin` as a part of the caller's own PostgreSQL statement (a data-modifying CTE that
   * RETURNs a row when it completed the job): the job ends in the statement that finished the
   * work, with no statement of its own. Once called, as for `completeWithin`, the queue writes no
   * outcome of its own for this run. Only on queues whose jobs live in the store's PostgreSQL
   * database (pg-boss). `condition`, an SQL boolean over the caller's CTEs: complete only when it
   * holds (the caller's other writes happen), as a rollback of the caller's transaction would.
   */
  completionStatement?(condition?: RawBuilder<unknown>): RawBuilder<unknown>;
}

/** What `prepare` (see JobStartOptions) returned, when the queue ran it. */
export type PreparedJobContext<P> = JobContext & { prepared?: P };

export type JobHandler<P = never> = (job: PreparedJobContext<P>) => Promise<void>;

export interface JobStartOptions<P = never> {
  concurrency: number;
  /**
   * The handler's first writes, run inside the claim's own transaction where the queue can (the
   * jobs-table queue), so claiming a job and starting its work commit once; the result reaches the
   * handler as `job.prepared`. It must not wait on anything but the transaction. When it throws, the
   * claim is taken again on its own and the handler runs without `prepared`; pg-boss claims in its
   * own connection, so there the handler always runs without it.
   */
  prepare?(job: JobContext, transaction: Transaction<Database>): Promise<P>;
  /**
   * `prepare` for a queue that takes its job with a statement of its own on the store's PostgreSQL
   * database (pg-boss): the handler's first writes as parts of that statement, so taking the job
   * and starting its work are one round trip and one commit.
   */
  prepareInFetch?: FetchPreparation<P>;
}

export interface FetchPreparation<P> {
  /**
   * Given the taken job's ticket id and whether this is the job's first run, as SQL expressions:
   * CTEs for the statement's WITH list (after the queue's own), a value for its select list, and how
   * to read that value (undefined: the handler runs without `prepared`, and starts on its own).
   */
  parts(job: { ticketId: RawBuilder<unknown>; firstAttempt: RawBuilder<unknown> }): {
    ctes: RawBuilder<unknown>;
    value: RawBuilder<unknown>;
    read(value: unknown): P | undefined;
  };
  /** Undoes what the parts wrote for a job given back without running (taken while the queue stopped). */
  release?(prepared: P): Promise<void>;
}

export interface QueueHealth {
  ok: boolean;
  detail?: string;
  /** Waiting to run, including jobs backing off before a retry. */
  pending: number;
  /** Running now, in any process. */
  active: number;
  /** Seconds since the oldest waiting job was enqueued; 0 when none waits. */
  oldestPendingSeconds?: number;
}

export interface JobQueue {
  readonly kind: 'sqlite' | 'pg-boss';
  /**
   * Inside the caller's Kysely transaction when given, so the job commits (or rolls back) with the
   * ticket. Idempotent per ticket: false when a job for this ticket exists already.
   */
  enqueue(job: TriageJob, options?: { transaction?: Transaction<Database> }): Promise<boolean>;
  start<P = never>(handler: JobHandler<P>, options: JobStartOptions<P>): Promise<void>;
  /** Stop taking jobs; wait for in-flight ones up to timeoutMs, then abort and release them. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  health(): Promise<QueueHealth>;
}

/** What `onFailed` learns about a job that failed on its last attempt. */
export interface FailedJob extends TriageJob {
  jobId: string;
  attempt: number;
  maxAttempts: number;
}

/**
 * Called once a job has failed on its last attempt; the worker turns it into a draft for a human.
 * When it throws, the job stays in the queue and comes back later: that is how a ticket is never
 * dropped even when the failure itself cannot be recorded (the database is down, say).
 */
export type FailedJobHandler = (job: FailedJob, error: unknown) => Promise<void>;

export interface RetryPolicy {
  /** Runs of one job before `onFailed`; default 5. */
  maxAttempts: number;
  /** The delay before the first retry; it doubles for every further one. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 5,
  backoffBaseMs: 1_000,
  backoffMaxMs: 5 * 60_000,
});

/** The queue name both implementations use for triage jobs. */
export const TRIAGE_QUEUE_NAME = 'triage';

/**
 * The wait after the `attempt`-th failed run: base, 2 x base, 4 x base, ... capped at max. A
 * helpdesk's Retry-After (given as `atLeastMs`) is honoured when it asks for longer.
 */
export function backoffDelayMs(attempt: number, policy: Pick<RetryPolicy, 'backoffBaseMs' | 'backoffMaxMs'>, atLeastMs = 0): number {
  const exponent = Math.max(0, Math.min(30, attempt - 1));
  const delay = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** exponent);
  return Math.max(delay, Math.min(atLeastMs, policy.backoffMaxMs));
}

export function resolveRetryPolicy(policy: Partial<RetryPolicy> = {}): RetryPolicy {
  const resolved = { ...DEFAULT_RETRY_POLICY, ...withoutUndefined(policy) };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be an integer >= 1, got ${resolved.maxAttempts}`);
  }
  if (!(resolved.backoffBaseMs >= 0) || !(resolved.backoffMaxMs >= resolved.backoffBaseMs)) {
    throw new RangeError(
      `backoff must satisfy 0 <= backoffBaseMs <= backoffMaxMs, got ${resolved.backoffBaseMs} and ${resolved.backoffMaxMs}`,
    );
  }
  return resolved;
}

export function requireConcurrency(concurrency: number): number {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
  return concurrency;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
