import { describe, expect, it } from 'vitest';
import { InvalidStoreInputError, RecordNotFoundError } from '../../../src/service/store/errors.js';
import {
  getOutboxEntry,
  getOutboxForTicket,
  insertOutboxIfAbsent,
  listPendingOutbox,
  markOutboxDelivered,
  markOutboxFailed,
  type NewOutboxEntry,
  setOutboxStatus,
} from '../../../src/service/store/repositories/outbox-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { makeTicket } from './fixtures/store-data.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

describe.each(storeDialects)('outbox repository on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  async function newEntry(overrides: Partial<NewOutboxEntry> = {}): Promise<NewOutboxEntry> {
    const { ticket } = await insertTicketIfAbsent(store.handle.db, makeTicket());
    return {
      ticketId: ticket.id,
      kind: 'draft',
      text: 'Your order is on its way.',
      tags: ['retention'],
      confidence: 0.72,
      public: false,
      idempotencyKey: `${ticket.id}:reply`,
      ...overrides,
    };
  }

  it('stores a pending entry and reads it back', async () => {
    const entry = await newEntry({ public: true, kind: 'send', confidence: 0.95, tags: [] });
    const { inserted, row } = await insertOutboxIfAbsent(store.handle.db, entry);
    expect(inserted).toBe(true);
    expect(row).toMatchObject({ ...entry, status: 'pending', attempts: 0, lastError: null, deliveredAt: null, approvedBy: null });
    expect(await getOutboxEntry(store.handle.db, row.id)).toEqual(row);
    expect(await getOutboxForTicket(store.handle.db, entry.ticketId)).toEqual([row]);
  });

  it('20 concurrent inserts with one idempotency key: exactly one inserted, all get that row', async () => {
    const entry = await newEntry();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => insertOutboxIfAbsent(store.handle.db, { ...entry, text: `attempt ${index}` })),
    );
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
    const winner = results.find((result) => result.inserted)!.row;
    expect(results.every((result) => result.row.id === winner.id && result.row.text === winner.text)).toBe(true);
    expect(await getOutboxForTicket(store.handle.db, entry.ticketId)).toHaveLength(1);
  });

  it('delivery counts the attempt, stamps deliveredAt once and leaves the pending list', async () => {
    const entry = await newEntry();
    const { row } = await insertOutboxIfAbsent(store.handle.db, entry);
    const delivered = await markOutboxDelivered(store.handle.db, row.id);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(delivered.deliveredAt).not.toBeNull();
    const again = await markOutboxDelivered(store.handle.db, row.id);
    expect(again.deliveredAt).toBe(delivered.deliveredAt);
    const pending = await listPendingOutbox(store.handle.db, 10_000);
    expect(pending.map((item) => item.id)).not.toContain(row.id);
  });

  it('a retryable failure stays pending with its error; a final one becomes failed', async () => {
    const { row } = await insertOutboxIfAbsent(store.handle.db, await newEntry());
    const retry = await markOutboxFailed(store.handle.db, row.id, 'HTTP 503', { retryable: true });
    expect(retry).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    const final = await markOutboxFailed(store.handle.db, row.id, 'HTTP 404');
    expect(final).toMatchObject({ status: 'failed', attempts: 2, lastError: 'HTTP 404' });
  });

  it('lists pending entries oldest first, up to the limit', async () => {
    const first = (await insertOutboxIfAbsent(store.handle.db, await newEntry())).row;
    const second = (await insertOutboxIfAbsent(store.handle.db, await newEntry())).row;
    const pending = await listPendingOutbox(store.handle.db, 10_000);
    const ids = pending.map((item) => item.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(pending.every((item) => item.status === 'pending')).toBe(true);
    expect(await listPendingOutbox(store.handle.db, 1)).toHaveLength(1);
    await expect(listPendingOutbox(store.handle.db, 0)).rejects.toBeInstanceOf(InvalidStoreInputError);
  });

  it('setOutboxStatus records a review decision and who made it', async () => {
    const { row } = await insertOutboxIfAbsent(store.handle.db, await newEntry());
    const rejected = await setOutboxStatus(store.handle.db, row.id, 'rejected', { approvedBy: 'reviewer-1', lastError: 'tone' });
    expect(rejected).toMatchObject({ status: 'rejected', approvedBy: 'reviewer-1', lastError: 'tone' });
    const back = await setOutboxStatus(store.handle.db, row.id, 'pending');
    expect(back).toMatchObject({ status: 'pending', approvedBy: 'reviewer-1', lastError: 'tone' });
  });

  it('unknown entries throw RecordNotFoundError', async () => {
    await expect(markOutboxDelivered(store.handle.db, 'nope')).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(markOutboxFailed(store.handle.db, 'nope', 'x')).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(setOutboxStatus(store.handle.db, 'nope', 'rejected')).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await getOutboxEntry(store.handle.db, 'nope')).toBeNull();
  });
});
