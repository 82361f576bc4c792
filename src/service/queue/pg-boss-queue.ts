/**
 * The job queue on pg-boss 10, so several `triage worker` processes on several machines share the
 * work of one PostgreSQL database. pg-boss keeps its tables in a schema of its own.
 *
 * - One job per ticket: the job id is derived from the ticket id, and pg-boss inserts with
 *   `ON CONFLICT DO NOTHING` on (queue, id), so a second send is a no-op whatever state the first
 *   job is in (`singletonKey` alone dedupes nothing under the standard policy).
 * - In the caller's transaction: pg-boss's `db: {executeSql}` option runs the insert on the
 *   caller's Kysely transaction, so the job commits or rolls back with the ticket.
 * - Concurrency N is N fetch loops of one job each, so a slow ticket never holds others back. The
 *   loops are ours, on pg-boss's `fetch`, not pg-boss's `work()`: `work()` completes every job
 *   after its handler, one round trip per ticket for a job we complete inside the decision's
 *   transaction already (docs/decisions/2026-12-04-own-fetch-loop.md).
 * - A run has no heartbeat in pg-boss 10: `expireInSeconds` must exceed the slowest ticket. A
 *   crashed worker's job is failed by pg-boss's maintenance once it expired, and retried elsewhere.
 * - Retries use pg-boss's exponential backoff (whole seconds). pg-boss is told to keep a job for
 *   more runs than `maxAttempts`: from the last attempt on, a failure goes to `onFailed` and the
 *   job completes; only when `onFailed` itself fails (or a run crashes) does the spare budget
 *   bring the job back, so a ticket is not left failed inside pg-boss with nobody told.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CompiledQuery, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../store/database.js';
import { isConnectionLost } from '../store/connection-errors.js';
import { dialectOf } from '../store/dialect.js';
import { JobAbortedError, QueueUsageError } from './errors.js';
import {
  errorMessage,
  type FailedJobHandler,
  type FetchPreparation,
  type JobContext,
  type JobHandler,
  type JobQueue,
  type JobStartOptions,
  type PreparedJobContext,
  type QueueHealth,
  requireConcurrency,
  resolveRetryPolicy,
  type RetryPolicy,
  TRIAGE_QUEUE_NAME,
  type TriageJob,
} from './job-queue.js';
import { type Logger, silentLogger } from './logger.js';
import { RunningJobs } from './running-jobs.js';

export interface PgBossQueueOptions {
  connectionString: string;
  /** pg-boss's own schema. Default "pgboss". */
  schema?: string;
  onFailed: FailedJobHandler;
  /**
   * backoffBaseMs is rounded up to whole seconds (pg-boss counts retry delays in seconds) and
   * pg-boss adds up to 100% jitter; backoffMaxMs does not apply, pg-boss has no cap.
   */
  retry?: Partial<RetryPolicy>;
  queueName?: string;
  /** A run longer than this is failed and retried elsewhere. Default 300. */
  expireInSeconds?: number;
  /** Default 1; pg-boss allows no less than 0.5. */
  pollingIntervalSeconds?: number;
  /** How often pg-boss expires stuck runs (any one process does it). Default 60. */
  maintenanceIntervalSeconds?: number;
  /** Runs pg-boss keeps in reserve beyond maxAttempts (see the file comment). Default 10. */
  spareAttempts?: number;
  stopTimeoutMs?: number;
  releaseGraceMs?: number;
  /** How often to retry releasing runs a database outage left active. Default 2 s. */
  releaseRetryMs?: number;
  logger?: Logger;
  /**
   * The store's database (the same PostgreSQL as pg-boss's): with it, a handler's `prepareInFetch`
   * runs in the statement that takes the job (see #fetchPreparing). Without it, jobs are taken with
   * pg-boss's `fetch` and the handler starts on its own.
   */
  storeDb?: Kysely<Database>;
}

interface TriageJobData {
  ticketId: string;
  maxAttempts?: number;
}

type QueueState = 'created' | 'active' | 'stopping' | 'stopped';

/** A run as pg-boss started it: its job and the start time that tells this run from a later one. */
type StartedJob = Pick<PgBoss.JobWithMetadata<TriageJobData>, 'id' | 'startedOn'>;

/** Starts pg-boss (creating its schema on first use) and the triage queue. */
export async function createPgBossQueue(options: PgBossQueueOptions): Promise<PgBossQueue> {
  const queue = new PgBossQueue(options);
  await queue.open();
  return queue;
}

