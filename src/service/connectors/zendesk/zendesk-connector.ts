/**
 * Zendesk: signed webhooks (trigger-called or event subscriptions), replies and internal notes as
 * ticket comments through the Tickets API.
 */
import { createConnectorHttpClient, type FetchFunction } from '../connector-http.js';
import { comparableText } from '../delivery-marker.js';
import type { Ticket } from '../../../triage/types.js';
import { ConnectorRequestError } from '../errors.js';
import type {
  EnrichmentResult,
  FindDeliveryInput,
  HelpdeskConnector,
  NormalisedWebhook,
  NormaliseOptions,
  PendingEnrichment,
  PostReplyInput,
  PostResult,
  WebhookRequest,
  WebhookVerification,
} from '../helpdesk-connector.js';
import { parsePayload } from '../parse-payload.js';
import { retryAfter, zendeskRateLimitReset } from '../rate-limit-headers.js';
import { externalTicketId } from '../ticket-external-id.js';
import {
  checkTimestampWindow,
  headerValue,
  hmac,
  signaturesMatch,
  verificationFailure,
  verified,
} from '../webhook-signature.js';
import {
  isZendeskEventPayload,
  mapZendeskEvent,
  mapZendeskTrigger,
  ZENDESK_REQUESTER_ID,
  zendeskCreatedCommentId,
  zendeskEnrichment,
  type ZendeskMapping,
} from './map-zendesk-webhook.js';
import {
  zendeskCommentsResponseSchema,
  zendeskEventPayloadSchema,
  zendeskTicketUpdateResponseSchema,
  zendeskTriggerPayloadSchema,
  zendeskUserResponseSchema,
  type ZendeskTicketUpdateRequest,
} from './zendesk-api-types.js';

export interface ZendeskConnectorSettings {
  /** e.g. https://acme.zendesk.com */
  baseUrl: string;
  /** The agent the API token belongs to. */
  email: string;
  apiToken: string;
  webhookSecret: string;
  fetch?: FetchFunction;
  timeoutMs?: number;
}

const SIGNATURE_HEADER = 'x-zendesk-webhook-signature';
const TIMESTAMP_HEADER = 'x-zendesk-webhook-signature-timestamp';
const INVOCATION_HEADER = 'x-zendesk-webhook-invocation-id';

