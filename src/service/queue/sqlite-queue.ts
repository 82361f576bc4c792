/**
 * The job queue on the store's `jobs` table (the default with SQLite; it runs on PostgreSQL too,
 * through the same Kysely code, with `FOR UPDATE SKIP LOCKED`).
 *
 * A worker claims a job by taking a lease (`locked_by`, `locked_until`) in one conditional UPDATE,
 * and a heartbeat extends the lease while the job runs. A lease that expired belongs to a process
 * that crashed or hung: its job is claimable again, so another process takes it over. Every write
 * after the claim is guarded by `locked_by`, so a process that lost its lease changes nothing.
 * Polling finds jobs enqueued by other processes; an enqueue in this process wakes the poller at once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { Database, StoreHandle } from '../store/database.js';
import { dialectOf, lockForUpdateSkipLocked, nowTimestamp, onConflictDoNothing, toJsonText } from '../store/dialect.js';
import { prepareQuery } from '../store/prepared-query.js';
import type { Executor } from '../store/repositories/with-transaction.js';
import type { JobRow } from '../store/tables/jobs.js';
import { JobAbortedError } from './errors.js';
import {
  backoffDelayMs,
  errorMessage,
  type FailedJobHandler,
  type JobContext,
  type JobHandler,
  type JobQueue,
  type JobStartOptions,
  type QueueHealth,
  requireConcurrency,
  resolveRetryPolicy,
  type RetryPolicy,
  TRIAGE_QUEUE_NAME,
  type TriageJob,
} from './job-queue.js';
import { type Logger, silentLogger } from './logger.js';
import { RunningJobs } from './running-jobs.js';

export interface SqliteQueueOptions {
  db: Kysely<Database>;
  /**
   * Runs the claim's transaction: the store's `transact`, so on SQLite a claim shares its commit
   * with the writes of the same turn (the delivered mark of the job before it, decisions, accepts).
   * Default: a transaction of its own on `db`.
   */
  transact?: StoreHandle['transact'];
  /** Called after a job's last failed attempt (see FailedJobHandler). */
  onFailed: FailedJobHandler;
  retry?: Partial<RetryPolicy>;
  /** Rows of other queues in the same table are never touched. Default "triage". */
  queueName?: string;
  /** How long a claim holds without a heartbeat. Default 30 s. */
  leaseMs?: number;
  /** Default a third of the lease, so two heartbeats may fail before the lease runs out. */
  heartbeatMs?: number;
  /** How often to look for jobs enqueued by other processes. Default 500 ms. */
  pollIntervalMs?: number;
  /** Default 30 s; `stop({timeoutMs})` overrides it. */
  stopTimeoutMs?: number;
  /** After aborting in-flight jobs on stop, how long to wait for them to release themselves. Default 2 s. */
  releaseGraceMs?: number;
  /** Names this process in `locked_by`. */
  workerId?: string;
  logger?: Logger;
}

type QueueState = 'created' | 'active' | 'stopping' | 'stopped';

/** A claimed job on its way to the handler. */
interface ClaimedJob {
  job: JobContext;
  controller: AbortController;
  prepared?: unknown;
  /** The handler ended the job inside its own transaction (JobContext.completeWithin). */
  completedWithin: boolean;
}

export function createSqliteQueue(options: SqliteQueueOptions): SqliteQueue {
  return new SqliteQueue(options);
}

export class SqliteQueue implements JobQueue {
  readonly kind = 'sqlite' as const;
  readonly workerId: string;
  readonly queueName: string;
  readonly #db: Kysely<Database>;
  readonly #transact: StoreHandle['transact'];
  readonly #onFailed: FailedJobHandler;
  readonly #retry: RetryPolicy;
  readonly #leaseMs: number;
  readonly #heartbeatMs: number;
  readonly #pollIntervalMs: number;
  readonly #stopTimeoutMs: number;
  readonly #releaseGraceMs: number;
  readonly #logger: Logger;
  readonly #running = new RunningJobs();
  #state: QueueState = 'created';
  #handler: JobHandler<unknown> | undefined;
  #prepare: JobStartOptions<unknown>['prepare'];
  #concurrency = 1;
  #loop: Promise<void> | undefined;
  #wakeRequested = false;
  #wakeUp: (() => void) | undefined;

