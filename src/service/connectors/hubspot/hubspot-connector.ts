/**
 * HubSpot: signed (v3) webhook batches that name tickets by id; the worker fetches each ticket, its
 * contact and its conversation thread (enrich). Public replies go to the thread through the
 * conversations API; a ticket without one takes notes only (the decision is then `noted`).
 */
import { createConnectorHttpClient, type FetchFunction } from '../connector-http.js';
import { comparableText, deliveryMarker } from '../delivery-marker.js';
import type { Ticket } from '../../../triage/types.js';
import { ConnectorRequestError } from '../errors.js';
import { plainTextToHtml } from '../plain-text-to-html.js';
import {
  ticketIdFor,
  type EnrichmentResult,
  type FindDeliveryInput,
  type HelpdeskConnector,
  type NormalisedWebhook,
  type NormaliseOptions,
  type PendingEnrichment,
  type PostReplyInput,
  type PostResult,
  type WebhookRequest,
  type WebhookVerification,
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
  type HubSpotBatchReadRequest,
  hubSpotContactResponseSchema,
  hubSpotCreateNoteResponseSchema,
  hubSpotNotesBatchReadResponseSchema,
  hubSpotTicketResponseSchema,
  hubSpotMessageResponseSchema,
  hubSpotThreadListSchema,
  hubSpotThreadSchema,
  hubSpotWebhookEventSchema,
  hubSpotWebhookPayloadSchema,
  type HubSpotSendMessageRequest,
} from './hubspot-api-types.js';
import { hubSpotRequestUri } from './hubspot-request-uri.js';
import {
  buildHubSpotNote,
  hubSpotNoteBody,
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
  /**
   * The actor public replies are sent as in conversation threads ("A-" and a HubSpot user id).
   * Without it every reply is an internal note and the decision says `noted`.
   */
  senderActorId?: string;
  /** Clock for the notes' hs_timestamp; replaceable in tests. */
  now?: () => Date;
}

