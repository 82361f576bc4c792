/**
 * What a queued ticket costs the database in the worker (claim, triage storage, delivery, settle),
 * counted at the drivers (bench/statement-counter.ts), not timed: a change that adds statements,
 * commits or round trips to the hot path fails here. Concurrency 1, so the counts are the path's own.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import type { TriageRuntime } from '../../../src/service/triage-runtime.js';
import { startStandInHelpdesk, type StandInHelpdesk } from '../outbox/support/stand-in-helpdesk.js';
import { createRecordingLogger } from '../queue/support/recording-logger.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { acceptTicket, createWorkerStack, genericTicket, openRuntime, type QueueKind } from '../worker/support/worker-stack.js';

const TICKETS = 8;

/**
 * Per ticket, measured 2026-12-03: SQLite 23 statements (2 or 3 of them the triage's CRM reads) and 3
 * commits (claim + run start; decision + audit + outbox + job end + delivery lease; delivered),
 * was 35 and 6; PostgreSQL 24 round trips and 5 commits (pg-boss's fetch and its own complete after
 * ours included), was 36 and 7. The budgets leave room for what is not per ticket (the empty
 * claim after the last job, pg-boss's timers), not for one more statement per ticket.
 */
const variants: { name: string; dialect: 'sqlite' | 'postgres'; kind: QueueKind; statements: number; commits: number }[] = [
  { name: 'SQLite with the jobs-table queue', dialect: 'sqlite', kind: 'sqlite', statements: 23.9, commits: 3.4 },
  { name: 'PostgreSQL with pg-boss', dialect: 'postgres', kind: 'pg-boss', statements: 24.6, commits: 5.4 },
];

describe.each(variants)('statements per ticket on $name', ({ dialect, kind, statements, commits }) => {
  let location: TestStoreLocation;
  let runtime: TriageRuntime;
  let helpdesk: StandInHelpdesk;

  beforeAll(async () => {
    helpdesk = await startStandInHelpdesk();
    location = createTestStoreLocation(dialect);
    runtime = await openRuntime(location);
  });

  afterAll(async () => {
    await runtime.close();
    await location.destroy();
    await helpdesk.close();
  });

  it('stays within its statement and commit budget per ticket', async () => {
    const stack = await createWorkerStack({
      runtime,
      location,
      kind,
      replyUrl: helpdesk.replyUrl,
      queueName: `count-${randomBytes(4).toString('hex')}`,
      logger: createRecordingLogger(),
      concurrency: 1,
      // Only the queue's own wake-ups (an enqueue, a finished job) claim: no idle polls in the counts.
      pollIntervalMs: 60_000,
      start: false,
    });
    const prefix = `count-${randomBytes(4).toString('hex')}`;
    for (let index = 0; index < TICKETS; index += 1) await acceptTicket(runtime, stack.queue, genericTicket(`${prefix}-${index}`, index));
    const counter = startStatementCounter();
    try {
      await stack.worker.start();
      await vi.waitFor(() => expect(helpdesk.requests.filter((request) => String(request.body.ticketId).includes(prefix))).toHaveLength(TICKETS), { timeout: 60_000, interval: 50 });
      await stack.worker.stop({ timeoutMs: 30_000 });
    } finally {
      counter.stop();
    }
    const counts = dialect === 'sqlite' ? counter.sqlite : counter.postgres;
    expect(counts.statements / TICKETS).toBeLessThanOrEqual(statements);
    expect(counts.commits / TICKETS).toBeLessThanOrEqual(commits);
  }, 120_000);
});
