/**
 * The jobs-table queue's hot path: a claim finds its job through the (queue, status, run_after)
 * index instead of reading and sorting every row of the queue, an expired lease is taken before
 * due pending jobs, and createJobQueue sets synchronous=NORMAL on a SQLite file in WAL mode
 * unless told otherwise.
 */
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJobQueue } from '../../../src/service/queue/create-job-queue.js';
import type { JobContext, JobQueue } from '../../../src/service/queue/job-queue.js';
import { createSqliteQueue } from '../../../src/service/queue/sqlite-queue.js';
import { createDatabase, type StoreHandle } from '../../../src/service/store/database.js';
import { migrateToLatest } from '../../../src/service/store/migrations/migrator.js';
import { Condition } from '../../service/queue/support/deferred.js';
import { createTestStoreLocation, type TestStoreLocation } from '../../service/queue/support/test-stores.js';

describe.each(['sqlite', 'postgres'] as const)('claim order on %s', (dialect) => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let queue: JobQueue | undefined;

  beforeEach(async () => {
    location = createTestStoreLocation(dialect);
    store = await location.openMigrated();
  });

  afterEach(async () => {
    await queue?.stop({ timeoutMs: 0 });
    queue = undefined;
    await store.close();
    await location.destroy();
  });

  it('takes a job whose lease expired before older due jobs, then the due ones oldest first', async () => {
    const sqliteQueue = createSqliteQueue({ db: store.db, onFailed: async () => {}, pollIntervalMs: 20, queueName: 'claim-order' });
    queue = sqliteQueue;
    for (const ticketId of ['due-1', 'due-2', 'crashed']) await sqliteQueue.enqueue({ ticketId });
    // Enqueued in the same millisecond they would tie; make "oldest first" well defined.
    await store.db.updateTable('jobs').set({ run_after: new Date(Date.now() - 2_000).toISOString() }).where('ticket_id', '=', 'due-1').execute();
    await store.db.updateTable('jobs').set({ run_after: new Date(Date.now() - 1_500).toISOString() }).where('ticket_id', '=', 'due-2').execute();
    // What a crashed worker leaves behind, on the newest job.
    await store.db
      .updateTable('jobs')
      .set({ status: 'active', attempts: 1, locked_by: 'crashed-worker', locked_until: new Date(Date.now() - 1_000).toISOString() })
      .where('ticket_id', '=', 'crashed')
      .execute();
    const handled: JobContext[] = [];
    const condition = new Condition();
    await sqliteQueue.start(
      async (job) => {
        handled.push(job);
        condition.changed();
      },
      { concurrency: 1 },
    );
    await condition.until(() => handled.length === 3);
    expect(handled.map((job) => [job.ticketId, job.attempt])).toEqual([
      ['crashed', 2],
      ['due-1', 1],
      ['due-2', 1],
    ]);
  });
});

describe('the claim statement on SQLite', () => {
  let location: TestStoreLocation;

  beforeEach(() => {
    location = createTestStoreLocation('sqlite');
  });

  afterEach(async () => {
    await location.destroy();
  });

  it('reads jobs through the (queue, status, run_after) index, never every row of the queue', async () => {
    const store = await location.openMigrated();
    const statements: string[] = [];
    const prepare = BetterSqlite3.prototype.prepare;
    BetterSqlite3.prototype.prepare = function (this: BetterSqlite3.Database, source: string) {
      statements.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    const queue = createSqliteQueue({ db: store.db, onFailed: async () => {}, pollIntervalMs: 20, queueName: 'plan' });
    try {
      await queue.enqueue({ ticketId: 'T-plan' });
      const handled = new Condition();
      let done = false;
      await queue.start(
        async () => {
          done = true;
          handled.changed();
        },
        { concurrency: 1 },
      );
      await handled.until(() => done);
    } finally {
      BetterSqlite3.prototype.prepare = prepare;
      await queue.stop({ timeoutMs: 0 });
      await store.close();
    }
    const claim = statements.find((statement) => statement.startsWith('update "jobs"') && statement.includes('attempts + 1'));
    expect(claim).toBeDefined();
    const database = new BetterSqlite3(location.databaseUrl.slice('sqlite:'.length));
    try {
      const parameters = (claim!.match(/\?/g) ?? []).map(() => 'x');
      const plan = database.prepare(`explain query plan ${claim}`).all(...parameters) as { detail: string }[];
      const searches = plan.map((row) => row.detail).filter((detail) => /^(SEARCH|SCAN) jobs\b/.test(detail) && !/\(id=\?\)/.test(detail));
      // Both candidate lookups (expired lease, due job) seek on queue AND status.
      expect(searches).toHaveLength(2);
      for (const detail of searches) expect(detail).toMatch(/USING INDEX jobs_queue_status_run_after_index \(queue=\? AND status=\?/);
    } finally {
      database.close();
    }
  });
});

describe('createJobQueue on SQLite', () => {
  const opened: { store: StoreHandle; location: TestStoreLocation }[] = [];

  afterEach(async () => {
    for (const { store, location } of opened.splice(0)) {
      await store.close();
      await location.destroy();
    }
  });

  async function openFileStore(): Promise<StoreHandle> {
    const location = createTestStoreLocation('sqlite');
    const store = await location.openMigrated();
    opened.push({ store, location });
    return store;
  }

  async function synchronous(store: StoreHandle): Promise<number> {
    const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    return Number(rows[0]!.synchronous);
  }

  it('sets synchronous=NORMAL (1) on a WAL file by default and FULL (2) when asked', async () => {
    const normal = await openFileStore();
    // Whatever the connection had (better-sqlite3's own WAL default is NORMAL), the queue decides.
    await sql`pragma synchronous = FULL`.execute(normal.db);
    await createJobQueue({ store: normal, databaseUrl: 'sqlite:unused', onFailed: async () => {} });
    expect(await synchronous(normal)).toBe(1);

    const full = await openFileStore();
    await sql`pragma synchronous = NORMAL`.execute(full.db);
    await createJobQueue({ store: full, databaseUrl: 'sqlite:unused', onFailed: async () => {}, sqliteSynchronous: 'full' });
    expect(await synchronous(full)).toBe(2);
  });

  it('leaves a database without WAL (in memory) as it is', async () => {
    const store = await createDatabase('sqlite::memory:');
    try {
      await migrateToLatest(store.db);
      const before = await synchronous(store);
      await createJobQueue({ store, databaseUrl: 'sqlite::memory:', onFailed: async () => {} });
      expect(await synchronous(store)).toBe(before);
    } finally {
      await store.close();
    }
  });
});
