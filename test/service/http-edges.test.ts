/**
 * The HTTP edges of issue 10: the rate limit counts requests by the path the router reads and
 * before authentication; the webhook refuses a ticket over 64 KiB before scrubbing it; a token
 * sent in a query string never reaches the log raw.
 */
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/service/app.js';
import { createGenericConnector } from '../../src/service/connectors/index.js';
import { createLogger } from '../../src/service/logger.js';
import { isRateLimitedPath } from '../../src/service/rate-limit.js';
import { createTestServices, TEST_REVIEWER_TOKEN } from './support/test-services.js';

const SECRET = 'generic-secret-for-edge-tests';
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
const connectors = () => ({ generic: createGenericConnector({ webhookSecret: SECRET, replyUrl: 'http://127.0.0.1:9/reply' }) });

describe('rate limit', () => {
  it('reads the path as the router does', () => {
    expect(isRateLimitedPath('/%61pi/tickets/T-1')).toBe(true);
    expect(isRateLimitedPath('/%77ebhooks/generic')).toBe(true);
    expect(isRateLimitedPath('//api//tickets')).toBe(true);
    expect(isRateLimitedPath('/healthz')).toBe(false);
    expect(isRateLimitedPath('/metrics?x=/api/')).toBe(false);
  });

  it('counts unauthenticated, wrong-token and percent-encoded requests', async () => {
    const services = await createTestServices({ environment: { RATE_LIMIT_PER_MINUTE: '3' }, connectors: connectors() });
    const app = await buildApp(services);
    try {
      const statuses: number[] = [];
      statuses.push((await app.inject({ method: 'GET', url: '/api/tickets/T-1' })).statusCode);
      statuses.push((await app.inject({ method: 'GET', url: '/api/tickets/T-1', headers: { authorization: 'Bearer wrong' } })).statusCode);
      statuses.push((await app.inject({ method: 'GET', url: '/%61pi/tickets/T-1', headers: { authorization: 'Bearer wrong' } })).statusCode);
      statuses.push((await app.inject({ method: 'GET', url: '/%61pi/tickets/T-1', headers: { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` } })).statusCode);
      statuses.push((await app.inject({ method: 'POST', url: '/%77ebhooks/generic', payload: '{}', headers: { 'content-type': 'application/json' } })).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await services.cleanup();
    }
  });
});

describe('ticket size at the webhook', () => {
  it('refuses a ticket over 64 KiB with 413 before storing it, and accepts one at the limit', async () => {
    const services = await createTestServices({ connectors: connectors() });
    const app = await buildApp(services);
    try {
      const post = (id: string, body: string) => {
        const payload = JSON.stringify({ id, customer_email: 'ada@example.com', subject: 'Big', body });
        return app.inject({ method: 'POST', url: '/webhooks/generic', payload, headers: { 'content-type': 'application/json', 'x-signature': sign(payload) } });
      };
      const tooLarge = await post('BIG-1', 'x'.repeat(64 * 1024));
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json().error.code).toBe('ticket_too_large');
      expect(tooLarge.json().error.message).toMatch(/limit is 65536 bytes/);
      const fits = await post('FIT-1', 'y'.repeat(64 * 1024 - 3));
      expect(fits.statusCode).toBe(202);
      const { getTicket } = await import('../../src/service/store/repositories/ticket-repository.js');
      expect(await getTicket(services.runtime.store.db, 'BIG-1')).toBeNull();
    } finally {
      await app.close();
      await services.cleanup();
    }
  });
});

describe('server log', () => {
  it('never holds a reviewer token sent as ?token=', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const services = await createTestServices({ connectors: connectors() });
    const app = await buildApp({ ...services, logger: createLogger('info', stream) });
    try {
      const response = await app.inject({ method: 'GET', url: `/api/tickets/T-1?token=${TEST_REVIEWER_TOKEN}` });
      expect(response.statusCode).toBe(401);
      const log = lines.join('');
      expect(log).toContain('/api/tickets/T-1');
      expect(log).not.toContain(TEST_REVIEWER_TOKEN);
    } finally {
      await app.close();
      await services.cleanup();
    }
  });
});
