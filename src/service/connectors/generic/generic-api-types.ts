/**
 * The generic JSON webhook (our own contract, see README "HTTP") and the reply endpoint's answer.
 * These types stay inside connectors/generic/.
 */
import { z } from 'zod';

/** Strict: the contract promises a clear error for unknown fields rather than silently dropping them. */
export const genericWebhookPayloadSchema = z.strictObject({
  id: z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String),
  customer_email: z.email(),
  subject: z.string().optional(),
  body: z.string().trim().min(1, 'must not be empty'),
});

export type GenericWebhookPayload = z.output<typeof genericWebhookPayloadSchema>;

/** GENERIC_REPLY_URL may answer nothing, plain text, or JSON carrying the id of what it created. */
export const genericReplyResponseSchema = z.unknown().transform((value): string | undefined => {
  if (value && typeof value === 'object' && 'id' in value) {
    const id = value.id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return undefined;
});

export interface GenericReplyRequestBody {
  ticketId: string;
  externalId: string;
  text: string;
  public: boolean;
  tags?: string[];
}
