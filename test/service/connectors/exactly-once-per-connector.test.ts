/**
 * Zendesk, Intercom and HubSpot document no Idempotency-Key for the calls that post our replies, so
 * exactly-once cannot lean on the helpdesk: it rests on the outbox's delivery lease and its state.
 * For each connector, several dispatchers and sweeps racing for one reply make ONE call to the
 * stand-in helpdesk, and a later sweep makes none.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubSpotConnector } from '../../../src/service/connectors/hubspot/hubspot-connector.js';
import type { HelpdeskConnector, HelpdeskProvider } from '../../../src/service/connectors/helpdesk-connector.js';
import { createIntercomConnector } from '../../../src/service/connectors/intercom/intercom-connector.js';
import { createZendeskConnector } from '../../../src/service/connectors/zendesk/zendesk-connector.js';
import { createOutboxDispatcher } from '../../../src/service/outbox/outbox-dispatcher.js';
import { outboxIdempotencyKey } from '../../../src/service/process-ticket.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { getOutboxForTicket, insertOutboxIfAbsent } from '../../../src/service/store/repositories/outbox-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import type { Ticket } from '../../../src/triage/types.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { fixtureJson } from './fixtures.js';
import { startStandInServer, type StandInServer } from './stand-in-server.js';

interface Case {
  provider: Exclude<HelpdeskProvider, 'generic'>;
  create(baseUrl: string): HelpdeskConnector;
  answer: unknown;
  /** The write that creates the reply at the helpdesk. */
  write: string;
}

const cases: Case[] = [
  {
    provider: 'zendesk',
    create: (baseUrl) => createZendeskConnector({ baseUrl, email: 'agent@acme.example', apiToken: 't', webhookSecret: 's' }),
    answer: fixtureJson('zendesk-ticket-update-response.json'),
    write: 'PUT /api/v2/tickets/4711.json',
  },
  {
    provider: 'intercom',
    create: (baseUrl) => createIntercomConnector({ baseUrl, accessToken: 't', clientSecret: 's', adminId: '1' }),
    answer: fixtureJson('intercom-reply-response.json'),
    write: 'POST /conversations/4711/reply',
  },
  {
    provider: 'hubspot',
    create: (baseUrl) => createHubSpotConnector({ baseUrl, accessToken: 't', clientSecret: 's' }),
    answer: fixtureJson('hubspot-note-response.json'),
    write: 'POST /crm/v3/objects/notes',
  },
];

describe.each(cases)('$provider: one reply however many dispatchers race', ({ provider, create, answer, write }) => {
  let location: TestStoreLocation;
  let store: StoreHandle;
  let helpdesk: StandInServer;

  beforeAll(async () => {
    helpdesk = await startStandInServer(() => ({ status: 200, json: answer }));
  });
  afterAll(() => helpdesk.close());
  beforeEach(async () => {
    helpdesk.requests.length = 0;
    location = createTestStoreLocation('sqlite');
    store = await location.openMigrated();
  });
  afterEach(async () => {
    await store.close();
    await location.destroy();
  });

  it('calls the helpdesk once, and a later sweep calls it no more', async () => {
    const ticket: Ticket = {
      id: `${provider}:4711`,
      source: provider,
      externalId: '4711',
      customerEmail: 'ada@example.com',
      body: 'How do I reset my password?',
      receivedAt: new Date().toISOString(),
    };
    await insertTicketIfAbsent(store.db, ticket);
    await insertOutboxIfAbsent(store.db, {
      ticketId: ticket.id,
      kind: 'send',
      text: 'Use the reset link on the sign-in page.',
      tags: [],
      confidence: 0.95,
      public: true,
      idempotencyKey: outboxIdempotencyKey(ticket.id, 'send'),
    });
    const connectors = { [provider]: create(helpdesk.baseUrl) };
    const dispatchers = Array.from({ length: 4 }, () => createOutboxDispatcher({ db: store.db, connectors }));
    await Promise.all([
      ...dispatchers.map((dispatcher) => dispatcher.dispatch(ticket.id)),
      ...dispatchers.map((dispatcher) => dispatcher.dispatchPending()),
    ]);
    await createOutboxDispatcher({ db: store.db, connectors }).dispatchPending();

    const writes = helpdesk.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.url}`);
    expect(writes).toEqual([write]);
    expect(helpdesk.requests.every((request) => request.headers['idempotency-key'] === undefined)).toBe(true);
    const [entry] = await getOutboxForTicket(store.db, ticket.id);
    expect(entry).toMatchObject({ status: 'delivered' });
  });
});
