/**
 * Zendesk wire types: the two webhook bodies we accept and the API answers we read. They stay
 * inside connectors/zendesk/.
 */
import { z } from 'zod';

/** Zendesk ids are numbers, but a JSON template with "{{ticket.id}}" in quotes sends a string. */
const zendeskIdSchema = z
  .union([z.string().trim().regex(/^\d+$/, 'must be a numeric Zendesk id'), z.number().int().positive()])
  .transform(String);

/**
 * The body of a webhook called by a Zendesk trigger ("Notify active webhook"). Zendesk lets the admin
 * write the JSON with placeholders; a template such as this one fits (extra fields are ignored):
 *
 *   { "ticket": { "id": "{{ticket.id}}", "subject": "{{ticket.title}}",
 *                 "description": "{{ticket.description}}",
 *                 "requester": { "email": "{{ticket.requester.email}}", "name": "{{ticket.requester.name}}" } },
 *     "current_user": { "role": "{{current_user.role}}" } }
 *
 * An optional `ticket.latest_comment` (the text of the customer's newest comment, when the template
 * renders one) is triaged instead of the description, for triggers that fire on updates.
 * `current_user` is whoever caused the update: an agent's (or our own API user's) comment fires the
 * same trigger, and triaging it would make us answer ourselves.
 */
export const zendeskTriggerPayloadSchema = z.looseObject({
  ticket: z.looseObject({
    id: zendeskIdSchema,
    subject: z.string().nullish(),
    description: z.string().nullish(),
    latest_comment: z.string().nullish(),
    requester: z.looseObject({
      // Empty when the requester has no email (e.g. a social channel): normalise ignores such tickets.
      email: z.string().nullish(),
      name: z.string().nullish(),
    }),
  }),
  current_user: z.looseObject({ role: z.string().nullish() }).nullish(),
});

export type ZendeskTriggerPayload = z.output<typeof zendeskTriggerPayloadSchema>;

/**
 * A Zendesk event webhook (subscribed to ticket events, not called by a trigger), e.g.
 * `{type: 'zen:event-type:ticket.created', id, detail: {id, subject, description, requester_id, ...}}`.
 * It names the requester only by id, so normalise fetches the user's email.
 */
export const zendeskEventPayloadSchema = z.looseObject({
  type: z.string().startsWith('zen:event-type:'),
  id: z.string().min(1),
  time: z.string().nullish(),
  detail: z.looseObject({
    id: zendeskIdSchema,
    subject: z.string().nullish(),
    description: z.string().nullish(),
    requester_id: zendeskIdSchema,
  }),
  event: z
    .looseObject({
      comment: z
        .looseObject({
          body: z.string().nullish(),
          is_public: z.boolean().nullish(),
          author: z.looseObject({ id: zendeskIdSchema.nullish(), is_staff: z.boolean().nullish() }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
});

export type ZendeskEventPayload = z.output<typeof zendeskEventPayloadSchema>;

/** `GET /api/v2/users/{id}.json` */
export const zendeskUserResponseSchema = z.looseObject({
  user: z.looseObject({ id: z.number(), email: z.string().nullish() }),
});

/** `PUT /api/v2/tickets/{id}.json` answers the ticket and the audit that recorded our comment. */
export const zendeskTicketUpdateResponseSchema = z
  .looseObject({
    audit: z
      .looseObject({
        id: z.union([z.number(), z.string()]),
        events: z.array(z.looseObject({ id: z.union([z.number(), z.string()]), type: z.string() })).optional(),
      })
      .optional(),
  })
  .optional();

export type ZendeskTicketUpdateResponse = z.output<typeof zendeskTicketUpdateResponseSchema>;

export interface ZendeskTicketUpdateRequest {
  ticket: {
    comment: { body: string; public: boolean };
    /** Adds to the ticket's tags; `tags` would replace the ones agents set. */
    additional_tags?: string[];
    /**
     * Custom metadata of the audit this update creates (Zendesk keeps it under the audit's
     * `metadata.custom`, never shown to the requester): our outbox entry's id. Read-before-retry
     * looks for it on the listed comment and, failing that, matches the comment's text.
     */
    metadata?: { northwind_outbox_id: string };
  };
}

/** `GET /api/v2/tickets/{id}/comments?sort_order=desc`: the newest comments first. */
export const zendeskCommentsResponseSchema = z.looseObject({
  comments: z.array(
    z.looseObject({
      id: z.union([z.number(), z.string()]).transform(String),
      /** Plain text of the comment. */
      body: z.string().nullish(),
      public: z.boolean().nullish(),
      metadata: z.looseObject({ custom: z.record(z.string(), z.unknown()).nullish() }).nullish(),
    }),
  ),
});
