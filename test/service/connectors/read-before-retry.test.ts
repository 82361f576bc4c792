/**
 * Exactly once without the helpdesk's help (issue 14, item 9): Zendesk, Intercom and HubSpot
 * document no idempotency key for posting a comment, a conversation part or a note. Each stand-in
 * here stores the post and then fails the answer (dropped connection, no answer, 500); the outbox
 * retries, the connector reads the ticket's comments / parts / notes first, finds its marker, and
 * the helpdesk ends up with exactly one reply.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HelpdeskConnector, HelpdeskProvider } from '../../../src/service/connectors/helpdesk-connector.js';
import { createHubSpotConnector } from '../../../src/service/connectors/hubspot/hubspot-connector.js';
import { createIntercomConnector } from '../../../src/service/connectors/intercom/intercom-connector.js';
import { plainTextToHtml } from '../../../src/service/connectors/plain-text-to-html.js';
import { createZendeskConnector } from '../../../src/service/connectors/zendesk/zendesk-connector.js';
import { comparableText } from '../../../src/service/connectors/delivery-marker.js';
import { createOutboxCipher } from '../../../src/service/outbox/outbox-cipher.js';
import { createOutboxDispatcher } from '../../../src/service/outbox/outbox-dispatcher.js';
import { outboxIdempotencyKey } from '../../../src/service/process-ticket.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { getOutboxForTicket, insertOutboxIfAbsent, readSealedText } from '../../../src/service/store/repositories/outbox-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import type { Ticket } from '../../../src/triage/types.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import {
  startHubSpotStandIn,
  startIntercomStandIn,
  startZendeskStandIn,
  type VendorStandIn,
  type WriteFate,
} from './support/vendor-stand-ins.js';

const REPLY = 'Hi Ada,\n\nYour order A1001 shipped on Monday & should arrive this week.\n\nBest regards,\nThe Northwind Support Team';
const ADMIN_ID = '814';
/** Long enough for a loaded machine's legitimate answers; only the "never answers" case waits it out. */
const TIMEOUT_MS = 2_000;
const cipher = createOutboxCipher(Buffer.alloc(32, 5));

interface Vendor {
  provider: Exclude<HelpdeskProvider, 'generic'>;
  start(): Promise<VendorStandIn>;
  connector(baseUrl: string): HelpdeskConnector;
  /** The text a stored item shows, as a reader of the helpdesk sees it. */
  shownText(item: unknown): string;
}

const vendors: Vendor[] = [
  {
    provider: 'zendesk',
    start: startZendeskStandIn,
    connector: (baseUrl) => createZendeskConnector({ baseUrl, email: 'agent@acme.example', apiToken: 'token', webhookSecret: 'secret', timeoutMs: TIMEOUT_MS }),
    shownText: (item) => (item as { body: string }).body,
  },
  {
    provider: 'intercom',
    start: () => startIntercomStandIn(),
    connector: (baseUrl) => createIntercomConnector({ baseUrl, accessToken: 'token', clientSecret: 'secret', adminId: ADMIN_ID, timeoutMs: TIMEOUT_MS }),
    shownText: (item) => comparableText((item as { body: string }).body, 'html'),
  },
  {
    provider: 'hubspot',
    start: startHubSpotStandIn,
    connector: (baseUrl) => createHubSpotConnector({ baseUrl, accessToken: 'token', clientSecret: 'secret', timeoutMs: TIMEOUT_MS }),
    shownText: (item) => comparableText((item as { properties: { hs_note_body: string } }).properties.hs_note_body, 'html'),
  },
];

let counter = 0;

