import { timeOrderedId } from '../time-ordered-id.js';
import { nowTimestamp } from '../dialect.js';
import { RecordNotFoundError } from '../errors.js';
import type { RunRow, RunStatus } from '../tables/runs.js';
import { lockTicket } from './ticket-repository.js';
import { type Executor, withTransaction } from './with-transaction.js';

export type { RunStatus };

export interface Run {
  id: string;
  ticketId: string;
  /** 1 for a ticket's first run, then 2, 3, ... for retries. */
  attempt: number;
  status: RunStatus;
  model: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

export async function startRun(db: Executor, input: { ticketId: string; model: string }): Promise<Run> {
  return withTransaction(db, async (transaction) => {
    // Locking the ticket serialises concurrent starts on PostgreSQL, so attempts stay 1, 2, 3.
    await lockTicket(transaction, input.ticketId);
    const previous = await transaction
      .selectFrom('runs')
      .select((expression) => expression.fn.max('attempt').as('attempt'))
      .where('ticket_id', '=', input.ticketId)
      .executeTakeFirst();
    const row = await transaction
      .insertInto('runs')
      .values({
        id: timeOrderedId(),
        ticket_id: input.ticketId,
        attempt: Number(previous?.attempt ?? 0) + 1,
        status: 'running',
        model: input.model,
        started_at: nowTimestamp(),
        finished_at: null,
        error: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRun(row);
  });
}

export async function finishRun(
  db: Executor,
  runId: string,
  result: { status: Exclude<RunStatus, 'running'>; error?: string },
): Promise<Run> {
  const row = await db
    .updateTable('runs')
    .set({ status: result.status, error: result.error ?? null, finished_at: nowTimestamp() })
    .where('id', '=', runId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new RecordNotFoundError(`run ${runId} does not exist`);
  return toRun(row);
}

export async function getRun(db: Executor, runId: string): Promise<Run | null> {
  const row = await db.selectFrom('runs').selectAll().where('id', '=', runId).executeTakeFirst();
  return row ? toRun(row) : null;
}

/** A ticket's runs, first attempt first. */
export async function listRuns(db: Executor, ticketId: string): Promise<Run[]> {
  const rows = await db.selectFrom('runs').selectAll().where('ticket_id', '=', ticketId).orderBy('attempt').execute();
  return rows.map(toRun);
}

function toRun(row: RunRow): Run {
  return {
    id: row.id,
    ticketId: row.ticket_id,
    attempt: Number(row.attempt),
    status: row.status,
    model: row.model,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

/**
 * Closes runs of a ticket still marked running: a new attempt only starts once the queue has given
 * up on the old one (its process crashed or its lease expired), so those runs will never finish.
 */
export async function failAbandonedRuns(db: Executor, ticketId: string, reason: string): Promise<number> {
  const rows = await db
    .updateTable('runs')
    .set({ status: 'failed', error: reason, finished_at: nowTimestamp() })
    .where('ticket_id', '=', ticketId)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  return rows.length;
}
