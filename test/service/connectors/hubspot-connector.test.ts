import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConnectorPayloadError, ConnectorRequestError } from '../../../src/service/connectors/errors.js';
import type { WebhookRequest } from '../../../src/service/connectors/helpdesk-connector.js';
import { createHubSpotConnector } from '../../../src/service/connectors/hubspot/hubspot-connector.js';
import { decodeHubSpotUri, hubSpotRequestUri } from '../../../src/service/connectors/hubspot/hubspot-request-uri.js';
import type { Ticket } from '../../../src/triage/types.js';
import { fixtureBytes, fixtureJson, signatureVectors } from './fixtures.js';
import { startStandInServer, type RecordedRequest, type StandInServer } from './stand-in-server.js';

const SECRET = 'hubspot-client-secret-for-tests';
const PUBLIC_URL = 'https://triage.example.com';
const NOW = new Date('2026-11-28T10:02:00Z');
const TIMESTAMP = String(NOW.getTime() - 20_000);

/** HubSpot's v3 recipe: base64(HMAC-SHA256(method + uri + body + timestamp)), independent of the verifier. */
function sign(method: string, uri: string, body: Buffer | string, timestamp: string, secret = SECRET): string {
  return createHmac('sha256', secret).update(method).update(uri).update(body).update(timestamp).digest('base64');
}

function webhook(body: Buffer, headers: WebhookRequest['headers'], url = '/webhooks/hubspot'): WebhookRequest {
  return { rawBody: body, headers, method: 'POST', url, now: NOW };
}

function signedHeaders(body: Buffer, uri = `${PUBLIC_URL}/webhooks/hubspot`, timestamp = TIMESTAMP): WebhookRequest['headers'] {
  return {
    'x-hubspot-signature-v3': sign('POST', uri, body, timestamp),
    'x-hubspot-request-timestamp': timestamp,
  };
}

const baseSettings = { accessToken: 'pat-na1-secret-token', clientSecret: SECRET, publicUrl: PUBLIC_URL };

describe('hubspot request URI', () => {
  it('decodes exactly the characters HubSpot lists, and nothing else', () => {
    expect(decodeHubSpotUri('https://x.example/a%3Ab%2Fc%3Fd%40e%21f%24g%27h%28i%29j%2Ak%2Cl%3Bm')).toBe(
      "https://x.example/a:b/c?d@e!f$g'h(i)j*k,l;m",
    );
    // Lower-case escapes are the same characters.
    expect(decodeHubSpotUri('/a%3a%2c')).toBe('/a:,');
    // Space, plus, ampersand, equals and percent stay encoded.
    expect(decodeHubSpotUri('/q?a=%20%2B%26%3D%25')).toBe('/q?a=%20%2B%26%3D%25');
  });

  it('rebuilds the URL HubSpot called from the public URL and the path', () => {
    expect(hubSpotRequestUri('/webhooks/hubspot?x=1', {}, 'https://triage.example.com/')).toBe(
      'https://triage.example.com/webhooks/hubspot?x=1',
    );
    expect(hubSpotRequestUri('/hooks?portal=1', {}, 'https://edge.example.com/triage')).toBe(
      'https://edge.example.com/triage/hooks?portal=1',
    );
  });

  it('falls back to https and the Host header', () => {
    expect(hubSpotRequestUri('/webhooks/hubspot', { host: 'triage.internal:8443' })).toBe(
      'https://triage.internal:8443/webhooks/hubspot',
    );
    expect(hubSpotRequestUri('/webhooks/hubspot', {})).toBeUndefined();
  });
});

