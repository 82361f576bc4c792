/**
 * The jobs-table queue, once per dialect: SQLite in a temp file, PostgreSQL (SKIP LOCKED) in a
 * fresh schema. Tests wait for events (handler calls, row changes), never for time to pass.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JobAbortedError } from '../../../src/service/queue/errors.js';
import { backoffDelayMs, type FailedJob, type JobContext } from '../../../src/service/queue/job-queue.js';
import { createSqliteQueue, type SqliteQueue, type SqliteQueueOptions } from '../../../src/service/queue/sqlite-queue.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { Condition, deferred } from './support/deferred.js';
import { createRecordingLogger } from './support/recording-logger.js';
import { createTestStoreLocation, type TestStoreLocation } from './support/test-stores.js';

let ticketCounter = 0;
function nextTicketId(): string {
  ticketCounter += 1;
  return `T-queue-${ticketCounter}`;
}

describe('backoffDelayMs', () => {
  it('doubles from the base, caps at the maximum and honours a longer Retry-After', () => {
    const policy = { backoffBaseMs: 100, backoffMaxMs: 1_000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelayMs(attempt, policy))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffDelayMs(1, policy, 700)).toBe(700);
    expect(backoffDelayMs(1, policy, 60_000)).toBe(1_000);
  });
});

describe.each(['sqlite', 'postgres'] as const)('sqlite-queue on %s', (dialect) => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  const queues: SqliteQueue[] = [];

  // Each test gets a fresh store (a temp file, or a schema of its own), removed afterwards.
  beforeEach(async () => {
    location = createTestStoreLocation(dialect);
    store = await location.openMigrated();
  });

  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.stop({ timeoutMs: 0 })));
    await store.close();
    await location.destroy();
  });

  function makeQueue(options: Partial<SqliteQueueOptions> = {}): SqliteQueue {
    const queue = createSqliteQueue({
      db: store.db,
      onFailed: async () => {},
      retry: { backoffBaseMs: 10, backoffMaxMs: 200 },
      pollIntervalMs: 20,
      // Each test gets its own queue name, so rows of earlier tests never interfere.
      queueName: `test-${ticketCounter}-${Math.random().toString(36).slice(2, 8)}`,
      ...options,
    });
    queues.push(queue);
    return queue;
  }

  async function jobRows(queue: SqliteQueue) {
    return store.db.selectFrom('jobs').selectAll().where('queue', '=', queue.queueName).execute();
  }

  it('enqueues inside the caller transaction: a rollback leaves no job, a commit leaves one', async () => {
    const queue = makeQueue();
    const rolledBack = nextTicketId();
    await expect(
      store.db.transaction().execute(async (transaction) => {
        await queue.enqueue({ ticketId: rolledBack }, { transaction });
        throw new Error('the ticket insert failed');
      }),
    ).rejects.toThrow('the ticket insert failed');
    const committed = nextTicketId();
    await store.db.transaction().execute(async (transaction) => {
      expect(await queue.enqueue({ ticketId: committed }, { transaction })).toBe(true);
    });
    const rows = await jobRows(queue);
    expect(rows.map((row) => row.ticket_id)).toEqual([committed]);
  });

  it('keeps one job per ticket, also when enqueued concurrently', async () => {
    const queue = makeQueue();
    const ticketId = nextTicketId();
    expect(await queue.enqueue({ ticketId })).toBe(true);
    expect(await queue.enqueue({ ticketId })).toBe(false);
    const other = nextTicketId();
    const results = await Promise.all(Array.from({ length: 10 }, () => queue.enqueue({ ticketId: other })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await jobRows(queue)).toHaveLength(2);
  });

  it('runs at most `concurrency` jobs at once, and that many when there is work', async () => {
    const queue = makeQueue();
    const concurrency = 3;
    let running = 0;
    let maxRunning = 0;
    const condition = new Condition();
    const release = deferred();
    const done: string[] = [];
    for (let index = 0; index < concurrency + 2; index += 1) await queue.enqueue({ ticketId: nextTicketId() });
    await queue.start(
      async (job) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        condition.changed();
        await release.promise;
        running -= 1;
        done.push(job.ticketId);
        condition.changed();
      },
      { concurrency },
    );
    await condition.until(() => running === concurrency);
    const health = await queue.health();
    expect(health).toMatchObject({ ok: true, active: concurrency, pending: 2 });
    release.resolve();
    await condition.until(() => done.length === concurrency + 2);
    expect(maxRunning).toBe(concurrency);
    await vi.waitFor(async () => {
      const rows = await jobRows(queue);
      expect(rows.every((row) => row.status === 'completed' && row.locked_by === null)).toBe(true);
    });
  });

  it('retries a throwing handler with growing backoff, then calls onFailed with the last error', async () => {
    const failed = deferred<{ job: FailedJob; error: unknown }>();
    const queue = makeQueue({
      retry: { maxAttempts: 3, backoffBaseMs: 40, backoffMaxMs: 1_000 },
      onFailed: async (job, error) => failed.resolve({ job, error }),
    });
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
    const attempts: { attempt: number; at: number }[] = [];
    await queue.start(
      async (job) => {
        attempts.push({ attempt: job.attempt, at: Date.now() });
        throw new Error(`model unavailable (attempt ${job.attempt})`);
      },
      { concurrency: 1 },
    );
    const { job, error } = await failed.promise;
    expect(job).toMatchObject({ ticketId, attempt: 3, maxAttempts: 3 });
    expect((error as Error).message).toBe('model unavailable (attempt 3)');
    expect(attempts.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
    // The waits are at least the backoff: 40 ms after the first failure, 80 ms after the second.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(40);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(80);
    await vi.waitFor(async () => {
      const [row] = await jobRows(queue);
      expect(row).toMatchObject({ status: 'failed', last_error: 'model unavailable (attempt 3)', locked_by: null });
    });
  });

  it('keeps a job whose failure cannot be recorded, and records it on a later run', async () => {
    let onFailedCalls = 0;
    const recorded = deferred<FailedJob>();
    const logger = createRecordingLogger();
    const queue = makeQueue({
      retry: { maxAttempts: 1, backoffBaseMs: 10, backoffMaxMs: 10 },
      logger,
      onFailed: async (job) => {
        onFailedCalls += 1;
        if (onFailedCalls === 1) throw new Error('database is down');
        recorded.resolve(job);
      },
    });
    await queue.enqueue({ ticketId: nextTicketId() });
    await queue.start(async () => Promise.reject(new Error('triage failed')), { concurrency: 1 });
    const job = await recorded.promise;
    expect(job.attempt).toBe(2);
    expect(onFailedCalls).toBe(2);
    expect(logger.records.some((record) => record.level === 'error' && /stays queued/.test(record.message))).toBe(true);
  });

  it('takes over a job whose lease expired (its worker crashed)', async () => {
    const queue = makeQueue();
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
    // What a crashed worker leaves behind: an active row whose lease ran out.
    await store.db
      .updateTable('jobs')
      .set({ status: 'active', attempts: 1, locked_by: 'crashed-worker', locked_until: new Date(Date.now() - 1_000).toISOString() })
      .where('queue', '=', queue.queueName)
      .execute();
    const handled = deferred<JobContext>();
    await queue.start(async (job) => handled.resolve(job), { concurrency: 1 });
    const job = await handled.promise;
    expect(job).toMatchObject({ ticketId, attempt: 2 });
    await vi.waitFor(async () => {
      const [row] = await jobRows(queue);
      expect(row).toMatchObject({ status: 'completed', locked_by: null });
    });
  });

  it('does not take over a job whose lease is still valid', async () => {
    const queue = makeQueue();
    const held = nextTicketId();
    const free = nextTicketId();
    await queue.enqueue({ ticketId: held });
    await store.db
      .updateTable('jobs')
      .set({ status: 'active', attempts: 1, locked_by: 'live-worker', locked_until: new Date(Date.now() + 60_000).toISOString() })
      .where('queue', '=', queue.queueName)
      .execute();
    await queue.enqueue({ ticketId: free });
    const later = nextTicketId();
    const handled: string[] = [];
    const condition = new Condition();
    await queue.start(
      async (job) => {
        handled.push(job.ticketId);
        condition.changed();
      },
      { concurrency: 2 },
    );
    await condition.until(() => handled.length === 1);
    // A job enqueued later is claimed after the held one would have been: claims go oldest first.
    await queue.enqueue({ ticketId: later });
    await condition.until(() => handled.length === 2);
    expect(handled).toEqual([free, later]);
    const [row] = (await jobRows(queue)).filter((candidate) => candidate.ticket_id === held);
    expect(row).toMatchObject({ status: 'active', locked_by: 'live-worker', attempts: 1 });
  });

  it('extends the lease with a heartbeat while the job runs', async () => {
    const queue = makeQueue({ leaseMs: 300, heartbeatMs: 20 });
    await queue.enqueue({ ticketId: nextTicketId() });
    const started = deferred();
    const finish = deferred();
    await queue.start(
      async () => {
        started.resolve();
        await finish.promise;
      },
      { concurrency: 1 },
    );
    await started.promise;
    const [first] = await jobRows(queue);
    await vi.waitFor(async () => {
      const [row] = await jobRows(queue);
      expect(row!.locked_until! > first!.locked_until!).toBe(true);
    });
    finish.resolve();
  });

  it('aborts a job whose lease was taken over by another worker', async () => {
    const queue = makeQueue({ leaseMs: 10_000, heartbeatMs: 20 });
    await queue.enqueue({ ticketId: nextTicketId() });
    const started = deferred();
    const aborted = deferred<unknown>();
    await queue.start(
      async (job) => {
        started.resolve();
        await new Promise<void>((_resolve, reject) =>
          job.signal.addEventListener('abort', () => {
            aborted.resolve(job.signal.reason);
            reject(job.signal.reason);
          }),
        );
      },
      { concurrency: 1 },
    );
    await started.promise;
    await store.db.updateTable('jobs').set({ locked_by: 'other-worker' }).where('queue', '=', queue.queueName).execute();
    const reason = await aborted.promise;
    expect(reason).toBeInstanceOf(JobAbortedError);
    expect((reason as JobAbortedError).reason).toBe('lease-lost');
    // The row stays with its new holder.
    const [row] = await jobRows(queue);
    expect(row).toMatchObject({ status: 'active', locked_by: 'other-worker' });
  });

  it('graceful stop: takes no new job and waits for the in-flight one to finish', async () => {
    const queue = makeQueue();
    const first = nextTicketId();
    await queue.enqueue({ ticketId: first });
    const started = deferred();
    const finish = deferred();
    const handled: string[] = [];
    await queue.start(
      async (job) => {
        handled.push(job.ticketId);
        started.resolve();
        await finish.promise;
      },
      { concurrency: 2 },
    );
    await started.promise;
    let stopped = false;
    const stopping = queue.stop({ timeoutMs: 60_000 }).then(() => {
      stopped = true;
    });
    await queue.enqueue({ ticketId: nextTicketId() });
    expect(stopped).toBe(false);
    finish.resolve();
    await stopping;
    expect(handled).toEqual([first]);
    const rows = await jobRows(queue);
    expect(rows.find((row) => row.ticket_id === first)?.status).toBe('completed');
    expect(rows.filter((row) => row.status === 'pending')).toHaveLength(1);
  });

  it('stop after the timeout aborts in-flight jobs and releases them without counting the attempt', async () => {
    const queue = makeQueue();
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
    const started = deferred();
    const signals: AbortSignal[] = [];
    await queue.start(
      (job) => {
        signals.push(job.signal);
        started.resolve();
        return new Promise<void>((_resolve, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason)));
      },
      { concurrency: 1 },
    );
    await started.promise;
    await queue.stop({ timeoutMs: 0 });
    expect(signals[0]?.aborted).toBe(true);
    const [row] = await jobRows(queue);
    expect(row).toMatchObject({ status: 'pending', attempts: 0, locked_by: null });
    // Another worker picks it up as a first attempt.
    const next = makeQueue({ queueName: queue.queueName });
    const handled = deferred<JobContext>();
    await next.start(async (job) => handled.resolve(job), { concurrency: 1 });
    expect(await handled.promise).toMatchObject({ ticketId, attempt: 1 });
  });

  it('releases a job whose handler ignores the abort once the grace period is over', async () => {
    const queue = makeQueue({ releaseGraceMs: 10 });
    await queue.enqueue({ ticketId: nextTicketId() });
    const started = deferred();
    const never = deferred();
    await queue.start(
      async () => {
        started.resolve();
        await never.promise;
      },
      { concurrency: 1 },
    );
    await started.promise;
    await queue.stop({ timeoutMs: 0 });
    const [row] = await jobRows(queue);
    expect(row).toMatchObject({ status: 'pending', locked_by: null });
    never.resolve();
  });

  it('wakes up on an enqueue in this process instead of waiting for the next poll', async () => {
    // An hour between polls: only the wake-up can deliver this job while the test runs.
    const queue = makeQueue({ pollIntervalMs: 3_600_000 });
    const handled = deferred<string>();
    await queue.start(async (job) => handled.resolve(job.ticketId), { concurrency: 1 });
    // Let the loop find the queue empty and go to sleep first.
    await vi.waitFor(async () => expect(await queue.health()).toMatchObject({ pending: 0 }));
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
    expect(await handled.promise).toBe(ticketId);
  });

  it('keeps running after a handler throws something that is not an Error', async () => {
    const failures: unknown[] = [];
    const condition = new Condition();
    const queue = makeQueue({
      retry: { maxAttempts: 1, backoffBaseMs: 1, backoffMaxMs: 1 },
      onFailed: async (_job, error) => {
        failures.push(error);
        condition.changed();
      },
    });
    await queue.enqueue({ ticketId: nextTicketId() });
    await queue.enqueue({ ticketId: nextTicketId() });
    await queue.start(
      async () => {
        throw 'a string';
      },
      { concurrency: 1 },
    );
    await condition.until(() => failures.length === 2);
    expect(failures).toEqual(['a string', 'a string']);
    await vi.waitFor(async () => {
      const rows = await jobRows(queue);
      expect(rows.map((row) => [row.status, row.last_error])).toEqual([
        ['failed', 'a string'],
        ['failed', 'a string'],
      ]);
    });
  });
});
