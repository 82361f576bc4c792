/**
 * Intercom: signed notifications for conversations started or answered by a customer; replies and
 * internal notes through the conversation reply API, as the configured admin.
 */
import { createConnectorHttpClient, type FetchFunction } from '../connector-http.js';
import type {
  FindDeliveryInput,
  HelpdeskConnector,
  NormalisedWebhook,
  PostReplyInput,
  PostResult,
  WebhookRequest,
  WebhookVerification,
} from '../helpdesk-connector.js';
import { parsePayload } from '../parse-payload.js';
import { intercomRateLimitReset, retryAfter } from '../rate-limit-headers.js';
import { escapeHtml, plainTextToHtml } from '../plain-text-to-html.js';
import { externalTicketId } from '../ticket-external-id.js';
import { headerValue, hmac, signaturesMatch, verificationFailure, verified } from '../webhook-signature.js';
import { comparableText, deliveryMarker, deliveryMarkerComment } from '../delivery-marker.js';
import {
  intercomConversationNotificationSchema,
  intercomConversationResponseSchema,
  intercomNotificationSchema,
  intercomReplyResponseSchema,
  type IntercomReplyRequest,
} from './intercom-api-types.js';
import { INTERCOM_PING_TOPIC, INTERCOM_TRIAGED_TOPICS, intercomCreatedPartId, mapIntercomNotification } from './map-intercom-notification.js';

export interface IntercomConnectorSettings {
  baseUrl?: string;
  accessToken: string;
  /** The app's client secret: Intercom signs notifications with it. */
  clientSecret: string;
  /** The admin replies and notes are posted as. */
  adminId: string;
  fetch?: FetchFunction;
  timeoutMs?: number;
}

export const INTERCOM_API_VERSION = '2.11';
const SIGNATURE_HEADER = 'x-hub-signature';
const SIGNATURE_PREFIX = 'sha1=';

export function createIntercomConnector(settings: IntercomConnectorSettings): HelpdeskConnector {
  const baseUrl = (settings.baseUrl ?? 'https://api.intercom.io').replace(/\/+$/, '');
  const http = createConnectorHttpClient({
    provider: 'intercom',
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    rateLimitHeaders: [retryAfter, intercomRateLimitReset],
    headers: { authorization: `Bearer ${settings.accessToken}`, 'intercom-version': INTERCOM_API_VERSION },
  });

  async function reply(input: PostReplyInput, messageType: 'comment' | 'note', html: string): Promise<PostResult> {
    const conversationId = externalTicketId('intercom', input.ticket);
    // The marker rides along as an HTML comment: neither the customer nor the inbox shows it.
    const marked = input.outboxId === undefined ? html : html + deliveryMarkerComment(input.outboxId);
    const body: IntercomReplyRequest = { message_type: messageType, type: 'admin', admin_id: settings.adminId, body: marked };
    const response = await http.request({
      method: 'POST',
      url: `${baseUrl}/conversations/${encodeURIComponent(conversationId)}/reply`,
      body,
      // No Idempotency-Key: Intercom documents none for replies; exactly-once rests on the outbox.
      signal: input.signal,
      responseSchema: intercomReplyResponseSchema,
    });
    const externalId = intercomCreatedPartId(response);
    return externalId === undefined ? {} : { externalId };
  }

  /**
   * Our admin's parts of the conversation: the one carrying the marker, or (when Intercom's HTML
   * sanitising dropped the comment) the one of the same type with the same text.
   */
  async function findDelivery(input: FindDeliveryInput): Promise<PostResult | null> {
    const conversationId = externalTicketId('intercom', input.ticket);
    const conversation = await http.request({
      method: 'GET',
      url: `${baseUrl}/conversations/${encodeURIComponent(conversationId)}`,
      signal: input.signal,
      responseSchema: intercomConversationResponseSchema,
    });
    const marker = deliveryMarker(input.outboxId);
    const partType = input.public ? 'comment' : 'note';
    const text = comparableText(input.public ? replyHtml(input.text) : noteHtml(input.text, input.tags), 'html');
    const ours = (conversation.conversation_parts?.conversation_parts ?? []).find(
      (part) =>
        part.author.type === 'admin' &&
        part.author.id === settings.adminId &&
        part.part_type === partType &&
        (part.body?.includes(marker) === true || comparableText(part.body ?? '', 'html') === text),
    );
    return ours ? { externalId: ours.id } : null;
  }

  return {
    provider: 'intercom',

    findDelivery,

    verifyWebhook(request: WebhookRequest): WebhookVerification {
      if (!settings.clientSecret) {
        return verificationFailure('not_configured', 'INTERCOM_CLIENT_SECRET is not set.');
      }
      const header = headerValue(request.headers, SIGNATURE_HEADER);
      if (header === undefined) {
        return verificationFailure('missing_signature', 'The X-Hub-Signature header is missing.');
      }
      if (!header.toLowerCase().startsWith(SIGNATURE_PREFIX)) {
        return verificationFailure('bad_signature', 'X-Hub-Signature must look like "sha1=<hex>".');
      }
      const received = header.slice(SIGNATURE_PREFIX.length).toLowerCase();
      const expected = hmac('sha1', settings.clientSecret, [request.rawBody]).toString('hex');
      return signaturesMatch(expected, received)
        ? verified
        : verificationFailure('bad_signature', 'X-Hub-Signature does not match the body.');
    },

    async normalise(payload: unknown, request: WebhookRequest): Promise<NormalisedWebhook> {
      const envelope = parsePayload('intercom', intercomNotificationSchema, payload);
      if (envelope.topic === INTERCOM_PING_TOPIC) return { ticket: null, disposition: 'ping' };
      const delivery = envelope.id === null ? {} : { deliveryId: envelope.id };
      if (!INTERCOM_TRIAGED_TOPICS.has(envelope.topic)) {
        return { ticket: null, ...delivery, ignoredReason: `intercom topic ${envelope.topic} is not triaged` };
      }
      const parsed = intercomConversationNotificationSchema.safeParse(payload);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
        return {
          ticket: null,
          ...delivery,
          disposition: 'rejected',
          ignoredReason: `intercom ${envelope.topic} notification without a readable conversation (${issues}); subscribe the webhook with API version 2.x`,
        };
      }
      const mapping = mapIntercomNotification(parsed.data, request.now ?? new Date());
      return {
        ticket: mapping.ticket,
        ...delivery,
        ...(mapping.ignoredReason === undefined ? {} : { ignoredReason: mapping.ignoredReason }),
      };
    },

    postReply(input) {
      return reply(input, 'comment', replyHtml(input.text));
    },

    postNote(input) {
      return reply(input, 'note', noteHtml(input.text, input.tags));
    },
  };
}

function replyHtml(text: string): string {
  return plainTextToHtml(text);
}

function noteHtml(text: string, tags: readonly string[]): string {
  // Intercom tags a conversation by tag id, not name; the note carries the names for the reviewer.
  const tagLine = tags.length > 0 ? `<p><b>Tags:</b> ${escapeHtml(tags.join(', '))}</p>` : '';
  return plainTextToHtml(text) + tagLine;
}