describe.each(vendors)('read-before-retry: $provider', (vendor) => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let standIn: VendorStandIn;

  beforeAll(async () => {
    standIn = await vendor.start();
  });
  afterAll(async () => {
    await standIn.close();
  });
  beforeEach(async () => {
    location = createTestStoreLocation('sqlite');
    store = await location.openMigrated();
  });
  afterEach(async () => {
    await store.close();
    await location.destroy();
  });

  function dispatcher(connector = vendor.connector(standIn.baseUrl)) {
    return createOutboxDispatcher({
      db: store.db,
      connectors: { [vendor.provider]: connector },
      cipher,
      backoff: { backoffBaseMs: 0, backoffMaxMs: 0 },
    });
  }

  async function queued(kind: 'send' | 'draft' = 'send'): Promise<Ticket> {
    counter += 1;
    const externalId = vendor.provider === 'intercom' ? `conv-${counter}` : `${4200 + counter}`;
    const ticket: Ticket = {
      id: `${vendor.provider}:${externalId}`,
      source: vendor.provider,
      externalId,
      customerEmail: 'ada@example.com',
      subject: 'Order',
      body: 'Where is my order A1001?',
      receivedAt: new Date().toISOString(),
    };
    await insertTicketIfAbsent(store.db, ticket);
    await insertOutboxIfAbsent(store.db, {
      ticketId: ticket.id,
      kind,
      text: REPLY,
      sealedText: cipher.seal(REPLY, ticket.id),
      tags: kind === 'draft' ? ['retention'] : [],
      confidence: 0.95,
      public: kind === 'send',
      idempotencyKey: outboxIdempotencyKey(ticket.id, kind),
    });
    return ticket;
  }

  const ambiguous: WriteFate[] = ['store-then-drop', 'store-then-500', 'store-then-hang'];

  it.each(ambiguous)('%s: the retry finds the stored reply and posts nothing more', async (fate) => {
    const ticket = await queued();
    standIn.nextWrites(fate);
    const first = await dispatcher().dispatch(ticket.id);
    expect(first.map((result) => result.outcome)).toEqual(['retry-later']);
    expect(standIn.stored(ticket.externalId!)).toHaveLength(1);

    const second = await dispatcher().dispatchPending();
    expect(second.filter((result) => result.ticketId === ticket.id).map((result) => result.outcome)).toEqual(['found-delivered']);
    expect(standIn.stored(ticket.externalId!)).toHaveLength(1);
    const [entry] = await getOutboxForTicket(store.db, ticket.id);
    expect(entry).toMatchObject({ status: 'delivered', lastError: null });
    expect(await readSealedText(store.db, entry!.id)).toBeNull();
    // More sweeps change nothing.
    await dispatcher().dispatchPending();
    expect(standIn.stored(ticket.externalId!)).toHaveLength(1);
  });

  it('a call interrupted by shutdown after the helpdesk stored it is looked for before the next post', async () => {
    const ticket = await queued();
    standIn.nextWrites('store-then-hang');
    const shutdown = new AbortController();
    const written = standIn.server.nextRequest();
    const first = dispatcher().dispatch(ticket.id, { signal: shutdown.signal });
    await written;
    shutdown.abort(new Error('SIGTERM'));
    expect((await first).map((result) => result.outcome)).toEqual(['retry-later']);
    const second = await dispatcher().dispatchPending();
    expect(second.filter((result) => result.ticketId === ticket.id).map((result) => result.outcome)).toEqual(['found-delivered']);
    expect(standIn.stored(ticket.externalId!)).toHaveLength(1);
  });

  it('a write refused before it was stored (503) is posted again, once', async () => {
    const ticket = await queued();
    standIn.nextWrites('refuse-503');
    expect((await dispatcher().dispatch(ticket.id)).map((result) => result.outcome)).toEqual(['retry-later']);
    expect(standIn.stored(ticket.externalId!)).toHaveLength(0);
    const second = await dispatcher().dispatchPending();
    expect(second.filter((result) => result.ticketId === ticket.id).map((result) => result.outcome)).toEqual(['delivered']);
    expect(standIn.stored(ticket.externalId!)).toHaveLength(1);
  });

  it('100 replies with a fifth of the writes stored and then dropped or failed: 100 replies on the helpdesk', async () => {
    const tickets: Ticket[] = [];
    for (let index = 0; index < 100; index += 1) tickets.push(await queued());
    // A fixed pattern, not chance: every 10th write is dropped after it was stored, every 10th+5 answers 500.
    standIn.nextWrites(...Array.from({ length: 100 }, (_, index): WriteFate => (index % 10 === 0 ? 'store-then-drop' : index % 10 === 5 ? 'store-then-500' : 'answer')));
    const outbox = dispatcher();
    for (const ticket of tickets) await outbox.dispatch(ticket.id);
    let sweeps = 0;
    while ((await outbox.dispatchPending()).length > 0) sweeps += 1;
    expect(sweeps).toBe(1);
    const perTicket = tickets.map((ticket) => standIn.stored(ticket.externalId!).length);
    expect(perTicket.filter((count) => count === 1)).toHaveLength(100);
    const entries = await Promise.all(tickets.map((ticket) => getOutboxForTicket(store.db, ticket.id)));
    expect(entries.flat().every((entry) => entry.status === 'delivered')).toBe(true);
  });

  it('an internal note dropped after it was stored is found too', async () => {
    const ticket = await queued('draft');
    standIn.nextWrites('store-then-drop');
    await dispatcher().dispatch(ticket.id);
    const second = await dispatcher().dispatchPending();
    expect(second.filter((result) => result.ticketId === ticket.id).map((result) => result.outcome)).toEqual(['found-delivered']);
    expect(standIn.stored(ticket.externalId!)).toHaveLength(1);
  });

  it('the marker does not change what the reader sees', async () => {
    const ticket = await queued();
    await dispatcher().dispatch(ticket.id);
    const [item] = standIn.stored(ticket.externalId!);
    const shown = vendor.shownText(item);
    if (vendor.provider === 'zendesk') expect(shown).toBe(REPLY);
    else if (vendor.provider === 'intercom') expect(shown).toBe(comparableText(plainTextToHtml(REPLY), 'html'));
    // A HubSpot reply is an agent-only note: its header and reference line are for agents.
    else expect(shown).toContain(comparableText(REPLY, 'plain'));
  });
});

