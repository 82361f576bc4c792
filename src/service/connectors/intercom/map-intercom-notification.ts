/** Pure mappers between Intercom notifications and our Ticket. */
import { convert } from 'html-to-text';
import type { Ticket } from '../../../triage/types.js';
import { ticketIdFor } from '../helpdesk-connector.js';
import type { IntercomConversationNotification, IntercomReplyResponse } from './intercom-api-types.js';

export const INTERCOM_TRIAGED_TOPICS: ReadonlySet<string> = new Set([
  'conversation.user.created',
  'conversation.user.replied',
]);

/** Intercom's test of the endpoint ("id": null): answered, never stored. */
export const INTERCOM_PING_TOPIC = 'ping';

const CUSTOMER_AUTHOR_TYPES = new Set(['user', 'lead', 'contact']);

export type IntercomMapping = { ticket: Ticket; ignoredReason?: undefined } | { ticket: null; ignoredReason: string };

/** Intercom bodies are HTML; the model and the send guard read plain text. */
export function intercomHtmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'img', format: 'skip' },
    ],
  }).trim();
}

export function mapIntercomNotification(
  notification: IntercomConversationNotification,
  receivedAt: Date,
): IntercomMapping {
  const conversation = notification.data.item;
  const isReply = notification.topic === 'conversation.user.replied';
  // On a reply the new message is the last comment part (assignments and the like are parts too);
  // on creation it is the conversation's source.
  const message = isReply
    ? conversation.conversation_parts?.conversation_parts.findLast((part) => part.part_type === 'comment')
    : conversation.source;
  if (!message) {
    return { ticket: null, ignoredReason: `conversation ${conversation.id}: reply notification without a comment` };
  }
  if (!CUSTOMER_AUTHOR_TYPES.has(message.author.type)) {
    return {
      ticket: null,
      ignoredReason: `conversation ${conversation.id}: message is by ${message.author.type}, not the customer`,
    };
  }
  // A lead who gave no email (Intercom sends "") is still a customer in a conversation we can
  // answer: the ticket goes on with an unknown sender, which the send guard never auto-answers
  // about an account.
  const email = clean(message.author.email) ?? clean(conversation.source.author.email) ?? '';
  const body = message.body ? intercomHtmlToText(message.body) : '';
  if (body === '') {
    return { ticket: null, ignoredReason: `conversation ${conversation.id}: message has no text` };
  }
  const subject = conversation.source.subject ? clean(intercomHtmlToText(conversation.source.subject)) : undefined;
  return {
    ticket: {
      id: ticketIdFor('intercom', conversation.id),
      source: 'intercom',
      externalId: conversation.id,
      customerEmail: email,
      ...(subject === undefined ? {} : { subject }),
      body,
      receivedAt: receivedAt.toISOString(),
    },
  };
}

export function intercomCreatedPartId(response: IntercomReplyResponse): string | undefined {
  return response?.conversation_parts?.conversation_parts.at(-1)?.id;
}

function clean(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
