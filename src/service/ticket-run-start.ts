/**
 * The first transaction of a ticket's attempt: read the ticket (locked on PostgreSQL), stop when
 * it is decided already, close runs an earlier attempt left running, start the run and mark the
 * ticket running. The worker runs it inside the queue's claim, so the claim and the start commit
 * once and the ticket is read once for the whole attempt; `processTicket` runs it on its own.
 */
import type { Transaction } from 'kysely';
import type { Ticket } from '../triage/types.js';
import type { Database, StoreHandle } from './store/database.js';
import { getDecision, type StoredDecision } from './store/repositories/decision-repository.js';
import type { FetchPreparation } from './queue/job-queue.js';
import { runStartParts, startRunInOneStatement } from './store/repositories/run-start-statement.js';
import { failAbandonedRuns, finishRun, insertRun, type Run } from './store/repositories/run-repository.js';
import {
  getTicketForUpdate,
  insertTicketIfAbsent,
  setTicketStatus,
  toStoredTicket,
  type StoredTicket,
} from './store/repositories/ticket-repository.js';

export type TicketRunStart =
  | { kind: 'missing' }
  | { kind: 'decided'; ticket: StoredTicket; outcome: StoredDecision }
  /** Its helpdesk details are still to be fetched (enrich-ticket.ts); no run was started. */
  | { kind: 'pending-enrichment'; ticket: StoredTicket }
  | StartedTicketRun;

export interface StartedTicketRun {
  kind: 'started';
  /** As stored, status still as read (the row now says `running`). */
  ticket: StoredTicket;
  run: Run;
}

export interface BeginTicketRunInput {
  ticketId: string;
  model: string;
  /** Stored (scrubbed) when no ticket has this id yet: the CLI's and the eval's tickets. */
  insertIfMissing?: Ticket;
  /** The worker fetches a pending enrichment first, outside any transaction. */
  stopAtPendingEnrichment?: boolean;
  /** The queue's first claim of the ticket's job: no earlier attempt of it ran anywhere. */
  firstAttempt?: boolean;
}

const ABANDONED_REASON = 'abandoned: the attempt did not finish (its process stopped or its lease was lost)';

/**
 * `beginTicketRun` outside any other transaction (a worker whose queue cannot run it inside its
 * claim: pg-boss). On PostgreSQL the whole start is one statement (run-start-statement.ts): one
 * round trip instead of five; on SQLite, and for a ticket to store first, a transaction as before.
 */
export async function beginTicketRunAlone(store: Pick<StoreHandle, 'db' | 'dialect' | 'transact'>, input: BeginTicketRunInput): Promise<TicketRunStart> {
  if (store.dialect !== 'postgres' || input.insertIfMissing) return store.transact((transaction) => beginTicketRun(transaction, input));
  const start = await startRunInOneStatement(store.db, {
    ticketId: input.ticketId,
    model: input.model,
    abandonedReason: ABANDONED_REASON,
    stopAtPendingEnrichment: input.stopAtPendingEnrichment === true,
    firstAttempt: input.firstAttempt === true,
  });
  if (start.kind === 'missing') return start;
  const ticket = toStoredTicket(start.ticket);
  if (start.kind === 'started') return { kind: 'started', ticket, run: start.run };
  if (start.kind === 'pending-enrichment') return { kind: 'pending-enrichment', ticket };
  const outcome = await getDecision(store.db, ticket.id);
  // A decision cannot go away; should it have, the transaction's path decides what to do.
  return outcome ? { kind: 'decided', ticket, outcome } : store.transact((transaction) => beginTicketRun(transaction, input));
}

/**
 * The start of an attempt as parts of the statement with which pg-boss's job is taken
 * (pg-boss-queue.ts): the worker's `prepareInFetch`. As `beginTicketRunAlone` on PostgreSQL, with
 * the ticket id and the first-run flag read from the job in the same statement. A started or
 * pending start reaches the handler; a decided or locked ticket (another transaction holds it: not
 * waited for, see runStartParts) does not, and the handler starts it on its own as before.
 */
export function runStartInFetch(store: Pick<StoreHandle, 'db'>, input: { model: string }): FetchPreparation<TicketRunStart> {
  return {
    parts(job) {
      const parts = runStartParts(job, { model: input.model, abandonedReason: ABANDONED_REASON, stopAtPendingEnrichment: true }, { skipLocked: true });
      return {
        ctes: parts.ctes,
        value: parts.json,
        read(value): TicketRunStart | undefined {
          const start = parts.readJson(value);
          if (start.kind === 'started') return { kind: 'started', ticket: toStoredTicket(start.ticket), run: start.run };
          if (start.kind === 'pending-enrichment') return { kind: 'pending-enrichment', ticket: toStoredTicket(start.ticket) };
          if (start.kind === 'missing') return start;
          return undefined;
        },
      };
    },
    // As an attempt stopped by a shutdown ends (process-ticket.ts): its run released, the ticket queued.
    async release(start) {
      if (start.kind !== 'started') return;
      await store.db.transaction().execute(async (transaction) => {
        await finishRun(transaction, start.run.id, { status: 'released', error: 'released for a retry: the worker is shutting down' });
        await setTicketStatus(transaction, start.ticket.id, 'queued');
      });
    },
  };
}

export async function beginTicketRun(transaction: Transaction<Database>, input: BeginTicketRunInput): Promise<TicketRunStart> {
  let found = await getTicketForUpdate(transaction, input.ticketId);
  if (!found && input.insertIfMissing) {
    const { inserted, ticket } = await insertTicketIfAbsent(transaction, input.insertIfMissing);
    // Else it was there under another id (same source and external id): read it locked.
    found = inserted ? { ticket, decided: false } : await getTicketForUpdate(transaction, ticket.id);
  }
  if (!found) return { kind: 'missing' };
  const { ticket } = found;
  const outcome = found.decided ? await getDecision(transaction, ticket.id) : null;
  if (outcome) return { kind: 'decided', ticket, outcome };
  if (input.stopAtPendingEnrichment && ticket.pendingEnrichment !== undefined) return { kind: 'pending-enrichment', ticket };
  // A run is left running only by an earlier attempt (its process stopped, its lease was lost),
  // and starting one marks the ticket `running`: on a first claim of a queued ticket there is none.
  if (!(input.firstAttempt === true && ticket.status === 'queued')) {
    await failAbandonedRuns(transaction, ticket.id, ABANDONED_REASON);
  }
  const run = await insertRun(transaction, { ticketId: ticket.id, model: input.model });
  await setTicketStatus(transaction, ticket.id, 'running');
  return { kind: 'started', ticket, run };
}
