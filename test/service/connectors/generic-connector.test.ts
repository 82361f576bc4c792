import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenericConnector } from '../../../src/service/connectors/generic/generic-connector.js';
import { ConnectorPayloadError } from '../../../src/service/connectors/errors.js';
import type { WebhookRequest } from '../../../src/service/connectors/helpdesk-connector.js';
import type { Ticket } from '../../../src/triage/types.js';
import { fixtureBytes, signatureVectors } from './fixtures.js';
import { startStandInServer, type StandInServer } from './stand-in-server.js';

const SECRET = 'generic-secret-for-tests';

/** The documented recipe, written here independently of the verifier. */
function sign(body: Buffer | string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function webhook(body: Buffer, headers: WebhookRequest['headers']): WebhookRequest {
  return { rawBody: body, headers, method: 'POST', url: '/webhooks/generic', now: new Date('2026-11-28T10:00:00Z') };
}

describe('generic connector: signature', () => {
  const connector = createGenericConnector({ webhookSecret: SECRET, replyUrl: 'http://127.0.0.1:9/replies' });
  const body = fixtureBytes('generic-ticket.json');

  it('accepts a good signature', () => {
    expect(connector.verifyWebhook(webhook(body, { 'x-signature': sign(body) }))).toEqual({ ok: true });
  });

  it('accepts upper-case hex and a header name in any case', () => {
    const header = `sha256=${sign(body).slice('sha256='.length).toUpperCase()}`;
    expect(connector.verifyWebhook(webhook(body, { 'X-Signature': header })).ok).toBe(true);
  });

  it('accepts the fixed vector written down in the fixtures', () => {
    const vector = signatureVectors.generic;
    const vectorConnector = createGenericConnector({ webhookSecret: vector.secret, replyUrl: 'http://127.0.0.1:9/' });
    const request = webhook(Buffer.from(vector.body, 'utf8'), { 'x-signature': vector.header });
    expect(vectorConnector.verifyWebhook(request)).toEqual({ ok: true });
  });

  it('rejects a signature made with another secret', () => {
    const result = connector.verifyWebhook(webhook(body, { 'x-signature': sign(body, 'other-secret') }));
    expect(result).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(body.toString('utf8').replace('A1001', 'A1002'));
    const result = connector.verifyWebhook(webhook(tampered, { 'x-signature': sign(body) }));
    expect(result).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('rejects a signature of the wrong length without throwing', () => {
    const truncated = sign(body).slice(0, -2);
    expect(connector.verifyWebhook(webhook(body, { 'x-signature': truncated }))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
    expect(connector.verifyWebhook(webhook(body, { 'x-signature': `${sign(body)}00` }))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('rejects a signature without the sha256= prefix', () => {
    const bare = sign(body).slice('sha256='.length);
    expect(connector.verifyWebhook(webhook(body, { 'x-signature': bare }))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('reports a missing header', () => {
    expect(connector.verifyWebhook(webhook(body, {}))).toMatchObject({ ok: false, code: 'missing_signature' });
    expect(connector.verifyWebhook(webhook(body, { 'x-signature': '' }))).toMatchObject({
      ok: false,
      code: 'missing_signature',
    });
  });

  it('reports a connector without a secret as not configured', () => {
    const unconfigured = createGenericConnector({ webhookSecret: '', replyUrl: 'http://127.0.0.1:9/' });
    expect(unconfigured.verifyWebhook(webhook(body, { 'x-signature': sign(body, '') }))).toMatchObject({
      ok: false,
      code: 'not_configured',
    });
  });
});

describe('generic connector: normalise', () => {
  const connector = createGenericConnector({ webhookSecret: SECRET, replyUrl: 'http://127.0.0.1:9/replies' });

  it('maps the recorded payload to a ticket, with the delivery id header', async () => {
    const body = fixtureBytes('generic-ticket.json');
    const request = webhook(body, { 'x-signature': sign(body), 'x-delivery-id': 'dlv-77' });
    const result = await connector.normalise(JSON.parse(body.toString('utf8')), request);
    expect(result).toEqual({
      ticket: {
        id: 'generic:SUP-20931',
        source: 'generic',
        externalId: 'SUP-20931',
        customerEmail: 'ada@example.com',
        subject: 'Where is my order A1001?',
        body: expect.stringContaining('my order A1001 was supposed to arrive on Monday'),
        receivedAt: '2026-11-28T10:00:00.000Z',
      },
      deliveryId: 'dlv-77',
    });
  });

  it('accepts a numeric id and no subject', async () => {
    const result = await connector.normalise(
      { id: 42, customer_email: 'linus@example.com', body: 'Where is A2001?' },
      webhook(Buffer.from(''), {}),
    );
    expect(result.ticket).toMatchObject({ id: 'generic:42', externalId: '42', body: 'Where is A2001?' });
    expect(result.ticket).not.toHaveProperty('subject');
    expect(result).not.toHaveProperty('deliveryId');
  });

  it('rejects unknown fields, naming them', async () => {
    const payload = { id: '1', customer_email: 'ada@example.com', body: 'hi', priority: 'high', channel: 'x' };
    const error = await connector.normalise(payload, webhook(Buffer.from(''), {})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorPayloadError);
    const payloadError = error as ConnectorPayloadError;
    expect(payloadError.statusCode).toBe(400);
    expect(payloadError.message).toContain('priority');
    expect(payloadError.message).toContain('channel');
  });

  it('lists every issue of a payload of the wrong shape', async () => {
    const error = await connector
      .normalise({ id: '', customer_email: 'not-an-email' }, webhook(Buffer.from(''), {}))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorPayloadError);
    const paths = (error as ConnectorPayloadError).issues.map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'customer_email', 'body']));
    expect((error as ConnectorPayloadError).name).toBe('ConnectorPayloadError');
  });

  it('rejects a payload that is not an object', async () => {
    await expect(connector.normalise([1, 2], webhook(Buffer.from(''), {}))).rejects.toMatchObject({
      name: 'ConnectorPayloadError',
      issues: [{ path: '(root)' }],
    });
  });
});

describe('generic connector: replies and notes', () => {
  let server: StandInServer;
  const ticket: Ticket = {
    id: 'generic:SUP-20931',
    source: 'generic',
    externalId: 'SUP-20931',
    customerEmail: 'ada@example.com',
    body: 'Where is my order?',
    receivedAt: '2026-11-28T10:00:00.000Z',
  };

  beforeAll(async () => {
    server = await startStandInServer();
  });
  afterAll(() => server.close());

  it('posts a public reply to the reply URL with the idempotency key', async () => {
    server.answer(() => ({ status: 201, json: { id: 'reply-9' } }));
    const connector = createGenericConnector({ webhookSecret: SECRET, replyUrl: `${server.baseUrl}/helpdesk/replies` });
    const result = await connector.postReply({ ticket, text: 'It ships today.', idempotencyKey: 'outbox-1' });
    expect(result).toEqual({ externalId: 'reply-9' });
    const request = server.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/helpdesk/replies');
    expect(request.headers['idempotency-key']).toBe('outbox-1');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.json).toEqual({ ticketId: 'generic:SUP-20931', externalId: 'SUP-20931', text: 'It ships today.', public: true });
  });

  it('posts a note as a non-public reply with the tags, accepting an empty answer', async () => {
    server.answer(() => ({ status: 204 }));
    const connector = createGenericConnector({ webhookSecret: SECRET, replyUrl: `${server.baseUrl}/helpdesk/replies` });
    const result = await connector.postNote({ ticket, text: 'Draft.', tags: ['retention'], idempotencyKey: 'outbox-2' });
    expect(result).toEqual({});
    expect(server.requests.at(-1)!.json).toEqual({
      ticketId: 'generic:SUP-20931',
      externalId: 'SUP-20931',
      text: 'Draft.',
      public: false,
      tags: ['retention'],
    });
  });

  it('accepts a plain-text answer', async () => {
    server.answer(() => ({ status: 200, text: 'OK', headers: { 'content-type': 'text/plain' } }));
    const connector = createGenericConnector({ webhookSecret: SECRET, replyUrl: `${server.baseUrl}/r` });
    await expect(connector.postReply({ ticket, text: 'x', idempotencyKey: 'k' })).resolves.toEqual({});
  });

  it('refuses a ticket from another helpdesk before calling anything', async () => {
    const before = server.requests.length;
    const connector = createGenericConnector({ webhookSecret: SECRET, replyUrl: `${server.baseUrl}/r` });
    await expect(
      connector.postReply({ ticket: { ...ticket, id: 'zendesk:1', source: 'zendesk' }, text: 'x', idempotencyKey: 'k' }),
    ).rejects.toMatchObject({ name: 'ConnectorError' });
    expect(server.requests.length).toBe(before);
  });
});