export class PgBossQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  readonly queueName: string;
  readonly schema: string;
  readonly #boss: PgBoss;
  readonly #onFailed: FailedJobHandler;
  readonly #retry: RetryPolicy;
  readonly #expireInSeconds: number;
  readonly #pollingIntervalSeconds: number;
  readonly #spareAttempts: number;
  readonly #stopTimeoutMs: number;
  readonly #releaseGraceMs: number;
  readonly #logger: Logger;
  readonly #running = new RunningJobs();
  /** Jobs to release once the database is back (see #releaseLater). */
  readonly #unsettled = new Map<string, StartedJob>();
  readonly #releaseRetryMs: number;
  #releaseTimer: NodeJS.Timeout | undefined;
  /** One per concurrency slot; each ends once the queue stops taking jobs. */
  readonly #loops: Promise<void>[] = [];
  /** Loops waiting for a job: an enqueue or stop ends the wait before the polling interval does. */
  readonly #idleWaiters = new Set<() => void>();
  #state: QueueState = 'created';
  #opened = false;
  #handler: JobHandler<unknown> | undefined;
  #prepareInFetch: FetchPreparation<unknown> | undefined;
  readonly #storeDb: Kysely<Database> | undefined;
  #stopping: Promise<void> | undefined;

  constructor(options: PgBossQueueOptions) {
    this.queueName = options.queueName ?? TRIAGE_QUEUE_NAME;
    this.schema = options.schema ?? 'pgboss';
    this.#onFailed = options.onFailed;
    this.#retry = resolveRetryPolicy(options.retry);
    this.#expireInSeconds = options.expireInSeconds ?? 300;
    this.#pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
    this.#spareAttempts = options.spareAttempts ?? 10;
    this.#stopTimeoutMs = options.stopTimeoutMs ?? 30_000;
    this.#releaseGraceMs = options.releaseGraceMs ?? 2_000;
    this.#releaseRetryMs = options.releaseRetryMs ?? 2_000;
    this.#logger = options.logger ?? silentLogger;
    this.#storeDb = options.storeDb;
    this.#boss = new PgBoss({
      connectionString: options.connectionString,
      schema: this.schema,
      application_name: 'triage-worker',
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
      // No cron jobs here; the timekeeper would only add polling.
      schedule: false,
      migrate: true,
    });
    // An EventEmitter without an "error" listener throws; pg-boss reports pool and worker errors here.
    this.#boss.on('error', (error) => this.#logger.warn({ error: errorMessage(error) }, 'pg-boss reported an error'));
  }

  get state(): QueueState {
    return this.#state;
  }

  /** @internal Use createPgBossQueue. */
  async open(): Promise<void> {
    if (this.#opened) return;
    await this.#boss.start();
    this.#opened = true;
    await this.#ensureQueue();
  }

  /**
   * pg-boss's create_queue adds a partition; two processes starting together can deadlock on it
   * (PostgreSQL aborts one). The loser finds the queue made by the winner on its next try.
   */
  async #ensureQueue(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (await this.#boss.getQueue(this.queueName)) return;
      try {
        // Policy "standard": dedupe comes from the job id (see the file comment).
        await this.#boss.createQueue(this.queueName, { name: this.queueName, policy: 'standard' });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await sleep(25 * attempt + Math.floor(Math.random() * 50));
      }
    }
  }

  async enqueue(job: TriageJob, options: { transaction?: Transaction<Database> } = {}): Promise<boolean> {
    const { transaction } = options;
    if (transaction && dialectOf(transaction) !== 'postgres') {
      throw new QueueUsageError('the pg-boss queue needs the store on PostgreSQL: a SQLite transaction cannot hold its job');
    }
    const data: TriageJobData = { ticketId: job.ticketId, maxAttempts: this.#retry.maxAttempts };
    const id = await this.#boss.send(this.queueName, data, {
      id: jobIdFor(this.queueName, job.ticketId),
      singletonKey: job.ticketId,
      retryLimit: this.#retry.maxAttempts - 1 + this.#spareAttempts,
      retryDelay: Math.max(1, Math.ceil(this.#retry.backoffBaseMs / 1000)),
      retryBackoff: true,
      expireInSeconds: this.#expireInSeconds,
      ...(transaction ? { db: kyselyExecutor(transaction) } : {}),
    });
    // Inside a transaction the job is invisible until the commit; the next poll finds it then.
    if (id !== null) this.#wakeIdleLoops();
    return id !== null;
  }

  /**
   * `options.prepare` is not used: pg-boss claims a job on its own connection, outside our
   * transactions. `options.prepareInFetch` is, when the queue has the store's database.
   */
  async start<P = never>(handler: JobHandler<P>, options: JobStartOptions<P>): Promise<void> {
    if (this.#state !== 'created') throw new Error(`the queue cannot start: it is ${this.#state}`);
    const concurrency = requireConcurrency(options.concurrency);
    await this.open();
    this.#handler = handler as JobHandler<unknown>;
    if (this.#storeDb && options.prepareInFetch) this.#prepareInFetch = options.prepareInFetch as FetchPreparation<unknown>;
    this.#state = 'active';
    for (let index = 0; index < concurrency; index += 1) this.#loops.push(this.#fetchLoop());
  }

  /**
   * One slot: fetch a job and run it, and fetch again at once while jobs come; with none, wait the
   * polling interval or an enqueue's wake-up. What pg-boss's `work()` did, less its `complete`
   * after every job: #run settles each run itself (completed inside the decision's transaction,
   * or completed, failed or released here).
   */
  async #fetchLoop(): Promise<void> {
    while (this.#state === 'active') {
      // pg-boss's fetch answers [] when its query fails (a database outage), and so does ours:
      // the loop waits and asks again.
      const [fetched] = await this.#fetch().catch((error: unknown) => {
        this.#logger.warn({ error: errorMessage(error) }, 'could not fetch a job; trying again after the polling interval');
        return [];
      });
      if (!fetched) {
        await this.#waitForWork();
        continue;
      }
      const { job, prepared } = fetched;
      if (this.#state !== 'active') {
        // Claimed while the queue was stopping: given back, not counted as an attempt.
        if (prepared !== undefined) {
          await this.#prepareInFetch?.release?.(prepared).catch((error: unknown) => {
            this.#logger.warn({ jobId: job.id, error: errorMessage(error) }, 'could not release the run started with the job; the next attempt closes it');
          });
        }
        await this.#release(job);
        return;
      }
      try {
        await this.#runTracked(job, prepared);
      } catch (error) {
        // As `work()` did with its handler's error: the run fails and pg-boss retries it.
        await this.#boss
          .fail(this.queueName, job.id, { message: errorMessage(error) })
          .catch((failError: unknown) => this.#logger.warn({ jobId: job.id, error: errorMessage(failError) }, 'could not fail the job; it is retried once it expires'));
      }
    }
  }

  async #fetch(): Promise<{ job: PgBoss.JobWithMetadata<TriageJobData>; prepared?: unknown }[]> {
    if (!this.#prepareInFetch || !this.#storeDb) {
      const jobs = await this.#boss.fetch<TriageJobData>(this.queueName, { batchSize: 1, includeMetadata: true });
      return jobs.map((job) => ({ job }));
    }
    return this.#fetchPreparing(this.#prepareInFetch, this.#storeDb);
  }

  /**
   * pg-boss's fetch of one job and the handler's first writes in one statement: the job is taken
   * as pg-boss's `fetch` takes it (`fetchJobCtes`, its SQL), and the CTEs of `prepareInFetch` read
   * its ticket id and first-run flag from the taken row. One round trip and one commit where the
   * fetch and the start took two each. Nothing is taken, nothing started, when no job is ready.
   */
  async #fetchPreparing(
    preparation: FetchPreparation<unknown>,
    db: Kysely<Database>,
  ): Promise<{ job: PgBoss.JobWithMetadata<TriageJobData>; prepared?: unknown }[]> {
    const parts = preparation.parts({
      ticketId: sql`(select data->>'ticketId' from fetched)`,
      firstAttempt: sql`(select "retryCount" = 0 from fetched)`,
    });
    const { rows } = await sql<PgBoss.JobWithMetadata<TriageJobData> & { prepared: unknown }>`
      ${fetchJobCtes(this.schema, this.queueName)}, ${parts.ctes}
      select fetched.*, ${parts.value} as prepared from fetched`.execute(db);
    return rows.map(({ prepared, ...job }) => {
      const read = parts.read(prepared);
      return read === undefined ? { job } : { job, prepared: read };
    });
  }

  #waitForWork(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#idleWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.#pollingIntervalSeconds * 1000);
      this.#idleWaiters.add(done);
    });
  }

  #wakeIdleLoops(): void {
    for (const wake of [...this.#idleWaiters]) wake();
  }

  async stop(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.#stopping) return this.#stopping;
    const wasActive = this.#state === 'active';
    this.#state = 'stopping';
    this.#stopping = (async () => {
      if (wasActive) {
        this.#wakeIdleLoops();
        const finished = await this.#running.waitForAll(options.timeoutMs ?? this.#stopTimeoutMs);
        if (!finished) {
          this.#logger.warn({ jobs: this.#running.ids() }, 'shutdown: aborting in-flight jobs and releasing them');
          this.#running.abortAll(new JobAbortedError('shutdown', 'the worker is shutting down'));
          await this.#running.waitForAll(this.#releaseGraceMs);
        }
        // A loop still fetching gives back what it gets; one whose run ignores the abort is left to pg-boss's stop.
        await Promise.race([Promise.allSettled(this.#loops), sleep(this.#releaseGraceMs)]);
      }
      this.#clearReleaseTimer();
      if (this.#unsettled.size > 0) await this.#releaseUnsettled();
      // Not graceful: we waited ourselves. pg-boss fails (releases) whatever still runs, then closes its pool.
      if (this.#opened) await this.#boss.stop({ graceful: false, close: true, wait: true });
      this.#state = 'stopped';
    })();
    return this.#stopping;
  }

  async health(): Promise<QueueHealth> {
    try {
      const pending = await this.#boss.getQueueSize(this.queueName);
      const notFinished = await this.#boss.getQueueSize(this.queueName, { before: 'completed' });
      const oldest = await this.#boss
        .getDb()
        .executeSql(oldestWaitingJobSql(this.schema), [this.queueName]);
      const stopped = this.#state === 'stopping' || this.#state === 'stopped';
      return {
        ok: !stopped,
        ...(stopped ? { detail: `the queue is ${this.#state}` } : {}),
        pending,
        active: Math.max(0, notFinished - pending),
        oldestPendingSeconds: Math.max(0, Number((oldest.rows[0] as { seconds?: unknown } | undefined)?.seconds ?? 0)),
      };
    } catch (error) {
      return { ok: false, detail: `pg-boss cannot be reached: ${errorMessage(error)}`, pending: 0, active: 0 };
    }
  }

  async #release(job: StartedJob): Promise<void> {
    const jobId = job.id;
    try {
      await this.#boss.getDb().executeSql(releaseJobSql(this.schema), [this.queueName, job.id, job.startedOn]);
    } catch (error) {
      if (isConnectionLost(error)) {
        this.#releaseLater(job);
        return;
      }
      // pg-boss's maintenance expires the run later and retries it: slower, but nothing is lost.
      this.#logger.warn({ jobId, error: errorMessage(error) }, 'could not release the job; it is retried once it expires');
    }
  }

  /**
   * A run whose outcome could not be written because the database went away stays active in
   * pg-boss until it expires (minutes). Released as soon as the database answers again, it runs
   * again at once: a run that had decided finds its decision stored and only delivers it.
   */
  #releaseLater(job: StartedJob): void {
    this.#unsettled.set(job.id, job);
    this.#releaseTimer ??= setInterval(() => void this.#releaseUnsettled(), this.#releaseRetryMs);
  }

  async #releaseUnsettled(): Promise<void> {
    for (const job of [...this.#unsettled.values()]) {
      try {
        await this.#boss.getDb().executeSql(releaseJobSql(this.schema), [this.queueName, job.id, job.startedOn]);
        this.#unsettled.delete(job.id);
        this.#logger.info({ jobId: job.id }, 'released a job left active by a database outage');
      } catch {
        return; // Still down: the next tick tries again.
      }
    }
    if (this.#unsettled.size === 0) this.#clearReleaseTimer();
  }

  #clearReleaseTimer(): void {
    if (this.#releaseTimer) clearInterval(this.#releaseTimer);
    this.#releaseTimer = undefined;
  }

  #runTracked(job: PgBoss.JobWithMetadata<TriageJobData>, prepared?: unknown): Promise<void> {
    const controller = new AbortController();
    const run = this.#run(job, controller, prepared).catch((error: unknown) => {
      if (!isConnectionLost(error)) throw error;
      this.#logger.warn({ jobId: job.id, ticketId: job.data.ticketId, error: errorMessage(error) }, 'database lost while settling a job; releasing it once it is back');
      this.#releaseLater(job);
    });
    return this.#running.track(job.id, controller, run);
  }

  /**
   * Completes or fails the job itself (awaited, so nothing is left in flight at shutdown); pg-boss's
   * own complete after the callback then finds the job no longer active and changes nothing.
   */
  async #run(job: PgBoss.JobWithMetadata<TriageJobData>, controller: AbortController, prepared?: unknown): Promise<void> {
    const handler = this.#handler;
    if (!handler) return;
    let completedWithin = false;
    const context: PreparedJobContext<unknown> = {
      ...(prepared !== undefined ? { prepared } : {}),
      ticketId: job.data.ticketId,
      jobId: job.id,
      attempt: job.retryCount + 1,
      maxAttempts: job.data.maxAttempts ?? this.#retry.maxAttempts,
      signal: controller.signal,
      completeWithin: async (transaction) => {
        completedWithin = true;
        const result: unknown = await this.#boss.complete(this.queueName, job.id, {}, { db: kyselyExecutor(transaction) });
        return !(typeof result === 'object' && result !== null && 'affected' in result && result.affected === 0);
      },
      completionStatement: (condition) => {
        completedWithin = true;
        return completeJobStatement(this.schema, this.queueName, job.id, condition);
      },
    };
    const fields = { jobId: context.jobId, ticketId: context.ticketId, attempt: context.attempt, maxAttempts: context.maxAttempts };
    // pg-boss fails a run that outlives its expiry and may hand the job to another worker: stop too.
    const expiry = setTimeout(
      () => controller.abort(new JobAbortedError('expired', `job ${job.id} ran longer than ${job.expireInSeconds} s`)),
      Math.max(1, job.expireInSeconds) * 1000,
    );
    try {
      await handler(context);
      if (isAbortedWith(controller.signal, 'expired') || completedWithin) return;
      await this.#boss.complete(this.queueName, job.id);
    } catch (error) {
      if (completedWithin && (await this.#boss.getJobById(this.queueName, job.id))?.state === 'completed') {
        // The job ended with the work that completed it; what failed after that (delivering the
        // reply, say) is left where it is for the outbox sweep.
        this.#logger.warn({ ...fields, error: errorMessage(error) }, 'job completed; a later step failed and is left to its own retry');
        return;
      }
      if (isAbortedWith(controller.signal, 'expired')) {
        this.#logger.warn({ ...fields, error: errorMessage(error) }, 'job expired; pg-boss retries it');
        throw error;
      }
      if (isAbortedWith(controller.signal, 'shutdown')) {
        await this.#release(job);
        this.#logger.info(fields, 'released an in-flight job on shutdown');
        return;
      }
      const message = errorMessage(error);
      if (context.attempt < context.maxAttempts) {
        await this.#boss.fail(this.queueName, job.id, { message });
        this.#logger.warn({ ...fields, error: message }, 'job failed; pg-boss retries it with backoff');
        return;
      }
      try {
        await this.#onFailed({ ticketId: context.ticketId, jobId: context.jobId, attempt: context.attempt, maxAttempts: context.maxAttempts }, error);
      } catch (failureError) {
        await this.#boss.fail(this.queueName, job.id, { message, failureError: errorMessage(failureError) });
        this.#logger.error(
          { ...fields, error: message, failureError: errorMessage(failureError) },
          'job failed for good and its failure could not be recorded; it stays queued',
        );
        return;
      }
      // Handed to a human: the job is done, its output says how it ended.
      await this.#boss.complete(this.queueName, job.id, { failed: true, error: message });
    } finally {
      clearTimeout(expiry);
    }
  }
}

