/** Pure mappers between HubSpot CRM objects and our Ticket. */
import type { Ticket } from '../../../triage/types.js';
import { ticketIdFor } from '../helpdesk-connector.js';
import { deliveryMarker } from '../delivery-marker.js';
import { escapeHtml, plainTextToHtml } from '../plain-text-to-html.js';
import {
  NOTE_TO_TICKET_ASSOCIATION_TYPE_ID,
  type HubSpotCreateNoteRequest,
  type HubSpotTicketResponse,
} from './hubspot-api-types.js';

export const HUBSPOT_TRIAGED_SUBSCRIPTION = 'ticket.creation';

export type HubSpotMapping = { ticket: Ticket; ignoredReason?: undefined } | { ticket: null; ignoredReason: string };

/** The contact whose email we answer: the first one associated with the ticket. */
export function hubSpotTicketContactId(ticket: HubSpotTicketResponse): string | undefined {
  return ticket.associations?.contacts?.results[0]?.id;
}

export function mapHubSpotTicket(
  ticket: HubSpotTicketResponse,
  contactEmail: string | null | undefined,
  receivedAt: Date,
): HubSpotMapping {
  // A ticket without a contact (or one without an email) is triaged with an unknown sender.
  const email = clean(contactEmail) ?? '';
  const subject = clean(ticket.properties.subject);
  // Tickets created from a form can have a subject and no content: the subject is then all we have.
  const body = clean(ticket.properties.content) ?? subject;
  if (body === undefined) {
    return { ticket: null, ignoredReason: `hubspot ticket ${ticket.id} has no text to triage` };
  }
  return {
    ticket: {
      id: ticketIdFor('hubspot', ticket.id),
      source: 'hubspot',
      externalId: ticket.id,
      customerEmail: email,
      ...(subject === undefined ? {} : { subject }),
      body,
      receivedAt: receivedAt.toISOString(),
    },
  };
}

/**
 * A ticket without a conversation thread cannot take a public reply through the API, so an
 * approved reply becomes a note marked for a person to send (the decision is `noted`); a draft is
 * a plain note.
 */
export const HUBSPOT_REPLY_MARKER = 'Approved reply, NOT sent: this ticket has no conversation thread; send it to the customer from HubSpot';
export const HUBSPOT_DRAFT_MARKER = 'Draft reply for review';

/**
 * The note's HTML. With an outbox id it ends in a reference line naming the entry: notes are for
 * agents only, so a visible line is fine, and it survives any HTML sanitising (read-before-retry
 * looks for it).
 */
export function hubSpotNoteBody(text: string, kind: 'reply' | 'draft', tags: readonly string[], outboxId?: string): string {
  const marker = kind === 'reply' ? HUBSPOT_REPLY_MARKER : HUBSPOT_DRAFT_MARKER;
  const tagLine = tags.length > 0 ? `<p><strong>Tags:</strong> ${escapeHtml(tags.join(', '))}</p>` : '';
  const reference = outboxId === undefined ? '' : `<p>Reference: ${escapeHtml(deliveryMarker(outboxId))}</p>`;
  return `<p><strong>${escapeHtml(marker)}</strong></p>${plainTextToHtml(text)}${tagLine}${reference}`;
}

export function buildHubSpotNote(
  ticketId: string,
  text: string,
  kind: 'reply' | 'draft',
  tags: readonly string[],
  timestamp: Date,
  outboxId?: string,
): HubSpotCreateNoteRequest {
  return {
    properties: {
      hs_note_body: hubSpotNoteBody(text, kind, tags, outboxId),
      hs_timestamp: timestamp.toISOString(),
    },
    associations: [
      {
        to: { id: ticketId },
        types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: NOTE_TO_TICKET_ASSOCIATION_TYPE_ID }],
      },
    ],
  };
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
