/**
 * An interrupted run is not a decision. A shutdown past its grace period (or an expired lease or
 * job) aborts the model call; the ticket must go back to the queue with its run marked `released`,
 * never become a stored draft saying "the agent stopped (aborted)". Once on each queue: the
 * jobs-table queue on SQLite and pg-boss on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatModel, ChatRequest } from '../../../src/agentao/index.js';
import { loadConfig } from '../../../src/service/config.js';
import { TriageInterruptedError } from '../../../src/service/errors.js';
import { createChatModel } from '../../../src/service/model-factory.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { getDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { listRuns } from '../../../src/service/store/repositories/run-repository.js';
import { getTicket, insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { createTriageRuntime, type TriageRuntime } from '../../../src/service/triage-runtime.js';
import { loadDefaultIntentClassifier } from '../../../src/triage/local-model/intent-classifier.js';
import { startStandInHelpdesk, type StandInHelpdesk } from '../outbox/support/stand-in-helpdesk.js';
import { deferred } from '../queue/support/deferred.js';
import { createRecordingLogger } from '../queue/support/recording-logger.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { acceptTicket, createWorkerStack, genericTicket, type QueueKind } from './support/worker-stack.js';
import { TEST_OUTBOX_KEY } from '../support/test-outbox-key.js';

/** The offline model, except that its first call waits until the run is aborted. */
function modelThatHangsOnce(): { model: ChatModel; firstCall: Promise<void>; calls: () => number } {
  const inner = createChatModel(loadConfig({}), loadDefaultIntentClassifier());
  const firstCall = deferred<void>();
  let calls = 0;
  const model: ChatModel = {
    provider: inner.provider,
    modelId: inner.modelId,
    async generate(request: ChatRequest) {
      calls += 1;
      if (calls === 1) {
        firstCall.resolve();
        await new Promise<never>((_resolve, reject) => {
          request.signal?.addEventListener('abort', () => reject(request.signal?.reason), { once: true });
        });
      }
      return inner.generate(request);
    },
  };
  return { model, firstCall: firstCall.promise, calls: () => calls };
}

async function openRuntime(location: TestStoreLocation, model: ChatModel): Promise<TriageRuntime> {
  return createTriageRuntime(loadConfig({}), {
    databaseUrl: location.databaseUrl,
    outboxKey: Buffer.from(TEST_OUTBOX_KEY, 'base64'),
    ...(location.schema ? { schema: location.schema } : {}),
    model,
  });
}

describe('processTicket with an aborted run', () => {
  let location: TestStoreLocation | undefined;
  let runtime: TriageRuntime | undefined;
  afterEach(async () => {
    await runtime?.close();
    await location?.destroy();
  });

  it('stores no decision, marks the run released and puts the ticket back to queued', async () => {
    location = createTestStoreLocation('sqlite');
    const hanging = modelThatHangsOnce();
    runtime = await openRuntime(location, hanging.model);
    const ticket = genericTicket('aborted-run');
    await insertTicketIfAbsent(runtime.store.db, ticket);
    const controller = new AbortController();
    const processing = processTicket(runtime, ticket, { signal: controller.signal });
    await hanging.firstCall;
    controller.abort(new Error('the job expired'));

    const error = await processing.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TriageInterruptedError);
    expect(await getDecision(runtime.store.db, ticket.id)).toBeNull();
    expect((await getTicket(runtime.store.db, ticket.id))?.status).toBe('queued');
    const runs = await listRuns(runtime.store.db, ticket.id);
    expect(runs.map((run) => run.status)).toEqual(['released']);
    expect(runs[0]?.error).toMatch(/released for a retry: the job expired/);

    // The next attempt decides for real.
    const processed = await processTicket(runtime, ticket);
    expect(processed.outcome.reasons.join(' ')).not.toMatch(/aborted/);
    expect((await listRuns(runtime.store.db, ticket.id)).map((run) => run.status)).toEqual(['released', 'succeeded']);
  });
});

const cases: { name: string; dialect: 'sqlite' | 'postgres'; kind: QueueKind }[] = [
  { name: 'jobs-table queue on SQLite', dialect: 'sqlite', kind: 'sqlite' },
  { name: 'pg-boss on PostgreSQL', dialect: 'postgres', kind: 'pg-boss' },
];

describe.each(cases)('shutdown releases an in-flight LLM ticket ($name)', ({ dialect, kind }) => {
  let location: TestStoreLocation;
  let helpdesk: StandInHelpdesk;
  const runtimes: TriageRuntime[] = [];

  afterEach(async () => {
    for (const runtime of runtimes.splice(0)) await runtime.close();
    await helpdesk?.close();
    await location?.destroy();
  });

  it('aborts the run after the grace period, keeps the job, and the next worker decides it once', async () => {
    location = createTestStoreLocation(dialect);
    helpdesk = await startStandInHelpdesk();
    const queueName = `release-${randomBytes(4).toString('hex')}`;
    const hanging = modelThatHangsOnce();
    const first = await openRuntime(location, hanging.model);
    runtimes.push(first);
    const logger = createRecordingLogger();
    const stackOptions = { location, kind, queueName, replyUrl: helpdesk.replyUrl, logger, concurrency: 1 };
    const stack = await createWorkerStack({ ...stackOptions, runtime: first });
    const ticket = genericTicket(queueName, 1);
    expect(await acceptTicket(first, stack.queue, ticket)).toBe(true);
    await hanging.firstCall;

    // A grace period shorter than the hanging call: the run is aborted, as on SIGTERM.
    await stack.worker.stop({ timeoutMs: 50 });
    expect(await getDecision(first.store.db, ticket.id)).toBeNull();
    expect((await getTicket(first.store.db, ticket.id))?.status).toBe('queued');
    expect((await listRuns(first.store.db, ticket.id)).map((run) => run.status)).toEqual(['released']);
    expect(helpdesk.requests).toEqual([]);

    // A fresh worker (the restarted process) picks the job up as the same attempt and decides it.
    const second = await openRuntime(location, createChatModel(loadConfig({}), loadDefaultIntentClassifier()));
    runtimes.push(second);
    const attempts: number[] = [];
    const restarted = await createWorkerStack({
      ...stackOptions,
      runtime: second,
      processTicket: (runtime, input, options) => {
        attempts.push(options?.attempt ?? 0);
        return processTicket(runtime, input, options);
      },
    });
    try {
      await vi.waitFor(async () => expect(await getDecision(second.store.db, ticket.id)).not.toBeNull(), { timeout: 20_000, interval: 100 });
      const decision = await getDecision(second.store.db, ticket.id);
      expect(decision?.reasons.join(' ')).not.toMatch(/aborted/);
      expect((await listRuns(second.store.db, ticket.id)).map((run) => run.status)).toEqual(['released', 'succeeded']);
      // Released, not failed: the interrupted run did not use up an attempt.
      expect(attempts).toEqual([1]);
    } finally {
      await restarted.worker.stop({ timeoutMs: 5_000 });
    }
  });
});
