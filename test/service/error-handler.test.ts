/**
 * The error handler tells a caller the truth: bad input is 4xx, an unreachable store is 503 (safe to
 * retry), and our own bug is 500 with an id that finds it in the log, never "safe to retry".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type TriageApp } from '../../src/service/app.js';
import { DatabaseUnavailableError } from '../../src/service/store/errors.js';
import { createTestServices, type TestServices } from './support/test-services.js';

describe('the HTTP error handler', () => {
  let services: TestServices;
  let app: TriageApp;

  beforeEach(async () => {
    services = await createTestServices();
    app = await buildApp(services);
    app.get('/test/syntax-bug', async () => JSON.parse('{not json'));
    app.get('/test/type-bug', async () => (undefined as unknown as { x: number }).x);
    app.get('/test/store-down', async () => {
      throw new DatabaseUnavailableError('connect ECONNREFUSED 127.0.0.1:5432');
    });
    app.get('/test/socket-down', async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    });
    app.post('/test/echo', async (request) => request.body);
  });
  afterEach(async () => {
    await app.close();
    await services.cleanup();
  });

  it('a SyntaxError thrown by our own code is a 500 with an error id, not malformed_json', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/syntax-bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.code).toBe('internal');
    expect(response.json().error.message).toMatch(/error id [0-9a-f-]{36}/);
  });

  it('any other bug is a 500, never a 503 that invites retries', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/type-bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error.message).not.toMatch(/retry/);
  });

  it('an unreachable store is a 503 that says retrying is safe', async () => {
    for (const url of ['/test/store-down', '/test/socket-down']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatchObject({ code: 'unavailable' });
    }
  });

  it('only the body parser turns bad JSON into 400 malformed_json', async () => {
    const response = await app.inject({ method: 'POST', url: '/test/echo', payload: '{"a":', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_json');
  });
});
