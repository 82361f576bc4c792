/**
 * Triage on worker threads (issue 13): the same outcome as on the main thread, an abort that
 * reaches the thread's run, a crashed thread that fails its job (retried by the queue) and is
 * replaced, and a close that ends every thread. No test measures time; waits are for events.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { BroadcastChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';
import { TriageInterruptedError, TriageThreadExitedError } from '../../../src/service/errors.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { listAuditEvents } from '../../../src/service/store/repositories/audit-repository.js';
import { getDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { listRuns } from '../../../src/service/store/repositories/run-repository.js';
import { getTicket } from '../../../src/service/store/repositories/ticket-repository.js';
import { createTriageRuntime, type TriageRuntime } from '../../../src/service/triage-runtime.js';
import { createTriageThreadPool, type TriageThreadPool } from '../../../src/service/triage-threads/triage-thread-pool.js';
import type { Ticket } from '../../../src/triage/types.js';
import { createRecordingLogger } from '../queue/support/recording-logger.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { TEST_OUTBOX_KEY } from '../support/test-outbox-key.js';
import { acceptTicket, createWorkerStack } from '../worker/support/worker-stack.js';
import { crashMarker, THREAD_TEST_CHANNEL } from './support/thread-dependency-hook.js';

const HOOK = new URL('./support/thread-dependency-hook.ts', import.meta.url).href;
const config = loadConfig({ OUTBOX_ENCRYPTION_KEY: TEST_OUTBOX_KEY });

function ticket(id: string, body: string, customerEmail = 'ada@example.com'): Ticket {
  return { id, source: 'cli', customerEmail, subject: 'Help', body, receivedAt: '2026-12-03T10:00:00.000Z' };
}

function uniqueId(label: string): string {
  return `T-${label}-${randomBytes(4).toString('hex')}`;
}

/** What the threads report on the test channel (BroadcastChannel reaches every thread of this process). */
function listen(): { events: string[]; close(): void } {
  const channel = new BroadcastChannel(THREAD_TEST_CHANNEL);
  const events: string[] = [];
  channel.onmessage = (message) => events.push(String((message as MessageEvent).data));
  return { events, close: () => channel.close() };
}

/** Linux: how many threads of this process run at this nice value (/proc/self/task/<tid>/stat, field 19). */
function threadsAtNiceness(niceness: number): number {
  return readdirSync('/proc/self/task').filter((task) => {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) === niceness;
    } catch {
      return false;
    }
  }).length;
}

function poolOf(runtime: TriageRuntime): TriageThreadPool {
  expect(runtime.executor.kind).toBe('threads');
  return runtime.executor as TriageThreadPool;
}

