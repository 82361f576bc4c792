/**
 * The outbox dispatcher against a stand-in helpdesk (the generic connector's reply URL), once per
 * dialect. "Delivered once" means one reply created at the helpdesk per ticket.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import { createGenericConnector } from '../../../src/service/connectors/generic/generic-connector.js';
import type { HelpdeskConnector } from '../../../src/service/connectors/helpdesk-connector.js';
import { OUTBOX_LEASE_QUEUE } from '../../../src/service/outbox/delivery-lease.js';
import { createOutboxDispatcher, type OutboxDispatcherOptions } from '../../../src/service/outbox/outbox-dispatcher.js';
import { outboxIdempotencyKey } from '../../../src/service/process-ticket.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { getOutboxForTicket, insertOutboxIfAbsent } from '../../../src/service/store/repositories/outbox-repository.js';
import { getTicket, insertTicketIfAbsent, recordWebhookDelivery } from '../../../src/service/store/repositories/ticket-repository.js';
import type { Ticket } from '../../../src/triage/types.js';
import { deferred } from '../queue/support/deferred.js';
import { createRecordingLogger } from '../queue/support/recording-logger.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { startStandInHelpdesk, type StandInHelpdesk } from './support/stand-in-helpdesk.js';

let counter = 0;

describe.each(['sqlite', 'postgres'] as const)('outbox dispatcher on %s', (dialect) => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let helpdesk: StandInHelpdesk;
  let generic: HelpdeskConnector;

  beforeAll(async () => {
    helpdesk = await startStandInHelpdesk();
    generic = createGenericConnector({ webhookSecret: 'test-secret', replyUrl: helpdesk.replyUrl, timeoutMs: 5_000 });
  });

  // Each test gets a fresh store (a temp file, or a schema of its own), removed afterwards.
  beforeEach(async () => {
    location = createTestStoreLocation(dialect);
    store = await location.openMigrated();
  });

  afterEach(async () => {
    await store.close();
    await location.destroy();
  });

  afterAll(async () => {
    await helpdesk.close();
  });

  function dispatcher(options: Partial<OutboxDispatcherOptions> = {}) {
    return createOutboxDispatcher({
      db: store.db,
      connectors: { generic },
      backoff: { backoffBaseMs: 10, backoffMaxMs: 100 },
      ...options,
    });
  }

  async function storedTicket(
    options: { source?: Ticket['source']; kind?: 'send' | 'draft'; tags?: string[] } = {},
  ): Promise<{ ticket: Ticket; key: string }> {
    counter += 1;
    const source = options.source ?? 'generic';
    const externalId = `${counter}`;
    const ticket: Ticket = {
      id: source === 'cli' ? `T-outbox-${counter}` : `${source}:${externalId}`,
      source,
      ...(source === 'cli' ? {} : { externalId }),
      customerEmail: 'ada@example.com',
      subject: 'Where is my order?',
      body: 'My order A1001 has not arrived.',
      receivedAt: new Date().toISOString(),
    };
    await insertTicketIfAbsent(store.db, ticket);
    const kind = options.kind ?? 'send';
    const key = outboxIdempotencyKey(ticket.id, kind);
    await insertOutboxIfAbsent(store.db, {
      ticketId: ticket.id,
      kind,
      text: `Reply for ${ticket.id}`,
      tags: options.tags ?? [],
      confidence: 0.95,
      public: kind === 'send',
      idempotencyKey: key,
    });
    return { ticket, key };
  }

  function requestsFor(ticketId: string) {
    return helpdesk.requests.filter((request) => request.body.ticketId === ticketId);
  }

  it('posts a send entry as a public reply with the idempotency key and marks it delivered', async () => {
    const { ticket, key } = await storedTicket();
    const results = await dispatcher().dispatch(ticket.id);
    expect(results.map((result) => result.outcome)).toEqual(['delivered']);
    expect(requestsFor(ticket.id)).toEqual([
      {
        idempotencyKey: key,
        created: true,
        body: { ticketId: ticket.id, externalId: ticket.externalId, text: `Reply for ${ticket.id}`, public: true },
      },
    ]);
    const [entry] = await getOutboxForTicket(store.db, ticket.id);
    expect(entry).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect(entry?.deliveredAt).not.toBeNull();
    // Nothing is left to deliver: a second dispatch and a sweep call nobody.
    expect(await dispatcher().dispatch(ticket.id)).toEqual([]);
    await dispatcher().dispatchPending();
    expect(requestsFor(ticket.id)).toHaveLength(1);
  });

  it('posts a draft entry as an internal note with its tags', async () => {
    const { ticket } = await storedTicket({ kind: 'draft', tags: ['retention', 'needs-human'] });
    await dispatcher().dispatch(ticket.id);
    expect(requestsFor(ticket.id).map((request) => request.body)).toEqual([
      expect.objectContaining({ public: false, tags: ['retention', 'needs-human'] }),
    ]);
  });

  it('marks an entry of a ticket without a helpdesk (cli) delivered locally', async () => {
    const { ticket } = await storedTicket({ source: 'cli' });
    const before = helpdesk.requests.length;
    const results = await dispatcher().dispatch(ticket.id);
    expect(results.map((result) => result.outcome)).toEqual(['delivered-locally']);
    expect(helpdesk.requests.length).toBe(before);
    expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('delivered');
  });

  it('lets only one of two dispatchers call the helpdesk for an entry', async () => {
    const { ticket } = await storedTicket();
    const inCall = deferred();
    const proceed = deferred();
    const slow: HelpdeskConnector = {
      ...generic,
      async postReply(input) {
        inCall.resolve();
        await proceed.promise;
        return generic.postReply(input);
      },
    };
    const first = dispatcher({ connectors: { generic: slow } }).dispatch(ticket.id);
    await inCall.promise;
    const second = await dispatcher().dispatch(ticket.id);
    const sweep = await dispatcher().dispatchPending();
    expect(second.map((result) => result.outcome)).toEqual(['skipped']);
    expect(sweep.find((result) => result.ticketId === ticket.id)?.outcome).toBe('skipped');
    proceed.resolve();
    expect((await first).map((result) => result.outcome)).toEqual(['delivered']);
    expect(requestsFor(ticket.id)).toHaveLength(1);
  });

  it('keeps a retryable failure pending with the error, backs off, and the sweep delivers it', async () => {
    const { ticket } = await storedTicket();
    helpdesk.failNext(1, 503);
    const first = await dispatcher().dispatch(ticket.id);
    expect(first).toEqual([expect.objectContaining({ outcome: 'retry-later', error: expect.stringMatching(/503/) })]);
    const [pending] = await getOutboxForTicket(store.db, ticket.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/503/) });
    await vi.waitFor(async () => {
      await dispatcher().dispatchPending();
      expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('delivered');
    });
    expect(requestsFor(ticket.id).filter((request) => request.created)).toHaveLength(1);
    expect((await getOutboxForTicket(store.db, ticket.id))[0]?.attempts).toBe(2);
  });

  it("waits as long as the helpdesk's Retry-After asks before trying again", async () => {
    const { ticket } = await storedTicket();
    helpdesk.failNext(1, 429, { 'retry-after': '120' });
    const started = Date.now();
    await dispatcher({ backoff: { backoffBaseMs: 10, backoffMaxMs: 600_000 } }).dispatch(ticket.id);
    const [entry] = await getOutboxForTicket(store.db, ticket.id);
    const lease = await store.db
      .selectFrom('jobs')
      .selectAll()
      .where('queue', '=', OUTBOX_LEASE_QUEUE)
      .where('ticket_id', '=', entry!.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(lease.run_after) - started).toBeGreaterThanOrEqual(120_000);
    expect((await dispatcher().dispatch(ticket.id)).map((result) => result.outcome)).toEqual(['skipped']);
  });

  it('marks a non-retryable failure failed, logs an alert, and never retries it', async () => {
    const logger = createRecordingLogger();
    const { ticket } = await storedTicket();
    helpdesk.failNext(1, 400);
    const results = await dispatcher({ logger }).dispatch(ticket.id);
    expect(results.map((result) => result.outcome)).toEqual(['failed']);
    expect((await getOutboxForTicket(store.db, ticket.id))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(logger.records).toContainEqual(expect.objectContaining({ level: 'error', fields: expect.objectContaining({ ticketId: ticket.id }) }));
    await dispatcher().dispatchPending();
    expect(requestsFor(ticket.id)).toHaveLength(0);
  });

  it('gives up after maxAttempts retryable failures, with an alert', async () => {
    const logger = createRecordingLogger();
    const { ticket } = await storedTicket();
    helpdesk.failNext(3, 500);
    const outbox = dispatcher({ logger, maxAttempts: 3, backoff: { backoffBaseMs: 1, backoffMaxMs: 1 } });
    const outcomes: string[] = [];
    await vi.waitFor(async () => {
      const [result] = await outbox.dispatch(ticket.id);
      if (result && result.outcome !== 'skipped') outcomes.push(result.outcome);
      expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('failed');
    });
    expect(outcomes).toEqual(['retry-later', 'retry-later', 'failed']);
    expect(logger.records.filter((record) => record.level === 'error')).toHaveLength(1);
  });

  it('leaves an entry of a helpdesk without a configured connector pending, naming the helpdesk', async () => {
    const { ticket } = await storedTicket({ source: 'zendesk' });
    const [result] = await dispatcher().dispatch(ticket.id);
    expect(result).toMatchObject({ outcome: 'retry-later', error: expect.stringMatching(/zendesk connector/) });
    expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('pending');
  });

  it('re-delivers with the same key after a crash between the helpdesk call and the mark: one reply', async () => {
    const { ticket, key } = await storedTicket();
    const called = deferred();
    // A dispatcher that dies right after the helpdesk answered: its call never returns.
    const crashing: HelpdeskConnector = {
      ...generic,
      async postReply(input) {
        await generic.postReply(input);
        called.resolve();
        return new Promise(() => {});
      },
    };
    void dispatcher({ connectors: { generic: crashing }, leaseMs: 50 }).dispatch(ticket.id);
    await called.promise;
    await vi.waitFor(async () => {
      await dispatcher().dispatchPending();
      expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('delivered');
    });
    const requests = requestsFor(ticket.id);
    expect(requests.map((request) => request.idempotencyKey)).toEqual([key, key]);
    expect(requests.filter((request) => request.created)).toHaveLength(1);
  });

  it('claims inside the writing transaction and delivers once; another dispatcher skips it; a delivered entry is never claimed again', async () => {
    const { ticket } = await storedTicket();
    const [entry] = await getOutboxForTicket(store.db, ticket.id);
    const stored = await getTicket(store.db, ticket.id);
    const first = dispatcher();
    const lease = await store.db.transaction().execute((transaction) => first.claimWithin(transaction, entry!));
    expect(lease).toMatchObject({ outboxId: entry!.id, claims: 1 });
    // The lease committed with the transaction: a second dispatcher finds it held.
    expect((await dispatcher().dispatch(ticket.id)).map((result) => result.outcome)).toEqual(['skipped']);
    const result = await first.deliverClaimed({ entry: entry!, ticket: stored!, lease: lease!, sealedText: null });
    expect(result.outcome).toBe('delivered');
    expect(requestsFor(ticket.id)).toHaveLength(1);
    const [delivered] = await getOutboxForTicket(store.db, ticket.id);
    expect(delivered?.status).toBe('delivered');
    expect(await store.db.transaction().execute((transaction) => first.claimWithin(transaction, delivered!))).toBeNull();
  });
  /** An entry whose lease was taken in the transaction that wrote it, as the worker has it. */
  async function claimedInWritingTransaction(first: ReturnType<typeof dispatcher>) {
    const { ticket, key } = await storedTicket();
    const [entry] = await getOutboxForTicket(store.db, ticket.id);
    const stored = await getTicket(store.db, ticket.id);
    const lease = await store.transact((transaction) => first.claimWithin(transaction, entry!));
    return { ticket, key, claimed: { entry: entry!, ticket: stored!, lease: lease!, sealedText: null } };
  }

  it('a deferred delivered mark commits with the next write: one commit for both', async () => {
    const first = dispatcher({ store });
    const { ticket, claimed } = await claimedInWritingTransaction(first);
    const counter = startStatementCounter();
    try {
      let nextWrite: Promise<boolean> | undefined;
      const result = await first.deliverClaimed(claimed, { deferMark: true }).then((delivered) => {
        // What the worker does next in the same turn: its queue claims the next job.
        nextWrite = store.transact((transaction) => recordWebhookDelivery(transaction, { provider: 'generic', deliveryId: `next-${ticket.id}`, ticketId: ticket.id }));
        return delivered;
      });
      expect(result.outcome).toBe('delivered');
      await nextWrite;
      await first.settled();
    } finally {
      counter.stop();
    }
    expect(dialect === 'sqlite' ? counter.sqlite.commits : counter.postgres.commits).toBe(1);
    expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('delivered');
  });

  it('a crash after the post, before the deferred mark committed: the next dispatcher finds the post and does not post again', async () => {
    // The process dies before its group of writes commits: the mark's transaction never runs.
    const crashed = dispatcher({ store: { transact: () => new Promise(() => {}), transactLater: () => new Promise(() => {}) }, leaseMs: 50 });
    const { ticket, key, claimed } = await claimedInWritingTransaction(crashed);
    expect((await crashed.deliverClaimed(claimed, { deferMark: true })).outcome).toBe('delivered');
    expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('pending');

    const lookedUp: string[] = [];
    // A helpdesk that can be read back (Zendesk, Intercom, HubSpot): the sweep looks before it posts.
    const readable: HelpdeskConnector = {
      ...generic,
      async findDelivery(input) {
        lookedUp.push(input.outboxId);
        return requestsFor(input.ticket.id).some((request) => request.created) ? { externalId: 'found' } : null;
      },
    };
    await vi.waitFor(
      async () => {
        const results = await dispatcher({ connectors: { generic: readable } }).dispatchPending();
        expect(results.filter((result) => result.ticketId === ticket.id).map((result) => result.outcome)).toEqual(['found-delivered']);
      },
      { timeout: 10_000, interval: 20 },
    );
    expect(lookedUp).toEqual([claimed.entry.id]);
    expect(requestsFor(ticket.id).map((request) => request.idempotencyKey)).toEqual([key]);
    expect((await getOutboxForTicket(store.db, ticket.id))[0]?.status).toBe('delivered');
  });
});
