/**
 * pg-boss's job completion run as a part of our own statement (`completeJobStatement`, used by the
 * decision's statement; docs/decisions/2026-12-05-decision-in-one-statement.md): it must be the
 * UPDATE of pg-boss's own `complete`, and leave the job as `complete(name, id, {})` leaves it.
 */
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeJobStatement } from '../../../src/service/queue/pg-boss-queue.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { createTestStoreLocation, POSTGRES_URL, type TestStoreLocation } from './support/test-stores.js';

const require = createRequire(import.meta.url);
const plans = require('pg-boss/src/plans.js') as { completeJobs(schema: string): string };
const folded = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('completing a pg-boss job inside our own statement', () => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let boss: PgBoss;
  const queue = 'completion-test';

  beforeAll(async () => {
    location = createTestStoreLocation('postgres');
    store = await location.openMigrated();
    boss = new PgBoss({ connectionString: POSTGRES_URL, schema: location.bossSchema!, supervise: false, schedule: false, migrate: true });
    boss.on('error', () => {});
    await boss.start();
    await boss.createQueue(queue, { name: queue, policy: 'standard' });
  });

  afterAll(async () => {
    await boss.stop({ graceful: false, close: true, wait: true });
    await store.close();
    await location.destroy();
  });

  it('is the UPDATE of the pg-boss version installed (an upgrade that changes it fails here)', () => {
    const plan = folded(plans.completeJobs('the_schema'));
    expect(plan).toBe(
      folded(`WITH results AS (
        UPDATE the_schema.job
        SET completed_on = now(),
          state = 'completed',
          output = $3::jsonb
        WHERE name = $1
          AND id IN (SELECT UNNEST($2::uuid[]))
          AND state = 'active'
        RETURNING *
      )
      SELECT COUNT(*) FROM results`),
    );
    const ours = folded(completeJobStatement('the_schema', 'q', '00000000-0000-0000-0000-000000000000').compile(store.db).sql);
    expect(ours).toBe(
      `update "the_schema".job set completed_on = now(), state = 'completed', output = $1::jsonb where name = $2 and id = $3::uuid and state = 'active' returning 1`,
    );
  });

  it('leaves a job as pg-boss’s complete(name, id, {}) does, and only an active one', async () => {
    const byBoss = await boss.send(queue, { n: 1 });
    const byUs = await boss.send(queue, { n: 2 });
    const waiting = await boss.send(queue, { n: 3 }, { startAfter: 3600 });
    const fetched = await boss.fetch(queue, { batchSize: 2 });
    expect(fetched.map((job) => job.id).sort()).toEqual([byBoss, byUs].sort());

    await boss.complete(queue, byBoss!, {});
    const ran = await sql`with done as (${completeJobStatement(location.bossSchema!, queue, byUs!)}) select count(*)::int as count from done`.execute(store.db);
    expect(ran.rows).toEqual([{ count: 1 }]);

    const [a, b] = await Promise.all([boss.getJobById(queue, byBoss!), boss.getJobById(queue, byUs!)]);
    expect(b?.state).toBe('completed');
    expect(b?.output).toEqual(a?.output);
    expect(b?.completedOn).toBeInstanceOf(Date);
    const fields = (job: typeof a) => ({ state: job?.state, retryCount: job?.retryCount, startedOn: job?.startedOn !== null, output: job?.output });
    expect(fields(b)).toEqual(fields(a));

    // Done already, or not started: nothing to complete, as pg-boss's complete would report.
    const again = await sql`with done as (${completeJobStatement(location.bossSchema!, queue, byUs!)}) select count(*)::int as count from done`.execute(store.db);
    expect(again.rows).toEqual([{ count: 0 }]);
    const notStarted = await sql`with done as (${completeJobStatement(location.bossSchema!, queue, waiting!)}) select count(*)::int as count from done`.execute(store.db);
    expect(notStarted.rows).toEqual([{ count: 0 }]);
    expect((await boss.getJobById(queue, waiting!))?.state).toBe('created');
  });

  it('completes nothing when the caller’s condition does not hold', async () => {
    const id = await boss.send(queue, { n: 4 });
    await boss.fetch(queue, { batchSize: 10 });
    const completing = (condition: boolean) =>
      sql`with done as (${completeJobStatement(location.bossSchema!, queue, id!, sql`${condition}::boolean`)}) select count(*)::int as count from done`.execute(store.db);
    expect((await completing(false)).rows).toEqual([{ count: 0 }]);
    expect((await boss.getJobById(queue, id!))?.state).toBe('active');
    expect((await completing(true)).rows).toEqual([{ count: 1 }]);
    expect((await boss.getJobById(queue, id!))?.state).toBe('completed');
  });
});
