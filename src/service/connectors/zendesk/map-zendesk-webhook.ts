/** Pure mappers from Zendesk webhook bodies to our Ticket. */
import type { Ticket } from '../../../triage/types.js';
import { ticketIdFor } from '../helpdesk-connector.js';
import type { ZendeskEventPayload, ZendeskTicketUpdateResponse, ZendeskTriggerPayload } from './zendesk-api-types.js';

export type ZendeskMapping = { ticket: Ticket; ignoredReason?: undefined } | { ticket: null; ignoredReason: string };

const STAFF_ROLES = new Set(['agent', 'admin']);

export const ZENDESK_TICKET_CREATED = 'zen:event-type:ticket.created';
export const ZENDESK_COMMENT_ADDED = 'zen:event-type:ticket.comment_added';

export function isZendeskEventPayload(payload: unknown): boolean {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    'type' in payload &&
    typeof payload.type === 'string' &&
    payload.type.startsWith('zen:event-type:')
  );
}

export function mapZendeskTrigger(payload: ZendeskTriggerPayload, receivedAt: Date): ZendeskMapping {
  const role = clean(payload.current_user?.role)?.toLowerCase();
  if (role !== undefined && STAFF_ROLES.has(role)) {
    return { ticket: null, ignoredReason: `ticket ${payload.ticket.id} was updated by an ${role}, not the customer` };
  }
  const body = clean(payload.ticket.latest_comment) ?? clean(payload.ticket.description);
  return buildTicket({
    externalId: payload.ticket.id,
    email: clean(payload.ticket.requester.email),
    subject: clean(payload.ticket.subject),
    body,
    receivedAt,
  });
}

/** The worker's pending lookup for an event ticket: the requester's email, by user id. */
export const ZENDESK_REQUESTER_ID = 'zendeskRequesterId';

export function zendeskEnrichment(payload: ZendeskEventPayload): Readonly<Record<string, string>> {
  return { [ZENDESK_REQUESTER_ID]: payload.detail.requester_id };
}

/** Returns an ignored mapping for events we do not triage, before anything is fetched. */
export function zendeskEventIgnoredReason(payload: ZendeskEventPayload): string | undefined {
  if (payload.type === ZENDESK_TICKET_CREATED) return undefined;
  if (payload.type === ZENDESK_COMMENT_ADDED) {
    const comment = payload.event?.comment;
    if (!comment) return `${payload.type} without a comment`;
    if (comment.author?.is_staff) return `comment on ticket ${payload.detail.id} is by staff, not the customer`;
    if (comment.is_public === false) return `comment on ticket ${payload.detail.id} is private`;
    return undefined;
  }
  return `zendesk event ${payload.type} is not triaged`;
}

/**
 * Maps an event webhook. It names the requester only by id: `requesterEmail` is undefined on the
 * accept path (the worker looks the email up later, see zendeskEnrichment) and null when the user
 * has none.
 */
export function mapZendeskEvent(
  payload: ZendeskEventPayload,
  requesterEmail: string | null | undefined,
  receivedAt: Date,
): ZendeskMapping {
  const ignoredReason = zendeskEventIgnoredReason(payload);
  if (ignoredReason !== undefined) return { ticket: null, ignoredReason };
  const body =
    payload.type === ZENDESK_COMMENT_ADDED ? clean(payload.event?.comment?.body) : clean(payload.detail.description);
  return buildTicket({
    externalId: payload.detail.id,
    email: clean(requesterEmail),
    subject: clean(payload.detail.subject),
    body,
    receivedAt,
  });
}

/** The id of the comment we created, else the audit's: either lets a reviewer find it in Zendesk. */
export function zendeskCreatedCommentId(response: ZendeskTicketUpdateResponse): string | undefined {
  const audit = response?.audit;
  if (!audit) return undefined;
  const comment = audit.events?.find((event) => event.type === 'Comment');
  return String(comment?.id ?? audit.id);
}

function buildTicket(fields: {
  externalId: string;
  email: string | undefined;
  subject: string | undefined;
  body: string | undefined;
  receivedAt: Date;
}): ZendeskMapping {
  if (fields.body === undefined) {
    return { ticket: null, ignoredReason: `ticket ${fields.externalId} has no text to triage` };
  }
  return {
    ticket: {
      id: ticketIdFor('zendesk', fields.externalId),
      source: 'zendesk',
      externalId: fields.externalId,
      // A requester without an email (a social channel, or one the worker has yet to look up) is
      // an unknown sender: the ticket is triaged, and the send guard never auto-answers about an account.
      customerEmail: fields.email ?? '',
      ...(fields.subject === undefined ? {} : { subject: fields.subject }),
      body: fields.body,
      receivedAt: fields.receivedAt.toISOString(),
    },
  };
}

/** Placeholders render as "" when a value is missing; treat that like absent. */
function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
