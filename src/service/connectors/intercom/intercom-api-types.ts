/**
 * Intercom wire types: the webhook notification and the reply API's answer. They stay inside
 * connectors/intercom/.
 */
import { z } from 'zod';

const intercomIdSchema = z.union([z.string().trim().min(1), z.number().int()]).transform(String);

const intercomAuthorSchema = z.looseObject({
  /** 'user' and 'lead' (or 'contact') are customers; 'admin', 'bot' and 'team' are us. */
  type: z.string(),
  id: intercomIdSchema.nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
});

export const intercomConversationPartSchema = z.looseObject({
  id: intercomIdSchema,
  part_type: z.string(),
  /** HTML. Null for parts without text (assignment, close). */
  body: z.string().nullish(),
  author: intercomAuthorSchema,
});

const intercomMessageSchema = z.looseObject({
  subject: z.string().nullish(),
  /** HTML. */
  body: z.string().nullish(),
  author: intercomAuthorSchema,
});

/**
 * API 1.x webhooks named the first message `conversation_message`; 2.x calls it `source`. A
 * subscription still on 1.x is read the same way rather than refused (README asks for 2.x).
 */
const intercomConversationSchema = z.preprocess(
  (item) =>
    typeof item === 'object' && item !== null && !('source' in item) && 'conversation_message' in item
      ? { ...item, source: (item as { conversation_message: unknown }).conversation_message }
      : item,
  z.looseObject({
    type: z.literal('conversation'),
    id: intercomIdSchema,
    source: intercomMessageSchema,
    conversation_parts: z
      .looseObject({ conversation_parts: z.array(intercomConversationPartSchema) })
      .nullish(),
  }),
);

/** The envelope of every Intercom webhook; `data.item` depends on the topic. */
export const intercomNotificationSchema = z.looseObject({
  type: z.literal('notification_event'),
  /** Null on the `ping` notification Intercom sends to test the endpoint. */
  id: z.string().min(1).nullable(),
  topic: z.string().min(1),
  data: z.looseObject({ item: z.unknown() }),
});

/** A notification whose item is a conversation (the `conversation.*` topics). */
export const intercomConversationNotificationSchema = intercomNotificationSchema.extend({
  data: z.looseObject({ item: intercomConversationSchema }),
});

export type IntercomConversationNotification = z.output<typeof intercomConversationNotificationSchema>;

export interface IntercomReplyRequest {
  message_type: 'comment' | 'note';
  type: 'admin';
  admin_id: string;
  /** HTML. */
  body: string;
}

/** `POST /conversations/{id}/reply` answers the conversation, our part last. */
export const intercomReplyResponseSchema = z
  .looseObject({
    conversation_parts: z
      .looseObject({ conversation_parts: z.array(z.looseObject({ id: intercomIdSchema })) })
      .nullish(),
  })
  .optional();

export type IntercomReplyResponse = z.output<typeof intercomReplyResponseSchema>;

/**
 * `GET /conversations/{id}`: the conversation with its parts (Intercom returns the most recent
 * 500), read to find an earlier post of ours before posting again.
 */
export const intercomConversationResponseSchema = z.looseObject({
  conversation_parts: z
    .looseObject({ conversation_parts: z.array(intercomConversationPartSchema) })
    .nullish(),
});
