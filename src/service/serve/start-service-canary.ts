/**
 * The daily canary as `triage serve` starts it: a schedule that cannot be set up (a bad CANARY_CRON,
 * pg-boss refusing the schedule) is logged and the service runs without it. The canary watches the
 * service; it must not be the reason the service is down.
 */
import { startCanarySchedule, type StartCanaryScheduleOptions } from '../canary/canary-schedule.js';
import type { CanarySchedule } from '../canary/timer-schedule.js';

export async function startServiceCanary(options: StartCanaryScheduleOptions): Promise<CanarySchedule | undefined> {
  try {
    return await startCanarySchedule(options);
  } catch (error) {
    options.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'cannot schedule the canary');
    return undefined;
  }
}