describe('hubspot connector: signature', () => {
  const connector = createHubSpotConnector({ ...baseSettings, baseUrl: 'http://127.0.0.1:9' });
  const body = fixtureBytes('hubspot-ticket-creation.json');

  it('accepts a good signature', () => {
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body)))).toEqual({ ok: true });
  });

  it('accepts the fixed vector, whose URL holds encoded characters', () => {
    const vector = signatureVectors.hubspot;
    const vectorConnector = createHubSpotConnector({
      accessToken: 't',
      clientSecret: vector.secret,
      publicUrl: vector.publicUrl,
    });
    const request: WebhookRequest = {
      rawBody: Buffer.from(vector.body, 'utf8'),
      headers: { 'x-hubspot-signature-v3': vector.signature, 'x-hubspot-request-timestamp': vector.timestamp },
      method: vector.method,
      url: vector.url,
      now: new Date(vector.now),
    };
    expect(vectorConnector.verifyWebhook(request)).toEqual({ ok: true });
  });

  it('signs the decoded URI: a query with %3A and %2C verifies against ":" and ","', () => {
    const url = '/webhooks/hubspot?source=crm%3Aprod&ids=1%2C2&q=a%20b';
    const signedUri = `${PUBLIC_URL}/webhooks/hubspot?source=crm:prod&ids=1,2&q=a%20b`;
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, signedUri), url))).toEqual({ ok: true });
    // Signed over the still-encoded URI, it does not verify.
    const encodedUri = `${PUBLIC_URL}${url}`;
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, encodedUri), url))).toMatchObject({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('uses the Host header when no public URL is configured', () => {
    const withoutPublicUrl = createHubSpotConnector({ accessToken: 't', clientSecret: SECRET });
    const headers = { ...signedHeaders(body, 'https://triage.example.net/webhooks/hubspot'), host: 'triage.example.net' };
    expect(withoutPublicUrl.verifyWebhook(webhook(body, headers))).toEqual({ ok: true });
  });

  it('rejects a signature for another URL, method, body or secret', () => {
    const otherPath = signedHeaders(body, `${PUBLIC_URL}/webhooks/other`);
    expect(connector.verifyWebhook(webhook(body, otherPath))).toMatchObject({ code: 'bad_signature' });
    const otherMethod = { ...signedHeaders(body), 'x-hubspot-signature-v3': sign('PUT', `${PUBLIC_URL}/webhooks/hubspot`, body, TIMESTAMP) };
    expect(connector.verifyWebhook(webhook(body, otherMethod))).toMatchObject({ code: 'bad_signature' });
    const tampered = Buffer.from(body.toString('utf8').replace('2315741632', '2315741633'));
    expect(connector.verifyWebhook(webhook(tampered, signedHeaders(body)))).toMatchObject({ code: 'bad_signature' });
    const otherSecret = { ...signedHeaders(body), 'x-hubspot-signature-v3': sign('POST', `${PUBLIC_URL}/webhooks/hubspot`, body, TIMESTAMP, 'x') };
    expect(connector.verifyWebhook(webhook(body, otherSecret))).toMatchObject({ code: 'bad_signature' });
  });

  it('rejects a signature of the wrong length', () => {
    const headers = { ...signedHeaders(body), 'x-hubspot-signature-v3': 'c2hvcnQ=' };
    expect(connector.verifyWebhook(webhook(body, headers))).toMatchObject({ ok: false, code: 'bad_signature' });
  });

  it('rejects stale and future timestamps (milliseconds), and unreadable ones', () => {
    const stale = String(NOW.getTime() - 5 * 60 * 1000 - 1);
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, undefined, stale)))).toMatchObject({
      ok: false,
      code: 'stale_timestamp',
    });
    const future = String(NOW.getTime() + 5 * 60 * 1000 + 1);
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, undefined, future)))).toMatchObject({
      ok: false,
      code: 'stale_timestamp',
    });
    // Seconds instead of milliseconds is 56 years old.
    const seconds = String(Math.floor(NOW.getTime() / 1000));
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, undefined, seconds)))).toMatchObject({
      code: 'stale_timestamp',
    });
    expect(connector.verifyWebhook(webhook(body, signedHeaders(body, undefined, '1.7e12')))).toMatchObject({
      code: 'stale_timestamp',
    });
  });

  it('reports missing headers and a missing secret', () => {
    expect(connector.verifyWebhook(webhook(body, {}))).toMatchObject({ ok: false, code: 'missing_signature' });
    const onlySignature = { 'x-hubspot-signature-v3': signedHeaders(body)['x-hubspot-signature-v3'] };
    expect(connector.verifyWebhook(webhook(body, onlySignature))).toMatchObject({ code: 'missing_signature' });
    const unconfigured = createHubSpotConnector({ ...baseSettings, clientSecret: '' });
    expect(unconfigured.verifyWebhook(webhook(body, signedHeaders(body)))).toMatchObject({ code: 'not_configured' });
  });
});

