/**
 * The delivered mark (`markDeliveredSettlingLease`): the entry marked delivered and its lease
 * settled, one statement on PostgreSQL (it rides in another ticket's transaction), the two
 * statements on SQLite; the same rows either way, and nothing settled for a missing entry.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import { claimDeliveryLease, markDeliveredSettlingLease, OUTBOX_LEASE_QUEUE } from '../../../src/service/outbox/delivery-lease.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { getOutboxEntry, insertOutboxIfAbsent } from '../../../src/service/store/repositories/outbox-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';

describe.each(['sqlite', 'postgres'] as const)('the delivered mark on %s', (dialect) => {
  let location: TestStoreLocation;
  let store: StoreHandle;

  beforeAll(async () => {
    location = createTestStoreLocation(dialect);
    store = await location.openMigrated();
  });
  afterAll(async () => {
    await store.close();
    await location.destroy();
  });

  async function claimedEntry(kind: 'send' | 'draft') {
    const ticketId = `mark-${randomBytes(4).toString('hex')}`;
    await insertTicketIfAbsent(store.db, { id: ticketId, source: 'generic', customerEmail: 'ada@example.com', body: 'Hi', receivedAt: new Date().toISOString() });
    const { row } = await insertOutboxIfAbsent(store.db, {
      ticketId,
      kind,
      text: 'Hello',
      sealedText: 'sealed',
      tags: [],
      confidence: 0.9,
      public: kind === 'send',
      idempotencyKey: `${ticketId}:${kind}`,
    });
    const lease = await claimDeliveryLease(store.db, { outboxId: row.id, ticketId, holder: 'me', leaseMs: 60_000, maxAttempts: 8 });
    return { entry: row, lease: lease! };
  }

  const leaseRow = (outboxId: string) =>
    store.db.selectFrom('jobs').selectAll().where('queue', '=', OUTBOX_LEASE_QUEUE).where('ticket_id', '=', outboxId).executeTakeFirstOrThrow();
  const sealed = async (id: string) => (await store.db.selectFrom('outbox').select('sealed_text').where('id', '=', id).executeTakeFirstOrThrow()).sealed_text;

  it('marks a reply delivered (sealed text wiped) and completes its lease, in one statement on PostgreSQL', async () => {
    const { entry, lease } = await claimedEntry('send');
    const counter = startStatementCounter();
    try {
      await store.db.transaction().execute((transaction) => markDeliveredSettlingLease(transaction, lease, { wipeSealedText: true }));
    } finally {
      counter.stop();
    }
    // BEGIN, the mark, COMMIT on PostgreSQL.
    if (dialect === 'postgres') expect(counter.postgres.statements).toBe(3);
    const marked = await getOutboxEntry(store.db, entry.id);
    expect(marked).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect(marked?.deliveredAt).not.toBeNull();
    expect(await sealed(entry.id)).toBeNull();
    expect(await leaseRow(entry.id)).toMatchObject({ status: 'completed', locked_by: null, locked_until: null, last_error: null, attempts: 1 });
  });

  it('keeps a draft’s sealed text and its first delivery time on a second mark', async () => {
    const { entry, lease } = await claimedEntry('draft');
    await store.db.transaction().execute((transaction) => markDeliveredSettlingLease(transaction, lease, { wipeSealedText: false }));
    const first = await getOutboxEntry(store.db, entry.id);
    await store.db.transaction().execute((transaction) => markDeliveredSettlingLease(transaction, lease, { wipeSealedText: false }));
    const second = await getOutboxEntry(store.db, entry.id);
    expect(await sealed(entry.id)).toBe('sealed');
    expect(second?.attempts).toBe(2);
    expect(second?.deliveredAt).toBe(first?.deliveredAt);
  });

  it('leaves a lease held by someone else as it is', async () => {
    const { entry, lease } = await claimedEntry('send');
    await store.db.transaction().execute((transaction) => markDeliveredSettlingLease(transaction, { ...lease, holder: 'someone-else' }, { wipeSealedText: true }));
    expect(await leaseRow(entry.id)).toMatchObject({ status: 'active', locked_by: 'me' });
  });

  it('throws for a missing entry and settles nothing', async () => {
    const { entry, lease } = await claimedEntry('send');
    await store.db.deleteFrom('outbox').where('id', '=', entry.id).execute();
    await expect(store.db.transaction().execute((transaction) => markDeliveredSettlingLease(transaction, lease, { wipeSealedText: true }))).rejects.toThrow(
      /does not exist/,
    );
    expect(await leaseRow(entry.id)).toMatchObject({ status: 'active', locked_by: 'me' });
  });
});