export function createZendeskConnector(settings: ZendeskConnectorSettings): HelpdeskConnector {
  const baseUrl = settings.baseUrl.replace(/\/+$/, '');
  const credentials = Buffer.from(`${settings.email}/token:${settings.apiToken}`, 'utf8').toString('base64');
  const http = createConnectorHttpClient({
    provider: 'zendesk',
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    rateLimitHeaders: [retryAfter, zendeskRateLimitReset],
    headers: { authorization: `Basic ${credentials}` },
  });

  // No Idempotency-Key: Zendesk documents it for ticket creation only, not for the update that adds
  // our comment; exactly-once rests on the outbox's lease and state (outbox-dispatcher.ts).
  async function addComment(input: PostReplyInput, isPublic: boolean, tags: string[]): Promise<PostResult> {
    const ticketId = externalTicketId('zendesk', input.ticket);
    const body: ZendeskTicketUpdateRequest = {
      ticket: {
        comment: { body: input.text, public: isPublic },
        ...(tags.length > 0 ? { additional_tags: tags } : {}),
        ...(input.outboxId !== undefined ? { metadata: { northwind_outbox_id: input.outboxId } } : {}),
      },
    };
    const response = await http.request({
      method: 'PUT',
      url: `${baseUrl}/api/v2/tickets/${encodeURIComponent(ticketId)}.json`,
      body,
      signal: input.signal,
      responseSchema: zendeskTicketUpdateResponseSchema,
    });
    const externalId = zendeskCreatedCommentId(response);
    return externalId === undefined ? {} : { externalId };
  }

  /**
   * The ticket's newest comments (Zendesk's List Comments, newest first: an earlier attempt of
   * ours is among the last ones): ours carries the outbox id in its metadata, or else the same
   * text with the same visibility.
   */
  async function findDelivery(input: FindDeliveryInput): Promise<PostResult | null> {
    const ticketId = externalTicketId('zendesk', input.ticket);
    const { comments } = await http.request({
      method: 'GET',
      url: `${baseUrl}/api/v2/tickets/${encodeURIComponent(ticketId)}/comments.json?sort_order=desc`,
      signal: input.signal,
      responseSchema: zendeskCommentsResponseSchema,
    });
    const text = comparableText(input.text, 'plain');
    const ours = comments.find(
      (comment) =>
        comment.metadata?.custom?.northwind_outbox_id === input.outboxId ||
        (comment.public === input.public && comparableText(comment.body ?? '', 'plain') === text),
    );
    return ours ? { externalId: ours.id } : null;
  }

  return {
    provider: 'zendesk',

    findDelivery,

    verifyWebhook(request: WebhookRequest): WebhookVerification {
      if (!settings.webhookSecret) {
        return verificationFailure('not_configured', 'ZENDESK_WEBHOOK_SECRET is not set.');
      }
      const signature = headerValue(request.headers, SIGNATURE_HEADER);
      const timestamp = headerValue(request.headers, TIMESTAMP_HEADER);
      if (signature === undefined || timestamp === undefined) {
        return verificationFailure(
          'missing_signature',
          'X-Zendesk-Webhook-Signature and X-Zendesk-Webhook-Signature-Timestamp are both required.',
        );
      }
      const window = checkTimestampWindow(Date.parse(timestamp), request.now ?? new Date(), 'X-Zendesk-Webhook-Signature-Timestamp');
      if (!window.ok) return window;
      const expected = hmac('sha256', settings.webhookSecret, [timestamp, request.rawBody]).toString('base64');
      return signaturesMatch(expected, signature)
        ? verified
        : verificationFailure('bad_signature', 'X-Zendesk-Webhook-Signature does not match the timestamp and body.');
    },

    async normalise(payload: unknown, request: WebhookRequest, options: NormaliseOptions = {}): Promise<NormalisedWebhook> {
      const receivedAt = request.now ?? new Date();
      const invocationId = headerValue(request.headers, INVOCATION_HEADER);
      let mapping: ZendeskMapping;
      let deliveryId = invocationId;
      let enrichment: PendingEnrichment | undefined;

      if (isZendeskEventPayload(payload)) {
        const event = parsePayload('zendesk', zendeskEventPayloadSchema, payload);
        // Zendesk retries an event with the same event id, so it identifies the delivery too.
        deliveryId ??= event.id;
        mapping = mapZendeskEvent(event, undefined, receivedAt);
        // The requester's email is looked up by the worker (enrich), once: answering Zendesk never
        // waits on its API, and a redelivered duplicate makes no call at all.
        if (mapping.ticket) enrichment = zendeskEnrichment(event);
      } else {
        mapping = mapZendeskTrigger(parsePayload('zendesk', zendeskTriggerPayloadSchema, payload), receivedAt);
      }

      return {
        ticket: mapping.ticket,
        ...(deliveryId === undefined ? {} : { deliveryId }),
        ...(mapping.ignoredReason === undefined ? {} : { ignoredReason: mapping.ignoredReason }),
        ...(enrichment === undefined ? {} : { enrichment }),
      };
    },

    async enrich(ticket: Ticket, pending: PendingEnrichment, options: NormaliseOptions = {}): Promise<EnrichmentResult> {
      const requesterId = pending[ZENDESK_REQUESTER_ID];
      if (requesterId === undefined) return { ticket };
      try {
        const { user } = await http.request({
          method: 'GET',
          url: `${baseUrl}/api/v2/users/${encodeURIComponent(requesterId)}.json`,
          signal: options.signal,
          responseSchema: zendeskUserResponseSchema,
        });
        const email = user.email?.trim() ?? '';
        return email === ''
          ? { ticket, note: `zendesk user ${requesterId} has no email: triaged as an unknown sender` }
          : { ticket: { ...ticket, customerEmail: email } };
      } catch (error) {
        // A deleted or suspended requester: the ticket is still answered in Zendesk, as an unknown sender.
        if (error instanceof ConnectorRequestError && !error.isRetryable) {
          return { ticket, note: `zendesk user ${requesterId} could not be read (${error.message}): triaged as an unknown sender` };
        }
        throw error;
      }
    },

    postReply(input) {
      return addComment(input, true, []);
    },

    postNote(input) {
      return addComment(input, false, input.tags);
    },
  };
}