describe('hubspot connector: normalise calls no API; enrich fetches the ticket, contact and thread', () => {
  let server: StandInServer;

  function hubspot(request: RecordedRequest) {
    const [path, query = ''] = request.url.split('?');
    if (path === '/crm/v3/objects/tickets/2315741632') return { status: 200, json: fixtureJson('hubspot-ticket-response.json') };
    if (path === '/crm/v3/objects/contacts/51') return { status: 200, json: fixtureJson('hubspot-contact-response.json') };
    if (path === '/crm/v3/objects/tickets/900') {
      return { status: 200, json: { id: '900', properties: { subject: 'No contact', content: 'Hello' } } };
    }
    if (path === '/conversations/v3/conversations/threads') {
      // The documented thread list, filtered by the associated ticket: ticket 2315741632 has one.
      const results = query.includes('associatedTicketId=2315741632')
        ? [{ id: '8347561223', status: 'OPEN', originalChannelId: '1002', originalChannelAccountId: '250193', inboxId: '147959634', archived: false }]
        : [];
      return { status: 200, json: { results } };
    }
    return { status: 404, json: { status: 'error', message: 'Object not found' } };
  }

  beforeAll(async () => {
    server = await startStandInServer(hubspot);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    server.answer(hubspot);
  });

  it('maps a recorded ticket.creation batch without any HubSpot call', async () => {
    const connector = createHubSpotConnector({ ...baseSettings, baseUrl: server.baseUrl });
    const body = fixtureBytes('hubspot-ticket-creation.json');
    const result = await connector.normalise(JSON.parse(body.toString('utf8')), webhook(body, signedHeaders(body)));
    expect(result).toEqual({
      ticket: {
        id: 'hubspot:2315741632',
        source: 'hubspot',
        externalId: '2315741632',
        customerEmail: '',
        body: '',
        receivedAt: NOW.toISOString(),
      },
      deliveryId: '1843622991',
      enrichment: { hubspotTicketId: '2315741632' },
    });
    expect(server.requests).toHaveLength(0);
  });

  it('reads each event of a batch on its own: a malformed one is reported, the rest kept, in order', async () => {
    const connector = createHubSpotConnector({ ...baseSettings, baseUrl: server.baseUrl });
    const events = [
      { eventId: 1, subscriptionType: 'ticket.creation', objectId: 2315741632, portalId: 62515, occurredAt: 1795860060000 },
      { eventId: 2, subscriptionType: 'ticket.propertyChange', objectId: 2315741632, propertyName: 'hs_pipeline_stage', propertyValue: '2' },
      { eventId: 3, objectId: 'abc' },
      { eventId: 4, subscriptionType: 'ticket.creation', objectId: 900 },
    ];
    const result = await connector.normalise(events, webhook(Buffer.from(''), {}));
    expect(result).toMatchObject({ deliveryId: '1', ticket: { id: 'hubspot:2315741632' } });
    expect(result.more).toEqual([
      { ticket: null, deliveryId: '2', ignoredReason: 'hubspot ticket.propertyChange events are not triaged' },
      { ticket: null, deliveryId: '3', disposition: 'rejected', ignoredReason: expect.stringMatching(/event 3 .*subscriptionType.*objectId/) },
      expect.objectContaining({ deliveryId: '4', ticket: expect.objectContaining({ id: 'hubspot:900' }) }),
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a body that is not a batch at all', async () => {
    const connector = createHubSpotConnector({ ...baseSettings, baseUrl: server.baseUrl });
    await expect(connector.normalise([], webhook(Buffer.from(''), {}))).rejects.toBeInstanceOf(ConnectorPayloadError);
    await expect(connector.normalise({ eventId: 1 }, webhook(Buffer.from(''), {}))).rejects.toBeInstanceOf(ConnectorPayloadError);
  });

  async function enrichEvent(objectId: number, settings: Partial<Parameters<typeof createHubSpotConnector>[0]> = {}) {
    const connector = createHubSpotConnector({ ...baseSettings, baseUrl: server.baseUrl, ...settings });
    const normalised = await connector.normalise([{ eventId: 9, subscriptionType: 'ticket.creation', objectId }], webhook(Buffer.from(''), {}));
    return connector.enrich!(normalised.ticket!, normalised.enrichment!);
  }

  it('enrich fills in the text, the contact email and the conversation thread', async () => {
    const result = await enrichEvent(2315741632, { senderActorId: 'A-41234567' });
    expect(result).toEqual({
      ticket: {
        id: 'hubspot:2315741632',
        source: 'hubspot',
        externalId: '2315741632',
        threadId: '8347561223',
        customerEmail: 'grace@bigcorp.example',
        subject: 'Data access request',
        body: expect.stringContaining('GDPR article 15'),
        receivedAt: NOW.toISOString(),
      },
    });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /crm/v3/objects/tickets/2315741632?properties=subject,content,hs_pipeline&associations=contacts',
      'GET /crm/v3/objects/contacts/51?properties=email',
      'GET /conversations/v3/conversations/threads?associatedTicketId=2315741632&archived=false&limit=1',
    ]);
    for (const request of server.requests) expect(request.headers.authorization).toBe('Bearer pat-na1-secret-token');
  });

  it('enrich leaves a ticket without a thread (or without a sender) thread-less, and a contact-less one an unknown sender', async () => {
    const contactless = await enrichEvent(900, { senderActorId: 'A-41234567' });
    expect(contactless).toMatchObject({ ticket: { id: 'hubspot:900', customerEmail: '', body: 'Hello' }, note: expect.stringContaining('no conversation thread') });
    expect(contactless.ticket).not.toHaveProperty('threadId');
    const noSender = await enrichEvent(2315741632);
    expect(noSender).toMatchObject({ ticket: { customerEmail: 'grace@bigcorp.example' }, note: expect.stringContaining('HUBSPOT_SENDER_ACTOR_ID') });
    expect(noSender.ticket).not.toHaveProperty('threadId');
  });

  it('enrich reports a ticket deleted since the event, and lets a 503 be retried', async () => {
    expect(await enrichEvent(404)).toEqual({ ticket: null, reason: 'hubspot ticket 404 does not exist (deleted or merged since the event)' });
    server.answer(() => ({ status: 503, json: {} }));
    const error = await enrichEvent(2315741632).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConnectorRequestError);
    expect(error).toMatchObject({ isRetryable: true });
  });
});

