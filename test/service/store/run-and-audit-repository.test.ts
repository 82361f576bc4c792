import { describe, expect, it } from 'vitest';
import { RecordNotFoundError } from '../../../src/service/store/errors.js';
import { appendAuditEvents, listAuditEvents } from '../../../src/service/store/repositories/audit-repository.js';
import { finishRun, getRun, listRuns, startRun } from '../../../src/service/store/repositories/run-repository.js';
import { insertTicketIfAbsent } from '../../../src/service/store/repositories/ticket-repository.js';
import { withTransaction } from '../../../src/service/store/repositories/with-transaction.js';
import { makeTicket } from './fixtures/store-data.js';
import { storeDialects, useMigratedStore } from './store-dialects.js';

describe.each(storeDialects)('runs and audit events on $name', (dialect) => {
  const store = useMigratedStore(dialect);

  async function newTicketId(): Promise<string> {
    const { ticket } = await insertTicketIfAbsent(store.handle.db, makeTicket());
    return ticket.id;
  }

  it('a run starts running at attempt 1 and finishes with its status and error', async () => {
    const ticketId = await newTicketId();
    const run = await startRun(store.handle.db, { ticketId, model: 'local' });
    expect(run).toMatchObject({ ticketId, attempt: 1, status: 'running', model: 'local', finishedAt: null, error: null });
    const finished = await finishRun(store.handle.db, run.id, { status: 'failed', error: 'model timed out' });
    expect(finished).toMatchObject({ id: run.id, status: 'failed', error: 'model timed out' });
    expect(finished.finishedAt).not.toBeNull();
    expect(await getRun(store.handle.db, run.id)).toEqual(finished);
  });

  it('concurrent starts for one ticket get attempts 1..n without gaps or repeats', async () => {
    const ticketId = await newTicketId();
    const runs = await Promise.all(Array.from({ length: 6 }, () => startRun(store.handle.db, { ticketId, model: 'local' })));
    expect(runs.map((run) => run.attempt).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await listRuns(store.handle.db, ticketId)).map((run) => run.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('starting a run for an unknown ticket throws RecordNotFoundError', async () => {
    await expect(startRun(store.handle.db, { ticketId: 'no-such-ticket', model: 'local' })).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
    await expect(finishRun(store.handle.db, 'no-such-run', { status: 'succeeded' })).rejects.toBeInstanceOf(
      RecordNotFoundError,
    );
  });

  it('audit events keep their order, and seq continues per ticket across calls and runs', async () => {
    const ticketId = await newTicketId();
    const otherTicketId = await newTicketId();
    const first = await startRun(store.handle.db, { ticketId, model: 'local' });
    const second = await startRun(store.handle.db, { ticketId, model: 'local' });
    await appendAuditEvents(store.handle.db, {
      ticketId,
      runId: first.id,
      events: [
        { type: 'agent-start', ts: '2026-11-28T10:00:00.000Z', data: { agentId: 'a1', tools: ['search_kb'] } },
        { type: 'tool-call-start', ts: '2026-11-28T10:00:01.000Z', data: { callId: 'c1', args: { query: 'refund' } } },
      ],
    });
    await appendAuditEvents(store.handle.db, {
      ticketId: otherTicketId,
      events: [{ type: 'agent-start', ts: '2026-11-28T10:00:00.000Z', data: {} }],
    });
    const appended = await appendAuditEvents(store.handle.db, {
      ticketId,
      runId: second.id,
      events: [{ type: 'agent-end', ts: '2026-11-28T10:00:02.000Z', data: { stopReason: 'answer', nested: [1, null] } }],
    });
    expect(appended.map((event) => event.seq)).toEqual([3]);

    const events = await listAuditEvents(store.handle.db, ticketId);
    expect(events.map((event) => [event.seq, event.type, event.runId])).toEqual([
      [1, 'agent-start', first.id],
      [2, 'tool-call-start', first.id],
      [3, 'agent-end', second.id],
    ]);
    expect(events[1]?.data).toEqual({ callId: 'c1', args: { query: 'refund' } });
    expect(events[2]?.data).toEqual({ stopReason: 'answer', nested: [1, null] });
    expect((await listAuditEvents(store.handle.db, otherTicketId)).map((event) => event.seq)).toEqual([1]);
  });

  it('a large batch keeps seq order across the insert chunks', async () => {
    const ticketId = await newTicketId();
    const events = Array.from({ length: 1203 }, (_, index) => ({ type: 'turn-start', ts: '2026-11-28T10:00:00.000Z', data: { turn: index } }));
    await appendAuditEvents(store.handle.db, { ticketId, events });
    const stored = await listAuditEvents(store.handle.db, ticketId);
    expect(stored).toHaveLength(1203);
    expect(stored.every((event, index) => event.seq === index + 1 && (event.data as { turn: number }).turn === index)).toBe(true);
  });

  it('concurrent appends for one ticket get distinct, gapless seq numbers', async () => {
    const ticketId = await newTicketId();
    await Promise.all(
      Array.from({ length: 10 }, (_, batch) =>
        appendAuditEvents(store.handle.db, {
          ticketId,
          events: [0, 1, 2].map((index) => ({ type: 'turn-start', ts: '2026-11-28T10:00:00.000Z', data: { batch, index } })),
        }),
      ),
    );
    const events = await listAuditEvents(store.handle.db, ticketId);
    expect(events.map((event) => event.seq)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    // Each batch stays contiguous: its three events were appended together.
    for (let start = 0; start < 30; start += 3) {
      const batches = new Set(events.slice(start, start + 3).map((event) => (event.data as { batch: number }).batch));
      expect(batches.size).toBe(1);
    }
  });

  it('joins the caller transaction, so a rollback removes the events too', async () => {
    const ticketId = await newTicketId();
    const failure = new Error('roll back');
    await expect(
      withTransaction(store.handle.db, async (transaction) => {
        await appendAuditEvents(transaction, { ticketId, events: [{ type: 'agent-start', ts: 'now', data: {} }] });
        expect(await listAuditEvents(transaction, ticketId)).toHaveLength(1);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await listAuditEvents(store.handle.db, ticketId)).toEqual([]);
  });

  it('appending to an unknown ticket throws RecordNotFoundError; no events is a no-op', async () => {
    await expect(
      appendAuditEvents(store.handle.db, { ticketId: 'no-such-ticket', events: [{ type: 'x', ts: 'now', data: {} }] }),
    ).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await appendAuditEvents(store.handle.db, { ticketId: 'no-such-ticket', events: [] })).toEqual([]);
  });
});
