/**
 * A triage thread builds its remote model client from the settings (TRIAGE_MODEL=openai here,
 * against a local server that speaks the wire format), and an abort reaches that client's request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/service/config.js';
import { TriageInterruptedError } from '../../../src/service/errors.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { getDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { listRuns } from '../../../src/service/store/repositories/run-repository.js';
import { createTriageRuntime, type TriageRuntime } from '../../../src/service/triage-runtime.js';
import type { Ticket } from '../../../src/triage/types.js';
import { startFakeProviderServer, type FakeProviderServer } from '../../agentao/models/fake-provider-server.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { TEST_OUTBOX_KEY } from '../support/test-outbox-key.js';
import { openaiToolCallsResponse } from '../support/openai-tool-calls.js';

const REPLY = 'Hi Ada,\n\nYou can reset your password from the sign-in page: press Forgot password and follow the link we email you.\n\nBest regards,\nThe Northwind Support Team';

function ticket(id: string, body: string): Ticket {
  return { id, source: 'cli', customerEmail: 'ada@example.com', body, receivedAt: '2026-12-03T10:00:00.000Z' };
}

describe('a triage thread on a remote model', () => {
  let server: FakeProviderServer;
  let location: TestStoreLocation;
  let runtime: TriageRuntime;

  beforeAll(async () => {
    server = await startFakeProviderServer([
      openaiToolCallsResponse([
        { id: 'call_1', name: 'get_customer_profile', args: { email: 'ada@example.com' } },
        { id: 'call_2', name: 'search_kb', args: { query: 'reset forgotten password' } },
      ]),
      openaiToolCallsResponse([{ id: 'call_3', name: 'send_reply', args: { text: REPLY, confidence: 0.96, intent: 'recover_password' } }]),
      { body: { id: 'chatcmpl-final', object: 'chat.completion', created: 1764331201, model: 'gpt-thread', choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'sent' } }] } },
      { behaviour: 'hang' },
    ]);
    location = createTestStoreLocation('sqlite');
    const config = loadConfig({
      TRIAGE_MODEL: 'openai',
      OPENAI_BASE_URL: server.baseURL,
      OPENAI_API_KEY: 'sk-thread-test',
      OPENAI_MODEL: 'gpt-thread',
      LLM_MAX_RETRIES: '0',
      OUTBOX_ENCRYPTION_KEY: TEST_OUTBOX_KEY,
    });
    runtime = await createTriageRuntime(config, { databaseUrl: location.databaseUrl, triageThreads: 1 });
  });

  afterAll(async () => {
    await runtime?.close();
    await server?.close();
    await location?.destroy();
  });

  it('calls the configured server from the thread and stores the decision on the main thread', async () => {
    expect(runtime.executor.kind).toBe('threads');
    const { outcome } = await processTicket(runtime, ticket('T-remote-1', 'I forgot my password'));
    expect(outcome).toMatchObject({ decision: 'sent', intent: 'recover_password', reply: REPLY });
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-thread-test');
    expect(server.requests[0]!.body.model).toBe('gpt-thread');
    expect(await getDecision(runtime.store.db, 'T-remote-1')).toMatchObject({ decision: 'sent' });
  });

  it('aborts the request in flight when the caller aborts: released, not decided', async () => {
    const controller = new AbortController();
    const processing = processTicket(runtime, ticket('T-remote-2', 'I forgot my password'), { signal: controller.signal });
    await server.waitForRequests(4);
    controller.abort(new Error('shutting down'));
    await expect(processing).rejects.toBeInstanceOf(TriageInterruptedError);
    expect((await listRuns(runtime.store.db, 'T-remote-2')).map((run) => run.status)).toEqual(['released']);
    expect(await getDecision(runtime.store.db, 'T-remote-2')).toBeNull();
  });
});
