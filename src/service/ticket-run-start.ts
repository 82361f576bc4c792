/**
 * The first transaction of a ticket's attempt: read the ticket (locked on PostgreSQL), stop when
 * it is decided already, close runs an earlier attempt left running, start the run and mark the
 * ticket running. The worker runs it inside the queue's claim, so the claim and the start commit
 * once and the ticket is read once for the whole attempt; `processTicket` runs it on its own.
 */
import type { Transaction } from 'kysely';
import type { Ticket } from '../triage/types.js';
import type { Database } from './store/database.js';
import { getDecision, type StoredDecision } from './store/repositories/decision-repository.js';
import { failAbandonedRuns, insertRun, type Run } from './store/repositories/run-repository.js';
import { getTicketForUpdate, insertTicketIfAbsent, setTicketStatus, type StoredTicket } from './store/repositories/ticket-repository.js';

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
    await failAbandonedRuns(transaction, ticket.id, 'abandoned: the attempt did not finish (its process stopped or its lease was lost)');
  }
  const run = await insertRun(transaction, { ticketId: ticket.id, model: input.model });
  await setTicketStatus(transaction, ticket.id, 'running');
  return { kind: 'started', ticket, run };
}
