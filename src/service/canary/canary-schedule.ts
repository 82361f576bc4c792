/**
 * Starts the daily canary for `triage serve`: pg-boss's cron when the store is on PostgreSQL, a
 * timer otherwise; nothing when CANARY_CRON is "off".
 */
import type { Config } from '../config.js';
import type { Logger } from '../queue/logger.js';
import type { StoreHandle } from '../store/database.js';
import { createCanaryAlert, type CanaryAlert } from './canary-alert.js';
import { startPgBossCanarySchedule } from './pg-boss-schedule.js';
import { runCanary, type CanaryRunnerOptions } from './run-canary.js';
import { startTimerSchedule, type CanarySchedule, type Clock } from './timer-schedule.js';

export interface StartCanaryScheduleOptions {
  config: Config;
  store: StoreHandle;
  logger: Logger;
  alert?: CanaryAlert;
  clock?: Clock;
  openRuntime?: CanaryRunnerOptions['openRuntime'];
}

export async function startCanarySchedule(options: StartCanaryScheduleOptions): Promise<CanarySchedule | undefined> {
  const { config, store, logger, clock } = options;
  if (config.CANARY_CRON === 'off') return undefined;
  const runner: CanaryRunnerOptions = {
    config,
    db: store.db,
    logger,
    alert: options.alert ?? createCanaryAlert({ url: config.CANARY_ALERT_URL, logger }),
    ...(options.openRuntime ? { openRuntime: options.openRuntime } : {}),
    ...(clock ? { now: () => new Date(clock.now()) } : {}),
  };
  const run = (slot: Date) => runCanary(runner, { slot });
  const schedule =
    store.dialect === 'postgres'
      ? await startPgBossCanarySchedule({ connectionString: config.DATABASE_URL, cron: config.CANARY_CRON, run, logger })
      : startTimerSchedule({ cron: config.CANARY_CRON, run, logger, ...(clock ? { clock } : {}) });
  logger.info({ cron: config.CANARY_CRON, set: config.CANARY_SET, nextRun: schedule.nextRun?.toISOString(), on: store.dialect === 'postgres' ? 'pg-boss' : 'timer' }, 'canary scheduled');
  return schedule;
}
