/**
 * A worker as `triage worker` builds it (runtime, queue, dispatcher, failure handler), with test
 * knobs: a stand-in helpdesk behind the generic connector, short backoffs, a recording logger.
 */
import { createGenericConnector } from '../../../../src/service/connectors/generic/generic-connector.js';
import { loadConfig } from '../../../../src/service/config.js';
import { createOutboxDispatcher, type OutboxDispatcher } from '../../../../src/service/outbox/outbox-dispatcher.js';
import { scrubTicket } from '../../../../src/triage/scrubber.js';
import { createJobQueue } from '../../../../src/service/queue/create-job-queue.js';
import type { JobQueue, RetryPolicy } from '../../../../src/service/queue/job-queue.js';
import type { Logger } from '../../../../src/service/queue/logger.js';
import { insertTicketIfAbsent } from '../../../../src/service/store/repositories/ticket-repository.js';
import { createTriageRuntime, type TriageRuntime } from '../../../../src/service/triage-runtime.js';
import { createFailedJobHandler, createWorker, type Worker, type WorkerOptions } from '../../../../src/service/worker/worker.js';
import type { Ticket } from '../../../../src/triage/types.js';
import type { TestStoreLocation } from '../../queue/support/test-stores.js';
import { TEST_OUTBOX_KEY } from '../../support/test-outbox-key.js';

export type QueueKind = JobQueue['kind'];

export function openRuntime(location: TestStoreLocation): Promise<TriageRuntime> {
  return createTriageRuntime(loadConfig({ OUTBOX_ENCRYPTION_KEY: TEST_OUTBOX_KEY }), {
    databaseUrl: location.databaseUrl,
    ...(location.schema ? { schema: location.schema } : {}),
  });
}

export interface WorkerStack {
  runtime: TriageRuntime;
  queue: JobQueue;
  dispatcher: OutboxDispatcher;
  worker: Worker;
}

export interface WorkerStackOptions {
  runtime: TriageRuntime;
  location: TestStoreLocation;
  kind: QueueKind;
  queueName: string;
  replyUrl: string;
  logger: Logger;
  concurrency: number;
  retry?: Partial<RetryPolicy>;
  processTicket?: WorkerOptions['processTicket'];
  sweepIntervalMs?: number;
  /** How often an idle queue looks for jobs (default 20 ms; pg-boss 500 ms). */
  pollIntervalMs?: number;
  start?: boolean;
}

export async function createWorkerStack(options: WorkerStackOptions): Promise<WorkerStack> {
  const { runtime, logger } = options;
  const generic = createGenericConnector({ webhookSecret: 'test-secret', replyUrl: options.replyUrl, timeoutMs: 5_000 });
  const dispatcher = createOutboxDispatcher({
    db: runtime.store.db,
    store: runtime.store,
    connectors: { generic },
    logger,
    backoff: { backoffBaseMs: 10, backoffMaxMs: 100 },
    cipher: runtime.outboxCipher,
  });
  const queue = await createJobQueue({
    store: runtime.store,
    databaseUrl: options.location.databaseUrl,
    kind: options.kind,
    queueName: options.queueName,
    onFailed: createFailedJobHandler({ runtime, dispatcher, logger }),
    logger,
    retry: options.retry ?? { backoffBaseMs: options.kind === 'pg-boss' ? 1_000 : 10, backoffMaxMs: 2_000 },
    pollIntervalMs: options.pollIntervalMs ?? 20,
    pollingIntervalSeconds: Math.max(0.5, (options.pollIntervalMs ?? 500) / 1000),
    ...(options.location.bossSchema ? { pgBossSchema: options.location.bossSchema } : {}),
  });
  const worker = createWorker({
    runtime,
    queue,
    dispatcher,
    concurrency: options.concurrency,
    logger,
    sweepIntervalMs: options.sweepIntervalMs ?? 0,
    ...(options.processTicket ? { processTicket: options.processTicket } : {}),
  });
  if (options.start !== false) await worker.start();
  return { runtime, queue, dispatcher, worker };
}

/** What the webhook route does: store the ticket and enqueue its job in one transaction. */
export async function acceptTicket(runtime: TriageRuntime, queue: JobQueue, ticket: Ticket): Promise<boolean> {
  return runtime.store.db.transaction().execute(async (transaction) => {
    const { inserted, ticket: stored } = await insertTicketIfAbsent(transaction, scrubTicket(ticket));
    if (!inserted) return false;
    return queue.enqueue({ ticketId: stored.id }, { transaction });
  });
}

const BODIES = [
  'Where is my order A1001? It has not arrived yet.',
  'How do I reset my password? I cannot log in.',
  'I want to cancel my subscription, it is too expensive.',
  'Can I get a copy of my invoice for last month?',
  'What is your refund policy for damaged items?',
];

export function genericTicket(externalId: string, index = 0): Ticket {
  return {
    id: `generic:${externalId}`,
    source: 'generic',
    externalId,
    customerEmail: index % 3 === 2 ? 'linus@example.com' : 'ada@example.com',
    subject: 'Help',
    body: BODIES[index % BODIES.length]!,
    receivedAt: new Date().toISOString(),
  };
}
