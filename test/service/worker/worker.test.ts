/**
 * The worker end to end on real runtimes (local model, embedded CRM): SQLite with the jobs-table
 * queue, PostgreSQL with pg-boss. Replies go to a stand-in helpdesk that honours Idempotency-Key.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getOutboxForTicket, insertOutboxIfAbsent } from '../../../src/service/store/repositories/outbox-repository.js';
import { listAuditEvents } from '../../../src/service/store/repositories/audit-repository.js';
import { getDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { getTicket, insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { outboxIdempotencyKey } from '../../../src/service/process-ticket.js';
import type { TriageRuntime } from '../../../src/service/triage-runtime.js';
import { startStandInHelpdesk, type StandInHelpdesk } from '../outbox/support/stand-in-helpdesk.js';
import { createRecordingLogger } from '../queue/support/recording-logger.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { acceptTicket, createWorkerStack, genericTicket, openRuntime, type QueueKind, type WorkerStack } from './support/worker-stack.js';

const variants: { name: string; dialect: 'sqlite' | 'postgres'; kind: QueueKind }[] = [
  { name: 'SQLite with the jobs-table queue', dialect: 'sqlite', kind: 'sqlite' },
  { name: 'PostgreSQL with pg-boss', dialect: 'postgres', kind: 'pg-boss' },
];

describe.each(variants)('worker on $name', ({ dialect, kind }) => {
  let location: TestStoreLocation;
  let runtime: TriageRuntime;
  let helpdesk: StandInHelpdesk;
  const stacks: WorkerStack[] = [];
  const extraRuntimes: TriageRuntime[] = [];

  beforeAll(async () => {
    helpdesk = await startStandInHelpdesk();
  });

  // Each test gets a fresh store (a temp file, or schemas of its own for the store and pg-boss).
  beforeEach(async () => {
    location = createTestStoreLocation(dialect);
    runtime = await openRuntime(location);
  });

  afterEach(async () => {
    await Promise.all(stacks.splice(0).map((stack) => stack.worker.stop({ timeoutMs: 0 })));
    await Promise.all(extraRuntimes.splice(0).map((extra) => extra.close()));
    await runtime.close();
    await location.destroy();
  });

  afterAll(async () => {
    await helpdesk.close();
  });

  function uniqueName(prefix: string): string {
    return `${prefix}-${randomBytes(4).toString('hex')}`;
  }

  async function stack(options: Omit<Parameters<typeof createWorkerStack>[0], 'location' | 'kind' | 'replyUrl'>) {
    const created = await createWorkerStack({ ...options, location, kind, replyUrl: helpdesk.replyUrl });
    stacks.push(created);
    return created;
  }

  function requestsFor(ticketIds: ReadonlySet<string>) {
    return helpdesk.requests.filter((request) => ticketIds.has(request.body.ticketId));
  }

  it('takes 50 tickets through 4 concurrent workers: 50 decisions, 50 outbox rows, each reply delivered once', async () => {
    const logger = createRecordingLogger();
    const queueName = uniqueName('fifty');
    // SQLite runs in-process: one worker with 4 slots. PostgreSQL: two workers (as two processes
    // would, each with its own runtime and pool) with 2 slots each share the queue.
    const runtimes = kind === 'sqlite' ? [runtime] : [runtime, await openRuntime(location)];
    extraRuntimes.push(...runtimes.slice(1));
    const workers = await Promise.all(
      runtimes.map((each) => stack({ runtime: each, queueName, logger, concurrency: 4 / runtimes.length })),
    );
    const batch = uniqueName('b');
    const tickets = Array.from({ length: 50 }, (_unused, index) => genericTicket(`${batch}-${index}`, index));
    const ids = new Set(tickets.map((ticket) => ticket.id));
    for (const ticket of tickets) expect(await acceptTicket(runtime, workers[0]!.queue, ticket)).toBe(true);

    await helpdesk.until(() => requestsFor(ids).length >= 50);
    await vi.waitFor(async () => {
      for (const ticket of tickets) {
        const outbox = await getOutboxForTicket(runtime.store.db, ticket.id);
        expect(outbox.map((entry) => entry.status)).toEqual(['delivered']);
      }
    });
    const requests = requestsFor(ids);
    expect(requests).toHaveLength(50);
    expect(new Set(requests.map((request) => request.idempotencyKey)).size).toBe(50);
    expect(requests.every((request) => request.created)).toBe(true);
    for (const ticket of tickets) {
      const decision = await getDecision(runtime.store.db, ticket.id);
      expect(decision?.ticketId).toBe(ticket.id);
      const outbox = await getOutboxForTicket(runtime.store.db, ticket.id);
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ kind: decision!.decision === 'sent' ? 'send' : 'draft', attempts: 1 });
      expect((await getTicket(runtime.store.db, ticket.id))?.status).toBe(decision!.decision);
    }
    expect(await workers[0]!.queue.health()).toMatchObject({ pending: 0, active: 0 });
    expect(logger.records.filter((record) => record.level === 'error')).toEqual([]);
  });

  it('retries a failing triage with backoff, then hands the ticket to a human as a draft with the reason', async () => {
    const logger = createRecordingLogger();
    const attempts: number[] = [];
    await stack({
      runtime,
      queueName: uniqueName('failing'),
      logger,
      concurrency: 1,
      retry: { maxAttempts: 2, backoffBaseMs: kind === 'pg-boss' ? 1_000 : 10, backoffMaxMs: 2_000 },
      processTicket: async (_runtime, _ticket, options) => {
        attempts.push(options?.attempt ?? 0);
        throw new Error('knowledge base index is corrupt');
      },
    });
    const ticket = genericTicket(uniqueName('fail'));
    await acceptTicket(runtime, stacks[0]!.queue, ticket);

    await helpdesk.until(() => requestsFor(new Set([ticket.id])).length === 1);
    expect(attempts).toEqual([1, 2]);
    const decision = await getDecision(runtime.store.db, ticket.id);
    expect(decision).toMatchObject({
      decision: 'drafted',
      tags: expect.arrayContaining(['needs-human', 'triage-failed']),
      reasons: [expect.stringContaining('knowledge base index is corrupt')],
    });
    expect((await getTicket(runtime.store.db, ticket.id))?.status).toBe('drafted');
    const events = await listAuditEvents(runtime.store.db, ticket.id);
    expect(events.map((event) => event.type)).toContain('triage-failed');
    // The draft reached the helpdesk as an internal note carrying the tags.
    const [note] = requestsFor(new Set([ticket.id]));
    expect(note?.body).toMatchObject({ public: false, tags: ['needs-human', 'triage-failed'] });
    expect(note?.idempotencyKey).toBe(outboxIdempotencyKey(ticket.id, 'draft'));
    // An alert-level log names the ticket and the reason.
    expect(logger.records).toContainEqual(
      expect.objectContaining({
        level: 'error',
        fields: expect.objectContaining({ ticketId: ticket.id, error: 'knowledge base index is corrupt' }),
      }),
    );
    await vi.waitFor(async () => {
      expect((await getOutboxForTicket(runtime.store.db, ticket.id))[0]?.status).toBe('delivered');
    });
  });

  it('delivers an outbox entry left pending by a crash with its sweep', async () => {
    const ticket = genericTicket(uniqueName('swept'));
    await insertTicketIfAbsent(runtime.store.db, ticket);
    await insertOutboxIfAbsent(runtime.store.db, {
      ticketId: ticket.id,
      kind: 'send',
      text: 'Your order is on its way.',
      tags: [],
      confidence: 0.95,
      public: true,
      idempotencyKey: outboxIdempotencyKey(ticket.id, 'send'),
    });
    await stack({ runtime, queueName: uniqueName('sweep'), logger: createRecordingLogger(), concurrency: 1, sweepIntervalMs: 20 });
    await helpdesk.until(() => requestsFor(new Set([ticket.id])).length === 1);
    await vi.waitFor(async () => {
      expect((await getOutboxForTicket(runtime.store.db, ticket.id))[0]?.status).toBe('delivered');
    });
  });

  it('a ticket accepted twice is triaged and answered once', async () => {
    const { queue } = await stack({ runtime, queueName: uniqueName('twice'), logger: createRecordingLogger(), concurrency: 2 });
    const ticket = genericTicket(uniqueName('twice'));
    expect(await acceptTicket(runtime, queue, ticket)).toBe(true);
    expect(await acceptTicket(runtime, queue, ticket)).toBe(false);
    expect(await queue.enqueue({ ticketId: ticket.id })).toBe(false);
    await helpdesk.until(() => requestsFor(new Set([ticket.id])).length === 1);
    await vi.waitFor(async () => expect(await queue.health()).toMatchObject({ pending: 0, active: 0 }));
    expect(requestsFor(new Set([ticket.id]))).toHaveLength(1);
  });

  it('walks the state machine: created, active, stopping, stopped', async () => {
    const created = await stack({ runtime, queueName: uniqueName('states'), logger: createRecordingLogger(), concurrency: 1, start: false });
    expect(created.worker.state).toBe('created');
    await created.worker.start();
    expect(created.worker.state).toBe('active');
    const stopping = created.worker.stop({ timeoutMs: 0 });
    expect(created.worker.state).toBe('stopping');
    await stopping;
    expect(created.worker.state).toBe('stopped');
    await expect(created.worker.start()).rejects.toThrow(/stopped/);
  });
});
