/**
 * Taking a pg-boss job and starting its ticket's run in one statement (`prepareInFetch`,
 * pg-boss-queue.ts and ticket-run-start.ts; docs/decisions/2026-12-05-decision-in-one-statement.md):
 * the job is taken as pg-boss's own fetch takes it, the run starts as `beginTicketRunAlone` starts
 * it, and a ticket another transaction holds is not waited for (the handler starts it on its own).
 */
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import type { PreparedJobContext } from '../../../src/service/queue/job-queue.js';
import { createPgBossQueue, fetchJobCtes, type PgBossQueue } from '../../../src/service/queue/pg-boss-queue.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { listRuns, startRun } from '../../../src/service/store/repositories/run-repository.js';
import { getTicket, insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { runStartInFetch, type TicketRunStart } from '../../../src/service/ticket-run-start.js';
import { Condition } from './support/deferred.js';
import { createTestStoreLocation, POSTGRES_URL, type TestStoreLocation } from './support/test-stores.js';

const require = createRequire(import.meta.url);
const plans = require('pg-boss/src/plans.js') as { fetchNextJob(schema: string): (options: { includeMetadata?: boolean }) => string };

/** Whitespace folded, comments dropped, each placeholder replaced by the value it takes. */
function normalised(text: string, values: readonly unknown[]): string {
  return text
    .replace(/--[^\n]*/g, '')
    .replace(/\$(\d+)/g, (_, index: string) => `<${String(values[Number(index) - 1])}>`)
    .replace(/\s+/g, ' ')
    .trim();
}

describe('taking a pg-boss job and starting its run in one statement', () => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let queue: PgBossQueue;

  beforeEach(async () => {
    location = createTestStoreLocation('postgres');
    store = await location.openMigrated();
    queue = await createPgBossQueue({
      connectionString: POSTGRES_URL,
      schema: location.bossSchema!,
      queueName: `fetch-start-${randomBytes(3).toString('hex')}`,
      onFailed: async () => {},
      retry: { backoffBaseMs: 1_000, backoffMaxMs: 2_000 },
      pollingIntervalSeconds: 0.5,
      storeDb: store.db,
    });
  });

  afterEach(async () => {
    await queue.stop({ timeoutMs: 0 });
    await store.close();
    await location.destroy();
  });

  async function accept(): Promise<string> {
    const ticketId = `T-fs-${randomBytes(4).toString('hex')}`;
    await store.db.transaction().execute(async (transaction) => {
      await insertTicketIfAbsent(transaction, { id: ticketId, source: 'generic', customerEmail: 'ada@example.com', body: 'Hi', receivedAt: new Date().toISOString() });
      await queue.enqueue({ ticketId }, { transaction });
    });
    return ticketId;
  }

  function startCollecting(handle: (job: PreparedJobContext<TicketRunStart>) => Promise<void> = async () => {}) {
    const seen: PreparedJobContext<TicketRunStart>[] = [];
    const condition = new Condition();
    const started = queue.start<TicketRunStart>(
      async (job) => {
        seen.push(job);
        condition.changed();
        await handle(job);
      },
      { concurrency: 1, prepareInFetch: runStartInFetch(store, { model: 'local' }) },
    );
    return { seen, condition, started };
  }

  it('takes the job with the installed pg-boss plan for one job with its metadata (an upgrade that changes it fails here)', () => {
    const theirs = normalised(plans.fetchNextJob('"the_schema"')({ includeMetadata: true }), ['the-queue', 1]);
    const compiled = fetchJobCtes('the_schema', 'the-queue').compile(store.db);
    const ours = normalised(compiled.sql, compiled.parameters)
      .replace('), fetched as ( UPDATE', ') UPDATE')
      .replace(/ output \)$/, ' output');
    expect(ours).toBe(theirs);
  });

  it('hands the handler its started run: one statement took the job, started the run and marked the ticket', async () => {
    const ticketId = await accept();
    const counter = startStatementCounter({ record: true });
    const { seen, condition, started } = startCollecting();
    try {
      await started;
      await condition.until(() => seen.length === 1);
    } finally {
      counter.stop();
    }
    const [job] = seen;
    expect(job?.attempt).toBe(1);
    expect(job?.prepared?.kind).toBe('started');
    if (job?.prepared?.kind !== 'started') return;
    expect(job.prepared.ticket).toMatchObject({ id: ticketId, status: 'queued' });
    expect(await listRuns(store.db, ticketId)).toEqual([job.prepared.run]);
    expect((await getTicket(store.db, ticketId))?.status).toBe('running');
    const taking = counter.recorded.filter((text) => /FOR UPDATE SKIP LOCKED/.test(text) && /insert into runs/.test(text));
    expect(taking).toHaveLength(1);
    expect(counter.recorded.some((text) => /^\s*with ticket as/.test(text))).toBe(false);
  });

  it('on a later run, fails the run the earlier one left running and counts it', async () => {
    const ticketId = await accept();
    let runs = 0;
    const { seen, condition, started } = startCollecting(async () => {
      runs += 1;
      // The first run dies without ending its run; pg-boss retries the job after its backoff.
      if (runs === 1) throw new Error('crashed mid-run');
    });
    await started;
    await condition.until(() => seen.length === 2);
    const second = seen[1]!;
    expect(second.attempt).toBe(2);
    expect(second.prepared?.kind === 'started' && second.prepared.run.attempt).toBe(2);
    const stored = await listRuns(store.db, ticketId);
    expect(stored.map((run) => [run.attempt, run.status])).toEqual([
      [1, 'failed'],
      [2, 'running'],
    ]);
    expect(stored[0]?.error).toMatch(/abandoned/);
  });

  it('does not wait for a ticket another transaction holds: the job is taken, no run started, the handler starts it', async () => {
    const ticketId = await accept();
    const holder = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path="${location.schema}"` });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from tickets where id = $1 for update', [ticketId]);
      const { seen, condition, started } = startCollecting();
      await started;
      await condition.until(() => seen.length === 1);
      expect(seen[0]?.prepared).toBeUndefined();
      expect(await listRuns(store.db, ticketId)).toEqual([]);
      await holder.query('commit');
    } finally {
      await holder.end();
    }
  });

  it('hands over a decided ticket without a start (the handler reads its decision), and a missing one as missing', async () => {
    const decided = await accept();
    const run = await startRun(store.db, { ticketId: decided, model: 'local' });
    await store.db
      .insertInto('decisions')
      .values({ ticket_id: decided, run_id: run.id, decision: 'sent', intent: 'x', confidence: 1, reply: 'Hi', tags: '[]', reasons: '[]', steps: '[]', created_at: new Date().toISOString() })
      .execute();
    await queue.enqueue({ ticketId: 'T-fs-missing' });
    const { seen, condition, started } = startCollecting();
    await started;
    await condition.until(() => seen.length === 2);
    const byTicket = new Map(seen.map((job) => [job.ticketId, job.prepared]));
    expect(byTicket.get(decided)).toBeUndefined();
    expect(byTicket.get('T-fs-missing')).toEqual({ kind: 'missing' });
    expect((await listRuns(store.db, decided)).map((stored) => stored.status)).toEqual(['running']);
  });

  it('a job taken while the queue stops is given back unrun: its run released, its ticket queued, the attempt not counted', async () => {
    const ticketId = await accept();
    // pg-boss's job table locked, so the queue's first fetch waits until the queue is stopping.
    const locker = new pg.Client({ connectionString: POSTGRES_URL });
    await locker.connect();
    let stopping: Promise<void> | undefined;
    const handled: string[] = [];
    try {
      await locker.query('begin');
      await locker.query(`lock table "${location.bossSchema}".job in exclusive mode`);
      await queue.start<TicketRunStart>(
        async (job) => {
          handled.push(job.ticketId);
        },
        { concurrency: 1, prepareInFetch: runStartInFetch(store, { model: 'local' }) },
      );
      await vi.waitFor(
        async () => {
          const waiting = await sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%FOR UPDATE SKIP LOCKED%' and datname = current_database()`.execute(store.db);
          expect(waiting.rows.length).toBeGreaterThan(0);
        },
        { timeout: 20_000, interval: 20 },
      );
      stopping = queue.stop({ timeoutMs: 10_000 });
      await locker.query('commit');
      await stopping;
    } finally {
      await locker.end();
    }
    expect(handled).toEqual([]);
    const [run] = await listRuns(store.db, ticketId);
    expect(run).toMatchObject({ status: 'released', attempt: 1 });
    expect((await getTicket(store.db, ticketId))?.status).toBe('queued');
    const job = await sql<{ state: string; retry_count: number; started_on: Date | null }>`
      select state, retry_count, started_on from ${sql.id(location.bossSchema!, 'job')} where data->>'ticketId' = ${ticketId}`.execute(store.db);
    expect(job.rows).toEqual([{ state: 'retry', retry_count: 0, started_on: null }]);
  });

  it('release: a run started with a job given back unrun is released and its ticket queued again', async () => {
    const ticketId = await accept();
    const { seen, condition, started } = startCollecting();
    await started;
    await condition.until(() => seen.length === 1);
    const start = seen[0]!.prepared!;
    await runStartInFetch(store, { model: 'local' }).release!(start);
    const [run] = await listRuns(store.db, ticketId);
    expect(run).toMatchObject({ status: 'released' });
    expect(run?.error).toMatch(/released for a retry/);
    expect((await getTicket(store.db, ticketId))?.status).toBe('queued');
  });
});
