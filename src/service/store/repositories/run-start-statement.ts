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
import { type Kysely, type RawBuilder, sql } from 'kysely';
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

export type Row = TicketRow & { decided: boolean; run_attempt: number | string | null };

export async function startRunInOneStatement(db: Kysely<Database>, input: RunStartInput): Promise<RunStartRow> {
  const parts = runStartParts({ ticketId: sql`${input.ticketId}`, firstAttempt: sql`${input.firstAttempt}::boolean` }, input);
  const { rows } = await sql<Row>`
    with ${parts.ctes}
    select ticket.*, (select attempt from run) as run_attempt from ticket`.execute(db);
  return parts.read(rows[0]);
}

export interface RunStartParts {
  /** The CTEs `ticket`, `startable`, `abandoned`, `run` and `marked`, comma-separated, for a WITH. */
  ctes: RawBuilder<unknown>;
  /**
   * The start as one JSON value for a statement's select list: the ticket's row with `decided` and
   * `run_attempt`, the string "locked" when `skipLocked` passed over the ticket, null when there is none.
   */
  json: RawBuilder<unknown>;
  read(row: Row | undefined): RunStartRow;
  /** `json`'s value as the statement returned it. */
  readJson(value: unknown): RunStartRow | { kind: 'locked' };
}

/**
 * The start's CTEs for a statement that finds the ticket id itself: the pg-boss fetch (pg-boss-queue.ts)
 * reads it from the job it takes, in the same statement. `skipLocked`: a ticket whose row another
 * transaction holds is not waited for (a fetch holds its job's row lock, and a decision holds the
 * ticket's before the job's: waiting could deadlock); the start then reads as `locked` and the
 * caller starts it on its own.
 */
export function runStartParts(
  target: { ticketId: RawBuilder<unknown>; firstAttempt: RawBuilder<unknown> },
  input: Omit<RunStartInput, 'ticketId' | 'firstAttempt'>,
  options: { skipLocked?: boolean } = {},
): RunStartParts {
  const runId = timeOrderedId();
  const now = nowTimestamp();
  const { ticketId, firstAttempt } = target;
  const ctes = sql`ticket as (
      select tickets.*, exists (select 1 from decisions where decisions.ticket_id = tickets.id) as decided
      from tickets where tickets.id = ${ticketId} for update${options.skipLocked ? sql` skip locked` : sql``}
    ), startable as (
      select 1 from ticket where not decided and (not ${input.stopAtPendingEnrichment}::boolean or pending_enrichment is null)
    ), abandoned as (
      update runs set status = 'failed', error = ${input.abandonedReason}, finished_at = ${now}
      where ticket_id = ${ticketId} and status = 'running' and exists (select 1 from startable)
        and not exists (select 1 from ticket where ${firstAttempt} and status = 'queued')
      returning id
    ), run as (
      insert into runs (id, ticket_id, attempt, status, model, started_at, finished_at, error)
      select ${runId}, ${ticketId}, coalesce((select max(attempt) from runs where ticket_id = ${ticketId}), 0) + 1,
        'running', ${input.model}, ${now}, null, null
      from startable
      returning attempt
    ), marked as (
      update tickets set status = 'running', updated_at = ${now}
      where id = ${ticketId} and exists (select 1 from run)
      returning id
    )`;
  const json = sql`coalesce(
      (select to_jsonb(started) from (select ticket.*, (select attempt from run) as run_attempt from ticket) as started),
      (select to_jsonb('locked'::text) from tickets where tickets.id = ${ticketId}))`;
  const parts: RunStartParts = {
    ctes,
    json,
    readJson(value) {
      if (value === 'locked') return { kind: 'locked' };
      return parts.read(value === null || value === undefined ? undefined : (value as Row));
    },
    read(row) {
      if (!row) return { kind: 'missing' };
      const { decided, run_attempt: attempt, ...ticket } = row;
      if (decided) return { kind: 'decided', ticket };
      if (attempt === null || attempt === undefined) return { kind: 'pending-enrichment', ticket };
      return {
        kind: 'started',
        ticket,
        run: { id: runId, ticketId: ticket.id, attempt: Number(attempt), status: 'running', model: input.model, startedAt: now, finishedAt: null, error: null },
      };
    },
  };
  return parts;
}
