/**
 * HubSpot: signed (v3) webhook batches that name tickets by id, so normalise fetches each ticket and
 * its contact; replies and drafts are notes on the ticket (see map-hubspot-ticket.ts for why).
 */
import { createConnectorHttpClient, type FetchFunction } from '../connector-http.js';
import type {
  HelpdeskConnector,
  NormalisedWebhook,
  NormaliseOptions,
  PostReplyInput,
  PostResult,
  WebhookRequest,
  WebhookVerification,
} from '../helpdesk-connector.js';
import { parsePayload } from '../parse-payload.js';
import { hubSpotRateLimitWindow, retryAfter } from '../rate-limit-headers.js';
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
  hubSpotContactResponseSchema,
  hubSpotCreateNoteResponseSchema,
  hubSpotTicketResponseSchema,
  hubSpotWebhookPayloadSchema,
  type HubSpotWebhookEvent,
} from './hubspot-api-types.js';
import { hubSpotRequestUri } from './hubspot-request-uri.js';
import {
  buildHubSpotNote,
  HUBSPOT_TRIAGED_SUBSCRIPTION,
  hubSpotTicketContactId,
  mapHubSpotTicket,
} from './map-hubspot-ticket.js';

export interface HubSpotConnectorSettings {
  baseUrl?: string;
  accessToken: string;
  /** The app's client secret: HubSpot signs webhooks with it. */
  clientSecret: string;
  /**
   * The origin HubSpot calls, e.g. "https://triage.example.com" (plus any path prefix a proxy
   * strips): the signature covers the full URL. Defaults to https and the Host header.
   */
  publicUrl?: string;
  fetch?: FetchFunction;
  timeoutMs?: number;
  /** Clock for the notes' hs_timestamp; replaceable in tests. */
  now?: () => Date;
}

const SIGNATURE_HEADER = 'x-hubspot-signature-v3';
const TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';
/** Tickets of one batch fetched at once: fast enough for HubSpot's 5 s webhook timeout, gentle on its rate limit. */
const FETCH_CONCURRENCY = 4;

export function createHubSpotConnector(settings: HubSpotConnectorSettings): HelpdeskConnector {
  const baseUrl = (settings.baseUrl ?? 'https://api.hubapi.com').replace(/\/+$/, '');
  const now = settings.now ?? (() => new Date());
  const http = createConnectorHttpClient({
    provider: 'hubspot',
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    rateLimitHeaders: [retryAfter, hubSpotRateLimitWindow],
    headers: { authorization: `Bearer ${settings.accessToken}` },
  });

  async function normaliseEvent(
    event: HubSpotWebhookEvent,
    receivedAt: Date,
    signal: AbortSignal | undefined,
  ): Promise<NormalisedWebhook> {
    const deliveryId = event.eventId;
    if (event.subscriptionType !== HUBSPOT_TRIAGED_SUBSCRIPTION) {
      return { ticket: null, deliveryId, ignoredReason: `hubspot ${event.subscriptionType} events are not triaged` };
    }
    const ticket = await http.request({
      method: 'GET',
      url: `${baseUrl}/crm/v3/objects/tickets/${encodeURIComponent(event.objectId)}?properties=subject,content,hs_pipeline&associations=contacts`,
      signal,
      responseSchema: hubSpotTicketResponseSchema,
    });
    const contactId = hubSpotTicketContactId(ticket);
    let email: string | null | undefined;
    if (contactId !== undefined) {
      const contact = await http.request({
        method: 'GET',
        url: `${baseUrl}/crm/v3/objects/contacts/${encodeURIComponent(contactId)}?properties=email`,
        signal,
        responseSchema: hubSpotContactResponseSchema,
      });
      email = contact.properties.email;
    }
    const mapping = mapHubSpotTicket(ticket, email, receivedAt);
    return {
      ticket: mapping.ticket,
      deliveryId,
      ...(mapping.ignoredReason === undefined ? {} : { ignoredReason: mapping.ignoredReason }),
    };
  }

  async function createNote(input: PostReplyInput, kind: 'reply' | 'draft', tags: string[]): Promise<PostResult> {
    const ticketId = externalTicketId('hubspot', input.ticket);
    const created = await http.request({
      method: 'POST',
      url: `${baseUrl}/crm/v3/objects/notes`,
      body: buildHubSpotNote(ticketId, input.text, kind, tags, now()),
      headers: { 'idempotency-key': input.idempotencyKey },
      signal: input.signal,
      responseSchema: hubSpotCreateNoteResponseSchema,
    });
    return { externalId: created.id };
  }

  return {
    provider: 'hubspot',

    verifyWebhook(request: WebhookRequest): WebhookVerification {
      if (!settings.clientSecret) {
        return verificationFailure('not_configured', 'HUBSPOT_CLIENT_SECRET is not set.');
      }
      const signature = headerValue(request.headers, SIGNATURE_HEADER);
      const timestamp = headerValue(request.headers, TIMESTAMP_HEADER);
      if (signature === undefined || timestamp === undefined) {
        return verificationFailure(
          'missing_signature',
          'X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp are both required.',
        );
      }
      const timestampMs = /^\d+$/.test(timestamp) ? Number(timestamp) : Number.NaN;
      const window = checkTimestampWindow(timestampMs, request.now ?? new Date(), 'X-HubSpot-Request-Timestamp');
      if (!window.ok) return window;
      const uri = hubSpotRequestUri(request.url, request.headers, settings.publicUrl);
      if (uri === undefined) {
        return verificationFailure('not_configured', 'HubSpot public URL unknown: set publicUrl or send a Host header.');
      }
      const expected = hmac('sha256', settings.clientSecret, [
        request.method.toUpperCase(),
        uri,
        request.rawBody,
        timestamp,
      ]).toString('base64');
      return signaturesMatch(expected, signature)
        ? verified
        : verificationFailure('bad_signature', 'X-HubSpot-Signature-v3 does not match the method, URL, body and timestamp.');
    },

    async normalise(payload: unknown, request: WebhookRequest, options: NormaliseOptions = {}): Promise<NormalisedWebhook> {
      const events = parsePayload('hubspot', hubSpotWebhookPayloadSchema, payload);
      const receivedAt = request.now ?? new Date();
      const results = await mapWithConcurrency(events, FETCH_CONCURRENCY, (event) =>
        normaliseEvent(event, receivedAt, options.signal),
      );
      const [first, ...rest] = results;
      // The schema guarantees at least one event.
      const head = first as NormalisedWebhook;
      return rest.length > 0 ? { ...head, more: rest } : head;
    },

    postReply(input) {
      return createNote(input, 'reply', []);
    },

    postNote(input) {
      return createNote(input, 'draft', input.tags);
    },
  };
}

/** Like Promise.all over `items.map(task)`, with at most `limit` tasks running; keeps the order. */
async function mapWithConcurrency<TItem, TResult>(
  items: readonly TItem[],
  limit: number,
  task: (item: TItem) => Promise<TResult>,
): Promise<TResult[]> {
  const results = new Array<TResult>(items.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as TItem);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