/**
 * Gives an interrupted job back without counting the run as an attempt: pg-boss's fetch adds one
 * to retry_count only when started_on is set, so clearing it makes the next run the same attempt.
 * `fail` would count it and wait a backoff, so a few restarts in a row would hand a healthy ticket
 * to a human. pg-boss 10 has no call for this; the statement touches only this job's own row, and
 * only while it is still the run we started (same started_on; JavaScript keeps milliseconds of
 * PostgreSQL's microseconds), never a later run of the job.
 */
function releaseJobSql(schema: string): string {
  return `UPDATE ${quoteIdentifier(schema)}.job SET state = 'retry', start_after = now(), started_on = NULL
    WHERE name = $1 AND id = $2 AND state = 'active'
      AND abs(extract(epoch FROM started_on - $3::timestamptz)) < 0.001`;
}

/**
 * pg-boss 10's fetch of one job (`fetch(name, { batchSize: 1, includeMetadata: true })`) as the CTEs
 * of a statement of ours, the taken job's row in `fetched`: the SQL of pg-boss's `fetchNextJob` plan
 * (`plans.js`), its final UPDATE ... RETURNING made the CTE `fetched`.
 * `test/service/queue/pg-boss-completion.test.ts` compares the texts, so an upgrade that changes the
 * plan fails there. docs/decisions/2026-12-05-decision-in-one-statement.md.
 */
