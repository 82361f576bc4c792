import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorPayloadError } from '../../../src/service/connectors/errors.js';
import type { WebhookRequest } from '../../../src/service/connectors/helpdesk-connector.js';
import { createIntercomConnector } from '../../../src/service/connectors/intercom/intercom-connector.js';
import type { Ticket } from '../../../src/triage/types.js';
import { fixtureBytes, fixtureJson, signatureVectors } from './fixtures.js';
import { startStandInServer, type StandInServer } from './stand-in-server.js';

const SECRET = 'intercom-client-secret-for-tests';
const NOW = new Date('2026-11-28T10:01:05Z');

/** Intercom's documented recipe: "sha1=" + hex HMAC-SHA1 of the body with the client secret. */
function sign(body: Buffer | string, secret = SECRET): string {
  return `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
}

function webhook(body: Buffer, headers: WebhookRequest['headers'] = {}): WebhookRequest {
  return { rawBody: body, headers, method: 'POST', url: '/webhooks/intercom', now: NOW };
}

const baseSettings = { accessToken: 'ic-access-token-secret', clientSecret: SECRET, adminId: '7134252' };

describe('intercom connector: signature', () => {
  const connector = createIntercomConnector({ ...baseSettings, baseUrl: 'http://127.0.0.1:9' });
  const body = fixtureBytes('intercom-conversation-user-created.json');

  it('accepts a good signature', () => {
    expect(connector.verifyWebhook(webhook(body, { 'x-hub-signature': sign(body) }))).toEqual({ ok: true });
  });

  it('accepts the fixed vector written down in the fixtures', () => {
    const vector = signatureVectors.intercom;
    const vectorConnector = createIntercomConnector({ ...baseSettings, clientSecret: vector.secret });
    const request = webhook(Buffer.from(vector.body, 'utf8'), { 'x-hub-signature': vector.header });
    expect(vectorConnector.verifyWebhook(request)).toEqual({ ok: true });
  });

  it('rejects a bad signature, a tampered body and a wrong length', () => {
    expect(connector.verifyWebhook(webhook(body, { 'x-hub-signature': sign(body, 'other') }))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
    const tampered = Buffer.from(body.toString('utf8').replace('twice', 'thrice'));
    expect(connector.verifyWebhook(webhook(tampered, { 'x-hub-signature': sign(body) }))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
    expect(connector.verifyWebhook(webhook(body, { 'x-hub-signature': sign(body).slice(0, 20) }))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('rejects a sha256 signature where sha1 is documented', () => {
    const sha256 = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    expect(connector.verifyWebhook(webhook(body, { 'x-hub-signature': sha256 }))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('reports a missing header and a missing secret', () => {
    expect(connector.verifyWebhook(webhook(body))).toMatchObject({ ok: false, code: 'missing_signature' });
    const unconfigured = createIntercomConnector({ ...baseSettings, clientSecret: '' });
    expect(unconfigured.verifyWebhook(webhook(body, { 'x-hub-signature': sign(body, '') }))).toMatchObject({
      ok: false,
      code: 'not_configured',
    });
  });
});

describe('intercom connector: normalise', () => {
  const connector = createIntercomConnector({ ...baseSettings, baseUrl: 'http://127.0.0.1:9' });

  it('maps a recorded conversation.user.created notification, HTML turned into text', async () => {
    const result = await connector.normalise(fixtureJson('intercom-conversation-user-created.json'), webhook(Buffer.from('')));
    expect(result.deliveryId).toBe('notif_8a1c2d3e-4f5a-4b7c-8d9e-0f1a2b3c4d5e');
    expect(result.ticket).toMatchObject({
      id: 'intercom:215468329473028',
      source: 'intercom',
      externalId: '215468329473028',
      customerEmail: 'ada@example.com',
      receivedAt: NOW.toISOString(),
    });
    // An empty subject is no subject.
    expect(result.ticket).not.toHaveProperty('subject');
    const body = result.ticket!.body;
    expect(body).not.toMatch(/<[a-z/]/i);
    expect(body).toContain("I was charged twice for my Pro plan this month & I'd like to know why.");
    expect(body).toMatch(/Invoice INV-2231\n.*Invoice INV-2232/);
    expect(body).toContain('my billing page [https://billing.example.com/invoices]');
    expect(body).not.toContain('screenshot.png');
  });

  it('maps a recorded conversation.user.replied notification to the new part', async () => {
    const result = await connector.normalise(fixtureJson('intercom-conversation-user-replied.json'), webhook(Buffer.from('')));
    expect(result).toMatchObject({
      deliveryId: 'notif_b61d0c2a-7e35-4d4f-9a1e-2c3d4e5f6a7b',
      ticket: {
        id: 'intercom:215468329473028',
        customerEmail: 'ada@example.com',
        body: 'Any news? The second charge is still on my card statement.',
      },
    });
  });

  it('keeps a subject, as text', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    payload.data.item.source.subject = '<p>Double charge &amp; refund</p>';
    const result = await connector.normalise(payload, webhook(Buffer.from('')));
    expect(result.ticket?.subject).toBe('Double charge & refund');
  });

  it('ignores a reply whose last comment is by an admin', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-replied.json');
    payload.data.item.conversation_parts.conversation_parts[0].author = { type: 'admin', id: '7134252', email: 'support@acme.example' };
    const result = await connector.normalise(payload, webhook(Buffer.from('')));
    expect(result).toMatchObject({ ticket: null, ignoredReason: expect.stringContaining('admin') });
  });

  it('ignores a conversation started by a bot', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    payload.data.item.source.author = { type: 'bot', id: '1' };
    const result = await connector.normalise(payload, webhook(Buffer.from('')));
    expect(result).toMatchObject({ ticket: null, ignoredReason: expect.stringContaining('bot') });
  });

  it('ignores admin topics without reading the item', async () => {
    const result = await connector.normalise(
      { type: 'notification_event', id: 'notif_2', topic: 'conversation.admin.replied', data: { item: { type: 'whatever' } } },
      webhook(Buffer.from('')),
    );
    expect(result).toEqual({
      ticket: null,
      deliveryId: 'notif_2',
      ignoredReason: 'intercom topic conversation.admin.replied is not triaged',
    });
  });

  it('keeps a lead whose email is "" as a ticket with an unknown sender', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    payload.data.item.source.author = { type: 'lead', id: '5f8a', name: null, email: '' };
    const result = await connector.normalise(payload, webhook(Buffer.from('')));
    expect(result.ticket).toMatchObject({ id: 'intercom:215468329473028', customerEmail: '' });
    expect(result.ignoredReason).toBeUndefined();
  });

  it("answers Intercom's ping (id null) as a ping, with nothing to store", async () => {
    // The shape Intercom documents for the test notification sent when a webhook URL is saved.
    const ping = {
      type: 'notification_event',
      app_id: 'abc123',
      data: { type: 'notification_event_data', item: { type: 'ping', message: 'something something interzen' } },
      links: {},
      id: null,
      topic: 'ping',
      delivery_status: null,
      delivery_attempts: 1,
      delivered_at: 0,
      first_sent_at: 1700000000,
      created_at: 1700000000,
      self: null,
    };
    expect(await connector.normalise(ping, webhook(Buffer.from('')))).toEqual({ ticket: null, disposition: 'ping' });
  });

  it('reads an API 1.x notification, whose first message is conversation_message', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    payload.data.item.conversation_message = payload.data.item.source;
    delete payload.data.item.source;
    const result = await connector.normalise(payload, webhook(Buffer.from('')));
    expect(result.ticket).toMatchObject({ id: 'intercom:215468329473028', customerEmail: 'ada@example.com' });
  });

  it('rejects an unreadable conversation with the paths of the issues and the API version to use', async () => {
    const payload = fixtureJson<any>('intercom-conversation-user-created.json');
    delete payload.data.item.id;
    payload.data.item.source.author = 'ada';
    const result = await connector.normalise(payload, webhook(Buffer.from('')));
    expect(result).toMatchObject({ ticket: null, disposition: 'rejected', deliveryId: payload.id });
    expect(result.ignoredReason).toContain('data.item.id');
    expect(result.ignoredReason).toContain('data.item.source.author');
    expect(result.ignoredReason).toContain('API version 2.x');
    // Not even an envelope: the route records it and acknowledges it.
    await expect(connector.normalise({ topic: 'x' }, webhook(Buffer.from('')))).rejects.toBeInstanceOf(ConnectorPayloadError);
  });
});

describe('intercom connector: replies and notes', () => {
  let server: StandInServer;
  const ticket: Ticket = {
    id: 'intercom:215468329473028',
    source: 'intercom',
    externalId: '215468329473028',
    customerEmail: 'ada@example.com',
    body: 'Charged twice',
    receivedAt: NOW.toISOString(),
  };

  beforeAll(async () => {
    server = await startStandInServer(() => ({ status: 200, json: fixtureJson('intercom-reply-response.json') }));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('posts a reply as an admin comment, escaped HTML, with bearer auth and the API version', async () => {
    const connector = createIntercomConnector({ ...baseSettings, baseUrl: server.baseUrl });
    const result = await connector.postReply({
      ticket,
      text: 'Hi Ada,\n\nthe second charge <INV-2232> is a hold & will drop off.\nThanks',
      idempotencyKey: 'outbox-ic-1',
    });
    expect(result).toEqual({ externalId: '31872659911' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/conversations/215468329473028/reply');
    expect(request.headers.authorization).toBe('Bearer ic-access-token-secret');
    expect(request.headers['intercom-version']).toBe('2.11');
    // Intercom documents no Idempotency-Key for replies: exactly-once rests on the outbox.
    expect(request.headers['idempotency-key']).toBeUndefined();
    expect(request.json).toEqual({
      message_type: 'comment',
      type: 'admin',
      admin_id: '7134252',
      body: '<p>Hi Ada,</p><p>the second charge &lt;INV-2232&gt; is a hold &amp; will drop off.<br>Thanks</p>',
    });
  });

  it('posts a note with the tags', async () => {
    const connector = createIntercomConnector({ ...baseSettings, baseUrl: server.baseUrl });
    await connector.postNote({ ticket, text: 'Draft', tags: ['legal-review'], idempotencyKey: 'k' });
    expect(server.requests[0]!.json).toEqual({
      message_type: 'note',
      type: 'admin',
      admin_id: '7134252',
      body: '<p>Draft</p><p><b>Tags:</b> legal-review</p>',
    });
  });
});