describe('read-before-retry: intercom with a sanitiser that drops HTML comments', () => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let standIn: VendorStandIn;

  beforeEach(async () => {
    standIn = await startIntercomStandIn({ sanitise: true });
    location = createTestStoreLocation('sqlite');
    store = await location.openMigrated();
  });
  afterEach(async () => {
    await store.close();
    await location.destroy();
    await standIn.close();
  });

  it('finds our part by author, type and text when the marker was stripped', async () => {
    const connector = createIntercomConnector({ baseUrl: standIn.baseUrl, accessToken: 'token', clientSecret: 'secret', adminId: ADMIN_ID, timeoutMs: TIMEOUT_MS });
    const outbox = createOutboxDispatcher({ db: store.db, connectors: { intercom: connector }, cipher, backoff: { backoffBaseMs: 0, backoffMaxMs: 0 } });
    const ticket: Ticket = { id: 'intercom:conv-s1', source: 'intercom', externalId: 'conv-s1', customerEmail: 'ada@example.com', body: 'Where is my order?', receivedAt: new Date().toISOString() };
    await insertTicketIfAbsent(store.db, ticket);
    await insertOutboxIfAbsent(store.db, { ticketId: ticket.id, kind: 'send', text: REPLY, sealedText: cipher.seal(REPLY, ticket.id), tags: [], confidence: 0.95, public: true, idempotencyKey: outboxIdempotencyKey(ticket.id, 'send') });
    standIn.nextWrites('store-then-drop');
    await outbox.dispatch(ticket.id);
    expect(JSON.stringify(standIn.stored('conv-s1'))).not.toContain('northwind-outbox');
    const second = await outbox.dispatchPending();
    expect(second.map((result) => result.outcome)).toEqual(['found-delivered']);
    expect(standIn.stored('conv-s1')).toHaveLength(1);
  });
});
