import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../../../src/triage/crm/crm-client.js';
import { createHttpCrm } from '../../../src/triage/crm/http-crm.js';
import type { Customer, Order } from '../../../src/triage/types.js';

const ADA: Customer = {
  id: 'C-0001',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  plan: 'pro',
  country: 'GB',
  createdAt: '2026-01-08T09:15:00Z',
  orders: ['A1001'],
};
const A1001: Order = {
  id: 'A1001',
  customerEmail: 'ada@example.com',
  status: 'shipped',
  items: [{ sku: 'NW-LAMP-02', name: 'Brass desk lamp', quantity: 1, price: 64.9 }],
  total: 64.9,
  currency: 'EUR',
  placedAt: '2026-03-09T10:24:00Z',
  carrier: 'DHL',
  trackingNumber: 'JD014600006281234567',
  estimatedDelivery: '2026-03-14',
};

interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

let server: Server;
let baseUrl: string;
const requests: RecordedRequest[] = [];
/** Requests the server holds open without answering, so the client has to time out. */
const held: ServerResponse[] = [];

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/api/customers') {
    // A real CRM sends fields we do not use; they must not break parsing.
    if (url.searchParams.get('email') === ADA.email) return json(response, 200, { ...ADA, loyaltyTier: 'gold' });
    return json(response, 404, { error: 'not found' });
  }
  const orderId = decodeURIComponent(url.pathname.replace(/^\/api\/orders\//, ''));
  switch (orderId) {
    case 'A1001':
      return json(response, 200, A1001);
    case 'BOOM':
      return json(response, 500, { error: 'internal' });
    case 'BUSY':
      return json(response, 429, { error: 'slow down' });
    case 'LOCKED':
      return json(response, 401, { error: 'unauthorised' });
    case 'GARBAGE':
      return json(response, 200, '{"id": "A1001", "status": ');
    case 'WRONG-SHAPE':
      return json(response, 200, { id: 42, status: 'teleported' });
    case 'SLOW':
      held.push(response);
      return;
    case 'SLOW-BODY':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"id": "A1001", ');
      held.push(response);
      return;
    default:
      return json(response, 404, { error: 'not found' });
  }
}

beforeAll(async () => {
  server = createServer(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, 'close');
});

beforeEach(() => {
  requests.length = 0;
});

async function crmErrorOf(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

describe('createHttpCrm', () => {
  it('finds a customer by email and keeps the base path', async () => {
    const crm = createHttpCrm({ baseUrl });
    expect(await crm.findCustomerByEmail('ada@example.com')).toEqual(ADA);
    expect(requests[0]).toMatchObject({ method: 'GET', url: '/api/customers?email=ada%40example.com' });
    expect(requests[0]?.headers.accept).toBe('application/json');
  });

  it('answers null for a 404', async () => {
    const crm = createHttpCrm({ baseUrl: `${baseUrl}/` });
    expect(await crm.findCustomerByEmail('nobody@example.com')).toBeNull();
    expect(await crm.getOrder('Z9999')).toBeNull();
  });

  it('gets an order, escaping the id in the path', async () => {
    const crm = createHttpCrm({ baseUrl });
    expect(await crm.getOrder('A1001')).toEqual(A1001);
    expect(await crm.getOrder('A/1?x')).toBeNull();
    expect(requests.map((request) => request.url)).toEqual(['/api/orders/A1001', '/api/orders/A%2F1%3Fx']);
  });

  it('does not call the CRM for an empty email or order id', async () => {
    const crm = createHttpCrm({ baseUrl });
    expect(await crm.findCustomerByEmail('  ')).toBeNull();
    expect(await crm.getOrder('')).toBeNull();
    expect(requests).toEqual([]);
  });

  it('sends the configured headers', async () => {
    const crm = createHttpCrm({ baseUrl, headers: { authorization: 'Bearer test-token' } });
    await crm.getOrder('A1001');
    expect(requests[0]?.headers.authorization).toBe('Bearer test-token');
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const crm = createHttpCrm({
      baseUrl,
      fetch: (input, init) => {
        calls.push(String(input));
        return fetch(input, init);
      },
    });
    await crm.getOrder('A1001');
    expect(calls).toEqual([`${baseUrl}/orders/A1001`]);
  });

  it('turns a 500 into a retryable CrmError with a plain message', async () => {
    const error = await crmErrorOf(createHttpCrm({ baseUrl }).getOrder('BOOM'));
    expect(error.isRetryable).toBe(true);
    expect(error.name).toBe('CrmError');
    expect(error.message).toBe('CRM request for order BOOM failed: the CRM answered HTTP 500');
  });

  it('treats 429 as retryable and 401 as not', async () => {
    const crm = createHttpCrm({ baseUrl });
    expect((await crmErrorOf(crm.getOrder('BUSY'))).isRetryable).toBe(true);
    const unauthorised = await crmErrorOf(crm.getOrder('LOCKED'));
    expect(unauthorised.isRetryable).toBe(false);
    expect(unauthorised.message).toMatch(/HTTP 401/);
  });

  it('times out a server that never answers with a retryable CrmError', async () => {
    const error = await crmErrorOf(createHttpCrm({ baseUrl, timeoutMs: 100 }).getOrder('SLOW'));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe('CRM request for order SLOW timed out after 100 ms');
  });

  it('times out a body that never ends', async () => {
    const error = await crmErrorOf(createHttpCrm({ baseUrl, timeoutMs: 100 }).getOrder('SLOW-BODY'));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/timed out/);
  });

  it('reports invalid JSON as a non-retryable CrmError', async () => {
    const error = await crmErrorOf(createHttpCrm({ baseUrl }).getOrder('GARBAGE'));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toBe('CRM request for order GARBAGE failed: the CRM answered with invalid JSON');
  });

  it('reports a response of the wrong shape', async () => {
    const error = await crmErrorOf(createHttpCrm({ baseUrl }).getOrder('WRONG-SHAPE'));
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/unexpected response shape \(id /);
  });

  it('reports a CRM that cannot be reached as a retryable network error', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    const error = await crmErrorOf(createHttpCrm({ baseUrl: `http://127.0.0.1:${port}` }).getOrder('A1001'));
    expect(error.isRetryable).toBe(true);
    expect(error.message).toMatch(/could not be reached \(ECONNREFUSED\)/);
  });

  it('stops when the caller aborts, without marking it retryable', async () => {
    const controller = new AbortController();
    const pending = createHttpCrm({ baseUrl, timeoutMs: 60_000 }).getOrder('SLOW', { signal: controller.signal });
    // Abort only once the server holds the request, so the abort interrupts a request in flight.
    const heldBefore = held.length;
    while (held.length === heldBefore) await new Promise((resolve) => server.once('request', () => setImmediate(resolve)));
    controller.abort();
    const error = await crmErrorOf(pending);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/was cancelled/);
  });

  it('keeps the customer email out of error messages', async () => {
    const crm = createHttpCrm({ baseUrl: 'http://127.0.0.1:1' });
    const error = await crmErrorOf(crm.findCustomerByEmail('ada@example.com'));
    expect(error.message).not.toContain('ada@example.com');
  });

  it('refuses an invalid base URL with a clear error', () => {
    expect(() => createHttpCrm({ baseUrl: 'not a url' })).toThrow(/CRM base URL "not a url" is not a valid URL/);
  });
});