export function fetchJobCtes(schema: string, queueName: string): RawBuilder<unknown> {
  const table = sql.raw(`${quoteIdentifier(schema)}.job`);
  const batchSize = 1;
  return sql`WITH next as (
      SELECT id, singleton_key, policy
      FROM ${table}
      WHERE name = ${queueName}
        AND state < 'active'
        AND start_after < now()
      ORDER BY priority desc, created_on, id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    ), grouped as (
      SELECT
        n.id,
        n.policy as grouped_policy,
        row_number() OVER (
          PARTITION BY CASE
            WHEN ${batchSize} > 1 AND n.policy in ('singleton', 'stately') THEN n.singleton_key
            ELSE n.id::text
          END
        ) as row_number
      FROM next n
    ), fetched as (
    UPDATE ${table} j SET
      state = 'active',
      started_on = now(),
      retry_count = CASE WHEN started_on IS NOT NULL THEN retry_count + 1 ELSE retry_count END
    FROM grouped
    WHERE name = ${queueName} AND j.id = grouped.id
      AND (
        (grouped.grouped_policy IN ('singleton', 'stately') AND grouped.row_number = 1)
        OR COALESCE(grouped.grouped_policy, '') NOT IN ('singleton', 'stately')
      )
    RETURNING j.id, name, data, EXTRACT(epoch FROM expire_in) as "expireInSeconds",
      policy,
      state,
      priority,
      retry_limit as "retryLimit",
      retry_count as "retryCount",
      retry_delay as "retryDelay",
      retry_backoff as "retryBackoff",
      start_after as "startAfter",
      started_on as "startedOn",
      singleton_key as "singletonKey",
      singleton_on as "singletonOn",
      expire_in as "expireIn",
      created_on as "createdOn",
      completed_on as "completedOn",
      keep_until as "keepUntil",
      dead_letter as "deadLetter",
      output
    )`;
}

