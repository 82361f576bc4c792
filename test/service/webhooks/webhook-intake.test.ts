/**
 * What the webhook route does with events that are not one plain ticket: Intercom's ping, events we
 * cannot use (recorded with the reason and listed by GET /api/webhook-rejections), a lead without an
 * email (stored with an unknown sender, then drafted), and HubSpot batches with a bad event.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { createIntercomConnector } from '../../../src/service/connectors/index.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { getTicket } from '../../../src/service/store/repositories/ticket-repository.js';
import { fixtureJson } from '../connectors/fixtures.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../support/test-services.js';

const INTERCOM_SECRET = 'intercom-client-secret-for-tests';
const auth = { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` };

describe('webhook intake: intercom', () => {
  let services: TestServices;
  let app: TriageApp;

  beforeEach(async () => {
    services = await createTestServices({
      connectors: {
        // The API is never called on intake: a port nothing listens on proves it.
        intercom: createIntercomConnector({ baseUrl: 'http://127.0.0.1:9', accessToken: 't', clientSecret: INTERCOM_SECRET, adminId: '1' }),
      },
    });
    app = await buildApp(services);
  });
  afterEach(async () => {
    await app.close();
    await services.cleanup();
  });

  function post(payload: unknown) {
    const body = JSON.stringify(payload);
    const signature = `sha1=${createHmac('sha1', INTERCOM_SECRET).update(body).digest('hex')}`;
    return app.inject({
      method: 'POST',
      url: '/webhooks/intercom',
      payload: body,
      headers: { 'content-type': 'application/json', 'x-hub-signature': signature },
    });
  }

  async function counts() {
    const { db } = services.runtime.store;
    const tickets = await db.selectFrom('tickets').select('id').execute();
    const rejections = await db.selectFrom('webhook_rejections').select('id').execute();
    return { tickets: tickets.length, rejections: rejections.length };
  }

  async function rejections(query = '') {
    const response = await app.inject({ method: 'GET', url: `/api/webhook-rejections${query}`, headers: auth });
    expect(response.statusCode).toBe(200);
    return response.json().rejections as Array<{ provider: string; deliveryId: string | null; outcome: string; reason: string }>;
  }

  it('answers the ping notification 200 and stores nothing', async () => {
    const response = await post({
      type: 'notification_event',
      app_id: 'abc123',
      data: { type: 'notification_event_data', item: { type: 'ping', message: 'something something interzen' } },
      id: null,
      topic: 'ping',
      delivery_attempts: 1,
      created_at: 1700000000,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'pong' });
    expect(await counts()).toEqual({ tickets: 0, rejections: 0 });
  });

  it('acknowledges an unreadable conversation and records why, visible to reviewers', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    delete payload.data.item.source;
    const response = await post(payload);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ ticketId: null, status: 'rejected', reason: expect.stringContaining('API version 2.x') });
    const listed = await rejections('?provider=intercom');
    expect(listed).toEqual([
      expect.objectContaining({ provider: 'intercom', deliveryId: payload.id, outcome: 'rejected', reason: expect.stringContaining('data.item.source') }),
    ]);
    expect((await counts()).tickets).toBe(0);
  });

  it('acknowledges a body that is not an Intercom notification at all, and records it', async () => {
    const response = await post({ hello: 'world' });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ ticketId: null, status: 'rejected' });
    expect(await rejections('?outcome=rejected')).toHaveLength(1);
  });

  it('records a topic it does not triage as ignored', async () => {
    const response = await post({ type: 'notification_event', id: 'notif_9', topic: 'contact.created', data: { item: { type: 'contact' } } });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toMatchObject({ status: 'ignored' });
    expect(await rejections()).toEqual([expect.objectContaining({ deliveryId: 'notif_9', outcome: 'ignored' })]);
  });

  it('stores a lead whose email is "" with an unknown sender, and the ticket is drafted, never sent', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    payload.data.item.source.author = { type: 'lead', id: '6a1b', name: null, email: '' };
    payload.data.item.source.body = '<p>How do I reset my password?</p>';
    const response = await post(payload);
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ticketId: 'intercom:215468329473028', status: 'queued' });
    const stored = await getTicket(services.runtime.store.db, 'intercom:215468329473028');
    expect(stored).toMatchObject({ customerEmail: '', body: 'How do I reset my password?' });
    const processed = await processTicket(services.runtime, stored!);
    expect(processed.outcome.decision).toBe('drafted');
  });
});
