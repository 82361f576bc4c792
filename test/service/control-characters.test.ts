/**
 * NUL and other control characters are refused at intake with a 400 that says why (never a 503
 * "retry later" for a ticket that can never be stored), on SQLite and PostgreSQL, and exit 2 in
 * the CLI; a header value fetch cannot send is a permanent delivery error, not a network one.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { buildApp } from '../../src/service/app.js';
import { createGenericConnector, createIntercomConnector, createZendeskConnector } from '../../src/service/connectors/index.js';
import { ConnectorRequestError } from '../../src/service/connectors/errors.js';
import { InputError } from '../../src/service/errors.js';
import { validateTicketInput } from '../../src/service/ticket-input.js';
import { startStandInServer } from './connectors/stand-in-server.js';
import { createTestServices } from './support/test-services.js';

const GENERIC_SECRET = 'generic-secret-for-tests';

describe('validateTicketInput', () => {
  it.each([
    ['NUL', 'Hello\u0000world'],
    ['BEL', 'ring \u0007'],
    ['vertical tab', 'a\u000Bb'],
    ['escape', '\u001B[31mred'],
    ['DEL', 'a\u007Fb'],
    ['C1 NEL', 'a\u0085b'],
  ])('refuses %s in the text with control_characters', (_name, text) => {
    const error = captureError(() => validateTicketInput({ text }));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'control_characters', statusCode: 400 });
    expect((error as Error).message).toMatch(/ticket text contains the control character U\+00[0-9A-F]{2} at character \d+/);
  });

  it('refuses a control character in the subject and names it', () => {
    expect(() => validateTicketInput({ text: 'hello', subject: 'Order\u0000' })).toThrow(/subject contains the control character U\+0000 at character 6/);
  });

  it('keeps tabs, line feeds and carriage returns, which tickets do carry', () => {
    expect(validateTicketInput({ text: 'line one\r\n\tline two\rthree' }).text).toBe('line one\n\tline two\rthree');
  });
});

describe('the CLI', () => {
  const folder = mkdtempSync(join(tmpdir(), 'triage-control-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('exits 2 with one line naming the control character', async () => {
    let stderr = '';
    const code = await runCli(['I forgot my password\u0000'], {
      stdout: () => undefined,
      stderr: (text) => (stderr += text),
      readStdin: () => new Uint8Array(),
      stderrIsTty: false,
      environment: { DATABASE_URL: `sqlite:${join(folder, 'triage.db')}` },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^triage: the ticket text contains the control character U\+0000 at character 21;.*\n$/);
  });
});

describe.each(['sqlite', 'postgres'] as const)('webhooks on %s', (dialect) => {
  it('a generic ticket with NUL in its body or subject is a 400, and nothing is stored', async () => {
    const services = await createTestServices({
      dialect,
      connectors: { generic: createGenericConnector({ webhookSecret: GENERIC_SECRET, replyUrl: 'http://127.0.0.1:9/reply' }) },
    });
    const app = await buildApp(services);
    try {
      for (const [id, fields] of [
        ['NUL-1', { body: 'I forgot my password\u0000' }],
        ['NUL-2', { subject: 'Login\u0000', body: 'I forgot my password' }],
        ['NUL\u0000-3', { body: 'I forgot my password' }],
      ] as const) {
        const body = JSON.stringify({ id, customer_email: 'ada@example.com', subject: 'Login', ...fields });
        const response = await app.inject({
          method: 'POST',
          url: '/webhooks/generic',
          payload: body,
          headers: { 'content-type': 'application/json', 'x-signature': `sha256=${createHmac('sha256', GENERIC_SECRET).update(body).digest('hex')}` },
        });
        expect(response.statusCode).toBe(400);
        expect(response.json().error.code).toBe('control_characters');
        expect(response.json().error.message).toMatch(/contains the control character U\+0000/);
      }
      expect(await services.runtime.store.db.selectFrom('tickets').select('id').execute()).toEqual([]);
      const jobs = await services.runtime.store.db.selectFrom('jobs').select('ticket_id').execute();
      expect(jobs).toEqual([]);
      expect(await services.metrics.registry.getSingleMetricAsString('triage_webhooks_rejected_total')).toMatch(/code="control_characters"[^\n]* 3/);
    } finally {
      await app.close();
      await services.cleanup();
    }
  });
});

describe('provider webhooks with control characters', () => {
  it('Zendesk and Intercom tickets with NUL are a 400 as well', async () => {
    const zendeskSecret = 'zendesk-secret';
    const intercomSecret = 'intercom-secret';
    const services = await createTestServices({
      connectors: {
        zendesk: createZendeskConnector({ baseUrl: 'http://127.0.0.1:9', email: 'bot@northwind.example', apiToken: 't', webhookSecret: zendeskSecret }),
        intercom: createIntercomConnector({ baseUrl: 'http://127.0.0.1:9', accessToken: 't', clientSecret: intercomSecret, adminId: '1' }),
      },
    });
    const app = await buildApp(services);
    try {
      const zendesk = withNul(fixture('zendesk-trigger-ticket-created.json'));
      const timestamp = new Date().toISOString();
      const zendeskResponse = await app.inject({
        method: 'POST',
        url: '/webhooks/zendesk',
        payload: zendesk,
        headers: {
          'content-type': 'application/json',
          'x-zendesk-webhook-signature-timestamp': timestamp,
          'x-zendesk-webhook-signature': createHmac('sha256', zendeskSecret).update(timestamp + zendesk).digest('base64'),
        },
      });
      expect(zendeskResponse.statusCode).toBe(400);
      expect(zendeskResponse.json().error.code).toBe('control_characters');

      const intercom = withNul(fixture('intercom-conversation-user-created.json'));
      const intercomResponse = await app.inject({
        method: 'POST',
        url: '/webhooks/intercom',
        payload: intercom,
        headers: { 'content-type': 'application/json', 'x-hub-signature': `sha1=${createHmac('sha1', intercomSecret).update(intercom).digest('hex')}` },
      });
      expect(intercomResponse.statusCode).toBe(400);
      expect(intercomResponse.json().error.code).toBe('control_characters');
    } finally {
      await app.close();
      await services.cleanup();
    }
  });
});

describe('a header value fetch cannot send', () => {
  it('is a permanent ConnectorRequestError, and nothing reaches the helpdesk', async () => {
    const server = await startStandInServer(() => ({ status: 200, json: { id: 'r-1' } }));
    try {
      const connector = createGenericConnector({ webhookSecret: GENERIC_SECRET, replyUrl: `${server.baseUrl}/reply` });
      const ticket = {
        id: 'generic:G-\u0000',
        source: 'generic' as const,
        externalId: 'G-\u0000',
        customerEmail: 'ada@example.com',
        body: 'I forgot my password',
        receivedAt: '2026-12-03T10:00:00.000Z',
      };
      const error = await connector.postReply({ ticket, text: 'Hi Ada,', idempotencyKey: 'generic:G-\u0000:send' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConnectorRequestError);
      expect(error).toMatchObject({ isRetryable: false });
      expect((error as Error).message).toMatch(/header "idempotency-key" is not a valid HTTP header value/);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it.each([
    ['a line break (header injection)', 'generic:G-1\r\nX-Injected: 1:send', false],
    ['a character above U+00FF', 'generic:G-\u0100:send', false],
    ['Latin-1 letters', 'generic:G-caf\u00e9:send', true],
  ])('an idempotency key with %s: sendable %s', async (_what, idempotencyKey, sendable) => {
    const server = await startStandInServer(() => ({ status: 200, json: { id: 'r-1' } }));
    try {
      const connector = createGenericConnector({ webhookSecret: GENERIC_SECRET, replyUrl: `${server.baseUrl}/reply` });
      const ticket = { id: 'generic:G-1', source: 'generic' as const, externalId: 'G-1', customerEmail: 'ada@example.com', body: 'hi', receivedAt: '2026-12-03T10:00:00.000Z' };
      const outcome = await connector.postReply({ ticket, text: 'Hi Ada,', idempotencyKey }).then(
        () => 'sent',
        (error: unknown) => error,
      );
      if (sendable) {
        expect(outcome).toBe('sent');
        expect(server.requests).toHaveLength(1);
      } else {
        expect(outcome).toMatchObject({ isRetryable: false, message: expect.stringMatching(/header "idempotency-key" is not a valid HTTP header value/) });
        expect(server.requests).toHaveLength(0);
      }
    } finally {
      await server.close();
    }
  });
});

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/connectors/${name}`, import.meta.url), 'utf8');
}

/** The first "body" string value of a provider's payload, with a NUL (as JSON's \u0000) added. */
function withNul(json: string): string {
  const payload = JSON.parse(json) as unknown;
  let done = false;
  const visit = (value: unknown): unknown => {
    if (done || value === null || typeof value !== 'object') return value;
    for (const [key, item] of Object.entries(value)) {
      if (!done && (key === 'body' || key === 'description') && typeof item === 'string' && item.length > 0) {
        (value as Record<string, unknown>)[key] = `${item}\u0000`;
        done = true;
      } else {
        visit(item);
      }
    }
    return value;
  };
  visit(payload);
  if (!done) throw new Error('no body field in the fixture');
  return JSON.stringify(payload);
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
