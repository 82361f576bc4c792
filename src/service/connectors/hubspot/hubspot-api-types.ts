/**
 * HubSpot wire types: the webhook events, the CRM objects normalise reads and the note it writes.
 * They stay inside connectors/hubspot/.
 */
import { z } from 'zod';

const hubSpotIdSchema = z.union([z.string().trim().regex(/^\d+$/, 'must be a numeric HubSpot id'), z.number().int()]).transform(String);

/** One event of a webhook batch. HubSpot sends only ids: the ticket itself is fetched. */
export const hubSpotWebhookEventSchema = z.looseObject({
  eventId: hubSpotIdSchema,
  subscriptionType: z.string().min(1),
  objectId: hubSpotIdSchema,
  occurredAt: z.number().optional(),
  portalId: z.number().optional(),
  attemptNumber: z.number().optional(),
});

/** HubSpot batches up to 100 events per request; each event is read on its own (one bad event spoils nothing else). */
export const hubSpotWebhookPayloadSchema = z.array(z.unknown()).min(1, 'must hold at least one event');

export type HubSpotWebhookEvent = z.output<typeof hubSpotWebhookEventSchema>;

/** `GET /crm/v3/objects/tickets/{id}?properties=subject,content,hs_pipeline&associations=contacts` */
export const hubSpotTicketResponseSchema = z.looseObject({
  id: hubSpotIdSchema,
  properties: z.looseObject({
    subject: z.string().nullish(),
    content: z.string().nullish(),
    hs_pipeline: z.string().nullish(),
  }),
  associations: z
    .looseObject({
      contacts: z.looseObject({ results: z.array(z.looseObject({ id: hubSpotIdSchema })) }).optional(),
      notes: z.looseObject({ results: z.array(z.looseObject({ id: hubSpotIdSchema })) }).optional(),
    })
    .optional(),
});

export type HubSpotTicketResponse = z.output<typeof hubSpotTicketResponseSchema>;

/** `GET /crm/v3/objects/contacts/{id}?properties=email` */
export const hubSpotContactResponseSchema = z.looseObject({
  id: hubSpotIdSchema,
  properties: z.looseObject({ email: z.string().nullish() }),
});

/** HubSpot's own association type "note to ticket". */
export const NOTE_TO_TICKET_ASSOCIATION_TYPE_ID = 228;

export interface HubSpotCreateNoteRequest {
  properties: { hs_note_body: string; hs_timestamp: string };
  associations: Array<{
    to: { id: string };
    types: Array<{ associationCategory: 'HUBSPOT_DEFINED'; associationTypeId: number }>;
  }>;
}

/** `POST /crm/v3/objects/notes` */
export const hubSpotCreateNoteResponseSchema = z.looseObject({ id: hubSpotIdSchema });

/** `POST /crm/v3/objects/notes/batch/read` with `properties: ['hs_note_body']`. */
export interface HubSpotBatchReadRequest {
  properties: string[];
  inputs: Array<{ id: string }>;
}

export const hubSpotNotesBatchReadResponseSchema = z.looseObject({
  results: z.array(z.looseObject({ id: hubSpotIdSchema, properties: z.looseObject({ hs_note_body: z.string().nullish() }) })),
});

/** `GET /conversations/v3/conversations/threads?associatedTicketId={id}`: the ticket's conversation, if any. */
export const hubSpotThreadSchema = z.looseObject({
  id: hubSpotIdSchema,
  originalChannelId: z.string().nullish(),
  originalChannelAccountId: z.string().nullish(),
  archived: z.boolean().nullish(),
});

export const hubSpotThreadListSchema = z.looseObject({ results: z.array(hubSpotThreadSchema) });

/** `POST /conversations/v3/conversations/threads/{threadId}/messages` */
export interface HubSpotSendMessageRequest {
  type: 'MESSAGE';
  text: string;
  richText: string;
  senderActorId: string;
  channelId: string;
  channelAccountId: string;
  recipients: Array<{ deliveryIdentifiers: Array<{ type: 'HS_EMAIL_ADDRESS'; value: string }> }>;
}

export const hubSpotMessageResponseSchema = z.looseObject({ id: z.string() });
