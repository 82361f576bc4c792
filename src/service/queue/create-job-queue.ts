/**
 * Picks the queue for a store: pg-boss when the store is on PostgreSQL (several worker processes
 * share the work), the jobs-table queue on SQLite. The jobs-table queue also runs on PostgreSQL
 * when asked (`kind: 'sqlite'`), for small deployments without pg-boss.
 */
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
    return createSqliteQueue({
      db: options.store.db,
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
    ...common,
    ...(options.pgBossSchema !== undefined ? { schema: options.pgBossSchema } : {}),
    ...(options.expireInSeconds !== undefined ? { expireInSeconds: options.expireInSeconds } : {}),
    ...(options.pollingIntervalSeconds !== undefined ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    ...(options.maintenanceIntervalSeconds !== undefined ? { maintenanceIntervalSeconds: options.maintenanceIntervalSeconds } : {}),
  });
}
