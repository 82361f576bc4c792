/**
 * Real `triage worker` processes (tsx children, test/fixtures/worker/run-worker.ts) on PostgreSQL
 * with pg-boss: one killed with SIGKILL mid-ticket, whose ticket a second worker finishes with
 * exactly one reply; one stopped with SIGTERM mid-ticket, which finishes it, takes nothing new and
 * exits 0.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_OUTBOX_KEY } from '../support/test-outbox-key.js';
import { loadConfig } from '../../../src/service/config.js';
import { createPgBossQueue } from '../../../src/service/queue/pg-boss-queue.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { getDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { getOutboxForTicket } from '../../../src/service/store/repositories/outbox-repository.js';
import { listRuns } from '../../../src/service/store/repositories/run-repository.js';
import { getTicket, insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { type RunningWorker, runWorkerProcess } from '../../../src/service/worker/worker-process.js';
import { startStandInHelpdesk, type StandInHelpdesk } from '../outbox/support/stand-in-helpdesk.js';
import { Condition, deferred } from '../queue/support/deferred.js';
import { createRecordingLogger } from '../queue/support/recording-logger.js';
import { createTestStoreLocation, POSTGRES_URL, type TestStoreLocation } from '../queue/support/test-stores.js';
import { genericTicket } from './support/worker-stack.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/worker/run-worker.ts', import.meta.url));
const CHILD_PROCESS_TEST_TIMEOUT_MS = 120_000;

interface ChildWorker {
  process: ChildProcessWithoutNullStreams;
  events: string[];
  until(event: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

describe('triage worker processes on PostgreSQL with pg-boss', () => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let helpdesk: StandInHelpdesk;
  const children: ChildWorker[] = [];

  beforeAll(async () => {
    helpdesk = await startStandInHelpdesk();
  });

  // Each test gets fresh schemas for the store and pg-boss, dropped afterwards.
  beforeEach(async () => {
    location = createTestStoreLocation('postgres');
    store = await location.openMigrated();
  });

  afterEach(async () => {
    for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await Promise.all(children.splice(0).map((child) => child.exited));
    await store.close();
    await location.destroy();
  });

  afterAll(async () => {
    await helpdesk.close();
  });

  function spawnWorker(queueName: string, hook: 'hang' | 'continue'): ChildWorker {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
      env: {
        ...process.env,
        WORKER_DATABASE_URL: POSTGRES_URL,
        WORKER_STORE_SCHEMA: location.schema!,
        WORKER_BOSS_SCHEMA: location.bossSchema!,
        WORKER_QUEUE_NAME: queueName,
        WORKER_EXPIRE_SECONDS: '60',
        WORKER_MODEL_HOOK: hook,
        GENERIC_REPLY_URL: helpdesk.replyUrl,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const events: string[] = [];
    const condition = new Condition();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        events.push((JSON.parse(line) as { event: string }).event);
        condition.changed();
      } catch {
        // Not one of the fixture's reports.
      }
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('exit', (code, signal) => {
        condition.changed();
        resolve({ code, signal });
      });
    });
    const worker: ChildWorker = {
      process: child,
      events,
      exited,
      stderr: () => stderr,
      until: async (event) => {
        await condition.until(() => events.includes(event) || child.exitCode !== null || child.signalCode !== null);
        if (!events.includes(event)) throw new Error(`the worker exited before "${event}":\n${stderr}`);
      },
    };
    children.push(worker);
    return worker;
  }

  /** Stores the ticket and sends its job in one transaction, as the webhook route does. */
  async function accept(queueName: string, ticketId: string, expireInSeconds: number): Promise<void> {
    const queue = await createPgBossQueue({
      connectionString: POSTGRES_URL,
      schema: location.bossSchema!,
      queueName,
      expireInSeconds,
      onFailed: async () => {},
      retry: { maxAttempts: 5, backoffBaseMs: 1_000, backoffMaxMs: 2_000 },
    });
    try {
      await store.db.transaction().execute(async (transaction) => {
        await insertTicketIfAbsent(transaction, genericTicket(ticketId.replace(/^generic:/, '')));
        expect(await queue.enqueue({ ticketId }, { transaction })).toBe(true);
      });
    } finally {
      await queue.stop();
    }
  }

  function repliesFor(ticketId: string) {
    return helpdesk.requests.filter((request) => request.body.ticketId === ticketId);
  }

  // Each test starts worker processes that load the whole service: on a shared, busy box that alone
  // took 20+ s, so these two wait longer than the suite's default.
  it('a worker killed with SIGKILL mid-ticket: a second worker finishes the ticket, one reply reaches the helpdesk', async () => {
    const queueName = `killed-${randomBytes(4).toString('hex')}`;
    const ticketId = `generic:${queueName}`;
    // A short expiry: pg-boss hands a crashed worker's job to another worker once it expires.
    await accept(queueName, ticketId, 2);

    const doomed = spawnWorker(queueName, 'hang');
    await doomed.until('model-call');
    expect((await getTicket(store.db, ticketId))?.status).toBe('running');
    doomed.process.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    expect(repliesFor(ticketId)).toEqual([]);

    const ready = deferred<RunningWorker>();
    // On the main thread: the job's 2 s expiry leaves no room for starting triage threads on a busy
    // box (an expiry during the delivery posts the reply again); threads are tested on their own.
    const second = runWorkerProcess(loadConfig({ DATABASE_URL: POSTGRES_URL, GENERIC_REPLY_URL: helpdesk.replyUrl, GENERIC_WEBHOOK_SECRET: 'test-secret', OUTBOX_ENCRYPTION_KEY: TEST_OUTBOX_KEY, TRIAGE_THREADS: '0' }), {
      logger: createRecordingLogger(),
      runtimeOverrides: { schema: location.schema! },
      queue: { pgBossSchema: location.bossSchema!, queueName, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 },
      concurrency: 1,
      signals: [],
      sweepIntervalMs: 0,
      onReady: (running) => ready.resolve(running),
    });
    const running = await ready.promise;
    try {
      await helpdesk.until(() => repliesFor(ticketId).length >= 1);
      await vi.waitFor(async () => {
        expect((await getOutboxForTicket(store.db, ticketId)).map((entry) => entry.status)).toEqual(['delivered']);
      });
    } finally {
      running.stop();
      await second;
    }
    expect(repliesFor(ticketId)).toHaveLength(1);
    expect(repliesFor(ticketId)[0]?.created).toBe(true);
    const decision = await getDecision(store.db, ticketId);
    expect((await getTicket(store.db, ticketId))?.status).toBe(decision?.decision);
    // The killed run never finished: the next attempt closed it as abandoned, and succeeded.
    const runs = await listRuns(store.db, ticketId);
    expect(runs.map((run) => run.status)).toEqual(['failed', 'succeeded']);
    expect(runs[0]?.error).toMatch(/abandoned/);
  }, CHILD_PROCESS_TEST_TIMEOUT_MS);

  it('SIGTERM mid-ticket: the worker finishes it, takes no new job, and exits 0', async () => {
    const queueName = `stopped-${randomBytes(4).toString('hex')}`;
    const first = `generic:${queueName}-1`;
    const second = `generic:${queueName}-2`;
    await accept(queueName, first, 60);

    const worker = spawnWorker(queueName, 'continue');
    await worker.until('model-call');
    worker.process.kill('SIGTERM');
    await worker.until('stopping');
    await accept(queueName, second, 60);
    worker.process.stdin.write('continue\n');

    const exit = await worker.exited;
    expect({ ...exit, stderr: exit.code === 0 ? '' : worker.stderr() }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(worker.events).toEqual(['ready', 'model-call', 'stopping', 'stopped']);
    expect(repliesFor(first)).toHaveLength(1);
    expect((await getOutboxForTicket(store.db, first)).map((entry) => entry.status)).toEqual(['delivered']);
    // The job that arrived during shutdown waits for the next worker.
    expect(await getDecision(store.db, second)).toBeNull();
    expect((await getTicket(store.db, second))?.status).toBe('queued');
    const observer = await createPgBossQueue({ connectionString: POSTGRES_URL, schema: location.bossSchema!, queueName, onFailed: async () => {} });
    try {
      expect(await observer.health()).toMatchObject({ pending: 1, active: 0 });
    } finally {
      await observer.stop();
    }
  }, CHILD_PROCESS_TEST_TIMEOUT_MS);
});
