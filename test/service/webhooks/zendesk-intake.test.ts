/**
 * Zendesk event webhooks name the requester only by id. Answering the webhook never calls Zendesk
 * (nor does a redelivered duplicate); the worker looks the email up once, before triage.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { createZendeskConnector, type HelpdeskConnector } from '../../../src/service/connectors/index.js';
import { createOutboxDispatcher } from '../../../src/service/outbox/outbox-dispatcher.js';
import { silentLogger } from '../../../src/service/queue/logger.js';
import { getTicket } from '../../../src/service/store/repositories/ticket-repository.js';
import { createWorker } from '../../../src/service/worker/worker.js';
import { fixtureJson } from '../connectors/fixtures.js';
import { startStandInServer, type StandInServer } from '../connectors/stand-in-server.js';
import { createTestServices, type TestServices } from '../support/test-services.js';

const SECRET = 'zendesk-secret-for-tests';

describe('zendesk intake: the requester lookup runs in the worker, once', () => {
  let zendesk: StandInServer;
  let connector: HelpdeskConnector;
  let services: TestServices;
  let app: TriageApp;

  beforeAll(async () => {
    zendesk = await startStandInServer((request) =>
      request.method === 'GET'
        ? { status: 200, json: fixtureJson('zendesk-user-response.json') }
        : { status: 200, json: fixtureJson('zendesk-ticket-update-response.json') },
    );
  });
  afterAll(() => zendesk.close());

  beforeEach(async () => {
    zendesk.requests.length = 0;
    connector = createZendeskConnector({ baseUrl: zendesk.baseUrl, email: 'agent@acme.example', apiToken: 't', webhookSecret: SECRET });
    services = await createTestServices({ connectors: { zendesk: connector } });
    app = await buildApp(services);
  });
  afterEach(async () => {
    await app.close();
    await services.cleanup();
  });

  function post(body: string) {
    const timestamp = new Date().toISOString();
    const signature = createHmac('sha256', SECRET).update(timestamp).update(body).digest('base64');
    return app.inject({
      method: 'POST',
      url: '/webhooks/zendesk',
      payload: body,
      headers: {
        'content-type': 'application/json',
        'x-zendesk-webhook-signature': signature,
        'x-zendesk-webhook-signature-timestamp': timestamp,
      },
    });
  }

  it('accepts and de-duplicates without a Zendesk call; the worker fetches the email once', async () => {
    const body = JSON.stringify(fixtureJson('zendesk-event-ticket-created.json'));
    const first = await post(body);
    const again = await post(body);
    expect(first.json()).toEqual({ ticketId: 'zendesk:35437', status: 'queued' });
    expect(again.json()).toEqual({ ticketId: 'zendesk:35437', status: 'duplicate' });
    expect(zendesk.requests).toHaveLength(0);
    expect(await getTicket(services.runtime.store.db, 'zendesk:35437')).toMatchObject({
      customerEmail: '',
      pendingEnrichment: { zendeskRequesterId: '8447388090494' },
    });

    const connectors = { zendesk: connector };
    const worker = createWorker({
      runtime: services.runtime,
      queue: services.queue,
      dispatcher: createOutboxDispatcher({ db: services.runtime.store.db, connectors, cipher: services.runtime.outboxCipher }),
      connectors,
      concurrency: 1,
      logger: silentLogger,
      sweepIntervalMs: 0,
    });
    const job = { jobId: 'j1', ticketId: 'zendesk:35437', attempt: 1, maxAttempts: 3, signal: new AbortController().signal };
    await worker.handleJob(job);
    await worker.handleJob({ ...job, attempt: 2 });

    const lookups = zendesk.requests.filter((request) => request.method === 'GET');
    expect(lookups.map((request) => request.url)).toEqual(['/api/v2/users/8447388090494.json']);
    const stored = await getTicket(services.runtime.store.db, 'zendesk:35437');
    expect(stored).toMatchObject({ customerEmail: 'linus@example.com' });
    expect(stored?.pendingEnrichment).toBeUndefined();
    // The ticket was triaged and its answer went back as one comment, with no Idempotency-Key.
    const updates = zendesk.requests.filter((request) => request.method === 'PUT');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.headers['idempotency-key']).toBeUndefined();
  });
});
