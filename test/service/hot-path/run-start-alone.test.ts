import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import type { StoreHandle } from '../../../src/service/store/database.js';
import { saveDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { getTicket, insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { listRuns, startRun } from '../../../src/service/store/repositories/run-repository.js';
import { beginTicketRunAlone } from '../../../src/service/ticket-run-start.js';
import { createTestStoreLocation, type TestStoreLocation } from '../queue/support/test-stores.js';

let serial = 0;
function ticket(prefix: string) {
  serial += 1;
  return { id: `${prefix}-${serial}-${Date.now()}`, source: 'generic' as const, customerEmail: 'ada@example.com', body: 'I forgot my password', receivedAt: new Date().toISOString() };
}

describe.each(['sqlite', 'postgres'] as const)('beginTicketRunAlone on %s', (dialect) => {
  let location: TestStoreLocation;
  let store: StoreHandle;

  beforeAll(async () => {
    location = createTestStoreLocation(dialect);
    store = await location.openMigrated();
  });
  afterAll(async () => {
    await store.db.destroy();
    await location.destroy();
  });

  const start = (ticketId: string, firstAttempt: boolean) =>
    beginTicketRunAlone(store, { ticketId, model: 'local', stopAtPendingEnrichment: true, firstAttempt });

  it('starts the first run of a queued ticket and marks it running, the ticket returned as read', async () => {
    const { ticket: stored } = await insertTicketIfAbsent(store.db, ticket('first'));
    const counter = startStatementCounter();
    let begun;
    try {
      begun = await start(stored.id, true);
    } finally {
      counter.stop();
    }
    expect(begun.kind).toBe('started');
    if (begun.kind !== 'started') return;
    expect(begun.ticket).toEqual(stored);
    expect(begun.run).toMatchObject({ ticketId: stored.id, attempt: 1, status: 'running', model: 'local' });
    expect(await listRuns(store.db, stored.id)).toEqual([begun.run]);
    expect((await getTicket(store.db, stored.id))?.status).toBe('running');
    // PostgreSQL: one round trip, where BEGIN, three statements and COMMIT took five.
    if (dialect === 'postgres') expect(counter.postgres).toEqual({ statements: 1, commits: 1 });
  });

  it('fails the run an earlier attempt left running, and counts it, on a later attempt', async () => {
    const { ticket: stored } = await insertTicketIfAbsent(store.db, ticket('retry'));
    const crashed = await startRun(store.db, { ticketId: stored.id, model: 'local' });
    const begun = await start(stored.id, false);
    expect(begun.kind === 'started' && begun.run.attempt).toBe(2);
    const runs = await listRuns(store.db, stored.id);
    expect(runs.map((run) => [run.id === crashed.id ? 'crashed' : 'new', run.status])).toEqual([
      ['crashed', 'failed'],
      ['new', 'running'],
    ]);
    expect(runs[0]?.error).toMatch(/abandoned/);
  });

  it('leaves runs alone on the first claim of a queued ticket', async () => {
    const { ticket: stored } = await insertTicketIfAbsent(store.db, ticket('claim'));
    const other = await startRun(store.db, { ticketId: stored.id, model: 'local' });
    // startRun does not touch the status: the ticket is still queued, as on a first claim.
    await start(stored.id, true);
    expect((await listRuns(store.db, stored.id)).find((run) => run.id === other.id)?.status).toBe('running');
  });

  it('starts nothing for a missing ticket, one waiting for its helpdesk details, or a decided one', async () => {
    expect(await start('no-such-ticket', true)).toEqual({ kind: 'missing' });

    const { ticket: pending } = await insertTicketIfAbsent(store.db, ticket('pending'), { conversationId: 'c-1' });
    const waiting = await start(pending.id, true);
    expect(waiting.kind).toBe('pending-enrichment');
    expect(await listRuns(store.db, pending.id)).toEqual([]);
    expect((await getTicket(store.db, pending.id))?.status).toBe('queued');

    const { ticket: decided } = await insertTicketIfAbsent(store.db, ticket('decided'));
    const run = await startRun(store.db, { ticketId: decided.id, model: 'local' });
    await saveDecision(store.db, {
      ticketId: decided.id, runId: run.id, decision: 'sent', confidence: 0.95, intent: 'recover_password', tags: [], reply: 'Hi', steps: [], reasons: [],
    });
    const again = await start(decided.id, false);
    expect(again.kind === 'decided' && again.outcome.decision).toBe('sent');
    expect((await listRuns(store.db, decided.id)).map((stored) => stored.status)).toEqual(['running']);
  });
});