  constructor(options: SqliteQueueOptions) {
    this.#db = options.db;
    this.#transact = options.transact ?? ((work) => this.#db.transaction().execute(work));
    this.#onFailed = options.onFailed;
    this.#retry = resolveRetryPolicy(options.retry);
    this.queueName = options.queueName ?? TRIAGE_QUEUE_NAME;
    this.#leaseMs = positive(options.leaseMs ?? 30_000, 'leaseMs');
    this.#heartbeatMs = positive(options.heartbeatMs ?? Math.max(1, Math.floor(this.#leaseMs / 3)), 'heartbeatMs');
    this.#pollIntervalMs = positive(options.pollIntervalMs ?? 500, 'pollIntervalMs');
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
    this.#releaseGraceMs = options.releaseGraceMs ?? 2_000;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.#logger = options.logger ?? silentLogger;
  }

  get state(): QueueState {
    return this.#state;
  }

  async enqueue(job: TriageJob, options: { transaction?: Transaction<Database> } = {}): Promise<boolean> {
    const executor = options.transaction ?? this.#db;
    const now = nowTimestamp();
    const inserted = await onConflictDoNothing(
      executor.insertInto('jobs').values({
        id: randomUUID(),
        queue: this.queueName,
        ticket_id: job.ticketId,
        payload: toJsonText({ ticketId: job.ticketId }),
        status: 'pending',
        attempts: 0,
        max_attempts: this.#retry.maxAttempts,
        run_after: now,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: now,
        updated_at: now,
      }),
    )
      .returning('id')
      .executeTakeFirst();
    // Inside a transaction the row is not visible before the commit; on SQLite the poller's claim
    // waits for the connection the transaction holds, on PostgreSQL the next poll finds it.
    if (inserted) this.#wake();
    return inserted !== undefined;
  }

  async start<P = never>(handler: JobHandler<P>, options: JobStartOptions<P>): Promise<void> {
    if (this.#state !== 'created') throw new Error(`the queue cannot start: it is ${this.#state}`);
    this.#concurrency = requireConcurrency(options.concurrency);
    this.#handler = handler as JobHandler<unknown>;
    this.#prepare = options.prepare;
    this.#state = 'active';
    this.#loop = this.#pollLoop();
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.#state === 'created') {
      this.#state = 'stopped';
      return;
    }
    if (this.#state !== 'active') return this.#loop;
    this.#state = 'stopping';
    this.#wake();
    const finishing = (async () => {
      await this.#loop;
      const finished = await this.#running.waitForAll(options.timeoutMs ?? this.#stopTimeoutMs);
      if (!finished) {
        this.#logger.warn({ jobs: this.#running.ids() }, 'shutdown: aborting in-flight jobs and releasing them');
        this.#running.abortAll(new JobAbortedError('shutdown', 'the worker is shutting down'));
        const released = await this.#running.waitForAll(this.#releaseGraceMs);
        // A handler that ignores its signal still runs, but its job goes back to the queue now;
        // whatever it writes later is guarded by the lease it no longer holds.
        if (!released) await Promise.all(this.#running.ids().map((jobId) => this.#release(jobId)));
      }
      this.#state = 'stopped';
    })();
    this.#loop = finishing;
    return finishing;
  }

  async health(): Promise<QueueHealth> {
    try {
      const now = nowTimestamp();
      const rows = await this.#db
        .selectFrom('jobs')
        .select((expression) => [
          expression.fn
            .count<number | string | bigint>('id')
            .filterWhere((filter) =>
              filter.or([
                filter('status', '=', 'pending'),
                filter.and([filter('status', '=', 'active'), filter('locked_until', '<', now)]),
              ]),
            )
            .as('pending'),
          expression.fn
            .count<number | string | bigint>('id')
            .filterWhere((filter) => filter.and([filter('status', '=', 'active'), filter('locked_until', '>=', now)]))
            .as('active'),
          expression.fn
            .min<string | null>('created_at')
            .filterWhere((filter) =>
              filter.or([
                filter('status', '=', 'pending'),
                filter.and([filter('status', '=', 'active'), filter('locked_until', '<', now)]),
              ]),
            )
            .as('oldest'),
        ])
        .where('queue', '=', this.queueName)
        .executeTakeFirstOrThrow();
      const stopped = this.#state === 'stopping' || this.#state === 'stopped';
      return {
        ok: !stopped,
        ...(stopped ? { detail: `the queue is ${this.#state}` } : {}),
        pending: Number(rows.pending),
        active: Number(rows.active),
        oldestPendingSeconds: rows.oldest ? Math.max(0, (Date.now() - Date.parse(rows.oldest)) / 1000) : 0,
      };
    } catch (error) {
      return { ok: false, detail: `the jobs table cannot be read: ${errorMessage(error)}`, pending: 0, active: 0 };
    }
  }

  #wake(): void {
    this.#wakeRequested = true;
    this.#wakeUp?.();
  }

  async #pollLoop(): Promise<void> {
    while (this.#state === 'active') {
      try {
        while (this.#state === 'active' && this.#running.size < this.#concurrency) {
          const claimed = await this.#claimNext();
          if (!claimed) break;
          this.#run(claimed);
        }
      } catch (error) {
        // The loop never dies: a database hiccup costs one poll interval.
        this.#logger.warn({ error: errorMessage(error) }, 'could not claim a job; retrying after the poll interval');
      }
      await this.#waitForWork();
    }
  }

