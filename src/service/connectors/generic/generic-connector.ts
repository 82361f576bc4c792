/**
 * The generic JSON connector: any system that can sign a small JSON body with a shared secret.
 * Replies go to GENERIC_REPLY_URL as `POST {ticketId, externalId, text, public, tags?}`.
 *
 * Exactly-once here rests on the receiver: it must honour the `Idempotency-Key` header (one key per
 * outbox entry, `<ticketId>:send` or `<ticketId>:draft`): a POST with a key it has already seen
 * creates nothing and answers 2xx again (ideally with the first answer). The connector has no way
 * to read a generic receiver's messages back, so it cannot look for an earlier post before a retry
 * as the Zendesk, Intercom and HubSpot connectors do (see HelpdeskConnector.findDelivery).
 */
import { createConnectorHttpClient, type FetchFunction } from '../connector-http.js';
import type {
  HelpdeskConnector,
  NormalisedWebhook,
  PostNoteInput,
  PostReplyInput,
  PostResult,
  WebhookRequest,
  WebhookVerification,
} from '../helpdesk-connector.js';
import { parsePayload } from '../parse-payload.js';
import { externalTicketId } from '../ticket-external-id.js';
import { headerValue, hmac, signaturesMatch, verificationFailure, verified } from '../webhook-signature.js';
import {
  genericReplyResponseSchema,
  genericWebhookPayloadSchema,
  type GenericReplyRequestBody,
} from './generic-api-types.js';
import { mapGenericPayload } from './map-generic-payload.js';

export interface GenericConnectorSettings {
  webhookSecret: string;
  replyUrl: string;
  fetch?: FetchFunction;
  timeoutMs?: number;
}

const SIGNATURE_HEADER = 'x-signature';
const SIGNATURE_PREFIX = 'sha256=';

export function createGenericConnector(settings: GenericConnectorSettings): HelpdeskConnector {
  const http = createConnectorHttpClient({
    provider: 'generic',
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    headers: {},
  });

  async function post(input: PostReplyInput, isPublic: boolean, tags?: string[]): Promise<PostResult> {
    const body: GenericReplyRequestBody = {
      ticketId: input.ticket.id,
      externalId: externalTicketId('generic', input.ticket),
      text: input.text,
      public: isPublic,
      ...(tags ? { tags } : {}),
    };
    const externalId = await http.request({
      method: 'POST',
      url: settings.replyUrl,
      body,
      headers: { 'idempotency-key': input.idempotencyKey },
      signal: input.signal,
      responseSchema: genericReplyResponseSchema,
    });
    return externalId === undefined ? {} : { externalId };
  }

  return {
    provider: 'generic',

    verifyWebhook(request: WebhookRequest): WebhookVerification {
      if (!settings.webhookSecret) {
        return verificationFailure('not_configured', 'GENERIC_WEBHOOK_SECRET is not set.');
      }
      const header = headerValue(request.headers, SIGNATURE_HEADER);
      if (header === undefined) {
        return verificationFailure('missing_signature', 'The X-Signature header is missing.');
      }
      if (!header.toLowerCase().startsWith(SIGNATURE_PREFIX)) {
        return verificationFailure('bad_signature', 'X-Signature must look like "sha256=<hex>".');
      }
      const received = header.slice(SIGNATURE_PREFIX.length).toLowerCase();
      const expected = hmac('sha256', settings.webhookSecret, [request.rawBody]).toString('hex');
      return signaturesMatch(expected, received)
        ? verified
        : verificationFailure('bad_signature', 'X-Signature does not match the body.');
    },

    async normalise(payload: unknown, request: WebhookRequest): Promise<NormalisedWebhook> {
      const parsed = parsePayload('generic', genericWebhookPayloadSchema, payload);
      const deliveryId = headerValue(request.headers, 'x-delivery-id');
      return {
        ticket: mapGenericPayload(parsed, request.now ?? new Date()),
        ...(deliveryId === undefined ? {} : { deliveryId }),
      };
    },

    postReply(input) {
      return post(input, true);
    },

    postNote(input: PostNoteInput) {
      return post(input, false, input.tags);
    },
  };
}