describe('triage on worker threads', () => {
  let threadedStore: TestStoreLocation;
  let mainStore: TestStoreLocation;
  let threaded: TriageRuntime;
  let inProcess: TriageRuntime;
  const channel = listen();

  beforeAll(async () => {
    threadedStore = createTestStoreLocation('sqlite');
    mainStore = createTestStoreLocation('sqlite');
    threaded = await createTriageRuntime(config, { databaseUrl: threadedStore.databaseUrl, triageThreads: 1, threadDependencyHook: HOOK });
    inProcess = await createTriageRuntime(config, { databaseUrl: mainStore.databaseUrl });
  });

  afterAll(async () => {
    channel.close();
    await threaded?.close();
    await inProcess?.close();
    await threadedStore?.destroy();
    await mainStore?.destroy();
  });

  it('gives the same outcome as the main thread: sent, drafted, escalated, enterprise, order lookups', async () => {
    expect(inProcess.executor.kind).toBe('in-process');
    const tickets = [
      ticket('T-same-1', 'How do I reset my password? I cannot log in.'),
      ticket('T-same-2', 'Where is my order A1001? It has not arrived yet.'),
      ticket('T-same-3', 'I want to cancel my subscription, it is too expensive.', 'linus@example.com'),
      ticket('T-same-4', 'My lawyer says your GDPR handling is unlawful; I am considering a lawsuit.'),
      ticket('T-same-5', 'How do I reset my password? I cannot log in.', 'grace@bigcorp.example'),
      ticket('T-same-6', 'Where is order A2001? I want to see its status.', 'linus@example.com'),
    ];
    const decisions = new Set<string>();
    const tags = new Set<string>();
    for (const each of tickets) {
      const onThread = await processTicket(threaded, each);
      const onMain = await processTicket(inProcess, each);
      expect(onThread.outcome).toEqual(onMain.outcome);
      const threadEvents = await listAuditEvents(threaded.store.db, each.id);
      const mainEvents = await listAuditEvents(inProcess.store.db, each.id);
      expect(threadEvents.map((event) => event.type)).toEqual(mainEvents.map((event) => event.type));
      expect(threadEvents.length).toBeGreaterThan(0);
      decisions.add(onThread.outcome.decision);
      onThread.outcome.tags.forEach((tag) => tags.add(tag));
    }
    // The set covers every kind of outcome the brief names.
    expect([...decisions].sort()).toEqual(['drafted', 'sent']);
    expect([...tags]).toEqual(expect.arrayContaining(['retention', 'legal-review', 'enterprise']));
  });

  it('returns the run recorded for the store: scrubbed and serialised on the thread, as the main thread records it', async () => {
    const body = 'Where is my order A1001? My card is 4242 4242 4242 4242, write to someone.else@example.org or call +44 20 7946 0958.';
    const onThread = await poolOf(threaded).triage(ticket(uniqueId('recorded'), body));
    const onMain = await inProcess.executor.triage(ticket(uniqueId('recorded'), body));
    expect(onThread.events.length).toBeGreaterThan(0);
    for (const event of onThread.events) {
      // Data as JSON text: the store's thread neither scrubs nor serialises it.
      expect(typeof event.dataText).toBe('string');
      expect(event.dataText).not.toMatch(/4242 4242|someone\.else@example\.org|7946 0958/);
    }
    expect(JSON.stringify(onThread.outcome)).not.toMatch(/4242 4242|someone\.else@example\.org/);
    expect(onThread.events.map((event) => event.type)).toEqual(onMain.events.map((event) => event.type));
    expect(onThread.outcome.decision).toBe(onMain.outcome.decision);
  });

  it('posts an abort to the thread: the run is released, nothing is decided', async () => {
    const id = uniqueId('abort');
    const controller = new AbortController();
    const processing = processTicket(threaded, ticket(id, 'HOLD-IN-MODEL: where is my parcel?'), { signal: controller.signal });
    await vi.waitFor(() => expect(channel.events).toContain(`model-waiting:${id}`));
    controller.abort(new Error('the lease was lost'));
    await expect(processing).rejects.toBeInstanceOf(TriageInterruptedError);
    // The thread's own model call saw the abort: it did not just get abandoned.
    await vi.waitFor(() => expect(channel.events).toContain(`model-aborted:${id}`));
    const runs = await listRuns(threaded.store.db, id);
    expect(runs.map((run) => run.status)).toEqual(['released']);
    expect(runs[0]!.error).toContain('the lease was lost');
    expect(await getDecision(threaded.store.db, id)).toBeNull();
    expect((await getTicket(threaded.store.db, id))?.status).toBe('queued');
  });

  it('fails the runs of a thread that crashes, replaces the thread, and the next ticket works', async () => {
    const pool = poolOf(threaded);
    const startedBefore = pool.startedThreads();
    const id = uniqueId('crash');
    const failed = processTicket(threaded, ticket(id, 'CRASH-THREAD: where is my parcel?'));
    await expect(failed).rejects.toBeInstanceOf(TriageThreadExitedError);
    await expect(failed).rejects.toMatchObject({ isRetryable: true, message: expect.stringContaining(id) });
    expect((await listRuns(threaded.store.db, id)).map((run) => run.status)).toEqual(['failed']);
    expect((await getTicket(threaded.store.db, id))?.status).toBe('queued');
    expect(pool.startedThreads()).toBe(startedBefore + 1);

    const next = await processTicket(threaded, ticket(uniqueId('after-crash'), 'How do I reset my password? I cannot log in.'));
    expect(next.outcome.decision).toBe('sent');
    expect(pool.liveThreads()).toBe(1);
  });

  it('lets the queue retry a job whose thread crashed: the retry on the new thread decides it once', async () => {
    const location = threadedStore;
    const logger = createRecordingLogger();
    const stack = await createWorkerStack({
      runtime: threaded,
      location,
      kind: 'sqlite',
      queueName: 'triage',
      replyUrl: 'http://127.0.0.1:9/unused',
      logger,
      concurrency: 2,
    });
    const id = uniqueId('retry');
    try {
      expect(await acceptTicket(threaded, stack.queue, ticket(id, 'CRASH-ONCE: how do I reset my password? I cannot log in.'))).toBe(true);
      await vi.waitFor(async () => expect(await getDecision(threaded.store.db, id)).not.toBeNull(), { timeout: 60_000 });
      const runs = await listRuns(threaded.store.db, id);
      expect(runs.map((run) => run.status).sort()).toEqual(['failed', 'succeeded']);
      expect(runs.find((run) => run.status === 'failed')?.error).toContain('triage thread');
    } finally {
      await stack.worker.stop({ timeoutMs: 5_000 });
      rmSync(crashMarker(id), { force: true });
    }
  });
});

