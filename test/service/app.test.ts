import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, BODY_LIMIT_BYTES, type TriageApp } from '../../src/service/app.js';
import { createGenericConnector } from '../../src/service/connectors/index.js';
import { processTicket } from '../../src/service/process-ticket.js';
import { getTicket } from '../../src/service/store/repositories/ticket-repository.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from './support/test-services.js';

const SECRET = 'generic-secret-for-tests';

function sign(body: string): string {
  return `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
}

function genericBody(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({ id: 'G-1', customer_email: 'ada@example.com', subject: 'Login', body: 'I forgot my password', ...fields });
}

const auth = { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` };

describe('the HTTP service', () => {
  let services: TestServices;
  let app: TriageApp;

  beforeEach(async () => {
    services = await createTestServices({
      connectors: { generic: createGenericConnector({ webhookSecret: SECRET, replyUrl: 'http://127.0.0.1:9/reply' }) },
    });
    app = await buildApp(services);
  });
  afterEach(async () => {
    await app.close();
    await services.cleanup();
  });

  async function post(body: string, headers: Record<string, string> = {}, path = '/webhooks/generic') {
    return app.inject({ method: 'POST', url: path, payload: body, headers: { 'content-type': 'application/json', 'x-signature': sign(body), ...headers } });
  }

  async function jobCount(): Promise<number> {
    const rows = await services.runtime.store.db.selectFrom('jobs').select(['ticket_id']).execute();
    return rows.length;
  }

  describe('webhooks', () => {
    it('a signed generic webhook is stored, queued and answered 202', async () => {
      const response = await post(genericBody());
      expect(response.statusCode).toBe(202);
      expect(response.json()).toEqual({ ticketId: 'generic:G-1', status: 'queued' });
      const stored = await getTicket(services.runtime.store.db, 'generic:G-1');
      expect(stored).toMatchObject({ status: 'queued', customerEmail: 'ada@example.com', body: 'I forgot my password' });
      expect(await jobCount()).toBe(1);
    });

    it('a redelivery answers duplicate and creates no second job, also when 20 arrive at once', async () => {
      const body = genericBody();
      const responses = await Promise.all(Array.from({ length: 20 }, () => post(body, { 'x-delivery-id': 'delivery-1' })));
      const statuses = responses.map((response) => response.json().status);
      expect(responses.every((response) => response.statusCode === 202)).toBe(true);
      expect(statuses.filter((status) => status === 'queued')).toHaveLength(1);
      expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(19);
      expect((await post(body)).json().status).toBe('duplicate');
      expect(await jobCount()).toBe(1);
    });

    it('PII and secrets in the ticket are scrubbed before they are stored', async () => {
      await post(genericBody({ body: 'My card is 4111 1111 1111 1111 and my password is hunter22' }));
      const stored = await getTicket(services.runtime.store.db, 'generic:G-1');
      expect(stored?.body).not.toContain('4111 1111 1111 1111');
      expect(stored?.body).not.toContain('hunter22');
      expect(stored?.body).toContain('1111');
    });

    it.each([
      ['a missing signature', (body: string) => ({ 'x-signature': '' }), 401, 'missing_signature'],
      ['a bad signature', (body: string) => ({ 'x-signature': sign(`${body} `) }), 401, 'bad_signature'],
    ])('%s is refused with 401', async (_name, headers, status, code) => {
      const body = genericBody();
      const response = await post(body, headers(body) as Record<string, string>);
      expect(response.statusCode).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(await jobCount()).toBe(0);
    });

    it('malformed JSON (correctly signed) is a 400 with a clear code', async () => {
      const response = await post('{"id": "G-1",');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: { code: 'malformed_json', message: 'the body is not valid JSON' } });
    });

    it('unknown fields are a 400 that names them', async () => {
      const response = await post(genericBody({ priority: 'urgent' }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('invalid_payload');
      expect(response.json().error.message).toMatch(/priority/);
    });

    it('a wrong content type is a 415', async () => {
      const body = genericBody();
      const response = await post(body, { 'content-type': 'text/plain' });
      expect(response.statusCode).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
    });

    it('a body over the limit is a 413', async () => {
      const body = genericBody({ body: 'x'.repeat(BODY_LIMIT_BYTES) });
      const response = await post(body);
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('body_too_large');
    });

    it('an unknown provider is a 404, an unconfigured one a 503', async () => {
      expect((await post(genericBody(), {}, '/webhooks/freshdesk')).json().error.code).toBe('unknown_provider');
      const response = await post(genericBody(), {}, '/webhooks/zendesk');
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('provider_not_configured');
    });
  });

  describe('reviewer API', () => {
    async function triaged(body: string, id: string) {
      await post(genericBody({ id, body }));
      const ticket = await getTicket(services.runtime.store.db, `generic:${id}`);
      await processTicket(services.runtime, ticket!);
      return `generic:${id}`;
    }

    it('refuses requests without the bearer token', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/decisions' });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
      expect((await app.inject({ method: 'GET', url: '/api/decisions', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    });

    it('shows a ticket with its status, outcome and audit events', async () => {
      const id = await triaged('I forgot my password', 'G-2');
      const response = await app.inject({ method: 'GET', url: `/api/tickets/${encodeURIComponent(id)}`, headers: auth });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.status).toBe('sent');
      expect(body.outcome.decision).toBe('sent');
      expect(body.events.map((event: { type: string }) => event.type)).toContain('permission-decision');
      expect(JSON.stringify(body.events)).not.toContain('ada@example.com');
      expect((await app.inject({ method: 'GET', url: '/api/tickets/nope', headers: auth })).statusCode).toBe(404);
    });

    it('queries decisions by confidence, decision and tag, and refuses bad filters', async () => {
      await triaged('I forgot my password', 'G-3');
      await triaged('Please cancel my subscription now', 'G-4');
      const drafted = await app.inject({ method: 'GET', url: '/api/decisions?decision=drafted&tag=retention', headers: auth });
      expect(drafted.json().decisions.map((row: { ticketId: string }) => row.ticketId)).toEqual(['generic:G-4']);
      const range = await app.inject({ method: 'GET', url: '/api/decisions?minConfidence=0.9&maxConfidence=1&since=1d', headers: auth });
      expect(range.json().decisions.map((row: { ticketId: string }) => row.ticketId)).toContain('generic:G-3');
      // Which other tickets fall in the range depends on the model's confidence; none may fall outside it.
      for (const row of range.json().decisions as { confidence: number }[]) expect(row.confidence).toBeGreaterThanOrEqual(0.9);
      const low = await app.inject({ method: 'GET', url: '/api/decisions?maxConfidence=0.5&since=1d', headers: auth });
      expect(low.json().decisions.map((row: { ticketId: string }) => row.ticketId)).not.toContain('generic:G-3');
      const bad = await app.inject({ method: 'GET', url: '/api/decisions?minConfidence=2', headers: auth });
      expect(bad.statusCode).toBe(400);
      const unknown = await app.inject({ method: 'GET', url: '/api/decisions?colour=red', headers: auth });
      expect(unknown.statusCode).toBe(400);
      const inverted = await app.inject({ method: 'GET', url: '/api/decisions?since=1d&until=7d', headers: auth });
      expect(inverted.statusCode).toBe(400);
      expect(inverted.json().error.message).toMatch(/is after until/);
      const emptyRange = await app.inject({ method: 'GET', url: '/api/decisions?minConfidence=0.9&maxConfidence=0.2', headers: auth });
      expect(emptyRange.statusCode).toBe(400);
    });

    it('approves a draft once, bound to that exact draft, with the edited text', async () => {
      const id = await triaged('Please cancel my subscription now', 'G-5');
      const detail = (await app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: auth })).json();
      expect(detail.review).toBe('awaiting-review');
      const draft = detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
      const drafts = (await app.inject({ method: 'GET', url: '/api/drafts', headers: auth })).json().drafts;
      expect(drafts.map((row: { ticketId: string }) => row.ticketId)).toContain(id);
      expect(drafts.find((row: { ticketId: string }) => row.ticketId === id)).toMatchObject({ firstLine: 'Please cancel my subscription now', review: 'awaiting-review' });

      const stale = await app.inject({ method: 'POST', url: `/api/tickets/${id}/approve`, headers: auth, payload: { draftId: draft.id, draftHash: 'f'.repeat(32) } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('draft_changed');

      const approve = () =>
        app.inject({ method: 'POST', url: `/api/tickets/${id}/approve`, headers: auth, payload: { draftId: draft.id, draftHash: draft.hash, text: 'Hi Ada, edited by a human.' } });
      const first = await approve();
      expect(first.statusCode).toBe(202);
      const again = await approve();
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('already_sent');

      const after = (await app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: auth })).json();
      expect(after.status).toBe('sent');
      expect(after.review).toBe('approved');
      const send = after.outbox.find((entry: { kind: string }) => entry.kind === 'send');
      expect(send).toMatchObject({ text: 'Hi Ada, edited by a human.', public: true, approvedBy: 'reviewer' });
      expect(after.events.at(-1).type).toBe('review-approved');
    });

    it('rejects a draft with a reason; an approve afterwards is refused', async () => {
      const id = await triaged('Please cancel my subscription now', 'G-6');
      const detail = (await app.inject({ method: 'GET', url: `/api/tickets/${id}`, headers: auth })).json();
      const draft = detail.outbox.find((entry: { kind: string }) => entry.kind === 'draft');
      expect((await app.inject({ method: 'POST', url: `/api/tickets/${id}/reject`, headers: auth, payload: {} })).statusCode).toBe(400);
      const reject = await app.inject({ method: 'POST', url: `/api/tickets/${id}/reject`, headers: auth, payload: { reason: 'wrong tone' } });
      expect(reject.json()).toEqual({ ticketId: id, status: 'rejected' });
      const approve = await app.inject({ method: 'POST', url: `/api/tickets/${id}/approve`, headers: auth, payload: { draftId: draft.id, draftHash: draft.hash } });
      expect(approve.json().error.code).toBe('draft_rejected');
    });
  });

  describe('operations', () => {
    it('reports health of the store and the queue', async () => {
      const response = await app.inject({ method: 'GET', url: '/healthz' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ status: 'ok', store: { ok: true, dialect: 'sqlite' }, queue: { kind: 'sqlite', ok: true } });
    });

    it('exposes Prometheus counters', async () => {
      await post(genericBody());
      await post(genericBody());
      const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toMatch(/triage_tickets_received_total\{provider="generic"\} 1/);
      expect(text).toMatch(/triage_tickets_duplicate_total\{provider="generic"\} 1/);
      expect(text).toMatch(/triage_webhook_accept_seconds_bucket/);
    });

    it('unknown routes answer a JSON 404', async () => {
      const response = await app.inject({ method: 'GET', url: '/nope' });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    });
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past RATE_LIMIT_PER_MINUTE, on webhooks and the API only', async () => {
    const services = await createTestServices({
      environment: { RATE_LIMIT_PER_MINUTE: '3' },
      connectors: { generic: createGenericConnector({ webhookSecret: SECRET, replyUrl: 'http://127.0.0.1:9/reply' }) },
    });
    const app = await buildApp(services);
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index++) {
        const body = genericBody({ id: `R-${index}` });
        const response = await app.inject({ method: 'POST', url: '/webhooks/generic', payload: body, headers: { 'content-type': 'application/json', 'x-signature': sign(body) } });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) {
          expect(response.json().error.code).toBe('rate_limited');
          expect(response.headers['retry-after']).toBeDefined();
        }
      }
      expect(statuses).toEqual([202, 202, 202, 429]);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await services.cleanup();
    }
  });
});

