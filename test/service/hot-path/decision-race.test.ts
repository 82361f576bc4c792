/**
 * Two attempts of one ticket that both started (the first lost its lease mid-run, say): the one
 * that stores its decision first wins; the other finds the decision's unique key taken, stores
 * nothing of its own (no audit events, no outbox entry), closes its run and returns the stored
 * outcome. Once per dialect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTicket } from '../../../src/service/process-ticket.js';
import { scrubTicket } from '../../../src/triage/scrubber.js';
import { listAuditEvents } from '../../../src/service/store/repositories/audit-repository.js';
import { getOutboxForTicket } from '../../../src/service/store/repositories/outbox-repository.js';
import { listRuns } from '../../../src/service/store/repositories/run-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { beginTicketRun, type StartedTicketRun } from '../../../src/service/ticket-run-start.js';
import type { TriageRuntime } from '../../../src/service/triage-runtime.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';
import { genericTicket, openRuntime } from '../worker/support/worker-stack.js';

describe.each(['sqlite', 'postgres'] as const)('two attempts of one ticket on %s', (dialect) => {
  let location: TestStoreLocation;
  let runtime: TriageRuntime;

  beforeAll(async () => {
    location = createTestStoreLocation(dialect);
    runtime = await openRuntime(location);
  });

  afterAll(async () => {
    await runtime.close();
    await location.destroy();
  });

  it('keeps the first decision and stores nothing of the second attempt', async () => {
    const ticket = genericTicket(`race-${dialect}`, 1);
    const { db } = runtime.store;
    await insertTicketIfAbsent(db, scrubTicket(ticket));
    const begin = async (): Promise<StartedTicketRun> => {
      const start = await db.transaction().execute((transaction) => beginTicketRun(transaction, { ticketId: ticket.id, model: 'local' }));
      if (start.kind !== 'started') throw new Error(`expected a started run, got ${start.kind}`);
      return start;
    };
    const first = await begin();
    const second = await begin();
    const winner = await processTicket(runtime, ticket, { started: first });
    const eventsAfterWinner = (await listAuditEvents(db, ticket.id)).length;
    const loser = await processTicket(runtime, ticket, { started: second });

    expect(winner.duplicate).toBe(false);
    expect(loser).toMatchObject({ duplicate: true, outcome: { runId: first.run.id, decision: winner.outcome.decision } });
    expect(await listAuditEvents(db, ticket.id)).toHaveLength(eventsAfterWinner);
    expect(await getOutboxForTicket(db, ticket.id)).toHaveLength(1);
    const runs = await listRuns(db, ticket.id);
    expect(runs.map((run) => [run.id, run.status])).toEqual([
      [first.run.id, 'succeeded'],
      [second.run.id, 'succeeded'],
    ]);
  });
});