/**
 * pg-boss 10's `complete(name, id, {})` as a data-modifying statement to run inside one of ours
 * (decision-statement.ts), RETURNING a row when it completed the job: the UPDATE of pg-boss's
 * `completeJobs` plan for one id (`plans.js`; `test/service/queue/pg-boss-completion.test.ts`
 * compares the two texts and the rows they leave, so an upgrade that changes the plan fails
 * there). The output is what `complete` stores for `{}`. `condition`: only when it holds (the
 * caller's guard, an SQL boolean over its own CTEs).
 * docs/decisions/2026-12-05-decision-in-one-statement.md.
 */
export function completeJobStatement(schema: string, queueName: string, jobId: string, condition?: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`update ${sql.raw(quoteIdentifier(schema))}.job set completed_on = now(), state = 'completed', output = ${'{}'}::jsonb
    where name = ${queueName} and id = ${jobId}::uuid and state = 'active'${condition ? sql` and (${condition})` : sql``}
    returning 1`;
}

/** The age of the oldest job waiting to run (created or backing off before a retry). */
function oldestWaitingJobSql(schema: string): string {
  return `SELECT coalesce(extract(epoch FROM now() - min(created_on)), 0)::float8 AS seconds
    FROM ${quoteIdentifier(schema)}.job WHERE name = $1 AND state < 'active'`;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A UUID that depends only on queue and ticket (shaped like a v5 UUID). */
export function jobIdFor(queueName: string, ticketId: string): string {
  const bytes = createHash('sha256').update(`${queueName}\u0000${ticketId}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** pg-boss's db option over a Kysely transaction: pg-boss's SQL runs on the caller's connection. */
function kyselyExecutor(transaction: Transaction<Database>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await transaction.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}

function isAbortedWith(signal: AbortSignal, reason: JobAbortedError['reason']): boolean {
  return signal.aborted && signal.reason instanceof JobAbortedError && signal.reason.reason === reason;
}