const SIGNATURE_HEADER = 'x-hubspot-signature-v3';
const TIMESTAMP_HEADER = 'x-hubspot-request-timestamp';
/** HubSpot's limit of objects per batch read. */
const BATCH_READ_LIMIT = 100;
/** Tickets of one batch fetched at once: fast enough for HubSpot's 5 s webhook timeout, gentle on its rate limit. */
const FETCH_CONCURRENCY = 4;
/** The worker's pending fetch for a ticket.creation event. */
const HUBSPOT_TICKET_ID = 'hubspotTicketId';

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

  /**
   * One event of a batch, read on its own: a malformed event is reported, the others still count.
   * Nothing is fetched here: the worker reads the ticket (enrich) once, so answering HubSpot
   * never waits on its API, whatever the batch size.
   */
  function normaliseEvent(raw: unknown, index: number, receivedAt: Date): NormalisedWebhook {
    const parsed = hubSpotWebhookEventSchema.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
      const eventId = typeof raw === 'object' && raw !== null && 'eventId' in raw ? String(raw.eventId) : undefined;
      return {
        ticket: null,
        ...(eventId === undefined ? {} : { deliveryId: eventId }),
        disposition: 'rejected',
        ignoredReason: `hubspot event ${index + 1} of the batch is not a webhook event (${issues})`,
      };
    }
    const event = parsed.data;
    if (event.subscriptionType !== HUBSPOT_TRIAGED_SUBSCRIPTION) {
      return { ticket: null, deliveryId: event.eventId, ignoredReason: `hubspot ${event.subscriptionType} events are not triaged` };
    }
    return {
      ticket: {
        id: ticketIdFor('hubspot', event.objectId),
        source: 'hubspot',
        externalId: event.objectId,
        // Filled in by enrich, in the worker.
        customerEmail: '',
        body: '',
        receivedAt: receivedAt.toISOString(),
      },
      deliveryId: event.eventId,
      enrichment: { [HUBSPOT_TICKET_ID]: event.objectId },
    };
  }

  async function enrich(ticket: Ticket, pending: PendingEnrichment, options: NormaliseOptions = {}): Promise<EnrichmentResult> {
    const ticketId = pending[HUBSPOT_TICKET_ID];
    if (ticketId === undefined) return { ticket };
    const { signal } = options;
    let crmTicket;
    try {
      crmTicket = await http.request({
        method: 'GET',
        url: `${baseUrl}/crm/v3/objects/tickets/${encodeURIComponent(ticketId)}?properties=subject,content,hs_pipeline&associations=contacts`,
        signal,
        responseSchema: hubSpotTicketResponseSchema,
      });
    } catch (error) {
      if (error instanceof ConnectorRequestError && error.statusCode === 404) {
        return { ticket: null, reason: `hubspot ticket ${ticketId} does not exist (deleted or merged since the event)` };
      }
      throw error;
    }
    const contactId = hubSpotTicketContactId(crmTicket);
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
    const mapping = mapHubSpotTicket(crmTicket, email, new Date(ticket.receivedAt));
    if (!mapping.ticket) return { ticket: null, reason: mapping.ignoredReason };
    // A public reply needs the ticket's conversation thread and an actor to send as; without
    // either the ticket can only take notes, and a reply approved for it is `noted`.
    if (!settings.senderActorId) return { ticket: mapping.ticket, note: 'HUBSPOT_SENDER_ACTOR_ID is not set: replies become notes' };
    const threads = await http.request({
      method: 'GET',
      url: `${baseUrl}/conversations/v3/conversations/threads?associatedTicketId=${encodeURIComponent(ticketId)}&archived=false&limit=1`,
      signal,
      responseSchema: hubSpotThreadListSchema,
    });
    const thread = threads.results[0];
    return thread
      ? { ticket: { ...mapping.ticket, threadId: thread.id } }
      : { ticket: mapping.ticket, note: `hubspot ticket ${ticketId} has no conversation thread: replies become notes` };
  }

  async function createNote(input: PostReplyInput, kind: 'reply' | 'draft', tags: string[]): Promise<PostResult> {
    const ticketId = externalTicketId('hubspot', input.ticket);
    const created = await http.request({
      method: 'POST',
      url: `${baseUrl}/crm/v3/objects/notes`,
      body: buildHubSpotNote(ticketId, input.text, kind, tags, now(), input.outboxId),
      signal: input.signal,
      responseSchema: hubSpotCreateNoteResponseSchema,
    });
    return { externalId: created.id };
  }

  /**
   * The notes associated with the ticket (the ticket read with `associations=notes`, then the
   * newest 100 notes' bodies in one batch read): ours carries the reference line, or else the
   * same body.
   */
  async function findDelivery(input: FindDeliveryInput): Promise<PostResult | null> {
    const ticketId = externalTicketId('hubspot', input.ticket);
    const ticket = await http.request({
      method: 'GET',
      url: `${baseUrl}/crm/v3/objects/tickets/${encodeURIComponent(ticketId)}?associations=notes`,
      signal: input.signal,
      responseSchema: hubSpotTicketResponseSchema,
    });
    const noteIds = (ticket.associations?.notes?.results ?? []).map((note) => note.id).slice(-BATCH_READ_LIMIT);
    if (noteIds.length === 0) return null;
    const request: HubSpotBatchReadRequest = { properties: ['hs_note_body'], inputs: noteIds.map((id) => ({ id })) };
    const { results } = await http.request({
      method: 'POST',
      url: `${baseUrl}/crm/v3/objects/notes/batch/read`,
      body: request,
      signal: input.signal,
      responseSchema: hubSpotNotesBatchReadResponseSchema,
    });
    const marker = deliveryMarker(input.outboxId);
    const expected = comparableText(hubSpotNoteBody(input.text, input.public ? 'reply' : 'draft', input.tags), 'html');
    const ours = results.find((note) => {
      const body = note.properties.hs_note_body ?? '';
      return body.includes(marker) || comparableText(body, 'html') === expected;
    });
    return ours ? { externalId: ours.id } : null;
  }

  /** A public reply in the ticket's conversation thread, on the channel the customer wrote in. */
  async function sendThreadMessage(input: PostReplyInput, threadId: string, senderActorId: string): Promise<PostResult> {
    const threadUrl = `${baseUrl}/conversations/v3/conversations/threads/${encodeURIComponent(threadId)}`;
    const thread = await http.request({ method: 'GET', url: threadUrl, signal: input.signal, responseSchema: hubSpotThreadSchema });
    if (!thread.originalChannelId || !thread.originalChannelAccountId) {
      throw new ConnectorRequestError(`hubspot thread ${threadId} names no channel to answer on.`, { isRetryable: false });
    }
    const email = input.ticket.customerEmail.trim();
    const message: HubSpotSendMessageRequest = {
      type: 'MESSAGE',
      text: input.text,
      richText: plainTextToHtml(input.text),
      senderActorId,
      channelId: thread.originalChannelId,
      channelAccountId: thread.originalChannelAccountId,
      recipients: email === '' ? [] : [{ deliveryIdentifiers: [{ type: 'HS_EMAIL_ADDRESS', value: email }] }],
    };
    const sent = await http.request({
      method: 'POST',
      url: `${threadUrl}/messages`,
      body: message,
      signal: input.signal,
      responseSchema: hubSpotMessageResponseSchema,
    });
    return { externalId: sent.id };
  }

  return {
    provider: 'hubspot',

    findDelivery,

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

    async normalise(payload: unknown, request: WebhookRequest): Promise<NormalisedWebhook> {
      const events = parsePayload('hubspot', hubSpotWebhookPayloadSchema, payload);
      const receivedAt = request.now ?? new Date();
      const results = events.map((event, index) => normaliseEvent(event, index, receivedAt));
      const [first, ...rest] = results;
      // The schema guarantees at least one event.
      const head = first as NormalisedWebhook;
      return rest.length > 0 ? { ...head, more: rest } : head;
    },

    enrich,

    postReply(input) {
      // Without a thread (or a sender) the approved reply can only be a note: the decision says `noted`.
      if (input.ticket.threadId && settings.senderActorId) return sendThreadMessage(input, input.ticket.threadId, settings.senderActorId);
      return createNote(input, 'reply', []);
    },

    postNote(input) {
      return createNote(input, 'draft', input.tags);
    },
  };
}
