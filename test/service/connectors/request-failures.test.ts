/**
 * How every connector's API calls fail: status codes, timeouts, network errors and the caller's
 * own abort, against stand-in servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, ConnectorRequestError } from '../../../src/service/connectors/errors.js';
import { createGenericConnector } from '../../../src/service/connectors/generic/generic-connector.js';
import type { HelpdeskConnector, HelpdeskProvider } from '../../../src/service/connectors/helpdesk-connector.js';
import { createHubSpotConnector } from '../../../src/service/connectors/hubspot/hubspot-connector.js';
import { createIntercomConnector } from '../../../src/service/connectors/intercom/intercom-connector.js';
import { createZendeskConnector } from '../../../src/service/connectors/zendesk/zendesk-connector.js';
import type { Ticket } from '../../../src/triage/types.js';
import { startStandInServer, type StandInServer } from './stand-in-server.js';

const SHORT_TIMEOUT_MS = 150;
const TOKEN = 'very-secret-api-token';

interface Case {
  provider: HelpdeskProvider;
  create(baseUrl: string, timeoutMs?: number): HelpdeskConnector;
  method: string;
  path: string;
}

const cases: Case[] = [
  {
    provider: 'zendesk',
    create: (baseUrl, timeoutMs) =>
      createZendeskConnector({ baseUrl, email: 'agent@acme.example', apiToken: TOKEN, webhookSecret: 's', ...(timeoutMs ? { timeoutMs } : {}) }),
    method: 'PUT',
    path: '/api/v2/tickets/77.json',
  },
  {
    provider: 'intercom',
    create: (baseUrl, timeoutMs) =>
      createIntercomConnector({ baseUrl, accessToken: TOKEN, clientSecret: 's', adminId: '1', ...(timeoutMs ? { timeoutMs } : {}) }),
    method: 'POST',
    path: '/conversations/77/reply',
  },
  {
    provider: 'hubspot',
    create: (baseUrl, timeoutMs) =>
      createHubSpotConnector({ baseUrl, accessToken: TOKEN, clientSecret: 's', ...(timeoutMs ? { timeoutMs } : {}) }),
    method: 'POST',
    path: '/crm/v3/objects/notes',
  },
  {
    provider: 'generic',
    create: (baseUrl, timeoutMs) =>
      createGenericConnector({ webhookSecret: TOKEN, replyUrl: `${baseUrl}/replies`, ...(timeoutMs ? { timeoutMs } : {}) }),
    method: 'POST',
    path: '/replies',
  },
];

function ticketFor(provider: HelpdeskProvider): Ticket {
  return {
    id: `${provider}:77`,
    source: provider,
    externalId: '77',
    customerEmail: 'ada@example.com',
    body: 'hello',
    receivedAt: '2026-11-28T10:00:00.000Z',
  };
}

async function failure(promise: Promise<unknown>): Promise<ConnectorRequestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConnectorRequestError);
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorRequestError;
}

describe.each(cases)('$provider connector request failures', ({ provider, create, method, path }) => {
  let server: StandInServer;
  const ticket = ticketFor(provider);

  beforeAll(async () => {
    server = await startStandInServer();
  });
  afterAll(() => server.close());

  it('turns a 500 into a retryable error naming provider, method, path and status, not the token', async () => {
    server.answer(() => ({ status: 500, json: { error: `internal, token ${TOKEN}` } }));
    const error = await failure(create(server.baseUrl).postReply({ ticket, text: 'x', idempotencyKey: 'k' }));
    expect(error).toMatchObject({ name: 'ConnectorRequestError', isRetryable: true, statusCode: 500 });
    expect(error.message).toBe(`${provider} ${method} ${path} failed with status 500 (retryable).`);
    expect(error.message).not.toContain(TOKEN);
  });

  it('turns a 429 into a retryable error that carries Retry-After', async () => {
    server.answer(() => ({ status: 429, json: {}, headers: { 'retry-after': '7' } }));
    const error = await failure(create(server.baseUrl).postNote({ ticket, text: 'x', tags: [], idempotencyKey: 'k' }));
    expect(error).toMatchObject({ isRetryable: true, statusCode: 429, retryAfterMs: 7000 });
  });

  it('turns a 401 into an error that is not retryable', async () => {
    server.answer(() => ({ status: 401, json: { error: 'Couldn\'t authenticate you' } }));
    const error = await failure(create(server.baseUrl).postReply({ ticket, text: 'x', idempotencyKey: 'k' }));
    expect(error).toMatchObject({ isRetryable: false, statusCode: 401 });
    expect(error.message).toBe(`${provider} ${method} ${path} failed with status 401.`);
    expect(error.message).not.toContain(TOKEN);
  });

  it('does not follow a redirect: a 3xx fails for good and its Location is never called', async () => {
    server.answer((request) => (request.url === '/elsewhere' ? { status: 201, json: { id: '1' } } : { status: 307, json: {}, headers: { location: `${server.baseUrl}/elsewhere` } }));
    const before = server.requests.length;
    const error = await failure(create(server.baseUrl).postReply({ ticket, text: 'x', idempotencyKey: 'k' }));
    expect(error).toMatchObject({ isRetryable: false, statusCode: 307 });
    expect(server.requests.slice(before).map((request) => request.url)).toEqual([path]);
  });

  it('times out on a server that never answers, as a retryable error', async () => {
    server.answer(() => 'never');
    const error = await failure(
      create(server.baseUrl, SHORT_TIMEOUT_MS).postReply({ ticket, text: 'x', idempotencyKey: 'k' }),
    );
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toBe(`${provider} ${method} ${path} timed out after ${SHORT_TIMEOUT_MS} ms.`);
  });

  it('passes the caller\'s own abort through unchanged', async () => {
    server.answer(() => 'never');
    const controller = new AbortController();
    const reason = new Error('worker stopping');
    const received = server.nextRequest();
    const pending = create(server.baseUrl).postReply({ ticket, text: 'x', idempotencyKey: 'k', signal: controller.signal });
    // Abort once the stand-in has the request, so the abort happens mid-flight.
    await received;
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('network failures and odd answers', () => {
  it('turns a refused connection into a retryable error', async () => {
    const server = await startStandInServer();
    const baseUrl = server.baseUrl;
    await server.close();
    const connector = createZendeskConnector({ baseUrl, email: 'a@b.example', apiToken: TOKEN, webhookSecret: 's' });
    const error = await failure(connector.postReply({ ticket: ticketFor('zendesk'), text: 'x', idempotencyKey: 'k' }));
    expect(error.isRetryable).toBe(true);
    expect(error.statusCode).toBeUndefined();
    expect(error.message).toMatch(/^zendesk PUT \/api\/v2\/tickets\/77\.json failed: network error/);
  });

  it('rejects a 2xx answer that is not the documented shape, as not retryable', async () => {
    const server = await startStandInServer(() => ({ status: 200, json: { id: 'not-a-number' } }));
    try {
      const connector = createHubSpotConnector({ baseUrl: server.baseUrl, accessToken: TOKEN, clientSecret: 's' });
      const error = await failure(connector.postReply({ ticket: ticketFor('hubspot'), text: 'x', idempotencyKey: 'k' }));
      expect(error).toMatchObject({ isRetryable: false, statusCode: 200 });
      expect(error.message).toContain('unexpected body (id:');
    } finally {
      await server.close();
    }
  });

  it('rejects a 2xx answer that is not JSON where data is needed', async () => {
    const server = await startStandInServer(() => ({ status: 200, text: '<html>maintenance</html>' }));
    try {
      const connector = createHubSpotConnector({ baseUrl: server.baseUrl, accessToken: TOKEN, clientSecret: 's' });
      const error = await failure(connector.postReply({ ticket: ticketFor('hubspot'), text: 'x', idempotencyKey: 'k' }));
      expect(error.message).toBe('hubspot POST /crm/v3/objects/notes answered 200 with a body that is not JSON.');
    } finally {
      await server.close();
    }
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const retryAt = new Date(Date.now() + 60_000).toUTCString();
    const server = await startStandInServer(() => ({ status: 503, text: 'busy', headers: { 'retry-after': retryAt } }));
    try {
      const connector = createIntercomConnector({ baseUrl: server.baseUrl, accessToken: TOKEN, clientSecret: 's', adminId: '1' });
      const error = await failure(connector.postReply({ ticket: ticketFor('intercom'), text: 'x', idempotencyKey: 'k' }));
      expect(error).toMatchObject({ isRetryable: true, statusCode: 503 });
      expect(error.retryAfterMs).toBeGreaterThan(0);
      expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
    } finally {
      await server.close();
    }
  });

  it('uses an injected fetch', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ id: '5' }), { status: 201, headers: { 'content-type': 'application/json' } });
    };
    const connector = createHubSpotConnector({ accessToken: TOKEN, clientSecret: 's', fetch: fakeFetch });
    await expect(connector.postReply({ ticket: ticketFor('hubspot'), text: 'x', idempotencyKey: 'k' })).resolves.toEqual({
      externalId: '5',
    });
    expect(calls).toEqual(['https://api.hubapi.com/crm/v3/objects/notes']);
  });
});

describe("each vendor's own rate-limit headers", () => {
  const vendorCases: Array<{ provider: HelpdeskProvider; headers: Record<string, string>; expectedMs: [number, number] }> = [
    // Intercom: X-RateLimit-Reset is the epoch second the quota comes back (here about 30 s away).
    { provider: 'intercom', headers: { 'x-ratelimit-limit': '1000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'RESET' }, expectedMs: [20_000, 31_000] },
    // Zendesk: ratelimit-reset is the seconds until the window resets.
    { provider: 'zendesk', headers: { 'ratelimit-limit': '700', 'ratelimit-remaining': '0', 'ratelimit-reset': '12' }, expectedMs: [12_000, 12_000] },
    // HubSpot: an exhausted rolling window of X-HubSpot-RateLimit-Interval-Milliseconds.
    {
      provider: 'hubspot',
      headers: { 'x-hubspot-ratelimit-max': '100', 'x-hubspot-ratelimit-remaining': '0', 'x-hubspot-ratelimit-interval-milliseconds': '10000' },
      expectedMs: [10_000, 10_000],
    },
  ];

  it.each(vendorCases)('$provider: a 429 without Retry-After waits as its headers say', async ({ provider, headers, expectedMs }) => {
    const reset = String(Math.floor(Date.now() / 1000) + 30);
    const answered = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value === 'RESET' ? reset : value]));
    const server = await startStandInServer(() => ({ status: 429, json: {}, headers: answered }));
    try {
      const connector = cases.find((candidate) => candidate.provider === provider)!.create(server.baseUrl);
      const error = await failure(connector.postNote({ ticket: ticketFor(provider), text: 'x', tags: [], idempotencyKey: 'k' }));
      expect(error).toMatchObject({ isRetryable: true, statusCode: 429 });
      expect(error.retryAfterMs).toBeGreaterThanOrEqual(expectedMs[0]);
      expect(error.retryAfterMs).toBeLessThanOrEqual(expectedMs[1]);
    } finally {
      await server.close();
    }
  });

  it('prefers Retry-After when Intercom sends both', async () => {
    const reset = String(Math.floor(Date.now() / 1000) + 300);
    const server = await startStandInServer(() => ({ status: 429, json: {}, headers: { 'retry-after': '3', 'x-ratelimit-reset': reset } }));
    try {
      const connector = createIntercomConnector({ baseUrl: server.baseUrl, accessToken: TOKEN, clientSecret: 's', adminId: '1' });
      const error = await failure(connector.postReply({ ticket: ticketFor('intercom'), text: 'x', idempotencyKey: 'k' }));
      expect(error.retryAfterMs).toBe(3000);
    } finally {
      await server.close();
    }
  });
});
