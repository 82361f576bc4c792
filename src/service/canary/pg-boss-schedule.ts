/**
 * The canary's schedule on PostgreSQL: pg-boss's own cron. pg-boss's timekeeper sends one job per
 * cron minute across every process (a singleton send), and one worker takes it; the report row
 * keyed by the slot guards the rest. Its own pg-boss instance, in the queue's schema, because the
 * triage queue runs pg-boss without the timekeeper (it would only add polling there).
 */
import PgBoss from 'pg-boss';
import type { Logger } from '../queue/logger.js';
import type { CanarySchedule } from './timer-schedule.js';
import { nextSlot, slotAtOrBefore } from './cron-slots.js';

export const CANARY_QUEUE_NAME = 'triage-canary';

export interface PgBossCanaryScheduleOptions {
  connectionString: string;
  /** pg-boss's schema; default "pgboss", the same as the triage queue's. */
  schema?: string;
  cron: string;
  run: (slot: Date) => Promise<unknown>;
  logger: Logger;
  /** How often an idle worker looks for the canary job. Default 30 s: the job is once a day. */
  pollingIntervalSeconds?: number;
}

export async function startPgBossCanarySchedule(options: PgBossCanaryScheduleOptions): Promise<CanarySchedule> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: options.schema ?? 'pgboss',
    application_name: 'triage-canary',
    schedule: true,
    migrate: true,
  });
  boss.on('error', (error) => options.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'pg-boss (canary) reported an error'));
  await boss.start();
  try {
    await ensureQueue(boss);
    // A run takes seconds; one that has not finished in an hour is stuck, and the next day's run
    // is the retry.
    await boss.schedule(CANARY_QUEUE_NAME, options.cron, {}, { tz: 'UTC', retryLimit: 0, expireInSeconds: 3600 });
    await boss.work(
      CANARY_QUEUE_NAME,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 30 },
      async (jobs) => {
        for (const job of jobs) await options.run(slotAtOrBefore(options.cron, job.createdOn));
      },
    );
  } catch (error) {
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
    throw error;
  }
  let stopped = false;
  return {
    get nextRun() {
      return stopped ? undefined : nextSlot(options.cron, new Date());
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, close: true, wait: true });
    },
  };
}

/** Two processes starting together may both try to create the queue; the loser finds it made. */
async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(CANARY_QUEUE_NAME)) return;
  try {
    await boss.createQueue(CANARY_QUEUE_NAME, { name: CANARY_QUEUE_NAME, policy: 'standard' });
  } catch (error) {
    if (!(await boss.getQueue(CANARY_QUEUE_NAME))) throw error;
  }
}
