/**
 * HubSpot batches: the valid events are stored and the others reported, never a 404 for the whole
 * batch; accepting calls no HubSpot API whatever the batch size; the worker reads each ticket once;
 * a ticket without a conversation thread ends `noted`, never `sent`.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { createHubSpotConnector, type HelpdeskConnector } from '../../../src/service/connectors/index.js';
import { createOutboxDispatcher } from '../../../src/service/outbox/outbox-dispatcher.js';
import { silentLogger } from '../../../src/service/queue/logger.js';
import { getTicket } from '../../../src/service/store/repositories/ticket-repository.js';
import { createWorker } from '../../../src/service/worker/worker.js';
import { formatOutcome } from '../../../src/cli/format-outcome.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { draftHash } from '../../../src/service/routes/api/api-routes.js';
import { getOutboxForTicket } from '../../../src/service/store/repositories/outbox-repository.js';
import { fixtureJson } from '../connectors/fixtures.js';
import { startStandInServer, type RecordedRequest, type StandInServer } from '../connectors/stand-in-server.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';

const SECRET = 'hubspot-client-secret-for-tests';
const PUBLIC_URL = 'https://triage.example.com';
const auth = { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` };

function hubspotApi(request: RecordedRequest) {
  const path = request.url.split('?')[0];
  if (path === '/crm/v3/objects/tickets/2315741632') {
    // A plain how-to question, so the local model would answer it on its own if it could.
    return {
      status: 200,
      json: { id: '2315741632', properties: { subject: 'Password reset', content: 'How do I reset my password? I forgot it.' }, associations: { contacts: { results: [{ id: '51', type: 'ticket_to_contact' }] } } },
    };
  }
  if (path === '/crm/v3/objects/contacts/51') return { status: 200, json: { id: '51', properties: { email: 'ada@example.com' } } };
  if (path === '/crm/v3/objects/notes') return { status: 201, json: fixtureJson('hubspot-note-response.json') };
  return { status: 404, json: { status: 'error', message: 'Object not found' } };
}

describe('hubspot intake', () => {
  let api: StandInServer;
  let connector: HelpdeskConnector;
  let services: TestServices;
  let app: TriageApp;

  beforeAll(async () => {
    api = await startStandInServer(hubspotApi);
  });
  afterAll(() => api.close());

  beforeEach(async () => {
    api.requests.length = 0;
    // No sender actor configured: replies can only be notes.
    connector = createHubSpotConnector({ baseUrl: api.baseUrl, accessToken: 'pat', clientSecret: SECRET, publicUrl: PUBLIC_URL });
    services = await createTestServices({ connectors: { hubspot: connector } });
    app = await buildApp(services);
  });
  afterEach(async () => {
    await app.close();
    await services.cleanup();
  });

  function post(events: unknown[]) {
    const body = JSON.stringify(events);
    const timestamp = String(Date.now());
    const signature = createHmac('sha256', SECRET).update('POST').update(`${PUBLIC_URL}/webhooks/hubspot`).update(body).update(timestamp).digest('base64');
    return app.inject({
      method: 'POST',
      url: '/webhooks/hubspot',
      payload: body,
      headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
    });
  }

  function event(eventId: number, objectId: number, subscriptionType = 'ticket.creation') {
    return { eventId, subscriptionId: 2781445, portalId: 62515, appId: 3041776, occurredAt: 1795860060000, subscriptionType, attemptNumber: 0, objectId, changeFlag: 'CREATED', changeSource: 'FORM' };
  }

  it('stores the valid events of a batch and reports the rest; the worker records the missing ticket and notes the reply', async () => {
    const response = await post([event(1, 2315741632), event(2, 404), { eventId: 3, objectId: 'abc' }, event(4, 2315741632, 'ticket.propertyChange')]);
    expect(response.statusCode).toBe(202);
    const answer = response.json();
    expect(answer.tickets).toEqual([
      { ticketId: 'hubspot:2315741632', status: 'queued' },
      { ticketId: 'hubspot:404', status: 'queued' },
    ]);
    expect(answer.events).toEqual([
      { deliveryId: '3', status: 'rejected', reason: expect.stringContaining('event 3') },
      { deliveryId: '4', status: 'ignored', reason: 'hubspot ticket.propertyChange events are not triaged' },
    ]);
    expect(api.requests).toHaveLength(0);

    const connectors = { hubspot: connector };
    const worker = createWorker({
      runtime: services.runtime,
      queue: services.queue,
      dispatcher: createOutboxDispatcher({ db: services.runtime.store.db, connectors, cipher: services.runtime.outboxCipher }),
      connectors,
      concurrency: 1,
      logger: silentLogger,
      sweepIntervalMs: 0,
      observeOutcome: (decision, seconds) => services.metrics.observeOutcome(decision, seconds),
    });
    const job = (ticketId: string) => ({ jobId: ticketId, ticketId, attempt: 1, maxAttempts: 3, signal: new AbortController().signal });
    await worker.handleJob(job('hubspot:404'));
    await worker.handleJob(job('hubspot:2315741632'));

    // The deleted ticket: recorded with its reason, failed, not triaged.
    expect(await getTicket(services.runtime.store.db, 'hubspot:404')).toMatchObject({ status: 'failed' });
    const rejections = (await app.inject({ method: 'GET', url: '/api/webhook-rejections?provider=hubspot', headers: auth })).json().rejections;
    expect(rejections.map((row: { reason: string }) => row.reason)).toEqual(
      expect.arrayContaining([expect.stringContaining('hubspot ticket 404 does not exist'), expect.stringContaining('event 3')]),
    );

    // The valid ticket: read once, triaged, and -- with no thread to answer in -- noted, never sent.
    const detail = (await app.inject({ method: 'GET', url: '/api/tickets/hubspot:2315741632', headers: auth })).json();
    expect(detail.ticket).toMatchObject({ customerEmail: 'ada@example.com', subject: 'Password reset' });
    expect(detail.status).toBe('noted');
    expect(detail.outcome.decision).toBe('noted');
    expect(detail.outcome.reasons).toEqual(expect.arrayContaining([expect.stringContaining('no conversation thread')]));
    const noted = (await app.inject({ method: 'GET', url: '/api/decisions?decision=noted', headers: auth })).json().decisions;
    expect(noted.map((row: { ticketId: string }) => row.ticketId)).toEqual(['hubspot:2315741632']);
    const sent = (await app.inject({ method: 'GET', url: '/api/decisions?decision=sent', headers: auth })).json().decisions;
    expect(sent).toEqual([]);
    expect(formatOutcome(detail.outcome)).toContain('NOTED in the helpdesk');
    const metrics = await services.metrics.registry.metrics();
    expect(metrics).toContain('triage_tickets_processed_total{decision="noted"} 1');
    expect(metrics).not.toContain('triage_tickets_processed_total{decision="sent"}');
    // The reply went to HubSpot as a note that says it was not sent.
    const notes = api.requests.filter((request) => request.url === '/crm/v3/objects/notes');
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(notes[0]!.json)).toContain('NOT sent');
    const reads = api.requests.filter((request) => request.url.startsWith('/crm/v3/objects/tickets/2315741632'));
    expect(reads).toHaveLength(1);
  });

  it('answers a 100-event batch without a single HubSpot call', async () => {
    const events = Array.from({ length: 100 }, (_, index) => event(1000 + index, 5_000_000 + index));
    const response = await post(events);
    expect(response.statusCode).toBe(202);
    expect(response.json().tickets).toHaveLength(100);
    expect(api.requests).toHaveLength(0);
  });

  it("approving a draft for a ticket without a thread makes it noted, not sent", async () => {
    const ticket = {
      id: 'hubspot:77',
      source: 'hubspot' as const,
      externalId: '77',
      customerEmail: 'ada@example.com',
      subject: 'Cancel',
      body: 'I want to cancel my subscription.',
      receivedAt: new Date().toISOString(),
    };
    const processed = await processTicket(services.runtime, ticket);
    expect(processed.outcome.decision).toBe('drafted');
    const [draft] = await getOutboxForTicket(services.runtime.store.db, ticket.id);
    const response = await app.inject({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/approve`,
      headers: auth,
      payload: { draftId: draft!.id, draftHash: draftHash(draft!) },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ ticketId: ticket.id, status: 'noted' });
    expect(await getTicket(services.runtime.store.db, ticket.id)).toMatchObject({ status: 'noted' });
  });
});
