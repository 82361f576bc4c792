/**
 * A ticket's decision on PostgreSQL as one statement (src/service/store/repositories/decision-statement.ts):
 * it stores what the transaction it replaced stores, in one round trip; all or nothing; an entry
 * already under the key is kept; and an audit event appended by someone else while the statement
 * waits for the ticket's lock is numbered before the run's events, not a failure.
 */
import { randomBytes } from 'node:crypto';
import { type RawBuilder, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStatementCounter } from '../../../bench/statement-counter.js';
import { leaseInsertFromWrittenOutbox, OUTBOX_LEASE_QUEUE } from '../../../src/service/outbox/delivery-lease.js';
import { processTicket } from '../../../src/service/process-ticket.js';
import { appendAuditEvents, listAuditEvents } from '../../../src/service/store/repositories/audit-repository.js';
import { getDecision } from '../../../src/service/store/repositories/decision-repository.js';
import { isAuditSequenceConflict, writeDecisionInOneStatement } from '../../../src/service/store/repositories/decision-statement.js';
import { getOutboxForTicket, insertOutboxIfAbsent } from '../../../src/service/store/repositories/outbox-repository.js';
import { getRun, listRuns, startRun } from '../../../src/service/store/repositories/run-repository.js';
import { getTicket, insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { beginTicketRun, type StartedTicketRun } from '../../../src/service/ticket-run-start.js';
import type { TriageRuntime } from '../../../src/service/triage-runtime.js';
import { scrubTicket } from '../../../src/triage/scrubber.js';
import type { Ticket, TriageOutcome } from '../../../src/triage/types.js';
import { createTestStoreLocation, POSTGRES_URL, type TestStoreLocation } from '../queue/support/test-stores.js';
import { genericTicket, openRuntime } from '../worker/support/worker-stack.js';

describe('the decision as one statement on PostgreSQL', () => {
  let location: TestStoreLocation;
  let runtime: TriageRuntime;

  beforeAll(async () => {
    location = createTestStoreLocation('postgres');
    runtime = await openRuntime(location);
  });

  afterAll(async () => {
    await runtime.close();
    await location.destroy();
  });

  const newTicket = (name: string, index = 1): Ticket => genericTicket(`${name}-${randomBytes(4).toString('hex')}`, index);

  async function started(ticket: Ticket): Promise<StartedTicketRun> {
    const { db } = runtime.store;
    await insertTicketIfAbsent(db, scrubTicket(ticket));
    const start = await db.transaction().execute((transaction) => beginTicketRun(transaction, { ticketId: ticket.id, model: 'local' }));
    if (start.kind !== 'started') throw new Error(`expected a started run, got ${start.kind}`);
    return start;
  }

  const claimEvent = (reviewer: string) => [{ type: 'review-claimed', ts: new Date().toISOString(), data: { reviewer } }];

  /** Everything a decision writes, without what differs by ticket or by the clock. */
  async function stored(ticketId: string, runId: string) {
    const { db } = runtime.store;
    const decision = await db.selectFrom('decisions').selectAll().where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();
    const tags = await db.selectFrom('decision_tags').select('tag').where('ticket_id', '=', ticketId).orderBy('tag').execute();
    const events = await listAuditEvents(db, ticketId);
    const [outbox] = await getOutboxForTicket(db, ticketId);
    const sealed = await db.selectFrom('outbox').select('sealed_text').where('ticket_id', '=', ticketId).executeTakeFirstOrThrow();
    const run = await getRun(db, runId);
    const { ticket_id: _ticket, run_id: decisionRun, created_at: _created, ...decisionFields } = decision;
    return {
      ticketStatus: (await getTicket(db, ticketId))?.status,
      decision: { ...decisionFields, ofThisRun: decisionRun === runId },
      tags: tags.map((row) => row.tag),
      events: events.map((event) => ({ seq: event.seq, type: event.type, ofThisRun: event.runId === runId })),
      outbox: outbox && {
        kind: outbox.kind,
        text: outbox.text,
        tags: outbox.tags,
        confidence: outbox.confidence,
        public: outbox.public,
        status: outbox.status,
        attempts: outbox.attempts,
        key: outbox.idempotencyKey.replace(ticketId, '<ticket>'),
        sealed: sealed.sealed_text !== null,
      },
      run: { status: run?.status, finished: run?.finishedAt !== null, error: run?.error },
    };
  }

  it('stores what the decision transaction stores: status, events after the earlier ones, decision, tags, entry, run end', async () => {
    const { db } = runtime.store;
    const viaStatement = newTicket('statement');
    const viaTransaction = { ...newTicket('transaction'), body: viaStatement.body, customerEmail: viaStatement.customerEmail };
    const statementRun = await started(viaStatement);
    const transactionRun = await started(viaTransaction);
    for (const ticket of [viaStatement, viaTransaction]) await appendAuditEvents(db, { ticketId: ticket.id, runId: null, events: claimEvent('grace') });

    const first = await processTicket(runtime, viaStatement, { started: statementRun });
    // A hook for the transaction keeps the transaction (the SQLite path, and the worker's before).
    const second = await processTicket(runtime, viaTransaction, { started: transactionRun, beforeDecisionCommit: async () => {} });

    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(false);
    const fromStatement = await stored(viaStatement.id, statementRun.run.id);
    const fromTransaction = await stored(viaTransaction.id, transactionRun.run.id);
    expect(fromStatement.events[0]).toEqual({ seq: 1, type: 'review-claimed', ofThisRun: false });
    expect(fromStatement.events.length).toBeGreaterThan(5);
    expect(fromStatement.events.map((event) => event.seq)).toEqual(fromStatement.events.map((_, index) => index + 1));
    expect(fromStatement.ticketStatus).toBe(first.outcome.decision);
    expect(fromStatement.run).toEqual({ status: 'succeeded', finished: true, error: null });
    expect(fromStatement).toEqual(fromTransaction);
  });

  it('is one round trip and one commit when nothing rides along', async () => {
    const ticket = newTicket('round-trip');
    const { run } = await started(ticket);
    const counter = startStatementCounter();
    let result;
    try {
      result = await writeDecisionInOneStatement(runtime.store.db, {
        outcome: outcomeFor(ticket, ['refund', 'complaint', 'refund']),
        runId: run.id,
        events: serialized(3),
        outbox: entryFor(ticket, 'outbox-round-trip'),
        parts: { probe: probePart(`probe-${ticket.id}`, ticket.id) },
      });
    } finally {
      counter.stop();
    }
    expect(counter.postgres).toEqual({ statements: 1, commits: 1 });
    expect(result.written).toBe(true);
    expect(result.outbox?.id).toBe('outbox-round-trip');
    expect(result.partRows).toEqual({ probe: 1 });
    expect((await getDecision(runtime.store.db, ticket.id))?.tags).toEqual(['refund', 'complaint']);
    const tagRows = await runtime.store.db.selectFrom('decision_tags').select('tag').where('ticket_id', '=', ticket.id).orderBy('tag').execute();
    expect(tagRows.map((row) => row.tag)).toEqual(['complaint', 'refund']);
    expect((await listAuditEvents(runtime.store.db, ticket.id)).map((event) => [event.seq, event.type, event.data])).toEqual([
      [1, 'event-0', { index: 0 }],
      [2, 'event-1', { index: 1 }],
      [3, 'event-2', { index: 2 }],
    ]);
  });

  it('takes the new entry’s delivery lease in the same statement', async () => {
    const ticket = newTicket('lease');
    const { run } = await started(ticket);
    const claim = leaseInsertFromWrittenOutbox({ outboxId: 'outbox-lease', ticketId: ticket.id, holder: 'holder-1', leaseMs: 60_000, maxAttempts: 8 });
    const result = await writeDecisionInOneStatement(runtime.store.db, {
      outcome: outcomeFor(ticket),
      runId: run.id,
      events: serialized(1),
      outbox: entryFor(ticket, 'outbox-lease'),
      lease: claim.insert,
    });
    expect(result.leaseClaims).toBe(1);
    expect(claim.lease(result.leaseClaims!)).toEqual({ outboxId: 'outbox-lease', holder: 'holder-1', claims: 1 });
    const lease = await runtime.store.db.selectFrom('jobs').selectAll().where('queue', '=', OUTBOX_LEASE_QUEUE).where('ticket_id', '=', 'outbox-lease').executeTakeFirstOrThrow();
    expect(lease).toMatchObject({ status: 'active', attempts: 1, max_attempts: 8, locked_by: 'holder-1' });
    expect(JSON.parse(lease.payload)).toEqual({ outboxId: 'outbox-lease', ticketId: ticket.id });
  });

  it('writes nothing when the run does not exist', async () => {
    const ticket = newTicket('no-run');
    await insertTicketIfAbsent(runtime.store.db, scrubTicket(ticket));
    const result = await writeDecisionInOneStatement(runtime.store.db, {
      outcome: outcomeFor(ticket),
      runId: 'no-such-run',
      events: serialized(2),
      outbox: entryFor(ticket, 'outbox-no-run'),
      lease: leaseInsertFromWrittenOutbox({ outboxId: 'outbox-no-run', ticketId: ticket.id, holder: 'h', leaseMs: 1_000, maxAttempts: 8 }).insert,
      // A part (the job's completion, say) writes under the same guard: here not at all.
      parts: { probe: probePart(`probe-${ticket.id}`, ticket.id) },
    });
    expect(result).toMatchObject({ written: false, outbox: null, leaseClaims: null, partRows: { probe: 0 } });
    expect(await runtime.store.db.selectFrom('webhook_deliveries').select('delivery_id').where('ticket_id', '=', ticket.id).execute()).toEqual([]);
    expect(await getDecision(runtime.store.db, ticket.id)).toBeNull();
    expect(await listAuditEvents(runtime.store.db, ticket.id)).toEqual([]);
    expect(await getOutboxForTicket(runtime.store.db, ticket.id)).toEqual([]);
    expect((await getTicket(runtime.store.db, ticket.id))?.status).toBe('queued');
    expect(await runtime.store.db.selectFrom('jobs').select('id').where('ticket_id', '=', 'outbox-no-run').execute()).toEqual([]);
  });

  it('keeps an entry already stored under the key: no new entry, no lease; the decision is written', async () => {
    const ticket = newTicket('existing-entry');
    const { run } = await started(ticket);
    const entry = entryFor(ticket, 'outbox-new');
    const { row: existing } = await insertOutboxIfAbsent(runtime.store.db, { ...entry, text: 'written before' });
    const result = await writeDecisionInOneStatement(runtime.store.db, {
      outcome: outcomeFor(ticket),
      runId: run.id,
      events: serialized(1),
      outbox: entry,
      lease: leaseInsertFromWrittenOutbox({ outboxId: 'outbox-new', ticketId: ticket.id, holder: 'h', leaseMs: 1_000, maxAttempts: 8 }).insert,
    });
    expect(result).toMatchObject({ written: true, outbox: null, leaseClaims: null });
    expect((await getOutboxForTicket(runtime.store.db, ticket.id)).map((row) => [row.id, row.text])).toEqual([[existing.id, 'written before']]);
    expect((await getDecision(runtime.store.db, ticket.id))?.runId).toBe(run.id);
  });

  it('a second decision for the ticket fails whole: none of its events, entry or run end is stored', async () => {
    const ticket = newTicket('second');
    const { run } = await started(ticket);
    const other = await startRun(runtime.store.db, { ticketId: ticket.id, model: 'local' });
    await writeDecisionInOneStatement(runtime.store.db, { outcome: outcomeFor(ticket), runId: run.id, events: serialized(2), outbox: entryFor(ticket, 'outbox-first') });
    await expect(
      writeDecisionInOneStatement(runtime.store.db, {
        outcome: outcomeFor(ticket),
        runId: other.id,
        events: serialized(2),
        outbox: { ...entryFor(ticket, 'outbox-second'), idempotencyKey: `${ticket.id}:draft-2` },
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await listAuditEvents(runtime.store.db, ticket.id)).toHaveLength(2);
    expect((await getOutboxForTicket(runtime.store.db, ticket.id)).map((row) => row.id)).toEqual(['outbox-first']);
    expect((await getRun(runtime.store.db, other.id))?.status).toBe('running');
  });

  it('an event appended under the ticket’s lock while the decision waits comes first; the run’s events follow it', async () => {
    const ticket = newTicket('appended-meanwhile');
    const start = await started(ticket);
    const { db } = runtime.store;
    // A reviewer's claim holding the ticket's lock, its event written but not committed.
    const reviewer = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path="${location.schema}"` });
    await reviewer.connect();
    try {
      await reviewer.query('begin');
      await reviewer.query('select id from tickets where id = $1 for update', [ticket.id]);
      await reviewer.query("insert into audit_events (ticket_id, run_id, seq, type, ts, data) values ($1, null, 1, 'review-claimed', $2, '{}')", [
        ticket.id,
        new Date().toISOString(),
      ]);
      const deciding = processTicket(runtime, ticket, { started: start });
      // The decision's statement has begun (its snapshot taken) and waits for the reviewer's lock.
      await vi.waitFor(
        async () => {
          // Asked on a connection of its own: inside the reviewer's transaction the view would keep its first snapshot.
          const waiting = await sql`select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%with target as%' and datname = current_database()`.execute(db);
          expect(waiting.rows.length).toBeGreaterThan(0);
        },
        { timeout: 30_000, interval: 20 },
      );
      await reviewer.query('commit');
      const decided = await deciding;
      expect(decided.duplicate).toBe(false);
    } finally {
      await reviewer.end();
    }
    const events = await listAuditEvents(db, ticket.id);
    expect(events[0]).toMatchObject({ seq: 1, type: 'review-claimed', runId: null });
    expect(events.length).toBeGreaterThan(2);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.slice(1).every((event) => event.runId === start.run.id)).toBe(true);
    expect((await listRuns(db, ticket.id)).map((run) => run.status)).toEqual(['succeeded']);
  });

  it('tells the audit sequence conflict from other unique violations', () => {
    expect(isAuditSequenceConflict({ code: '23505', constraint: 'audit_events_ticket_id_seq_unique' })).toBe(true);
    expect(isAuditSequenceConflict({ code: '23505', constraint: 'decisions_pkey' })).toBe(false);
    expect(isAuditSequenceConflict(new Error('x'))).toBe(false);
  });
});

function outcomeFor(ticket: Ticket, tags: string[] = ['refund']): TriageOutcome {
  return {
    ticketId: ticket.id,
    decision: 'drafted',
    intent: 'get_refund',
    confidence: 0.5,
    tags,
    reply: 'A draft',
    steps: [],
    reasons: ['refund requests are drafted'],
  };
}

/** A part that records a webhook delivery, under the statement's guard. */
function probePart(deliveryId: string, ticketId: string) {
  return (guard: RawBuilder<unknown>) => sql`
    insert into webhook_deliveries (provider, delivery_id, ticket_id, received_at)
    select 'probe', ${deliveryId}, ${ticketId}, ${new Date().toISOString()} where ${guard}
    returning 1`;
}

function serialized(count: number) {
  return Array.from({ length: count }, (_, index) => ({ type: `event-${index}`, ts: new Date().toISOString(), dataText: JSON.stringify({ index }) }));
}

function entryFor(ticket: Ticket, id: string) {
  return {
    id,
    ticketId: ticket.id,
    kind: 'draft' as const,
    text: 'A draft',
    sealedText: 'sealed',
    tags: ['refund'],
    confidence: 0.5,
    public: false,
    idempotencyKey: `${ticket.id}:draft`,
  };
}
