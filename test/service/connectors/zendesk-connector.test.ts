import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorPayloadError } from '../../../src/service/connectors/errors.js';
import type { WebhookRequest } from '../../../src/service/connectors/helpdesk-connector.js';
import { createZendeskConnector } from '../../../src/service/connectors/zendesk/zendesk-connector.js';
import type { Ticket } from '../../../src/triage/types.js';
import { fixtureBytes, fixtureJson, signatureVectors } from './fixtures.js';
import { startStandInServer, type StandInServer } from './stand-in-server.js';

const SECRET = 'zendesk-secret-for-tests';
const NOW = new Date('2026-11-28T10:02:30Z');
const TIMESTAMP = '2026-11-28T10:02:00Z';

/** Zendesk's documented recipe: base64(HMAC-SHA256(timestamp + body)), independent of the verifier. */
function sign(timestamp: string, body: Buffer | string, secret = SECRET): string {
  return createHmac('sha256', secret).update(timestamp).update(body).digest('base64');
}

function webhook(body: Buffer, headers: WebhookRequest['headers'], now = NOW): WebhookRequest {
  return { rawBody: body, headers, method: 'POST', url: '/webhooks/zendesk', now };
}

function signedHeaders(body: Buffer, timestamp = TIMESTAMP): WebhookRequest['headers'] {
  return {
    'x-zendesk-webhook-signature': sign(timestamp, body),
    'x-zendesk-webhook-signature-timestamp': timestamp,
  };
}

describe('zendesk connector: signature', () => {
  const connector = createZendeskConnector({
    baseUrl: 'http://127.0.0.1:9',
    email: 'agent@acme.example',
    apiToken: 'token',
    webhookSecret: SECRET,
  });
  const body = fixtureBytes('zendesk-trigger-ticket-created.json');

  it('accepts a good signature', () => {
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body)))).toEqual({ ok: true });
  });

  it('accepts the fixed vector written down in the fixtures', () => {
    const vector = signatureVectors.zendesk;
    const vectorConnector = createZendeskConnector({
      baseUrl: 'http://127.0.0.1:9',
      email: 'a@b.example',
      apiToken: 't',
      webhookSecret: vector.secret,
    });
    const request = webhook(
      Buffer.from(vector.body, 'utf8'),
      { 'x-zendesk-webhook-signature': vector.signature, 'x-zendesk-webhook-signature-timestamp': vector.timestamp },
      new Date(vector.now),
    );
    expect(vectorConnector.verifyWebhook(request)).toEqual({ ok: true });
  });

  it('rejects the body + timestamp order: only the order Zendesk signs is accepted', () => {
    const reversed = createHmac('sha256', SECRET).update(body).update(TIMESTAMP).digest('base64');
    const headers = { ...signedHeaders(body), 'x-zendesk-webhook-signature': reversed };
    expect(connector.verifyWebhook(webhook(body, headers))).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('rejects a bad signature', () => {
    const headers = { ...signedHeaders(body), 'x-zendesk-webhook-signature': sign(TIMESTAMP, body, 'wrong') };
    expect(connector.verifyWebhook(webhook(body, headers))).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(body.toString('utf8').replace('ada@example.com', 'eve@example.com'));
    expect(connector.verifyWebhook(webhook(tampered, signedHeaders(body)))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('rejects a signature whose timestamp header was swapped (the timestamp is signed)', () => {
    const otherTimestamp = '2026-11-28T10:01:00Z';
    const headers = { ...signedHeaders(body), 'x-zendesk-webhook-signature-timestamp': otherTimestamp };
    expect(connector.verifyWebhook(webhook(body, headers))).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('rejects a signature of the wrong length', () => {
    const headers = { ...signedHeaders(body), 'x-zendesk-webhook-signature': sign(TIMESTAMP, body).slice(4) };
    expect(connector.verifyWebhook(webhook(body, headers))).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('reports a missing signature or timestamp header', () => {
    expect(connector.verifyWebhook(webhook(body, {}))).toMatchObject({ ok: false, code: 'missing_signature' });
    const onlySignature = { 'x-zendesk-webhook-signature': sign(TIMESTAMP, body) };
    expect(connector.verifyWebhook(webhook(body, onlySignature))).toMatchObject({
      ok: false,
      code: 'missing_signature',
    });
  });

  it('rejects a timestamp older than five minutes, even with a valid signature', () => {
    const old = '2026-11-28T09:57:29Z';
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, old)))).toMatchObject({
      ok: false,
      code: 'stale_timestamp',
    });
    const justInside = '2026-11-28T09:57:31Z';
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, justInside)))).toEqual({ ok: true });
  });

  it('rejects a timestamp more than five minutes in the future', () => {
    const future = '2026-11-28T10:07:31Z';
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, future)))).toMatchObject({
      ok: false,
      code: 'stale_timestamp',
    });
  });

  it('rejects an unreadable timestamp', () => {
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, 'yesterday')))).toMatchObject({
      ok: false,
      code: 'stale_timestamp',
    });
  });

  it('reports a connector without a secret as not configured', () => {
    const unconfigured = createZendeskConnector({ baseUrl: 'http://127.0.0.1:9', email: 'a', apiToken: 't', webhookSecret: '' });
    expect(unconfigured.verifyWebhook(webhook(body, signedHeaders(body)))).toMatchObject({
      ok: false,
      code: 'not_configured',
    });
  });
});