describe('triage threads on PostgreSQL', () => {
  it('read the demo CRM through their own connection to the store\'s schema', async () => {
    const location = createTestStoreLocation('postgres');
    const runtime = await createTriageRuntime(config, { databaseUrl: location.databaseUrl, schema: location.schema!, triageThreads: 1 });
    try {
      expect(runtime.executor.kind).toBe('threads');
      // Only this schema's rows say UPS (the demo data says DHL): the thread read them.
      await runtime.store.db.updateTable('orders').set({ carrier: 'UPS' }).where('id', '=', 'A1001').execute();
      const id = uniqueId('postgres');
      const { outcome } = await processTicket(runtime, ticket(id, 'Where is my order A1001? It has not arrived yet.'));
      expect(outcome.decision).toBe('sent');
      expect(outcome.reply).toContain('UPS');
      expect(outcome.reply).not.toContain('DHL');
      expect(outcome.steps.map((step) => step.tool)).toContain('get_order_status');
    } finally {
      await runtime.close();
      await location.destroy();
    }
  });
});

describe('closing the thread pool', () => {
  it('ends every thread, a thread stuck in CPU work included, and fails its run', async () => {
    const location = createTestStoreLocation('sqlite');
    const channel = listen();
    // The store must exist (and be migrated) for the threads' CRM connection.
    const store = await location.openMigrated();
    const linux = existsSync('/proc/self/task');
    const niceBefore = linux ? threadsAtNiceness(config.TRIAGE_THREAD_NICENESS) : 0;
    const pool = createTriageThreadPool({ threads: 2, config, databaseUrl: location.databaseUrl, dependencyHook: HOOK, closeTimeoutMs: 500 });
    try {
      await pool.started;
      expect(pool.liveThreads()).toBe(2);
      // Both threads yield the CPU to the main thread (TRIAGE_THREAD_NICENESS; checked where Linux shows it).
      if (linux) expect(threadsAtNiceness(config.TRIAGE_THREAD_NICENESS) - niceBefore).toBe(2);
      const id = uniqueId('spin');
      const spinning = pool.triage(ticket(id, 'SPIN-THREAD: where is my parcel?'));
      spinning.catch(() => undefined);
      await vi.waitFor(() => expect(channel.events).toContain(`spinning:${id}`));
      await pool.close();
      expect(pool.liveThreads()).toBe(0);
      await expect(spinning).rejects.toBeInstanceOf(TriageThreadExitedError);
      // Closed is closed: no thread is started again for a late run.
      await expect(pool.triage(ticket(uniqueId('late'), 'hello'))).rejects.toThrow('closed');
      expect(pool.startedThreads()).toBe(2);
    } finally {
      await pool.close();
      channel.close();
      await store.close();
      await location.destroy();
    }
  });
});
