/**
 * /healthz fails when the service cannot do its work, and names the check: the SQLite write lock
 * held elsewhere (answered by the probe's own connection, not after the store's 5 s busy timeout),
 * a backlog past HEALTH_MAX_QUEUE_DEPTH, an oldest job past HEALTH_MAX_JOB_AGE_SECONDS. /metrics
 * carries the backlog series.
 */
import { createHmac } from 'node:crypto';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../../src/service/app.js';
import { createGenericConnector } from '../../../src/service/connectors/index.js';
import { insertOutboxIfAbsent } from '../../../src/service/store/repositories/outbox-repository.js';
import { createTestServices, type TestServices } from '../support/test-services.js';

const SECRET = 'generic-secret-for-tests';

function signed(id: string): { payload: string; headers: Record<string, string> } {
  const payload = JSON.stringify({ id, customer_email: 'ada@example.com', subject: 'Login', body: 'I forgot my password' });
  return {
    payload,
    headers: { 'content-type': 'application/json', 'x-signature': `sha256=${createHmac('sha256', SECRET).update(payload).digest('hex')}` },
  };
}

describe('GET /healthz and the backlog series', () => {
  let services: TestServices | undefined;
  let app: TriageApp | undefined;
  let holder: BetterSqlite3.Database | undefined;

  afterEach(async () => {
    if (holder?.inTransaction) holder.exec('rollback');
    holder?.close();
    holder = undefined;
    await app?.close();
    await services?.cleanup();
  });

  async function start(environment: NodeJS.ProcessEnv = {}): Promise<TriageApp> {
    services = await createTestServices({
      environment,
      connectors: { generic: createGenericConnector({ webhookSecret: SECRET, replyUrl: 'http://127.0.0.1:9/reply' }) },
    });
    app = await buildApp(services);
    return app;
  }

  async function accept(id: string): Promise<void> {
    const response = await app!.inject({ method: 'POST', url: '/webhooks/generic', ...signed(id) });
    expect(response.statusCode).toBe(202);
  }

  it('is 200 with the backlog figures when all checks pass', async () => {
    await start();
    await accept('H-1');
    const response = await app!.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', failing: [], store: { ok: true }, queue: { ok: true, pending: 1, maxDepth: 1000 } });
    expect(response.json().queue.oldestPendingSeconds).toBeGreaterThanOrEqual(0);
  });

  it('is 503 naming the store while another connection holds the SQLite write lock, and 200 once it is let go', async () => {
    await start({ HEALTH_CHECK_TIMEOUT_MS: '300' });
    holder = new BetterSqlite3(services!.runtime.store.filename!);
    holder.exec('begin immediate');

    const locked = await app!.inject({ method: 'GET', url: '/healthz' });
    expect(locked.statusCode).toBe(503);
    expect(locked.json()).toMatchObject({ status: 'unavailable', failing: ['store'], store: { ok: false } });
    expect(locked.json().store.detail).toMatch(/write lock/);

    holder.exec('rollback');
    expect((await app!.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('is 503 naming queue-depth past HEALTH_MAX_QUEUE_DEPTH', async () => {
    await start({ HEALTH_MAX_QUEUE_DEPTH: '2' });
    for (const id of ['D-1', 'D-2']) await accept(id);
    expect((await app!.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await accept('D-3');
    const response = await app!.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ failing: ['queue-depth'], queue: { pending: 3, maxDepth: 2 } });
  });

  it('is 503 naming queue-age when the oldest waiting job is older than HEALTH_MAX_JOB_AGE_SECONDS', async () => {
    await start({ HEALTH_MAX_JOB_AGE_SECONDS: '60' });
    await accept('A-1');
    expect((await app!.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    // As if the job had waited ten minutes.
    const tenMinutesAgo = new Date(Date.now() - 600_000).toISOString();
    await services!.runtime.store.db.updateTable('jobs').set({ created_at: tenMinutesAgo }).execute();
    const response = await app!.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json().failing).toEqual(['queue-age']);
    expect(response.json().queue.oldestPendingSeconds).toBeGreaterThanOrEqual(599);
  });

  it('/metrics reports queue depth, oldest-job age and outbox pending and failed entries', async () => {
    await start();
    for (const id of ['M-1', 'M-2']) await accept(id);
    const db = services!.runtime.store.db;
    await insertOutboxIfAbsent(db, {
      ticketId: 'generic:M-1',
      kind: 'draft',
      text: 'A draft',
      tags: [],
      confidence: 0.5,
      public: false,
      idempotencyKey: 'generic:M-1:draft',
    });
    const text = (await app!.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).toMatch(/^triage_queue_depth 2$/m);
    expect(text).toMatch(/^triage_queue_active 0$/m);
    expect(text).toMatch(/^triage_queue_oldest_job_age_seconds \d/m);
    expect(text).toMatch(/^triage_outbox_entries\{status="pending"\} 1$/m);
    expect(text).toMatch(/^triage_outbox_entries\{status="failed"\} 0$/m);
    expect(text).toMatch(/^triage_backlog_scrape_ok 1$/m);
  });
});
