import { describe, expect, it } from 'vitest';
import { RecordNotFoundError } from '../../../src/service/store/errors.js';
import {
  getTicket,
  insertTicketIfAbsent,
  recordWebhookDelivery,
  setTicketStatus,
} from '../../../src/service/store/repositories/ticket-repository.js';
import { makeTicket } from './fixtures/store-data.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

describe.each(storeDialects)('ticket repository on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  it('stores a new ticket as queued and reads it back', async () => {
    const ticket = makeTicket({ externalId: 'ext-1', source: 'zendesk' });
    const result = await insertTicketIfAbsent(store.handle.db, ticket);
    expect(result.inserted).toBe(true);
    expect(result.ticket).toMatchObject({ ...ticket, status: 'queued' });
    expect(result.ticket.createdAt).toBe(result.ticket.updatedAt);
    expect(await getTicket(store.handle.db, ticket.id)).toEqual(result.ticket);
  });

  it('leaves optional fields out rather than null', async () => {
    const { subject: _subject, ...withoutSubject } = makeTicket();
    const { ticket } = await insertTicketIfAbsent(store.handle.db, withoutSubject);
    expect(ticket).not.toHaveProperty('subject');
    expect(ticket).not.toHaveProperty('externalId');
  });

  it('stores receivedAt in the one ISO-8601 UTC form', async () => {
    const ticket = makeTicket({ receivedAt: '2026-11-28T12:00:00+02:00' });
    const { ticket: stored } = await insertTicketIfAbsent(store.handle.db, ticket);
    expect(stored.receivedAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('a second insert of the same id returns the stored ticket and inserted=false', async () => {
    const ticket = makeTicket();
    await insertTicketIfAbsent(store.handle.db, ticket);
    const again = await insertTicketIfAbsent(store.handle.db, { ...ticket, body: 'changed' });
    expect(again.inserted).toBe(false);
    expect(again.ticket.body).toBe(ticket.body);
  });

  it('a redelivery under another id but the same source and external id returns the first ticket', async () => {
    const first = makeTicket({ source: 'intercom', externalId: `conv-${Math.random()}` });
    await insertTicketIfAbsent(store.handle.db, first);
    const redelivered = await insertTicketIfAbsent(store.handle.db, { ...makeTicket(), source: 'intercom', externalId: first.externalId });
    expect(redelivered.inserted).toBe(false);
    expect(redelivered.ticket.id).toBe(first.id);
  });

  it('the same external id from two sources is two tickets', async () => {
    const externalId = `shared-${Math.random()}`;
    const a = await insertTicketIfAbsent(store.handle.db, makeTicket({ source: 'zendesk', externalId }));
    const b = await insertTicketIfAbsent(store.handle.db, makeTicket({ source: 'hubspot', externalId }));
    expect([a.inserted, b.inserted]).toEqual([true, true]);
  });

  it('20 concurrent inserts of one ticket: exactly one inserted, all see the same ticket', async () => {
    const ticket = makeTicket({ source: 'generic', externalId: `race-${Math.random()}` });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        // Half race on the id, half on (source, external id) under other ids.
        insertTicketIfAbsent(store.handle.db, index % 2 === 0 ? ticket : { ...ticket, id: `${ticket.id}-alias-${index}` }),
      ),
    );
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
    expect(new Set(results.map((result) => result.ticket.id)).size).toBe(1);
  });

  it('setTicketStatus changes the status and updatedAt', async () => {
    const { ticket } = await insertTicketIfAbsent(store.handle.db, makeTicket());
    const updated = await setTicketStatus(store.handle.db, ticket.id, 'drafted');
    expect(updated.status).toBe('drafted');
    expect(updated.updatedAt >= ticket.updatedAt).toBe(true);
    expect((await getTicket(store.handle.db, ticket.id))?.status).toBe('drafted');
  });

  it('an unknown ticket: getTicket is null and setTicketStatus throws RecordNotFoundError', async () => {
    expect(await getTicket(store.handle.db, 'no-such-ticket')).toBeNull();
    await expect(setTicketStatus(store.handle.db, 'no-such-ticket', 'sent')).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('recordWebhookDelivery is true only the first time, also with 20 concurrent deliveries', async () => {
    const deliveryId = `delivery-${Math.random()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        recordWebhookDelivery(store.handle.db, { provider: 'zendesk', deliveryId, ticketId: 'zendesk:1' }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await recordWebhookDelivery(store.handle.db, { provider: 'zendesk', deliveryId, ticketId: 'zendesk:1' })).toBe(
      false,
    );
    // Delivery ids are per provider.
    expect(await recordWebhookDelivery(store.handle.db, { provider: 'intercom', deliveryId, ticketId: 'x' })).toBe(true);
  });
});