  /** Sleeps one poll interval, or less when an enqueue or a finished job wakes the loop. */
  #waitForWork(): Promise<void> {
    if (this.#wakeRequested || this.#state !== 'active') {
      this.#wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wakeUp = (): void => {
        clearTimeout(timer);
        if (this.#wakeUp === wakeUp) this.#wakeUp = undefined;
        this.#wakeRequested = false;
        resolve();
      };
      const timer = setTimeout(wakeUp, this.#pollIntervalMs);
      this.#wakeUp = wakeUp;
    });
  }

  /**
   * Claims the next job, with the handler's `prepare` in the claim's transaction when there is one
   * (one commit for both). Should `prepare` fail, the claim rolls back with it and is taken again
   * alone: the handler then does that work itself, and its failures count as the job's attempts.
   */
  async #claimNext(): Promise<ClaimedJob | undefined> {
    const prepare = this.#prepare;
    if (prepare) {
      try {
        return await this.#transact(async (transaction) => {
          const row = await this.#claimRow(transaction);
          if (!row) return undefined;
          const claimed = this.#claimedJob(row);
          claimed.prepared = await prepare(claimed.job, transaction);
          return claimed;
        });
      } catch (error) {
        this.#logger.warn({ error: errorMessage(error) }, 'preparing a claimed job failed; claiming it without');
      }
    }
    const row = await this.#claimRow(this.#db);
    return row ? this.#claimedJob(row) : undefined;
  }

  #claimedJob(row: JobRow): ClaimedJob {
    const controller = new AbortController();
    const claimed: ClaimedJob = {
      controller,
      completedWithin: false,
      job: {
        ticketId: row.ticket_id,
        jobId: row.id,
        attempt: Number(row.attempts),
        maxAttempts: Number(row.max_attempts),
        signal: controller.signal,
        completeWithin: async (transaction) => {
          claimed.completedWithin = true;
          return this.#settleOn(transaction, row.id, { status: 'completed', last_error: null });
        },
      },
    };
    return claimed;
  }

  /**
   * One conditional UPDATE, so two workers (or processes) never hold the same job. A job whose lease
   * expired comes first (its run had started, it is the oldest work), then the oldest pending one.
   * Each candidate is found by its own subquery on the (queue, status, run_after) index, so a claim
   * reads a few index entries however many jobs are waiting or done: one subquery with an OR over
   * both kinds made SQLite read and sort every row of the queue (O(N) per claim).
   */
  async #claimRow(db: Executor): Promise<JobRow | undefined> {
    const now = nowTimestamp();
    const lockedUntil = new Date(Date.now() + this.#leaseMs).toISOString();
    const { rows } = await claimStatement.execute(db, [now, lockedUntil, this.workerId, this.queueName]);
    return rows[0];
  }

  #run(claimed: ClaimedJob): void {
    const handler = this.#handler;
    if (!handler) return;
    const { job, controller } = claimed;
    const heartbeat = setInterval(() => void this.#heartbeat(job, controller), this.#heartbeatMs);
    const run = (async () => {
      try {
        await handler('prepared' in claimed ? { ...job, prepared: claimed.prepared } : job);
        if (!claimed.completedWithin) await this.#settle(job, { status: 'completed', last_error: null }, 'completed');
      } catch (error) {
        if (claimed.completedWithin && (await this.#isCompleted(job.jobId))) {
          // The job ended with the work that completed it; what failed after that (delivering the
          // reply, say) is left where it is for the outbox sweep.
          this.#logger.warn({ jobId: job.jobId, ticketId: job.ticketId, error: errorMessage(error) }, 'job completed; a later step failed and is left to its own retry');
          return;
        }
        await this.#afterFailure(job, controller.signal, error);
      } finally {
        clearInterval(heartbeat);
      }
    })().catch((error: unknown) => {
      this.#logger.error({ jobId: job.jobId, ticketId: job.ticketId, error: errorMessage(error) }, 'job bookkeeping failed');
    });
    void this.#running.track(job.jobId, controller, run, () => this.#wake());
  }

  async #isCompleted(jobId: string): Promise<boolean> {
    const row = await this.#db.selectFrom('jobs').select('status').where('id', '=', jobId).executeTakeFirst();
    return row?.status === 'completed';
  }

  async #heartbeat(job: JobContext, controller: AbortController): Promise<void> {
    if (controller.signal.aborted) return;
    try {
      const extended = await this.#db
        .updateTable('jobs')
        .set({ locked_until: new Date(Date.now() + this.#leaseMs).toISOString(), updated_at: nowTimestamp() })
        .where('id', '=', job.jobId)
        .where('status', '=', 'active')
        .where('locked_by', '=', this.workerId)
        .executeTakeFirst();
      if (Number(extended.numUpdatedRows) === 0 && !controller.signal.aborted) {
        this.#logger.warn({ jobId: job.jobId, ticketId: job.ticketId }, 'lease lost: another worker took the job over');
        controller.abort(new JobAbortedError('lease-lost', `job ${job.jobId} was taken over by another worker`));
      }
    } catch (error) {
      // The lease outlives a few missed heartbeats; if it does run out, another worker takes over.
      this.#logger.warn({ jobId: job.jobId, error: errorMessage(error) }, 'heartbeat failed');
    }
  }

  async #afterFailure(job: JobContext, signal: AbortSignal, error: unknown): Promise<void> {
    const abort = signal.aborted && signal.reason instanceof JobAbortedError ? signal.reason : undefined;
    const fields = { jobId: job.jobId, ticketId: job.ticketId, attempt: job.attempt, maxAttempts: job.maxAttempts };
    if (abort?.reason === 'shutdown') {
      await this.#release(job.jobId);
      this.#logger.info(fields, 'released an in-flight job on shutdown');
      return;
    }
    if (abort?.reason === 'lease-lost') return; // The new holder owns the row now.
    const message = errorMessage(error);
    if (job.attempt < job.maxAttempts) {
      const delayMs = backoffDelayMs(job.attempt, this.#retry);
      await this.#retryLater(job, message, delayMs);
      this.#logger.warn({ ...fields, error: message, retryInMs: delayMs }, 'job failed; retrying with backoff');
      return;
    }
    try {
      await this.#onFailed({ ticketId: job.ticketId, jobId: job.jobId, attempt: job.attempt, maxAttempts: job.maxAttempts }, error);
    } catch (failureError) {
      // Nothing recorded the failure: keep the job so the ticket is not dropped, and try again later.
      const delayMs = backoffDelayMs(job.attempt, this.#retry);
      await this.#retryLater(job, `${message}; recording the failure failed too: ${errorMessage(failureError)}`, delayMs);
      this.#logger.error({ ...fields, error: message, failureError: errorMessage(failureError) }, 'job failed for good and its failure could not be recorded; it stays queued');
      return;
    }
    await this.#settle(job, { status: 'failed', last_error: message }, 'failed');
  }

  async #retryLater(job: JobContext, lastError: string, delayMs: number): Promise<void> {
    await this.#settle(
      job,
      { status: 'pending', last_error: lastError, run_after: new Date(Date.now() + delayMs).toISOString() },
      'retry',
    );
  }

  /** Writes the job's outcome only while this worker still holds its lease. */
  async #settle(
    job: JobContext,
    changes: { status: JobRow['status']; last_error: string | null; run_after?: string },
    what: string,
  ): Promise<void> {
    if (!(await this.#settleOn(this.#db, job.jobId, changes))) {
      this.#logger.warn({ jobId: job.jobId, ticketId: job.ticketId, outcome: what }, 'the job was taken over before it settled; its new holder decides');
    }
  }

  async #settleOn(db: Executor, jobId: string, changes: { status: JobRow['status']; last_error: string | null; run_after?: string }): Promise<boolean> {
    if (changes.run_after === undefined) {
      const settled = await settleStatement.execute(db, [changes.status, changes.last_error, nowTimestamp(), jobId, this.workerId]);
      return Number(settled.numAffectedRows ?? 0) > 0;
    }
    const result = await db
      .updateTable('jobs')
      .set({ ...changes, locked_by: null, locked_until: null, updated_at: nowTimestamp() })
      .where('id', '=', jobId)
      .where('status', '=', 'active')
      .where('locked_by', '=', this.workerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Gives a job back without counting the interrupted run as an attempt. */
  async #release(jobId: string): Promise<void> {
    const now = nowTimestamp();
    await this.#db
      .updateTable('jobs')
      .set({
        status: 'pending',
        attempts: sql<number>`case when attempts > 0 then attempts - 1 else 0 end`,
        run_after: now,
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('id', '=', jobId)
      .where('status', '=', 'active')
      .where('locked_by', '=', this.workerId)
      .execute()
      .catch((error: unknown) => {
        this.#logger.warn({ jobId, error: errorMessage(error) }, 'could not release the job; its lease will expire instead');
      });
  }
}

/**
 * The claim (see #claimRow), compiled once per dialect: queue name and times are its values.
 * Slots: 0 now, 1 locked until, 2 worker id, 3 queue name.
 */
const claimStatement = prepareQuery<[now: string, lockedUntil: string, workerId: string, queueName: string], JobRow>((db, slot) => {
  const dialect = dialectOf(db);
  const now = slot<string>(0);
  const queueName = slot<string>(3);
  const expiredLease = (expression: ExpressionBuilder<Database, 'jobs'>) =>
    expression.and([expression('queue', '=', queueName), expression('status', '=', 'active'), expression('locked_until', '<', now)]);
  const due = (expression: ExpressionBuilder<Database, 'jobs'>) =>
    expression.and([expression('queue', '=', queueName), expression('status', '=', 'pending'), expression('run_after', '<=', now)]);
  return db
    .updateTable('jobs')
    .set({
      status: 'active',
      attempts: sql<number>`attempts + 1`,
      locked_by: slot(2),
      locked_until: slot(1),
      updated_at: now,
    })
    .where((expression) =>
      expression.and([
        expression(
          'id',
          '=',
          expression.fn.coalesce(
            lockForUpdateSkipLocked(
              expression.selectFrom('jobs').select('jobs.id').where(expiredLease).orderBy('locked_until').orderBy('id').limit(1),
              dialect,
            ),
            lockForUpdateSkipLocked(
              expression.selectFrom('jobs').select('jobs.id').where(due).orderBy('run_after').orderBy('created_at').orderBy('id').limit(1),
              dialect,
            ),
          ),
        ),
        // Checked again on the row itself: on SQLite another process may have claimed it since.
        expression.or([expiredLease(expression), due(expression)]),
      ]),
    )
    .returningAll();
});

/** The end of every job that finished (completed or failed for good), compiled once per dialect. */
const settleStatement = prepareQuery<[status: JobRow['status'], lastError: string | null, now: string, jobId: string, workerId: string], never>((db, slot) =>
  db
    .updateTable('jobs')
    .set({ status: slot(0), last_error: slot(1), locked_by: null, locked_until: null, updated_at: slot(2) })
    .where('id', '=', slot<string>(3))
    .where('status', '=', 'active')
    .where('locked_by', '=', slot<string>(4)),
);

function positive(value: number, name: string): number {
  if (!(value > 0)) throw new RangeError(`${name} must be > 0, got ${value}`);
  return value;
}
