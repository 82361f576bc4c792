/**
 * The canary's schedule on PostgreSQL: registered with pg-boss's cron (once, whatever the number of
 * processes), and a job of the canary queue runs the canary for the slot it was created in.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { slotAtOrBefore } from '../../../src/service/canary/cron-slots.js';
import { CANARY_QUEUE_NAME, startPgBossCanarySchedule } from '../../../src/service/canary/pg-boss-schedule.js';
import type { CanarySchedule } from '../../../src/service/canary/timer-schedule.js';
import { silentLogger } from '../../../src/service/queue/logger.js';
import { dropSchema, POSTGRES_URL, randomSchemaName } from '../store/store-dialects.js';

const CRON = '0 6 * * *';

describe('the canary schedule on pg-boss', () => {
  const schema = randomSchemaName();
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
    await dropSchema(schema);
  });

  it('registers the cron once for every process and runs the canary for the slot of each job', async () => {
    const slots: string[] = [];
    const start = () =>
      startPgBossCanarySchedule({
        connectionString: POSTGRES_URL,
        schema,
        cron: CRON,
        run: async (slot) => slots.push(slot.toISOString()),
        logger: silentLogger,
        pollingIntervalSeconds: 0.5,
      });
    const first: CanarySchedule = await start();
    cleanup.push(() => first.stop());
    const second: CanarySchedule = await start();
    cleanup.push(() => second.stop());

    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    cleanup.push(() => client.end());
    const { rows } = await client.query(`select name, cron, timezone from "${schema}".schedule`);
    expect(rows).toEqual([{ name: CANARY_QUEUE_NAME, cron: CRON, timezone: 'UTC' }]);
    expect(first.nextRun?.toISOString()).toMatch(/T06:00:00\.000Z$/);

    // What pg-boss's timekeeper does at 06:00: send one job to the canary queue.
    const sender = new PgBoss({ connectionString: POSTGRES_URL, schema, supervise: false, schedule: false, migrate: false });
    sender.on('error', () => undefined);
    await sender.start();
    cleanup.push(() => sender.stop({ graceful: false, close: true, wait: true }));
    const jobId = await sender.send(CANARY_QUEUE_NAME, {});
    expect(jobId).not.toBeNull();
    await vi.waitFor(() => expect(slots).toHaveLength(1), { timeout: 20_000, interval: 100 });
    const job = await sender.getJobById(CANARY_QUEUE_NAME, jobId!);
    expect(slots).toEqual([slotAtOrBefore(CRON, job!.createdOn).toISOString()]);
  });
});
