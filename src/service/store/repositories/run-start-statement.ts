/**
 * The start of a ticket's attempt on PostgreSQL as one statement (data-modifying CTEs): read the
 * ticket with its row lock and whether it is decided, fail the runs an earlier attempt left running,
 * start the next run and mark the ticket running. Run on its own it commits as one implicit
 * transaction, one round trip where BEGIN, three statements and COMMIT took five.
 *
 * Every part of the statement sees the same snapshot, taken before any of its writes: the ticket as
 * it was (its status as read, as `beginTicketRun` returns it), the runs before the new one (so the
 * abandoned ones are failed and the new one is not, and its attempt counts the earlier ones). The
 * ticket's row lock is taken first (FOR UPDATE) and held to the end of the statement, which
 * serialises two starts of one ticket as the transaction did. The writes run only when the ticket
 * exists, has no decision and, when asked, no pending enrichment; the caller reads a decision
 * that exists with a statement of its own (a rare, duplicate run).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { nowTimestamp } from '../dialect.js';
import { timeOrderedId } from '../time-ordered-id.js';
import type { TicketRow } from '../tables/tickets.js';
import type { Run } from './run-repository.js';

export interface RunStartInput {
  ticketId: string;
  model: string;
  /** Runs left `running` are failed with this reason (not on a first claim of a queued ticket). */
  abandonedReason: string;
  stopAtPendingEnrichment: boolean;
  firstAttempt: boolean;
}

export type RunStartRow =
  | { kind: 'missing' }
  | { kind: 'decided'; ticket: TicketRow }
  | { kind: 'pending-enrichment'; ticket: TicketRow }
  | { kind: 'started'; ticket: TicketRow; run: Run };

type Row = TicketRow & { decided: boolean; run_attempt: number | string | null };

export async function startRunInOneStatement(db: Kysely<Database>, input: RunStartInput): Promise<RunStartRow> {
  const runId = timeOrderedId();
  const now = nowTimestamp();
  const { rows } = await sql<Row>`
    with ticket as (
      select tickets.*, exists (select 1 from decisions where decisions.ticket_id = tickets.id) as decided
      from tickets where tickets.id = ${input.ticketId} for update
    ), startable as (
      select 1 from ticket where not decided and (not ${input.stopAtPendingEnrichment}::boolean or pending_enrichment is null)
    ), abandoned as (
      update runs set status = 'failed', error = ${input.abandonedReason}, finished_at = ${now}
      where ticket_id = ${input.ticketId} and status = 'running' and exists (select 1 from startable)
        and not exists (select 1 from ticket where ${input.firstAttempt}::boolean and status = 'queued')
      returning id
    ), run as (
      insert into runs (id, ticket_id, attempt, status, model, started_at, finished_at, error)
      select ${runId}, ${input.ticketId}, coalesce((select max(attempt) from runs where ticket_id = ${input.ticketId}), 0) + 1,
        'running', ${input.model}, ${now}, null, null
      from startable
      returning attempt
    ), marked as (
      update tickets set status = 'running', updated_at = ${now}
      where id = ${input.ticketId} and exists (select 1 from run)
      returning id
    )
    select ticket.*, (select attempt from run) as run_attempt from ticket`.execute(db);
  const row = rows[0];
  if (!row) return { kind: 'missing' };
  const { decided, run_attempt: attempt, ...ticket } = row;
  if (decided) return { kind: 'decided', ticket };
  if (attempt === null) return { kind: 'pending-enrichment', ticket };
  return {
    kind: 'started',
    ticket,
    run: { id: runId, ticketId: input.ticketId, attempt: Number(attempt), status: 'running', model: input.model, startedAt: now, finishedAt: null, error: null },
  };
}
