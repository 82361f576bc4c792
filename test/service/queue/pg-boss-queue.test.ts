/**
 * The pg-boss queue on PostgreSQL, in a fresh store schema and a fresh pg-boss schema. Retry
 * delays are whole seconds in pg-boss, so the retry tests take a few seconds each.
 */
import PgBoss from 'pg-boss';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FailedJob, JobContext } from '../../../src/service/queue/job-queue.js';
import { createPgBossQueue, jobIdFor, type PgBossQueue, type PgBossQueueOptions } from '../../../src/service/queue/pg-boss-queue.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import { Condition, deferred } from './support/deferred.js';
import { createRecordingLogger } from './support/recording-logger.js';
import { createTestStoreLocation, POSTGRES_URL, type TestStoreLocation } from './support/test-stores.js';

let counter = 0;
function nextTicketId(): string {
  counter += 1;
  return `T-boss-${counter}`;
}

describe('jobIdFor', () => {
  it('derives one stable job id per queue and ticket', () => {
    expect(jobIdFor('triage', 'T-1')).toBe(jobIdFor('triage', 'T-1'));
    expect(jobIdFor('triage', 'T-1')).not.toBe(jobIdFor('triage', 'T-2'));
    expect(jobIdFor('triage', 'T-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('pg-boss queue', () => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  const queues: PgBossQueue[] = [];

  // Each test gets a fresh store schema and pg-boss schema, dropped afterwards.
  beforeEach(async () => {
    location = createTestStoreLocation('postgres');
    store = await location.openMigrated();
  });

  afterEach(async () => {
    await Promise.all(queues.splice(0).map((queue) => queue.stop({ timeoutMs: 0 })));
    await store.close();
    await location.destroy();
  });

  async function makeQueue(options: Partial<PgBossQueueOptions> = {}): Promise<PgBossQueue> {
    counter += 1;
    const queue = await createPgBossQueue({
      connectionString: POSTGRES_URL,
      schema: location.bossSchema!,
      queueName: `test-${counter}`,
      onFailed: async () => {},
      retry: { backoffBaseMs: 1_000, backoffMaxMs: 10_000 },
      pollingIntervalSeconds: 0.5,
      ...options,
    });
    queues.push(queue);
    return queue;
  }

  it('sends inside the caller Kysely transaction: a rollback leaves no job, a commit leaves one', async () => {
    const queue = await makeQueue();
    await expect(
      store.db.transaction().execute(async (transaction) => {
        expect(await queue.enqueue({ ticketId: nextTicketId() }, { transaction })).toBe(true);
        throw new Error('the ticket insert failed');
      }),
    ).rejects.toThrow('the ticket insert failed');
    expect(await queue.health()).toMatchObject({ pending: 0 });
    await store.db.transaction().execute(async (transaction) => {
      expect(await queue.enqueue({ ticketId: nextTicketId() }, { transaction })).toBe(true);
    });
    expect(await queue.health()).toMatchObject({ ok: true, pending: 1, active: 0 });
  });

  it('refuses a SQLite transaction', async () => {
    const queue = await makeQueue();
    const sqlite = createTestStoreLocation('sqlite');
    const handle = await sqlite.openMigrated();
    try {
      await expect(
        handle.db.transaction().execute((transaction) => queue.enqueue({ ticketId: nextTicketId() }, { transaction })),
      ).rejects.toThrow(/PostgreSQL/);
    } finally {
      await handle.close();
      await sqlite.destroy();
    }
  });

  it('keeps one job per ticket, also when sent concurrently', async () => {
    const queue = await makeQueue();
    const ticketId = nextTicketId();
    expect(await queue.enqueue({ ticketId })).toBe(true);
    expect(await queue.enqueue({ ticketId })).toBe(false);
    const other = nextTicketId();
    const results = await Promise.all(Array.from({ length: 10 }, () => queue.enqueue({ ticketId: other })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await queue.health()).toMatchObject({ pending: 2 });
  });

  it('runs `concurrency` jobs at once and no more', async () => {
    const queue = await makeQueue();
    const concurrency = 3;
    let running = 0;
    let maxRunning = 0;
    const done: string[] = [];
    const condition = new Condition();
    const release = deferred();
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
    expect(await queue.health()).toMatchObject({ active: concurrency, pending: 2 });
    release.resolve();
    await condition.until(() => done.length === concurrency + 2);
    expect(maxRunning).toBe(concurrency);
    await vi.waitFor(async () => expect(await queue.health()).toMatchObject({ active: 0, pending: 0 }));
  });

  it('drains queued jobs without waiting a polling interval between them, and wakes up on an enqueue', async () => {
    // An hour between polls: only fetching again after a job, and the wake-up, can run these.
    const queue = await makeQueue({ pollingIntervalSeconds: 3_600 });
    const handled: string[] = [];
    const condition = new Condition();
    const queued = [nextTicketId(), nextTicketId(), nextTicketId()];
    for (const ticketId of queued) await queue.enqueue({ ticketId });
    await queue.start(
      async (job) => {
        handled.push(job.ticketId);
        condition.changed();
      },
      { concurrency: 1 },
    );
    await condition.until(() => handled.length === 3);
    const late = nextTicketId();
    await queue.enqueue({ ticketId: late });
    await condition.until(() => handled.length === 4);
    expect(handled).toEqual([...queued, late]);
  });

  it('retries with backoff, calls onFailed after the last attempt, and keeps the job while onFailed fails', async () => {
    const logger = createRecordingLogger();
    let onFailedCalls = 0;
    const recorded = deferred<{ job: FailedJob; error: unknown }>();
    const queue = await makeQueue({
      retry: { maxAttempts: 2, backoffBaseMs: 1_000, backoffMaxMs: 10_000 },
      logger,
      onFailed: async (job, error) => {
        onFailedCalls += 1;
        if (onFailedCalls === 1) throw new Error('database is down');
        recorded.resolve({ job, error });
      },
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
    const { job, error } = await recorded.promise;
    expect(job).toMatchObject({ ticketId, attempt: 3, maxAttempts: 2 });
    expect((error as Error).message).toBe('model unavailable (attempt 3)');
    expect(attempts.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
    // pg-boss waits at least the base delay (1 s) before the first retry, and longer after.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(1_000);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(2_000);
    expect(logger.records.some((record) => record.level === 'error' && /stays queued/.test(record.message))).toBe(true);
    await vi.waitFor(async () => expect(await queue.health()).toMatchObject({ active: 0, pending: 0 }));
  });

  it('completes a job once: inside the handler\'s transaction, with no complete of its own after the handler', async () => {
    const queue = await makeQueue();
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
    const done = deferred();
    const counter = startStatementCounter({ record: true });
    try {
      await queue.start(
        async (job) => {
          await store.db.transaction().execute(async (transaction) => {
            expect(await job.completeWithin?.(transaction)).toBe(true);
          });
          done.resolve();
        },
        { concurrency: 1 },
      );
      await done.promise;
      await queue.stop({ timeoutMs: 10_000 });
    } finally {
      counter.stop();
    }
    // pg-boss's work() sent its own complete after every handler: a round trip that found nothing to do.
    expect(counter.recorded.filter((text) => /state = 'completed'/.test(text) && /completed_on = now\(\)/.test(text))).toHaveLength(1);
    const observer = await makeQueue({ queueName: queue.queueName });
    expect(await observer.health()).toMatchObject({ pending: 0, active: 0 });
  });

  it('graceful stop waits for the in-flight job and completes it', async () => {
    const queue = await makeQueue();
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
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
    let stopped = false;
    const stopping = queue.stop({ timeoutMs: 60_000 }).then(() => {
      stopped = true;
    });
    // Let the stop get as far as it can without the job.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    finish.resolve();
    await stopping;
    const observer = await makeQueue({ queueName: queue.queueName });
    expect(await observer.health()).toMatchObject({ pending: 0, active: 0 });
  });

  it('stop after the timeout aborts the in-flight job and releases it to another worker', async () => {
    const queue = await makeQueue();
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
    const started = deferred();
    let signal: AbortSignal | undefined;
    await queue.start(
      (job) => {
        signal = job.signal;
        started.resolve();
        return new Promise<void>((_resolve, reject) => job.signal.addEventListener('abort', () => reject(job.signal.reason)));
      },
      { concurrency: 1 },
    );
    await started.promise;
    await queue.stop({ timeoutMs: 0 });
    expect(signal?.aborted).toBe(true);
    const next = await makeQueue({ queueName: queue.queueName });
    const handled = deferred<JobContext>();
    await next.start(async (job) => handled.resolve(job), { concurrency: 1 });
    expect((await handled.promise).ticketId).toBe(ticketId);
  });

  it('takes over a job whose worker vanished once it expires', async () => {
    const queue = await makeQueue({ expireInSeconds: 1, maintenanceIntervalSeconds: 1 });
    const ticketId = nextTicketId();
    await queue.enqueue({ ticketId });
    // A worker that fetches the job and is never heard of again.
    const vanished = new PgBoss({ connectionString: POSTGRES_URL, schema: location.bossSchema!, supervise: false, schedule: false });
    vanished.on('error', () => {});
    await vanished.start();
    const [fetched] = await vanished.fetch(queue.queueName);
    expect(fetched?.id).toBe(jobIdFor(queue.queueName, ticketId));
    await vanished.stop({ graceful: false, close: true });

    const handled = deferred<JobContext>();
    await queue.start(async (job) => handled.resolve(job), { concurrency: 1 });
    const job = await handled.promise;
    expect(job).toMatchObject({ ticketId, attempt: 2 });
  });
});