describe('hubspot connector: replies and notes', () => {
  let server: StandInServer;
  const ticket: Ticket = {
    id: 'hubspot:2315741632',
    source: 'hubspot',
    externalId: '2315741632',
    customerEmail: 'grace@bigcorp.example',
    body: 'Data access request',
    receivedAt: NOW.toISOString(),
  };
  const clock = () => new Date('2026-11-28T10:06:00Z');

  beforeAll(async () => {
    server = await startStandInServer(() => ({ status: 201, json: fixtureJson('hubspot-note-response.json') }));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it('posts a draft as a note associated with the ticket, with the tags', async () => {
    const connector = createHubSpotConnector({ ...baseSettings, baseUrl: server.baseUrl, now: clock });
    const result = await connector.postNote({
      ticket,
      text: 'Dear Grace,\n\nwe will send the export within 30 days.',
      tags: ['legal-review', 'enterprise'],
      idempotencyKey: 'outbox-hs-1',
    });
    expect(result).toEqual({ externalId: '78213409871' });
    const request = server.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/crm/v3/objects/notes');
    expect(request.headers.authorization).toBe('Bearer pat-na1-secret-token');
    // HubSpot documents no Idempotency-Key for CRM objects: exactly-once rests on the outbox.
    expect(request.headers['idempotency-key']).toBeUndefined();
    expect(request.json).toEqual({
      properties: {
        hs_note_body:
          '<p><strong>Draft reply for review</strong></p><p>Dear Grace,</p><p>we will send the export within 30 days.</p>' +
          '<p><strong>Tags:</strong> legal-review, enterprise</p>',
        hs_timestamp: '2026-11-28T10:06:00.000Z',
      },
      associations: [
        { to: { id: '2315741632' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 228 }] },
      ],
    });
  });

  it('posts a reply for a ticket without a thread as a note that says it was NOT sent', async () => {
    const connector = createHubSpotConnector({ ...baseSettings, baseUrl: server.baseUrl, now: clock, senderActorId: 'A-41234567' });
    await connector.postReply({ ticket, text: 'Here is how to reset it.', idempotencyKey: 'k' });
    expect(server.requests.map((request) => request.url)).toEqual(['/crm/v3/objects/notes']);
    const body = (server.requests[0]!.json as { properties: { hs_note_body: string } }).properties.hs_note_body;
    expect(body).toContain('NOT sent');
    expect(body).toContain('<p>Here is how to reset it.</p>');
    expect(body).not.toContain('Tags:');
  });

  it("sends a public reply into the ticket's conversation thread, on its channel, as the configured actor", async () => {
    server.answer((request) =>
      request.method === 'GET'
        ? { status: 200, json: { id: '8347561223', status: 'OPEN', originalChannelId: '1002', originalChannelAccountId: '250193', inboxId: '147959634' } }
        : { status: 201, json: { type: 'MESSAGE', id: '9a1f0c3e5b7d4e2a8c6b0d1f2e3a4b5c', conversationsThreadId: '8347561223', direction: 'OUTGOING' } },
    );
    const connector = createHubSpotConnector({ ...baseSettings, baseUrl: server.baseUrl, now: clock, senderActorId: 'A-41234567' });
    const result = await connector.postReply({ ticket: { ...ticket, threadId: '8347561223' }, text: 'Here is how to reset it.', idempotencyKey: 'k' });
    expect(result).toEqual({ externalId: '9a1f0c3e5b7d4e2a8c6b0d1f2e3a4b5c' });
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET /conversations/v3/conversations/threads/8347561223',
      'POST /conversations/v3/conversations/threads/8347561223/messages',
    ]);
    expect(server.requests[1]!.json).toEqual({
      type: 'MESSAGE',
      text: 'Here is how to reset it.',
      richText: '<p>Here is how to reset it.</p>',
      senderActorId: 'A-41234567',
      channelId: '1002',
      channelAccountId: '250193',
      recipients: [{ deliveryIdentifiers: [{ type: 'HS_EMAIL_ADDRESS', value: 'grace@bigcorp.example' }] }],
    });
    expect(server.requests[1]!.headers['idempotency-key']).toBeUndefined();
  });
});
