import { sql, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { nowTimestamp } from '../dialect.js';
import { RecordNotFoundError } from '../errors.js';
import { prepareQuery } from '../prepared-query.js';
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
    return insertRun(transaction, input);
  });
}

/**
 * Starts the ticket's next run in one statement (the attempt is counted by the insert itself). The
 * caller holds the ticket's row lock, as `startRun` takes it, so attempts stay 1, 2, 3.
 */
export async function insertRun(transaction: Transaction<Database>, input: { ticketId: string; model: string }): Promise<Run> {
  const id = timeOrderedId();
  const startedAt = nowTimestamp();
  const { rows } = await sql<{ attempt: number | string }>`
    insert into runs (id, ticket_id, attempt, status, model, started_at, finished_at, error)
    select ${id}, ${input.ticketId}, coalesce(max(attempt), 0) + 1, 'running', ${input.model}, ${startedAt}, null, null
    from runs where ticket_id = ${input.ticketId}
    returning attempt`.execute(transaction);
  const attempt = Number(rows[0]?.attempt);
  return { id, ticketId: input.ticketId, attempt, status: 'running', model: input.model, startedAt, finishedAt: null, error: null };
}

const updateRunFinished = prepareQuery<[status: RunStatus, error: string | null, finishedAt: string, id: string], RunRow>((db, slot) =>
  db.updateTable('runs').set({ status: slot(0), error: slot(1), finished_at: slot(2) }).where('id', '=', slot<string>(3)).returningAll(),
);

export async function finishRun(
  db: Executor,
  runId: string,
  result: { status: Exclude<RunStatus, 'running'>; error?: string },
): Promise<Run> {
  const [row] = (await updateRunFinished.execute(db, [result.status, result.error ?? null, nowTimestamp(), runId])).rows;
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
