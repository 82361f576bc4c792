import type { Ticket } from '../../triage/types.js';
import { ConnectorError } from './errors.js';
import type { HelpdeskProvider } from './helpdesk-connector.js';

/**
 * The helpdesk's own id of a ticket we are replying to. Refuses a ticket from another source:
 * posting a Zendesk ticket's reply to Intercom conversation "123" would reach a stranger.
 */
export function externalTicketId(provider: HelpdeskProvider, ticket: Ticket): string {
  if (ticket.source !== provider) {
    throw new ConnectorError(`Ticket ${ticket.id} comes from ${ticket.source}; the ${provider} connector cannot answer it.`);
  }
  const prefix = `${provider}:`;
  const externalId = ticket.externalId ?? (ticket.id.startsWith(prefix) ? ticket.id.slice(prefix.length) : '');
  if (externalId === '') {
    throw new ConnectorError(`Ticket ${ticket.id} has no ${provider} id to answer.`);
  }
  return externalId;
}