describe('zendesk connector: normalise and API calls', () => {
  let server: StandInServer;
  const settings = () => ({
    baseUrl: `${server.baseUrl}/`,
    email: 'agent@acme.example',
    apiToken: 'zd-api-token-secret',
    webhookSecret: SECRET,
  });
  const expectedAuthorization = `Basic ${Buffer.from('agent@acme.example/token:zd-api-token-secret').toString('base64')}`;

  beforeAll(async () => {
    server = await startStandInServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('maps a recorded trigger payload, with the invocation id as delivery id', async () => {
    const connector = createZendeskConnector(settings());
    const body = fixtureBytes('zendesk-trigger-ticket-created.json');
    const request = webhook(body, { ...signedHeaders(body), 'x-zendesk-webhook-invocation-id': '01HZX8Q2' });
    const result = await connector.normalise(JSON.parse(body.toString('utf8')), request);
    expect(result).toEqual({
      ticket: {
        id: 'zendesk:35436',
        source: 'zendesk',
        externalId: '35436',
        customerEmail: 'ada@example.com',
        subject: 'Cannot log in after resetting my password',
        body: expect.stringContaining('the login page still says "invalid credentials"'),
        receivedAt: NOW.toISOString(),
      },
      deliveryId: '01HZX8Q2',
    });
    expect(server.requests).toHaveLength(0);
  });

  it('prefers the latest comment to the description on an update', async () => {
    const connector = createZendeskConnector(settings());
    const payload = fixtureJson<{ ticket: Record<string, unknown> }>('zendesk-trigger-ticket-created.json');
    payload.ticket.latest_comment = 'Still broken after clearing cookies.';
    const result = await connector.normalise(payload, webhook(Buffer.from(''), {}));
    expect(result.ticket?.body).toBe('Still broken after clearing cookies.');
  });

  it('ignores an update made by an agent (our own reply fires the trigger too)', async () => {
    const connector = createZendeskConnector(settings());
    const payload = fixtureJson<Record<string, unknown>>('zendesk-trigger-ticket-created.json');
    payload.current_user = { role: 'agent' };
    const result = await connector.normalise(payload, webhook(Buffer.from(''), {}));
    expect(result.ticket).toBeNull();
    expect(result.ignoredReason).toContain('agent');
  });

  it('keeps a requester without an email as an unknown sender', async () => {
    const connector = createZendeskConnector(settings());
    const payload = fixtureJson<{ ticket: { requester: Record<string, unknown> } }>('zendesk-trigger-ticket-created.json');
    payload.ticket.requester.email = '';
    const result = await connector.normalise(payload, webhook(Buffer.from(''), {}));
    expect(result.ticket).toMatchObject({ id: 'zendesk:35436', customerEmail: '' });
  });

  it('rejects a trigger payload of the wrong shape with the issues listed', async () => {
    const connector = createZendeskConnector(settings());
    const error = await connector
      .normalise({ ticket: { id: 'abc', requester: {} }, extra: true }, webhook(Buffer.from(''), {}))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorPayloadError);
    expect((error as ConnectorPayloadError).statusCode).toBe(400);
    expect((error as ConnectorPayloadError).issues).toEqual([
      { path: 'ticket.id', message: expect.any(String) },
    ]);
  });

  it('maps a recorded event webhook without calling the API, leaving the requester for the worker', async () => {
    const connector = createZendeskConnector(settings());
    const result = await connector.normalise(fixtureJson('zendesk-event-ticket-created.json'), webhook(Buffer.from(''), {}));
    expect(result).toEqual({
      ticket: {
        id: 'zendesk:35437',
        source: 'zendesk',
        externalId: '35437',
        customerEmail: '',
        subject: 'Cancel my subscription',
        body: expect.stringContaining('cancel my subscription'),
        receivedAt: NOW.toISOString(),
      },
      // Without the invocation header the event id identifies the delivery.
      deliveryId: 'cbe4028c-7239-495d-b020-f22348516046',
      enrichment: { zendeskRequesterId: '8447388090494' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('enrich fetches the requester once and fills in the email', async () => {
    server.answer(() => ({ status: 200, json: fixtureJson('zendesk-user-response.json') }));
    const connector = createZendeskConnector(settings());
    const normalised = await connector.normalise(fixtureJson('zendesk-event-ticket-created.json'), webhook(Buffer.from(''), {}));
    const enriched = await connector.enrich!(normalised.ticket!, normalised.enrichment!);
    expect(enriched).toEqual({ ticket: { ...normalised.ticket, customerEmail: 'linus@example.com' } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/api/v2/users/8447388090494.json' });
    expect(server.requests[0]!.headers.authorization).toBe(expectedAuthorization);
  });

  it('enrich keeps an unknown sender when the requester is gone, and retries a 503', async () => {
    const connector = createZendeskConnector(settings());
    const normalised = await connector.normalise(fixtureJson('zendesk-event-ticket-created.json'), webhook(Buffer.from(''), {}));
    server.answer(() => ({ status: 404, json: { error: 'RecordNotFound' } }));
    const gone = await connector.enrich!(normalised.ticket!, normalised.enrichment!);
    expect(gone).toMatchObject({ ticket: { customerEmail: '' }, note: expect.stringContaining('unknown sender') });
    server.answer(() => ({ status: 503, json: {} }));
    await expect(connector.enrich!(normalised.ticket!, normalised.enrichment!)).rejects.toMatchObject({ isRetryable: true });
  });

  it('ignores a staff comment event without calling the API', async () => {
    const connector = createZendeskConnector(settings());
    const event = fixtureJson<Record<string, unknown>>('zendesk-event-ticket-created.json');
    event.type = 'zen:event-type:ticket.comment_added';
    event.event = { comment: { body: 'We are on it.', is_public: true, author: { id: '1', is_staff: true } } };
    const result = await connector.normalise(event, webhook(Buffer.from(''), {}));
    expect(result).toMatchObject({ ticket: null, ignoredReason: expect.stringContaining('staff') });
    expect(server.requests).toHaveLength(0);
  });

  it('maps a customer comment event to the comment text', async () => {
    server.answer(() => ({ status: 200, json: fixtureJson('zendesk-user-response.json') }));
    const connector = createZendeskConnector(settings());
    const event = fixtureJson<Record<string, unknown>>('zendesk-event-ticket-created.json');
    event.type = 'zen:event-type:ticket.comment_added';
    event.event = { comment: { body: 'Any update?', is_public: true, author: { id: '8447388090494', is_staff: false } } };
    const result = await connector.normalise(event, webhook(Buffer.from(''), {}));
    expect(result.ticket).toMatchObject({ id: 'zendesk:35437', body: 'Any update?' });
  });

  it('ignores event types it does not triage', async () => {
    const connector = createZendeskConnector(settings());
    const event = fixtureJson<Record<string, unknown>>('zendesk-event-ticket-created.json');
    event.type = 'zen:event-type:ticket.priority_changed';
    const result = await connector.normalise(event, webhook(Buffer.from(''), {}));
    expect(result).toMatchObject({ ticket: null, ignoredReason: expect.stringContaining('priority_changed') });
  });

  it('rejects an event payload of the wrong shape', async () => {
    const connector = createZendeskConnector(settings());
    await expect(
      connector.normalise({ type: 'zen:event-type:ticket.created', id: 'e1', detail: { id: '1' } }, webhook(Buffer.from(''), {})),
    ).rejects.toMatchObject({ name: 'ConnectorPayloadError', issues: [{ path: 'detail.requester_id' }] });
  });

  const ticket: Ticket = {
    id: 'zendesk:35436',
    source: 'zendesk',
    externalId: '35436',
    customerEmail: 'ada@example.com',
    body: 'I cannot log in.',
    receivedAt: NOW.toISOString(),
  };

  it('posts a public reply as a ticket comment', async () => {
    server.answer(() => ({ status: 200, json: fixtureJson('zendesk-ticket-update-response.json') }));
    const connector = createZendeskConnector(settings());
    const result = await connector.postReply({ ticket, text: 'Reset it here: ...', idempotencyKey: 'outbox-35436' });
    expect(result).toEqual({ externalId: '27364519288732' });
    const request = server.requests[0]!;
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('/api/v2/tickets/35436.json');
    expect(request.headers.authorization).toBe(expectedAuthorization);
    // Zendesk documents Idempotency-Key for ticket creation only, not for this update.
    expect(request.headers['idempotency-key']).toBeUndefined();
    expect(request.json).toEqual({ ticket: { comment: { body: 'Reset it here: ...', public: true } } });
  });

  it('posts a note as a private comment that adds the tags', async () => {
    server.answer(() => ({ status: 200, json: fixtureJson('zendesk-ticket-update-response.json') }));
    const connector = createZendeskConnector(settings());
    await connector.postNote({ ticket, text: 'Draft reply', tags: ['retention', 'enterprise'], idempotencyKey: 'k' });
    expect(server.requests[0]!.json).toEqual({
      ticket: { comment: { body: 'Draft reply', public: false }, additional_tags: ['retention', 'enterprise'] },
    });
  });

  it('answers the ticket named by our id when the external id is absent', async () => {
    server.answer(() => ({ status: 200, json: {} }));
    const connector = createZendeskConnector(settings());
    const { externalId: _ignored, ...withoutExternalId } = ticket;
    const result = await connector.postReply({ ticket: withoutExternalId, text: 'x', idempotencyKey: 'k' });
    expect(result).toEqual({});
    expect(server.requests[0]!.url).toBe('/api/v2/tickets/35436.json');
  });
});
