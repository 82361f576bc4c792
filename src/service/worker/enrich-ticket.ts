/**
 * Completes a ticket the webhook stored with a pending enrichment (a requester named only by id, a
 * HubSpot ticket named only by id): the connector fetches what is missing, here in the worker,
 * once; the answer is scrubbed and stored and the pending mark cleared in one statement, so a
 * retried job does not ask the helpdesk again. A ticket the helpdesk no longer has is recorded with
 * the reason (webhook_rejections) and failed, never dropped without a trace.
 */
import type { Kysely } from 'kysely';
import type { HelpdeskConnector, HelpdeskProvider } from '../connectors/helpdesk-connector.js';
import { MissingConnectorError } from '../outbox/errors.js';
import { scrubTicket } from '../../triage/scrubber.js';
import type { Logger } from '../queue/logger.js';
import type { Database } from '../store/database.js';
import { completeTicketEnrichment, setTicketStatus, type StoredTicket } from '../store/repositories/ticket-repository.js';
import { recordWebhookRejection } from '../store/repositories/webhook-rejection-repository.js';

export interface EnrichTicketOptions {
  db: Kysely<Database>;
  connectors: Partial<Record<HelpdeskProvider, HelpdeskConnector>>;
  logger: Logger;
  signal?: AbortSignal;
}

/** The ticket ready to triage, or null when it cannot be (recorded and failed). */
export async function enrichPendingTicket(ticket: StoredTicket, options: EnrichTicketOptions): Promise<StoredTicket | null> {
  const pending = ticket.pendingEnrichment;
  if (pending === undefined) return ticket;
  const connector = options.connectors[ticket.source as HelpdeskProvider];
  if (!connector?.enrich) {
    // Retryable: the job waits for the settings to be fixed rather than triaging half a ticket.
    throw new MissingConnectorError(`ticket ${ticket.id} needs the ${ticket.source} connector to fetch its details; configure it and restart the worker`);
  }
  const result = await connector.enrich(ticket, pending, options.signal ? { signal: options.signal } : {});
  if (result.ticket === null) {
    await options.db.transaction().execute(async (transaction) => {
      await recordWebhookRejection(transaction, { provider: ticket.source, outcome: 'rejected', reason: `${ticket.id}: ${result.reason}` });
      await completeTicketEnrichment(transaction, ticket);
      await setTicketStatus(transaction, ticket.id, 'failed');
    });
    options.logger.warn({ ticketId: ticket.id, reason: result.reason }, 'ticket could not be completed from the helpdesk; recorded and not triaged');
    return null;
  }
  if (result.note !== undefined) options.logger.info({ ticketId: ticket.id, note: result.note }, 'ticket enrichment incomplete');
  return completeTicketEnrichment(options.db, scrubTicket({ ...result.ticket, id: ticket.id }));
}
