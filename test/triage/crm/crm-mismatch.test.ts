/**
 * A CRM that answers about someone else: an HTTP stand-in returns another customer's profile or
 * order. The run must be drafted with the reason and the tag `security`, never sent: a reply that
 * greets Ada as "Hi Linus," must be impossible, whichever model runs.
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedModel, toolCall } from '../../../src/agentao/index.js';
import { checkCustomerAnswer, checkOrderAnswer } from '../../../src/triage/crm/crm-answer-checks.js';
import { CrmMismatchError } from '../../../src/triage/crm/crm-client.js';
import { createHttpCrm } from '../../../src/triage/crm/http-crm.js';
import { loadDemoCrmData } from '../../../src/triage/crm/in-memory-crm.js';
import { triageTicket } from '../../../src/triage/pipeline.js';
import { ticket, triageDeps } from '../triage-fixtures.js';

const demo = loadDemoCrmData();
const customer = (email: string) => demo.customers.find((candidate) => candidate.email === email)!;
const order = (id: string) => demo.orders.find((candidate) => candidate.id === id)!;

/** What the stand-in answers, whatever was asked; counts the requests. */
let answers: { customer?: unknown; order?: unknown } = {};
let requests = 0;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    const body = request.url?.startsWith('/customers') ? answers.customer : answers.order;
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function deps(overrides: Parameters<typeof triageDeps>[0] = {}) {
  return triageDeps({ crm: createHttpCrm({ baseUrl }), ...overrides });
}

describe('a CRM that answers with another customer\'s profile', () => {
  it('drafts with the reason and `security` under the local model; the reply never greets Linus', async () => {
    answers = { customer: customer('linus@example.com') };
    requests = 0;
    const { outcome, outbox } = await triageTicket(ticket('I forgot my password'), deps());
    expect(requests).toBeGreaterThan(0);
    expect(outcome.decision).toBe('drafted');
    expect(outbox).toMatchObject({ kind: 'draft', public: false });
    expect(outcome.tags).toContain('security');
    expect(outcome.reasons.join('\n')).toMatch(/CRM's answer does not match the question: .*different email address/);
    expect(outcome.reply).not.toMatch(/Linus/);
    expect(outcome.steps.find((step) => step.tool === 'get_customer_profile')?.ok).toBe(false);
  });

  it('refuses the send of a model that greets the wrong customer anyway', async () => {
    answers = { customer: customer('linus@example.com') };
    const model = new ScriptedModel([
      { toolCalls: [toolCall('get_customer_profile', { email: 'ada@example.com' })] },
      { toolCalls: [toolCall('send_reply', { text: 'Hi Linus,\n\nTo reset your password, use Forgot password.', confidence: 1, intent: 'recover_password' })] },
      { content: 'done' },
    ]);
    const { outcome } = await triageTicket(ticket('I forgot my password'), deps({ model }));
    expect(outcome.decision).toBe('drafted');
    expect(outcome.tags).toContain('security');
    const send = outcome.steps.find((step) => step.tool === 'send_reply');
    expect(send?.permission).toBe('deny');
  });
});

describe('a CRM that answers with another customer\'s order', () => {
  it("an order of another customer, asked for by its own id, is never answered: drafted with `third-party-data`", async () => {
    answers = { customer: customer('ada@example.com'), order: { ...order('A2001'), id: 'A1001' } };
    const { outcome } = await triageTicket(ticket('Where is my order A1001? It has not arrived yet.'), deps());
    expect(outcome.decision).toBe('drafted');
    // The CRM answered correctly about a real order: not a CRM fault, but someone else's data.
    expect(outcome.tags).toContain('third-party-data');
    expect(outcome.tags).not.toContain('security');
    expect(outcome.reasons.join('\n')).toMatch(/order A1001 belongs to another customer/);
    expect(outcome.reply).not.toMatch(/processing/i);
  });

  it('another order than the one asked for is a mismatch', async () => {
    answers = { customer: customer('ada@example.com'), order: order('A1002') };
    const { outcome } = await triageTicket(ticket('Where is my order A1001? It has not arrived yet.'), deps());
    expect(outcome.decision).toBe('drafted');
    expect(outcome.tags).toContain('security');
    expect(outcome.reasons.join('\n')).toMatch(/lookup of order A1001 with a different order \(A1002\)/);
  });

  it('a consistent CRM still lets the order answer go out', async () => {
    answers = { customer: customer('ada@example.com'), order: order('A1001') };
    const { outcome } = await triageTicket(ticket('Where is my order A1001? It has not arrived yet.'), deps());
    expect(outcome.tags).not.toContain('security');
    expect(outcome.reply).toContain('A1001');
  });
});

describe('the answer checks', () => {
  it('accept the asked email in any case, and no profile at all', () => {
    expect(checkCustomerAnswer('Ada@Example.com', customer('ada@example.com'))?.name).toBe('Ada Lovelace');
    expect(checkCustomerAnswer('ada@example.com', null)).toBeNull();
  });

  it('refuse another email, another order id and another owner, never retryable', () => {
    for (const check of [
      () => checkCustomerAnswer('ada@example.com', customer('linus@example.com')),
      () => checkOrderAnswer('A1001', order('A1002'), 'ada@example.com'),
      () => checkOrderAnswer('A2001', order('A2001'), 'ada@example.com'),
    ]) {
      const error = (() => {
        try {
          check();
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CrmMismatchError);
      expect(error).toMatchObject({ isRetryable: false });
      expect((error as Error).message).not.toMatch(/@/);
    }
  });
});
