/**
 * Picks the queue for a store: pg-boss when the store is on PostgreSQL (several worker processes
 * share the work), the jobs-table queue on SQLite. The jobs-table queue also runs on PostgreSQL
 * when asked (`kind: 'sqlite'`), for small deployments without pg-boss.
 *
 * On a SQLite file in WAL mode the queue states `PRAGMA synchronous = NORMAL` on the store's
 * connection (see `sqliteSynchronous`). better-sqlite3 builds SQLite with that as its WAL default
 * (SQLITE_DEFAULT_WAL_SYNCHRONOUS=1); saying it here keeps another build, or a changed default,
 * from quietly adding an fsync to every commit: a queued ticket costs up to three commits (accept;
 * claim with the run's start and the previous ticket's delivered mark; decision with the job's end
 * and the delivery lease), fewer when writes share commits (group-commit.ts), and an fsync took 0.2
 * to 3 ms on the benchmark machine. In WAL mode NORMAL never corrupts the database and loses nothing when the
 * process crashes; after a power cut or an OS crash the last transactions before it may be gone,
 * which includes webhooks already answered 202. Deployments that cannot accept that set
 * `sqliteSynchronous: 'full'` (webhook accepts share commits, so the cost is moderate; see
 * docs/benchmarks.md) or use PostgreSQL.
 */
import { sql } from 'kysely';
import type { StoreHandle } from '../store/database.js';
import { QueueUsageError } from './errors.js';
import type { FailedJobHandler, JobQueue, RetryPolicy } from './job-queue.js';
import type { Logger } from './logger.js';
import { createPgBossQueue } from './pg-boss-queue.js';
import { createSqliteQueue } from './sqlite-queue.js';

export interface JobQueueSettings {
  kind?: JobQueue['kind'];
  /** Default "triage". */
  queueName?: string;
  retry?: Partial<RetryPolicy>;
  stopTimeoutMs?: number;
  /**
   * Jobs-table queue on a SQLite file in WAL mode: the connection's `synchronous` setting. Default
   * "normal" (see the file comment); "full" waits for an fsync at every commit.
   */
  sqliteSynchronous?: 'normal' | 'full';
  /** Jobs-table queue: lease and polling. */
  leaseMs?: number;
  pollIntervalMs?: number;
  /** pg-boss: its schema (default "pgboss"), run expiry, polling and maintenance. */
  pgBossSchema?: string;
  expireInSeconds?: number;
  pollingIntervalSeconds?: number;
  maintenanceIntervalSeconds?: number;
}

export interface CreateJobQueueOptions extends JobQueueSettings {
  store: StoreHandle;
  /** The store's DATABASE_URL: pg-boss opens its own pool on the same database. */
  databaseUrl: string;
  onFailed: FailedJobHandler;
  logger?: Logger;
}

export async function createJobQueue(options: CreateJobQueueOptions): Promise<JobQueue> {
  const kind = options.kind ?? (options.store.dialect === 'postgres' ? 'pg-boss' : 'sqlite');
  const common = {
    onFailed: options.onFailed,
    ...(options.queueName !== undefined ? { queueName: options.queueName } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
  };
  if (kind === 'sqlite') {
    if (options.store.dialect === 'sqlite') await setSqliteSynchronous(options.store, options.sqliteSynchronous ?? 'normal');
    return createSqliteQueue({
      db: options.store.db,
      transact: options.store.transact,
      ...common,
      ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
  }
  if (options.store.dialect !== 'postgres') {
    throw new QueueUsageError('the pg-boss queue needs DATABASE_URL to be a postgres:// url');
  }
  return createPgBossQueue({
    connectionString: options.databaseUrl,
    storeDb: options.store.db,
    ...common,
    ...(options.pgBossSchema !== undefined ? { schema: options.pgBossSchema } : {}),
    ...(options.expireInSeconds !== undefined ? { expireInSeconds: options.expireInSeconds } : {}),
    ...(options.pollingIntervalSeconds !== undefined ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    ...(options.maintenanceIntervalSeconds !== undefined ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
}

/** Only in WAL mode: with a rollback journal, NORMAL could corrupt the file on a power cut. */
async function setSqliteSynchronous(store: StoreHandle, level: 'normal' | 'full'): Promise<void> {
  const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
  if (rows[0]?.journal_mode.toLowerCase() !== 'wal') return;
  await sql.raw(`pragma synchronous = ${level === 'normal' ? 'NORMAL' : 'FULL'}`).execute(store.db);
}
