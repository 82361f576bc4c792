/**
 * The service as `triage serve` wires it for the delivery tests: SQLite in a temp folder (or
 * PostgreSQL in a schema of its own), the reviewer API through inject(), the generic connector
 * posting to a stand-in helpdesk, and an outbox dispatcher with the runtime's key whose give-ups
 * are counted in /metrics.
 */
import { buildApp, type TriageApp } from '../../../../src/service/app.js';
import { createGenericConnector } from '../../../../src/service/connectors/generic/generic-connector.js';
import type { ChatModel } from '../../../../src/agentao/index.js';
import { createOutboxDispatcher, type OutboxDispatcher, type OutboxDispatcherOptions } from '../../../../src/service/outbox/outbox-dispatcher.js';
import { createTestServices, TEST_REVIEWER_TOKEN, type TestServices } from '../../support/test-services.js';
import { startStandInHelpdesk, type StandInHelpdesk } from './stand-in-helpdesk.js';

export const auth = { authorization: `Bearer ${TEST_REVIEWER_TOKEN}` };

export interface DeliveryStack {
  services: TestServices;
  app: TriageApp;
  helpdesk: StandInHelpdesk;
  dispatcher: OutboxDispatcher;
  /** A dispatcher as another process (or a restarted one) would build it. */
  newDispatcher(options?: Partial<OutboxDispatcherOptions>): OutboxDispatcher;
  close(): Promise<void>;
}

export async function startDeliveryStack(
  options: { model?: ChatModel; maxAttempts?: number; dialect?: 'sqlite' | 'postgres' } = {},
): Promise<DeliveryStack> {
  const helpdesk = await startStandInHelpdesk();
  const generic = createGenericConnector({ webhookSecret: 'test-secret', replyUrl: helpdesk.replyUrl, timeoutMs: 5_000 });
  const services = await createTestServices({
    connectors: { generic },
    ...(options.dialect ? { dialect: options.dialect } : {}),
    ...(options.model ? { overrides: { model: options.model } } : {}),
  });
  const newDispatcher = (overrides: Partial<OutboxDispatcherOptions> = {}) =>
    createOutboxDispatcher({
      db: services.runtime.store.db,
      connectors: { generic },
      cipher: services.runtime.outboxCipher,
      backoff: { backoffBaseMs: 0, backoffMaxMs: 0 },
      maxAttempts: options.maxAttempts ?? 3,
      onGiveUp: (entry) => services.metrics.outboxDeliveriesFailed.inc({ kind: entry.kind }),
      ...overrides,
    });
  const dispatcher = newDispatcher();
  services.dispatch = async (ticketId) => {
    await dispatcher.dispatch(ticketId);
  };
  const app = await buildApp(services);
  return {
    services,
    app,
    helpdesk,
    dispatcher,
    newDispatcher,
    async close() {
      await app.close();
      await services.cleanup();
      await helpdesk.close();
    },
  };
}