describe('provider webhooks over HTTP', () => {
  it('Zendesk: a fresh signed delivery is queued; a stale timestamp or a tampered body is a 401', async () => {
    const { createZendeskConnector } = await import('../../src/service/connectors/index.js');
    const secret = 'zendesk-secret';
    const services = await createTestServices({
      connectors: { zendesk: createZendeskConnector({ baseUrl: 'http://127.0.0.1:9', email: 'bot@northwind.example', apiToken: 't', webhookSecret: secret }) },
    });
    const app = await buildApp(services);
    try {
      const { readFileSync } = await import('node:fs');
      const body = readFileSync(new URL('../fixtures/connectors/zendesk-trigger-ticket-created.json', import.meta.url), 'utf8');
      const send = (timestamp: string, payload = body, signature?: string) =>
        app.inject({
          method: 'POST',
          url: '/webhooks/zendesk',
          payload,
          headers: {
            'content-type': 'application/json',
            'x-zendesk-webhook-signature-timestamp': timestamp,
            'x-zendesk-webhook-signature': signature ?? createHmac('sha256', secret).update(timestamp + payload).digest('base64'),
          },
        });
      const now = new Date().toISOString();
      const fresh = await send(now);
      expect(fresh.statusCode).toBe(202);
      expect(fresh.json().status).toBe('queued');
      const stale = await send(new Date(Date.now() - 10 * 60_000).toISOString());
      expect(stale.statusCode).toBe(401);
      expect(stale.json().error.code).toBe('stale_timestamp');
      const tampered = await send(now, body.replace('}', ' }'), createHmac('sha256', secret).update(now + body).digest('base64'));
      expect(tampered.json().error.code).toBe('bad_signature');
    } finally {
      await app.close();
      await services.cleanup();
    }
  });
});
