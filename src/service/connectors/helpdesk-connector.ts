/**
 * The one interface every helpdesk connector implements. Provider wire types (Zendesk, Intercom,
 * HubSpot, the generic JSON) stay inside their folders; routes and the outbox only see these types.
 */
import type { HelpdeskProvider, Ticket } from '../../triage/types.js';

export type { HelpdeskProvider } from '../../triage/types.js';

/** Header names in lower case, as Node gives them. */
export type HeaderBag = Record<string, string | string[] | undefined>;

export interface WebhookRequest {
  /** The body exactly as received: signatures are computed over these bytes, never re-serialised JSON. */
  rawBody: Buffer;
  headers: HeaderBag;
  method: string;
  /** Path and query as received, e.g. "/webhooks/hubspot?portal=1". */
  url: string;
  /** Injected clock for the timestamp window; defaults to the current time. */
  now?: Date;
}

export type WebhookVerificationFailureCode =
  | 'missing_signature'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'not_configured';

export type WebhookVerification =
  | { ok: true }
  | { ok: false; code: WebhookVerificationFailureCode; message: string };

/**
 * What the worker still has to fetch from the helpdesk before a ticket can be triaged (a
 * requester's email named only by id, ...). Opaque to routes and worker: only the connector that
 * wrote it reads it back, in `enrich`. Answering a webhook never waits on a helpdesk API.
 */
export type PendingEnrichment = Readonly<Record<string, string>>;

export interface NormalisedWebhook {
  /** Null for an event we deliberately ignore (an agent's own reply, an unrelated topic, ...). */
  ticket: Ticket | null;
  /** The provider's id of this delivery, for idempotent enqueueing. */
  deliveryId?: string;
  ignoredReason?: string;
  /**
   * 'ignored' (default when there is no ticket): a well-formed event we do not triage;
   * 'rejected': an event we could not use (wrong shape, no such ticket). Both are recorded.
   * 'ping': the helpdesk testing the endpoint; answered 200 and not recorded.
   */
  disposition?: 'ignored' | 'rejected' | 'ping';
  /** Set with `ticket` when the worker must fetch more before triage. */
  enrichment?: PendingEnrichment;
  /**
   * HubSpot batches up to 100 events in one request: the first is described above, the others
   * here, each with its own delivery id. Absent for providers that send one event per request.
   */
  more?: NormalisedWebhook[];
}

export interface NormaliseOptions {
  signal?: AbortSignal;
}

export interface PostReplyInput {
  ticket: Ticket;
  text: string;
  idempotencyKey: string;
  /**
   * The outbox entry's id. A connector that can find its own posts again puts it in what it posts
   * (a marker the customer does not see), so `findDelivery` recognises it.
   */
  outboxId?: string;
  signal?: AbortSignal;
}

export interface PostNoteInput extends PostReplyInput {
  tags: string[];
}

export interface PostResult {
  /** The helpdesk's id of what was created (comment, conversation part, note), when it says. */
  externalId?: string;
}

/** What the outbox posted (or was about to post) for one entry, to look for on the helpdesk. */
export interface FindDeliveryInput {
  ticket: Ticket;
  outboxId: string;
  /** The exact text that was posted. */
  text: string;
  /** A public reply, or else an internal note. */
  public: boolean;
  /** The note's tags (empty for a reply): part of what a note looks like. */
  tags: string[];
  signal?: AbortSignal;
}
export type EnrichmentResult =
  /** `note` says why the fetch could not complete it and it goes on as it is (e.g. unknown sender). */
  | { ticket: Ticket; note?: string }
  /** The helpdesk no longer has it (deleted, merged) or it holds nothing to triage. */
  | { ticket: null; reason: string };

export interface HelpdeskConnector {
  readonly provider: HelpdeskProvider;
  verifyWebhook(request: WebhookRequest): WebhookVerification;
  /** Throws ConnectorPayloadError (statusCode 400, with the zod issues) on a payload of the wrong shape. */
  normalise(payload: unknown, request: WebhookRequest, options?: NormaliseOptions): Promise<NormalisedWebhook>;
  /** Posts a public reply the customer sees. */
  postReply(input: PostReplyInput): Promise<PostResult>;
  /** Posts an internal note (a draft for a reviewer) with the escalation tags. */
  postNote(input: PostNoteInput): Promise<PostResult>;
  /**
   * Read-before-retry: after an attempt that may have reached the helpdesk (a timeout, a dropped
   * connection, a 5xx, a crash), the outbox asks here before posting again. Reads the ticket's
   * comments / conversation parts / notes and returns the one an earlier attempt of `outboxId`
   * created, or null. Zendesk, Intercom and HubSpot document no idempotency key for these calls,
   * so this, not the Idempotency-Key header, is what keeps a reply from being posted twice.
   * A connector without it (generic) relies on its receiver honouring Idempotency-Key.
   */
  findDelivery?(input: FindDeliveryInput): Promise<PostResult | null>;
  /**
   * Runs in the worker, once per ticket, for a ticket stored with `enrichment`. Throws a retryable
   * ConnectorRequestError when the helpdesk is briefly unavailable (the job is retried).
   */
  enrich?(ticket: Ticket, pending: PendingEnrichment, options?: NormaliseOptions): Promise<EnrichmentResult>;
}

/** Our ticket id for a helpdesk's ticket: `${provider}:${externalId}`. */
export function ticketIdFor(provider: HelpdeskProvider, externalId: string): string {
  return `${provider}:${externalId}`;
}
